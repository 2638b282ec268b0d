// NAVA's audio path in one object: waveform -> log-mel -> LTX-2.3 audio VAE encoder -> tokens,
// and tokens -> decoder -> log-mel -> vocoder + bandwidth extension (48 kHz) -> resample to the
// VAE's 16 kHz -> clamp(±0.99). Module tree = checkpoint key names: `audio_vae.encoder.*`,
// `audio_vae.decoder.*`, `audio_vae.per_channel_statistics.*`, `vocoder.*`.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <torch/nn/module.h>
#include <nlohmann/json_fwd.hpp>

#include "inference/models/audio_vae/audio_vae_config.h"
#include "inference/models/audio_vae/decoder.h"
#include "inference/models/audio_vae/encoder.h"
#include "inference/models/audio_vae/mel_frontend.h"
#include "inference/models/vocoder/bwe.h"

namespace nava::io {
class TensorSource;
}

namespace nava::audio_vae {

struct CodecOptions {
    // Inference needs only the decoder; the encoder is for reference voices and training data.
    bool with_encoder = true;
    // Audio VAE weights and activations: float32 (the contract), float64 (tests) or bfloat16
    // (PixelNorm statistics stay float32). The vocoder runs in float32 for float32 and bfloat16
    // (the reference forces float32 there) and in float64 for float64.
    at::ScalarType dtype = at::kFloat;
    // at::kMeta builds the module tree without memory (shape checks).
    c10::Device device = c10::Device(c10::kCPU);
};

// The `audio_vae.*` subtree. The statistics are stored once and shared by both halves.
class AudioVaeModel : public torch::nn::Module {
public:
    AudioVaeModel(const AudioVaeConfig& config, bool with_encoder,
                  const at::TensorOptions& options);

    std::shared_ptr<PerChannelStatistics> per_channel_statistics;
    std::shared_ptr<AudioEncoder> encoder;  // null for a decoder-only model
    std::shared_ptr<AudioDecoder> decoder;
};

struct EncodeResult {
    at::Tensor mel;         // [B, 2, T, mels] log-mel front-end output
    EncoderOutput encoder;  // raw mean / logvar and the normalised latent [B, z, T', F']
    at::Tensor tokens;      // [B, z·F', T'] what NAVA hands the DiT
};

struct DecodeResult {
    at::Tensor mel;            // [B, 2, 4T'-3, mels] decoded log-mel
    vocoder::BweTrace stages;  // vocoder intermediates (filled when asked for)
    at::Tensor wav_vocoder;    // [B, 2, ratio·L] vocoder output at vocoder_sample_rate(), ±1
    at::Tensor wav_resampled;  // [B, 2, L] wav_vocoder resampled to sample_rate(), unclamped
    at::Tensor waveform;       // [B, 2, L] NAVA's result: wav_resampled clamped to ±0.99
};

class AudioCodec : public torch::nn::Module {
public:
    AudioCodec(const AudioCodecConfig& config, const CodecOptions& options);

    const AudioCodecConfig& config() const { return config_; }
    bool has_encoder() const { return audio_vae->encoder != nullptr; }
    int64_t sample_rate() const { return config_.vae.mel.sample_rate; }
    int64_t vocoder_sample_rate() const { return vocoder->output_sampling_rate(); }

    // waveform: [B, C, N] or [C, N] float at `sample_rate_hz` (resampled to sample_rate() when
    // different; channels adapted as NAVA does) -> tokens [B, z·F', T'].
    at::Tensor encode(const at::Tensor& waveform, int64_t sample_rate_hz) const;
    EncodeResult encode_traced(const at::Tensor& waveform, int64_t sample_rate_hz) const;
    // The encoder's input alone: waveform (as for `encode`) -> log-mel [B, 2, T, mels].
    at::Tensor log_mel(const at::Tensor& waveform, int64_t sample_rate_hz) const;

    // tokens: [B, z·F', T'] (or [z·F', T']) -> decoded log-mel [B, 2, 4T'-3, mels].
    at::Tensor decode_mel(const at::Tensor& tokens) const;
    // The whole decode chain; `keep_stages` also returns the vocoder's intermediates.
    DecodeResult decode(const at::Tensor& tokens, bool keep_stages = false) const;
    // The chain after the audio VAE: log-mel [B, 2, T, mels] -> vocoder, resampling, clamp
    // (`decode` without its first step; `mel` is returned as given).
    DecodeResult vocode(const at::Tensor& mel, bool keep_stages = false) const;

    std::shared_ptr<AudioVaeModel> audio_vae;
    std::shared_ptr<vocoder::VocoderWithBwe> vocoder;

private:
    AudioCodecConfig config_;
    MelFrontEnd mel_;
};

// The checkpoint's model config: a JSON string in the safetensors metadata under `key`.
nlohmann::json checkpoint_config(const io::TensorSource& weights,
                                 const std::string& key = "config");

// Builds the codec from `checkpoint_config` and loads its tensors from `weights`, whose keys are
// the LTX checkpoint names behind `prefix` (e.g. "" for the original file, "audio_vae." inside
// the pipeline fixture). Every tensor of the built model must be present with its shape, and
// every tensor under the prefix must be used — except the encoder's when it is not built.
// Throws nava::StateDictError naming the problems.
std::shared_ptr<AudioCodec> load_audio_codec(const io::TensorSource& weights,
                                             const nlohmann::json& checkpoint_config,
                                             const CodecOptions& options,
                                             const std::string& prefix = "");
// The original file (`ltx-2.3-22b-dev_audio_vae.safetensors`): config from its metadata.
std::shared_ptr<AudioCodec> load_audio_codec(const std::filesystem::path& checkpoint,
                                             const CodecOptions& options);

}  // namespace nava::audio_vae
