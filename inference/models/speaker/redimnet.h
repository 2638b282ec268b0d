// ReDimNet speaker encoder (the reference `ReDimNetWrap`): waveform -> mel front-end (`spec`)
// -> backbone of 2D/1D stages with dense learned aggregation (`backbone`) -> temporal pooling
// (`pool`) -> BatchNorm (`bn`) -> Linear (`linear`) -> embedding. Module names are the
// checkpoint keys, so `nava::io::load_state_dict` loads the reference weights strictly.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/speaker/mel_frontend.h"
#include "inference/models/speaker/pooling.h"
#include "inference/models/speaker/redimnet_blocks.h"
#include "inference/models/speaker/redimnet_config.h"
#include "inference/models/speaker/time_context.h"

namespace nava::speaker {

// Intermediate tensors of one forward pass (for parity checks and debugging).
struct ReDimNetTrace {
    at::Tensor features;             // [B, F, T]       front-end output
    at::Tensor stem;                 // [B, C·F, T]     stem output (1D view)
    std::vector<at::Tensor> stages;  // [B, C·F, T] each
    at::Tensor agg;                  // [B, C·F, T]     fin_wght1d mix (before mfa)
    at::Tensor pooled;               // [B, pool_out]   pooling output
    at::Tensor pooled_bn;            // [B, pool_out]   after bn
    at::Tensor embedding;            // [B, embed_dim]  linear (+ bn2) output
};

// One stage: mix of earlier outputs (`0`), stride conv (`2`), 2D blocks (`3`...), optional
// channel squeeze, optional TimeContextBlock1d. Reshape modules hold no parameters, so their
// indices are skipped like in the reference Sequential.
class ReDimNetStage : public nn::Module {
public:
    ReDimNetStage(const ReDimNetConfig& config, std::size_t stage_index, int64_t c_in,
                  int64_t f_in);
    at::Tensor forward(const std::vector<at::Tensor>& previous) const;  // -> [B, C·F, T]

    int64_t c_out() const { return c_out_; }
    int64_t f_out() const { return f_out_; }

private:
    int64_t c_in_, f_in_, c_out_, f_out_;
    std::shared_ptr<Weight1d> mix_;
    std::shared_ptr<nn::Conv> stride_conv_;
    std::vector<std::shared_ptr<ConvBlock2d>> blocks_;
    std::shared_ptr<SqueezeBlock2d> squeeze_;
    std::shared_ptr<TimeContextBlock1d> block_1d_;
};

class ReDimNetBackbone : public nn::Module {
public:
    explicit ReDimNetBackbone(const ReDimNetConfig& config);
    // features [B, 1, F, T] -> [B, out, T] (out = out_channels or C·F).
    at::Tensor forward(const at::Tensor& features, ReDimNetTrace* trace = nullptr) const;

private:
    std::shared_ptr<nn::Conv> stem_conv_;
    std::shared_ptr<ChannelLayerNorm> stem_norm_;
    std::vector<std::shared_ptr<ReDimNetStage>> stages_;
    std::shared_ptr<Weight1d> fin_wght1d_;
    std::shared_ptr<nn::Conv> mfa_conv_;  // out_channels only
    std::shared_ptr<BatchNorm> mfa_norm_;
};

class ReDimNet : public nn::Module {
public:
    explicit ReDimNet(const ReDimNetConfig& config);

    // wave: [B, N] at the front-end's sample rate (16 kHz). Returns [B, embed_dim] (or
    // [B, num_classes] when the config has a classifier head) in the model's compute dtype.
    at::Tensor forward(const at::Tensor& wave, ReDimNetTrace* trace = nullptr) const;

    // Converts parameters for execution in `dtype` (float32, float64 or bfloat16). Norm
    // parameters and mixing logits stay float32 (float64 for float64); the front-end buffers
    // stay float32 (float64 runs use exact float64 constants).
    void set_compute_dtype(at::ScalarType dtype);
    at::ScalarType compute_dtype() const { return dtype_; }
    // Training the encoder itself: forward() then records autograd (see records_grad()).
    void set_trainable(bool trainable) { trainable_ = trainable; }

    const ReDimNetConfig& config() const { return config_; }
    const MelBanks& frontend() const { return *spec_; }

private:
    ReDimNetConfig config_;
    at::ScalarType dtype_ = at::kFloat;
    bool trainable_ = false;
    std::shared_ptr<MelBanks> spec_;
    std::shared_ptr<ReDimNetBackbone> backbone_;
    std::shared_ptr<PoolingLayer> pool_;
    std::shared_ptr<BatchNorm> bn_;
    std::shared_ptr<nn::Linear> linear_;
    std::shared_ptr<BatchNorm> bn2_;        // emb_bn only
    std::shared_ptr<nn::Linear> cls_head_;  // num_classes only (`cls_head.2`)
};

}  // namespace nava::speaker
