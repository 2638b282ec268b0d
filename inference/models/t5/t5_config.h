// Hyper-parameters of the umT5 text encoder (Wan's port of the T5 v1.1 / umT5 encoder), read
// from JSON. The official NAVA text encoder is umT5-XXL (`T5Config::umt5_xxl()`).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace nava::t5 {

struct T5Config {
    int64_t vocab = 256384;   // token embedding rows
    int64_t dim = 4096;       // residual width
    int64_t dim_attn = 4096;  // heads * head_dim of q, k, v
    int64_t dim_ffn = 10240;  // gated-GELU hidden width
    int64_t heads = 64;
    int64_t layers = 24;
    int64_t buckets = 32;    // relative-position buckets (both directions together)
    int64_t max_dist = 128;  // distance at which the logarithmic buckets saturate
    bool bidirectional = true;
    bool shared_pos = false;  // one position table for all layers instead of one per layer
    double eps = 1e-6;        // RMS-norm epsilon
    int64_t text_len = 512;   // padded token count the tokenizer produces
    int64_t pad_id = 0;
    int64_t eos_id = 1;

    int64_t head_dim() const { return dim_attn / heads; }

    // The encoder NAVA uses (`models_t5_umt5-xxl-enc-bf16.pth`).
    static T5Config umt5_xxl();

    // Reads the keys of the fixture configs (`vocab`, `dim`, `dim_attn`, `dim_ffn`, `heads`,
    // `layers`, `buckets`, `max_dist`, `bidirectional`, `shared_pos`, `eps`, `text_len`, `pad_id`,
    // `eos_id`); the reference factory's spellings (`vocab_size`, `num_heads`, `num_layers`,
    // `num_buckets`) are accepted too. Absent keys keep the umT5-XXL value. Throws ConfigError.
    static T5Config from_json(const nlohmann::json& json, const std::string& label);
    static T5Config from_json_text(const std::string& text, const std::string& label);

    // ConfigError naming `label` when sizes are non-positive or inconsistent.
    void validate(const std::string& label) const;
};

}  // namespace nava::t5
