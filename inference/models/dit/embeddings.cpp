#include "inference/models/dit/embeddings.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::dit {

// ---------------------------------------------------------------------------------------------
// Audio embedding
// ---------------------------------------------------------------------------------------------

AudioEmbedding::AudioEmbedding(int64_t in_dim, int64_t dim, int64_t hidden) {
    conv_ = add(0, std::make_shared<nn::Conv>(1, in_dim, dim, std::vector<int64_t>{7},
                                              std::vector<int64_t>{1}, std::vector<int64_t>{3}));
    auto mlp = std::make_shared<nn::Module>();
    w1_ = mlp->register_module(
        "w1", std::make_shared<nn::Conv>(1, dim, hidden, std::vector<int64_t>{7},
                                         std::vector<int64_t>{1}, std::vector<int64_t>{3}, false));
    w2_ = mlp->register_module(
        "w2", std::make_shared<nn::Conv>(1, hidden, dim, std::vector<int64_t>{7},
                                         std::vector<int64_t>{1}, std::vector<int64_t>{3}, false));
    w3_ = mlp->register_module(
        "w3", std::make_shared<nn::Conv>(1, dim, hidden, std::vector<int64_t>{7},
                                         std::vector<int64_t>{1}, std::vector<int64_t>{3}, false));
    mlp_ = add(2, mlp);
}

at::Tensor AudioEmbedding::conv_in(const at::Tensor& audio) const {
    const at::Tensor x = audio.transpose(0, 1).unsqueeze(0);  // [1, C_a, L]
    return conv_->forward(x).squeeze(0).transpose(0, 1);      // [L, D]
}

at::Tensor AudioEmbedding::forward(const at::Tensor& audio) const {
    // 1. Input convolution and activation.  [1, C_a, L] -> [1, D, L]
    const at::Tensor z = at::silu(conv_->forward(audio.transpose(0, 1).unsqueeze(0)));
    // 2. Gated convolutional MLP.  [1, D, L] -> [1, hidden, L] -> [1, D, L]
    const at::Tensor gated = at::silu(w1_->forward(z)) * w3_->forward(z);
    return w2_->forward(gated).squeeze(0).transpose(0, 1);  // [L, D]
}

// ---------------------------------------------------------------------------------------------
// Text, time
// ---------------------------------------------------------------------------------------------

TextEmbedding::TextEmbedding(int64_t text_dim, int64_t dim) {
    fc1_ = add(0, std::make_shared<nn::Linear>(text_dim, dim));
    fc2_ = add(2, std::make_shared<nn::Linear>(dim, dim));
}

at::Tensor TextEmbedding::forward(const at::Tensor& context) const {
    return fc2_->forward(at::gelu(fc1_->forward(context), "tanh"));
}

TimeEmbedding::TimeEmbedding(int64_t freq_dim, int64_t dim) {
    fc1_ = add(0, std::make_shared<nn::Linear>(freq_dim, dim));
    fc2_ = add(2, std::make_shared<nn::Linear>(dim, dim));
}

at::Tensor TimeEmbedding::forward(const at::Tensor& sinusoid) const {
    return fc2_->forward(at::silu(fc1_->forward(sinusoid)));
}

TimeProjection::TimeProjection(int64_t dim) {
    fc_ = add(1, std::make_shared<nn::Linear>(dim, 6 * dim));
}

at::Tensor TimeProjection::forward(const at::Tensor& e) const {
    return fc_->forward(at::silu(e));
}

at::Tensor timestep_sinusoid(const at::Tensor& t, int64_t freq_dim) {
    const int64_t half = freq_dim / 2;
    const at::Tensor td = t.to(at::kDouble).unsqueeze(-1);  // [..., 1]
    const at::Tensor freqs =
        at::pow(10000.0, -at::arange(half, at::TensorOptions().dtype(at::kDouble)) / half);
    const at::Tensor angles = td * freqs.to(td.device());  // [..., half]
    return at::cat({at::cos(angles), at::sin(angles)}, -1);
}

// ---------------------------------------------------------------------------------------------
// Speaker tokens and the context
// ---------------------------------------------------------------------------------------------

