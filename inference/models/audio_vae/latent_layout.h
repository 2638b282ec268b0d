// Layouts of the audio latent. The VAE works on [B, z, T', F'] (z latent channels, T' frames,
// F' latent mel bins); the per-channel statistics and NAVA's DiT see it flattened per frame
// with channel index z_index·F' + f ("b c t f -> b t (c f)"). NAVA hands the DiT the
// transpose of that: tokens [B, z·F', T'].
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace nava::audio_vae {

at::Tensor patchify(const at::Tensor& latent);                         // [B,z,T,F] -> [B,T,zF]
at::Tensor unpatchify(const at::Tensor& patched, int64_t z_channels);  // [B,T,zF] -> [B,z,T,F]

at::Tensor latent_to_tokens(const at::Tensor& latent);                      // -> [B, zF, T]
at::Tensor tokens_to_latent(const at::Tensor& tokens, int64_t z_channels);  // -> [B, z, T, F]

// NAVA's input channel adaptation for a waveform [B, C, N]: equal counts pass through; one
// channel is duplicated; more channels are downmixed (ITU-R BS.775 for 5.0 / 5.1 / 7.1, the
// channel mean as dual mono for other layouts); a 1-channel target takes the channel mean.
at::Tensor adapt_channels(const at::Tensor& audio, int64_t target_channels);

}  // namespace nava::audio_vae
