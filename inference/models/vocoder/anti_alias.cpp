#include "inference/models/vocoder/anti_alias.h"

#include <cmath>
#include <vector>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/vocoder/conv.h"
#include "inference/models/vocoder/depthwise_fir.h"

namespace nava::vocoder {
namespace {}  // namespace

SnakeBeta::SnakeBeta(int64_t channels, const at::TensorOptions& options) {
    alpha = register_parameter("alpha", new_tensor({channels}, options), false);
    beta = register_parameter("beta", new_tensor({channels}, options), false);
}

at::Tensor SnakeBeta::forward(const at::Tensor& x) const {
    const at::Tensor a = at::exp(alpha).view({1, -1, 1});  // [1, C, 1]
    const at::Tensor inv_b = at::reciprocal(at::exp(beta) + 1e-9).view({1, -1, 1});
    // sin²(x·a) / b + x, evaluated in one scratch tensor to keep the peak memory at 2x.
    at::Tensor t = x * a;
    t.sin_();
    t.pow_(2);
    t.mul_(inv_b);
    t.add_(x);
    return t;
}

UpSample1d::UpSample1d(int64_t r, int64_t k, const at::TensorOptions& options)
    : ratio(r), kernel(k) {
    filter = register_buffer("filter", new_tensor({1, 1, k}, options));
}

at::Tensor UpSample1d::forward(const at::Tensor& x) const {
    // 1. Replicate-pad K/ratio - 1 input samples on each side.
    const int64_t pad = kernel / ratio - 1;
    const at::Tensor padded = at::replication_pad1d(x, {pad, pad});  // [B, C, L + 2p]
    // 2. Depthwise transposed conv (zero-stuffing + low-pass), of which only the samples past
    //    the padding's footprint are needed (exactly ratio·L), and the gain compensation.
    const int64_t left = pad * ratio + (kernel - ratio) / 2;
    at::Tensor y = depthwise_transposed_fir(padded, filter, ratio, left, x.size(2) * ratio);
    return y.mul_(static_cast<double>(ratio));  // [B, C, ratio·L]
}

LowPassFilter1d::LowPassFilter1d(int64_t s, int64_t k, const at::TensorOptions& options)
    : stride(s), kernel(k) {
    filter = register_buffer("filter", new_tensor({1, 1, k}, options));
}

at::Tensor LowPassFilter1d::forward(const at::Tensor& x) const {
    const bool even = kernel % 2 == 0;
    const int64_t left = kernel / 2 - (even ? 1 : 0);
    const int64_t right = kernel / 2;
    const at::Tensor padded = at::replication_pad1d(x, {left, right});  // [B, C, L + K - 1]
    return depthwise_strided_fir(padded, filter, stride);
}

DownSample1d::DownSample1d(int64_t ratio, int64_t kernel, const at::TensorOptions& options) {
    lowpass = register_module("lowpass", std::make_shared<LowPassFilter1d>(ratio, kernel, options));
}

Activation1d::Activation1d(int64_t channels, const at::TensorOptions& options) {
    // BigVGAN-v2 defaults, which are all the LTX checkpoints use: ratio 2, 12-tap filters.
    constexpr int64_t kRatio = 2;
    constexpr int64_t kKernel = 12;
    act = register_module("act", std::make_shared<SnakeBeta>(channels, options));
    upsample = register_module("upsample", std::make_shared<UpSample1d>(kRatio, kKernel, options));
    downsample =
        register_module("downsample", std::make_shared<DownSample1d>(kRatio, kKernel, options));
}

at::Tensor Activation1d::forward(const at::Tensor& x) const {
    at::Tensor y = upsample->forward(x);  // [B, C, 2L]
    y = act->forward(y);
    return downsample->forward(y);  // [B, C, L]
}

HannSincUpsampler::HannSincUpsampler(int64_t ratio) : ratio_(ratio) {
    if (ratio < 1) throw Error("HannSincUpsampler: ratio must be >= 1");
    constexpr double kRolloff = 0.99;
    constexpr int64_t kZeroCrossings = 6;
    width_ = static_cast<int64_t>(std::ceil(static_cast<double>(kZeroCrossings) / kRolloff));
    const int64_t taps = 2 * width_ * ratio + 1;
    // Same float32 operation sequence as the reference so the taps agree bit for bit.
    const at::Tensor t = at::arange(taps, at::kFloat).div(ratio).sub(width_).mul(kRolloff);
    const at::Tensor clamped = t.clamp(-kZeroCrossings, kZeroCrossings);
    const at::Tensor window = clamped.mul(M_PI).div(kZeroCrossings).div(2).cos().pow(2);
    filter_ = at::sinc(t).mul(window).mul(kRolloff).div(ratio).view({1, 1, taps});
}

at::Tensor HannSincUpsampler::forward(const at::Tensor& x) const {
    const at::Tensor padded = at::replication_pad1d(x, {width_, width_});  // [B, C, L + 2w]
    // The first 2·w·ratio samples of the transposed conv belong to the padding.
    at::Tensor y = depthwise_transposed_fir(padded, filter_.to(x.scalar_type()), ratio_,
                                            2 * width_ * ratio_, x.size(2) * ratio_);
    return y.mul_(static_cast<double>(ratio_));  // [B, C, ratio·L]
}

}  // namespace nava::vocoder
