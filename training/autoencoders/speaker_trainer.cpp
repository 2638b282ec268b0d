#include "training/autoencoders/speaker_trainer.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <random>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/tensor_source.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "training/autoencoders/adam.h"
#include "training/autoencoders/clips.h"
#include "training/autoencoders/weights.h"

namespace nava::autoencoders {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

constexpr const char* kCheckpointKind = "nava-speaker-trainer";
constexpr int kRate = 16000;

struct VoicePair {
    fs::path reference;  // the speaker's reference recording (other words)
    fs::path clip;       // the clip's sound
    double start_s = 0, end_s = 0;
};

std::vector<VoicePair> read_pairs(const fs::path& data) {
    const fs::path manifest = fs::is_directory(data) ? data / "manifest.jsonl" : data;
    const fs::path dir = manifest.parent_path();
    std::ifstream in(manifest);
    if (!in) throw IoError(manifest.string() + ": cannot read");
    std::vector<VoicePair> pairs;
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        const json r = json::parse(line, nullptr, false);
        if (r.is_discarded())
            throw IoError(manifest.string() + ":" + std::to_string(number) + ": not JSON");
        if (!r.contains("audio") || !r["audio"].is_string()) continue;
        for (const auto& s : r.value("speech", json::array())) {
            if (!s.contains("voice") || !s["voice"].is_string()) continue;
            const double start = s.value("start", 0.0), end = s.value("end", 0.0);
            if (end - start < 0.2) continue;  // too little sound to be a view of the voice
            pairs.push_back({dir / s["voice"].get<std::string>(),
                             dir / r["audio"].get<std::string>(), start, end});
        }
    }
    return pairs;
}

class WaveCache {
public:
    const at::Tensor& get(const fs::path& path) {
        auto it = waves_.find(path.string());
        if (it != waves_.end()) return it->second;
        return waves_[path.string()] = load_audio_clip(path, kRate, 1).flatten();
    }

private:
    std::map<std::string, at::Tensor> waves_;
};

// `length` samples of `wave` from `start` (zero-padded past the end).
at::Tensor window(const at::Tensor& wave, int64_t start, int64_t length) {
    const int64_t n = wave.numel();
    start = std::clamp<int64_t>(start, 0, std::max<int64_t>(n - 1, 0));
    at::Tensor w = wave.slice(0, start, std::min(n, start + length));
    if (w.numel() < length) w = at::constant_pad_nd(w, {0, length - w.numel()});
    return w;
}

// The two views of a pair; random crops when `rng` is given, else the deterministic ones (the
// reference's start, the span's middle).
std::pair<at::Tensor, at::Tensor> views(const VoicePair& p, WaveCache& cache, int64_t length,
                                        std::mt19937_64* rng) {
    const at::Tensor& ref = cache.get(p.reference);
    const at::Tensor& clip = cache.get(p.clip);
    int64_t ref_start = 0;
    if (rng && ref.numel() > length)
        ref_start = std::uniform_int_distribution<int64_t>(0, ref.numel() - length)(*rng);
    const auto s0 = static_cast<int64_t>(p.start_s * kRate),
               s1 = static_cast<int64_t>(p.end_s * kRate);
    int64_t span_start = (s0 + s1) / 2 - length / 2;
    if (rng && s1 - s0 > length)
        span_start = std::uniform_int_distribution<int64_t>(s0, s1 - length)(*rng);
    // A span shorter than the window: its own samples only (the rest zero), as the judge does.
    at::Tensor span;
    if (s1 - s0 < length) {
        span = window(clip, s0, s1 - s0);
        span = at::constant_pad_nd(span, {0, length - span.numel()});
    } else {
        span = window(clip, span_start, length);
    }
    return {window(ref, ref_start, length), span};
}

at::Tensor embed_batch(speaker::ReDimNet& model, const std::vector<at::Tensor>& waves) {
    const at::Tensor e = model.forward(at::stack(waves).to(model.compute_dtype()));
    return e / (e.square().sum(1, /*keepdim=*/true) + 1e-4).sqrt();
}

