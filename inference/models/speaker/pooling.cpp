#include "inference/models/speaker/pooling.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/speaker/redimnet_blocks.h"

namespace nava::speaker {
namespace {

constexpr double kVarFloor = 1e-7;

// [Σ_t α·x | sqrt(max(Σ_t α·x² − μ², floor))] for weights α summing to one over time.
at::Tensor weighted_stats(const at::Tensor& x, const at::Tensor& alpha) {
    const at::Tensor mean = (alpha * x).sum(2);                      // [B, D]
    const at::Tensor var = (alpha * x.pow(2)).sum(2) - mean.pow(2);  // [B, D]
    return at::cat({mean, at::sqrt(var.clamp_min(kVarFloor))}, 1);   // [B, 2·D]
}

// Unbiased standard deviation over time with the reference's 1e-7 inside the root.
at::Tensor time_std(const at::Tensor& x, bool keepdim) {
    return at::sqrt(x.var({2}, /*unbiased=*/true, keepdim) + kVarFloor);
}

std::shared_ptr<nn::Conv> conv1x1(int64_t in, int64_t out) {
    return std::make_shared<nn::Conv>(1, in, out, std::vector<int64_t>{1});
}

}  // namespace

StatisticsPooling::StatisticsPooling(PoolingType type, int64_t in_dim)
    : type_(type), in_dim_(in_dim) {}

at::Tensor StatisticsPooling::forward(const at::Tensor& x) const {
    const at::Tensor xs = x.to(stats_dtype(x));
    at::Tensor out;
    switch (type_) {
        case PoolingType::kTAP:
            out = xs.mean(2);
            break;
        case PoolingType::kTMAP:
            out = std::get<0>(xs.max(2)) + xs.mean(2);
            break;
        case PoolingType::kTSDP:
            out = time_std(xs, false);
            break;
        default:  // TSTP
            out = at::cat({xs.mean(2), time_std(xs, false)}, 1);
            break;
    }
    return out.to(x.scalar_type());
}

int64_t StatisticsPooling::out_dim() const {
    return type_ == PoolingType::kTSTP ? 2 * in_dim_ : in_dim_;
}

AttentiveStatsPooling::AttentiveStatsPooling(int64_t in_dim, bool global_context_att,
                                             int64_t bottleneck)
    : in_dim_(in_dim), global_context_att_(global_context_att) {
    linear1_ =
        register_module("linear1", conv1x1(global_context_att ? 3 * in_dim : in_dim, bottleneck));
    linear2_ = register_module("linear2", conv1x1(bottleneck, in_dim));
}

at::Tensor AttentiveStatsPooling::forward(const at::Tensor& x) const {
    const auto st = stats_dtype(x);
    // 1. attention input: the frames, optionally with the utterance mean and std beside them
    at::Tensor x_in = x;
    if (global_context_att_) {
        const at::Tensor xs = x.to(st);
        const at::Tensor mean = xs.mean(2, /*keepdim=*/true).expand_as(xs);
        const at::Tensor std = time_std(xs, true).expand_as(xs);
        x_in = at::cat({xs, mean, std}, 1).to(x.scalar_type());  // [B, 3·D, T]
    }
    // 2. per-channel attention over time
    const at::Tensor logits =
        pointwise_conv(*linear2_, pointwise_conv(*linear1_, x_in).tanh());  // [B, D, T]
    const at::Tensor alpha = at::softmax(logits.to(st), 2);
    // 3. weighted mean and std
    return weighted_stats(x.to(st), alpha).to(x.scalar_type());  // [B, 2·D]
}

MultiHeadAttentivePooling::MultiHeadAttentivePooling(int64_t in_dim, int64_t layers, int64_t heads,
                                                     int64_t d_s, int64_t bottleneck)
    : in_dim_(in_dim), heads_(heads) {
    if (in_dim % heads != 0)
        throw ConfigError("MHASTP: input width " + std::to_string(in_dim) +
                          " is not divisible by " + std::to_string(heads) + " heads");
    const int64_t d_model = in_dim / heads;
    std::vector<int64_t> dims(static_cast<std::size_t>(layers + 1), bottleneck);
    dims.front() = d_model;
    dims.back() = d_s > 1 ? d_model : 1;  // one score per frame, or one per channel
    auto list = register_module("heads_att_trans", std::make_shared<nn::IndexedModules>());
    for (int64_t h = 0; h < heads; ++h) {
        auto head = list->add(static_cast<std::size_t>(h), std::make_shared<nn::Module>());
        std::vector<std::shared_ptr<nn::Conv>> convs;
        for (int64_t i = 0; i < layers; ++i) {
            const auto k = static_cast<std::size_t>(i);
            convs.push_back(
                head->register_module("att_" + std::to_string(i), conv1x1(dims[k], dims[k + 1])));
        }
        att_.push_back(std::move(convs));
    }
}

at::Tensor MultiHeadAttentivePooling::forward(const at::Tensor& x) const {
    const auto st = stats_dtype(x);
    const std::vector<at::Tensor> chunks = x.chunk(heads_, 1);  // heads x [B, D/H, T]
    std::vector<at::Tensor> outs;
    for (std::size_t h = 0; h < chunks.size(); ++h) {
        at::Tensor score = chunks[h];
        for (std::size_t i = 0; i < att_[h].size(); ++i) {
            score = pointwise_conv(*att_[h][i], score);
            if (i + 1 < att_[h].size()) score = score.tanh();
        }
        const at::Tensor alpha = at::softmax(score.to(st), -1);  // [B, 1 | D/H, T]
        outs.push_back(weighted_stats(chunks[h].to(st), alpha));
    }
    return at::cat(outs, 1).to(x.scalar_type());
}

MultiQueryPooling::MultiQueryPooling(int64_t in_dim, int64_t queries) {
    auto list = register_module("n_query", std::make_shared<nn::IndexedModules>());
    for (int64_t q = 0; q < queries; ++q)
        queries_.push_back(
            list->add(static_cast<std::size_t>(q), std::make_shared<MultiHeadAttentivePooling>(
                                                       in_dim, /*layers=*/2, /*heads=*/8, /*d_s=*/2,
                                                       /*bottleneck=*/64)));
}

at::Tensor MultiQueryPooling::forward(const at::Tensor& x) const {
    std::vector<at::Tensor> outs;
    for (const auto& q : queries_)
        outs.push_back(q->forward(x));
    return at::cat(outs, -1);
}

int64_t MultiQueryPooling::out_dim() const {
    int64_t n = 0;
    for (const auto& q : queries_)
        n += q->out_dim();
    return n;
}

std::shared_ptr<PoolingLayer> make_pooling(PoolingType type, int64_t in_dim,
                                           bool global_context_att) {
    switch (type) {
        case PoolingType::kASTP:
            return std::make_shared<AttentiveStatsPooling>(in_dim, global_context_att);
        case PoolingType::kMHASTP:
            return std::make_shared<MultiHeadAttentivePooling>(in_dim);
        case PoolingType::kMQMHASTP:
            return std::make_shared<MultiQueryPooling>(in_dim);
        default:
            return std::make_shared<StatisticsPooling>(type, in_dim);
    }
}

}  // namespace nava::speaker
