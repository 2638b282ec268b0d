#include "inference/models/dit/dit_model.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::dit {

DitModel::DitModel(const DitConfig& config) : config_(config) {
    config_.validate();
    const DitConfig& c = config_;
    const std::vector<int64_t> patch(c.patch_size.begin(), c.patch_size.end());
    patch_embedding_ = register_module(
        "patch_embedding", std::make_shared<nn::Conv>(3, c.vid_in_dim, c.dim, patch, patch));
    patch_embedding_audio_ = register_module(
        "patch_embedding_audio",
        std::make_shared<AudioEmbedding>(c.audio_in_dim, c.dim, c.audio_mlp_hidden()));
    if (c.add_spk_emb)
        speaker_embedding_ = register_module("speaker_embedding",
                                             std::make_shared<SpeakerTokens>(c.speaker_dim, c.dim));
    text_embedding_ =
        register_module("text_embedding", std::make_shared<TextEmbedding>(c.text_dim, c.dim));
    time_embedding_ =
        register_module("time_embedding", std::make_shared<TimeEmbedding>(c.freq_dim, c.dim));
    time_projection_ = register_module("time_projection", std::make_shared<TimeProjection>(c.dim));
    auto doubles = register_module("double_blocks", std::make_shared<nn::IndexedModules>());
    for (int64_t i = 0; i < c.num_double_layers; ++i)
        double_blocks_.push_back(doubles->add(i, std::make_shared<DoubleBlock>(c)));
    auto singles = register_module("single_blocks", std::make_shared<nn::IndexedModules>());
    for (int64_t i = 0; i < c.num_single_layers; ++i)
        single_blocks_.push_back(singles->add(i, std::make_shared<SingleBlock>(c)));
    head_ = register_module("head",
                            std::make_shared<Head>(c.dim, c.patch_volume() * c.vid_out_dim, c.eps));
    head_audio_ =
        register_module("head_audio", std::make_shared<Head>(c.dim, c.audio_out_dim, c.eps));
}

at::ScalarType DitModel::dtype() const {
    return time_projection_->parameters()[0].scalar_type();
}

ContextOutputs DitModel::context_for(const DitInputs& in) const {
    // The reference picks the audio-path context when speaker embeddings are passed (or there is
    // no video context) and then uses it for both streams.
    const bool use_audio =
        (in.speaker_embeddings.has_value() && speaker_embedding_) || in.video_context.empty();
    ContextInputs ci;
    ci.contexts = use_audio ? in.audio_context : in.video_context;
    if (use_audio && speaker_embedding_) {
        ci.speaker_embeddings = in.speaker_embeddings;
        ci.speaker_positions = in.speaker_positions;
    }
    return build_context(*text_embedding_, speaker_embedding_.get(), config_.text_len, ci, dtype());
}

at::Tensor unpatchify_video(const at::Tensor& rows, const VideoGrid& grid,
                            const std::array<int64_t, 3>& patch, int64_t channels) {
    const auto [pt, ph, pw] = patch;
    // Row layout (pt, ph, pw, C) with C fastest.  [F, h, w, pt, ph, pw, C]
    const at::Tensor v = rows.reshape({grid.frames, grid.rows, grid.cols, pt, ph, pw, channels});
    return v.permute({6, 0, 3, 1, 4, 2, 5})
        .reshape({channels, grid.frames * pt, grid.rows * ph, grid.cols * pw});
}

