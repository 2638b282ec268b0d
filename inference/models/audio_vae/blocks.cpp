#include "inference/models/audio_vae/blocks.h"

#include <vector>

#include <ATen/ATen.h>

#include "inference/models/vocoder/conv.h"

namespace nava::audio_vae {
namespace {

using vocoder::new_tensor;

at::Tensor pad(const at::Tensor& x, const std::array<int64_t, 4>& p) {
    if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) return x;
    return at::constant_pad_nd(x, {p[0], p[1], p[2], p[3]});
}

}  // namespace

at::Tensor pixel_norm(const at::Tensor& x) {
    const auto st = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const at::Tensor xf = x.to(st);
    const at::Tensor rms = at::sqrt(xf.pow(2).mean(1, /*keepdim=*/true) + 1e-6);  // [B, 1, T, F]
    return (xf / rms).to(x.scalar_type());
}

Conv2d::Conv2d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t s,
               const at::TensorOptions& options)
    : stride(s) {
    weight = register_parameter(
        "weight", new_tensor({out_channels, in_channels, kernel, kernel}, options), false);
    bias = register_parameter("bias", new_tensor({out_channels}, options), false);
}

at::Tensor Conv2d::forward(const at::Tensor& x) const {
    const std::vector<int64_t> strides = {stride, stride};
    return at::conv2d(x, weight, bias, strides);
}

CausalConv2d::CausalConv2d(int64_t in_channels, int64_t out_channels, int64_t kernel,
                           CausalityAxis axis, const at::TensorOptions& options) {
    const int64_t p = kernel - 1;  // total padding per axis (dilation 1)
    switch (axis) {
        case CausalityAxis::kNone:
            padding = {p / 2, p - p / 2, p / 2, p - p / 2};
            break;
        case CausalityAxis::kWidth:
        case CausalityAxis::kWidthCompatibility:
            padding = {p, 0, p / 2, p - p / 2};
            break;
        case CausalityAxis::kHeight:
            padding = {p / 2, p - p / 2, p, 0};
            break;
    }
    conv = register_module("conv",
                           std::make_shared<Conv2d>(in_channels, out_channels, kernel, 1, options));
}

at::Tensor CausalConv2d::forward(const at::Tensor& x) const {
    return conv->forward(pad(x, padding));
}

ResnetBlock::ResnetBlock(int64_t in_channels, int64_t out_channels, CausalityAxis axis,
                         const at::TensorOptions& options) {
    conv1 = register_module(
        "conv1", std::make_shared<CausalConv2d>(in_channels, out_channels, 3, axis, options));
    conv2 = register_module(
        "conv2", std::make_shared<CausalConv2d>(out_channels, out_channels, 3, axis, options));
    if (in_channels != out_channels)
        nin_shortcut = register_module(
            "nin_shortcut",
            std::make_shared<CausalConv2d>(in_channels, out_channels, 1, axis, options));
}

at::Tensor ResnetBlock::forward(const at::Tensor& x) const {
    // 1. Residual branch (dropout is the identity at inference).
    at::Tensor h = at::silu(pixel_norm(x));
    h = conv1->forward(h);
    h = at::silu(pixel_norm(h));
    h = conv2->forward(h);
    // 2. Shortcut.
    const at::Tensor skip = nin_shortcut ? nin_shortcut->forward(x) : x;
    return skip + h;
}

Downsample::Downsample(int64_t channels, CausalityAxis axis, const at::TensorOptions& options) {
    switch (axis) {
        case CausalityAxis::kNone:
            padding = {0, 1, 0, 1};
            break;
        case CausalityAxis::kWidth:
            padding = {2, 0, 0, 1};
            break;
        case CausalityAxis::kHeight:
            padding = {0, 1, 2, 0};
            break;
        case CausalityAxis::kWidthCompatibility:
            padding = {1, 0, 0, 1};
            break;
    }
    conv = register_module("conv", std::make_shared<Conv2d>(channels, channels, 3, 2, options));
}

at::Tensor Downsample::forward(const at::Tensor& x) const {
    return conv->forward(pad(x, padding));
}

Upsample::Upsample(int64_t channels, CausalityAxis a, const at::TensorOptions& options) : axis(a) {
    conv =
        register_module("conv", std::make_shared<CausalConv2d>(channels, channels, 3, a, options));
}

at::Tensor Upsample::forward(const at::Tensor& x) const {
    // 1. Nearest-neighbour x2 on time and mel: every value becomes a 2x2 block.
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), f = x.size(3);
    at::Tensor y =
        x.unsqueeze(3).unsqueeze(5).expand({b, c, t, 2, f, 2}).reshape({b, c, 2 * t, 2 * f});
    // 2. Causal conv; its first output row only saw padding plus the first input row twice.
    y = conv->forward(y);
    if (axis == CausalityAxis::kHeight) return y.narrow(2, 1, y.size(2) - 1);
    if (axis == CausalityAxis::kWidth) return y.narrow(3, 1, y.size(3) - 1);
    return y;
}

PerChannelStatistics::PerChannelStatistics(int64_t channels, const at::TensorOptions& options) {
    std_of_means = register_buffer("std-of-means", new_tensor({channels}, options));
    mean_of_means = register_buffer("mean-of-means", new_tensor({channels}, options));
}

at::Tensor PerChannelStatistics::normalize(const at::Tensor& x) const {
    return (x - mean_of_means.to(x.scalar_type())) / std_of_means.to(x.scalar_type());
}

at::Tensor PerChannelStatistics::un_normalize(const at::Tensor& x) const {
    return x * std_of_means.to(x.scalar_type()) + mean_of_means.to(x.scalar_type());
}

}  // namespace nava::audio_vae
