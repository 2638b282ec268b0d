// The LTX-2.3 two-stage vocoder (`VocoderWithBWE`): mel -> 16 kHz waveform (main generator),
// then bandwidth extension to 48 kHz: a causal log-mel of the 16 kHz signal drives a second
// generator whose output is a residual added to a sinc-upsampled copy of the 16 kHz signal.
#pragma once

#include <cstdint>
#include <memory>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

#include "inference/models/vocoder/anti_alias.h"
#include "inference/models/vocoder/generator.h"
#include "inference/models/vocoder/vocoder_config.h"

namespace nava::vocoder {

// The STFT as a strided convolution with the checkpoint's DFT x window bases
// (`forward_basis` [2F, 1, n_fft]: F real rows then F imaginary rows, F = n_fft/2 + 1).
// `inverse_basis` is loaded with the checkpoint but not used for inference.
class StftBases : public torch::nn::Module {
public:
    StftBases(int64_t n_fft, const at::TensorOptions& options);

    at::Tensor forward_basis;
    at::Tensor inverse_basis;
};

// Causal log-mel: left-pad n_fft - hop zeros (no look-ahead), STFT magnitude, the checkpoint's
// mel filterbank (`mel_basis` [mels, F]), natural log of max(mel, 1e-5).
class MelStft : public torch::nn::Module {
public:
    MelStft(int64_t n_fft, int64_t hop_length, int64_t num_mels, const at::TensorOptions& options);
    // y: [N, L] -> [N, mels, floor((L + n_fft - hop - n_fft) / hop) + 1]
    at::Tensor log_mel(const at::Tensor& y) const;

    int64_t n_fft;
    int64_t hop_length;
    std::shared_ptr<StftBases> stft_fn;
    at::Tensor mel_basis;
};

// Intermediate signals of one VocoderWithBwe call, for tests and diagnostics.
struct BweTrace {
    at::Tensor lowband;   // [B, 2, L] main generator output at the input rate, clamped
    at::Tensor mel;       // [B, 2, mels, frames] causal log-mel of the zero-padded low band
    at::Tensor residual;  // [B, 2, ratio·L_padded] BWE generator output
    at::Tensor skip;      // [B, 2, ratio·L_padded] sinc-upsampled low band
};

class VocoderWithBwe : public torch::nn::Module {
public:
    VocoderWithBwe(const VocoderConfig& config, const at::TensorOptions& options);

    // mel: [B, 2, T, M] -> [B, 2, ratio·L] at output_sampling_rate, L = T · main hop, clamped
    // to [-1, 1]. Runs in the parameters' dtype (float32 or float64); the reference forces
    // float32 for this module, so bfloat16 weights are not supported here.
    at::Tensor forward(const at::Tensor& mel, BweTrace* trace = nullptr) const;

    const VocoderConfig& config() const { return config_; }
    int64_t output_sampling_rate() const { return config_.bwe_stage.output_sampling_rate; }
    const HannSincUpsampler& resampler() const { return resampler_; }

    std::shared_ptr<Generator> vocoder;
    std::shared_ptr<Generator> bwe_generator;
    std::shared_ptr<MelStft> mel_stft;

private:
    VocoderConfig config_;
    HannSincUpsampler resampler_;
};

}  // namespace nava::vocoder
