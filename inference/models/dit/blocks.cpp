#include "inference/models/dit/blocks.h"

#include <ATen/ATen.h>

#include "inference/core/torch_compat.h"

namespace nava::dit {
namespace {

// LayerNorm over the last dimension without affine parameters, statistics in float32 or wider.
at::Tensor plain_layer_norm(const at::Tensor& x, double eps) {
    const auto st = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    return at::layer_norm(x.to(st), {x.size(-1)}, {}, {}, eps).to(x.scalar_type());
}

at::Tensor maybe(const std::shared_ptr<nn::RMSNorm>& norm, const at::Tensor& x) {
    return norm ? norm->forward(x) : x;
}

// [B, L, D] -> [B, H, L, hd]
at::Tensor split_heads(const at::Tensor& x, int64_t heads) {
    return x.reshape({x.size(0), x.size(1), heads, -1}).transpose(1, 2);
}

// [B, H, L, hd] -> [B, L, D]
at::Tensor merge_heads(const at::Tensor& x) {
    return x.transpose(1, 2).reshape({x.size(0), x.size(2), -1});
}

std::optional<at::Tensor> mask_or_none(const at::Tensor& m) {
    return m.defined() ? std::optional<at::Tensor>(m) : std::nullopt;
}

void report(const BlockInputs& in, const std::string& name, const at::Tensor& value) {
    if (in.probe && *in.probe) (*in.probe)(in.probe_prefix + name, value);
}

at::Tensor select_samples(const at::Tensor& t, const at::Tensor& index) {
    return t.defined() ? t.index_select(0, index) : t;
}

// Attention of heads [B, H, L, hd] over the packed sequence, joint or modality-masked for all
// samples given. Key masks are [B, 1, 1, ...] (undefined without padding).
at::Tensor attend(const at::Tensor& qh, const at::Tensor& kh, const at::Tensor& vh,
                  const SequenceLayout& layout, const at::Tensor& joint_keys,
                  const at::Tensor& video_keys, const at::Tensor& audio_keys, bool masked) {
    if (!masked || layout.video_len == 0 || layout.audio_len == 0)
        return attention(qh, kh, vh, mask_or_none(joint_keys));
    const int64_t Lv = layout.video_len, La = layout.audio_len;
    const at::Tensor out_v = attention(qh.narrow(2, 0, Lv), kh.narrow(2, 0, Lv),
                                       vh.narrow(2, 0, Lv), mask_or_none(video_keys));
    const at::Tensor out_a = attention(qh.narrow(2, Lv, La), kh.narrow(2, Lv, La),
                                       vh.narrow(2, Lv, La), mask_or_none(audio_keys));
    return at::cat({out_v, out_a}, 2);
}

// Self-attention over the packed sequence. q, k, v: [B, L, D] (q, k normalised, not rotated).
// Joint: every query row attends to all valid rows of its sample. Masked: video rows attend only
// to valid video rows, audio rows only to valid audio rows.
at::Tensor self_attention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v,
                          const BlockInputs& in, int64_t heads) {
    const SequenceLayout& layout = *in.layout;
    const int64_t B = q.size(0), L = q.size(1);
    // 1. Heads and rotary embedding.  [B, L, H, hd]
    const at::Tensor qr = apply_rope(q.reshape({B, L, heads, -1}), *in.rope);
    const at::Tensor kr = apply_rope(k.reshape({B, L, heads, -1}), *in.rope);
    report(in, "q_rope", qr);
    report(in, "k_rope", kr);
    const at::Tensor qh = qr.transpose(1, 2), kh = kr.transpose(1, 2);  // [B, H, L, hd]
    const at::Tensor vh = split_heads(v, heads);
    // 2. Attention, per group of samples sharing the masking choice.
    if (!in.masked_samples.defined())
        return merge_heads(attend(qh, kh, vh, layout, layout.joint_keys, layout.video_keys,
                                  layout.audio_keys, in.modality_masking));
    at::Tensor out = at::empty_like(qh);
    for (const bool masked : {false, true}) {
        const at::Tensor& idx = masked ? in.masked_samples : in.joint_samples;
        if (idx.numel() == 0) continue;
        out.index_copy_(
            0, idx,
            attend(select_samples(qh, idx), select_samples(kh, idx), select_samples(vh, idx),
                   layout, select_samples(layout.joint_keys, idx),
                   select_samples(layout.video_keys, idx), select_samples(layout.audio_keys, idx),
                   masked));
    }
    return merge_heads(out);
}

// Text cross-attention: queries from the stream, keys and values from all context rows.
at::Tensor cross_attention(const Projections& p, const at::Tensor& x, const at::Tensor& context,
                           int64_t heads) {
    const at::Tensor q = split_heads(p.query(x), heads);
    const at::Tensor k = split_heads(p.key(context), heads);
    const at::Tensor v = split_heads(p.v->forward(context), heads);
    return p.o->forward(merge_heads(attention(q, k, v)));
}

std::shared_ptr<nn::IndexedModules> make_ffn(const DitConfig& c, std::shared_ptr<nn::Linear>* in,
                                             std::shared_ptr<nn::Linear>* out) {
    auto ffn = std::make_shared<nn::IndexedModules>();
    *in = ffn->add(0, std::make_shared<nn::Linear>(c.dim, c.ffn_dim));
    *out = ffn->add(2, std::make_shared<nn::Linear>(c.ffn_dim, c.dim));
    return ffn;
}

at::Tensor run_ffn(const nn::Linear& in, const nn::Linear& out, const at::Tensor& x) {
    return out.forward(at::gelu(in.forward(x), "tanh"));
}

std::shared_ptr<nn::LayerNorm> make_norm3(const DitConfig& c) {
    return c.cross_attn_norm ? std::make_shared<nn::LayerNorm>(c.dim, c.eps, true) : nullptr;
}

at::Tensor apply_norm(const std::shared_ptr<nn::LayerNorm>& norm, const at::Tensor& x) {
    return norm ? norm->forward(x) : x;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Time conditioning
// ---------------------------------------------------------------------------------------------

namespace {
at::Tensor select_rows(const at::Tensor& base, const at::Tensor& clean_rows,
                       const at::Tensor& clean_mask, int64_t start, int64_t len) {
    if (!clean_mask.defined()) return base;                    // [Bt, 1, D]
    const at::Tensor mask = clean_mask.narrow(1, start, len);  // [B, len, 1]
    return at::where(mask, clean_rows, base);                  // [B, len, D]
}
}  // namespace

at::Tensor TimeConditioning::modulation(const at::Tensor& table, int64_t slot, int64_t start,
                                        int64_t len) const {
    const at::Tensor t = table.select(1, slot).unsqueeze(1);  // [1, 1, D]
    const at::Tensor base = t + e0.select(2, slot);           // [Bt, 1, D]
    if (!clean.defined()) return base;
    return select_rows(base, t + e0_clean.select(2, slot), clean, start, len);
}

at::Tensor TimeConditioning::head_modulation(const at::Tensor& table, int64_t slot, int64_t start,
                                             int64_t len) const {
    const at::Tensor t = table.select(1, slot).unsqueeze(1);  // [1, 1, D]
    const at::Tensor base = t + e;                            // [Bt, 1, D]
    if (!clean.defined()) return base;
    return select_rows(base, t + e_clean, clean, start, len);
}

// ---------------------------------------------------------------------------------------------
// Projections
// ---------------------------------------------------------------------------------------------

Projections::Projections(const DitConfig& c, const std::string& suffix, nn::Module& parent) {
    q = parent.register_module("q" + suffix, std::make_shared<nn::Linear>(c.dim, c.dim));
    k = parent.register_module("k" + suffix, std::make_shared<nn::Linear>(c.dim, c.dim));
    v = parent.register_module("v" + suffix, std::make_shared<nn::Linear>(c.dim, c.dim));
    o = parent.register_module("o" + suffix, std::make_shared<nn::Linear>(c.dim, c.dim));
    if (c.qk_norm) {
        norm_q =
            parent.register_module("norm_q" + suffix, std::make_shared<nn::RMSNorm>(c.dim, c.eps));
        norm_k =
            parent.register_module("norm_k" + suffix, std::make_shared<nn::RMSNorm>(c.dim, c.eps));
    }
}

at::Tensor Projections::query(const at::Tensor& x) const {
    return maybe(norm_q, q->forward(x));
}
at::Tensor Projections::key(const at::Tensor& x) const {
    return maybe(norm_k, k->forward(x));
}

// ---------------------------------------------------------------------------------------------
// Double (alignment) block
// ---------------------------------------------------------------------------------------------

DoubleBlock::DoubleBlock(const DitConfig& c) : config_(c) {
    self_attn_ = register_module("self_attn", std::make_shared<nn::Module>());
    sa_video_ = std::make_unique<Projections>(c, "", *self_attn_);
    sa_audio_ = std::make_unique<Projections>(c, "_audio", *self_attn_);
    norm3_ = make_norm3(c);
    if (norm3_) register_module("norm3", norm3_);
    cross_attn_ = register_module("cross_attn", std::make_shared<nn::Module>());
    ca_video_ = std::make_unique<Projections>(c, "", *cross_attn_);
    ca_audio_ = std::make_unique<Projections>(c, "_audio", *cross_attn_);
    ffn_ = register_module("ffn", make_ffn(c, &ffn_in_, &ffn_out_));
    if (!c.no_split_norm_ffn) {
        norm3_audio_ = make_norm3(c);
        if (norm3_audio_) register_module("norm3_audio", norm3_audio_);
        ffn_audio_ = register_module("ffn_audio", make_ffn(c, &ffn_audio_in_, &ffn_audio_out_));
    }
    auto mod = register_module("modulation", std::make_shared<nn::Module>());
    modulation_ = mod->register_parameter("modulation", nn::zero_parameter({1, 6, c.dim}));
    auto mod_audio = register_module("modulation_audio", std::make_shared<nn::Module>());
    modulation_audio_ =
        mod_audio->register_parameter("modulation", nn::zero_parameter({1, 6, c.dim}));
}

at::Tensor DoubleBlock::forward(const at::Tensor& x, const BlockInputs& in) const {
    const SequenceLayout& layout = *in.layout;
    const TimeConditioning& time = *in.time;
    const int64_t Lv = layout.video_len, La = layout.audio_len, heads = config_.num_heads;
    const double eps = config_.eps;
    at::Tensor xv = x.narrow(1, 0, Lv);   // [B, Lv, D]
    at::Tensor xa = x.narrow(1, Lv, La);  // [B, La, D]
    auto mod_v = [&](int64_t k) { return time.modulation(modulation_, k, 0, Lv); };
    auto mod_a = [&](int64_t k) { return time.modulation(modulation_audio_, k, Lv, La); };
    const bool has_v = Lv > 0, has_a = La > 0;

    // 1. Modulated inputs of the self-attention (one shared parameter-free norm).
    const at::Tensor hv = has_v ? plain_layer_norm(xv, eps) * (1 + mod_v(1)) + mod_v(0) : xv;
    const at::Tensor ha = has_a ? plain_layer_norm(xa, eps) * (1 + mod_a(1)) + mod_a(0) : xa;
    report(in, "self_attn_in.vid", hv);
    report(in, "self_attn_in.audio", ha);

    // 2. Modality-specific q/k/v, one joint (or modality-masked) attention.  [B, Lv+La, D]
    const at::Tensor qv = sa_video_->query(hv), kv = sa_video_->key(hv);
    const at::Tensor qa = sa_audio_->query(ha), ka = sa_audio_->key(ha);
    report(in, "sa_norm_q", qv);
    report(in, "sa_norm_k", kv);
    report(in, "sa_norm_q_audio", qa);
    report(in, "sa_norm_k_audio", ka);
    const at::Tensor attn = self_attention(
        at::cat({qv, qa}, 1), at::cat({kv, ka}, 1),
        at::cat({sa_video_->v->forward(hv), sa_audio_->v->forward(ha)}, 1), in, heads);
    report(in, "sa_o_in", attn.narrow(1, 0, Lv));
    report(in, "sa_o_audio_in", attn.narrow(1, Lv, La));

    // 3. Output projections per modality, gated residual.
    if (has_v) {
        const at::Tensor out = sa_video_->o->forward(attn.narrow(1, 0, Lv));
        report(in, "self_attn_out.vid", out);
        xv = xv + out * mod_v(2);
    }
    if (has_a) {
        const at::Tensor out = sa_audio_->o->forward(attn.narrow(1, Lv, La));
        report(in, "self_attn_out.audio", out);
        xa = xa + out * mod_a(2);
    }

    // 4. Text cross-attention per modality (ungated residual).
    const auto& norm3_a = config_.no_split_norm_ffn ? norm3_ : norm3_audio_;
    if (has_v) {
        const at::Tensor nv = apply_norm(norm3_, xv);
        report(in, "norm3.vid", nv);
        const at::Tensor out = cross_attention(*ca_video_, nv, in.context, heads);
        report(in, "cross_attn_out.vid", out);
        xv = xv + out;
    }
    if (has_a) {
        const at::Tensor na = apply_norm(norm3_a, xa);
        report(in, "norm3.audio", na);
        const at::Tensor out = cross_attention(*ca_audio_, na, in.context, heads);
        report(in, "cross_attn_out.audio", out);
        xa = xa + out;
    }

    // 5. Feed-forward (shared weights unless split), gated residual.
    const at::Tensor fv = has_v ? plain_layer_norm(xv, eps) * (1 + mod_v(4)) + mod_v(3) : xv;
    const at::Tensor fa = has_a ? plain_layer_norm(xa, eps) * (1 + mod_a(4)) + mod_a(3) : xa;
    report(in, "ffn_in.vid", fv);
    report(in, "ffn_in.audio", fa);
    at::Tensor yv, ya;
    if (config_.no_split_norm_ffn) {
        const at::Tensor y = run_ffn(*ffn_in_, *ffn_out_, at::cat({fv, fa}, 1));
        yv = y.narrow(1, 0, Lv);
        ya = y.narrow(1, Lv, La);
    } else {
        yv = run_ffn(*ffn_in_, *ffn_out_, fv);
        ya = run_ffn(*ffn_audio_in_, *ffn_audio_out_, fa);
    }
    report(in, "ffn_out.vid", yv);
    report(in, "ffn_out.audio", ya);
    if (has_v) xv = xv + yv * mod_v(5);
    if (has_a) xa = xa + ya * mod_a(5);
    return at::cat({xv, xa}, 1);
}

// ---------------------------------------------------------------------------------------------
// Single (fusion) block
// ---------------------------------------------------------------------------------------------

SingleBlock::SingleBlock(const DitConfig& c) : config_(c) {
    self_attn_ = register_module("self_attn", std::make_shared<nn::Module>());
    sa_ = std::make_unique<Projections>(c, "", *self_attn_);
    norm3_ = make_norm3(c);
    if (norm3_) register_module("norm3", norm3_);
    cross_attn_ = register_module("cross_attn", std::make_shared<nn::Module>());
    ca_ = std::make_unique<Projections>(c, "", *cross_attn_);
    ffn_ = register_module("ffn", make_ffn(c, &ffn_in_, &ffn_out_));
    auto mod = register_module("modulation", std::make_shared<nn::Module>());
    modulation_ = mod->register_parameter("modulation", nn::zero_parameter({1, 6, c.dim}));
}

at::Tensor SingleBlock::forward(const at::Tensor& x, const BlockInputs& in) const {
    const int64_t L = in.layout->total(), heads = config_.num_heads;
    auto mod = [&](int64_t k) { return in.time->modulation(modulation_, k, 0, L); };

    // 1. Modulated input.  [B, L, D]
    const at::Tensor h = plain_layer_norm(x, config_.eps) * (1 + mod(1)) + mod(0);
    report(in, "self_attn_in", h);
    // 2. Shared q/k/v for all tokens, joint (or masked) attention, gated residual.
    const at::Tensor q = sa_->query(h), k = sa_->key(h);
    report(in, "sa_norm_q", q);
    report(in, "sa_norm_k", k);
    const at::Tensor attn = self_attention(q, k, sa_->v->forward(h), in, heads);
    report(in, "sa_o_in", attn);
    const at::Tensor sa_out = sa_->o->forward(attn);
    report(in, "self_attn_out", sa_out);
    at::Tensor y = x + sa_out * mod(2);
    // 3. Text cross-attention (ungated).
    const at::Tensor n = apply_norm(norm3_, y);
    report(in, "norm3", n);
    const at::Tensor ca_out = cross_attention(*ca_, n, in.context, heads);
    report(in, "cross_attn_out", ca_out);
    y = y + ca_out;
    // 4. Feed-forward, gated residual.
    const at::Tensor f = plain_layer_norm(y, config_.eps) * (1 + mod(4)) + mod(3);
    report(in, "ffn_in", f);
    const at::Tensor ff = run_ffn(*ffn_in_, *ffn_out_, f);
    report(in, "ffn_out", ff);
    return y + ff * mod(5);
}

// ---------------------------------------------------------------------------------------------
// Head
// ---------------------------------------------------------------------------------------------

Head::Head(int64_t dim, int64_t out_dim, double eps) : eps_(eps) {
    modulation = register_parameter("modulation", nn::zero_parameter({1, 2, dim}));
    head_ = register_module("head", std::make_shared<nn::Linear>(dim, out_dim));
}

at::Tensor Head::forward(const at::Tensor& x, const TimeConditioning& time, int64_t start) const {
    const int64_t len = x.size(1);
    const at::Tensor shift = time.head_modulation(modulation, 0, start, len);
    const at::Tensor scale = time.head_modulation(modulation, 1, start, len);
    return head_->forward(plain_layer_norm(x, eps_) * (1 + scale) + shift);
}

}  // namespace nava::dit
