#include "inference/sampling/flow_matching.h"

#include <string>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::sampling {

FlowMatchingConfig FlowMatchingConfig::from_json(const io::ConfigReader& config) {
    FlowMatchingConfig c;
    c.shift = config.get_double("shift", c.shift);
    c.loss_reweight = config.get_bool("use_loss_reweight", c.loss_reweight);
    return c;
}

at::Tensor timestep_loss_weights(const at::Tensor& timesteps) {
    // Same tensor operations as the reference (float32), so the weights agree to rounding.
    const double n = static_cast<double>(timesteps.size(0));
    const at::Tensor centred = at::div(at::sub(timesteps, n / 2.0), n);
    const at::Tensor y = at::exp(at::mul(at::pow(centred, 2), -2.0));
    const at::Tensor shifted = y - y.min();
    // `N / sum` in Python is reciprocal(sum) * N.
    const at::Tensor scale = at::mul(at::reciprocal(shifted.sum()), n);
    return shifted * scale;
}

FlowMatching::FlowMatching(FlowMatchingConfig config) : config_(config) {
    const Schedule grid = euler_schedule(kTrainTimesteps, config_.shift);
    sigmas_ = grid.sigmas.narrow(0, 0, kTrainTimesteps).contiguous();
    timesteps_ = grid.timesteps;
    weights_ = config_.loss_reweight ? timestep_loss_weights(timesteps_)
                                     : at::ones({kTrainTimesteps}, at::kFloat);
}

at::Tensor FlowMatching::sample_indices(int64_t batch, at::Generator generator) const {
    if (batch < 1)
        throw ConfigError("flow matching: batch size must be >= 1 (got " + std::to_string(batch) +
                          ")");
    return at::randint(0, kTrainTimesteps, {batch}, generator,
                       at::TensorOptions().dtype(at::kLong));
}

namespace {

void check_indices(const at::Tensor& indices, int64_t batch) {
    if (!indices.defined() || indices.dim() != 1 || indices.scalar_type() != at::kLong)
        throw Error("flow matching: indices must be an int64 tensor [B]");
    if (indices.size(0) != batch)
        throw Error("flow matching: " + std::to_string(indices.size(0)) +
                    " indices for a batch of " + std::to_string(batch));
    if (indices.numel() > 0 &&
        (indices.min().item<int64_t>() < 0 || indices.max().item<int64_t>() >= kTrainTimesteps))
        throw Error("flow matching: grid indices must lie in [0, 1000)");
}

// [B] -> [B, 1, ..., 1] to broadcast over a sample of rank `dim`.
at::Tensor per_sample(const at::Tensor& values, int64_t dim) {
    std::vector<int64_t> shape(static_cast<std::size_t>(dim), 1);
    shape[0] = values.size(0);
    return values.reshape(shape);
}

}  // namespace

FlowTrainingPair FlowMatching::make_pair(const at::Tensor& x0, const at::Tensor& eps,
                                         const at::Tensor& indices) const {
    if (!x0.defined() || !eps.defined() || x0.sizes() != eps.sizes() || x0.dim() < 1)
        throw Error("flow matching: x0 and eps must be tensors of the same shape [B, ...]");
    check_indices(indices, x0.size(0));
    const at::Tensor idx = indices.to(at::kCPU);
    FlowTrainingPair p;
    p.sigmas = sigmas_.index_select(0, idx);
    p.timesteps = timesteps_.index_select(0, idx);
    p.weights = weights_.index_select(0, idx);

    const at::Tensor s = per_sample(p.sigmas.to(x0.device()), x0.dim());
    // (1 - s) x0 + s eps; float32 s promotes bf16/half data to float32, float64 stays float64.
    p.x_t = (1.0 - s) * x0 + s * eps;
    p.target = eps - x0;
    return p;
}

at::Tensor FlowMatching::loss_weights(const at::Tensor& indices) const {
    check_indices(indices, indices.defined() && indices.dim() == 1 ? indices.size(0) : -1);
    return weights_.index_select(0, indices.to(at::kCPU));
}

at::Tensor FlowMatching::weighted_mse(const at::Tensor& prediction, const at::Tensor& target,
                                      const at::Tensor& weights) {
    if (prediction.sizes() != target.sizes() || prediction.dim() < 1)
        throw Error("flow matching: prediction and target must have the same shape [B, ...]");
    const at::Tensor diff = prediction.to(at::kFloat) - target.to(at::kFloat);
    const at::Tensor mse = diff.pow(2).reshape({diff.size(0), -1}).mean(1);
    return mse * weights.to(mse.device()).to(at::kFloat);
}

Schedule FlowMatching::inference_schedule(SolverKind kind, int64_t steps) const {
    return make_schedule(kind, steps, config_.shift);
}

}  // namespace nava::sampling
