// A training run described as data (JSON): model, data, batching, objective, optimiser,
// checkpoints, precision. `nava train RECIPE` executes one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "inference/models/dit/dit_config.h"
#include "training/data/buckets.h"
#include "training/data/manifest.h"
#include "training/data/schedule.h"
#include "training/preprocess/encoders.h"
#include "training/trainer/dit_trainer.h"

namespace nava::train {

struct DataSpec {
    std::string kind = "synthetic";   // "synthetic" (tests, benchmarks) or "cache"
    std::filesystem::path cache_dir;  // for "cache": preprocessed latents
    int64_t samples = 64;             // synthetic: dataset size
    // Synthetic sample geometry (latent sizes); each sample draws within these ranges.
    int64_t video_frames = 2, video_height = 4, video_width = 4;
    int64_t audio_length = 6;
    int64_t text_length = 8;
    int64_t speakers = 1;
    bool with_video = true;
    bool with_audio = true;
    // Synthetic variable lengths: > 0 draws latent frames from [video_frames_min, video_frames].
    int64_t video_frames_min = 0;

    // What `--preprocess` encodes into cache_dir and `--validate-data` checks: a folder of
    // clips with .txt captions, our .jsonl manifest, a reference .jsonl or a reference .list.
    std::filesystem::path source;
    ManifestOptions manifest;  // "weights_file", "path_map", "task", "source_name"
    EncoderFiles encoders;     // "encoders": files or {"package": folder}
    BucketOptions buckets;     // "buckets"
    int preprocess_workers = 2;
    std::string cache_dtype = "f32";               // latents on disk: "f32" or "bf16"
    std::map<std::string, double> task_weights;    // epoch share per task (default equal)
    std::map<std::string, double> source_weights;  // override the cache's mixing weights
    BatchingSpec batching;                         // "batching": uniform (default), buckets, packed
    int prefetch_threads = 2;    // background loaders (0 = load on the training thread)
    int64_t prefetch_steps = 2;  // steps announced ahead
};

// Sample clips generated with the EMA weights during training ("validation" in the recipe):
// every `every` steps, each prompt through the generation pipeline of `package` (the base model
// package: its text encoder, VAEs and tokenizer) with the current DiT, written to
// <output_dir>/samples/step-NNNNNNNN_K.mp4.
struct ValidationSpec {
    int64_t every = 0;  // 0 = no samples
    std::filesystem::path package;
    std::vector<std::string> prompts;
    int64_t steps = 8;
    int width = 64, height = 64;
    double duration_s = 1.0;
    uint64_t seed = 1;
};

struct Recipe {
    std::string name = "run";
    std::string stage;             // the stage this recipe is (of a staged recipe), or ""
    std::filesystem::path source;  // the recipe file (relative paths resolve against it)
    dit::DitConfig model;
    std::filesystem::path init_weights;  // "" = random initialisation
    // model.weights_mode "matching": start from the seeded random weights and take from
    // init_weights every tensor whose name and shape match (a DiT for a new autoencoder from
    // one trained for another: the audio or video projections start fresh). "strict": all.
    bool init_matching = false;
    uint64_t init_seed = 0;
    DataSpec data;
    int64_t batch_per_rank = 1;
    int64_t accumulation = 1;
    int64_t steps = 100;
    int64_t warmup_steps = 0;
    TrainerOptions trainer;
    std::string precision = "f32";     // "f32" or "bf16" compute
    std::filesystem::path output_dir;  // checkpoints, logs, exports
    int64_t checkpoint_every = 0;      // 0 = only at the end
    int64_t keep_last = 3;
    int64_t log_every = 1;
    ValidationSpec validation;

    double learning_rate(int64_t step) const;
    // A staged recipe ("stages": [{"name", ...overrides}] or {"name": {...overrides}}) is read
    // as stage `stage` (default: the recipe's "stage" key, else the first stage): the stage's
    // keys override the recipe's, objects merged one level deep (as the studio does). A stage
    // without its own output_dir writes to <output_dir>/<stage>; "init_from_stage": "NAME"
    // starts it from that stage's exported model.
    static Recipe from_json(const nlohmann::json& json, const std::filesystem::path& source,
                            const std::string& stage = "");
    static Recipe from_file(const std::filesystem::path& path, const std::string& stage = "");
    nlohmann::json to_json() const;
};

// The stage names of a recipe in order (empty for a recipe without stages).
std::vector<std::string> recipe_stages(const nlohmann::json& json);
// The recipe as stage `stage` sees it (without "stages"; "stage" set).
nlohmann::json stage_recipe_json(const nlohmann::json& json, const std::string& stage);

}  // namespace nava::train
