#include "inference/models/t5/relative_position.h"

#include <cmath>

#include <ATen/ATen.h>

namespace nava::t5 {

at::Tensor relative_position_bucket(const at::Tensor& rel_pos, int64_t buckets, int64_t max_dist,
                                    bool bidirectional) {
    // 1. Direction: bidirectional tables give keys after the query their own half.
    int64_t per_direction = buckets;
    at::Tensor result;
    at::Tensor distance;
    if (bidirectional) {
        per_direction = buckets / 2;
        result = (rel_pos > 0).to(at::kLong) * per_direction;
        distance = rel_pos.abs();
    } else {
        // Only keys at or before the query are distinguished; later keys share bucket 0.
        result = at::zeros_like(rel_pos);
        distance = -at::clamp_max(rel_pos, 0);
    }
    // 2. Small distances are exact; larger ones are logarithmic in float32 (as the reference
    //    computes them) and capped at the direction's last bucket. Distance 0 takes the exact
    //    branch, so log(0) never reaches the result.
    const int64_t max_exact = per_direction / 2;
    const double log_range =
        std::log(static_cast<double>(max_dist) / static_cast<double>(max_exact));
    at::Tensor large =
        (at::log(distance.to(at::kFloat) / max_exact) / log_range * (per_direction - max_exact))
            .to(at::kLong) +
        max_exact;
    large = at::clamp_max(large, per_direction - 1);
    return result + at::where(distance < max_exact, distance, large);
}

at::Tensor relative_position_buckets(int64_t lq, int64_t lk, int64_t buckets, int64_t max_dist,
                                     bool bidirectional, at::Device device) {
    const auto options = at::TensorOptions().dtype(at::kLong).device(device);
    const at::Tensor rel =
        at::arange(lk, options).unsqueeze(0) - at::arange(lq, options).unsqueeze(1);
    return relative_position_bucket(rel, buckets, max_dist, bidirectional);  // [lq, lk]
}

Embedding::Embedding(int64_t n, int64_t d) : count(n), dim(d) {
    weight = register_parameter("weight", nn::zero_parameter({n, d}));
}

at::Tensor Embedding::forward(const at::Tensor& ids) const {
    return at::embedding(weight, ids);
}

T5RelativeEmbedding::T5RelativeEmbedding(int64_t b, int64_t h) : buckets(b), heads(h) {
    embedding = register_module("embedding", std::make_shared<Embedding>(b, h));
}

at::Tensor T5RelativeEmbedding::bias(const at::Tensor& bucket_ids) const {
    const int64_t lq = bucket_ids.size(0), lk = bucket_ids.size(1);
    // Gathering columns of the transposed table writes the result directly as [heads, lq, lk].
    const at::Tensor per_head = embedding->weight.t().contiguous();  // [heads, buckets]
    return per_head.index_select(1, bucket_ids.reshape({-1})).view({heads, lq, lk});
}

}  // namespace nava::t5
