// T5 relative-position buckets and the learned per-head bias built from them.
#pragma once

#include <cstdint>
#include <memory>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"

namespace nava::t5 {

// Bucket id of every relative distance in `rel_pos` (int64, key position minus query position),
// with the reference arithmetic (the logarithmic part in float32, truncated toward zero), so ids
// agree exactly at the bucket boundaries. Bidirectional: half the buckets per direction, the
// upper half for keys after the query. Within a direction, distances below half its buckets map
// to themselves; larger ones grow logarithmically up to `max_dist` and are then capped.
at::Tensor relative_position_bucket(const at::Tensor& rel_pos, int64_t buckets, int64_t max_dist,
                                    bool bidirectional);

// [lq, lk] bucket ids for queries at positions 0..lq-1 against keys at 0..lk-1.
at::Tensor relative_position_buckets(int64_t lq, int64_t lk, int64_t buckets, int64_t max_dist,
                                     bool bidirectional, at::Device device = at::kCPU);

// A lookup table (torch.nn.Embedding's parameter layout: `weight` [count, dim]).
class Embedding : public nn::Module {
public:
    Embedding(int64_t count, int64_t dim);
    // ids (int64, any shape) -> [..., dim]; ids must lie in [0, count) (checked by callers).
    at::Tensor forward(const at::Tensor& ids) const;

    int64_t count;
    int64_t dim;
    at::Tensor weight;  // [count, dim]
};

// One table of per-head biases indexed by bucket (`embedding.weight` [buckets, heads]).
class T5RelativeEmbedding : public nn::Module {
public:
    T5RelativeEmbedding(int64_t buckets, int64_t heads);
    // bucket ids [lq, lk] -> bias [heads, lq, lk] in the table's dtype, laid out per head so
    // attention scores [heads, lq, lk] add it without a permute.
    at::Tensor bias(const at::Tensor& bucket_ids) const;

    int64_t buckets;
    int64_t heads;
    std::shared_ptr<Embedding> embedding;
};

}  // namespace nava::t5
