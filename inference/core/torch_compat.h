// The one place that knows which LibTorch line we are compiled against (Debian 1.13 CPU or a
// CUDA LibTorch 2.x). Everything else calls these functions.
#pragma once

#include <optional>
#include <string>

#include <ATen/core/Tensor.h>

namespace nava {

// softmax(q·kᵀ·scale + mask)·v over the last two dimensions. q: [..., Lq, d], k and v:
// [..., Lk, d]. `mask` is additive (float, broadcastable to [..., Lq, Lk]) or boolean
// (true = may attend). `scale` defaults to 1/sqrt(d). Uses the fused kernel where the LibTorch
// version has one.
at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                     const std::optional<at::Tensor>& mask = std::nullopt,
                     std::optional<double> scale = std::nullopt);

// Same result computed step by step (scores, softmax in float32, weighted sum). Reference for
// tests and the path taken for float64.
at::Tensor attention_reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                               const std::optional<at::Tensor>& mask = std::nullopt,
                               std::optional<double> scale = std::nullopt);

std::string torch_version_string();
bool cuda_available();
int cuda_device_count();
// Makes `index` the calling thread's current CUDA device (NCCL communicators and kernels launched
// without an explicit device use it); nothing without CUDA.
void set_cuda_device(int index);
// Free and total bytes of a CUDA device; nullopt without CUDA.
struct DeviceMemory {
    int64_t free_bytes = 0;
    int64_t total_bytes = 0;
};
std::optional<DeviceMemory> cuda_memory(int device);
// True when this LibTorch can represent float8 tensors natively (2.1 and later).
bool has_native_float8();

}  // namespace nava
