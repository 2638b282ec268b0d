#include "inference/pipeline/pipeline_parity.h"

#include <map>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/prefixed_source.h"
#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/composer.h"

namespace nava::pipeline {
namespace {

using nlohmann::json;

template <class T>
T value_or(const json& j, const char* key, T fallback) {
    auto it = j.find(key);
    return (it == j.end() || it->is_null()) ? fallback : it->get<T>();
}

Components load_components_from(const parity::Fixture& fx, const json& config) {
    const auto& weights = fx.file("weights");
    const json& comp = config.at("components");
    Components c;

    const io::PrefixedSource t5_source(weights,
                                       comp["t5"].value("weight_prefix", std::string("t5.")));
    t5::T5Config t5_base =
        t5::T5Config::from_json(comp["t5"], fx.dir().string() + " components.t5");
    c.text_encoder = t5::load_t5_encoder(t5_source, t5::infer_t5_config(t5_source, t5_base));

    const json& dit_json = comp["dit"];
    c.dit = std::make_shared<dit::DitModel>(
        dit::dit_config_from_json(dit_json.at("constructor_kwargs"), "components.dit"));
    const io::PrefixedSource dit_source(weights,
                                        dit_json.value("weight_prefix", std::string("dit.")));
    dit::load_dit_weights(*c.dit, dit_source, at::kFloat);

    if (comp.contains("video_vae")) {
        const json& v = comp["video_vae"];
        video_vae::LoadVideoVaeOptions o;
        o.prefix = v.value("weight_prefix", std::string("video_vae."));
        c.video_vae = video_vae::load_video_vae(
            weights, video_vae::VideoVaeConfig::from_json(v, "components.video_vae"), o);
        c.video_scale = std::make_shared<video_vae::LatentScale>();
        c.video_scale->mean = v.at("scale_mean").get<std::vector<float>>();
        c.video_scale->inv_std = v.at("scale_inv_std").get<std::vector<float>>();
    }
    if (comp.contains("audio_vae")) {
        const json& a = comp["audio_vae"];
        audio_vae::CodecOptions o;
        o.with_encoder = false;
        // The config is the LTX checkpoint JSON stored in the weights' metadata (config.json
        // repeats it only as a Python literal).
        const std::string key = a.value("config_metadata_key", std::string("audio_vae_config"));
        c.audio_codec =
            audio_vae::load_audio_codec(weights, audio_vae::checkpoint_config(weights, key), o,
                                        a.value("weight_prefix", std::string("audio_vae.")));
    }
    return c;
}

TokenSequence tokens(const parity::Fixture& fx, const std::string& prefix) {
    return {fx.tensor(prefix + "_ids").to(at::kLong), fx.tensor(prefix + "_mask").to(at::kLong)};
}

json fixture_config(const parity::Fixture& fx) {
    return fx.json_file(fx.manifest()["files"].value("config", std::string("config.json")));
}

}  // namespace

Components load_fixture_components(const parity::Fixture& fx) {
    return load_components_from(fx, fixture_config(fx));
}

ComposeResult compose_fixture_case(const parity::Fixture& fx, const Components& components,
                                   const std::string& name, bool batch_passes) {
    const json config = fixture_config(fx);
    const json& geometry = config.at("geometry");
    const json& sampling_cfg = config.at("sampling");
    const json& cs = config.at("cases").at(name);
    const json& kw = cs.at("sample_kwargs");
    const std::string p = name + ".input.";
    ComposeInputs in;
    in.prompt = tokens(fx, p + "prompt");
    in.negative_video = tokens(fx, p + "neg_video");
    in.negative_audio = tokens(fx, p + "neg_audio");
    if (auto pos = fx.find(p + "spk_pos")) {
        const at::Tensor l = pos->to(at::kLong).contiguous();
        in.speaker_positions.assign(l.data_ptr<int64_t>(), l.data_ptr<int64_t>() + l.numel());
    }
    if (auto s = fx.find(p + "spk_embs")) in.speaker_embeddings = s->to(at::kFloat);
    const bool has_video = cs.value("modality", std::string("audio_video")) != "audio";
    if (has_video) {
        in.frames = geometry.at("latent_frames").get<int64_t>();
        in.height = geometry.at("latent_h").get<int64_t>();
        in.width = geometry.at("latent_w").get<int64_t>();
        in.noise_video = fx.input(p + "noise_video");
        if (in.noise_video.size(0) != in.frames * in.height * in.width)
            throw FormatError(fx.dir().string() + ": video noise of case " + name +
                              " does not match the latent geometry");
    }
    in.noise_audio = fx.input(p + "noise_audio");
    in.audio_length = in.noise_audio.size(0);
    if (value_or<bool>(kw, "is_i2v", false)) {
        const at::Tensor f = fx.input(p + "first_frame_latent");  // [1, H, W, C]
        in.first_frame_latent = f.reshape({-1, f.size(-1)});
    }

    ComposeSettings st;
    st.solver = sampling::solver_kind_from_string(
        value_or<bool>(sampling_cfg, "euler", false) ? "euler" : "unipc");
    st.steps = kw.at("num_steps").get<int64_t>();
    st.shift_video = sampling_cfg.at("shift").get<double>();
    st.shift_audio = value_or<double>(sampling_cfg, "shift_audio", st.shift_video);
    auto& g = st.guidance;
    g.scales.video_text = kw.at("video_guidance_scale").get<double>();
    g.scales.audio_text = kw.at("audio_guidance_scale").get<double>();
    g.scales.video_align = kw.at("video_align_guidance_scale").get<double>();
    g.scales.audio_align = kw.at("audio_align_guidance_scale").get<double>();
    g.scales.timbre = kw.at("timbre_align_guidance_scale").get<double>();
    g.align = kw.at("align_3d_cfg").get<bool>();
    g.timbre = kw.at("timbre_cfg").get<bool>();
    g.skip_unit_scales = false;  // the reference's arithmetic exactly

    st.batch_passes = batch_passes;
    return compose(components, in, st, {}, /*keep_trace=*/true);
}

parity::Outputs run_pipeline_parity(const parity::Fixture& fx) {
    const Components components = load_fixture_components(fx);

    // The cases asked for: "<case>.out.<name>".
    std::map<std::string, std::set<std::string>> wanted;
    for (const auto& spec : fx.outputs()) {
        const auto dot = spec.key.find(".out.");
        if (dot == std::string::npos)
            throw FormatError(fx.dir().string() + ": cannot interpret output key '" + spec.key +
                              "'");
        wanted[spec.key.substr(0, dot)].insert(spec.key.substr(dot + 5));
    }

    parity::Outputs outputs;
    for (const auto& [name, keys] : wanted) {
        const ComposeResult r = compose_fixture_case(fx, components, name, true);
        using sampling::Modality;
        using sampling::StepTrace;
        auto put = [&](const std::string& key, const at::Tensor& t) {
            if (keys.count(key) && t.defined()) outputs[name + ".out." + key] = t;
        };
        put("timesteps", r.timesteps);
        put("sigmas_video", r.sigmas_video);
        put("sigmas_audio", r.sigmas_audio);
        put("context_prompt", r.context_prompt);
        put("context_neg_video", r.context_negative_video);
        put("context_neg_audio", r.context_negative_audio);
        for (const auto& [label, modality] :
             {std::pair<std::string, Modality>{"video", Modality::video},
              {"audio", Modality::audio}}) {
            if (!r.trace.initial.has(modality)) continue;
            put("latents_" + label, r.trace.stack(&StepTrace::latents, modality, true));
            put("solver_input_" + label, r.trace.stack(&StepTrace::solver_input, modality));
            put("guided_" + label, r.trace.stack(&StepTrace::guided, modality));
            for (int i = 0; i < sampling::kPassCount; ++i) {
                const auto pass = static_cast<sampling::Pass>(i);
                static const char* names[] = {"cond", "neg", "mmask", "nospk"};
                if (keys.count(std::string("dit_") + names[i] + "_" + label))
                    put(std::string("dit_") + names[i] + "_" + label,
                        r.trace.stack_raw(pass, modality));
            }
        }
        static const char* pass_names[] = {"cond", "neg", "mmask", "nospk"};
        for (int i = 0; i < sampling::kPassCount; ++i)
            put(std::string("dit_context_step0_") + pass_names[i], r.step0_context[i]);
        put("final_latent_video", r.final_video);
        put("final_latent_audio", r.final_audio);
        put("video", r.video);
        put("video_raw_unclamped", r.video_raw);
        put("audio", r.audio);
        put("audio_vocoder_48k", r.audio_48k);
        put("audio_mel_decoded", r.audio_mel);
    }
    return outputs;
}

}  // namespace nava::pipeline
