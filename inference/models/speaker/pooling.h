// Temporal pooling heads of ReDimNet (`pool`): frame features [B, D, T] -> one vector per
// utterance. ASTP (attentive statistics pooling) is the one the M model uses; the others are the
// reference's alternatives with the hyper-parameter defaults ReDimNetWrap leaves them.
// Attention logits and statistics are computed in float32 (float64 for float64 inputs).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/speaker/redimnet_config.h"

namespace nava::speaker {

class PoolingLayer : public nn::Module {
public:
    virtual at::Tensor forward(const at::Tensor& x) const = 0;  // [B, D, T] -> [B, out_dim()]
    virtual int64_t out_dim() const = 0;
};

// TAP (mean), TMAP (max + mean), TSDP (std), TSTP ([mean | std]); std is unbiased + 1e-7.
class StatisticsPooling : public PoolingLayer {
public:
    StatisticsPooling(PoolingType type, int64_t in_dim);
    at::Tensor forward(const at::Tensor& x) const override;
    int64_t out_dim() const override;

private:
    PoolingType type_;
    int64_t in_dim_;
};

// ASTP: alpha = softmax_T(linear2(tanh(linear1(x_in)))), output [Σα·x | sqrt(Σα·x² − μ²)].
// With global context the attention input also carries the utterance mean and std.
class AttentiveStatsPooling : public PoolingLayer {
public:
    AttentiveStatsPooling(int64_t in_dim, bool global_context_att, int64_t bottleneck = 128);
    at::Tensor forward(const at::Tensor& x) const override;
    int64_t out_dim() const override { return 2 * in_dim_; }

private:
    int64_t in_dim_;
    bool global_context_att_;
    std::shared_ptr<nn::Conv> linear1_, linear2_;
};

// MHASTP: the channels are split into `heads` chunks, each with its own small attention MLP
// (`heads_att_trans.{h}.att_{i}`, tanh between layers).
class MultiHeadAttentivePooling : public PoolingLayer {
public:
    MultiHeadAttentivePooling(int64_t in_dim, int64_t layers = 2, int64_t heads = 2,
                              int64_t d_s = 1, int64_t bottleneck = 64);
    at::Tensor forward(const at::Tensor& x) const override;
    int64_t out_dim() const override { return 2 * in_dim_; }

private:
    int64_t in_dim_, heads_;
    std::vector<std::vector<std::shared_ptr<nn::Conv>>> att_;  // per head, per layer
};

// MQMHASTP: several MHASTP "queries" (`n_query.{q}`) concatenated.
class MultiQueryPooling : public PoolingLayer {
public:
    MultiQueryPooling(int64_t in_dim, int64_t queries = 2);
    at::Tensor forward(const at::Tensor& x) const override;
    int64_t out_dim() const override;

private:
    std::vector<std::shared_ptr<MultiHeadAttentivePooling>> queries_;
};

std::shared_ptr<PoolingLayer> make_pooling(PoolingType type, int64_t in_dim,
                                           bool global_context_att);

}  // namespace nava::speaker
