// Building blocks of the LTX audio VAE: causal 2-D convolutions over [B, C, time, mel]
// spectrogram features, PixelNorm, residual blocks, causal down/upsampling and the latent
// per-channel statistics. Module names follow the checkpoint (`conv1.conv.weight`, ...).
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

#include "inference/models/audio_vae/audio_vae_config.h"

namespace nava::audio_vae {

// x / sqrt(mean over channels of x² + 1e-6); statistics in float32 (float64 for float64 input).
at::Tensor pixel_norm(const at::Tensor& x);

// nn.Conv2d without padding: weight [out, in, k, k], bias [out].
class Conv2d : public torch::nn::Module {
public:
    Conv2d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
           const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;

    int64_t stride;
    at::Tensor weight;
    at::Tensor bias;
};

// Explicit zero padding (causal along the configured axis), then an unpadded Conv2d (`conv`).
class CausalConv2d : public torch::nn::Module {
public:
    CausalConv2d(int64_t in_channels, int64_t out_channels, int64_t kernel, CausalityAxis axis,
                 const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, in, T, F] -> [B, out, T, F]

    std::array<int64_t, 4> padding{};  // F.pad order: mel left, mel right, time front, time back
    std::shared_ptr<Conv2d> conv;
};

// PixelNorm -> SiLU -> conv3x3 -> PixelNorm -> SiLU -> conv3x3, plus a 1x1 `nin_shortcut`
// when the width changes.
class ResnetBlock : public torch::nn::Module {
public:
    ResnetBlock(int64_t in_channels, int64_t out_channels, CausalityAxis axis,
                const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<CausalConv2d> conv1, conv2, nin_shortcut;  // nin_shortcut may be null
};

// Zero-pad (2 rows in front for time causality, 1 mel bin at the end), conv3x3 stride 2.
class Downsample : public torch::nn::Module {
public:
    Downsample(int64_t channels, CausalityAxis axis, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // T -> floor((T-1)/2)+1, F -> F/2

    std::array<int64_t, 4> padding{};
    std::shared_ptr<Conv2d> conv;  // plain Conv2d: key `downsample.conv.weight`
};

// Nearest x2 on both axes, causal conv3x3, then drop the first time row (time causality) so
// T -> 2T - 1 mirrors the encoder's downsampling.
class Upsample : public torch::nn::Module {
public:
    Upsample(int64_t channels, CausalityAxis axis, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;

    CausalityAxis axis;
    std::shared_ptr<CausalConv2d> conv;  // key `upsample.conv.conv.weight`
};

// Dataset statistics of the latent means, one per token channel (buffers `mean-of-means`,
// `std-of-means`), shared by encoder and decoder.
class PerChannelStatistics : public torch::nn::Module {
public:
    PerChannelStatistics(int64_t channels, const at::TensorOptions& options);
    at::Tensor normalize(const at::Tensor& x) const;     // (x - mean) / std, last dim = channels
    at::Tensor un_normalize(const at::Tensor& x) const;  // x · std + mean

    at::Tensor std_of_means;
    at::Tensor mean_of_means;
};

}  // namespace nava::audio_vae
