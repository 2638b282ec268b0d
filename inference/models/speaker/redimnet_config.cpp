#include "inference/models/speaker/redimnet_config.h"

#include <cmath>
#include <cstdint>
#include <set>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::speaker {
namespace {

using nlohmann::json;

// Every keyword `ReDimNetWrap.__init__` accepts; anything else would be a TypeError there.
const std::set<std::string> kWrapKeys = {
    "F",
    "C",
    "block_1d_type",
    "block_2d_type",
    "stages_setup",
    "group_divisor",
    "out_channels",
    "embed_dim",
    "num_classes",
    "class_dropout",
    "feat_agg_dropout",
    "head_activation",
    "hop_length",
    "pooling_func",
    "feat_type",
    "global_context_att",
    "emb_bn",
    "spec_params",
    "return_all_outputs",
    "tf_optimized_arch",
};

// Keywords `MelBanks.__init__` accepts through `spec_params` (hop_length and n_mels are passed
// by the wrapper itself).
const std::set<std::string> kSpecKeys = {
    "sample_rate",        "n_fft",           "win_length",      "f_min",     "f_max",
    "do_spec_aug",        "norm_signal",     "do_preemph",      "spec_norm", "freq_start_bin",
    "num_apply_spec_aug", "freq_mask_width", "time_mask_width",
};

std::optional<int64_t> optional_int(const io::ConfigReader& r, const std::string& key,
                                    std::optional<int64_t> fallback) {
    if (!r.json().contains(key)) return fallback;
    if (r.json()[key].is_null()) return std::nullopt;
    return r.get_int(key);
}

int64_t int_value(const json& v, const std::string& what) {
    if (v.is_number_integer()) return v.get<int64_t>();
    if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>())
        return static_cast<int64_t>(v.get<double>());
    throw ConfigError(what + " must be an integer (found " + v.dump() + ")");
}

std::vector<StageSetup> read_stages(const json& list, const std::string& label) {
    if (!list.is_array() || list.empty())
        throw ConfigError(label + ": 'stages_setup' must be a non-empty list of stages");
    std::vector<StageSetup> stages;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& e = list[i];
        const std::string what = label + ": stages_setup[" + std::to_string(i) + "]";
        // [stride, num_blocks, conv_exp, kernel_sizes, att_block_red]
        if (!e.is_array() || e.size() != 5)
            throw ConfigError(what +
                              " must be [stride, num_blocks, conv_exp, kernel_sizes, "
                              "att_block_red] (found " +
                              e.dump() + ")");
        StageSetup s;
        s.stride = int_value(e[0], what + " stride");
        s.num_blocks = int_value(e[1], what + " num_blocks");
        if (!e[2].is_number()) throw ConfigError(what + " conv_exp must be a number");
        s.conv_exp = e[2].get<double>();
        // e[3] (kernel sizes) is not used by the reference blocks: they are always 3x3.
        if (!e[4].is_null()) s.att_block_red = int_value(e[4], what + " att_block_red");
        if (s.stride < 1 || s.stride > 3)
            throw ConfigError(what + ": stride must be 1, 2 or 3 (found " +
                              std::to_string(s.stride) + ")");
        if (s.num_blocks < 0) throw ConfigError(what + ": num_blocks must not be negative");
        if (!(s.conv_exp > 0)) throw ConfigError(what + ": conv_exp must be positive");
        if (s.att_block_red && *s.att_block_red <= 0)
            throw ConfigError(what + ": att_block_red must be positive");
        stages.push_back(s);
    }
    return stages;
}

MelConfig read_mel(const io::ConfigReader& spec, int64_t n_mels, int64_t hop_length,
                   const std::string& label) {
    for (const auto& [key, value] : spec.json().items()) {
        if (!kSpecKeys.count(key))
            throw ConfigError(label + ": spec_params key '" + key +
                              "' is not a MelBanks option (hop_length and n_mels come from the "
                              "model keywords)");
    }
    MelConfig m;
    m.n_mels = n_mels;
    m.hop_length = hop_length;
    m.sample_rate_hz = spec.get_int("sample_rate", m.sample_rate_hz);
    m.n_fft = spec.get_int("n_fft", m.n_fft);
    m.win_length = spec.get_int("win_length", m.win_length);
    m.f_min_hz = spec.get_double("f_min", m.f_min_hz);
    // f_max = None means the Nyquist frequency in torchaudio.
    if (spec.json().contains("f_max") && spec.json()["f_max"].is_null())
        m.f_max_hz = static_cast<double>(m.sample_rate_hz / 2);
    else
        m.f_max_hz = spec.get_double("f_max", m.f_max_hz);
    m.norm_signal = spec.get_bool("norm_signal", m.norm_signal);
    m.do_preemph = spec.get_bool("do_preemph", m.do_preemph);
    if (spec.json().contains("spec_norm") && spec.json()["spec_norm"].is_null())
        m.spec_norm = "none";
    else
        m.spec_norm = spec.get_string("spec_norm", m.spec_norm);
    // SpecAugment (do_spec_aug and the mask widths) only acts in training mode.

    if (m.sample_rate_hz <= 0 || m.n_fft <= 0 || m.win_length <= 0 || m.hop_length <= 0)
        throw ConfigError(label +
                          ": sample_rate, n_fft, win_length and hop_length must be positive");
    if (m.win_length > m.n_fft)
        throw ConfigError(label + ": win_length " + std::to_string(m.win_length) +
                          " exceeds n_fft " + std::to_string(m.n_fft));
    if (!(m.f_max_hz > m.f_min_hz)) throw ConfigError(label + ": f_max must be above f_min");
    return m;
}

