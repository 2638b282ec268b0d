#include "training/data/schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::train {

namespace {

// A uniform double in [0, 1) from a 64-bit hash.
double unit_interval(uint64_t x) {
    return static_cast<double>(x >> 11) * (1.0 / 9007199254740992.0);
}

uint64_t string_hash(const std::string& s) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace

std::vector<int64_t> seeded_permutation(int64_t n, uint64_t seed) {
    std::vector<int64_t> p(static_cast<std::size_t>(n));
    std::iota(p.begin(), p.end(), 0);
    uint64_t state = seed;
    for (int64_t i = n - 1; i > 0; --i) {
        state = mix_seed(state, static_cast<uint64_t>(i));
        const auto j = static_cast<int64_t>(state % static_cast<uint64_t>(i + 1));
        std::swap(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]);
    }
    return p;
}

BatchSchedule::BatchSchedule(int64_t ranks, int64_t accumulation)
    : ranks_(ranks), accumulation_(accumulation) {
    if (ranks_ < 1 || accumulation_ < 1)
        throw ConfigError("schedule: ranks and accumulation must be positive");
}

// --- uniform ---------------------------------------------------------------------------------

UniformSchedule::UniformSchedule(int64_t dataset_size, int64_t ranks, int64_t accumulation,
                                 int64_t batch, uint64_t seed)
    : BatchSchedule(ranks, accumulation),
      schedule_(dataset_size, ranks, accumulation, batch, seed) {}

MicroBatchPlan UniformSchedule::plan(int64_t step, int64_t rank) const {
    std::lock_guard<std::mutex> lock(mutex_);
    MicroBatchPlan out(static_cast<std::size_t>(accumulation_));
    for (int64_t m = 0; m < accumulation_; ++m)
        for (int64_t slot : schedule_.slots(step, rank, m))
            out[static_cast<std::size_t>(m)].push_back({slot, schedule_.index_of_slot(slot)});
    return out;
}

// --- buckets ---------------------------------------------------------------------------------

BucketSchedule::BucketSchedule(const std::vector<std::string>& bucket_of, int64_t ranks,
                               int64_t accumulation, int64_t batch, uint64_t seed)
    : BatchSchedule(ranks, accumulation), batch_(batch), seed_(seed) {
    if (bucket_of.empty()) throw ConfigError("bucket schedule: the dataset is empty");
    if (batch_ < 1) throw ConfigError("bucket schedule: batch must be positive");
    std::map<std::string, std::vector<int64_t>> groups;
    for (std::size_t i = 0; i < bucket_of.size(); ++i)
        groups[bucket_of[i]].push_back(static_cast<int64_t>(i));
    double total = 0.0;
    for (auto& [key, members] : groups) {
        keys_.push_back(key);
        members_.push_back(std::move(members));
        total += static_cast<double>(members_.back().size());
        cumulative_.push_back(total);
    }
    for (double& c : cumulative_)
        c /= total;
    cursors_.push_back(std::vector<int64_t>(keys_.size(), 0));
}

int64_t BucketSchedule::bucket_at(int64_t step) const {
    // One generator draw seeded by the step alone: the same bucket on every rank.
    const double u = unit_interval(mix_seed(seed_, 6, static_cast<uint64_t>(step)));
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min<int64_t>(static_cast<int64_t>(it - cumulative_.begin()),
                             static_cast<int64_t>(keys_.size()) - 1);
}

int64_t BucketSchedule::cursor_before(int64_t step, int64_t bucket) const {
    // Per-bucket cursors are kept every kCheckpointSteps steps and replayed from the nearest
    // one: memory stays small for long runs and a resumed run needs no saved state.
    constexpr int64_t kCheckpointSteps = 1024;
    const int64_t checkpoint = step / kCheckpointSteps;
    while (static_cast<int64_t>(cursors_.size()) <= checkpoint) {
        std::vector<int64_t> next = cursors_.back();
        const int64_t first = (static_cast<int64_t>(cursors_.size()) - 1) * kCheckpointSteps;
        for (int64_t s = first; s < first + kCheckpointSteps; ++s)
            next[static_cast<std::size_t>(bucket_at(s))] += global_batch();
        cursors_.push_back(std::move(next));
    }
    int64_t cursor =
        cursors_[static_cast<std::size_t>(checkpoint)][static_cast<std::size_t>(bucket)];
    for (int64_t s = checkpoint * kCheckpointSteps; s < step; ++s)
        if (bucket_at(s) == bucket) cursor += global_batch();
    return cursor;
}

int64_t BucketSchedule::member_at(int64_t bucket, int64_t position) const {
    const auto& members = members_[static_cast<std::size_t>(bucket)];
    const auto n = static_cast<int64_t>(members.size());
    const int64_t epoch = position / n;
    const auto key = std::make_pair(bucket, epoch);
    auto it = permutations_.find(key);
    if (it == permutations_.end()) {
        if (permutations_.size() > 4 * keys_.size()) permutations_.clear();
        it = permutations_
                 .emplace(key, seeded_permutation(n, mix_seed(seed_, 7, string_hash(keys_[bucket]),
                                                              static_cast<uint64_t>(epoch))))
                 .first;
    }
    return members[static_cast<std::size_t>(it->second[static_cast<std::size_t>(position % n)])];
}

