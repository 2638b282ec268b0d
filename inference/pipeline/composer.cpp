#include "inference/pipeline/composer.h"

#include <chrono>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/tiled_decode.h"
#include "inference/models/video_vae/video_vae.h"

namespace nava::pipeline {

using sampling::Pass;

const char* to_string(Stage stage) {
    switch (stage) {
        case Stage::text:
            return "text";
        case Stage::denoise:
            return "denoise";
        case Stage::decode_video:
            return "decode_video";
        case Stage::decode_audio:
            return "decode_audio";
    }
    return "?";
}

at::Tensor flat_to_dit_video(const at::Tensor& flat, int64_t frames, int64_t height, int64_t width,
                             int64_t patch_h, int64_t patch_w) {
    const int64_t channels = flat.size(1);
    // [T*H*W, C] -> [C, T, H, W], then zero rows/columns to reach the patch multiple.
    at::Tensor v = flat.t().reshape({channels, frames, height, width});
    const int64_t pad_h = (patch_h - height % patch_h) % patch_h;
    const int64_t pad_w = (patch_w - width % patch_w) % patch_w;
    if (pad_h || pad_w) v = at::constant_pad_nd(v, {0, pad_w, 0, pad_h});
    return v;
}

at::Tensor dit_video_to_flat(const at::Tensor& video, int64_t frames, int64_t height,
                             int64_t width) {
    const at::Tensor cropped = video.narrow(1, 0, frames).narrow(2, 0, height).narrow(3, 0, width);
    return cropped.permute({1, 2, 3, 0}).reshape({frames * height * width, video.size(0)});
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The text-encoder contexts of one call: trimmed umT5 outputs.
std::vector<at::Tensor> encode_text(const t5::T5Encoder& encoder,
                                    const std::vector<const TokenSequence*>& sequences) {
    std::vector<at::Tensor> ids, masks;
    for (const auto* s : sequences) {
        ids.push_back(s->ids.reshape({-1}).to(at::kLong));
        masks.push_back(s->mask.reshape({-1}).to(at::kLong));
    }
    return encoder.encode(at::stack(ids), at::stack(masks));
}

struct PassPlan {
    Pass pass;
    at::Tensor context;            // the context this pass attends to (trimmed umT5 output)
    bool inject_speakers = false;  // speaker rows written over the placeholders
    bool masked = false;           // no audio <-> video attention
};

}  // namespace

ComposeResult compose(const Components& c, const ComposeInputs& in, const ComposeSettings& settings,
                      const ComposeCallbacks& callbacks, bool keep_trace) {
    if (!c.text_encoder || !c.dit)
        throw Error("pipeline: the text encoder and the DiT are required");
    const bool has_video = in.frames > 0;
    const bool has_audio = in.audio_length > 0;
    if (!has_video && !has_audio) throw Error("pipeline: nothing to generate (no video, no audio)");
    at::NoGradGuard no_grad;
    ComposeResult result;
    auto report = [&](Stage s, int64_t step, int64_t steps, double elapsed) {
        if (callbacks.progress) callbacks.progress(s, step, steps, elapsed);
    };

    // 1. Text contexts, once per generation: the prompt, then the negative pair.
    auto t0 = std::chrono::steady_clock::now();
    report(Stage::text, 0, 1, 0.0);
    result.context_prompt = encode_text(*c.text_encoder, {&in.prompt})[0];
    const auto negatives = encode_text(*c.text_encoder, {&in.negative_video, &in.negative_audio});
    result.context_negative_video = negatives[0];
    result.context_negative_audio = negatives[1];
    report(Stage::text, 1, 1, seconds_since(t0));

    // 2. Which passes exist and what each attends to. Without a video stream the negative pass
    //    uses the audio negative prompt (the DiT falls back to the audio-path context).
    sampling::GuidanceConfig guidance = settings.guidance;
    const bool voices = in.speaker_embeddings.defined() && in.speaker_embeddings.size(0) > 0;
    guidance.timbre = guidance.timbre && voices;
    std::array<PassPlan, sampling::kPassCount> plans;
    plans[static_cast<int>(Pass::conditional)] = {Pass::conditional, result.context_prompt, voices,
                                                  false};
    plans[static_cast<int>(Pass::negative)] = {
        Pass::negative, has_video ? result.context_negative_video : result.context_negative_audio,
        false, false};
    plans[static_cast<int>(Pass::modality_masked)] = {Pass::modality_masked, result.context_prompt,
                                                      false, true};
    plans[static_cast<int>(Pass::no_speaker)] = {Pass::no_speaker, result.context_prompt, false,
                                                 false};

    const auto& dcfg = c.dit->config();
    const int64_t T = in.frames, H = in.height, W = in.width;
    auto dit_inputs = [&](const std::vector<Pass>& passes, const sampling::StepInput& step) {
        dit::DitInputs d;
        d.timestep = step.timestep.reshape({1});
        std::vector<std::vector<int64_t>> positions;
        bool any_speakers = false;
        for (Pass p : passes) {
            const PassPlan& plan = plans[static_cast<int>(p)];
            if (has_video)
                d.video.push_back(flat_to_dit_video(step.latents.video, T, H, W, dcfg.patch_size[1],
                                                    dcfg.patch_size[2]));
            if (has_audio) d.audio.push_back(step.latents.audio);
            // The context each pass really attends to, given as both paths.
            d.video_context.push_back(plan.context);
            positions.push_back(plan.inject_speakers ? in.speaker_positions
                                                     : std::vector<int64_t>{});
            any_speakers = any_speakers || plan.inject_speakers;
            d.masked_samples.push_back(plan.masked);
        }
        d.audio_context = d.video_context;
        if (any_speakers) {
            d.speaker_embeddings = in.speaker_embeddings;
            d.speaker_positions = positions;
        }
        const bool all_masked =
            std::all_of(d.masked_samples.begin(), d.masked_samples.end(), [](bool b) { return b; });
        const bool none_masked = std::none_of(d.masked_samples.begin(), d.masked_samples.end(),
                                              [](bool b) { return b; });
        if (all_masked || none_masked) {
            d.modality_masking = all_masked;
            d.masked_samples.clear();
        }
        d.first_frame_clean = in.first_frame_latent.defined();
        return d;
    };

    // 3. The sampling loop with a model callback running the active passes.
    const auto video_schedule =
        sampling::make_schedule(settings.solver, settings.steps, settings.shift_video);
    const auto audio_schedule =
        sampling::make_schedule(settings.solver, settings.steps, settings.shift_audio);
    result.sigmas_video = video_schedule.sigmas;
    result.sigmas_audio = audio_schedule.sigmas;
    const sampling::FlowSampler sampler(video_schedule, audio_schedule, guidance);

    sampling::SamplerCallbacks cbs;
    cbs.cancel = callbacks.cancel;
    if (in.first_frame_latent.defined() && has_video) {
        // Image-to-video: latent frame 0 of the solver state is the image latent before every
        // DiT call (in place: the solvers step from it too).
        const at::Tensor image = in.first_frame_latent.reshape({H * W, -1});
        cbs.before_model = [image, H, W](int64_t, sampling::Latents& state) {
            state.video.narrow(0, 0, H * W).copy_(image.to(state.video.scalar_type()));
        };
    }
    const auto loop_start = std::chrono::steady_clock::now();
    cbs.progress = [&](int64_t step, int64_t steps, double) {
        report(Stage::denoise, step, steps, seconds_since(loop_start));
    };
    cbs.predict = [&](const sampling::StepInput& step, const std::vector<Pass>& passes) {
        sampling::PassOutputs out;
        std::vector<std::vector<Pass>> groups;
        if (settings.batch_passes) {
            groups.push_back(passes);
        } else {
            for (Pass p : passes)
                groups.push_back({p});
        }
        if (keep_trace && step.step == 0) {
            for (Pass p : passes) {
                const dit::DitInputs one = dit_inputs({p}, step);
                result.step0_context[static_cast<int>(p)] = c.dit->context_for(one).context[0];
            }
        }
        for (const auto& group : groups) {
            if (step.cancel_requested()) return out;
            const dit::DitOutputs o = c.dit->forward(dit_inputs(group, step));
            ++result.dit_forwards;
            result.dit_samples += static_cast<int64_t>(group.size());
            for (std::size_t i = 0; i < group.size(); ++i) {
                sampling::Latents& l = out[group[i]];
                if (has_video)
                    l.video =
                        dit_video_to_flat(o.video[i], T, H, W).to(step.latents.video.scalar_type());
                if (has_audio) l.audio = o.audio[i].to(step.latents.audio.scalar_type());
            }
        }
        if (callbacks.preview) {
            const auto& cond = out[Pass::conditional];
            callbacks.preview(
                step.step, has_video ? step.latents.video - step.sigma * cond.video : at::Tensor(),
                has_audio ? step.latents.audio - step.sigma * cond.audio : at::Tensor());
        }
        return out;
    };

    sampling::Latents initial;
    if (has_video) initial.video = in.noise_video.to(at::kFloat);
    if (has_audio) initial.audio = in.noise_audio.to(at::kFloat);
    const auto sampled = sampler.run(initial, cbs, keep_trace ? &result.trace : nullptr);
    result.status = sampled.status;
    result.timesteps = (has_video ? video_schedule : audio_schedule).timesteps;
    if (sampled.status != sampling::SamplingStatus::completed) return result;
    result.final_video = sampled.latents.video;
    result.final_audio = sampled.latents.audio;
    if (!settings.decode) return result;

    // 4. Decode. Video: [T*H*W, C] -> [1, C, T, H, W] -> frames in [-1, 1].
    if (has_video && c.video_vae) {
        t0 = std::chrono::steady_clock::now();
        report(Stage::decode_video, 0, 1, 0.0);
        const at::Tensor latent =
            result.final_video.reshape({T, H, W, -1}).permute({3, 0, 1, 2}).unsqueeze(0);
        if (settings.tile_vae) {
            result.video = video_vae::tiled_decode(*c.video_vae, latent, *c.video_scale).squeeze(0);
        } else {
            video_vae::DecodeOptions opts;
            opts.clamp = false;
            result.video_raw = c.video_vae->decode(latent, *c.video_scale, opts).squeeze(0);
            result.video = result.video_raw.clamp(-1.0, 1.0);
        }
        report(Stage::decode_video, 1, 1, seconds_since(t0));
    }
    // Audio: [L, C] -> tokens [1, C, L] -> log-mel -> vocoder (48 kHz) -> 16 kHz, ±0.99.
    if (has_audio && c.audio_codec) {
        t0 = std::chrono::steady_clock::now();
        report(Stage::decode_audio, 0, 1, 0.0);
        const auto decoded = c.audio_codec->decode(result.final_audio.t().unsqueeze(0));
        result.audio = decoded.waveform.squeeze(0);
        result.audio_48k = decoded.wav_vocoder.squeeze(0);
        result.audio_mel = decoded.mel.squeeze(0);
        report(Stage::decode_audio, 1, 1, seconds_since(t0));
    }
    return result;
}

}  // namespace nava::pipeline
