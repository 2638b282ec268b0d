#include "inference/models/speaker/redimnet.h"

#include <algorithm>

#include <optional>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::speaker {
namespace {

// Modules whose parameters stay float32 (float64 runs: float64) whatever the compute dtype.
bool keeps_stats_precision(const nn::Module& m) {
    return dynamic_cast<const BatchNorm*>(&m) || dynamic_cast<const ChannelLayerNorm*>(&m) ||
           dynamic_cast<const nn::LayerNorm*>(&m) || dynamic_cast<const Weight1d*>(&m);
}

std::shared_ptr<ConvBlock2d> make_block_2d(const ReDimNetConfig& config, int64_t channels,
                                           int64_t freq) {
    switch (config.block_2d_type) {
        case Block2dType::kConvNeXtLike:
        case Block2dType::kConvNeXtLikeRelu: {
            const Activation act = config.block_2d_type == Block2dType::kConvNeXtLike
                                       ? Activation::kGelu
                                       : Activation::kRelu;
            return std::make_shared<ConvBlock2d>(std::make_shared<ConvNeXtLikeBlock>(
                channels, 2, std::vector<int64_t>{3}, config.group_divisor, act));
        }
        case Block2dType::kBasicResNet:
        case Block2dType::kBasicResNetFwSE: {
            const int64_t se_channels = std::min<int64_t>(64, std::max<int64_t>(channels, 32));
            return std::make_shared<ConvBlock2d>(std::make_shared<ResBasicBlock>(
                channels, freq, se_channels, config.group_divisor,
                config.block_2d_type == Block2dType::kBasicResNetFwSE));
        }
    }
    throw ConfigError("unknown block_2d_type");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Stage
// ---------------------------------------------------------------------------------------------

ReDimNetStage::ReDimNetStage(const ReDimNetConfig& config, std::size_t stage_index, int64_t c_in,
                             int64_t f_in)
    : c_in_(c_in), f_in_(f_in) {
    const StageSetup& setup = config.stages[stage_index];
    c_out_ = setup.stride * c_in;
    f_out_ = f_in / setup.stride;
    const auto wide = static_cast<int64_t>(static_cast<double>(c_out_) * setup.conv_exp);

    std::size_t index = 0;
    auto next = [&](std::shared_ptr<nn::Module> m) {
        register_module(std::to_string(index++), std::move(m));
    };
    // 0: mix of every earlier 1D output (a single input gets the constant weight 1)
    const auto inputs = static_cast<int64_t>(stage_index) + 1;
    mix_ = std::make_shared<Weight1d>(inputs, inputs > 1 ? config.width() : 1);
    next(mix_);
    ++index;  // 1: to 2D
    // 2: frequency stride s, channels x s (x conv_exp)
    stride_conv_ = std::make_shared<nn::Conv>(2, c_in, wide, std::vector<int64_t>{setup.stride, 1},
                                              std::vector<int64_t>{setup.stride, 1},
                                              std::vector<int64_t>{0, 0});
    next(stride_conv_);
    // 3 .. 2+nb: 2D blocks
    for (int64_t i = 0; i < setup.num_blocks; ++i) {
        blocks_.push_back(make_block_2d(config, wide, f_out_));
        next(blocks_.back());
    }
    // optional squeeze back to c channels; the reference picks ReLU only when both block
    // types name it, which no 1D block type does
    if (wide != c_out_) {
        squeeze_ =
            std::make_shared<SqueezeBlock2d>(wide, c_out_, config.group_divisor, Activation::kGelu);
        next(squeeze_);
    }
    ++index;  // to 1D
    if (setup.att_block_red) {
        block_1d_ = std::make_shared<TimeContextBlock1d>(
            config.width(), config.width() / *setup.att_block_red, config.block_1d_type);
        next(block_1d_);
    }
}

at::Tensor ReDimNetStage::forward(const std::vector<at::Tensor>& previous) const {
    // 1. learned mix of the earlier outputs (1D view, index = f_in·c_in + channel)
    const at::Tensor mixed = mix_->forward(previous);  // [B, f_in·c_in, T]
    // 2. trade frequency for channels. The (s, 1) conv with stride (s, 1) reads, for output row
    //    f, the s·c_in consecutive 1D channels of input rows f·s .. f·s+s-1: one GEMM on the 1D
    //    view regrouped as [s·c_in, f·T], whose result is already the 2D layout [O, f, T].
    const int64_t b = mixed.size(0), t = mixed.size(2), s = f_in_ / f_out_;
    const int64_t wide = stride_conv_->weight.size(0);
    const at::Tensor w = stride_conv_->weight.squeeze(-1).permute({0, 2, 1}).reshape(
        {wide, s * c_in_});  // [O, s·c_in], column j·c_in + i = tap j of channel i
    const at::Tensor cols = mixed.view({b, f_out_, s * c_in_, t})
                                .permute({0, 2, 1, 3})
                                .reshape({b, s * c_in_, f_out_ * t});  // [B, s·c_in, f·T]
    at::Tensor x = batched_affine(w, stride_conv_->bias, cols).view({b, wide, f_out_, t});
    // 3. 2D blocks (and the squeeze back to c channels)
    for (const auto& block : blocks_)
        x = block->forward(x);
    if (squeeze_) x = squeeze_->forward(x);  // [B, c, f, T]
    // 4. 1D view and the temporal block
    x = to_1d(x);  // [B, c·f, T]
    if (block_1d_) x = block_1d_->forward(x);
    return x;
}

// ---------------------------------------------------------------------------------------------
// Backbone
// ---------------------------------------------------------------------------------------------

ReDimNetBackbone::ReDimNetBackbone(const ReDimNetConfig& config) {
    auto stem = register_module("stem", std::make_shared<nn::IndexedModules>());
    stem_conv_ =
        stem->add(0, std::make_shared<nn::Conv>(2, 1, config.C, std::vector<int64_t>{3},
                                                std::vector<int64_t>{1}, std::vector<int64_t>{1}));
    stem_norm_ = stem->add(1, std::make_shared<ChannelLayerNorm>(config.C, 1e-6));

    int64_t c = config.C, f = config.F;
    for (std::size_t i = 0; i < config.stages.size(); ++i) {
        stages_.push_back(register_module("stage" + std::to_string(i),
                                          std::make_shared<ReDimNetStage>(config, i, c, f)));
        c = stages_.back()->c_out();
        f = stages_.back()->f_out();
    }
    fin_wght1d_ = register_module(
        "fin_wght1d",
        std::make_shared<Weight1d>(static_cast<int64_t>(config.stages.size()) + 1, config.width()));
    if (config.out_channels) {
        auto mfa = register_module("mfa", std::make_shared<nn::IndexedModules>());
        mfa_conv_ = mfa->add(0, std::make_shared<nn::Conv>(1, config.width(), *config.out_channels,
                                                           std::vector<int64_t>{1}));
        mfa_norm_ = mfa->add(1, std::make_shared<BatchNorm>(*config.out_channels, 1e-5));
    }
}

at::Tensor ReDimNetBackbone::forward(const at::Tensor& features, ReDimNetTrace* trace) const {
    // 1. stem: 3x3 conv, channel LayerNorm, 1D view
    at::Tensor x = stem_norm_->forward(stem_conv_->forward(features));  // [B, C, F, T]
    std::vector<at::Tensor> outputs = {to_1d(x)};                       // [B, C·F, T]
    // 2. stages, each fed with every earlier output
    for (const auto& stage : stages_)
        outputs.push_back(stage->forward(outputs));
    // 3. final learned mix and the optional channel projection
    x = fin_wght1d_->forward(outputs);  // [B, C·F, T]
    if (trace) {
        trace->stem = outputs.front();
        trace->stages.assign(outputs.begin() + 1, outputs.end());
        trace->agg = x;
    }
    if (mfa_conv_) x = mfa_norm_->forward(pointwise_conv(*mfa_conv_, x));  // [B, out, T]
    return x;
}

// ---------------------------------------------------------------------------------------------
// Whole model
// ---------------------------------------------------------------------------------------------

ReDimNet::ReDimNet(const ReDimNetConfig& config) : config_(config) {
    // Registration order follows the reference (backbone, spec, pool, bn, linear, ...).
    backbone_ = register_module("backbone", std::make_shared<ReDimNetBackbone>(config));
    spec_ = register_module("spec", std::make_shared<MelBanks>(config.mel));
    pool_ = register_module(
        "pool", make_pooling(config.pooling, config.pool_in_dim(), config.global_context_att));
    bn_ = register_module("bn", std::make_shared<BatchNorm>(pool_->out_dim(), 1e-5));
    linear_ =
        register_module("linear", std::make_shared<nn::Linear>(pool_->out_dim(), config.embed_dim));
    if (config.emb_bn)
        bn2_ = register_module("bn2", std::make_shared<BatchNorm>(config.embed_dim, 1e-5));
    if (config.num_classes) {
        // Sequential(ReLU, Dropout, Linear, Identity): only index 2 has parameters.
        auto head = register_module("cls_head", std::make_shared<nn::IndexedModules>());
        cls_head_ =
            head->add(2, std::make_shared<nn::Linear>(config.embed_dim, *config.num_classes));
    }
}

at::Tensor ReDimNet::forward(const at::Tensor& wave, ReDimNetTrace* trace) const {
    // Inference: no autograd (several steps then work in place on fresh temporaries); a
    // trainable model (set_trainable) records gradients when the caller's grad mode does.
    std::optional<at::NoGradGuard> no_grad;
    if (!trainable_) no_grad.emplace();
    // 1. log-mel features, in float32 (float64 for float64 runs) like the reference
    const at::Tensor feats = spec_->forward(wave, dtype_ == at::kDouble ? at::kDouble : at::kFloat);
    // 2. backbone on the [B, 1, F, T] image
    at::Tensor x = backbone_->forward(feats.to(dtype_).unsqueeze(1), trace);  // [B, D, T]
    // 3. pooling, BatchNorm, projection to the embedding
    const at::Tensor pooled = pool_->forward(x);  // [B, pool_out]
    const at::Tensor pooled_bn = bn_->forward(pooled);
    at::Tensor out = linear_->forward(pooled_bn);  // [B, embed_dim]
    if (bn2_) out = bn2_->forward(out);
    if (trace) {
        trace->features = feats;
        trace->pooled = pooled;
        trace->pooled_bn = pooled_bn;
        trace->embedding = out;
    }
    if (cls_head_) out = cls_head_->forward(at::relu(out));
    return out;
}

void ReDimNet::set_compute_dtype(at::ScalarType dtype) {
    if (dtype != at::kFloat && dtype != at::kDouble && dtype != at::kBFloat16)
        throw ConfigError("speaker encoder: compute dtype must be float32, float64 or bfloat16");
    const at::ScalarType stats = dtype == at::kDouble ? at::kDouble : at::kFloat;
    at::NoGradGuard no_grad;
    for (const auto& item : named_modules()) {
        const std::string& name = item.key();
        if (name == "spec" || name.rfind("spec.", 0) == 0) continue;  // front-end: see forward
        const at::ScalarType want = keeps_stats_precision(*item.value()) ? stats : dtype;
        auto convert = [&](at::Tensor t) {
            if (at::isFloatingType(t.scalar_type()) && t.scalar_type() != want)
                t.set_data(t.to(want));
        };
        for (auto& p : item.value()->named_parameters(/*recurse=*/false))
            convert(p.value());
        for (auto& b : item.value()->named_buffers(/*recurse=*/false))
            convert(b.value());
    }
    dtype_ = dtype;
}

}  // namespace nava::speaker
