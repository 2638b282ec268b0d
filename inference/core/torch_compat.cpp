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

std::optional<bool> g_forced_native_bf16;

bool cpu_supports_native_bf16() {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
           __builtin_cpu_supports("avx512dq");
#else
    return false;
#endif
}

// bf16 on the CPU without native kernels: compute in float32.
bool emulate_bf16(const at::Tensor& x) {
    return x.scalar_type() == at::kBFloat16 && x.is_cpu() && !cpu_native_bf16();
}

at::Tensor widened(const at::Tensor& t) {
    return t.defined() ? t.to(at::kFloat) : t;
}

c10::optional<at::Tensor> optional_of(const at::Tensor& t) {
    return t.defined() ? c10::optional<at::Tensor>(t) : c10::nullopt;
}

}  // namespace

bool cpu_native_bf16() {
    static const bool native = cpu_supports_native_bf16();
    return g_forced_native_bf16 ? *g_forced_native_bf16 : native;
}

void set_cpu_native_bf16_for_testing(std::optional<bool> forced) {
    g_forced_native_bf16 = forced;
}

at::Tensor linear(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias) {
    if (emulate_bf16(x))
        return at::linear(widened(x), widened(weight), optional_of(widened(bias)))
            .to(at::kBFloat16);
    return at::linear(x, weight, optional_of(bias));
}

at::Tensor matmul(const at::Tensor& a, const at::Tensor& b) {
    if (emulate_bf16(a)) return at::matmul(widened(a), widened(b)).to(at::kBFloat16);
    return at::matmul(a, b);
}

void mm_out(at::Tensor& out, const at::Tensor& a, const at::Tensor& b) {
    if (emulate_bf16(a)) {
        out.copy_(at::mm(widened(a), widened(b)));
        return;
    }
    at::mm_out(out, a, b);
}

at::Tensor convolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                       at::IntArrayRef stride, at::IntArrayRef padding, at::IntArrayRef dilation,
                       int64_t groups) {
    if (emulate_bf16(x))
        return convolution(widened(x), widened(weight), widened(bias), stride, padding, dilation,
                           groups)
            .to(at::kBFloat16);
    const auto b = optional_of(bias);
    switch (weight.dim()) {
        case 3:
            return at::conv1d(x, weight, b, stride, padding, dilation, groups);
        case 4:
            return at::conv2d(x, weight, b, stride, padding, dilation, groups);
        default:
            return at::conv3d(x, weight, b, stride, padding, dilation, groups);
    }
}

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
    // float64, and bf16 on a CPU without native bf16 (the fused 1.13 kernel would accumulate in
    // bf16): scores and weighted sum in float32 or float64.
    if (q.scalar_type() == at::kDouble || emulate_bf16(q))
        return attention_reference(q, k, v, mask, scale);
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
