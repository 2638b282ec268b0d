// Configuration of the LTX-2.3 audio VAE (causal 2-D conv encoder/decoder over log-mel
// spectrograms) and of its mel front-end, read from the checkpoint's embedded JSON config
// (safetensors metadata `config`, block `audio_vae`). Absent keys take the reference
// configurator's defaults; options this port does not implement raise nava::ConfigError.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "inference/models/vocoder/vocoder_config.h"

namespace nava::audio_vae {

// Axis along which the 2-D convolutions are causal. Spectrograms are [B, C, time, mel], so
// "height" means causal in time (what LTX-2.3 uses).
enum class CausalityAxis { kNone, kHeight, kWidth, kWidthCompatibility };

// torchaudio MelSpectrogram settings of the encoder's front-end.
struct MelConfig {
    int64_t sample_rate = 16000;
    int64_t n_fft = 1024;  // also the periodic Hann window length
    int64_t hop_length = 160;
    int64_t mel_bins = 64;
    double f_min = 0.0;
    double f_max = 8000.0;  // sample_rate / 2
};

struct AudioVaeConfig {
    int64_t ch = 128;  // base width; also the size of the per-channel latent statistics
    std::vector<int64_t> ch_mult = {1, 2, 4};
    int64_t num_res_blocks = 2;
    int64_t in_channels = 2;  // stereo spectrogram
    int64_t out_ch = 2;
    int64_t z_channels = 8;
    bool double_z = true;
    int64_t resolution = 256;
    CausalityAxis causality_axis = CausalityAxis::kHeight;
    MelConfig mel;

    int64_t num_levels() const { return static_cast<int64_t>(ch_mult.size()); }
    // Frequency bins of the latent: mel_bins halved at every level but the last.
    int64_t latent_mel_bins() const;
    // Width of one NAVA audio token: z_channels x latent mel bins (channel = z·F' + f).
    int64_t token_channels() const { return z_channels * latent_mel_bins(); }
    // Latent frames for `mel_frames` spectrogram frames.
    int64_t latent_frames(int64_t mel_frames) const;
    // Spectrogram frames the decoder returns for `latent_frames`: 4T' - 3 with time causality,
    // 4T' without (the reference's fixed factor, whatever the depth).
    int64_t decoded_frames(int64_t latent_frames) const;

    static AudioVaeConfig from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                               const std::string& label);
};

// Everything the checkpoint's config describes: audio VAE + two-stage vocoder.
struct AudioCodecConfig {
    AudioVaeConfig vae;
    vocoder::VocoderConfig vocoder;

    static AudioCodecConfig from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                                 const std::string& label);
};

}  // namespace nava::audio_vae
