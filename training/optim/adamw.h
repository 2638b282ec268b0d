// AdamW and the exponential moving average of the weights, both on FSDP's flat float32 shards:
// each rank updates only its own slice, so optimizer state is sharded like the parameters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace nava::train {

class FsdpModel;

struct AdamWOptions {
    double lr = 1e-4;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weight_decay = 0.0;
};

class ShardedAdamW {
public:
    ShardedAdamW(const FsdpModel& model, AdamWOptions options);

    // One update of every unit's master shard from its grad shard with learning rate `lr`.
    void step(FsdpModel& model, double lr);

    int64_t steps() const { return step_; }
    const AdamWOptions& options() const { return options_; }
    // State tensors by name (for checkpoints): "<unit>.exp_avg", "<unit>.exp_avg_sq".
    std::vector<std::pair<std::string, at::Tensor>> state(const FsdpModel& model) const;
    void load_state(const FsdpModel& model,
                    const std::vector<std::pair<std::string, at::Tensor>>& state, int64_t steps);
    int64_t state_bytes() const;

private:
    AdamWOptions options_;
    int64_t step_ = 0;
    std::vector<at::Tensor> exp_avg_, exp_avg_sq_;
};

class ShardedEma {
public:
    ShardedEma(const FsdpModel& model, double decay);
    void update(const FsdpModel& model);
    double decay() const { return decay_; }
    // Shadow shard of unit `i`.
    const at::Tensor& shadow(int64_t unit) const {
        return shadow_.at(static_cast<std::size_t>(unit));
    }
    at::Tensor& shadow(int64_t unit) { return shadow_.at(static_cast<std::size_t>(unit)); }

private:
    double decay_;
    std::vector<at::Tensor> shadow_;
};

}  // namespace nava::train