DitState DitModel::prepare(const DitInputs& in, const Probe* probe) const {
    const DitConfig& c = config_;
    const at::ScalarType dt = dtype();
    const int64_t B = static_cast<int64_t>(std::max(in.video.size(), in.audio.size()));
    if (B == 0) throw Error("DiT: no video and no audio latents given");
    if (!in.video.empty() && in.video.size() != static_cast<std::size_t>(B))
        throw Error("DiT: video and audio batch sizes differ");
    if (!in.audio.empty() && in.audio.size() != static_cast<std::size_t>(B))
        throw Error("DiT: video and audio batch sizes differ");
    const at::Device device = time_projection_->parameters()[0].device();
    auto probe_out = [&](const std::string& name, const at::Tensor& t) {
        if (probe && *probe) (*probe)(name, t);
    };

    // 1. Video patch embedding per sample.  [1, D, F', h, w] -> [n_i, D]
    std::vector<VideoGrid> grids;
    std::vector<at::Tensor> video_tokens;
    for (int64_t b = 0; b < static_cast<int64_t>(in.video.size()); ++b) {
        const at::Tensor& v = in.video[b];
        if (v.dim() != 4 || v.size(0) != c.vid_in_dim)
            throw Error("DiT: video latent " + std::to_string(b) + " must be [" +
                        std::to_string(c.vid_in_dim) + ", F, H, W]");
        for (int i = 0; i < 3; ++i) {
            if (v.size(i + 1) % c.patch_size[i] != 0)
                throw Error("DiT: video latent " + std::to_string(b) +
                            " size is not a multiple of the patch size (pad it first)");
        }
        const at::Tensor emb = patch_embedding_->forward(v.to(device, dt).unsqueeze(0));
        probe_out("embed.vid_conv3d." + std::to_string(b), emb);
        grids.push_back({emb.size(2), emb.size(3), emb.size(4)});
        video_tokens.push_back(emb.flatten(2).squeeze(0).transpose(0, 1));  // [n_i, D]
    }
    // 2. Audio embedding per sample.  [L_i, C_a] -> [L_i, D]
    std::vector<int64_t> audio_lengths;
    std::vector<at::Tensor> audio_tokens;
    for (int64_t b = 0; b < static_cast<int64_t>(in.audio.size()); ++b) {
        const at::Tensor& a = in.audio[b];
        if (a.dim() != 2 || a.size(1) != c.audio_in_dim)
            throw Error("DiT: audio latent " + std::to_string(b) + " must be [L, " +
                        std::to_string(c.audio_in_dim) + "]");
        const at::Tensor x = a.to(device, dt);
        if (probe && *probe)
            probe_out("embed.audio_conv_in." + std::to_string(b),
                      patch_embedding_audio_->conv_in(x).unsqueeze(0));
        audio_tokens.push_back(patch_embedding_audio_->forward(x));
        probe_out("embed.audio." + std::to_string(b), audio_tokens.back().unsqueeze(0));
        audio_lengths.push_back(a.size(0));
    }

    // 3. Pack [video | audio] with right padding per modality.  [B, Lv + La, D]
    DitState state;
    state.modality_masking = in.modality_masking;
    if (!in.masked_samples.empty()) {
        if (static_cast<int64_t>(in.masked_samples.size()) != B)
            throw Error("DiT: masked_samples must have one entry per sample");
        std::vector<int64_t> masked, joint;
        for (int64_t b = 0; b < B; ++b)
            (in.masked_samples[b] ? masked : joint).push_back(b);
        state.masked_samples = at::tensor(masked, at::kLong).to(device);
        state.joint_samples = at::tensor(joint, at::kLong).to(device);
    }
    SequenceLayout& layout = state.layout;
    for (const auto& g : grids)
        layout.video_len = std::max(layout.video_len, g.tokens());
    for (int64_t n : audio_lengths)
        layout.audio_len = std::max(layout.audio_len, n);
    const int64_t Lv = layout.video_len, La = layout.audio_len, L = Lv + La;
    at::Tensor& x = state.x;
    x = at::zeros({B, L, c.dim}, at::TensorOptions().dtype(dt).device(device));
    at::Tensor valid = at::zeros({B, L}, at::TensorOptions().dtype(at::kBool));
    bool padded = false;
    for (int64_t b = 0; b < B; ++b) {
        if (!video_tokens.empty()) {
            const int64_t n = video_tokens[b].size(0);
            x[b].narrow(0, 0, n).copy_(video_tokens[b]);
            valid[b].narrow(0, 0, n).fill_(true);
            padded = padded || n < Lv;
        }
        if (!audio_tokens.empty()) {
            const int64_t n = audio_tokens[b].size(0);
            x[b].narrow(0, Lv, n).copy_(audio_tokens[b]);
            valid[b].narrow(0, Lv, n).fill_(true);
            padded = padded || n < La;
        }
    }
    if (padded) {
        const at::Tensor keys = valid.to(device).reshape({B, 1, 1, L});
        layout.joint_keys = keys;
        layout.video_keys = keys.narrow(3, 0, Lv);
        layout.audio_keys = keys.narrow(3, Lv, La);
    }

    // 4. Time conditioning: one row per sample, plus t = 0 rows for the clean first frame.
    TimeConditioning& time = state.time;
    at::Tensor t = in.timestep.reshape({-1}).to(at::kDouble);
    if (t.size(0) != 1 && t.size(0) != B)
        throw Error("DiT: timestep must have 1 or " + std::to_string(B) + " entries");
    const int64_t Bt = t.size(0);
    auto embed_time = [&](const at::Tensor& tt, at::Tensor* e, at::Tensor* e0) {
        const at::Tensor s = timestep_sinusoid(tt, c.freq_dim).to(device, dt);  // [Bt, freq]
        *e = time_embedding_->forward(s);                                       // [Bt, D]
        *e0 = time_projection_->forward(*e).reshape({Bt, 1, 6, c.dim});
        *e = e->unsqueeze(1);  // [Bt, 1, D]
    };
    embed_time(t, &time.e, &time.e0);
    if (in.first_frame_clean && !grids.empty()) {
        embed_time(at::zeros_like(t), &time.e_clean, &time.e0_clean);
        at::Tensor clean = at::zeros({B, L, 1}, at::TensorOptions().dtype(at::kBool));
        for (int64_t b = 0; b < B; ++b) {
            // As the reference: with a single shared timestep the first sample's grid decides.
            const VideoGrid& g = grids[Bt == 1 ? 0 : b];
            clean[b].narrow(0, 0, std::min(g.rows * g.cols, Lv)).fill_(true);
        }
        time.clean = clean.to(device);
    }
    if (probe && *probe) {
        probe_out("time.sinusoid_vid", timestep_sinusoid(t, c.freq_dim).unsqueeze(1));
        probe_out("time.e_vid", time.e);
        probe_out("time.e0_vid", time.e0.reshape({Bt, 1, 6 * c.dim}));
    }

    // 5. Text context (speaker rows injected when applicable).
    const ContextOutputs ctx = context_for(in);
    state.context = ctx.context;
    probe_out("ctx.text_embedding", ctx.projected);
    if (ctx.speaker_tokens.defined()) probe_out("ctx.spk_tokens", ctx.speaker_tokens);
    probe_out("ctx.final", ctx.context);

    // 6. Rotary tables for the packed sequence (angles in float64).
    const auto rope_dtype = dt == at::kDouble ? at::kDouble : at::kFloat;
    state.rope = build_rope(c, grids, Lv, audio_lengths, La, rope_dtype, device);
    state.grids = std::move(grids);
    state.audio_lengths = std::move(audio_lengths);
    return state;
}

