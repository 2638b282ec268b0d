#include "inference/models/audio_vae/encoder.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/audio_vae/latent_layout.h"
#include "inference/models/common/layers.h"

namespace nava::audio_vae {

MidBlock::MidBlock(int64_t channels, CausalityAxis axis, const at::TensorOptions& options) {
    block_1 = register_module("block_1",
                              std::make_shared<ResnetBlock>(channels, channels, axis, options));
    block_2 = register_module("block_2",
                              std::make_shared<ResnetBlock>(channels, channels, axis, options));
}

at::Tensor MidBlock::forward(const at::Tensor& x) const {
    return block_2->forward(block_1->forward(x));
}

AudioEncoder::AudioEncoder(const AudioVaeConfig& config,
                           std::shared_ptr<PerChannelStatistics> statistics,
                           const at::TensorOptions& options)
    : config_(config), statistics_(std::move(statistics)) {
    const auto axis = config_.causality_axis;
    conv_in = register_module("conv_in", std::make_shared<CausalConv2d>(
                                             config_.in_channels, config_.ch, 3, axis, options));
    auto levels = register_module("down", std::make_shared<nn::IndexedModules>());
    int64_t width = config_.ch;
    for (int64_t i = 0; i < config_.num_levels(); ++i) {
        auto level = levels->add(i, std::make_shared<EncoderLevel>());
        auto blocks = level->register_module("block", std::make_shared<nn::IndexedModules>());
        const int64_t out = config_.ch * config_.ch_mult[i];
        for (int64_t j = 0; j < config_.num_res_blocks; ++j) {
            level->blocks.push_back(
                blocks->add(j, std::make_shared<ResnetBlock>(width, out, axis, options)));
            width = out;
        }
        if (i != config_.num_levels() - 1)
            level->downsample = level->register_module(
                "downsample", std::make_shared<Downsample>(width, axis, options));
        down.push_back(level);
    }
    mid = register_module("mid", std::make_shared<MidBlock>(width, axis, options));
    conv_out = register_module("conv_out", std::make_shared<CausalConv2d>(
                                               width, 2 * config_.z_channels, 3, axis, options));
}

EncoderOutput AudioEncoder::forward(const at::Tensor& mel) const {
    if (mel.dim() != 4 || mel.size(1) != config_.in_channels)
        throw Error("audio encoder: expected a spectrogram [B, " +
                    std::to_string(config_.in_channels) + ", T, mels]");
    // 1. Stem and downsampling levels: [B, ch, T, M] -> [B, ch·mult[-1], T', F'].
    at::Tensor h = conv_in->forward(mel.to(conv_in->conv->weight.scalar_type()));
    for (const auto& level : down) {
        for (const auto& block : level->blocks)
            h = block->forward(h);
        if (level->downsample) h = level->downsample->forward(h);
    }
    // 2. Middle and head: [B, 2z, T', F'].
    h = mid->forward(h);
    h = conv_out->forward(at::silu(pixel_norm(h)));

    // 3. Split mean / log-variance; normalise the means per token channel.
    EncoderOutput out;
    out.mean_raw = h.narrow(1, 0, config_.z_channels);
    out.logvar = h.narrow(1, config_.z_channels, config_.z_channels);
    out.latent = unpatchify(statistics_->normalize(patchify(out.mean_raw)), config_.z_channels);
    return out;
}

}  // namespace nava::audio_vae
