// The transformer blocks of the DiT: alignment ("double") blocks with modality-specific
// projections and one joint self-attention over [video; audio], fusion ("single") blocks with
// shared weights, and the output heads.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/dit/dit_config.h"
#include "inference/models/dit/rope.h"

namespace nava::dit {

// Callback receiving named intermediates (tests and debugging); null in normal runs.
using Probe = std::function<void(const std::string& name, const at::Tensor& value)>;

// Bookkeeping of the packed sequence [video (Lv rows) | audio (La rows)], shared by all blocks.
struct SequenceLayout {
    int64_t video_len = 0;
    int64_t audio_len = 0;
    // Additive-free boolean key masks (true = valid key), undefined when nothing is padded.
    at::Tensor joint_keys;  // [B, 1, 1, Lv + La]
    at::Tensor video_keys;  // [B, 1, 1, Lv]
    at::Tensor audio_keys;  // [B, 1, 1, La]
    int64_t total() const { return video_len + audio_len; }
};

// Per-token time conditioning of the packed sequence. Tokens share one row per sample, except
// the first latent frame's video tokens in image-to-video mode, which use the t = 0 row.
struct TimeConditioning {
    at::Tensor e0;        // [Bt, 1, 6, D] time_projection rows
    at::Tensor e;         // [Bt, 1, D] time_embedding rows (used by the heads)
    at::Tensor e0_clean;  // [Bt, 1, 6, D] rows for t = 0, or undefined
    at::Tensor e_clean;   // [Bt, 1, D]
    at::Tensor clean;     // [B, Lv + La, 1] bool: token uses the t = 0 rows

    // (table[k] + e0[k]) for rows [start, start + len), broadcastable to [B, len, D].
    at::Tensor modulation(const at::Tensor& table, int64_t slot, int64_t start, int64_t len) const;
    // (table[k] + e) for the heads.
    at::Tensor head_modulation(const at::Tensor& table, int64_t slot, int64_t start,
                               int64_t len) const;
};

struct BlockInputs {
    const SequenceLayout* layout = nullptr;
    const TimeConditioning* time = nullptr;
    const RopeTables* rope = nullptr;
    at::Tensor context;             // [B, text_len, D]
    bool modality_masking = false;  // every sample
    // Per-sample masking (int64 indices of the masked samples) when only some samples of the
    // batch are masked (guidance passes batched together); undefined otherwise.
    at::Tensor masked_samples;
    at::Tensor joint_samples;
    const Probe* probe = nullptr;
    std::string probe_prefix;
};

// q / k / v / o projections with optional RMS q-k norms (over the whole width), registered in
// `parent` as q{suffix}, k{suffix}, ..., norm_q{suffix}, norm_k{suffix}.
struct Projections {
    Projections(const DitConfig& config, const std::string& suffix, nn::Module& parent);
    std::shared_ptr<nn::Linear> q, k, v, o;
    std::shared_ptr<nn::RMSNorm> norm_q, norm_k;  // null without qk_norm

    at::Tensor query(const at::Tensor& x) const;
    at::Tensor key(const at::Tensor& x) const;
};

class DoubleBlock : public nn::Module {
public:
    explicit DoubleBlock(const DitConfig& config);
    at::Tensor forward(const at::Tensor& x, const BlockInputs& in) const;

private:
    DitConfig config_;
    std::shared_ptr<nn::Module> self_attn_, cross_attn_;
    std::unique_ptr<Projections> sa_video_, sa_audio_, ca_video_, ca_audio_;
    std::shared_ptr<nn::LayerNorm> norm3_, norm3_audio_;
    std::shared_ptr<nn::IndexedModules> ffn_, ffn_audio_;
    std::shared_ptr<nn::Linear> ffn_in_, ffn_out_, ffn_audio_in_, ffn_audio_out_;
    at::Tensor modulation_, modulation_audio_;  // [1, 6, D]
};

class SingleBlock : public nn::Module {
public:
    explicit SingleBlock(const DitConfig& config);
    at::Tensor forward(const at::Tensor& x, const BlockInputs& in) const;

private:
    DitConfig config_;
    std::shared_ptr<nn::Module> self_attn_, cross_attn_;
    std::unique_ptr<Projections> sa_, ca_;
    std::shared_ptr<nn::LayerNorm> norm3_;
    std::shared_ptr<nn::IndexedModules> ffn_;
    std::shared_ptr<nn::Linear> ffn_in_, ffn_out_;
    at::Tensor modulation_;  // [1, 6, D]
};

// Output head: LN(x)·(1 + scale) + shift with (table + e), then Linear(D -> out).
class Head : public nn::Module {
public:
    Head(int64_t dim, int64_t out_dim, double eps);
    at::Tensor forward(const at::Tensor& x, const TimeConditioning& time, int64_t start) const;

    at::Tensor modulation;  // [1, 2, D]

private:
    double eps_;
    std::shared_ptr<nn::Linear> head_;
};

}  // namespace nava::dit