SpeakerEval evaluate(speaker::ReDimNet& model, const std::vector<VoicePair>& pairs,
                     WaveCache& cache, int64_t length) {
    SpeakerEval e;
    if (pairs.size() < 2) return e;
    at::NoGradGuard no_grad;
    model.eval();
    std::vector<at::Tensor> a, b;
    for (const auto& p : pairs) {
        auto [x, y] = views(p, cache, length, nullptr);
        a.push_back(x);
        b.push_back(y);
    }
    at::Tensor ea, eb;
    {
        std::vector<at::Tensor> ca, cb;
        for (std::size_t i = 0; i < a.size(); i += 32) {
            const auto end = std::min(a.size(), i + 32);
            ca.push_back(embed_batch(
                model, {a.begin() + static_cast<long>(i), a.begin() + static_cast<long>(end)}));
            cb.push_back(embed_batch(
                model, {b.begin() + static_cast<long>(i), b.begin() + static_cast<long>(end)}));
        }
        ea = at::cat(ca);
        eb = at::cat(cb);
    }
    const at::Tensor sim = at::matmul(eb, ea.t());  // [span i, reference j]
    const int64_t n = sim.size(0);
    const at::Tensor own = sim.diagonal();
    const at::Tensor other = sim.gather(1, ((at::arange(n) + 1) % n).view({n, 1})).flatten();
    e.pairs = n;
    e.pair_accuracy = (own > other).to(at::kDouble).mean().item<double>();
    e.top1 = (sim.argmax(1) == at::arange(n)).to(at::kDouble).mean().item<double>();
    return e;
}

}  // namespace

