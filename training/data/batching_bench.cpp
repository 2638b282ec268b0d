#include "training/data/batching_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "training/trainer/dit_trainer.h"

namespace nava::train {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

class TimedGather : public PendingGather {
public:
    TimedGather(std::unique_ptr<PendingGather> inner, TimingCommunicator& owner)
        : inner_(std::move(inner)), owner_(owner) {}
    at::Tensor wait() override {
        const auto t0 = Clock::now();
        at::Tensor out = inner_->wait();
        owner_.add_seconds(since(t0));
        return out;
    }

private:
    std::unique_ptr<PendingGather> inner_;
    TimingCommunicator& owner_;
};

}  // namespace

TimingCommunicator::TimingCommunicator(std::shared_ptr<Communicator> inner)
    : inner_(std::move(inner)) {}

void TimingCommunicator::all_reduce_sum(at::Tensor& tensor) {
    const auto t0 = Clock::now();
    inner_->all_reduce_sum(tensor);
    seconds_ += since(t0);
}

at::Tensor TimingCommunicator::all_gather_flat(const at::Tensor& shard) {
    const auto t0 = Clock::now();
    at::Tensor out = inner_->all_gather_flat(shard);
    seconds_ += since(t0);
    return out;
}

std::unique_ptr<PendingGather> TimingCommunicator::all_gather_flat_start(const at::Tensor& shard) {
    const auto t0 = Clock::now();
    auto pending = inner_->all_gather_flat_start(shard);
    seconds_ += since(t0);
    return std::make_unique<TimedGather>(std::move(pending), *this);
}

at::Tensor TimingCommunicator::reduce_scatter_flat(const at::Tensor& full) {
    const auto t0 = Clock::now();
    at::Tensor out = inner_->reduce_scatter_flat(full);
    seconds_ += since(t0);
    return out;
}

void TimingCommunicator::broadcast(at::Tensor& tensor, int root) {
    const auto t0 = Clock::now();
    inner_->broadcast(tensor, root);
    seconds_ += since(t0);
}

void TimingCommunicator::barrier() {
    const auto t0 = Clock::now();
    inner_->barrier();
    seconds_ += since(t0);
}

std::vector<BenchStep> run_batching_bench(std::shared_ptr<Communicator> comm,
                                          const BatchingBenchOptions& o) {
    // 1. A small DiT, identical on every rank.
    dit::DitConfig config;
    config.dim = o.dim;
    config.num_heads = o.heads;
    config.ffn_dim = o.ffn;
    config.num_double_layers = o.double_layers;
    config.num_single_layers = o.single_layers;
    config.text_len = 16;
    config.text_dim = 16;
    config.vid_in_dim = config.vid_out_dim = 8;
    config.audio_in_dim = config.audio_out_dim = 8;
    config.freq_dim = 32;
    config.add_spk_emb = false;
    dit::DitModel model(config);
    dit::init_dit_weights(model, o.seed);
    auto timing = std::make_shared<TimingCommunicator>(std::move(comm));
    TrainerOptions to;
    to.objective.seed = o.seed;
    DitTrainer trainer(model, timing, to);

    // 2. Variable-length synthetic data and the strategy's schedule.
    SyntheticSpec spec;
    spec.samples = o.samples;
    spec.video_channels = 8;
    spec.video_frames = o.max_frames;
    spec.min_video_frames = o.min_frames;
    spec.video_height = o.height;
    spec.video_width = o.width;
    spec.audio_channels = 8;
    spec.audio_length = o.audio_length;
    spec.text_dim = 16;
    spec.text_length = 8;
    spec.speakers = 0;
    spec.seed = o.seed;
    const SyntheticDataset data(spec);
    const std::vector<int64_t> patch(config.patch_size.begin(), config.patch_size.end());
    const auto schedule =
        make_schedule(o.batching, data, timing->size(), o.accumulation, o.batch, o.seed, patch);

    // 3. Steps; the samples are made before the clock starts (data loading is not measured).
    std::vector<BenchStep> out;
    for (int64_t step = 0; step < o.warmup_steps + o.steps; ++step) {
        std::vector<std::vector<TrainSample>> micro;
        BenchStep record;
        for (const auto& planned : schedule->plan(step, timing->rank())) {
            micro.emplace_back();
            for (const auto& s : planned) {
                TrainSample sample = data.get(s.index);
                sample.index = s.slot;
                record.tokens += data.geometry(s.index).tokens(patch);
                micro.back().push_back(std::move(sample));
            }
            record.samples += static_cast<int64_t>(planned.size());
        }
        record.global_samples = schedule->global_samples(step);
        const double comm_before = timing->seconds();
        const auto t0 = Clock::now();
        trainer.step(step, micro, record.global_samples, 1e-4);
        record.seconds = since(t0);
        record.comm_seconds = timing->seconds() - comm_before;
        if (step >= o.warmup_steps) out.push_back(record);
    }
    return out;
}

BatchingSummary summarize_batching(const std::string& strategy,
                                   const std::vector<std::vector<BenchStep>>& per_rank) {
    BatchingSummary s;
    s.strategy = strategy;
    s.ranks = static_cast<int64_t>(per_rank.size());
    if (per_rank.empty() || per_rank[0].empty()) return s;
    const std::size_t steps = per_rank[0].size();
    double tokens = 0.0, time = 0.0;
    for (std::size_t k = 0; k < steps; ++k) {
        double hi = 0.0, lo = 1e30, sum = 0.0, wall = 0.0;
        for (const auto& rank : per_rank) {
            if (rank.size() != steps) throw Error("batching bench: ranks recorded different steps");
            const double c = std::max(0.0, rank[k].compute_seconds());
            hi = std::max(hi, c);
            lo = std::min(lo, c);
            sum += c;
            wall = std::max(wall, rank[k].seconds);
            tokens += static_cast<double>(rank[k].tokens);
        }
        const double mean = sum / static_cast<double>(per_rank.size());
        s.compute_max += hi;
        s.compute_min += lo;
        s.imbalance += mean > 0.0 ? (hi - lo) / mean : 0.0;
        s.step_seconds += wall;
        s.samples_per_step += static_cast<double>(per_rank[0][k].global_samples);
        time += wall;
    }
    const auto n = static_cast<double>(steps);
    s.compute_max /= n;
    s.compute_min /= n;
    s.imbalance /= n;
    s.step_seconds /= n;
    s.samples_per_step /= n;
    s.tokens_per_s = time > 0.0 ? tokens / time : 0.0;
    return s;
}

std::string format_batching_table(const std::vector<BatchingSummary>& rows) {
    std::ostringstream out;
    char line[256];
    std::snprintf(line, sizeof line, "%-9s %5s %12s %11s %13s %13s %11s %12s\n", "strategy",
                  "ranks", "samples/step", "mean step s", "compute max s", "compute min s",
                  "imbalance %", "tokens/s");
    out << line;
    for (const auto& r : rows) {
        std::snprintf(line, sizeof line, "%-9s %5lld %12.1f %11.4f %13.4f %13.4f %11.1f %12.0f\n",
                      r.strategy.c_str(), static_cast<long long>(r.ranks), r.samples_per_step,
                      r.step_seconds, r.compute_max, r.compute_min, 100.0 * r.imbalance,
                      r.tokens_per_s);
        out << line;
    }
    return out.str();
}

}  // namespace nava::train
