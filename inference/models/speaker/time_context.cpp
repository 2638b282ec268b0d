#include "inference/models/speaker/time_context.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>

namespace nava::speaker {
namespace {

constexpr int64_t kHeads = 4;       // every ReDimNet transformer layer has 4 heads
constexpr int64_t kPosKernel = 59;  // positional depthwise conv of the "att" block
constexpr double kNormEps = 1e-6;   // LayerNorm eps throughout the 1D blocks
// Attention scores are computed for blocks of queries holding at most this many elements
// (4 MB in float32): long clips then never allocate a T x T matrix, which on the CPU costs more
// in fresh pages than in arithmetic, and each block stays in cache through the softmax.
constexpr int64_t kScoreBlockElements = int64_t{1} << 20;

// softmax(q·kᵀ·scale)·v for q, k, v [B, H, T, d], in float32 (float64 for float64 inputs).
at::Tensor blocked_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                             double scale) {
    const auto ct = q.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const at::Tensor qs = q.to(ct) * scale;                         // [B, H, T, d]
    const at::Tensor kt = k.to(ct).transpose(-2, -1).contiguous();  // [B, H, d, T]
    const at::Tensor vc = v.to(ct).contiguous();                    // [B, H, T, d]
    const int64_t t = q.size(2);
    const int64_t rows = std::max<int64_t>(
        16, kScoreBlockElements / std::max<int64_t>(1, q.size(0) * q.size(1) * t));
    if (rows >= t) return at::matmul(at::softmax(at::matmul(qs, kt), -1), vc).to(q.scalar_type());
    at::Tensor out = at::empty(qs.sizes(), qs.options());
    for (int64_t start = 0; start < t; start += rows) {
        const int64_t n = std::min(rows, t - start);
        const at::Tensor scores = at::matmul(qs.narrow(2, start, n), kt);  // [B, H, n, T]
        out.narrow(2, start, n).copy_(at::matmul(at::softmax(scores, -1), vc));
    }
    return out.to(q.scalar_type());
}

}  // namespace

MultiHeadAttention::MultiHeadAttention(int64_t d, int64_t h) : dim(d), heads(h) {
    k_proj = register_module("k_proj", std::make_shared<nn::Linear>(d, d));
    v_proj = register_module("v_proj", std::make_shared<nn::Linear>(d, d));
    q_proj = register_module("q_proj", std::make_shared<nn::Linear>(d, d));
    out_proj = register_module("out_proj", std::make_shared<nn::Linear>(d, d));
}

at::Tensor MultiHeadAttention::forward(const at::Tensor& x) const {
    const int64_t b = x.size(0), t = x.size(1), hd = dim / heads;
    auto split = [&](const at::Tensor& y) {
        return y.view({b, t, heads, hd}).transpose(1, 2);  // [B, H, T, hd]
    };
    // 1. projections
    const at::Tensor q = split(q_proj->forward(x));
    const at::Tensor k = split(k_proj->forward(x));
    const at::Tensor v = split(v_proj->forward(x));
    // 2. softmax(q·kᵀ / sqrt(hd))·v, no mask
    const at::Tensor o = blocked_attention(q, k, v, 1.0 / std::sqrt(static_cast<double>(hd)));
    // 3. merge heads, output projection
    return out_proj->forward(o.transpose(1, 2).reshape({b, t, dim}));  // [B, T, D]
}

FeedForward::FeedForward(int64_t d, int64_t hidden) {
    intermediate_dense =
        register_module("intermediate_dense", std::make_shared<nn::Linear>(d, hidden));
    output_dense = register_module("output_dense", std::make_shared<nn::Linear>(hidden, d));
}

at::Tensor FeedForward::forward(const at::Tensor& x) const {
    // "gelu_new" is the tanh approximation, unlike the exact GELU of the 2D blocks.
    at::Tensor h = intermediate_dense->forward(x);
    return output_dense->forward(records_grad() ? at::gelu(h, "tanh") : at::gelu_(h, "tanh"));
}

TransformerEncoderLayer::TransformerEncoderLayer(int64_t d, int64_t mlp, int64_t h) {
    attention = register_module("attention", std::make_shared<MultiHeadAttention>(d, h));
    layer_norm = register_module("layer_norm", std::make_shared<nn::LayerNorm>(d, kNormEps));
    feed_forward = register_module("feed_forward", std::make_shared<FeedForward>(d, mlp));
    final_layer_norm =
        register_module("final_layer_norm", std::make_shared<nn::LayerNorm>(d, kNormEps));
}

