#include "inference/models/dit/dit_config.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::dit {

int64_t DitConfig::audio_mlp_hidden() const {
    const int64_t raw = (8 * dim) / 3;
    return 256 * ((raw + 255) / 256);
}

std::array<int64_t, 3> DitConfig::rope_pairs() const {
    const int64_t pairs = head_dim() / 2;
    const int64_t spatial = pairs / 3;
    return {pairs - 2 * spatial, spatial, spatial};
}

void DitConfig::validate() const {
    auto fail = [](const std::string& what) { throw ConfigError("DiT config: " + what); };
    if (model_type != "ti2v" && model_type != "t2v")
        fail("model_type '" + model_type + "' is not supported (NAVA uses ti2v)");
    if (dim <= 0 || num_heads <= 0 || dim % num_heads != 0)
        fail("dim " + std::to_string(dim) + " must be a positive multiple of num_heads " +
             std::to_string(num_heads));
    if (head_dim() % 2 != 0) fail("head dimension must be even for RoPE");
    if (head_dim() < 6) fail("head dimension must be at least 6 for 3-D RoPE");
    for (int64_t p : patch_size)
        if (p <= 0) fail("patch_size entries must be positive");
    if (ffn_dim <= 0 || freq_dim <= 0 || freq_dim % 2 != 0)
        fail("ffn_dim must be positive and freq_dim positive and even");
    if (num_double_layers < 0 || num_single_layers < 0) fail("layer counts must be >= 0");
    if (vid_in_dim <= 0 || vid_out_dim <= 0 || audio_in_dim <= 0 || audio_out_dim <= 0)
        fail("channel counts must be positive");
    if (text_len <= 0 || text_dim <= 0) fail("text_len and text_dim must be positive");
}

DitConfig dit_config_from_json(const nlohmann::json& kwargs, const std::string& label) {
    io::ConfigReader r(kwargs, label);
    DitConfig c;
    c.model_type = r.get_string("model_type", c.model_type);
    if (r.has("patch_size")) {
        const auto p = r.get_int_list("patch_size");
        if (p.size() != 3) throw ConfigError(label + ": patch_size must have 3 entries");
        c.patch_size = {p[0], p[1], p[2]};
    }
    c.dim = r.get_int("dim", c.dim);
    c.ffn_dim = r.get_int("ffn_dim", c.ffn_dim);
    c.freq_dim = r.get_int("freq_dim", c.freq_dim);
    c.num_heads = r.get_int("num_heads", c.num_heads);
    c.num_double_layers = r.get_int("num_double_layers", c.num_double_layers);
    c.num_single_layers = r.get_int("num_single_layers", c.num_single_layers);
    if (r.has("num_layers") && r.get_int("num_layers") != c.num_double_layers + c.num_single_layers)
        throw ConfigError(label + ": num_layers must equal num_double_layers + num_single_layers");
    if (r.get_int("num_double_final_layers", 0) != 0)
        throw ConfigError(label + ": double_final blocks are not supported");
    c.vid_in_dim = r.get_int("vid_in_dim", c.vid_in_dim);
    c.vid_out_dim = r.get_int("vid_out_dim", c.vid_out_dim);
    c.audio_in_dim = r.get_int("audio_in_dim", c.audio_in_dim);
    c.audio_out_dim = r.get_int("audio_out_dim", c.audio_out_dim);
    c.text_len = r.get_int("text_len", c.text_len);
    c.text_dim = r.get_int("text_dim", c.text_dim);
    c.speaker_dim = r.get_int("speaker_dim", c.speaker_dim);
    c.qk_norm = r.get_bool("qk_norm", c.qk_norm);
    c.cross_attn_norm = r.get_bool("cross_attn_norm", c.cross_attn_norm);
    c.eps = r.get_double("eps", c.eps);
    c.temporal_rope_scaling_factor =
        r.get_double("temporal_rope_scaling_factor", c.temporal_rope_scaling_factor);
    c.add_spk_emb = r.get_bool("add_spk_emb", c.add_spk_emb);
    c.no_split_norm_ffn = r.get_bool("no_split_norm_ffn", c.no_split_norm_ffn);
    if (r.has("window_size")) {
        for (int64_t w : r.get_int_list("window_size"))
            if (w != -1) throw ConfigError(label + ": windowed attention is not supported");
    }
    c.validate();
    return c;
}

