#include "inference/models/t5/t5_config.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::t5 {

T5Config T5Config::umt5_xxl() {
    return T5Config{};  // the defaults are umT5-XXL
}

T5Config T5Config::from_json(const nlohmann::json& json, const std::string& label) {
    const io::ConfigReader r(json, label);
    // The first spelling present wins; both are integers in every config seen so far.
    auto integer = [&](const char* key, const char* alias, int64_t fallback) {
        if (r.has(key)) return r.get_int(key);
        if (alias && r.has(alias)) return r.get_int(alias);
        return fallback;
    };
    T5Config c;
    c.vocab = integer("vocab", "vocab_size", c.vocab);
    c.dim = integer("dim", nullptr, c.dim);
    c.dim_attn = integer("dim_attn", nullptr, c.dim_attn);
    c.dim_ffn = integer("dim_ffn", nullptr, c.dim_ffn);
    c.heads = integer("heads", "num_heads", c.heads);
    c.layers = integer("layers", "num_layers", c.layers);
    c.buckets = integer("buckets", "num_buckets", c.buckets);
    c.max_dist = integer("max_dist", nullptr, c.max_dist);
    c.bidirectional = r.get_bool("bidirectional", c.bidirectional);
    c.shared_pos = r.get_bool("shared_pos", c.shared_pos);
    c.eps = r.get_double("eps", c.eps);
    c.text_len = integer("text_len", nullptr, c.text_len);
    c.pad_id = integer("pad_id", nullptr, c.pad_id);
    c.eos_id = integer("eos_id", nullptr, c.eos_id);
    c.validate(label);
    return c;
}

T5Config T5Config::from_json_text(const std::string& text, const std::string& label) {
    return from_json(io::parse_json_text(text, label), label);
}

void T5Config::validate(const std::string& label) const {
    auto positive = [&](const char* key, int64_t value) {
        if (value <= 0)
            throw ConfigError(label + ": '" + key + "' must be positive (found " +
                              std::to_string(value) + ")");
    };
    positive("vocab", vocab);
    positive("dim", dim);
    positive("dim_attn", dim_attn);
    positive("dim_ffn", dim_ffn);
    positive("heads", heads);
    positive("layers", layers);
    positive("buckets", buckets);
    positive("max_dist", max_dist);
    positive("text_len", text_len);
    if (dim_attn % heads != 0)
        throw ConfigError(label + ": 'dim_attn' (" + std::to_string(dim_attn) +
                          ") is not a multiple of 'heads' (" + std::to_string(heads) + ")");
    // The logarithmic buckets need at least one exact bucket and a range beyond it.
    const int64_t per_direction = bidirectional ? buckets / 2 : buckets;
    if (per_direction < 2)
        throw ConfigError(label + ": 'buckets' (" + std::to_string(buckets) +
                          ") is too small for " +
                          (bidirectional ? "bidirectional" : "unidirectional") + " buckets");
    if (max_dist <= per_direction / 2)
        throw ConfigError(label + ": 'max_dist' (" + std::to_string(max_dist) +
                          ") must exceed the exact range (" + std::to_string(per_direction / 2) +
                          ")");
    if (!(eps >= 0.0)) throw ConfigError(label + ": 'eps' must be non-negative");
}

}  // namespace nava::t5