MicroBatchPlan BucketSchedule::plan(int64_t step, int64_t rank) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const int64_t bucket = bucket_at(step);
    const int64_t cursor = cursor_before(step, bucket);
    MicroBatchPlan out(static_cast<std::size_t>(accumulation_));
    for (int64_t m = 0; m < accumulation_; ++m) {
        // Same micro-batch layout as the uniform schedule: independent of the rank count.
        const int64_t offset = (m * ranks_ + rank) * batch_;
        for (int64_t k = 0; k < batch_; ++k)
            out[static_cast<std::size_t>(m)].push_back(
                {step * global_batch() + offset + k, member_at(bucket, cursor + offset + k)});
    }
    return out;
}

// --- packed ----------------------------------------------------------------------------------

PackedSchedule::PackedSchedule(const std::vector<int64_t>& tokens,
                               const std::vector<std::string>& family, int64_t ranks,
                               int64_t accumulation, int64_t batch, uint64_t seed,
                               const PackingOptions& options)
    : BatchSchedule(ranks, accumulation),
      tokens_(tokens),
      family_(family),
      batch_(batch),
      seed_(seed),
      options_(options) {
    if (tokens_.empty() || tokens_.size() != family_.size())
        throw ConfigError("packed schedule: need tokens and a family for every sample");
    if (batch_ < 1) throw ConfigError("packed schedule: batch must be positive");
    if (options_.cost_exponent < 1.0 || options_.cost_exponent > 3.0)
        throw ConfigError("packed schedule: cost_exponent must be within [1, 3]");
    const int64_t longest = *std::max_element(tokens_.begin(), tokens_.end());
    const int64_t reference = options_.reference_tokens > 0 ? options_.reference_tokens : longest;
    budget_ = static_cast<double>(batch_) *
              std::pow(static_cast<double>(reference), options_.cost_exponent);
    window_ = options_.window > 0 ? options_.window : 16 * ranks_ * accumulation_ * batch_;
    window_ = std::max(window_, 2 * ranks_ * accumulation_);
}

double PackedSchedule::cost(const std::vector<ScheduledSample>& micro) const {
    int64_t longest = 0;
    for (const auto& s : micro)
        longest = std::max(longest, tokens_[static_cast<std::size_t>(s.index)]);
    return static_cast<double>(micro.size()) *
           std::pow(static_cast<double>(longest), options_.cost_exponent);
}

int64_t PackedSchedule::stream_index(int64_t position) const {
    const auto n = static_cast<int64_t>(tokens_.size());
    const int64_t epoch = position / n;
    if (epoch != cached_epoch_) {
        permutation_ = seeded_permutation(n, mix_seed(seed_, 4, static_cast<uint64_t>(epoch)));
        cached_epoch_ = epoch;
    }
    return permutation_[static_cast<std::size_t>(position % n)];
}

void PackedSchedule::build_next_chunk() const {
    const int64_t per_step = ranks_ * accumulation_;
    // 1. The pool: samples carried over from the last chunk, then the next window.
    std::vector<ScheduledSample> pool = std::move(carry_);
    carry_.clear();
    for (int64_t k = 0; k < window_; ++k, ++next_position_)
        pool.push_back({next_position_, stream_index(next_position_)});
    std::map<std::string, std::vector<ScheduledSample>> by_family;
    for (const auto& s : pool)
        by_family[family_[static_cast<std::size_t>(s.index)]].push_back(s);

    std::vector<Step> chunk_steps;
    for (auto& [family, samples] : by_family) {
        // 2. Longest first; next-fit into micro-batches within the budget (size × longest^p;
        //    the first sample of a micro-batch is its longest).
        std::stable_sort(samples.begin(), samples.end(), [&](const auto& a, const auto& b) {
            return tokens_[static_cast<std::size_t>(a.index)] >
                   tokens_[static_cast<std::size_t>(b.index)];
        });
        std::vector<std::vector<ScheduledSample>> micro;
        for (const auto& s : samples) {
            if (!micro.empty()) {
                auto& open = micro.back();
                const double longest = std::pow(
                    static_cast<double>(tokens_[static_cast<std::size_t>(open.front().index)]),
                    options_.cost_exponent);
                if (static_cast<double>(open.size() + 1) * longest <= budget_) {
                    open.push_back(s);
                    continue;
                }
            }
            micro.push_back({s});
        }
        // 3. Steps of ranks × accumulation micro-batches of neighbouring cost; the remainder
        //    goes back into the pool of the next chunk.
        std::stable_sort(micro.begin(), micro.end(),
                         [&](const auto& a, const auto& b) { return cost(a) > cost(b); });
        const std::size_t full = micro.size() / static_cast<std::size_t>(per_step);
        for (std::size_t g = 0; g < full; ++g) {
            Step step;
            step.micro.resize(static_cast<std::size_t>(per_step));
            // Snake order over the ranks: rank sums of the accumulated micro-batches match.
            for (int64_t m = 0; m < accumulation_; ++m) {
                for (int64_t j = 0; j < ranks_; ++j) {
                    const int64_t r = (m % 2 == 0) ? j : ranks_ - 1 - j;
                    auto& src = micro[g * static_cast<std::size_t>(per_step) +
                                      static_cast<std::size_t>(m * ranks_ + j)];
                    step.samples += static_cast<int64_t>(src.size());
                    step.micro[static_cast<std::size_t>(r * accumulation_ + m)] = std::move(src);
                }
            }
            chunk_steps.push_back(std::move(step));
        }
        for (std::size_t k = full * static_cast<std::size_t>(per_step); k < micro.size(); ++k)
            for (const auto& s : micro[k])
                carry_.push_back(s);
    }
    // 4. Shuffle the chunk's steps so that cost (and family) does not drift along the run.
    const auto order = seeded_permutation(static_cast<int64_t>(chunk_steps.size()),
                                          mix_seed(seed_, 8, static_cast<uint64_t>(chunks_)));
    for (int64_t k : order)
        steps_.push_back(std::move(chunk_steps[static_cast<std::size_t>(k)]));
    ++chunks_;
}

