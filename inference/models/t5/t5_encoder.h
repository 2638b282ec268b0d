// The umT5 text encoder (Wan's port of the umT5 encoder that NAVA conditions on). Module and
// parameter names are the reference checkpoint's (`blocks.3.attn.q.weight`, ...), so
// `models_t5_umt5-xxl-enc-bf16.pth` loads by name.
//
// Math per block: x += o(attn(rms1(x))) with bias-free q/k/v/o, scores q·k WITHOUT 1/sqrt(d)
// scaling plus a learned relative-position bias per head, masked keys excluded, softmax in
// float32; then x += fc2(fc1(rms2(x)) * gelu_tanh(gate(rms2(x)))). A final RMS norm follows.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/t5/relative_position.h"
#include "inference/models/t5/t5_config.h"

namespace nava::io {
class TensorSource;
}

namespace nava::t5 {

class T5Attention : public nn::Module {
public:
    T5Attention(int64_t dim, int64_t dim_attn, int64_t heads);

    int64_t heads;
    int64_t head_dim;
    std::shared_ptr<nn::Linear> q, k, v, o;  // bias-free
};

class T5FeedForward : public nn::Module {
public:
    T5FeedForward(int64_t dim, int64_t dim_ffn);
    // fc2(fc1(x) * gelu_tanh(gate.0(x))); x: [..., dim]
    at::Tensor forward(const at::Tensor& x) const;

    std::shared_ptr<nn::IndexedModules> gate;  // "gate.0" = the gate projection (then GELU)
    std::shared_ptr<nn::Linear> gate_proj;
    std::shared_ptr<nn::Linear> fc1, fc2;
};

class T5Block : public nn::Module {
public:
    T5Block(const T5Config& config, bool own_position_table);

    std::shared_ptr<nn::RMSNorm> norm1, norm2;
    std::shared_ptr<T5Attention> attn;
    std::shared_ptr<T5FeedForward> ffn;
    std::shared_ptr<T5RelativeEmbedding> pos_embedding;  // null when the table is shared
};

// Intermediate activations of `T5Encoder::forward`, each [B, L, dim].
struct T5Trace {
    at::Tensor embed;                // token embeddings
    std::vector<at::Tensor> layers;  // residual stream after each block
};

// One sequence of a batch whose rows are packed into a [rows, dim] tensor (internal; public so
// tests can drive the attention with hand-made layouts).
struct T5Segment {
    int64_t begin = 0;  // first row in the packed tensor; queries are positions 0..rows-1
    int64_t rows = 0;
    // Keys it may attend to: positions 0..keys-1, or the positions in `key_positions` (int64,
    // on the model's device) when defined. No keys at all reproduces the reference's fully
    // masked row: every score gets the dtype's lowest value, i.e. uniform attention.
    int64_t keys = 0;
    at::Tensor key_positions;
};

class T5Encoder : public nn::Module {
public:
    explicit T5Encoder(const T5Config& config);

    const T5Config& config() const { return config_; }

    // The reference `T5Encoder.forward`: ids [B, L] (integer), mask [B, L] (nonzero = real token,
    // `</s>` included) -> [B, L, dim] in the parameters' dtype, padded rows included (they attend
    // to the real tokens only). Padded keys are left out of the attention instead of being
    // given the lowest score, which is the same softmax. Throws nava::Error for ids outside the
    // vocabulary or mismatched shapes. `trace` receives the embeddings and every block's output.
    at::Tensor forward(const at::Tensor& ids, const at::Tensor& mask,
                       T5Trace* trace = nullptr) const;

    // What the pipeline keeps: for each sequence its first seq_len = sum(mask) rows, [seq_len,
    // dim]. When every mask is a prefix (what the tokenizer produces) only the real tokens are
    // computed, packed into one batch; otherwise the full forward is trimmed.
    std::vector<at::Tensor> encode(const at::Tensor& ids, const at::Tensor& mask) const;

    // Position bias [heads, lq, lk] of one block (or of the shared table), for inspection.
    at::Tensor position_bias(int64_t layer, int64_t lq, int64_t lk) const;

    // Runs the blocks and the final norm on packed rows x [rows, dim] (tests and the two entry
    // points above). `per_layer` (optional) receives each block's output.
    at::Tensor forward_packed(const at::Tensor& x, const std::vector<T5Segment>& segments,
                              std::vector<at::Tensor>* per_layer = nullptr) const;

    std::shared_ptr<Embedding> token_embedding;
    std::shared_ptr<nn::IndexedModules> blocks_list;  // registered as "blocks"
    std::vector<std::shared_ptr<T5Block>> blocks;
    std::shared_ptr<nn::RMSNorm> norm;
    std::shared_ptr<T5RelativeEmbedding> pos_embedding;  // only with config.shared_pos

private:
    at::Tensor embed(const at::Tensor& ids) const;
    at::Tensor attention(const T5Attention& attn, const at::Tensor& x,
                         const std::vector<T5Segment>& segments, const at::Tensor& bias) const;

    T5Config config_;
};

// Sizes read from the tensors of a checkpoint (vocab, dim, dim_attn, dim_ffn, layers, heads,
// buckets, shared_pos); everything a checkpoint cannot tell (max_dist, eps, bidirectional,
// text_len, ids) is taken from `base`. Throws FormatError when the keys are not a T5 encoder's.
T5Config infer_t5_config(const io::TensorSource& weights, const T5Config& base = {});

// Builds the encoder and loads `weights` by name (strict), converting to `dtype` (float32,
// float64 or bfloat16) on `device`. `zero_copy` lets parameters alias a memory-mapped file when
// no conversion is needed.
std::shared_ptr<T5Encoder> load_t5_encoder(const io::TensorSource& weights, const T5Config& config,
                                           at::ScalarType dtype = at::kFloat,
                                           at::Device device = at::kCPU, bool zero_copy = false);

// Rows [0, seq_lens[b]) of each sequence of hidden [B, L, dim] (views, no copy).
std::vector<at::Tensor> trim_contexts(const at::Tensor& hidden, const at::Tensor& seq_lens);

// Stacks contexts [len_i, dim] into [B, text_len, dim], rows beyond len_i exactly zero (what the
// DiT receives). Throws when a context is longer than text_len.
at::Tensor pad_contexts(const std::vector<at::Tensor>& contexts, int64_t text_len);

}  // namespace nava::t5
