// ReDimNet configuration: the keyword arguments of the reference `ReDimNetWrap` constructor, as
// the official checkpoint stores them under `model_config` (and the parity fixture under
// `config`). Absent keys take the constructor defaults, which are the "M" model NAVA uses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nava::speaker {

enum class Block2dType {
    kConvNeXtLike,      // "convnext_like": grouped 3x3 conv, BN, exact GELU, 1x1 conv, residual
    kConvNeXtLikeRelu,  // "convnext_like_relu": the same with ReLU
    kBasicResNet,       // "basic_resnet": two grouped 3x3 + pointwise convs with BN (ResNet)
    kBasicResNetFwSE,   // "basic_resnet_fwse": the same plus frequency-wise squeeze-excitation
};

enum class Block1dType {
    kAtt,      // "att": positional depthwise conv + post-norm transformer layer
    kFc,       // "fc": 1x1 conv MLP with channel LayerNorm
    kConv,     // "conv": four ConvNeXt-like 1D blocks with kernels 7, 15, 31
    kConvAtt,  // "conv+att": ConvNeXt-like 1D blocks (7, 19, 31, 59) then a transformer layer
};

enum class PoolingType { kTAP, kTMAP, kTSDP, kTSTP, kASTP, kMHASTP, kMQMHASTP };

// One entry of `stages_setup`: [stride, num_blocks, conv_exp, kernel_sizes, att_block_red].
struct StageSetup {
    int64_t stride = 1;                    // frequency stride of the stage's first conv (1, 2 or 3)
    int64_t num_blocks = 1;                // number of 2D blocks
    double conv_exp = 1.0;                 // channel expansion inside the 2D blocks
    std::optional<int64_t> att_block_red;  // 1D block width = C·F / this; none -> no 1D block
};

// Front-end settings (the reference `MelBanks` with `spec_params`).
struct MelConfig {
    int64_t sample_rate_hz = 16000;
    int64_t n_fft = 512;
    int64_t win_length = 400;
    int64_t hop_length = 160;
    double f_min_hz = 20.0;
    double f_max_hz = 7600.0;
    int64_t n_mels = 72;
    bool norm_signal = false;      // per-utterance mean/std normalisation of the waveform
    bool do_preemph = true;        // y[n] = x[n] - 0.97 x[n-1]
    std::string spec_norm = "mn";  // "mn", "mvn", "bn" or anything else = none
};

struct ReDimNetConfig {
    int64_t F = 72;  // mel bins = frequency height of the 2D view
    int64_t C = 16;  // stem channels; C·F is the width of every 1D view
    Block1dType block_1d_type = Block1dType::kAtt;
    Block2dType block_2d_type = Block2dType::kConvNeXtLike;
    std::vector<StageSetup> stages;
    std::optional<int64_t> group_divisor =
        4;                                // channels per group of the 3x3 convs; none -> 1 group
    std::optional<int64_t> out_channels;  // `mfa` 1x1 conv + BN after the backbone when set
    int64_t embed_dim = 192;
    std::optional<int64_t> num_classes;  // classifier head after the embedding when set
    PoolingType pooling = PoolingType::kASTP;
    bool global_context_att = false;  // ASTP attention also sees the utterance mean and std
    bool emb_bn = false;              // BatchNorm1d on the embedding
    MelConfig mel;

    // The reference defaults (ReDimNet-M).
    static ReDimNetConfig defaults();
    // Reads the constructor keyword arguments. Unknown keys and options this port does not
    // implement throw nava::ConfigError naming them; `label` prefixes every message.
    static ReDimNetConfig from_json(const nlohmann::json& kwargs, const std::string& label);
    static ReDimNetConfig from_json_text(const std::string& text, const std::string& label);

    int64_t width() const { return C * F; }  // channels of the 1D view
    // Channels entering the pooling layer.
    int64_t pool_in_dim() const { return out_channels ? *out_channels : width(); }
    // Width of the pooled statistics (input of `bn` and `linear`).
    int64_t pool_out_dim() const;
};

std::string to_string(Block1dType type);
std::string to_string(Block2dType type);
std::string to_string(PoolingType type);

}  // namespace nava::speaker
