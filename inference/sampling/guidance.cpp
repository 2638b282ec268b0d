#include "inference/sampling/guidance.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::sampling {

const char* to_string(Modality modality) {
    return modality == Modality::video ? "video" : "audio";
}

const char* to_string(Pass pass) {
    switch (pass) {
        case Pass::conditional:
            return "cond";
        case Pass::negative:
            return "neg";
        case Pass::modality_masked:
            return "mmask";
        case Pass::no_speaker:
            return "nospk";
    }
    return "?";
}

GuidanceConfig GuidanceConfig::from_json(const io::ConfigReader& config) {
    GuidanceConfig g;
    GuidanceScales& s = g.scales;
    s.video_text = config.get_double("video_guidance_scale", s.video_text);
    s.video_align = config.get_double("video_align_guidance_scale", s.video_align);
    s.audio_text = config.get_double("audio_guidance_scale", s.audio_text);
    s.audio_align = config.get_double("audio_align_guidance_scale", s.audio_align);
    s.timbre = config.get_double("timbre_align_guidance_scale", s.timbre);
    g.align = config.get_bool("align_3d_cfg", g.align);
    g.timbre = config.get_bool("timbre_cfg", g.timbre);
    g.skip_unit_scales = config.get_bool("skip_unit_scales", g.skip_unit_scales);
    g.validate();
    return g;
}

void GuidanceConfig::validate() const {
    const std::pair<const char*, double> all[] = {
        {"video_guidance_scale", scales.video_text},
        {"video_align_guidance_scale", scales.video_align},
        {"audio_guidance_scale", scales.audio_text},
        {"audio_align_guidance_scale", scales.audio_align},
        {"timbre_align_guidance_scale", scales.timbre},
    };
    for (const auto& [name, value] : all)
        if (!std::isfinite(value))
            throw ConfigError(std::string("guidance: ") + name + " must be a finite number");
}

bool GuidanceTerms::uses(Pass pass) const {
    switch (pass) {
        case Pass::conditional:
            return true;
        case Pass::negative:
            return text.has_value();
        case Pass::modality_masked:
            return align.has_value();
        case Pass::no_speaker:
            return timbre.has_value();
    }
    return false;
}

GuidanceTerms guidance_terms(const GuidanceConfig& config, Modality modality) {
    const bool video = modality == Modality::video;
    // A term is kept unless the unit-scale rule removes it.
    auto term = [&](bool enabled, double scale) -> std::optional<double> {
        if (!enabled) return std::nullopt;
        if (config.skip_unit_scales && scale == 1.0) return std::nullopt;
        return scale;
    };
    GuidanceTerms t;
    t.text = term(true, video ? config.scales.video_text : config.scales.audio_text);
    t.align = term(config.align, video ? config.scales.video_align : config.scales.audio_align);
    // The no-speaker pass only ever guides audio.
    t.timbre = term(config.timbre && !video, config.scales.timbre);
    return t;
}

std::vector<Pass> required_passes(const GuidanceConfig& config, bool has_video, bool has_audio) {
    const GuidanceTerms video = guidance_terms(config, Modality::video);
    const GuidanceTerms audio = guidance_terms(config, Modality::audio);
    std::vector<Pass> passes;
    for (Pass p : {Pass::conditional, Pass::negative, Pass::modality_masked, Pass::no_speaker})
        if ((has_video && video.uses(p)) || (has_audio && audio.uses(p))) passes.push_back(p);
    // Even with no modality the conditional pass is the one that is asked for.
    if (passes.empty()) passes.push_back(Pass::conditional);
    return passes;
}

namespace {

const at::Tensor& need(const at::Tensor& t, Pass pass) {
    if (!t.defined())
        throw Error(std::string("guidance: the '") + to_string(pass) +
                    "' prediction is required by the active guidance terms but missing");
    return t;
}

}  // namespace

at::Tensor combine(const GuidanceTerms& terms, const at::Tensor& c, const at::Tensor& n,
                   const at::Tensor& m, const at::Tensor& r) {
    need(c, Pass::conditional);
    if (!terms.has_extra_terms()) {
        // Classic CFG, anchor n: n + g (c - n); without a text term just c.
        if (!terms.text) return c;
        const at::Tensor& neg = need(n, Pass::negative);
        return neg + (c - neg) * *terms.text;
    }
    // Anchor c: c + g (c - n) + g_align (c - m) + g_timbre (c - r), summed left to right.
    at::Tensor out = c;
    if (terms.text) out = out + (c - need(n, Pass::negative)) * *terms.text;
    if (terms.align) out = out + (c - need(m, Pass::modality_masked)) * *terms.align;
    if (terms.timbre) out = out + (c - need(r, Pass::no_speaker)) * *terms.timbre;
    return out;
}

Latents guide(const GuidanceConfig& config, const PassOutputs& outputs) {
    Latents guided;
    for (Modality mod : kModalities) {
        const at::Tensor& c = outputs[Pass::conditional][mod];
        if (!c.defined()) continue;
        guided[mod] = combine(guidance_terms(config, mod), c, outputs[Pass::negative][mod],
                              outputs[Pass::modality_masked][mod], outputs[Pass::no_speaker][mod]);
    }
    return guided;
}

}  // namespace nava::sampling
