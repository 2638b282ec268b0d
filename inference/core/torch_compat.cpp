#include "inference/core/torch_compat.h"

#include <cmath>

#include <ATen/ATen.h>
#include <ATen/Context.h>
#include <torch/version.h>

#include "nava/build_config.h"

// CUDA helpers exist only in a CUDA LibTorch (2.x); a CPU build answers "no device".
#if NAVA_HAVE_CUDA && TORCH_VERSION_MAJOR >= 2
#define NAVA_WITH_CUDA 1
#include <c10/cuda/CUDAFunctions.h>
#else
#define NAVA_WITH_CUDA 0
#endif

namespace nava {
namespace {

at::Tensor additive_mask(const std::optional<at::Tensor>& mask, at::ScalarType dtype) {
    if (!mask) return {};
    if (mask->scalar_type() != at::kBool) return mask->to(dtype);
    at::Tensor m = at::zeros(mask->sizes(), mask->options().dtype(dtype));
    return m.masked_fill(mask->logical_not(), -std::numeric_limits<double>::infinity());
}

}  // namespace

at::Tensor attention_reference(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                               const std::optional<at::Tensor>& mask, std::optional<double> scale) {
    const double s = scale ? *scale : 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    const auto compute = q.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    at::Tensor scores = at::matmul(q.to(compute), k.to(compute).transpose(-2, -1)) * s;
    if (mask) scores = scores + additive_mask(mask, compute);
    at::Tensor probs = at::softmax(scores, -1);
    return at::matmul(probs, v.to(compute)).to(q.scalar_type());
}

at::Tensor attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                     const std::optional<at::Tensor>& mask, std::optional<double> scale) {
    if (q.scalar_type() == at::kDouble) return attention_reference(q, k, v, mask, scale);
    const at::Tensor m = additive_mask(mask, q.scalar_type());
    const c10::optional<at::Tensor> m_opt =
        m.defined() ? c10::optional<at::Tensor>(m) : c10::nullopt;
#if TORCH_VERSION_MAJOR >= 2 && (TORCH_VERSION_MAJOR > 2 || TORCH_VERSION_MINOR >= 1)
    return at::scaled_dot_product_attention(q, k, v, m_opt, 0.0, false,
                                            scale ? c10::optional<double>(*scale) : c10::nullopt);
#elif TORCH_VERSION_MAJOR >= 2
    // 2.0 has no scale argument: fold it into q.
    const double d = static_cast<double>(q.size(-1));
    const at::Tensor qs = scale ? q * (*scale * std::sqrt(d)) : q;
    return at::scaled_dot_product_attention(qs, k, v, m_opt, 0.0, false);
#else
    const double d = static_cast<double>(q.size(-1));
    const at::Tensor qs = scale ? q * (*scale * std::sqrt(d)) : q;
    return std::get<0>(at::_scaled_dot_product_attention(qs, k, v, m_opt, 0.0, false, false));
#endif
}

std::string torch_version_string() {
    return TORCH_VERSION;
}

bool cuda_available() {
    return at::hasCUDA() && cuda_device_count() > 0;
}

int cuda_device_count() {
#if NAVA_WITH_CUDA
    if (!at::hasCUDA()) return 0;
    return static_cast<int>(c10::cuda::device_count());
#else
    return 0;
#endif
}

void set_cuda_device(int index) {
#if NAVA_WITH_CUDA
    if (cuda_available()) c10::cuda::set_device(static_cast<c10::DeviceIndex>(index));
#else
    (void)index;
#endif
}

std::optional<DeviceMemory> cuda_memory(int device) {
#if NAVA_WITH_CUDA
    if (!cuda_available()) return std::nullopt;
    const auto previous = c10::cuda::current_device();
    c10::cuda::set_device(static_cast<c10::DeviceIndex>(device));
    size_t free_bytes = 0, total_bytes = 0;
    const bool ok = cudaMemGetInfo(&free_bytes, &total_bytes) == cudaSuccess;
    c10::cuda::set_device(previous);
    if (!ok) return std::nullopt;
    return DeviceMemory{static_cast<int64_t>(free_bytes), static_cast<int64_t>(total_bytes)};
#else
    (void)device;
    return std::nullopt;
#endif
}

bool has_native_float8() {
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
    return true;
#else
    return false;
#endif
}

}  // namespace nava
