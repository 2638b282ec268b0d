#include "inference/models/vocoder/conv.h"

#include <vector>

#include <ATen/ATen.h>

namespace nava::vocoder {

at::Tensor new_tensor(at::IntArrayRef shape, const at::TensorOptions& options) {
    return at::zeros(shape, options);
}

Conv1d::Conv1d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t dil, int64_t pad,
               bool with_bias, const at::TensorOptions& options)
    : dilation(dil), padding(pad) {
    weight = register_parameter("weight", new_tensor({out_channels, in_channels, kernel}, options),
                                /*requires_grad=*/false);
    if (with_bias) bias = register_parameter("bias", new_tensor({out_channels}, options), false);
}

at::Tensor Conv1d::forward(const at::Tensor& x) const {
    const std::vector<int64_t> stride = {1}, pad = {padding}, dil = {dilation};
    return at::conv1d(x, weight, bias, stride, pad, dil);
}

ConvTranspose1d::ConvTranspose1d(int64_t in_channels, int64_t out_channels, int64_t kernel,
                                 int64_t s, int64_t p, const at::TensorOptions& options)
    : stride(s), padding(p) {
    weight = register_parameter("weight", new_tensor({in_channels, out_channels, kernel}, options),
                                false);
    bias = register_parameter("bias", new_tensor({out_channels}, options), false);
}

at::Tensor ConvTranspose1d::forward(const at::Tensor& x) const {
    const std::vector<int64_t> s = {stride}, p = {padding};
    return at::conv_transpose1d(x, weight, bias, s, p);
}

}  // namespace nava::vocoder
