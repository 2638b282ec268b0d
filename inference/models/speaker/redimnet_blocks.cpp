#include "inference/models/speaker/redimnet_blocks.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"

namespace nava::speaker {
namespace {

int64_t groups_for(int64_t channels, const std::optional<int64_t>& group_divisor) {
    return group_divisor ? channels / *group_divisor : 1;
}

// Shape [C, 1, 1, ...] that broadcasts a per-channel vector over x = [B, C, ...].
std::vector<int64_t> channel_shape(const at::Tensor& x, int64_t channels) {
    std::vector<int64_t> shape(static_cast<std::size_t>(x.dim() - 1), 1);
    shape[0] = channels;
    return shape;
}

}  // namespace

at::ScalarType stats_dtype(const at::Tensor& x) {
    return x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
}

bool records_grad() {
    return at::GradMode::is_enabled();
}

at::Tensor add_(at::Tensor y, const at::Tensor& x) {
    return records_grad() ? y + x : y.add_(x);
}

at::Tensor activate_(at::Tensor x, Activation act) {
    if (records_grad()) return act == Activation::kGelu ? at::gelu(x) : at::relu(x);
    return act == Activation::kGelu ? at::gelu_(x) : at::relu_(x);
}

at::Tensor batched_affine(const at::Tensor& w, const at::Tensor& bias, const at::Tensor& x) {
    const int64_t batch = x.size(0);
    if (records_grad()) {
        const at::Tensor y = nava::matmul(w, x);
        return bias.defined() ? y + bias.view({-1, 1}) : y;
    }
    at::Tensor y = at::empty({batch, w.size(0), x.size(2)}, x.options());
    // One GEMM per batch row: a broadcast 2D x 3D matmul takes a slow small-matrix path on the
    // CPU (measured 40x slower than addmm for 16 x 16 weights).
    // The bias is added afterwards: addmm would first copy the broadcast bias into the output
    // with a slow strided copy.
    for (int64_t b = 0; b < batch; ++b) {
        at::Tensor out = y[b];
        nava::mm_out(out, w, x[b]);
    }
    if (bias.defined()) y.add_(bias.view({-1, 1}));
    return y;
}

at::Tensor pointwise_conv(const nn::Conv& conv, const at::Tensor& x) {
    const int64_t out = conv.weight.size(0), in = conv.weight.size(1);
    const at::Tensor y =
        batched_affine(conv.weight.view({out, in}), conv.bias, x.reshape({x.size(0), in, -1}));
    auto shape = x.sizes().vec();
    shape[1] = out;
    return y.view(shape);  // [B, O, ...]
}

// ---------------------------------------------------------------------------------------------

BatchNorm::BatchNorm(int64_t c, double e) : channels(c), eps(e) {
    weight = register_parameter("weight", at::ones({c}));
    bias = register_parameter("bias", at::zeros({c}));
    running_mean = register_buffer("running_mean", at::zeros({c}));
    running_var = register_buffer("running_var", at::ones({c}));
    num_batches_tracked = register_buffer("num_batches_tracked", at::zeros({}, at::kLong));
}

at::Tensor BatchNorm::forward(const at::Tensor& x) const {
    const auto st = stats_dtype(x);
    // Batch statistics only while training the encoder (they update the running ones).
    const bool batch_stats = records_grad() && is_training() && st == running_mean.scalar_type();
    const at::Tensor y =
        at::batch_norm(x.to(st), weight.to(st), bias.to(st), running_mean.to(st),
                       running_var.to(st), /*training=*/batch_stats, /*momentum=*/0.1, eps,
                       /*cudnn_enabled=*/true);
    return y.to(x.scalar_type());
}

ChannelLayerNorm::ChannelLayerNorm(int64_t c, double e) : channels(c), eps(e) {
    weight = register_parameter("weight", at::ones({c}));
    bias = register_parameter("bias", at::zeros({c}));
}

at::Tensor ChannelLayerNorm::forward(const at::Tensor& x) const {
    const auto st = stats_dtype(x);
    const at::Tensor xs = x.to(st);
    // 1. mean and biased variance over the channel axis
    at::Tensor y = xs - xs.mean(1, /*keepdim=*/true);
    const at::Tensor var = y.square().mean(1, /*keepdim=*/true);
    // 2. normalise, then the per-channel affine map (in place on the fresh centred tensor)
    const auto shape = channel_shape(x, channels);
    if (records_grad())
        y = y / at::sqrt(var + eps) * weight.to(st).view(shape) + bias.to(st).view(shape);
    else
        y.div_(at::sqrt(var + eps)).mul_(weight.to(st).view(shape)).add_(bias.to(st).view(shape));
    return y.to(x.scalar_type());
}

Weight1d::Weight1d(int64_t count, int64_t channels) : n(count) {
    w = register_parameter("w", at::zeros({1, count, channels, 1}));
}

at::Tensor Weight1d::forward(const std::vector<at::Tensor>& xs) const {
    if (static_cast<int64_t>(xs.size()) != n)
        throw Error("weigth1d: expected " + std::to_string(n) + " inputs, got " +
                    std::to_string(xs.size()));
    const auto st = stats_dtype(xs[0]);
    const at::Tensor p = at::softmax(w.to(st), 1);  // [1, N, C|1, 1]
    // Accumulated in float32 or wider: the weights sum to one, every input is O(1).
    at::Tensor acc = xs[0].to(st) * p.select(1, 0);  // [B, C, T]
    for (int64_t i = 1; i < n; ++i)
        acc = records_grad() ? acc + xs[static_cast<std::size_t>(i)].to(st) * p.select(1, i)
                             : acc.addcmul_(xs[static_cast<std::size_t>(i)].to(st), p.select(1, i));
    return acc.to(xs[0].scalar_type());
}

// ---------------------------------------------------------------------------------------------

ConvNeXtLikeBlock::ConvNeXtLikeBlock(int64_t c, int dims, const std::vector<int64_t>& kernel_sizes,
                                     std::optional<int64_t> group_divisor, Activation a)
    : act(a) {
    auto list = register_module("dwconvs", std::make_shared<nn::IndexedModules>());
    for (std::size_t i = 0; i < kernel_sizes.size(); ++i) {
        const int64_t k = kernel_sizes[i];
        dwconvs.push_back(list->add(
            i,
            std::make_shared<nn::Conv>(dims, c, c, std::vector<int64_t>{k}, std::vector<int64_t>{1},
                                       std::vector<int64_t>{k / 2}, true, std::vector<int64_t>{},
                                       groups_for(c, group_divisor))));
    }
    const auto n = static_cast<int64_t>(kernel_sizes.size());
    norm = register_module("norm", std::make_shared<BatchNorm>(c * n, 1e-5));
    pwconv1 = register_module("pwconv1",
                              std::make_shared<nn::Conv>(dims, c * n, c, std::vector<int64_t>{1}));
}

at::Tensor ConvNeXtLikeBlock::forward(const at::Tensor& x) const {
    // 1. parallel grouped convs, concatenated along channels
    at::Tensor y;
    if (dwconvs.size() == 1) {
        y = dwconvs[0]->forward(x);
    } else {
        std::vector<at::Tensor> parts;
        for (const auto& conv : dwconvs)
            parts.push_back(conv->forward(x));
        y = at::cat(parts, 1);
    }
    // 2. norm, activation, pointwise conv, residual
    y = pointwise_conv(*pwconv1, activate_(norm->forward(y), act));
    return add_(y, x);
}

FwSEBlock::FwSEBlock(int64_t num_freq, int64_t num_feats) {
    squeeze = register_module("squeeze", std::make_shared<nn::Linear>(num_freq, num_feats));
    exitation = register_module("exitation", std::make_shared<nn::Linear>(num_feats, num_freq));
}

at::Tensor FwSEBlock::forward(const at::Tensor& x) const {
    at::Tensor gate = x.mean({1, 3});  // [B, F]
    gate = at::sigmoid(exitation->forward(at::relu(squeeze->forward(gate))));
    return x * gate.unsqueeze(1).unsqueeze(3);  // [B, C, F, T]
}

ResBasicBlock::ResBasicBlock(int64_t c, int64_t num_freq, int64_t se_channels,
                             std::optional<int64_t> group_divisor, bool use_fwse) {
    const int64_t groups = groups_for(c, group_divisor);
    auto conv3 = [&]() {
        return std::make_shared<nn::Conv>(2, c, c, std::vector<int64_t>{3}, std::vector<int64_t>{1},
                                          std::vector<int64_t>{1},
                                          /*bias=*/false, std::vector<int64_t>{}, groups);
    };
    auto conv1x1 = [&]() { return std::make_shared<nn::Conv>(2, c, c, std::vector<int64_t>{1}); };
    conv1 = register_module("conv1", conv3());
    if (group_divisor) conv1pw = register_module("conv1pw", conv1x1());
    bn1 = register_module("bn1", std::make_shared<BatchNorm>(c, 1e-5));
    conv2 = register_module("conv2", conv3());
    if (group_divisor) conv2pw = register_module("conv2pw", conv1x1());
    bn2 = register_module("bn2", std::make_shared<BatchNorm>(c, 1e-5));
    if (use_fwse) se = register_module("se", std::make_shared<FwSEBlock>(num_freq, se_channels));
}

at::Tensor ResBasicBlock::forward(const at::Tensor& x) const {
    // 1. grouped conv (+ pointwise), ReLU, then BN (the reference order)
    at::Tensor out = conv1->forward(x);
    if (conv1pw) out = pointwise_conv(*conv1pw, out);
    out = bn1->forward(activate_(out, Activation::kRelu));
    // 2. second conv pair, BN, optional frequency-wise gate
    out = conv2->forward(out);
    if (conv2pw) out = pointwise_conv(*conv2pw, out);
    out = bn2->forward(out);
    if (se) out = se->forward(out);
    // 3. residual and ReLU
    return activate_(add_(out, x), Activation::kRelu);
}

ConvBlock2d::ConvBlock2d(std::shared_ptr<ConvNeXtLikeBlock> block)
    : convnext_(register_module("conv_block", std::move(block))) {}

ConvBlock2d::ConvBlock2d(std::shared_ptr<ResBasicBlock> block)
    : resnet_(register_module("conv_block", std::move(block))) {}

at::Tensor ConvBlock2d::forward(const at::Tensor& x) const {
    return convnext_ ? convnext_->forward(x) : resnet_->forward(x);
}

SqueezeBlock2d::SqueezeBlock2d(int64_t in_channels, int64_t out_channels,
                               std::optional<int64_t> group_divisor, Activation a)
    : act(a) {
    conv =
        register_module("0", std::make_shared<nn::Conv>(
                                 2, in_channels, out_channels, std::vector<int64_t>{3},
                                 std::vector<int64_t>{1}, std::vector<int64_t>{1}, true,
                                 std::vector<int64_t>{}, groups_for(out_channels, group_divisor)));
    norm = register_module("1", std::make_shared<BatchNorm>(out_channels, 1e-6));
    pointwise = register_module(
        "3", std::make_shared<nn::Conv>(2, out_channels, out_channels, std::vector<int64_t>{1}));
}

at::Tensor SqueezeBlock2d::forward(const at::Tensor& x) const {
    return pointwise_conv(*pointwise, activate_(norm->forward(conv->forward(x)), act));
}

// ---------------------------------------------------------------------------------------------

at::Tensor to_1d(const at::Tensor& x) {
    const int64_t b = x.size(0), c = x.size(1), f = x.size(2), t = x.size(3);
    return x.permute({0, 2, 1, 3}).reshape({b, f * c, t});  // [B, f·c, T]
}

}  // namespace nava::speaker
