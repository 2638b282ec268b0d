// Architecture of the NAVA joint audio-video DiT ("WanAVModel"), read from the reference's
// constructor arguments (the `constructor_kwargs` of a fixture, the model JSON of a release).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace nava::dit {

struct DitConfig {
    std::string model_type = "ti2v";
    std::array<int64_t, 3> patch_size{1, 2, 2};  // (t, h, w)
    int64_t dim = 3072;
    int64_t ffn_dim = 14336;
    int64_t freq_dim = 256;
    int64_t num_heads = 24;
    int64_t num_double_layers = 10;
    int64_t num_single_layers = 20;
    int64_t vid_in_dim = 48;
    int64_t vid_out_dim = 48;
    int64_t audio_in_dim = 128;
    int64_t audio_out_dim = 128;
    int64_t text_len = 512;
    int64_t text_dim = 4096;
    int64_t speaker_dim = 192;  // width of the speaker-encoder embedding (ReDimNet: 192)
    bool qk_norm = true;
    bool cross_attn_norm = true;
    double eps = 1e-6;
    double temporal_rope_scaling_factor = 0.24;
    bool add_spk_emb = true;
    bool no_split_norm_ffn = true;
    double rope_theta = 10000.0;

    int64_t head_dim() const { return dim / num_heads; }
    // Hidden width of the audio input ConvMLP: 8/3 of the width rounded up to a multiple of 256.
    int64_t audio_mlp_hidden() const;
    int64_t patch_volume() const { return patch_size[0] * patch_size[1] * patch_size[2]; }
    // Complex pairs per head for the temporal, height and width RoPE ladders.
    std::array<int64_t, 3> rope_pairs() const;

    // Throws nava::ConfigError for unsupported or inconsistent values.
    void validate() const;
};

// From a JSON object of constructor keyword arguments (unknown keys are ignored; keys the
// reference fills from nava.yaml default to the NAVA values). `label` names the source.
DitConfig dit_config_from_json(const nlohmann::json& kwargs, const std::string& label);
DitConfig dit_config_from_file(const std::filesystem::path& path);
nlohmann::json dit_config_to_json(const DitConfig& config);

// The released NAVA-6B configuration (model JSON + nava.yaml switches).
DitConfig nava_6b_config();

// Parameter count by closed form (speaker module included when add_spk_emb).
int64_t dit_parameter_count(const DitConfig& config);

}  // namespace nava::dit
