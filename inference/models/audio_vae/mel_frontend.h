// The audio VAE's log-mel front-end, computed here the way torchaudio's MelSpectrogram does it
// (reference: LTX AudioProcessor): centred STFT with reflect padding and a periodic Hann window,
// magnitude, slaney mel filterbank, natural log of max(mel, 1e-5).
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

#include "inference/models/audio_vae/audio_vae_config.h"

namespace nava::audio_vae {

// torchaudio.functional.melscale_fbanks(n_freqs, f_min, f_max, n_mels, sample_rate,
// norm="slaney", mel_scale="slaney"), computed in float32 with the same operation order:
// [n_freqs, n_mels] triangular filters over 0 .. sample_rate/2, area-normalised.
at::Tensor slaney_mel_filterbank(int64_t n_freqs, double f_min, double f_max, int64_t n_mels,
                                 int64_t sample_rate);

class MelFrontEnd {
public:
    explicit MelFrontEnd(const MelConfig& config);

    // waveform [B, C, N] -> log-mel [B, C, 1 + N / hop, mel_bins] (time before mel bins), in
    // the waveform's floating dtype (float32 or float64; others are computed in float32).
    // N must exceed n_fft / 2 (reflect padding), as in the reference.
    at::Tensor forward(const at::Tensor& waveform) const;

    const MelConfig& config() const { return config_; }
    const at::Tensor& window() const { return window_; }          // [n_fft] float32
    const at::Tensor& filterbank() const { return filterbank_; }  // [n_fft/2 + 1, mels] float32

private:
    MelConfig config_;
    at::Tensor window_;
    at::Tensor filterbank_;
};

}  // namespace nava::audio_vae
