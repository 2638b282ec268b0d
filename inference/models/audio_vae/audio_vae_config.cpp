#include "inference/models/audio_vae/audio_vae_config.h"

#include <cstdint>
#include <set>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::audio_vae {
namespace {

CausalityAxis parse_causality(const nlohmann::json& ddconfig, const std::string& label) {
    const auto it = ddconfig.find("causality_axis");
    if (it == ddconfig.end()) return CausalityAxis::kHeight;  // reference default
    if (it->is_null()) return CausalityAxis::kNone;
    if (it->is_string()) {
        const std::string v = it->get<std::string>();
        if (v == "height") return CausalityAxis::kHeight;
        if (v == "width") return CausalityAxis::kWidth;
        if (v == "width-compatibility") return CausalityAxis::kWidthCompatibility;
    }
    throw ConfigError(label +
                      ": 'causality_axis' must be null, \"height\", \"width\" or "
                      "\"width-compatibility\" (found " +
                      it->dump() + ")");
}

// Spatial resolutions (in the reference's bookkeeping) at which each level would hold
// attention blocks: encoder levels see resolution / 2^i, decoder levels the doubled base.
std::set<int64_t> level_resolutions(int64_t resolution, int64_t levels) {
    std::set<int64_t> out;
    int64_t r = resolution;
    for (int64_t i = 0; i < levels; ++i) {
        out.insert(r);
        if (i != levels - 1) r /= 2;
    }
    for (int64_t i = 0; i < levels; ++i)
        out.insert(r << i);
    return out;
}

}  // namespace

int64_t AudioVaeConfig::latent_mel_bins() const {
    return mel.mel_bins >> (num_levels() - 1);
}

int64_t AudioVaeConfig::latent_frames(int64_t mel_frames) const {
    // A time-causal downsample (2 rows of front padding) maps T -> floor((T - 1) / 2) + 1; the
    // others pad one row at the end: T -> floor(T / 2).
    int64_t t = mel_frames;
    for (int64_t i = 0; i + 1 < num_levels(); ++i)
        t = causality_axis == CausalityAxis::kHeight ? (t - 1) / 2 + 1 : t / 2;
    return t;
}

int64_t AudioVaeConfig::decoded_frames(int64_t latent) const {
    // The reference sizes the output with a fixed factor of 4 (LATENT_DOWNSAMPLE_FACTOR), not
    // with the number of levels: other depths are cropped or zero-padded to this.
    constexpr int64_t kFactor = 4;
    int64_t frames = latent * kFactor;
    if (causality_axis != CausalityAxis::kNone)
        frames = std::max<int64_t>(frames - (kFactor - 1), 1);
    return frames;
}

