#include "inference/models/t5/t5_encoder.h"

#include <cmath>
#include <limits>
#include <string>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"
#include "inference/io/state_dict.h"
#include "inference/io/tensor_source.h"

namespace nava::t5 {
namespace {

// The reference's tanh GELU. In bfloat16 it is evaluated op by op as the reference writes it, so
// every intermediate rounds to bfloat16 at the same places (the fixture's bf16 output is then
// reproduced exactly on the CPU); in wider types the fused kernel differs only by rounding.
at::Tensor gelu_tanh(const at::Tensor& x) {
    if (x.scalar_type() != at::kBFloat16) return at::gelu(x, "tanh");
    return 0.5 * x * (1.0 + at::tanh(std::sqrt(2.0 / M_PI) * (x + 0.044715 * at::pow(x, 3.0))));
}

// torch.finfo(dtype).min: the score a fully masked key gets.
double lowest_value(at::ScalarType type) {
    switch (type) {
        case at::kDouble:
            return std::numeric_limits<double>::lowest();
        case at::kHalf:
            return -65504.0;
        case at::kBFloat16:
            return -3.3895313892515355e38;  // -(2 - 2^-7) * 2^127
        default:
            return std::numeric_limits<float>::lowest();
    }
}

// Per sequence of a [B, L] mask: how many real tokens, and whether they are exactly the first
// ones (the tokenizer's right padding).
struct MaskLayout {
    std::vector<int64_t> lengths;
    std::vector<bool> prefix;
};

MaskLayout read_mask(const at::Tensor& mask) {
    const at::Tensor m = mask.to(at::kCPU).ne(0).contiguous();
    const auto a = m.accessor<bool, 2>();
    MaskLayout layout;
    for (int64_t b = 0; b < m.size(0); ++b) {
        int64_t count = 0;
        bool prefix = true;
        for (int64_t i = 0; i < m.size(1); ++i) {
            if (a[b][i]) {
                prefix = prefix && count == i;
                ++count;
            }
        }
        layout.lengths.push_back(count);
        layout.prefix.push_back(prefix);
    }
    return layout;
}

std::string shape_string(at::IntArrayRef shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Modules
// ---------------------------------------------------------------------------------------------

T5Attention::T5Attention(int64_t dim, int64_t dim_attn, int64_t h)
    : heads(h), head_dim(dim_attn / h) {
    q = register_module("q", std::make_shared<nn::Linear>(dim, dim_attn, false));
    k = register_module("k", std::make_shared<nn::Linear>(dim, dim_attn, false));
    v = register_module("v", std::make_shared<nn::Linear>(dim, dim_attn, false));
    o = register_module("o", std::make_shared<nn::Linear>(dim_attn, dim, false));
}

T5FeedForward::T5FeedForward(int64_t dim, int64_t dim_ffn) {
    gate = register_module("gate", std::make_shared<nn::IndexedModules>());
    gate_proj = gate->add(0, std::make_shared<nn::Linear>(dim, dim_ffn, false));
    fc1 = register_module("fc1", std::make_shared<nn::Linear>(dim, dim_ffn, false));
    fc2 = register_module("fc2", std::make_shared<nn::Linear>(dim_ffn, dim, false));
}

at::Tensor T5FeedForward::forward(const at::Tensor& x) const {
    return fc2->forward(fc1->forward(x) * gelu_tanh(gate_proj->forward(x)));
}

T5Block::T5Block(const T5Config& c, bool own_position_table) {
    norm1 = register_module("norm1", std::make_shared<nn::RMSNorm>(c.dim, c.eps));
    attn = register_module("attn", std::make_shared<T5Attention>(c.dim, c.dim_attn, c.heads));
    norm2 = register_module("norm2", std::make_shared<nn::RMSNorm>(c.dim, c.eps));
    ffn = register_module("ffn", std::make_shared<T5FeedForward>(c.dim, c.dim_ffn));
    if (own_position_table)
        pos_embedding = register_module("pos_embedding",
                                        std::make_shared<T5RelativeEmbedding>(c.buckets, c.heads));
}

T5Encoder::T5Encoder(const T5Config& c) : config_(c) {
    config_.validate("T5 config");
    token_embedding =
        register_module("token_embedding", std::make_shared<Embedding>(c.vocab, c.dim));
    blocks_list = register_module("blocks", std::make_shared<nn::IndexedModules>());
    for (int64_t i = 0; i < c.layers; ++i)
        blocks.push_back(blocks_list->add(static_cast<std::size_t>(i),
                                          std::make_shared<T5Block>(c, !c.shared_pos)));
    norm = register_module("norm", std::make_shared<nn::RMSNorm>(c.dim, c.eps));
    if (c.shared_pos)
        pos_embedding = register_module("pos_embedding",
                                        std::make_shared<T5RelativeEmbedding>(c.buckets, c.heads));
}

// ---------------------------------------------------------------------------------------------
// Forward passes
// ---------------------------------------------------------------------------------------------

at::Tensor T5Encoder::embed(const at::Tensor& ids) const {
    if (!at::isIntegralType(ids.scalar_type(), /*includeBool=*/false))
        throw Error("T5 encoder: token ids must be integers (found " +
                    std::string(c10::toString(ids.scalar_type())) + ")");
    const at::Tensor flat = ids.to(at::kCPU).to(at::kLong).reshape({-1});
    if (flat.numel() > 0) {
        const at::Tensor bad = at::logical_or(flat < 0, flat >= config_.vocab).nonzero();
        if (bad.numel() > 0) {
            const int64_t at_index = bad[0][0].item<int64_t>();
            throw Error("T5 encoder: token id " + std::to_string(flat[at_index].item<int64_t>()) +
                        " (flat position " + std::to_string(at_index) +
                        ") is outside the vocabulary of " + std::to_string(config_.vocab));
        }
    }
    return token_embedding->forward(ids.to(token_embedding->weight.device()).to(at::kLong));
}

at::Tensor T5Encoder::position_bias(int64_t layer, int64_t lq, int64_t lk) const {
    const auto& table = config_.shared_pos ? pos_embedding : blocks.at(layer)->pos_embedding;
    const at::Tensor ids =
        relative_position_buckets(lq, lk, config_.buckets, config_.max_dist, config_.bidirectional,
                                  table->embedding->weight.device());
    return table->bias(ids);
}

at::Tensor T5Encoder::attention(const T5Attention& attn, const at::Tensor& x,
                                const std::vector<T5Segment>& segments,
                                const at::Tensor& bias) const {
    const int64_t heads = attn.heads, head_dim = attn.head_dim;
    const auto compute = x.scalar_type();
    const auto softmax_type = compute == at::kDouble ? at::kDouble : at::kFloat;
    // 1. Projections of every packed row at once.
    const at::Tensor q = attn.q->forward(x);  // [T, A]
    const at::Tensor k = attn.k->forward(x);
    const at::Tensor v = attn.v->forward(x);

    // 2. Attention within each sequence.
    std::vector<at::Tensor> outs;
    outs.reserve(segments.size());
    for (const auto& seg : segments) {
        if (seg.rows == 0) continue;
        auto per_head = [&](const at::Tensor& rows) {  // [n, A] -> [heads, n, head_dim]
            return rows.view({rows.size(0), heads, head_dim}).transpose(0, 1);
        };
        const at::Tensor qs = per_head(q.narrow(0, seg.begin, seg.rows));
        at::Tensor ks = k.narrow(0, seg.begin, seg.rows);
        at::Tensor vs = v.narrow(0, seg.begin, seg.rows);
        at::Tensor scores;
        if (seg.key_positions.defined() || seg.keys > 0) {
            at::Tensor b = bias.narrow(1, 0, seg.rows);
            if (seg.key_positions.defined()) {
                ks = ks.index_select(0, seg.key_positions);
                vs = vs.index_select(0, seg.key_positions);
                b = b.index_select(2, seg.key_positions);
            } else {
                ks = ks.narrow(0, 0, seg.keys);
                vs = vs.narrow(0, 0, seg.keys);
                b = b.narrow(2, 0, seg.keys);
            }
            // Scores are not scaled by 1/sqrt(head_dim) (T5 folds that into the weights).
            scores = nava::matmul(qs, per_head(ks).transpose(1, 2)) + b;  // [heads, rows, keys]
        } else {
            // No real key: the reference gives every score the lowest value (replacing the
            // bias), which after softmax is uniform attention over all positions.
            scores = nava::matmul(qs, per_head(ks).transpose(1, 2)) + lowest_value(compute);
        }
        const at::Tensor probs = at::softmax(scores, -1, softmax_type).to(compute);
        const at::Tensor out = nava::matmul(probs, per_head(vs));  // [heads, rows, head_dim]
        outs.push_back(out.transpose(0, 1).reshape({seg.rows, heads * head_dim}));
    }
    at::Tensor context;
    if (outs.empty())
        context = at::empty({0, heads * head_dim}, x.options());
    else
        context = outs.size() == 1 ? outs[0] : at::cat(outs, 0);  // [T, A]

    // 3. Output projection.
    return attn.o->forward(context);  // [T, dim]
}

at::Tensor T5Encoder::forward_packed(const at::Tensor& input,
                                     const std::vector<T5Segment>& segments,
                                     std::vector<at::Tensor>* per_layer) const {
    at::NoGradGuard no_grad;
    int64_t max_len = 1;
    for (const auto& seg : segments)
        max_len = std::max(max_len, seg.rows);
    // Bucket ids depend only on the length: one [max_len, max_len] table serves every layer, and
    // every sequence uses its top-left corner.
    const at::Tensor bucket_ids = relative_position_buckets(
        max_len, max_len, config_.buckets, config_.max_dist, config_.bidirectional, input.device());
    at::Tensor shared_bias;
    if (config_.shared_pos) shared_bias = pos_embedding->bias(bucket_ids);

    at::Tensor x = input;  // [T, dim]
    for (const auto& block : blocks) {
        const at::Tensor bias =
            config_.shared_pos ? shared_bias : block->pos_embedding->bias(bucket_ids);  // [H, L, L]
        // 1. Self-attention with the relative-position bias.
        x = x + attention(*block->attn, block->norm1->forward(x), segments, bias);
        // 2. Gated-GELU feed-forward.
        x = x + block->ffn->forward(block->norm2->forward(x));
        if (per_layer) per_layer->push_back(x);
    }
    // 3. Final RMS norm.
    return norm->forward(x);  // [T, dim]
}

at::Tensor T5Encoder::forward(const at::Tensor& ids_in, const at::Tensor& mask_in,
                              T5Trace* trace) const {
    at::NoGradGuard no_grad;
    const at::Tensor ids = ids_in.dim() == 1 ? ids_in.unsqueeze(0) : ids_in;
    const at::Tensor mask = mask_in.dim() == 1 ? mask_in.unsqueeze(0) : mask_in;
    if (ids.dim() != 2 || ids.sizes() != mask.sizes())
        throw Error("T5 encoder: ids " + shape_string(ids_in.sizes()) + " and mask " +
                    shape_string(mask_in.sizes()) + " must both be [batch, length]");
    const int64_t batch = ids.size(0), length = ids.size(1), dim = config_.dim;
    const auto device = token_embedding->weight.device();

    // 1. Token embeddings, every position.
    const at::Tensor x = embed(ids);  // [B, L, dim]
    if (trace) trace->embed = x;

    // 2. One segment per sequence: all L rows are queries, the real tokens are the keys.
    const MaskLayout layout = read_mask(mask);
    const at::Tensor mask_cpu = mask.to(at::kCPU).ne(0);
    std::vector<T5Segment> segments;
    for (int64_t b = 0; b < batch; ++b) {
        T5Segment seg;
        seg.begin = b * length;
        seg.rows = length;
        seg.keys = layout.lengths[b];
        if (!layout.prefix[b]) seg.key_positions = mask_cpu[b].nonzero().reshape({-1}).to(device);
        segments.push_back(seg);
    }

    // 3. Blocks and final norm on the flattened batch.
    std::vector<at::Tensor> per_layer;
    const at::Tensor out =
        forward_packed(x.reshape({batch * length, dim}), segments, trace ? &per_layer : nullptr);
    if (trace) {
        trace->layers.clear();
        for (const auto& t : per_layer)
            trace->layers.push_back(t.view({batch, length, dim}));
    }
    return out.view({batch, length, dim});
}

std::vector<at::Tensor> T5Encoder::encode(const at::Tensor& ids_in,
                                          const at::Tensor& mask_in) const {
    at::NoGradGuard no_grad;
    const at::Tensor ids = ids_in.dim() == 1 ? ids_in.unsqueeze(0) : ids_in;
    const at::Tensor mask = mask_in.dim() == 1 ? mask_in.unsqueeze(0) : mask_in;
    if (ids.dim() != 2 || ids.sizes() != mask.sizes())
        throw Error("T5 encoder: ids " + shape_string(ids_in.sizes()) + " and mask " +
                    shape_string(mask_in.sizes()) + " must both be [batch, length]");
    const MaskLayout layout = read_mask(mask);
    const at::Tensor lengths = at::tensor(layout.lengths, at::kLong);
    bool all_prefix = true;
    for (bool p : layout.prefix)
        all_prefix = all_prefix && p;
    // A real token after a padded one changes the first seq_len rows through the keys: only
    // the full computation gives the reference's result then.
    if (!all_prefix) return trim_contexts(forward(ids, mask), lengths);

    // 1. Pack the real tokens of every sequence into one batch of rows.
    std::vector<at::Tensor> pieces;
    std::vector<T5Segment> segments;
    int64_t begin = 0;
    for (int64_t b = 0; b < ids.size(0); ++b) {
        const int64_t n = layout.lengths[b];
        pieces.push_back(ids[b].narrow(0, 0, n));
        T5Segment seg;
        seg.begin = begin;
        seg.rows = n;
        seg.keys = n;
        segments.push_back(seg);
        begin += n;
    }
    const at::Tensor x = embed(at::cat(pieces, 0));  // [T, dim]

    // 2. Blocks and final norm; each sequence's rows come back as a view.
    const at::Tensor out = forward_packed(x, segments);  // [T, dim]
    std::vector<at::Tensor> contexts;
    for (const auto& seg : segments)
        contexts.push_back(out.narrow(0, seg.begin, seg.rows));
    return contexts;
}

// ---------------------------------------------------------------------------------------------
// Loading and context helpers
// ---------------------------------------------------------------------------------------------

T5Config infer_t5_config(const io::TensorSource& weights, const T5Config& base) {
    const std::string label = weights.description();
    auto shape = [&](const std::string& key) {
        const auto meta = weights.info(key);
        if (!meta || meta->shape.size() != 2)
            throw FormatError(label + ": not a T5 encoder checkpoint (no 2-D tensor '" + key +
                              "')");
        return meta->shape;
    };
    T5Config c = base;
    const auto embedding = shape("token_embedding.weight");
    c.vocab = embedding[0];
    c.dim = embedding[1];
    c.dim_attn = shape("blocks.0.attn.q.weight")[0];
    c.dim_ffn = shape("blocks.0.ffn.fc1.weight")[0];
    int64_t layers = 0;
    while (weights.contains("blocks." + std::to_string(layers) + ".attn.q.weight"))
        ++layers;
    c.layers = layers;
    c.shared_pos = weights.contains("pos_embedding.embedding.weight");
    const auto table = shape(c.shared_pos ? "pos_embedding.embedding.weight"
                                          : "blocks.0.pos_embedding.embedding.weight");
    c.buckets = table[0];
    c.heads = table[1];
    c.validate(label);
    return c;
}

std::shared_ptr<T5Encoder> load_t5_encoder(const io::TensorSource& weights, const T5Config& config,
                                           at::ScalarType dtype, at::Device device,
                                           bool zero_copy) {
    // float16 is left out: the reference clamps infinities in that dtype, which is not mirrored.
    if (dtype != at::kFloat && dtype != at::kDouble && dtype != at::kBFloat16)
        throw Error(std::string("T5 encoder: cannot run in ") + c10::toString(dtype) +
                    " (float32, float64 or bfloat16)");
    auto model = std::make_shared<T5Encoder>(config);
    model->to(device);
    io::LoadOptions options;
    options.dtype = dtype;
    options.zero_copy = zero_copy && device.is_cpu();
    io::load_state_dict(*model, weights, options);
    for (auto& p : model->parameters())
        p.set_requires_grad(false);
    return model;
}

std::vector<at::Tensor> trim_contexts(const at::Tensor& hidden, const at::Tensor& seq_lens) {
    const at::Tensor lens = seq_lens.to(at::kCPU).to(at::kLong).reshape({-1});
    if (hidden.dim() != 3 || lens.size(0) != hidden.size(0))
        throw Error("trim_contexts: hidden " + shape_string(hidden.sizes()) + " and seq_lens " +
                    shape_string(seq_lens.sizes()) + " do not match");
    std::vector<at::Tensor> out;
    for (int64_t b = 0; b < hidden.size(0); ++b) {
        const int64_t n = lens[b].item<int64_t>();
        if (n < 0 || n > hidden.size(1))
            throw Error("trim_contexts: sequence length " + std::to_string(n) + " outside [0, " +
                        std::to_string(hidden.size(1)) + "]");
        out.push_back(hidden[b].narrow(0, 0, n));
    }
    return out;
}

at::Tensor pad_contexts(const std::vector<at::Tensor>& contexts, int64_t text_len) {
    if (contexts.empty()) throw Error("pad_contexts: no contexts given");
    const at::Tensor& first = contexts.front();
    const int64_t dim = first.size(-1);
    at::Tensor out = at::zeros({static_cast<int64_t>(contexts.size()), text_len, dim},
                               first.options());  // [B, text_len, dim]
    for (std::size_t b = 0; b < contexts.size(); ++b) {
        const at::Tensor& c = contexts[b];
        if (c.dim() != 2 || c.size(1) != dim)
            throw Error("pad_contexts: context " + std::to_string(b) + " has shape " +
                        shape_string(c.sizes()) + ", expected [n, " + std::to_string(dim) + "]");
        if (c.size(0) > text_len)
            throw Error("pad_contexts: context " + std::to_string(b) + " has " +
                        std::to_string(c.size(0)) + " rows, more than text_len " +
                        std::to_string(text_len));
        out[static_cast<int64_t>(b)].narrow(0, 0, c.size(0)).copy_(c);
    }
    return out;
}

}  // namespace nava::t5
