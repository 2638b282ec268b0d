// NAVA-tiny's speaker encoder: the engine's ReDimNet class at a tiny width, trained on the
// voices of a `nava synth` world with a contrastive objective. Each speech span gives a pair of
// views of one voice saying different words — a crop of the speaker's reference recording and the
// span cut from the clip's own sound (impacts included) — and the loss pulls each pair together
// against the other pairs of the batch (symmetric InfoNCE on cosine similarities). This is the
// task the DiT's timbre conditioning and `nava bench quality`'s timbre judge need.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace nava::autoencoders {

struct SpeakerRunOptions {
    std::filesystem::path data;  // synth folder (manifest.jsonl)
    std::filesystem::path init;  // starting weights (ReDimNet safetensors with model_config)
    std::filesystem::path out;   // checkpoint.safetensors, speaker_encoder.safetensors
    int64_t steps = 1000;        // total (a resumed run continues up to it)
    int64_t batch = 32;          // pairs per step
    int64_t holdout = 128;       // pairs (from the end of the manifest) for the evaluation
    int64_t max_pairs = 0;       // 0 = every span of the manifest
    double crop_s = 1.0;         // length of each view
    double lr = 1e-3;
    double temperature = 0.1;
    int64_t checkpoint_every = 100;
    int64_t log_every = 10;
    double max_minutes = 0.0;
    uint64_t seed = 0;
    bool resume = false;
};

struct SpeakerEval {
    double pair_accuracy = 0.0;  // own reference closer than a random other one
    double top1 = 0.0;           // own reference the closest among all held-out ones
    int64_t pairs = 0;
};

struct SpeakerRunResult {
    int64_t steps_done = 0;
    SpeakerEval before, after;
    std::filesystem::path weights;
};

// Trains, writes checkpoints (atomic) and exports `speaker_encoder.safetensors` (the engine's
// layout, config in `model_config`). Progress lines go to `log`.
SpeakerRunResult run_speaker_training(const SpeakerRunOptions& options,
                                      const std::function<void(const std::string&)>& log);

}  // namespace nava::autoencoders
