#include "inference/models/audio_vae/latent_layout.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::audio_vae {
namespace {

// BS.775 stereo fold-down: centre and surrounds enter both sides at -3 dB, LFE is dropped.
at::Tensor downmix_to_stereo(const at::Tensor& audio) {
    const double g = 1.0 / std::sqrt(2.0);
    auto ch = [&](int64_t i) { return audio.select(1, i); };  // [B, N]
    at::Tensor left, right;
    switch (audio.size(1)) {
        case 5:  // 5.0: L R C Ls Rs
            left = ch(0) + g * ch(2) + g * ch(3);
            right = ch(1) + g * ch(2) + g * ch(4);
            break;
        case 6:  // 5.1: L R C LFE Ls Rs
            left = ch(0) + g * ch(2) + g * ch(4);
            right = ch(1) + g * ch(2) + g * ch(5);
            break;
        case 8:  // 7.1: L R C LFE Ls Rs SL SR
            left = ch(0) + g * ch(2) + g * ch(4) + g * ch(6);
            right = ch(1) + g * ch(2) + g * ch(5) + g * ch(7);
            break;
        default: {  // unknown layout: the mean as dual mono
            const at::Tensor mono = audio.mean(1, /*keepdim=*/true);
            return mono.expand({audio.size(0), 2, audio.size(2)});
        }
    }
    return at::stack({left, right}, 1);
}

}  // namespace

at::Tensor patchify(const at::Tensor& latent) {
    return latent.permute({0, 2, 1, 3}).reshape({latent.size(0), latent.size(2), -1});
}

at::Tensor unpatchify(const at::Tensor& patched, int64_t z_channels) {
    if (patched.dim() != 3 || patched.size(2) % z_channels != 0)
        throw Error("audio latent: expected [B, T, z·F] with z = " + std::to_string(z_channels));
    const int64_t f = patched.size(2) / z_channels;
    return patched.reshape({patched.size(0), patched.size(1), z_channels, f}).permute({0, 2, 1, 3});
}

at::Tensor latent_to_tokens(const at::Tensor& latent) {
    return patchify(latent).transpose(1, 2);
}

at::Tensor tokens_to_latent(const at::Tensor& tokens, int64_t z_channels) {
    if (tokens.dim() != 3)
        throw Error("audio tokens: expected [B, C, T], got " + std::to_string(tokens.dim()) +
                    " dimensions");
    return unpatchify(tokens.transpose(1, 2), z_channels);
}

at::Tensor adapt_channels(const at::Tensor& audio, int64_t target_channels) {
    if (audio.dim() != 3) throw Error("waveform: expected [B, C, N]");
    const int64_t actual = audio.size(1);
    if (actual == target_channels) return audio;
    if (actual > target_channels) {
        if (target_channels == 1) return audio.mean(1, /*keepdim=*/true);
        if (target_channels == 2) return downmix_to_stereo(audio);
        throw Error("waveform: cannot fold " + std::to_string(actual) + " channels into " +
                    std::to_string(target_channels));
    }
    // Fewer channels (mono): repeat the first one.
    return audio.narrow(1, 0, 1).expand({audio.size(0), target_channels, audio.size(2)});
}

}  // namespace nava::audio_vae
