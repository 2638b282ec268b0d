#include "training/validation_samples.h"

#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "inference/pipeline/engine.h"
#include "inference/pipeline/package.h"
#include "training/checkpoint.h"

namespace nava::train {

namespace fs = std::filesystem;

namespace {

nlohmann::json component_json(const pipeline::PackageComponent& c, bool folder = false) {
    nlohmann::json j = {{folder ? "folder" : "weights", fs::absolute(c.weights).string()}};
    if (!c.config.is_null()) j["config"] = c.config;
    if (!c.prefix.empty()) j["prefix"] = c.prefix;
    return j;
}

}  // namespace

std::vector<fs::path> write_validation_samples(const Recipe& recipe, int64_t step,
                                               DitTrainer& trainer, bool leader) {
    const ValidationSpec& v = recipe.validation;
    const fs::path dir = recipe.output_dir / "samples";
    const fs::path work = dir / ".model";
    // 1. The EMA weights, consolidated (collective).
    if (leader) fs::create_directories(work);
    export_model(work / "dit.safetensors", trainer, /*use_ema=*/true);
    if (!leader) return {};

    // 2. A package: the base package's components with this DiT (its config is in the export's
    //    metadata).
    const pipeline::ModelPackage base = pipeline::ModelPackage::open(v.package);
    nlohmann::json components = {
        {"dit", {{"weights", fs::absolute(work / "dit.safetensors").string()}}},
        {"text_encoder", component_json(base.text_encoder)},
        {"tokenizer", component_json(base.tokenizer, /*folder=*/true)},
        {"audio_vae", component_json(base.audio_vae)}};
    if (base.video_vae.present()) components["video_vae"] = component_json(base.video_vae);
    if (base.speaker_encoder.present())
        components["speaker_encoder"] = component_json(base.speaker_encoder);
    pipeline::write_package_manifest(work, {{"format", "nava-package"},
                                            {"name", recipe.name + " step " + std::to_string(step)},
                                            {"components", components},
                                            {"defaults", base.defaults}});

    // 3. One clip per prompt, same seed every time so the samples show training progress; on
    //    the device the training runs on.
    pipeline::EngineOptions options;
    options.device = trainer.options().device.str();
    pipeline::GenerationEngine engine(options);
    engine.load_package(work.string());
    std::vector<fs::path> written;
    for (std::size_t k = 0; k < v.prompts.size(); ++k) {
        api::GenerationRequest r;
        r.prompt = v.prompts[k];
        r.width = v.width;
        r.height = v.height;
        r.duration_s = v.duration_s;
        r.steps = static_cast<int>(v.steps);
        r.seed = v.seed + k;
        char name[64];
        std::snprintf(name, sizeof name, "step-%08lld_%zu.mp4", static_cast<long long>(step),
                      k + 1);
        r.output_path = (dir / name).string();
        written.emplace_back(engine.generate("sample", r).output_path);
    }
    return written;
}

}  // namespace nava::train