SpeakerTokens::SpeakerTokens(int64_t speaker_dim, int64_t dim) {
    net_ = register_module("net", std::make_shared<nn::IndexedModules>());
    in_norm_ = net_->add(0, std::make_shared<nn::LayerNorm>(speaker_dim, 1e-5));
    fc1_ = net_->add(1, std::make_shared<nn::Linear>(speaker_dim, dim));
    fc2_ = net_->add(3, std::make_shared<nn::Linear>(dim, dim));
    out_norm_ = register_module("out_norm", std::make_shared<nn::LayerNorm>(dim, 1e-5));
    null_token = register_parameter("null_token", nn::zero_parameter({1, dim}));
}

at::Tensor SpeakerTokens::forward(const at::Tensor& embeddings) const {
    const at::Tensor s = embeddings.to(fc1_->weight.scalar_type());
    // 1. MLP with normalisation on both sides.  [N, S] -> [N, D]
    const at::Tensor u =
        out_norm_->forward(fc2_->forward(at::silu(fc1_->forward(in_norm_->forward(s)))));
    // 2. "No reference voice" rows (all zero) take the learned null token. The test runs in
    //    float32 or wider, as the reference does.
    const auto stat = embeddings.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const at::Tensor empty = embeddings.to(stat).pow(2).sum(-1, /*keepdim=*/true).le(1e-6);
    return at::where(empty, null_token.expand_as(u), u);
}

ContextOutputs build_context(const TextEmbedding& text_embedding, const SpeakerTokens* speakers,
                             int64_t text_len, const ContextInputs& inputs, at::ScalarType dtype) {
    const int64_t batch = static_cast<int64_t>(inputs.contexts.size());
    if (batch == 0) throw Error("DiT: at least one text context is needed");
    // 1. Zero-pad every context to text_len rows.  [B, text_len, text_dim]
    std::vector<at::Tensor> padded;
    for (int64_t b = 0; b < batch; ++b) {
        const at::Tensor& c = inputs.contexts[b];
        if (c.dim() != 2 || c.size(0) > text_len)
            throw Error(
                "DiT: text context " + std::to_string(b) + " must have shape [L, text_dim] " +
                "with L <= " + std::to_string(text_len) + " (got rank " + std::to_string(c.dim()) +
                (c.dim() > 0 ? ", " + std::to_string(c.size(0)) + " rows)" : ")"));
        padded.push_back(at::constant_pad_nd(c.to(dtype), {0, 0, 0, text_len - c.size(0)}));
    }
    ContextOutputs out;
    // 2. Project (padding rows become the MLP's response to zeros; they are not masked).
    out.projected = text_embedding.forward(at::stack(padded));  // [B, text_len, D]
    out.context = out.projected;
    if (!speakers || !inputs.speaker_embeddings) return out;

    // 3. Speaker tokens, written over the placeholder rows.
    out.speaker_tokens = speakers->forward(*inputs.speaker_embeddings);  // [N, D]
    if (!inputs.speaker_positions) return out;
    std::vector<int64_t> rows;
    for (int64_t b = 0; b < batch && b < static_cast<int64_t>(inputs.speaker_positions->size());
         ++b) {
        for (int64_t p : (*inputs.speaker_positions)[b]) {
            if (p < 0 || p >= text_len)
                throw Error("DiT: speaker position " + std::to_string(p) +
                            " is outside the text context (" + std::to_string(text_len) + " rows)");
            rows.push_back(b * text_len + p);
        }
    }
    if (rows.empty()) return out;
    const int64_t n_tokens = out.speaker_tokens.size(0);
    const int64_t n_rows = static_cast<int64_t>(rows.size());
    at::Tensor tokens;
    if (n_tokens >= n_rows) {
        tokens = out.speaker_tokens.narrow(0, 0, n_rows);
    } else if (n_tokens == 1) {
        tokens = out.speaker_tokens.expand({n_rows, out.speaker_tokens.size(1)});
    } else {
        throw Error("DiT: " + std::to_string(n_tokens) + " speaker embeddings for " +
                    std::to_string(n_rows) +
                    " speaker positions: give one voice per span, or a single voice for all");
    }
    const int64_t dim = out.projected.size(2);
    at::Tensor flat = out.projected.reshape({batch * text_len, dim}).clone();
    const at::Tensor index =
        at::tensor(rows, at::TensorOptions().dtype(at::kLong)).to(flat.device());
    flat.index_copy_(0, index, tokens.to(flat.scalar_type()));
    out.context = flat.reshape({batch, text_len, dim});
    return out;
}

}  // namespace nava::dit
