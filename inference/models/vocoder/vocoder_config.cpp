#include "inference/models/vocoder/vocoder_config.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::vocoder {
namespace {

// The reference insists on these values for the two-stage (BWE) vocoder; anything else is a
// different network.
void require_value(const io::ConfigReader& r, const std::string& key, const nlohmann::json& want) {
    if (!r.json().contains(key))
        throw ConfigError(r.label() + ": missing key '" + key + "' (must be " + want.dump() +
                          " for the LTX-2.3 vocoder)");
    if (r.json()[key] != want)
        throw ConfigError(r.label() + ": '" + key + "' is " + r.json()[key].dump() + "; only " +
                          want.dump() + " is implemented");
}

std::vector<std::vector<int64_t>> read_dilations(const io::ConfigReader& r) {
    const std::string key = "resblock_dilation_sizes";
    if (!r.has(key)) return {{1, 3, 5}, {1, 3, 5}, {1, 3, 5}};
    const auto& v = r.json()[key];
    std::vector<std::vector<int64_t>> out;
    if (v.is_array()) {
        for (const auto& row : v) {
            if (!row.is_array()) break;
            std::vector<int64_t> dil;
            for (const auto& d : row) {
                if (!d.is_number_integer()) break;
                dil.push_back(d.get<int64_t>());
            }
            if (dil.size() != row.size()) break;
            out.push_back(dil);
        }
        if (out.size() == v.size()) return out;
    }
    throw ConfigError(r.label() + ": '" + key + "' must be a list of integer lists");
}

GeneratorConfig read_generator(const io::ConfigReader& r, int64_t in_channels) {
    require_value(r, "resblock", "AMP1");
    require_value(r, "stereo", true);
    require_value(r, "activation", "snakebeta");
    GeneratorConfig g;
    g.in_channels = in_channels;
    g.out_channels = 2;
    g.upsample_initial_channel = r.get_int("upsample_initial_channel", 1024);
    g.upsample_rates = r.get_int_list("upsample_rates", {6, 5, 2, 2, 2});
    g.upsample_kernel_sizes = r.get_int_list("upsample_kernel_sizes", {16, 15, 8, 4, 4});
    g.resblock_kernel_sizes = r.get_int_list("resblock_kernel_sizes", {3, 7, 11});
    g.resblock_dilation_sizes = read_dilations(r);
    g.use_tanh_at_final = r.get_bool("use_tanh_at_final", true);
    g.use_bias_at_final = r.get_bool("use_bias_at_final", true);

    if (g.upsample_rates.empty())
        throw ConfigError(r.label() + ": 'upsample_rates' must not be empty");
    if (g.upsample_rates.size() != g.upsample_kernel_sizes.size())
        throw ConfigError(r.label() +
                          ": 'upsample_rates' and 'upsample_kernel_sizes' differ in "
                          "length");
    if (g.resblock_kernel_sizes.empty() ||
        g.resblock_kernel_sizes.size() != g.resblock_dilation_sizes.size())
        throw ConfigError(r.label() +
                          ": 'resblock_kernel_sizes' and 'resblock_dilation_sizes' "
                          "must be non-empty and of equal length");
    // An AMP1 block has three conv pairs and uses the first three dilations of its list.
    for (auto& d : g.resblock_dilation_sizes) {
        if (d.size() < 3)
            throw ConfigError(r.label() + ": an AMP1 block needs 3 dilations per kernel");
        d.resize(3);
    }
    for (std::size_t i = 0; i < g.upsample_rates.size(); ++i) {
        if (g.upsample_rates[i] < 1 || g.upsample_kernel_sizes[i] < g.upsample_rates[i])
            throw ConfigError(r.label() + ": upsample stage " + std::to_string(i) +
                              " needs rate >= 1 and kernel >= rate");
    }
    if (g.final_channels() < 1)
        throw ConfigError(r.label() + ": 'upsample_initial_channel' is too small for " +
                          std::to_string(g.upsample_rates.size()) + " halving stages");
    return g;
}

}  // namespace

int64_t GeneratorConfig::channels_at_stage(std::size_t stage) const {
    return upsample_initial_channel >> (stage + 1);
}

int64_t GeneratorConfig::final_channels() const {
    return channels_at_stage(upsample_rates.size() - 1);
}

int64_t GeneratorConfig::hop_length() const {
    int64_t hop = 1;
    for (int64_t r : upsample_rates)
        hop *= r;
    return hop;
}

VocoderConfig VocoderConfig::from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                                  int64_t mel_bins, const std::string& label) {
    const io::ConfigReader root(checkpoint_config, label);
    const io::ConfigReader voc = root.child("vocoder");
    if (!voc.has("bwe"))
        throw ConfigError(voc.label() +
                          ": single-stage vocoder (no 'bwe' block, LTX-2.0 style) is not "
                          "implemented; only the LTX-2.3 vocoder with bandwidth extension is");
    static const nlohmann::json empty = nlohmann::json::object();
    const io::ConfigReader main = voc.has("vocoder")
                                      ? voc.child("vocoder")
                                      : io::ConfigReader(empty, voc.label() + ".vocoder");
    const io::ConfigReader bwe = voc.child("bwe");

    VocoderConfig c;
    c.bwe_stage.input_sampling_rate = bwe.get_int("input_sampling_rate");
    c.bwe_stage.output_sampling_rate = bwe.get_int("output_sampling_rate");
    c.bwe_stage.n_fft = bwe.get_int("n_fft");
    c.bwe_stage.hop_length = bwe.get_int("hop_length");
    c.bwe_stage.num_mels = bwe.get_int("num_mels");

    // Both generators take stereo spectrograms: channel = stereo_index * mels + mel_bin.
    c.vocoder = read_generator(main, 2 * mel_bins);
    c.vocoder.apply_final_activation = true;
    c.vocoder.output_sampling_rate = c.bwe_stage.input_sampling_rate;
    c.bwe = read_generator(bwe, 2 * c.bwe_stage.num_mels);
    // The reference builds the BWE generator without a final activation whatever its config
    // says; the clamp comes after the skip connection is added.
    c.bwe.apply_final_activation = false;
    c.bwe.output_sampling_rate = c.bwe_stage.output_sampling_rate;

    const auto& s = c.bwe_stage;
    if (s.input_sampling_rate <= 0 || s.output_sampling_rate % s.input_sampling_rate != 0 ||
        s.ratio() < 1)
        throw ConfigError(bwe.label() +
                          ": output_sampling_rate must be a whole multiple of input_sampling_rate");
    if (s.hop_length < 1 || s.n_fft < s.hop_length || s.num_mels < 1)
        throw ConfigError(bwe.label() + ": need 1 <= hop_length <= n_fft and num_mels >= 1");
    // The BWE residual (one generator hop per STFT frame) must line up with the resampled skip.
    if (c.bwe.hop_length() != s.hop_length * s.ratio())
        throw ConfigError(bwe.label() + ": the product of 'upsample_rates' (" +
                          std::to_string(c.bwe.hop_length()) + ") must equal hop_length x ratio (" +
                          std::to_string(s.hop_length * s.ratio()) + ")");
    return c;
}

}  // namespace nava::vocoder
