// Small parameter-holding layers shared by every model component. Parameters are registered
// under the names PyTorch checkpoints use (`weight`, `bias`, ...) so state dicts load by name;
// forward passes call ATen directly. Parameters start at zero: models are always loaded from
// weights or explicitly initialised.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

namespace nava::nn {

using Module = torch::nn::Module;

class Linear : public Module {
public:
    Linear(int64_t in_features, int64_t out_features, bool bias = true);
    at::Tensor forward(const at::Tensor& x) const;

    // Weight-only 8-bit storage (fp8 checkpoints, the fp8 memory profile): the weight is kept as
    // codes [out, in] (uint8) with one float32 scale per output row and a 256-entry code table,
    // and expanded to the input's dtype at every call; the float parameter is released. The
    // codes and scales are registered as buffers (`weight_codes`, `weight_scale`) so that
    // device moves and block streaming see them.
    void store_compact(const at::Tensor& codes, const at::Tensor& row_scale,
                       const at::Tensor& table);
    bool compact() const { return weight_codes.defined(); }
    // The weight as used by forward(), in `dtype`.
    at::Tensor effective_weight(at::ScalarType dtype) const;

    int64_t in_features;
    int64_t out_features;
    at::Tensor weight;        // [out, in]
    at::Tensor bias;          // [out] or undefined
    at::Tensor weight_codes;  // [out, in] uint8 (compact storage only)
    at::Tensor weight_scale;  // [out] float32 (compact storage only)
    at::Tensor code_table;    // [256] float32 (compact storage only)
};

// LayerNorm over the last dimension. Statistics are computed in float32 (or float64 for
// float64 inputs) whatever the input dtype; the result has the input's dtype.
class LayerNorm : public Module {
public:
    LayerNorm(int64_t dim, double eps, bool affine = true);
    at::Tensor forward(const at::Tensor& x) const;

    int64_t dim;
    double eps;
    at::Tensor weight;  // [dim] or undefined
    at::Tensor bias;
};

// x / sqrt(mean(x²) + eps) * weight over the last dimension, statistics in float32 or wider.
class RMSNorm : public Module {
public:
    RMSNorm(int64_t dim, double eps);
    at::Tensor forward(const at::Tensor& x) const;

    int64_t dim;
    double eps;
    at::Tensor weight;  // [dim]
};

// N-d convolution (N = 1, 2, 3) with PyTorch's parameter layout.
class Conv : public Module {
public:
    Conv(int dims, int64_t in_channels, int64_t out_channels, std::vector<int64_t> kernel,
         std::vector<int64_t> stride = {}, std::vector<int64_t> padding = {}, bool bias = true,
         std::vector<int64_t> dilation = {}, int64_t groups = 1);
    at::Tensor forward(const at::Tensor& x) const;

    int dims;
    std::vector<int64_t> kernel, stride, padding, dilation;
    int64_t groups;
    at::Tensor weight;  // [out, in/groups, *kernel]
    at::Tensor bias;    // [out] or undefined
};

// Children registered as "0", "1", ... like torch.nn.Sequential / ModuleList, so that keys
// such as `blocks.3.attn.q.weight` resolve. Index gaps (parameter-free activations in a
// Sequential) are allowed.
class IndexedModules : public Module {
public:
    template <class T>
    std::shared_ptr<T> add(std::size_t index, std::shared_ptr<T> module) {
        register_module(std::to_string(index), module);
        return module;
    }
};

// A fresh zero tensor of the given shape for a parameter (float32, CPU), or a storage-less meta
// tensor while a MetaParameterScope is alive (for counting and key listing of huge configs).
at::Tensor zero_parameter(at::IntArrayRef shape);

// While alive (on this thread), layers create their parameters on the meta device: shapes only,
// no memory. Used to instantiate NAVA-6B for key and parameter-count checks.
class MetaParameterScope {
public:
    MetaParameterScope();
    ~MetaParameterScope();
    MetaParameterScope(const MetaParameterScope&) = delete;
    MetaParameterScope& operator=(const MetaParameterScope&) = delete;

private:
    bool previous_;
};

// Total element count of every parameter of `module` (recursively).
int64_t parameter_count(const Module& module);

}  // namespace nava::nn
