#include "inference/models/audio_vae/decoder.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/audio_vae/latent_layout.h"
#include "inference/models/common/layers.h"

namespace nava::audio_vae {

AudioDecoder::AudioDecoder(const AudioVaeConfig& config,
                           std::shared_ptr<PerChannelStatistics> statistics,
                           const at::TensorOptions& options)
    : config_(config), statistics_(std::move(statistics)) {
    const auto axis = config_.causality_axis;
    const int64_t levels = config_.num_levels();
    int64_t width = config_.ch * config_.ch_mult.back();
    conv_in = register_module(
        "conv_in", std::make_shared<CausalConv2d>(config_.z_channels, width, 3, axis, options));
    mid = register_module("mid", std::make_shared<MidBlock>(width, axis, options));
    auto list = register_module("up", std::make_shared<nn::IndexedModules>());
    up.resize(static_cast<std::size_t>(levels));
    for (int64_t i = levels - 1; i >= 0; --i) {
        auto level = list->add(i, std::make_shared<DecoderLevel>());
        auto blocks = level->register_module("block", std::make_shared<nn::IndexedModules>());
        const int64_t out = config_.ch * config_.ch_mult[i];
        for (int64_t j = 0; j <= config_.num_res_blocks; ++j) {
            level->blocks.push_back(
                blocks->add(j, std::make_shared<ResnetBlock>(width, out, axis, options)));
            width = out;
        }
        if (i != 0)
            level->upsample = level->register_module(
                "upsample", std::make_shared<Upsample>(width, axis, options));
        up[i] = level;
    }
    conv_out = register_module(
        "conv_out", std::make_shared<CausalConv2d>(width, config_.out_ch, 3, axis, options));
}

at::Tensor AudioDecoder::forward(const at::Tensor& latent) const {
    if (latent.dim() != 4 || latent.size(1) != config_.z_channels)
        throw Error("audio decoder: expected a latent [B, " + std::to_string(config_.z_channels) +
                    ", T', F']");
    const int64_t target_frames = config_.decoded_frames(latent.size(2));
    const int64_t target_bins = config_.mel.mel_bins;

    // 1. Undo the per-channel normalisation.
    const auto dtype = conv_in->conv->weight.scalar_type();
    const at::Tensor x = latent.to(dtype);
    at::Tensor h = unpatchify(statistics_->un_normalize(patchify(x)), config_.z_channels);

    // 2. Stem, middle, upsampling levels from the coarsest: [B, ch, ~4T', 4F'].
    h = conv_in->forward(h);
    h = mid->forward(h);
    for (auto it = up.rbegin(); it != up.rend(); ++it) {
        for (const auto& block : (*it)->blocks)
            h = block->forward(h);
        if ((*it)->upsample) h = (*it)->upsample->forward(h);
    }
    // 3. Head: [B, out_ch, T, F].
    h = conv_out->forward(at::silu(pixel_norm(h)));

    // 4. Crop / zero-pad to the target spectrogram shape (a no-op for LTX-2.3).
    h = h.narrow(2, 0, std::min(h.size(2), target_frames))
            .narrow(3, 0, std::min(h.size(3), target_bins));
    if (h.size(2) < target_frames || h.size(3) < target_bins)
        h = at::constant_pad_nd(h, {0, target_bins - h.size(3), 0, target_frames - h.size(2)});
    return h;
}

}  // namespace nava::audio_vae
