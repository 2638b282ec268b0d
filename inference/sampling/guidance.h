// Classifier-free guidance of the joint audio-video model: which DiT passes a step needs and how
// their velocity predictions are combined per modality (reference: pipeline_nava.py sample()).
//
// Passes (all at the same timestep and the same latents):
//   c  conditional       prompt + speaker tokens                        always
//   n  negative          negative prompt                                text term
//   m  modality-masked   prompt, no speakers, no cross-modal attention  align term
//   r  no-speaker        prompt, no speaker tokens                      timbre term (audio only)
//
// Reference combination (float, elementwise, evaluated left to right):
//   no extra term:  n + g (c - n)
//   extra terms:    c + g (c - n) [+ g_align (c - m)] [+ g_timbre (c - r)]
// i.e. the anchor switches from n to c as soon as an align or timbre term is present.
//
// Scale-1 rule (this port; the reference asserts on text scales of 1 instead): with
// `skip_unit_scales` (the default) a term whose scale is exactly 1 is dropped and its pass is not
// run when no other term of a present modality needs it. The remaining terms use the formula
// above, so:
//   * text scale 1 without extra terms gives c, which is exactly the reference formula
//     n + 1 (c - n) = c (mathematically; the n pass is skipped);
//   * with extra terms present, a dropped term is omitted from the anchor-c sum
//     (e.g. text 1 with align on: c + g_align (c - m)); the reference would keep 1 (c - n) there,
//     so this is a deliberate difference: "scale 1" always means "this guidance is off";
//   * if every term of a modality is dropped the result is c alone (a single conditional pass).
// With `skip_unit_scales = false` every enabled term is evaluated whatever its scale, exactly as
// the reference computes it (used by the parity runner).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/sampling/latents.h"

namespace nava::io {
class ConfigReader;
}

namespace nava::sampling {

enum class Pass { conditional = 0, negative = 1, modality_masked = 2, no_speaker = 3 };
inline constexpr int kPassCount = 4;
const char* to_string(Pass pass);

struct GuidanceScales {
    double video_text = 3.0;   // video_guidance_scale
    double video_align = 3.0;  // video_align_guidance_scale
    double audio_text = 2.0;   // audio_guidance_scale
    double audio_align = 2.0;  // audio_align_guidance_scale
    double timbre = 3.0;       // timbre_align_guidance_scale (audio only)
};

struct GuidanceConfig {
    GuidanceScales scales;
    bool align = true;   // align_3d_cfg: add the modality-masked terms
    bool timbre = true;  // timbre_cfg: add the no-speaker term; false when there are no voices
    bool skip_unit_scales = true;  // drop terms with scale exactly 1 (see the file comment)

    // Reads the reference's names (`video_guidance_scale`, `video_align_guidance_scale`,
    // `audio_guidance_scale`, `audio_align_guidance_scale`, `timbre_align_guidance_scale`,
    // `align_3d_cfg`, `timbre_cfg`) plus `skip_unit_scales`; absent keys keep the defaults.
    static GuidanceConfig from_json(const io::ConfigReader& config);
    // ConfigError for non-finite scales.
    void validate() const;
};

// The terms of one modality's combination; an absent term is neither computed nor needs its pass.
struct GuidanceTerms {
    std::optional<double> text;    // g (c - n)
    std::optional<double> align;   // g (c - m)
    std::optional<double> timbre;  // g (c - r)

    bool uses(Pass pass) const;
    bool has_extra_terms() const { return align.has_value() || timbre.has_value(); }
};

GuidanceTerms guidance_terms(const GuidanceConfig& config, Modality modality);

// Passes a step must run for the present modalities, in the reference's order c, n, m, r.
std::vector<Pass> required_passes(const GuidanceConfig& config, bool has_video, bool has_audio);

// Combines one modality's pass outputs. Tensors of passes the terms do not use may be undefined.
// Computed in the dtype of `c`, with the reference's operation order.
at::Tensor combine(const GuidanceTerms& terms, const at::Tensor& c, const at::Tensor& n,
                   const at::Tensor& m, const at::Tensor& r);

// Per-pass outputs of one step.
struct PassOutputs {
    std::array<Latents, kPassCount> by_pass;

    Latents& operator[](Pass p) { return by_pass[static_cast<int>(p)]; }
    const Latents& operator[](Pass p) const { return by_pass[static_cast<int>(p)]; }
};

// Guided velocity for every modality present in `outputs[conditional]`.
Latents guide(const GuidanceConfig& config, const PassOutputs& outputs);

}  // namespace nava::sampling