const PackedSchedule::Step& PackedSchedule::step_at(int64_t step) const {
    int64_t empty_chunks = 0;
    while (static_cast<int64_t>(steps_.size()) <= step) {
        const std::size_t before = steps_.size();
        build_next_chunk();
        empty_chunks = steps_.size() == before ? empty_chunks + 1 : 0;
        if (empty_chunks > 64)
            throw ConfigError(
                "packed schedule: no step could be formed (a family has too few "
                "samples for ranks x accumulation micro-batches)");
    }
    return steps_[static_cast<std::size_t>(step)];
}

MicroBatchPlan PackedSchedule::plan(int64_t step, int64_t rank) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const Step& s = step_at(step);
    MicroBatchPlan out;
    for (int64_t m = 0; m < accumulation_; ++m)
        out.push_back(s.micro[static_cast<std::size_t>(rank * accumulation_ + m)]);
    return out;
}

int64_t PackedSchedule::global_samples(int64_t step) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return step_at(step).samples;
}

// --- factory ---------------------------------------------------------------------------------

BatchingSpec BatchingSpec::from_json(const nlohmann::json& json, const std::string& label) {
    BatchingSpec b;
    if (json.is_null()) return b;
    if (json.is_string()) {
        b.strategy = json.get<std::string>();
    } else {
        io::ConfigReader r(json, label);
        b.strategy = r.get_string("strategy", b.strategy);
        b.packing.cost_exponent = r.get_double("cost_exponent", b.packing.cost_exponent);
        b.packing.reference_tokens = r.get_int("reference_tokens", b.packing.reference_tokens);
        b.packing.window = r.get_int("window", b.packing.window);
    }
    if (b.strategy != "uniform" && b.strategy != "buckets" && b.strategy != "packed")
        throw ConfigError(label + ": strategy must be uniform, buckets or packed");
    return b;
}

nlohmann::json BatchingSpec::to_json() const {
    return {{"strategy", strategy},
            {"cost_exponent", packing.cost_exponent},
            {"reference_tokens", packing.reference_tokens},
            {"window", packing.window}};
}

// --- schedules from a dataset ----------------------------------------------------------------

std::unique_ptr<BatchSchedule> make_schedule(const BatchingSpec& spec, const Dataset& dataset,
                                             int64_t ranks, int64_t accumulation, int64_t batch,
                                             uint64_t seed, const std::vector<int64_t>& patch) {
    if (spec.strategy == "uniform")
        return std::make_unique<UniformSchedule>(dataset.size(), ranks, accumulation, batch, seed);
    std::vector<std::string> bucket(static_cast<std::size_t>(dataset.size()));
    std::vector<int64_t> tokens(bucket.size());
    std::vector<std::string> family(bucket.size());
    for (int64_t i = 0; i < dataset.size(); ++i) {
        const SampleGeometry g = dataset.geometry(i);
        const auto k = static_cast<std::size_t>(i);
        bucket[k] = g.bucket;
        tokens[k] = std::max<int64_t>(1, g.tokens(patch));
        const auto colon = g.bucket.find(':');
        family[k] = colon == std::string::npos ? std::string(g.video.empty()  ? "a"
                                                             : g.audio_length ? "av"
                                                                              : "v")
                                               : g.bucket.substr(0, colon);
    }
    if (spec.strategy == "buckets")
        return std::make_unique<BucketSchedule>(bucket, ranks, accumulation, batch, seed);
    if (spec.strategy == "packed")
        return std::make_unique<PackedSchedule>(tokens, family, ranks, accumulation, batch, seed,
                                                spec.packing);
    throw ConfigError("batching strategy '" + spec.strategy +
                      "' is not one of uniform, buckets, packed");
}

}  // namespace nava::train