int64_t DitModel::num_blocks() const {
    return static_cast<int64_t>(double_blocks_.size() + single_blocks_.size());
}

nn::Module& DitModel::block(int64_t index) const {
    const auto doubles = static_cast<int64_t>(double_blocks_.size());
    if (index < 0 || index >= num_blocks()) throw Error("DiT: no block " + std::to_string(index));
    if (index < doubles) return *double_blocks_[index];
    return *single_blocks_[index - doubles];
}

at::Tensor DitModel::run_block(int64_t index, const at::Tensor& x, const DitState& state,
                               const Probe* probe) const {
    BlockInputs bi;
    bi.layout = &state.layout;
    bi.time = &state.time;
    bi.rope = &state.rope;
    bi.context = state.context;
    bi.modality_masking = state.modality_masking;
    bi.masked_samples = state.masked_samples;
    bi.joint_samples = state.joint_samples;
    bi.probe = probe;
    const auto doubles = static_cast<int64_t>(double_blocks_.size());
    at::Tensor y;
    std::string name;
    if (index < doubles) {
        bi.probe_prefix = "dbl" + std::to_string(index) + ".";
        y = double_blocks_.at(index)->forward(x, bi);
        name = "blk.double." + std::to_string(index);
    } else {
        bi.probe_prefix = "sgl" + std::to_string(index - doubles) + ".";
        y = single_blocks_.at(index - doubles)->forward(x, bi);
        name = "blk.single." + std::to_string(index - doubles);
    }
    if (probe && *probe) (*probe)(name, y);
    return y;
}

DitOutputs DitModel::finish(const at::Tensor& x, const DitState& state, const Probe* probe) const {
    const DitConfig& c = config_;
    const int64_t B = x.size(0), Lv = state.layout.video_len, La = state.layout.audio_len;
    auto probe_out = [&](const std::string& name, const at::Tensor& t) {
        if (probe && *probe) (*probe)(name, t);
    };
    // Heads (modulated with e, not e0) and unpatchify.
    DitOutputs out;
    const auto out_type = x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    if (Lv > 0) {
        const at::Tensor hv = head_->forward(x.narrow(1, 0, Lv), state.time, 0);  // [B, Lv, p·C]
        probe_out("head.vid", hv);
        for (int64_t b = 0; b < B; ++b)
            out.video.push_back(unpatchify_video(hv[b].narrow(0, 0, state.grids[b].tokens()),
                                                 state.grids[b], c.patch_size, c.vid_out_dim)
                                    .to(out_type));
    }
    if (La > 0) {
        const at::Tensor ha =
            head_audio_->forward(x.narrow(1, Lv, La), state.time, Lv);  // [B, La, C]
        probe_out("head.audio", ha);
        for (int64_t b = 0; b < B; ++b)
            out.audio.push_back(ha[b].narrow(0, 0, state.audio_lengths[b]).to(out_type));
    }
    return out;
}

DitOutputs DitModel::forward(const DitInputs& in, const Probe* probe) const {
    const DitState state = prepare(in, probe);
    at::Tensor x = state.x;
    for (int64_t i = 0; i < num_blocks(); ++i) {
        if (hooks_.before) hooks_.before(i);
        x = run_block(i, x, state, probe);
        if (hooks_.after) hooks_.after(i);
    }
    return finish(x, state, probe);
}

}  // namespace nava::dit
