// Building blocks of ReDimNet: normalisations, the learned softmax mixing of earlier outputs,
// and the 2D convolution blocks. Parameter names follow the reference checkpoint.
//
// Precision: convolutions run in the activation dtype; normalisation statistics and the mixing
// softmax run in float32 (float64 for float64 inputs), so bfloat16 execution stays stable.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"

namespace nava::speaker {

// float64 for float64 tensors, float32 for everything else.
at::ScalarType stats_dtype(const at::Tensor& x);

enum class Activation { kGelu, kRelu };
// In place on `x` (a fresh temporary), returned for chaining.
at::Tensor activate_(at::Tensor x, Activation act);
// Whether autograd records now (training the encoder): the in-place shortcuts of inference are
// then replaced by their out-of-place forms, and BatchNorm uses batch statistics when its
// module is in training mode.
bool records_grad();
// y += x, in place unless autograd records.
at::Tensor add_(at::Tensor y, const at::Tensor& x);

// A 1x1 convolution (stride 1, no padding, one group; any dims) as one matrix product over the
// flattened spatial axes: the same arithmetic as `conv.forward(x)` without the im2col copy the
// CPU convolution makes for 1x1 kernels.
at::Tensor pointwise_conv(const nn::Conv& conv, const at::Tensor& x);

// y[b] = w·x[b] + bias for w [O, K], x [B, K, S], bias [O] or undefined -> [B, O, S].
at::Tensor batched_affine(const at::Tensor& w, const at::Tensor& bias, const at::Tensor& x);

// BatchNorm{1,2}d in eval mode (running statistics): weight, bias, running_mean, running_var,
// num_batches_tracked. Channel axis 1.
class BatchNorm : public nn::Module {
public:
    BatchNorm(int64_t channels, double eps);
    at::Tensor forward(const at::Tensor& x) const;

    int64_t channels;
    double eps;
    at::Tensor weight, bias, running_mean, running_var, num_batches_tracked;
};

// The reference `LayerNorm(data_format="channels_first")`: normalises over axis 1 at every other
// position of [B, C, ...].
class ChannelLayerNorm : public nn::Module {
public:
    ChannelLayerNorm(int64_t channels, double eps);
    at::Tensor forward(const at::Tensor& x) const;

    int64_t channels;
    double eps;
    at::Tensor weight, bias;
};

// `weigth1d`: softmax over N of logits w [1, N, C, 1] (C = 1 broadcasts), then the weighted sum
// of N maps [B, C, T].
class Weight1d : public nn::Module {
public:
    Weight1d(int64_t n, int64_t channels);
    at::Tensor forward(const std::vector<at::Tensor>& xs) const;

    int64_t n;
    at::Tensor w;
};

// ConvNeXt-like residual block (1D or 2D): parallel grouped convs (`dwconvs.i`, 'same' padding,
// groups = C // group_divisor) concatenated, BatchNorm, activation, 1x1 conv (`pwconv1`), plus
// the input.
class ConvNeXtLikeBlock : public nn::Module {
public:
    ConvNeXtLikeBlock(int64_t channels, int dims, const std::vector<int64_t>& kernel_sizes,
                      std::optional<int64_t> group_divisor, Activation act);
    at::Tensor forward(const at::Tensor& x) const;

    std::vector<std::shared_ptr<nn::Conv>> dwconvs;
    std::shared_ptr<BatchNorm> norm;
    std::shared_ptr<nn::Conv> pwconv1;
    Activation act;
};

// Frequency-wise squeeze-excitation: mean over channels and time, MLP over frequency, sigmoid
// gate per frequency row.
class FwSEBlock : public nn::Module {
public:
    FwSEBlock(int64_t num_freq, int64_t num_feats);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, F, T]

    std::shared_ptr<nn::Linear> squeeze, exitation;  // reference spelling
};

// ResNet basic block with grouped 3x3 convs followed by pointwise convs (input = output width).
class ResBasicBlock : public nn::Module {
public:
    ResBasicBlock(int64_t channels, int64_t num_freq, int64_t se_channels,
                  std::optional<int64_t> group_divisor, bool use_fwse);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<nn::Conv> conv1, conv1pw, conv2, conv2pw;  // pw: absent without groups
    std::shared_ptr<BatchNorm> bn1, bn2;
    std::shared_ptr<FwSEBlock> se;  // absent without fwSE
};

// `ConvBlock2d`: one of the 2D block kinds, registered as `conv_block`.
class ConvBlock2d : public nn::Module {
public:
    ConvBlock2d(std::shared_ptr<ConvNeXtLikeBlock> block);
    ConvBlock2d(std::shared_ptr<ResBasicBlock> block);
    at::Tensor forward(const at::Tensor& x) const;

private:
    std::shared_ptr<ConvNeXtLikeBlock> convnext_;
    std::shared_ptr<ResBasicBlock> resnet_;
};

// Squeezes expanded channels back (stages with conv_exp != 1): grouped 3x3 conv, BatchNorm
// (eps 1e-6), activation, 1x1 conv. Children "0", "1", "3" like the reference Sequential.
class SqueezeBlock2d : public nn::Module {
public:
    SqueezeBlock2d(int64_t in_channels, int64_t out_channels, std::optional<int64_t> group_divisor,
                   Activation act);
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<nn::Conv> conv;
    std::shared_ptr<BatchNorm> norm;
    std::shared_ptr<nn::Conv> pointwise;
    Activation act;
};

// The 2D view [B, c, f, T] flattened to the 1D view [B, f·c, T] (frequency-major: channel index
// f_index·c + c_index). The way back is folded into each stage's stride conv.
at::Tensor to_1d(const at::Tensor& x);

}  // namespace nava::speaker
