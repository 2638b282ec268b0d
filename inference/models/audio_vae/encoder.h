// The LTX audio VAE encoder (`audio_vae.encoder.*`): log-mel [B, 2, T, M] -> normalised latent
// means [B, z, T', M / 2^(levels-1)], T' = 1 + floor((T - 1) / 2^(levels-1)) for time causality.
#pragma once

#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

#include "inference/models/audio_vae/audio_vae_config.h"
#include "inference/models/audio_vae/blocks.h"

namespace nava::audio_vae {

// Two residual blocks around the (absent in LTX-2.3) middle attention; shared by both halves.
class MidBlock : public torch::nn::Module {
public:
    MidBlock(int64_t channels, CausalityAxis axis, const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<ResnetBlock> block_1, block_2;
};

// One resolution level: `block.{i}` residual blocks, then an optional resampler.
class EncoderLevel : public torch::nn::Module {
public:
    std::vector<std::shared_ptr<ResnetBlock>> blocks;
    std::shared_ptr<Downsample> downsample;  // null on the last level
};

struct EncoderOutput {
    at::Tensor mean_raw;  // [B, z, T', F'] first half of conv_out, before the statistics
    at::Tensor logvar;    // [B, z, T', F'] second half (unused by NAVA)
    at::Tensor latent;    // [B, z, T', F'] normalised means: what the DiT is trained on
};

class AudioEncoder : public torch::nn::Module {
public:
    // `statistics` belongs to the parent (it is stored once in the checkpoint).
    AudioEncoder(const AudioVaeConfig& config, std::shared_ptr<PerChannelStatistics> statistics,
                 const at::TensorOptions& options);
    // mel: [B, in_channels, T, mel_bins] in any floating dtype (cast to the weights' dtype).
    EncoderOutput forward(const at::Tensor& mel) const;

    std::shared_ptr<CausalConv2d> conv_in;
    std::vector<std::shared_ptr<EncoderLevel>> down;
    std::shared_ptr<MidBlock> mid;
    std::shared_ptr<CausalConv2d> conv_out;

private:
    AudioVaeConfig config_;
    std::shared_ptr<PerChannelStatistics> statistics_;
};

}  // namespace nava::audio_vae
