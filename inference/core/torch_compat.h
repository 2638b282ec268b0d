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

// Whether this CPU computes bfloat16 matmuls and convolutions natively. LibTorch's oneDNN bf16
// kernels need AVX-512 (BW, VL and DQ); without them LibTorch 1.13 accumulates bf16 products in
// bf16 (errors of several per cent on a DiT block) and refuses bf16 oneDNN convolutions.
bool cpu_native_bf16();
// Tests: force the answer (true / false) or go back to the CPU's own (nullopt).
void set_cpu_native_bf16_for_testing(std::optional<bool> forced);

// at::linear, at::matmul, at::mm_out and an N-d convolution (1-3 spatial dims, picked by the
// weight's rank), except that bf16 CPU tensors on a CPU without native bf16 are multiplied in
// float32 and the result rounded to bf16 — what the native kernels do (float32 accumulation).
at::Tensor linear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias);
at::Tensor matmul(const at::Tensor& a, const at::Tensor& b);
void mm_out(at::Tensor& out, const at::Tensor& a, const at::Tensor& b);
at::Tensor convolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                       at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation,
                       int64_t groups);

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
