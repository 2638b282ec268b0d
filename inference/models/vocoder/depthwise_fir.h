// The anti-aliasing filters apply one short filter to every channel of long signals. ATen's
// grouped (depthwise) convolutions are slow on CPU for these shapes (few taps, strided,
// transposed), so on the CPU they are evaluated as sums of strided slices; other devices use
// the grouped convolution. Both give the reference's values up to summation order.
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace nava::vocoder {

// conv1d(x, filter expanded to every channel, stride, groups = C); x: [B, C, L],
// filter: [1, 1, K] -> [B, C, (L - K) / stride + 1].
at::Tensor depthwise_strided_fir(const at::Tensor& x, const at::Tensor& filter, int64_t stride);

// conv_transpose1d(x, filter expanded to every channel, stride = ratio, groups = C), samples
// [left, left + out_len) of the full output; x: [B, C, L] -> [B, C, out_len].
at::Tensor depthwise_transposed_fir(const at::Tensor& x, const at::Tensor& filter, int64_t ratio,
                                    int64_t left, int64_t out_len);

}  // namespace nava::vocoder
