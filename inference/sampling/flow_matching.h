// The rectified-flow objective shared by training and inference: one object owns the shifted
// timestep grid, the training pairs, the loss weights and the inference schedules.
//
//   x_t = (1 - s) x0 + s eps        velocity target v = eps - x0        x0 = x_t - s v
//
// Training grid: the reference FlowMatchScheduler with 1000 points (sigmas from 1 down to
// sigma_min = 0.003/1.002 spaced linearly, last of N+1 dropped, shifted), timesteps 1000 s.
// Loss weight w(t): exp(-2 ((t - 500) / 1000)^2) minus its minimum over the grid, scaled to mean
// 1 over the grid (`use_loss_reweight`); all ones without reweighting.
#pragma once

#include <cstdint>

#include <ATen/core/Generator.h>
#include <ATen/core/Tensor.h>

#include "inference/sampling/schedule.h"

namespace nava::io {
class ConfigReader;
}

namespace nava::sampling {

struct FlowMatchingConfig {
    double shift = 5.0;         // `shift` (video) / `shift_audio`
    bool loss_reweight = true;  // `use_loss_reweight`

    // Reads `shift` and `use_loss_reweight` (absent keys keep the defaults).
    static FlowMatchingConfig from_json(const io::ConfigReader& config);
};

// One training example batch (dim 0 = samples).
struct FlowTrainingPair {
    at::Tensor x_t;        // noised input, like x0 (promoted to at least float32)
    at::Tensor target;     // velocity target eps - x0
    at::Tensor timesteps;  // [B] float32 model timesteps (1000 s)
    at::Tensor sigmas;     // [B] float32
    at::Tensor weights;    // [B] float32 loss weights w(t)
};

class FlowMatching {
public:
    explicit FlowMatching(FlowMatchingConfig config = {});

    const FlowMatchingConfig& config() const { return config_; }

    // The training grid, [1000] float32 each, ordered from noise (sigma 1) to data.
    const at::Tensor& sigmas() const { return sigmas_; }
    const at::Tensor& timesteps() const { return timesteps_; }
    const at::Tensor& weights() const { return weights_; }

    // `batch` grid indices drawn uniformly from [0, 1000) with `generator` (int64 [batch]).
    at::Tensor sample_indices(int64_t batch, at::Generator generator) const;
    // Builds x_t and the target for grid indices `indices` [B] (one per sample of x0 / eps, which
    // share a shape [B, ...]). A sample's audio and video use the same index.
    FlowTrainingPair make_pair(const at::Tensor& x0, const at::Tensor& eps,
                               const at::Tensor& indices) const;
    // Loss weights for grid indices [B].
    at::Tensor loss_weights(const at::Tensor& indices) const;
    // Per-sample weighted loss [B]: float32 mean squared error over all but dim 0, times w.
    static at::Tensor weighted_mse(const at::Tensor& prediction, const at::Tensor& target,
                                   const at::Tensor& weights);

    // Inference schedule with this object's shift.
    Schedule inference_schedule(SolverKind kind, int64_t steps) const;

private:
    FlowMatchingConfig config_;
    at::Tensor sigmas_;
    at::Tensor timesteps_;
    at::Tensor weights_;
};

// The reference's loss-weight curve over a timestep grid t [N] (float32):
// y = exp(-2 ((t - N/2) / N)^2); w = (y - min y) * (N / sum(y - min y)).
at::Tensor timestep_loss_weights(const at::Tensor& timesteps);

}  // namespace nava::sampling
