// A plain Adam(W) over named parameters whose whole state (moments, step count) is a list of
// named tensors, so a training checkpoint is one safetensors file and a resumed run continues
// bit for bit. (training/optim's AdamW works on FSDP flat shards; these models are tiny.)
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>

namespace nava::io {
class TensorSource;
struct NamedTensor;
}  // namespace nava::io

namespace nava::autoencoders {

using NamedParameters = std::vector<std::pair<std::string, at::Tensor>>;

struct AdamOptions {
    double beta1 = 0.9;
    double beta2 = 0.99;
    double eps = 1e-8;
    double weight_decay = 0.0;
    double grad_clip = 1.0;  // global L2 norm; <= 0 disables
};

class Adam {
public:
    Adam(NamedParameters params, AdamOptions options);

    // One update from the parameters' .grad(); a parameter without a grad (the loss did not
    // reach it) is left as it is, value and moments, as torch.optim does. Returns the gradient
    // norm before clipping. Clears the grads afterwards.
    double step(double lr);
    void zero_grad();

    int64_t steps() const { return step_; }
    const NamedParameters& parameters() const { return params_; }

    // "<prefix>m.<name>", "<prefix>v.<name>" (float32 on the CPU).
    std::vector<io::NamedTensor> state(const std::string& prefix) const;
    // Restores the moments written by state(); throws nava::Error naming a missing or
    // mis-shaped tensor.
    void load_state(const io::TensorSource& source, const std::string& prefix, int64_t steps);

private:
    NamedParameters params_;
    AdamOptions options_;
    std::vector<at::Tensor> m_, v_;
    int64_t step_ = 0;
};

}  // namespace nava::autoencoders