Block1dType parse_block_1d(const std::string& name, const std::string& label) {
    if (name == "att") return Block1dType::kAtt;
    if (name == "fc") return Block1dType::kFc;
    if (name == "conv") return Block1dType::kConv;
    if (name == "conv+att") return Block1dType::kConvAtt;
    throw ConfigError(label + ": block_1d_type '" + name +
                      "' is not implemented (supported: att, fc, conv, conv+att)");
}

Block2dType parse_block_2d(const std::string& name, const std::string& label) {
    if (name == "convnext_like") return Block2dType::kConvNeXtLike;
    if (name == "convnext_like_relu") return Block2dType::kConvNeXtLikeRelu;
    if (name == "basic_resnet") return Block2dType::kBasicResNet;
    if (name == "basic_resnet_fwse") return Block2dType::kBasicResNetFwSE;
    throw ConfigError(label + ": block_2d_type '" + name +
                      "' is not implemented (supported: convnext_like, convnext_like_relu, "
                      "basic_resnet, basic_resnet_fwse)");
}

PoolingType parse_pooling(const std::string& name, const std::string& label) {
    if (name == "ASTP") return PoolingType::kASTP;
    if (name == "TSTP") return PoolingType::kTSTP;
    if (name == "TAP") return PoolingType::kTAP;
    if (name == "TMAP") return PoolingType::kTMAP;
    if (name == "TSDP") return PoolingType::kTSDP;
    if (name == "MHASTP") return PoolingType::kMHASTP;
    if (name == "MQMHASTP") return PoolingType::kMQMHASTP;
    throw ConfigError(label + ": pooling_func '" + name +
                      "' is not implemented (supported: ASTP, TSTP, TAP, TMAP, TSDP, MHASTP, "
                      "MQMHASTP)");
}

// Groups of a grouped conv as the reference computes them: channels // group_divisor.
void check_groups(int64_t in, int64_t out, const std::optional<int64_t>& divisor,
                  int64_t group_channels, const std::string& what) {
    if (!divisor) return;
    const int64_t groups = group_channels / *divisor;
    if (groups < 1 || in % groups != 0 || out % groups != 0)
        throw ConfigError(what + ": a conv " + std::to_string(in) + " -> " + std::to_string(out) +
                          " channels cannot use " + std::to_string(groups) +
                          " groups (channels // group_divisor " + std::to_string(*divisor) + ")");
}

void validate(const ReDimNetConfig& c, const std::string& label) {
    if (c.F <= 0 || c.C <= 0) throw ConfigError(label + ": F and C must be positive");
    if (c.embed_dim <= 0) throw ConfigError(label + ": embed_dim must be positive");
    if (c.group_divisor && *c.group_divisor <= 0)
        throw ConfigError(label + ": group_divisor must be positive or null");
    const bool attention =
        c.block_1d_type == Block1dType::kAtt || c.block_1d_type == Block1dType::kConvAtt;
    int64_t f = c.F, ch = c.C;
    for (std::size_t i = 0; i < c.stages.size(); ++i) {
        const auto& s = c.stages[i];
        const std::string what = label + ": stage " + std::to_string(i);
        if (f % s.stride != 0)
            throw ConfigError(what + ": frequency size " + std::to_string(f) +
                              " is not divisible by the stride " + std::to_string(s.stride));
        f /= s.stride;
        ch *= s.stride;
        const auto wide = static_cast<int64_t>(static_cast<double>(ch) * s.conv_exp);
        if (wide < 1) throw ConfigError(what + ": conv_exp leaves no channels");
        check_groups(wide, wide, c.group_divisor, wide, what + " 2D blocks");
        if (wide != ch) check_groups(wide, ch, c.group_divisor, ch, what + " squeeze conv");
        if (s.att_block_red) {
            const int64_t h = c.width() / *s.att_block_red;
            if (h < 1) throw ConfigError(what + ": att_block_red leaves no 1D channels");
            if (attention && h % 4 != 0)
                throw ConfigError(what + ": 1D block width " + std::to_string(h) +
                                  " (C*F // att_block_red) is not divisible by the 4 heads");
        }
    }
    if (c.pooling == PoolingType::kMHASTP && c.pool_in_dim() % 2 != 0)
        throw ConfigError(label + ": MHASTP needs an even input width");
    if (c.pooling == PoolingType::kMQMHASTP && c.pool_in_dim() % 8 != 0)
        throw ConfigError(label + ": MQMHASTP needs an input width divisible by 8");
}

}  // namespace