DitConfig dit_config_from_file(const std::filesystem::path& path) {
    const auto json = io::read_json_file(path);
    // Accept a bare kwargs object or a fixture-style {"constructor_kwargs": {...}}.
    if (json.is_object() && json.contains("constructor_kwargs"))
        return dit_config_from_json(json["constructor_kwargs"], path.string());
    return dit_config_from_json(json, path.string());
}

nlohmann::json dit_config_to_json(const DitConfig& c) {
    return {{"model_type", c.model_type},
            {"patch_size", c.patch_size},
            {"dim", c.dim},
            {"ffn_dim", c.ffn_dim},
            {"freq_dim", c.freq_dim},
            {"num_heads", c.num_heads},
            {"num_layers", c.num_double_layers + c.num_single_layers},
            {"num_double_layers", c.num_double_layers},
            {"num_single_layers", c.num_single_layers},
            {"vid_in_dim", c.vid_in_dim},
            {"vid_out_dim", c.vid_out_dim},
            {"audio_in_dim", c.audio_in_dim},
            {"audio_out_dim", c.audio_out_dim},
            {"text_len", c.text_len},
            {"text_dim", c.text_dim},
            {"speaker_dim", c.speaker_dim},
            {"window_size", {-1, -1}},
            {"qk_norm", c.qk_norm},
            {"cross_attn_norm", c.cross_attn_norm},
            {"eps", c.eps},
            {"temporal_rope_scaling_factor", c.temporal_rope_scaling_factor},
            {"add_spk_emb", c.add_spk_emb},
            {"no_split_norm_ffn", c.no_split_norm_ffn}};
}

DitConfig nava_6b_config() {
    DitConfig c;  // the defaults are the NAVA-6B values
    c.validate();
    return c;
}

int64_t dit_parameter_count(const DitConfig& c) {
    const int64_t D = c.dim, F = c.ffn_dim;
    const int64_t qk = c.qk_norm ? 2 * D : 0;
    const int64_t attn = 4 * (D * D + D) + qk;  // q, k, v, o (+ two RMSNorm gains)
    const int64_t ffn = D * F + F + F * D + D;
    const int64_t norm3 = c.cross_attn_norm ? 2 * D : 0;
    const int64_t mod = 6 * D;
    // Double block: attention and modulation per modality; norm3 + FFN shared or split.
    const int64_t split = c.no_split_norm_ffn ? 1 : 2;
    const int64_t dbl = 2 * attn + 2 * attn + split * (norm3 + ffn) + 2 * mod;
    const int64_t sgl = attn + attn + norm3 + ffn + mod;

    const int64_t h = c.audio_mlp_hidden();
    const int64_t video_embed = c.vid_in_dim * c.patch_volume() * D + D;
    const int64_t audio_embed = 7 * D * c.audio_in_dim + D + 3 * 7 * D * h;
    const int64_t S = c.speaker_dim;
    const int64_t speaker = c.add_spk_emb ? (2 * S + S * D + D + D * D + D + 2 * D + D) : 0;
    const int64_t text = c.text_dim * D + D + D * D + D;
    const int64_t time = c.freq_dim * D + D + D * D + D;
    const int64_t time_projection = 6 * D * D + 6 * D;
    const int64_t head =
        2 * D + D * c.patch_volume() * c.vid_out_dim + c.patch_volume() * c.vid_out_dim;
    const int64_t head_audio = 2 * D + D * c.audio_out_dim + c.audio_out_dim;
    return video_embed + audio_embed + speaker + text + time + time_projection +
           c.num_double_layers * dbl + c.num_single_layers * sgl + head + head_audio;
}

}  // namespace nava::dit
