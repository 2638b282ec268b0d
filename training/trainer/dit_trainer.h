// One optimizer step of the DiT under FSDP: the flow-matching objective of the reference
// (shared with the sampler code), text / speaker dropout, modality masking, first-frame-clean
// training, activation checkpointing per block, gradient accumulation, global-norm clipping,
// AdamW and EMA on the local shards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "inference/sampling/flow_matching.h"
#include "training/distributed/communicator.h"
#include "training/distributed/fsdp.h"
#include "training/lora/lora.h"
#include "training/optim/adamw.h"

namespace nava::dit {
class DitModel;
}

namespace nava::train {

struct TrainSample {
    int64_t index = 0;       // global sample index: seeds the sample's noise, timestep and dropout
    at::Tensor video;        // [C, T, H, W] clean latent, or undefined (audio-only sample)
    at::Tensor audio;        // [L, C] clean latent, or undefined (video-only sample)
    bool audio_loss = true;  // false: audio latent is a placeholder, its loss is masked
    at::Tensor context;      // [Lt, text_dim] text-encoder output (trimmed)
    at::Tensor speakers;     // [n, S] one voice per speech span, or undefined
    std::vector<int64_t> speaker_positions;  // placeholder rows in the context, one per span
};

struct ObjectiveOptions {
    sampling::FlowMatchingConfig flow;
    double audio_loss_weight = 0.2;
    double caption_dropout = 0.1;     // per sample: context zeroed, voices and positions removed
    double speaker_dropout = 0.1;     // per voice: replaced by the null (all-zero) voice
    double modality_mask_prob = 0.2;  // per step, when samples have both modalities
    double first_frame_prob = 0.5;    // per step, when samples have video
    uint64_t seed = 0;
};

struct TrainerOptions {
    ObjectiveOptions objective;
    AdamWOptions optimizer;
    double grad_clip = 1.0;  // global norm; <= 0 disables
    double ema_decay = 0.0;  // 0 disables the EMA
    at::ScalarType compute_dtype = at::kFloat;
    // Where the step runs: the model must already be there; samples arrive on the CPU and are
    // moved (noise, timesteps and dropout are drawn on the CPU, so a seed gives the same
    // batch everywhere).
    c10::Device device = c10::kCPU;
    // Which parameters train: name patterns ('*' matches any run of characters, a pattern
    // without '*' matches names containing it); empty = all. Frozen parameters get no
    // gradients, no updates and no weight decay.
    std::vector<std::string> trainable;
    std::vector<std::string> frozen;  // taken out of `trainable` afterwards
    LoraOptions lora;                 // rank > 0: only the adapter trains, the base is frozen
};

// Whether parameter `name` matches `pattern` (see TrainerOptions::trainable).
bool parameter_matches(const std::string& pattern, const std::string& name);

struct StepStats {
    int64_t step = 0;
    double loss = 0.0;  // global mean over all samples of the step
    double loss_video = 0.0;
    double loss_audio = 0.0;  // before the audio weight
    double grad_norm = 0.0;   // before clipping
    double lr = 0.0;
    int64_t samples = 0;  // global
    int64_t tokens = 0;   // this rank's DiT tokens
    bool modality_masking = false;
    bool first_frame_clean = false;
    double seconds = 0.0;
    bool stop_requested = false;  // some rank asked to stop after this step
};

class DitTrainer {
public:
    // The model's current parameters become the (replicated) starting point on every rank.
    DitTrainer(dit::DitModel& model, std::shared_ptr<Communicator> comm, TrainerOptions options);
    ~DitTrainer();

    // One optimizer step. `micro_batches`: this rank's samples, one forward each (gradient
    // accumulation); `global_samples`: the number of samples of the step over all ranks.
    // `request_stop`: this rank wants to stop after the step; the ranks' wishes travel with the
    // step's loss all-reduce (no extra collective) and come back as StepStats::stop_requested.
    StepStats step(int64_t step_index, const std::vector<std::vector<TrainSample>>& micro_batches,
                   int64_t global_samples, double lr, bool request_stop = false);

    FsdpModel& fsdp() { return *fsdp_; }
    ShardedAdamW& optimizer() { return *optimizer_; }
    ShardedEma* ema() { return ema_.get(); }
    LoraAdapter* lora() { return lora_.get(); }
    // Elements that train (all of them without freezing; the adapter's with LoRA).
    int64_t trainable_parameter_count() const { return trainable_count_; }
    dit::DitModel& model() { return model_; }
    const TrainerOptions& options() const { return options_; }

private:
    struct MicroResult;
    MicroResult micro_step(int64_t step_index, const std::vector<TrainSample>& batch,
                           double loss_scale, bool modality_masking, bool first_frame);
    // Gathers a block's parameters and adds the LoRA delta when they were not gathered yet.
    void gather_block(int64_t index);
    void setup_trainable();

    dit::DitModel& model_;
    std::shared_ptr<Communicator> comm_;
    TrainerOptions options_;
    sampling::FlowMatching flow_;
    std::unique_ptr<FsdpModel> fsdp_;
    std::unique_ptr<ShardedAdamW> optimizer_;
    std::unique_ptr<ShardedEma> ema_;
    std::unique_ptr<LoraAdapter> lora_;
    int64_t trainable_count_ = 0;
};

// Deterministic 64-bit mix of a seed and indices (for per-step / per-sample generators).
uint64_t mix_seed(uint64_t seed, uint64_t a, uint64_t b = 0, uint64_t c = 0);

}  // namespace nava::train
