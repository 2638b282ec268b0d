// The LTX audio VAE decoder (`audio_vae.decoder.*`): normalised latent [B, z, T', F'] ->
// log-mel [B, out_ch, 4T' - 3, mel_bins] (for three levels with time causality).
#pragma once

#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

#include "inference/models/audio_vae/audio_vae_config.h"
#include "inference/models/audio_vae/blocks.h"
#include "inference/models/audio_vae/encoder.h"

namespace nava::audio_vae {

class DecoderLevel : public torch::nn::Module {
public:
    std::vector<std::shared_ptr<ResnetBlock>> blocks;  // num_res_blocks + 1
    std::shared_ptr<Upsample> upsample;                // null on level 0
};

class AudioDecoder : public torch::nn::Module {
public:
    AudioDecoder(const AudioVaeConfig& config, std::shared_ptr<PerChannelStatistics> statistics,
                 const at::TensorOptions& options);
    // latent: [B, z, T', F'] normalised (as the encoder and the DiT produce it).
    at::Tensor forward(const at::Tensor& latent) const;

    std::shared_ptr<CausalConv2d> conv_in;
    std::shared_ptr<MidBlock> mid;
    std::vector<std::shared_ptr<DecoderLevel>> up;  // indexed by level; run from the last
    std::shared_ptr<CausalConv2d> conv_out;

private:
    AudioVaeConfig config_;
    std::shared_ptr<PerChannelStatistics> statistics_;
};

}  // namespace nava::audio_vae
