// Runs a recipe on this rank: builds the model, the data schedule and the trainer, resumes from
// the newest checkpoint, steps, logs, checkpoints and exports.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <vector>

#include <c10/core/Device.h>

#include "training/distributed/communicator.h"
#include "training/recipe.h"
#include "training/trainer/dit_trainer.h"

namespace nava::train {

struct TrainRunOptions {
    bool resume = true;                // continue from the newest checkpoint in output_dir
    int64_t max_steps = -1;            // stop early after this many steps of this run (tests)
    std::filesystem::path dump_dir;    // write the full weights after every step (tests)
    std::ostream* progress = nullptr;  // JSON progress lines (rank 0)
    std::function<void(const StepStats&)> on_step;
    // Set (e.g. by a SIGINT / SIGTERM handler) to stop at the next step boundary: the ranks
    // agree on it, save a checkpoint and return with `interrupted` set.
    const std::atomic<bool>* stop = nullptr;
    // Where the model trains (see resolve_train_device); data is loaded on the CPU.
    c10::Device device = c10::kCPU;
};

struct TrainRunResult {
    int64_t first_step = 0;  // 0, or the step resumed from
    int64_t last_step = 0;   // number of optimizer steps completed overall
    std::vector<StepStats> history;
    CollectiveCounts counts;
    int64_t parameters = 0;              // unsharded parameter count
    int64_t shard_bytes = 0;             // this rank: master weights + gradients
    int64_t optimizer_bytes = 0;         // this rank: AdamW moments
    std::filesystem::path export_path;   // the model (merged LoRA included), or empty
    std::filesystem::path adapter_path;  // LoRA adapter file, when exported separately
    bool interrupted = false;            // stopped by TrainRunOptions::stop
    std::filesystem::path checkpoint;    // the checkpoint written when interrupted
    int64_t trainable_parameters = 0;
    // model.weights_mode "matching": tensors taken from the file, and those left at their seeded
    // random values (a different shape, or absent from the file).
    int64_t init_loaded_tensors = 0;
    std::vector<std::string> fresh_tensors;
};

TrainRunResult run_training(const Recipe& recipe, std::shared_ptr<Communicator> comm,
                            const TrainRunOptions& options);

// Current resident memory of this process in MiB (from /proc/self/status).
double resident_memory_mib();

}  // namespace nava::train
