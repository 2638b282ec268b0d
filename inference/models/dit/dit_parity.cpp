#include "inference/models/dit/dit_parity.h"

#include <map>
#include <regex>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/io/state_dict.h"
#include "inference/models/dit/dit_model.h"

namespace nava::dit {
namespace {

at::ScalarType precision_dtype(const std::string& token) {
    if (token == "f32") return at::kFloat;
    if (token == "f64") return at::kDouble;
    if (token == "bf16") return at::kBFloat16;
    throw FormatError("DiT fixture: unknown precision '" + token + "' in an output key");
}

// Indexed inputs "<prefix>.0", "<prefix>.1", ... until the first missing one.
std::vector<at::Tensor> indexed(const parity::Fixture& fx, const std::string& prefix,
                                at::ScalarType dtype) {
    std::vector<at::Tensor> out;
    for (int i = 0;; ++i) {
        auto t = fx.find(prefix + "." + std::to_string(i));
        if (!t) break;
        out.push_back(t->to(dtype));
    }
    return out;
}

DitInputs variant_inputs(const parity::Fixture& fx, const std::string& variant,
                         const nlohmann::json& config, at::ScalarType dtype) {
    const std::string p = variant + ".input.";
    DitInputs in;
    in.video = indexed(fx, p + "vid", dtype);
    in.audio = indexed(fx, p + "audio", dtype);
    in.video_context = indexed(fx, p + "ctx", dtype);
    in.audio_context = in.video_context;  // the pipeline passes the same captions to both paths
    if (in.video.empty() && in.audio.empty())
        throw FormatError(fx.dir().string() + ": no inputs for variant '" + variant + "'");
    in.timestep = fx.tensor(p + "t").to(at::kDouble);
    if (auto s = fx.find(p + "spk_embed")) in.speaker_embeddings = s->to(dtype);
    const int64_t batch = static_cast<int64_t>(std::max(in.video.size(), in.audio.size()));
    bool any_pos = false;
    std::vector<std::vector<int64_t>> positions(batch);
    for (int64_t b = 0; b < batch; ++b) {
        if (auto pos = fx.find(p + "spk_pos." + std::to_string(b))) {
            any_pos = true;
            const at::Tensor l = pos->to(at::kLong).contiguous();
            positions[b].assign(l.data_ptr<int64_t>(), l.data_ptr<int64_t>() + l.numel());
        }
    }
    if (any_pos) in.speaker_positions = positions;
    // Call flags come from the fixture's description of the forward call.
    const auto calls = config.find("forward_calls");
    if (calls != config.end() && calls->contains(variant)) {
        const auto& call = (*calls)[variant];
        in.modality_masking = call.value("masking_modality", false);
        in.first_frame_clean = call.value("first_frame_is_clean", false);
    }
    return in;
}

}  // namespace

parity::Outputs run_dit_parity(const parity::Fixture& fx) {
    const nlohmann::json config_json =
        fx.json_file(fx.manifest()["files"].value("config", std::string("config.json")));
    const DitConfig config = dit_config_from_json(config_json.at("constructor_kwargs"),
                                                  fx.dir().string() + "/config.json");

    // Group the requested outputs by (variant, precision): "<variant>.<prec>.out.<kind>.<i>".
    const std::regex key_re(R"(^(.+)\.(f32|f64|bf16)\.out\.(vid|audio)\.(\d+)$)");
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> runs;
    for (const auto& spec : fx.outputs()) {
        std::smatch m;
        if (!std::regex_match(spec.key, m, key_re))
            throw FormatError(fx.dir().string() + ": cannot interpret output key '" + spec.key +
                              "'");
        runs[{m[1].str(), m[2].str()}].push_back(spec.key);
    }

    std::map<at::ScalarType, std::shared_ptr<DitModel>> models;
    auto model_for = [&](at::ScalarType dtype) {
        auto& m = models[dtype];
        if (!m) {
            m = std::make_shared<DitModel>(config);
            io::LoadOptions opts;
            opts.dtype = dtype;
            io::load_state_dict(*m, fx.file("weights"), opts);
            m->eval();
        }
        return m;
    };

    at::NoGradGuard no_grad;
    parity::Outputs outputs;
    for (const auto& [run, keys] : runs) {
        const auto& [variant, precision] = run;
        const at::ScalarType dtype = precision_dtype(precision);
        const auto input_dtype = dtype == at::kDouble ? at::kDouble : at::kFloat;
        const DitOutputs result =
            model_for(dtype)->forward(variant_inputs(fx, variant, config_json, input_dtype));
        for (std::size_t i = 0; i < result.video.size(); ++i)
            outputs[variant + "." + precision + ".out.vid." + std::to_string(i)] = result.video[i];
        for (std::size_t i = 0; i < result.audio.size(); ++i)
            outputs[variant + "." + precision + ".out.audio." + std::to_string(i)] =
                result.audio[i];
    }
    return outputs;
}

namespace {

// The two DiT parts the speaker_context fixture holds, under their DiT key names.
struct ContextModule : nn::Module {
    ContextModule(int64_t text_dim, int64_t dim, int64_t speaker_dim) {
        text = register_module("text_embedding", std::make_shared<TextEmbedding>(text_dim, dim));
        speaker =
            register_module("speaker_embedding", std::make_shared<SpeakerTokens>(speaker_dim, dim));
    }
    std::shared_ptr<TextEmbedding> text;
    std::shared_ptr<SpeakerTokens> speaker;
};

int64_t meta_int(const std::map<std::string, std::string>& meta, const std::string& key,
                 const std::string& label) {
    auto it = meta.find(key);
    if (it == meta.end()) throw FormatError(label + ": metadata '" + key + "' missing");
    return std::stoll(it->second);
}

}  // namespace

parity::Outputs run_speaker_context_parity(const parity::Fixture& fx) {
    const auto& io_file = fx.file("io");
    const auto& weights = fx.file("weights");
    const auto meta = io_file.metadata();
    const std::string label = io_file.description();
    // Sizes from the weights themselves; text_len from the metadata.
    const auto text_w = weights.info("text_embedding.0.weight");
    const auto spk_w = weights.info("speaker_embedding.net.1.weight");
    if (!text_w || !spk_w) throw FormatError(weights.description() + ": missing embedding weights");
    const int64_t dim = text_w->shape[0], text_dim = text_w->shape[1],
                  speaker_dim = spk_w->shape[1];
    const int64_t text_len = meta_int(meta, "text_len", label);

    ContextModule module(text_dim, dim, speaker_dim);
    io::load_state_dict(module, weights);
    at::NoGradGuard no_grad;

    std::vector<at::Tensor> contexts;
    for (int i = 0;; ++i) {
        auto c = fx.find("in_ctx" + std::to_string(i));
        if (!c) break;
        contexts.push_back(c->to(at::kFloat));
    }
    const at::Tensor voices = fx.input("in_spk_embs");

    parity::Outputs out;
    for (const auto& spec : fx.outputs()) {
        if (spec.key == "out_spk_token") {
            out[spec.key] = module.speaker->forward(voices);
            continue;
        }
        const std::string prefix = "out_context_";
        if (spec.key.rfind(prefix, 0) != 0)
            throw FormatError(label + ": cannot interpret output key '" + spec.key + "'");
        const std::string case_name = spec.key.substr(prefix.size());
        auto it = meta.find("case_" + case_name);
        if (it == meta.end())
            throw FormatError(label + ": no metadata for case '" + case_name + "'");
        const auto spec_json = io::parse_json_text(it->second, label + " case_" + case_name);
        ContextInputs ci;
        ci.contexts = contexts;
        if (!spec_json["spk_rows"].is_null())
            ci.speaker_embeddings = voices.narrow(0, 0, spec_json["spk_rows"].get<int64_t>());
        if (!spec_json["spk_pos"].is_null())
            ci.speaker_positions = spec_json["spk_pos"].get<std::vector<std::vector<int64_t>>>();
        out[spec.key] =
            build_context(*module.text, module.speaker.get(), text_len, ci, at::kFloat).context;
    }
    return out;
}

}  // namespace nava::dit