AudioVaeConfig AudioVaeConfig::from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                                    const std::string& label) {
    static const nlohmann::json empty = nlohmann::json::object();
    const io::ConfigReader root(checkpoint_config, label);
    const io::ConfigReader vae = root.child("audio_vae");
    const io::ConfigReader params = vae.child("model").child("params");
    const io::ConfigReader dd = params.child("ddconfig");
    auto optional_child = [&](const io::ConfigReader& r, const std::string& key) {
        return r.has(key) ? r.child(key) : io::ConfigReader(empty, r.label() + "." + key);
    };
    const io::ConfigReader pre = optional_child(vae, "preprocessing");
    const io::ConfigReader stft = optional_child(pre, "stft");
    const io::ConfigReader mel = optional_child(pre, "mel");
    const io::ConfigReader variables = optional_child(vae, "variables");

    AudioVaeConfig c;
    c.ch = dd.get_int("ch", 128);
    c.ch_mult = dd.get_int_list("ch_mult", {1, 2, 4});
    c.num_res_blocks = dd.get_int("num_res_blocks", 2);
    c.in_channels = dd.get_int("in_channels", 2);
    c.out_ch = dd.get_int("out_ch", 2);
    c.z_channels = dd.get_int("z_channels", 8);
    c.double_z = dd.get_bool("double_z", true);
    c.resolution = dd.get_int("resolution", 256);
    c.causality_axis = parse_causality(dd.json(), dd.label());

    // Options whose code paths this port does not have.
    const std::string norm = dd.get_string("norm_type", "pixel");
    if (norm != "pixel")
        throw ConfigError(dd.label() + ": norm_type '" + norm +
                          "' is not implemented (only 'pixel', which LTX-2.3 uses)");
    if (dd.get_bool("mid_block_add_attention", true))
        throw ConfigError(dd.label() +
                          ": mid_block_add_attention=true (attention in the middle "
                          "block) is not implemented; LTX-2.3 sets it to false");
    if (!dd.get_bool("resamp_with_conv", true))
        throw ConfigError(dd.label() +
                          ": resamp_with_conv=false (average-pool resampling) is "
                          "not implemented");
    if (!c.double_z) throw ConfigError(dd.label() + ": double_z=false is not implemented");
    const std::vector<int64_t> attn = dd.get_int_list("attn_resolutions", {8, 16, 32});
    if (c.ch_mult.empty()) throw ConfigError(dd.label() + ": 'ch_mult' must not be empty");
    for (int64_t r : level_resolutions(c.resolution, c.num_levels()))
        for (int64_t a : attn)
            if (a == r)
                throw ConfigError(dd.label() + ": attn_resolutions " + std::to_string(a) +
                                  " puts attention blocks into a level (resolution " +
                                  std::to_string(c.resolution) + "); not implemented");

    // Mel front-end: the code defaults apply when the preprocessing block is absent.
    c.mel.sample_rate = params.get_int("sampling_rate", 16000);
    c.mel.n_fft = stft.get_int("filter_length", 1024);
    c.mel.hop_length = stft.get_int("hop_length", 160);
    c.mel.f_min = 0.0;
    c.mel.f_max = static_cast<double>(c.mel.sample_rate) / 2.0;
    if (dd.has("mel_bins") && dd.get_int("mel_bins") != 0)
        c.mel.mel_bins = dd.get_int("mel_bins");
    else if (mel.has("n_mel_channels") && mel.get_int("n_mel_channels") != 0)
        c.mel.mel_bins = mel.get_int("n_mel_channels");
    else if (variables.has("mel_bins") && variables.get_int("mel_bins") != 0)
        c.mel.mel_bins = variables.get_int("mel_bins");
    else
        throw ConfigError(dd.label() +
                          ": no mel bin count (ddconfig.mel_bins, "
                          "preprocessing.mel.n_mel_channels or variables.mel_bins)");

    for (int64_t m : c.ch_mult)
        if (m < 1) throw ConfigError(dd.label() + ": 'ch_mult' entries must be >= 1");
    if (c.ch < 1 || c.num_res_blocks < 1 || c.in_channels < 1 || c.out_ch < 1 || c.z_channels < 1)
        throw ConfigError(dd.label() +
                          ": ch, num_res_blocks, in/out channels and z_channels "
                          "must be positive");
    const int64_t factor = int64_t{1} << (c.num_levels() - 1);
    if (c.mel.mel_bins % factor != 0)
        throw ConfigError(dd.label() + ": mel_bins " + std::to_string(c.mel.mel_bins) +
                          " is not divisible by the frequency downsampling " +
                          std::to_string(factor));
    // The latent statistics are sized by `ch` but applied per token channel.
    if (c.token_channels() != c.ch)
        throw ConfigError(dd.label() + ": per-channel statistics have ch = " +
                          std::to_string(c.ch) + " entries but a token has z_channels x " +
                          "latent mel bins = " + std::to_string(c.token_channels()) + " channels");
    if (c.mel.n_fft < 2 || c.mel.hop_length < 1 || c.mel.sample_rate < 1)
        throw ConfigError(stft.label() + ": invalid STFT settings");
    return c;
}

AudioCodecConfig AudioCodecConfig::from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                                        const std::string& label) {
    AudioCodecConfig c;
    c.vae = AudioVaeConfig::from_checkpoint_json(checkpoint_config, label);
    c.vocoder =
        vocoder::VocoderConfig::from_checkpoint_json(checkpoint_config, c.vae.mel.mel_bins, label);
    return c;
}

}  // namespace nava::audio_vae