at::Tensor TransformerEncoderLayer::forward(const at::Tensor& x) const {
    at::Tensor h = x.transpose(1, 2);  // [B, T, D]
    // 1. self-attention, residual, post-norm
    h = layer_norm->forward(add_(attention->forward(h), h));
    // 2. feed-forward, residual, post-norm
    h = final_layer_norm->forward(add_(feed_forward->forward(h), h));
    return h.transpose(1, 2);  // [B, D, T]
}

PosEncConv::PosEncConv(int64_t c, int64_t k) {
    conv = register_module(
        "conv", std::make_shared<nn::Conv>(1, c, c, std::vector<int64_t>{k},
                                           std::vector<int64_t>{1}, std::vector<int64_t>{k / 2},
                                           true, std::vector<int64_t>{}, /*groups=*/c));
    norm = register_module("norm", std::make_shared<ChannelLayerNorm>(c, kNormEps));
}

at::Tensor PosEncConv::forward(const at::Tensor& x) const {
    return add_(norm->forward(conv->forward(x)), x);
}

TimeContextBlock1d::TimeContextBlock1d(int64_t c, int64_t h, Block1dType type) : type_(type) {
    auto red = register_module("red_dim_conv", std::make_shared<nn::IndexedModules>());
    red_conv_ = red->add(0, std::make_shared<nn::Conv>(1, c, h, std::vector<int64_t>{1}));
    red_norm_ = red->add(1, std::make_shared<ChannelLayerNorm>(h, kNormEps));

    auto tcm = register_module("tcm", std::make_shared<nn::IndexedModules>());
    auto convnext = [&](std::vector<int64_t> kernels) {
        // Gdiv = 1 in the reference: one channel per group, i.e. depthwise.
        return std::make_shared<ConvNeXtLikeBlock>(h, 1, kernels, int64_t{1}, Activation::kGelu);
    };
    switch (type) {
        case Block1dType::kAtt:
            pos_conv_ = tcm->add(0, std::make_shared<PosEncConv>(h, kPosKernel));
            transformer_ = tcm->add(1, std::make_shared<TransformerEncoderLayer>(h, 2 * h, kHeads));
            break;
        case Block1dType::kFc:
            fc_in_ = tcm->add(0, std::make_shared<nn::Conv>(1, h, 2 * h, std::vector<int64_t>{1}));
            fc_norm_ = tcm->add(1, std::make_shared<ChannelLayerNorm>(2 * h, kNormEps));
            fc_out_ = tcm->add(3, std::make_shared<nn::Conv>(1, 2 * h, h, std::vector<int64_t>{1}));
            break;
        case Block1dType::kConv:
            for (std::size_t i = 0; i < 4; ++i)
                conv_blocks_.push_back(tcm->add(i, convnext({7, 15, 31})));
            break;
        case Block1dType::kConvAtt: {
            const int64_t kernels[] = {7, 19, 31, 59};
            for (std::size_t i = 0; i < 4; ++i)
                conv_blocks_.push_back(tcm->add(i, convnext({kernels[i]})));
            transformer_ = tcm->add(4, std::make_shared<TransformerEncoderLayer>(h, h, kHeads));
            break;
        }
    }
    exp_dim_conv_ = register_module("exp_dim_conv",
                                    std::make_shared<nn::Conv>(1, h, c, std::vector<int64_t>{1}));
}

at::Tensor TimeContextBlock1d::forward(const at::Tensor& x) const {
    // 1. reduce C·F -> hC
    at::Tensor h = red_norm_->forward(pointwise_conv(*red_conv_, x));  // [B, hC, T]
    // 2. temporal mixing
    if (type_ == Block1dType::kFc) {
        h = pointwise_conv(
            *fc_out_, activate_(fc_norm_->forward(pointwise_conv(*fc_in_, h)), Activation::kGelu));
    } else {
        if (pos_conv_) h = pos_conv_->forward(h);
        for (const auto& block : conv_blocks_)
            h = block->forward(h);
        if (transformer_) h = transformer_->forward(h);
    }
    // 3. expand back and add the input
    return add_(pointwise_conv(*exp_dim_conv_, h), x);  // [B, C·F, T]
}

}  // namespace nava::speaker
