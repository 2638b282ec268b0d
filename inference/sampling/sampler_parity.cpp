#include "inference/sampling/sampler_parity.h"

#include <map>
#include <regex>
#include <string>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/sampling/flow_matching.h"
#include "inference/sampling/guidance.h"
#include "inference/sampling/sampler.h"

namespace nava::sampling {
namespace {

// "5p0" -> 5.0, "5" -> 5, "2p25" -> 2.25.
double parse_tag_number(const std::string& text, const std::string& key) {
    std::string s = text;
    for (char& ch : s)
        if (ch == 'p') ch = '.';
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
    throw FormatError("sampler fixture: cannot read the number '" + text + "' in output key '" +
                      key + "'");
}

struct KeyParts {
    std::string role;  // file role, empty for a bare key
    std::string name;
};

// "FILE:KEY": the case is named by KEY; FILE (when it is a file of the fixture) says where the
// inputs of that case live.
KeyParts split(const parity::Fixture& fx, const std::string& key) {
    const auto colon = key.find(':');
    if (colon == std::string::npos) return {"", key};
    const std::string prefix = key.substr(0, colon);
    return {fx.has_file(prefix) ? prefix : "", key.substr(colon + 1)};
}

std::string with_role(const std::string& role, const std::string& name) {
    return role.empty() ? name : role + ":" + name;
}

// One toy trajectory: v(x, t) = x @ A + (float32(t) / 1000) * b, integrated by FlowSampler with
// a single conditional pass (all guidance off).
struct Trajectory {
    at::Tensor x, v, x0pred;
};

Trajectory run_trajectory(const parity::Fixture& fx, const std::string& role,
                          const Schedule& schedule) {
    const at::Tensor a = fx.input(with_role(role, "toy_A"));
    const at::Tensor b = fx.input(with_role(role, "toy_b"));
    const at::Tensor x_init = fx.input(with_role(role, "x_init"));

    GuidanceConfig no_guidance;
    no_guidance.align = false;
    no_guidance.timbre = false;
    no_guidance.scales.video_text = 1.0;
    FlowSampler sampler(schedule, no_guidance);

    SamplerCallbacks cb;
    cb.predict = [&](const StepInput& in, const std::vector<Pass>&) {
        const float t = in.timestep.to(at::kFloat).item<float>();
        const float scale = t / 1000.0f;
        PassOutputs out;
        out[Pass::conditional].video = at::matmul(in.latents.video, a) + b * scale;
        return out;
    };
    SamplingTrace trace;
    Latents initial;
    initial.video = x_init;
    sampler.run(initial, cb, &trace);

    Trajectory r;
    r.x = trace.stack(&StepTrace::latents, Modality::video, /*initial_row=*/true);
    r.v = trace.stack(&StepTrace::guided, Modality::video);
    std::vector<at::Tensor> x0;
    for (int64_t k = 0; k < schedule.steps; ++k) {
        const auto& s = trace.steps[static_cast<std::size_t>(k)];
        x0.push_back(s.solver_input.video -
                     s.guided.video * static_cast<double>(schedule.sigma(k)));
    }
    r.x0pred = at::stack(x0);
    return r;
}

// The scale set `scales_<name>` from the metadata of `role`'s file (or any file).
GuidanceScales scale_set(const parity::Fixture& fx, const std::string& role,
                         const std::string& name) {
    const std::string meta_key = "scales_" + name;
    std::string text;
    for (const auto& [r, file] : fx.files()) {
        if (!role.empty() && r != role) continue;
        const auto meta = file->metadata();
        auto it = meta.find(meta_key);
        if (it != meta.end()) {
            text = it->second;
            break;
        }
    }
    if (text.empty())
        throw FormatError(fx.dir().string() + ": no metadata entry '" + meta_key + "'");
    const nlohmann::json j = io::parse_json_text(text, meta_key);
    const io::ConfigReader c(j, meta_key);
    GuidanceScales s;
    s.video_text = c.get_double("video");
    s.video_align = c.get_double("video_align");
    s.audio_text = c.get_double("audio");
    s.audio_align = c.get_double("audio_align");
    s.timbre = c.get_double("timbre");
    return s;
}

at::Tensor guided_output(const parity::Fixture& fx, const std::string& role, Modality modality,
                         const GuidanceScales& scales, bool align, bool timbre) {
    // The reference's arithmetic for every enabled term, whatever the scale.
    GuidanceConfig config;
    config.scales = scales;
    config.align = align;
    config.timbre = timbre;
    config.skip_unit_scales = false;
    const bool video = modality == Modality::video;
    auto in = [&](const char* video_name, const char* audio_name) {
        return fx.input(with_role(role, video ? video_name : audio_name));
    };
    const GuidanceTerms terms = guidance_terms(config, modality);
    auto maybe = [&](Pass p, const char* v, const char* a) {
        return terms.uses(p) ? in(v, a) : at::Tensor();
    };
    return combine(
        terms, in("in_eps_cond_vid", "in_eps_cond_audio"),
        maybe(Pass::negative, "in_eps_uncond_vision", "in_eps_uncond_audio"),
        maybe(Pass::modality_masked, "in_eps_mmask_cond_vid", "in_eps_mmask_cond_audio"),
        maybe(Pass::no_speaker, "in_eps_timbre_uncond_vid", "in_eps_timbre_uncond_audio"));
}

}  // namespace

parity::Outputs run_sampler_parity(const parity::Fixture& fx) {
    static const std::regex run_re(
        R"(^(unipc|euler)_n(\d+)_s([0-9p.]+)_(timesteps|sigmas|x|v|x0pred)$)");
    static const std::regex train_re(R"(^train_s([0-9p.]+)_(timesteps|sigmas|weights)$)");
    static const std::regex video_re(R"(^out_video_(.+)_align([01])$)");
    static const std::regex audio_re(R"(^out_audio_(.+)_align([01])_timbre([01])$)");

    std::map<std::string, Trajectory> trajectories;  // by role + run tag
    parity::Outputs out;
    for (const auto& spec : fx.outputs()) {
        const KeyParts key = split(fx, spec.key);
        std::smatch m;
        if (std::regex_match(key.name, m, run_re)) {
            const SolverKind kind = solver_kind_from_string(m[1]);
            const int64_t steps = std::stoll(m[2]);
            const double shift = parse_tag_number(m[3], spec.key);
            const std::string field = m[4];
            const Schedule schedule = make_schedule(kind, steps, shift);
            if (field == "timesteps") {
                out[spec.key] = schedule.timesteps;
            } else if (field == "sigmas") {
                // The reference Euler scheduler keeps no trailing zero.
                out[spec.key] = kind == SolverKind::unipc ? schedule.sigmas
                                                          : schedule.sigmas.narrow(0, 0, steps);
            } else {
                const std::string id =
                    key.role + "|" + m[1].str() + "|" + m[2].str() + "|" + m[3].str();
                auto it = trajectories.find(id);
                if (it == trajectories.end())
                    it = trajectories.emplace(id, run_trajectory(fx, key.role, schedule)).first;
                out[spec.key] = field == "x"   ? it->second.x
                                : field == "v" ? it->second.v
                                               : it->second.x0pred;
            }
        } else if (std::regex_match(key.name, m, train_re)) {
            FlowMatchingConfig config;
            config.shift = parse_tag_number(m[1], spec.key);
            const FlowMatching fm(config);
            const std::string field = m[2];
            out[spec.key] = field == "timesteps" ? fm.timesteps()
                            : field == "sigmas"  ? fm.sigmas()
                                                 : fm.weights();
        } else if (std::regex_match(key.name, m, audio_re)) {
            out[spec.key] = guided_output(fx, key.role, Modality::audio,
                                          scale_set(fx, key.role, m[1]), m[2] == "1", m[3] == "1");
        } else if (std::regex_match(key.name, m, video_re)) {
            out[spec.key] = guided_output(fx, key.role, Modality::video,
                                          scale_set(fx, key.role, m[1]), m[2] == "1", false);
        } else {
            throw FormatError(fx.dir().string() + ": sampler output key '" + spec.key +
                              "' names no known case");
        }
    }
    return out;
}

}  // namespace nava::sampling