SpeakerRunResult run_speaker_training(const SpeakerRunOptions& o,
                                      const std::function<void(const std::string&)>& log) {
    auto say = [&](const std::string& s) {
        if (log) log(s);
    };
    if (o.batch < 2) throw ConfigError("speaker training needs at least 2 pairs per batch");
    if (!(o.resume && fs::exists(o.out / "checkpoint.safetensors")) &&
        (o.init.empty() || !fs::exists(o.init)))
        throw ConfigError(
            "speaker training: --init must name the starting ReDimNet weights (e.g. "
            "a random package's speaker_encoder.safetensors)");
    std::vector<VoicePair> pairs = read_pairs(o.data);
    if (o.max_pairs > 0 && static_cast<int64_t>(pairs.size()) > o.max_pairs + o.holdout)
        pairs.erase(pairs.begin() + o.max_pairs, pairs.end() - o.holdout);
    if (static_cast<int64_t>(pairs.size()) < o.holdout + o.batch)
        throw ConfigError(o.data.string() + ": " + std::to_string(pairs.size()) +
                          " speech spans with a reference voice; need at least holdout + batch = " +
                          std::to_string(o.holdout + o.batch) + " (lower --holdout / --batch)");
    const std::vector<VoicePair> held(pairs.end() - o.holdout, pairs.end());
    pairs.resize(pairs.size() - static_cast<std::size_t>(o.holdout));

    fs::create_directories(o.out);
    const fs::path checkpoint = o.out / "checkpoint.safetensors";
    const bool resume = o.resume && fs::exists(checkpoint);
    const fs::path init = resume ? checkpoint : o.init;
    const auto init_source = io::open_tensor_source(init);
    const auto meta = init_source->metadata();
    std::string model_config;
    if (resume) {
        model_config = read_trainer_metadata(*init_source, kCheckpointKind).at("model_config");
    } else {
        auto it = meta.find("model_config");
        if (it == meta.end()) it = meta.find("config");
        if (it == meta.end()) throw ConfigError(init.string() + ": no model_config metadata");
        model_config = it->second;
    }
    const auto config = speaker::ReDimNetConfig::from_json(json::parse(model_config), "speaker");
    auto model_ptr = std::make_shared<speaker::ReDimNet>(config);
    speaker::ReDimNet& model = *model_ptr;
    load_named_state(model, *init_source, resume ? "model." : "");
    model.set_trainable(true);
    // Float64 compute: in float32 some gradients of the ReDimNet blocks overflowed to inf on
    // the first steps; the model is tiny, float64 costs little. Exported as float32.
    model.set_compute_dtype(at::kDouble);
    // Training keeps BatchNorm on its running statistics (calibrated below): an affine map.
    model.eval();
    AdamOptions ao;
    ao.grad_clip = 1.0;
    Adam adam(trainable_parameters(model), ao);
    int64_t step = 0;
    if (resume) {
        step = read_trainer_metadata(*init_source, kCheckpointKind).at("step").get<int64_t>();
        adam.load_state(*init_source, "adam.", step);
    }
    const auto length = static_cast<int64_t>(o.crop_s * kRate);
    WaveCache cache;
    auto draw_batch = [&](std::mt19937_64& rng) {
        std::vector<at::Tensor> a, b;
        for (int64_t i = 0; i < o.batch; ++i) {
            const auto& p =
                pairs[std::uniform_int_distribution<std::size_t>(0, pairs.size() - 1)(rng)];
            auto [x, y] = views(p, cache, length, &rng);
            // A little gain jitter (loudness is not identity) and dither (no view is exactly
            // silent).
            const double g = std::uniform_real_distribution<double>(0.5, 1.5)(rng);
            a.push_back(x * g + at::randn({length}) * 1e-4);
            b.push_back(y + at::randn({length}) * 1e-4);
        }
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    if (!resume) {
        // BatchNorm statistics of the data first (a random model's running statistics are
        // placeholders; activations would grow through the blocks and gradients overflow):
        // forward passes in training mode update them, nothing else changes.
        model.train();
        for (int i = 0; i < 40; ++i) {
            std::mt19937_64 rng(o.seed * 7919ULL + 1000000007ULL + static_cast<uint64_t>(i));
            (void)model.forward(at::stack(draw_batch(rng)));
        }
        model.eval();
    }
    SpeakerRunResult result;
    result.before = evaluate(model, held, cache, length);
    say("speaker encoder: " + std::to_string(pairs.size()) + " training pairs, " +
        std::to_string(held.size()) + " held out; start step " + std::to_string(step) +
        "; held-out pair accuracy " + std::to_string(result.before.pair_accuracy) + ", top-1 " +
        std::to_string(result.before.top1));

    auto save = [&]() {
        std::vector<io::NamedTensor> tensors = named_state(model, "model.");
        for (auto& t : adam.state("adam."))
            tensors.push_back(std::move(t));
        const json m = {{"kind", kCheckpointKind}, {"step", step}, {"model_config", model_config}};
        io::save_safetensors(checkpoint, tensors, {{"trainer", m.dump()}});
    };
    const auto t0 = std::chrono::steady_clock::now();
    auto last = t0;
    const int64_t start_step = step;
    while (step < o.steps) {
        std::mt19937_64 rng(o.seed * 1000003ULL + static_cast<uint64_t>(step));
        const at::Tensor e = embed_batch(model, draw_batch(rng));
        const at::Tensor ea = e.slice(0, 0, o.batch), eb = e.slice(0, o.batch);
        const at::Tensor logits = at::matmul(ea, eb.t()) / o.temperature;
        const at::Tensor target = at::arange(o.batch);
        const at::Tensor loss = 0.5 * (at::cross_entropy_loss(logits, target) +
                                       at::cross_entropy_loss(logits.t(), target));
        loss.backward();
        const double grad = adam.step(o.lr);
        ++step;
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (o.log_every > 0 && step % o.log_every == 0) {
            const double dt =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - last).count();
            last = std::chrono::steady_clock::now();
            char buf[160];
            std::snprintf(buf, sizeof buf, "step %lld/%lld loss %.4f grad %.3f  %.2f steps/s",
                          static_cast<long long>(step), static_cast<long long>(o.steps),
                          loss.item<double>(), grad, static_cast<double>(o.log_every) / dt);
            say(buf);
        }
        if (o.checkpoint_every > 0 && step % o.checkpoint_every == 0) save();
        if (o.max_minutes > 0 && elapsed > o.max_minutes * 60.0) break;
    }
    save();
    result.steps_done = step - start_step;
    result.after = evaluate(model, held, cache, length);
    result.weights = o.out / "speaker_encoder.safetensors";
    std::vector<io::NamedTensor> weights = named_state(model, "");
    for (auto& t : weights)
        if (t.tensor.scalar_type() == at::kDouble) t.tensor = t.tensor.to(at::kFloat);
    io::save_safetensors(result.weights, weights, {{"model_config", model_config}});
    say("held-out pair accuracy " + std::to_string(result.before.pair_accuracy) + " -> " +
        std::to_string(result.after.pair_accuracy) + ", top-1 " +
        std::to_string(result.before.top1) + " -> " + std::to_string(result.after.top1) + " (" +
        std::to_string(result.after.pairs) + " pairs); wrote " + result.weights.string());
    return result;
}

}  // namespace nava::autoencoders
