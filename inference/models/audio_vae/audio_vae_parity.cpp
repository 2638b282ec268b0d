#include "inference/models/audio_vae/audio_vae_parity.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/audio_codec.h"

namespace nava::audio_vae {
namespace {

// The checkpoint-style config: the weights file's metadata, as in the real checkpoint; the
// io file and report.json carry the same blocks as a fallback.
nlohmann::json fixture_config(const parity::Fixture& fx) {
    const auto& weights = fx.file("weights");
    if (weights.metadata().count("config")) return checkpoint_config(weights, "config");
    if (fx.has_file("io") && fx.file("io").metadata().count("config"))
        return checkpoint_config(fx.file("io"), "config");
    const nlohmann::json report = fx.json_file("report.json");
    if (report.contains("config")) return report["config"];
    throw ConfigError(fx.dir().string() +
                      ": no audio VAE config in the weights metadata, the io "
                      "metadata or report.json");
}

}  // namespace

parity::Outputs run_audio_vae_chain(const parity::Fixture& fx, at::ScalarType dtype) {
    CodecOptions options;
    options.dtype = dtype;
    const auto codec = load_audio_codec(fx.file("weights"), fixture_config(fx), options);

    // The fixture's waveform is at the VAE's rate (16 kHz), as NAVA feeds the encoder.
    const at::Tensor waveform = fx.input("input.waveform").to(dtype);
    at::NoGradGuard no_grad;
    const EncodeResult enc = codec->encode_traced(waveform, codec->sample_rate());
    const DecodeResult dec = codec->decode(enc.tokens, /*keep_stages=*/true);

    parity::Outputs out;
    out["out.mel"] = enc.mel;
    out["out.enc_mu_raw"] = enc.encoder.mean_raw;
    out["out.enc_logvar"] = enc.encoder.logvar;
    out["out.latent_4d"] = enc.encoder.latent;
    out["out.latent"] = enc.tokens;
    out["out.mel_decoded"] = dec.mel;
    out["out.voc_wav16_lowband"] = dec.stages.lowband;
    out["out.bwe_mel"] = dec.stages.mel;
    out["out.bwe_residual"] = dec.stages.residual;
    out["out.bwe_skip"] = dec.stages.skip;
    out["out.wav48"] = dec.wav_vocoder;
    out["out.wav16"] = dec.wav_resampled;
    // NAVA drops the batch axis of a single clip.
    out["out.final"] = dec.waveform.size(0) == 1 ? dec.waveform.squeeze(0) : dec.waveform;
    return out;
}

parity::Outputs run_audio_vae_parity(const parity::Fixture& fixture) {
    return run_audio_vae_chain(fixture, at::kFloat);
}

}  // namespace nava::audio_vae
