#include "inference/models/audio_vae/audio_codec.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/audio/resample.h"
#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/state_dict.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/latent_layout.h"

namespace nava::audio_vae {
namespace {

at::ScalarType vocoder_dtype(at::ScalarType vae_dtype) {
    return vae_dtype == at::kDouble ? at::kDouble : at::kFloat;
}

void check_dtype(at::ScalarType dtype) {
    if (dtype != at::kFloat && dtype != at::kDouble && dtype != at::kBFloat16)
        throw ConfigError("audio codec: dtype must be float32, float64 or bfloat16");
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

AudioVaeModel::AudioVaeModel(const AudioVaeConfig& config, bool with_encoder,
                             const at::TensorOptions& options) {
    per_channel_statistics = register_module(
        "per_channel_statistics", std::make_shared<PerChannelStatistics>(config.ch, options));
    if (with_encoder)
        encoder = register_module(
            "encoder", std::make_shared<AudioEncoder>(config, per_channel_statistics, options));
    decoder = register_module(
        "decoder", std::make_shared<AudioDecoder>(config, per_channel_statistics, options));
}

AudioCodec::AudioCodec(const AudioCodecConfig& config, const CodecOptions& options)
    : config_(config), mel_(config.vae.mel) {
    check_dtype(options.dtype);
    const auto base = at::TensorOptions().device(options.device);
    audio_vae = register_module("audio_vae",
                                std::make_shared<AudioVaeModel>(config_.vae, options.with_encoder,
                                                                base.dtype(options.dtype)));
    vocoder =
        register_module("vocoder", std::make_shared<vocoder::VocoderWithBwe>(
                                       config_.vocoder, base.dtype(vocoder_dtype(options.dtype))));
}

EncodeResult AudioCodec::encode_traced(const at::Tensor& waveform, int64_t sample_rate_hz) const {
    if (!has_encoder()) throw Error("audio codec: this model was loaded without its encoder");
    // 1. Log-mel [B, 2, T, mels], then the encoder.
    EncodeResult r;
    r.mel = log_mel(waveform, sample_rate_hz);
    r.encoder = audio_vae->encoder->forward(r.mel);
    r.tokens = latent_to_tokens(r.encoder.latent);  // [B, z·F', T']
    return r;
}

at::Tensor AudioCodec::log_mel(const at::Tensor& waveform, int64_t sample_rate_hz) const {
    if (!at::isFloatingType(waveform.scalar_type()))
        throw Error("audio codec: the waveform must be a floating-point tensor");
    at::Tensor wave = waveform;
    if (wave.dim() == 1) wave = wave.view({1, 1, -1});
    if (wave.dim() == 2) wave = wave.unsqueeze(0);
    if (wave.dim() != 3) throw Error("audio codec: expected a waveform [B, C, N] or [C, N]");
    // NAVA's input conditioning: rate, then channel layout.
    wave = audio::resample(wave, sample_rate_hz, sample_rate());
    return mel_.forward(adapt_channels(wave, config_.vae.in_channels));
}

at::Tensor AudioCodec::encode(const at::Tensor& waveform, int64_t sample_rate_hz) const {
    return encode_traced(waveform, sample_rate_hz).tokens;
}

at::Tensor AudioCodec::decode_mel(const at::Tensor& tokens) const {
    const at::Tensor t = tokens.dim() == 2 ? tokens.unsqueeze(0) : tokens;
    if (t.dim() != 3 || t.size(1) != config_.vae.token_channels())
        throw Error("audio codec: expected tokens [B, " +
                    std::to_string(config_.vae.token_channels()) + ", T']");
    return audio_vae->decoder->forward(tokens_to_latent(t, config_.vae.z_channels));
}

DecodeResult AudioCodec::decode(const at::Tensor& tokens, bool keep_stages) const {
    // 1. Tokens -> log-mel, 2. the rest of the chain.
    return vocode(decode_mel(tokens), keep_stages);
}

DecodeResult AudioCodec::vocode(const at::Tensor& mel, bool keep_stages) const {
    DecodeResult r;
    r.mel = mel;
    // Vocoder + bandwidth extension.
    r.wav_vocoder = vocoder->forward(r.mel, keep_stages ? &r.stages : nullptr);
    // NAVA's post-processing: back to the VAE's rate, clamp just inside full scale.
    r.wav_resampled = audio::resample(r.wav_vocoder, vocoder_sample_rate(), sample_rate());
    r.waveform = at::clamp(r.wav_resampled, -0.99, 0.99);
    return r;
}

nlohmann::json checkpoint_config(const io::TensorSource& weights, const std::string& key) {
    const auto metadata = weights.metadata();
    const auto it = metadata.find(key);
    if (it == metadata.end())
        throw ConfigError(weights.description() + ": no '" + key +
                          "' entry in the safetensors metadata (the model config)");
    return io::parse_json_text(it->second, weights.description() + " metadata '" + key + "'");
}

std::shared_ptr<AudioCodec> load_audio_codec(const io::TensorSource& weights,
                                             const nlohmann::json& config_json,
                                             const CodecOptions& options,
                                             const std::string& prefix) {
    const auto config =
        AudioCodecConfig::from_checkpoint_json(config_json, weights.description() + " config");
    auto codec = std::make_shared<AudioCodec>(config, options);

    // The two subtrees are loaded separately because they may hold different dtypes; each
    // report is then checked with the one exception that a decoder-only model leaves the
    // file's encoder tensors unused.
    std::string problems;
    auto load_part = [&](torch::nn::Module& part, const std::string& part_prefix,
                         const std::string& ignorable) {
        io::LoadOptions lo;
        lo.prefix = prefix + part_prefix;
        lo.mode = io::LoadMode::kLenient;
        io::LoadReport report = io::load_state_dict(part, weights, lo);
        std::vector<std::string> unexpected;
        for (const auto& key : report.unexpected)
            if (ignorable.empty() || !starts_with(key, prefix + ignorable))
                unexpected.push_back(key);
        report.unexpected = unexpected;
        if (!report.complete())
            problems += "\n" + report.summary(weights.description() + " [" + lo.prefix + "]");
    };
    load_part(*codec->audio_vae, "audio_vae.", options.with_encoder ? "" : "audio_vae.encoder.");
    load_part(*codec->vocoder, "vocoder.", "");
    if (!problems.empty())
        throw StateDictError("audio codec weights do not fit the model:" + problems);
    return codec;
}

std::shared_ptr<AudioCodec> load_audio_codec(const std::filesystem::path& checkpoint,
                                             const CodecOptions& options) {
    const auto source = io::open_tensor_source(checkpoint);
    return load_audio_codec(*source, checkpoint_config(*source), options);
}

}  // namespace nava::audio_vae
