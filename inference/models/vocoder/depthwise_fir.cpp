#include "inference/models/vocoder/depthwise_fir.h"

#include <vector>

#include <ATen/ATen.h>

namespace nava::vocoder {
namespace {

std::vector<double> taps_on_host(const at::Tensor& filter) {
    const at::Tensor f = filter.reshape({-1}).to(at::kCPU).to(at::kDouble).contiguous();
    const double* p = f.data_ptr<double>();
    return std::vector<double>(p, p + f.numel());
}

at::Tensor grouped_weight(const at::Tensor& filter, const at::Tensor& x) {
    return filter.to(x.device(), x.scalar_type())
        .expand({x.size(1), 1, filter.size(-1)})
        .contiguous();
}

}  // namespace

at::Tensor depthwise_strided_fir(const at::Tensor& x, const at::Tensor& filter, int64_t stride) {
    const int64_t taps = filter.size(-1);
    const int64_t n_out = (x.size(2) - taps) / stride + 1;
    if (!x.is_cpu() || n_out < 1) {
        const std::vector<int64_t> s = {stride}, zero = {0}, one = {1};
        return at::conv1d(x, grouped_weight(filter, x), {}, s, zero, one, x.size(1));
    }
    // y[n] = sum_k f[k] · x[n·stride + k]: one strided slice per tap.
    const std::vector<double> f = taps_on_host(filter);
    const int64_t span = (n_out - 1) * stride + 1;
    at::Tensor y = x.slice(2, 0, span, stride).mul(f[0]);  // [B, C, n_out]
    for (int64_t k = 1; k < taps; ++k)
        y.add_(x.slice(2, k, k + span, stride), f[k]);
    return y;
}

at::Tensor depthwise_transposed_fir(const at::Tensor& x, const at::Tensor& filter, int64_t ratio,
                                    int64_t left, int64_t out_len) {
    const int64_t taps = filter.size(-1);
    const int64_t length = x.size(2);
    // Output t = left + ratio·m + s draws input q0 - j with tap p + ratio·j, where
    // p = (left + s) mod ratio and q0 = (left + s) / ratio + m. The slice form needs every
    // phase to be equally long and to stay inside the input; otherwise use the convolution.
    bool sliceable = x.is_cpu() && out_len % ratio == 0;
    const int64_t per_phase = out_len / ratio;
    for (int64_t s = 0; sliceable && s < ratio; ++s) {
        const int64_t q0 = (left + s) / ratio;
        const int64_t p = (left + s) % ratio;
        const int64_t last_j = (taps - 1 - p) / ratio;
        sliceable = q0 - last_j >= 0 && q0 + per_phase <= length;
    }
    if (!sliceable) {
        const std::vector<int64_t> st = {ratio}, zero = {0}, one = {1};
        const at::Tensor full =
            at::conv_transpose1d(x, grouped_weight(filter, x), {}, st, zero, zero, x.size(1), one);
        return full.narrow(2, left, out_len);
    }
    const std::vector<double> f = taps_on_host(filter);
    std::vector<at::Tensor> phases;
    phases.reserve(static_cast<std::size_t>(ratio));
    for (int64_t s = 0; s < ratio; ++s) {
        const int64_t q0 = (left + s) / ratio;
        const int64_t p = (left + s) % ratio;
        at::Tensor y = x.slice(2, q0, q0 + per_phase).mul(f[p]);  // [B, C, per_phase]
        for (int64_t j = 1; p + j * ratio < taps; ++j)
            y.add_(x.slice(2, q0 - j, q0 - j + per_phase), f[p + j * ratio]);
        phases.push_back(y);
    }
    // Interleave the phases: [B, C, per_phase, ratio] -> [B, C, out_len].
    return at::stack(phases, 3).reshape({x.size(0), x.size(1), out_len});
}

}  // namespace nava::vocoder
