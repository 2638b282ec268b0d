// The sampling loop: integrates video and/or audio latents from noise to data with one solver
// per modality, asking a model callback for the velocity predictions of every guidance pass a
// step needs (all passes of a step in one call, so the caller can batch them into one DiT
// forward). Knows nothing about the model.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/sampling/guidance.h"
#include "inference/sampling/latents.h"
#include "inference/sampling/schedule.h"

namespace nava::sampling {

// What the model callback is told about the step it evaluates.
struct StepInput {
    int64_t step = 0;   // 0-based
    int64_t steps = 0;  // total
    // 0-dim timestep for the model: int64 (UniPC) or float32 (Euler), from the video schedule
    // when video is present, else from the audio schedule (the reference hands the video
    // solver's timestep to the model and to both solvers).
    at::Tensor timestep;
    double timestep_value = 0.0;
    float sigma = 0.0f;  // sigma of that schedule at this step
    // Current states (the solver states themselves, after the before-model hook). The model
    // callback must not modify them.
    Latents latents;
    // Lets a callback that runs its passes one at a time stop between passes.
    const std::function<bool()>* cancel = nullptr;
    bool cancel_requested() const { return cancel && *cancel && (*cancel)(); }
};

// Returns, for every requested pass, the velocity of every present modality (same shape as the
// state). May return early (incomplete) once cancel_requested() is true.
using PredictFn = std::function<PassOutputs(const StepInput&, const std::vector<Pass>& passes)>;
// Called before every model evaluation with the current states; may modify them in place (the
// image-to-video mode overwrites latent frame 0) or replace them. What it leaves is what the
// model sees and what the solvers step from.
using BeforeModelFn = std::function<void(int64_t step, Latents& state)>;
// Called after every completed step: steps done (1..steps), total, seconds since run() began.
using ProgressFn = std::function<void(int64_t step, int64_t steps, double elapsed_s)>;
// Cooperative cancellation, polled before each step, after the model callback and through
// StepInput::cancel_requested().
using CancelFn = std::function<bool()>;

// A CancelFn reading an atomic flag (the flag must outlive the run).
CancelFn cancel_when(const std::atomic<bool>& flag);

struct SamplerCallbacks {
    PredictFn predict;           // required
    BeforeModelFn before_model;  // optional
    ProgressFn progress;         // optional
    CancelFn cancel;             // optional
};

enum class SamplingStatus { completed, cancelled };

// Per-step debug record (the pipeline parity fixture compares these).
struct StepTrace {
    Latents solver_input;  // state handed to the solvers (after the before-model hook)
    PassOutputs raw;       // every pass the callback returned
    Latents guided;        // combined velocity given to the solvers
    Latents latents;       // solver output of this step
};

struct SamplingTrace {
    Latents initial;  // the initial latents as given
    std::vector<StepTrace> steps;

    // Stacks one field over the steps: [steps, ...]; `initial_row` prepends the initial latents
    // (for the latents field: row 0 = noise, row k+1 = after step k).
    at::Tensor stack(Latents StepTrace::*field, Modality modality, bool initial_row = false) const;
    at::Tensor stack_raw(Pass pass, Modality modality) const;
};

struct SamplingResult {
    SamplingStatus status = SamplingStatus::completed;
    Latents latents;  // final latents; both undefined when cancelled
    int64_t steps_completed = 0;
    double elapsed_s = 0.0;
};

class FlowSampler {
public:
    // The same schedule for both modalities.
    FlowSampler(Schedule schedule, GuidanceConfig guidance);
    // Separate schedules (e.g. different shifts); both need the same solver kind and step count.
    FlowSampler(Schedule video_schedule, Schedule audio_schedule, GuidanceConfig guidance);

    const Schedule& schedule(Modality modality) const;
    const GuidanceConfig& guidance() const { return guidance_; }
    // DiT passes every step of a run with these modalities performs.
    std::vector<Pass> passes(bool has_video, bool has_audio) const;

    // Integrates `initial` (float32 or float64; at least one modality) over all steps. The
    // initial tensors are not modified. Thread: runs on the caller's thread; the callbacks are
    // invoked synchronously from it.
    SamplingResult run(const Latents& initial, const SamplerCallbacks& callbacks,
                       SamplingTrace* trace = nullptr) const;

private:
    Schedule video_schedule_;
    Schedule audio_schedule_;
    GuidanceConfig guidance_;
};

}  // namespace nava::sampling
