// Input embeddings of the DiT: audio tokens, text context, timestep, speaker (timbre) tokens.
// Each class holds the parameters under the reference key names of its attribute.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"

namespace nava::dit {

// `patch_embedding_audio`: channel-last Conv1d(C_a -> D, k 7, pad 3) -> SiLU -> ConvMLP
// (W2 * (SiLU(W1 * z) ⊙ (W3 * z)), bias-free k 7 convolutions), all over the length axis.
class AudioEmbedding : public nn::IndexedModules {
public:
    AudioEmbedding(int64_t in_dim, int64_t dim, int64_t hidden);
    // [L, C_a] -> [L, D] for one sample (zero padding at both ends of the sample only).
    at::Tensor forward(const at::Tensor& audio) const;
    // The first convolution alone (debugging / tests). [L, C_a] -> [L, D]
    at::Tensor conv_in(const at::Tensor& audio) const;

private:
    std::shared_ptr<nn::Conv> conv_;
    std::shared_ptr<nn::Module> mlp_;
    std::shared_ptr<nn::Conv> w1_, w2_, w3_;
};

// `text_embedding`: Linear(text_dim -> D) -> GELU(tanh) -> Linear(D -> D).
class TextEmbedding : public nn::IndexedModules {
public:
    TextEmbedding(int64_t text_dim, int64_t dim);
    at::Tensor forward(const at::Tensor& context) const;  // [..., text_dim] -> [..., D]

private:
    std::shared_ptr<nn::Linear> fc1_, fc2_;
};

// `time_embedding`: Linear(freq_dim -> D) -> SiLU -> Linear(D -> D).
class TimeEmbedding : public nn::IndexedModules {
public:
    TimeEmbedding(int64_t freq_dim, int64_t dim);
    at::Tensor forward(const at::Tensor& sinusoid) const;

private:
    std::shared_ptr<nn::Linear> fc1_, fc2_;
};

// `time_projection`: SiLU -> Linear(D -> 6D).
class TimeProjection : public nn::IndexedModules {
public:
    explicit TimeProjection(int64_t dim);
    at::Tensor forward(const at::Tensor& e) const;

private:
    std::shared_ptr<nn::Linear> fc_;
};

// `speaker_embedding` (SpkToken): LayerNorm(S) -> Linear(S -> D) -> SiLU -> Linear(D -> D) ->
// LayerNorm(D) (both eps 1e-5, affine); rows whose input has squared norm <= 1e-6 ("no
// reference voice") become the learned `null_token`.
class SpeakerTokens : public nn::Module {
public:
    SpeakerTokens(int64_t speaker_dim, int64_t dim);
    at::Tensor forward(const at::Tensor& embeddings) const;  // [N, S] -> [N, D]

    at::Tensor null_token;  // [1, D]

private:
    std::shared_ptr<nn::IndexedModules> net_;
    std::shared_ptr<nn::LayerNorm> in_norm_, out_norm_;
    std::shared_ptr<nn::Linear> fc1_, fc2_;
};

// [cos(t·f_j), sin(t·f_j)] with f_j = 10000^(-j/half), computed in float64. t: any shape ->
// [..., freq_dim].
at::Tensor timestep_sinusoid(const at::Tensor& t, int64_t freq_dim);

// The text context the blocks cross-attend to: every context zero-padded to `text_len` rows,
// projected by `text_embedding`; then, when speaker embeddings are given, the rows at the
// speaker positions are overwritten with speaker tokens (k-th position pair in sample-major
// order gets the k-th token; a single token is broadcast to all positions; extra tokens are
// dropped; fewer than positions (but more than one) is an error).
struct ContextInputs {
    std::vector<at::Tensor> contexts;              // per sample [Lt_i, text_dim], unpadded
    std::optional<at::Tensor> speaker_embeddings;  // [N, S]
    std::optional<std::vector<std::vector<int64_t>>> speaker_positions;  // per sample
};
struct ContextOutputs {
    at::Tensor projected;       // [B, text_len, D] before speaker substitution
    at::Tensor speaker_tokens;  // [N, D] (undefined when no speaker embeddings)
    at::Tensor context;         // [B, text_len, D] what cross-attention sees
};
ContextOutputs build_context(const TextEmbedding& text_embedding, const SpeakerTokens* speakers,
                             int64_t text_len, const ContextInputs& inputs, at::ScalarType dtype);

}  // namespace nava::dit
