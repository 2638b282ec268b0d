// BigVGAN-v2 building blocks: the SnakeBeta activation, applied at twice the sample rate
// between anti-aliasing low-pass filters (Activation1d), and the Hann-windowed-sinc integer
// upsampler used by the bandwidth-extension skip path.
#pragma once

#include <cstdint>
#include <memory>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

namespace nava::vocoder {

// x + sin²(x·e^alpha) / (e^beta + 1e-9), alpha and beta per channel, stored as logarithms.
class SnakeBeta : public torch::nn::Module {
public:
    SnakeBeta(int64_t channels, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, L]

    at::Tensor alpha;  // [C] log scale
    at::Tensor beta;   // [C] log scale
};

// x2 upsampling: replicate-pad, depthwise transposed conv with the checkpoint's low-pass
// filter (`filter`, [1, 1, K]), times the ratio, crop to exactly ratio·L samples.
class UpSample1d : public torch::nn::Module {
public:
    UpSample1d(int64_t ratio, int64_t kernel, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, ratio·L]

    int64_t ratio;
    int64_t kernel;
    at::Tensor filter;  // buffer [1, 1, K]
};

// Replicate-padded depthwise low-pass filter with a stride (`filter`, [1, 1, K]).
class LowPassFilter1d : public torch::nn::Module {
public:
    LowPassFilter1d(int64_t stride, int64_t kernel, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, ceil(L / stride)]

    int64_t stride;
    int64_t kernel;
    at::Tensor filter;  // buffer [1, 1, K]
};

class DownSample1d : public torch::nn::Module {
public:
    DownSample1d(int64_t ratio, int64_t kernel, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const { return lowpass->forward(x); }

    std::shared_ptr<LowPassFilter1d> lowpass;
};

// Anti-aliased activation: upsample x2 -> SnakeBeta -> downsample x2 (length preserved).
class Activation1d : public torch::nn::Module {
public:
    Activation1d(int64_t channels, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, L]

    std::shared_ptr<SnakeBeta> act;
    std::shared_ptr<UpSample1d> upsample;
    std::shared_ptr<DownSample1d> downsample;
};

// Integer-ratio upsampler with a Hann-windowed sinc (6 zero crossings, roll-off 0.99): the
// torchaudio resampling kernel laid out for a transposed convolution. Not a checkpoint tensor:
// the filter is computed here, in float32 like the reference, and cast to the input's dtype.
class HannSincUpsampler {
public:
    explicit HannSincUpsampler(int64_t ratio);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, ratio·L]

    int64_t ratio() const { return ratio_; }
    const at::Tensor& filter() const { return filter_; }  // [1, 1, 2·width·ratio + 1] float32

private:
    int64_t ratio_;
    int64_t width_;  // input samples of replicate padding on each side
    at::Tensor filter_;
};

}  // namespace nava::vocoder
