// 1-d convolution modules of the vocoder with PyTorch's parameter names and layouts, and the
// allocation rule shared by every module of the audio path.
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

namespace nava::vocoder {

// Parameters and buffers of the audio modules are allocated through this: zeros with `options`
// (CPU float32 unless asked otherwise). With the meta device a whole module tree exists without
// memory, which is how the real configuration's names and shapes are checked cheaply.
at::Tensor new_tensor(at::IntArrayRef shape, const at::TensorOptions& options);

// nn.Conv1d with stride 1: weight [out, in, k], optional bias [out].
class Conv1d : public torch::nn::Module {
public:
    Conv1d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t dilation,
           int64_t padding, bool bias, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, in, L] -> [B, out, L + 2p - d(k-1)]

    int64_t dilation;
    int64_t padding;
    at::Tensor weight;
    at::Tensor bias;  // undefined without bias
};

// nn.ConvTranspose1d: weight [in, out, k], bias [out].
class ConvTranspose1d : public torch::nn::Module {
public:
    ConvTranspose1d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                    int64_t padding, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, in, L] -> [B, out, (L-1)s - 2p + k]

    int64_t stride;
    int64_t padding;
    at::Tensor weight;
    at::Tensor bias;
};

}  // namespace nava::vocoder