ReDimNetConfig ReDimNetConfig::defaults() {
    ReDimNetConfig c;
    c.stages = {{1, 2, 1.0, 12}, {2, 2, 1.0, 12}, {1, 3, 1.0, 12},
                {2, 4, 1.0, 8},  {1, 4, 1.0, 8},  {2, 4, 1.0, 4}};
    return c;
}

ReDimNetConfig ReDimNetConfig::from_json(const nlohmann::json& kwargs, const std::string& label) {
    const io::ConfigReader r(kwargs, label);
    for (const auto& [key, value] : kwargs.items()) {
        if (!kWrapKeys.count(key))
            throw ConfigError(label + ": '" + key + "' is not a ReDimNetWrap keyword");
    }
    ReDimNetConfig c = defaults();
    c.F = r.get_int("F", c.F);
    c.C = r.get_int("C", c.C);
    c.block_1d_type = parse_block_1d(r.get_string("block_1d_type", "att"), label);
    c.block_2d_type = parse_block_2d(r.get_string("block_2d_type", "convnext_like"), label);
    if (r.has("stages_setup")) c.stages = read_stages(kwargs["stages_setup"], label);
    c.group_divisor = optional_int(r, "group_divisor", c.group_divisor);
    c.out_channels = optional_int(r, "out_channels", c.out_channels);
    c.embed_dim = r.get_int("embed_dim", c.embed_dim);
    c.num_classes = optional_int(r, "num_classes", c.num_classes);
    c.pooling = parse_pooling(r.get_string("pooling_func", "ASTP"), label);
    c.global_context_att = r.get_bool("global_context_att", c.global_context_att);
    c.emb_bn = r.get_bool("emb_bn", c.emb_bn);

    const std::string feat_type = r.get_string("feat_type", "pt");
    if (feat_type != "pt" && feat_type != "pt_mel")
        throw ConfigError(label + ": feat_type '" + feat_type +
                          "' is not implemented (supported: pt, pt_mel; the TensorFlow-style "
                          "front-ends tf, tf_mel and tf_spec are not)");
    if (r.get_bool("tf_optimized_arch", false))
        throw ConfigError(label + ": tf_optimized_arch = true is not implemented");
    if (r.has("head_activation"))
        throw ConfigError(label + ": head_activation '" + kwargs["head_activation"].dump() +
                          "' is not implemented (only null)");
    // class_dropout, feat_agg_dropout: training only. return_all_outputs changes only what the
    // Python forward returns, not the embedding.

    const int64_t hop = r.get_int("hop_length", 160);
    const json empty = json::object();
    const json& spec = r.has("spec_params") ? kwargs["spec_params"] : empty;
    c.mel = read_mel(io::ConfigReader(spec, label + ".spec_params"), c.F, hop, label);
    validate(c, label);
    return c;
}

ReDimNetConfig ReDimNetConfig::from_json_text(const std::string& text, const std::string& label) {
    return from_json(io::parse_json_text(text, label), label);
}

int64_t ReDimNetConfig::pool_out_dim() const {
    switch (pooling) {
        case PoolingType::kTAP:
        case PoolingType::kTMAP:
        case PoolingType::kTSDP:
            return pool_in_dim();
        case PoolingType::kMQMHASTP:
            return 4 * pool_in_dim();  // 2 queries x [mean | std]
        default:
            return 2 * pool_in_dim();
    }
}

std::string to_string(Block1dType type) {
    switch (type) {
        case Block1dType::kAtt:
            return "att";
        case Block1dType::kFc:
            return "fc";
        case Block1dType::kConv:
            return "conv";
        case Block1dType::kConvAtt:
            return "conv+att";
    }
    return "?";
}

std::string to_string(Block2dType type) {
    switch (type) {
        case Block2dType::kConvNeXtLike:
            return "convnext_like";
        case Block2dType::kConvNeXtLikeRelu:
            return "convnext_like_relu";
        case Block2dType::kBasicResNet:
            return "basic_resnet";
        case Block2dType::kBasicResNetFwSE:
            return "basic_resnet_fwse";
    }
    return "?";
}

std::string to_string(PoolingType type) {
    switch (type) {
        case PoolingType::kTAP:
            return "TAP";
        case PoolingType::kTMAP:
            return "TMAP";
        case PoolingType::kTSDP:
            return "TSDP";
        case PoolingType::kTSTP:
            return "TSTP";
        case PoolingType::kASTP:
            return "ASTP";
        case PoolingType::kMHASTP:
            return "MHASTP";
        case PoolingType::kMQMHASTP:
            return "MQMHASTP";
    }
    return "?";
}

}  // namespace nava::speaker
