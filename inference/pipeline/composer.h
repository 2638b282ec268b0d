// The inference composition of NAVA, exactly as the reference `sample()` wires it: text contexts
// from umT5 (prompt + the two negative prompts), up to four guidance passes per step through the
// DiT (batched into one forward), one flow solver per modality, the image-to-video first-frame
// rule, then the two decode chains. Inputs are token ids, voice embeddings and noise; the
// request-level work (prompt processing, tokenising, voice files, seeding, files) happens
// before (conditioning.h) and after (engine.h).
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/sampling/guidance.h"
#include "inference/sampling/sampler.h"
#include "inference/sampling/schedule.h"

namespace nava::t5 {
class T5Encoder;
}
namespace nava::dit {
class DitModel;
}
namespace nava::video_vae {
class VideoVae;
struct LatentScale;
}  // namespace nava::video_vae
namespace nava::audio_vae {
class AudioCodec;
}

namespace nava::pipeline {

struct Components {
    std::shared_ptr<t5::T5Encoder> text_encoder;
    std::shared_ptr<dit::DitModel> dit;
    std::shared_ptr<video_vae::VideoVae> video_vae;
    std::shared_ptr<video_vae::LatentScale> video_scale;
    std::shared_ptr<audio_vae::AudioCodec> audio_codec;
};

struct TokenSequence {
    at::Tensor ids;   // [L] int64, padded with 0
    at::Tensor mask;  // [L] int64, 1 for real tokens (</s> included)
};

struct ComposeInputs {
    TokenSequence prompt;
    TokenSequence negative_video;
    TokenSequence negative_audio;
    std::vector<int64_t> speaker_positions;  // placeholder rows of the prompt's context
    at::Tensor speaker_embeddings;           // [n, S] voices in span order, or undefined
    // Video latent grid (frames = 0: text-to-audio, no video).
    int64_t frames = 0, height = 0, width = 0;
    int64_t audio_length = 0;
    at::Tensor noise_video;         // [T*H*W, C_v] flat channels-last, row (t*H + h)*W + w
    at::Tensor noise_audio;         // [L, C_a]
    at::Tensor first_frame_latent;  // [H*W, C_v] (image-to-video), or undefined
};

struct ComposeSettings {
    sampling::SolverKind solver = sampling::SolverKind::unipc;
    int64_t steps = 50;
    double shift_video = 5.0;
    double shift_audio = 5.0;
    sampling::GuidanceConfig guidance;
    bool batch_passes = true;  // all passes of a step in one DiT forward
    bool decode = true;        // run the VAEs at the end
    bool tile_vae = false;     // spatially tiled video decode (NAVA's tile sizes)
};

enum class Stage { text, denoise, decode_video, decode_audio };
const char* to_string(Stage stage);

struct ComposeCallbacks {
    // (stage, step, steps, elapsed seconds of the stage); denoise reports every step.
    std::function<void(Stage, int64_t, int64_t, double)> progress;
    std::function<bool()> cancel;
    // Low-resolution preview of the current clean-data estimate after each step (video latent
    // x0 = x - sigma v, [T, H, W, C_v] flat rows) — cheap: no VAE.
    std::function<void(int64_t step, const at::Tensor& x0_video, const at::Tensor& x0_audio)>
        preview;
};

struct ComposeResult {
    sampling::SamplingStatus status = sampling::SamplingStatus::completed;
    sampling::SamplingTrace trace;  // filled when asked for
    at::Tensor timesteps;  // [steps] as handed to the DiT (int64 for UniPC, float32 for Euler)
    at::Tensor sigmas_video, sigmas_audio;
    at::Tensor context_prompt, context_negative_video, context_negative_audio;  // trimmed
    std::array<at::Tensor, sampling::kPassCount> step0_context;  // [text_len, D] per pass
    at::Tensor final_video;                                      // [T*H*W, C_v]
    at::Tensor final_audio;                                      // [L, C_a]
    at::Tensor video;                                            // [3, T', H', W'] in [-1, 1]
    at::Tensor video_raw;                                        // unclamped decoder output
    at::Tensor audio;          // [2, N] at the VAE's rate (16 kHz), within ±0.99
    at::Tensor audio_48k;      // [2, 3N] vocoder + bandwidth extension output
    at::Tensor audio_mel;      // [2, frames, mels] decoded log-mel
    int64_t dit_forwards = 0;  // DiT forward calls made
    int64_t dit_samples = 0;   // samples through the DiT (passes × steps)
};

ComposeResult compose(const Components& components, const ComposeInputs& inputs,
                      const ComposeSettings& settings, const ComposeCallbacks& callbacks = {},
                      bool keep_trace = false);

// Flat [T*H*W, C] <-> the DiT's [C, T, H, W] (H and W zero-padded to the patch multiple).
at::Tensor flat_to_dit_video(const at::Tensor& flat, int64_t frames, int64_t height, int64_t width,
                             int64_t patch_h, int64_t patch_w);
at::Tensor dit_video_to_flat(const at::Tensor& video, int64_t frames, int64_t height,
                             int64_t width);

}  // namespace nava::pipeline
