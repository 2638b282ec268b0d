// The 1D (temporal) part of a ReDimNet stage: `TimeContextBlock1d` and the post-norm transformer
// encoder layer it contains (a wav2vec2-style layer: MHA, LayerNorm, FFN with tanh-GELU,
// LayerNorm). Parameter names follow the reference checkpoint.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/speaker/redimnet_blocks.h"
#include "inference/models/speaker/redimnet_config.h"

namespace nava::speaker {

class MultiHeadAttention : public nn::Module {
public:
    MultiHeadAttention(int64_t dim, int64_t heads);
    at::Tensor forward(const at::Tensor& x) const;  // [B, T, D] -> [B, T, D], no mask

    int64_t dim, heads;
    std::shared_ptr<nn::Linear> k_proj, v_proj, q_proj, out_proj;
};

class FeedForward : public nn::Module {
public:
    FeedForward(int64_t dim, int64_t hidden);
    at::Tensor forward(const at::Tensor& x) const;  // Linear, tanh-approximated GELU, Linear

    std::shared_ptr<nn::Linear> intermediate_dense, output_dense;
};

// Post-norm: x = LN(x + MHA(x)); x = LN(x + FFN(x)). Works on channels-first [B, D, T].
class TransformerEncoderLayer : public nn::Module {
public:
    TransformerEncoderLayer(int64_t dim, int64_t mlp_dim, int64_t heads);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<MultiHeadAttention> attention;
    std::shared_ptr<nn::LayerNorm> layer_norm;
    std::shared_ptr<FeedForward> feed_forward;
    std::shared_ptr<nn::LayerNorm> final_layer_norm;
};

// Positional encoding by a depthwise conv: x + LN(conv(x)).
class PosEncConv : public nn::Module {
public:
    PosEncConv(int64_t channels, int64_t kernel_size);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<nn::Conv> conv;
    std::shared_ptr<ChannelLayerNorm> norm;
};

// Residual block over the 1D view [B, C·F, T]: 1x1 conv down to hC + channel LayerNorm
// (`red_dim_conv`), the temporal mixer (`tcm`, by block type), 1x1 conv back up
// (`exp_dim_conv`), plus the input.
class TimeContextBlock1d : public nn::Module {
public:
    TimeContextBlock1d(int64_t channels, int64_t hidden, Block1dType type);
    at::Tensor forward(const at::Tensor& x) const;

private:
    std::shared_ptr<nn::Conv> red_conv_;
    std::shared_ptr<ChannelLayerNorm> red_norm_;
    Block1dType type_;
    // tcm children, used according to type_
    std::shared_ptr<PosEncConv> pos_conv_;
    std::vector<std::shared_ptr<ConvNeXtLikeBlock>> conv_blocks_;
    std::shared_ptr<TransformerEncoderLayer> transformer_;
    std::shared_ptr<nn::Conv> fc_in_, fc_out_;
    std::shared_ptr<ChannelLayerNorm> fc_norm_;
    std::shared_ptr<nn::Conv> exp_dim_conv_;
};

}  // namespace nava::speaker
