#include "inference/pipeline/package.h"

#include <fstream>
#include <sstream>

#include "inference/io/json_config.h"
#include "inference/models/dit/dit_config.h"

namespace nava::pipeline {
namespace {

namespace fs = std::filesystem;

struct Missing {
    std::string path;
    std::string hint;
};

std::string describe_missing(const fs::path& root, const std::vector<Missing>& missing) {
    std::ostringstream s;
    s << root.string() << ": the model package is incomplete; missing:";
    for (const auto& m : missing)
        s << "\n  " << m.path << "  (" << m.hint << ")";
    return s.str();
}

ModelPackage open_official(const fs::path& root) {
    ModelPackage p;
    p.root = root;
    p.layout = PackageLayout::official_release;
    p.name = "NAVA-6B";
    p.version = "official";
    std::vector<Missing> missing;
    const std::string hf = "from the Hugging Face repository ernie-research/NAVA";

    // DiT: bf16 or fp8 weight-only (at least one); architecture from config.json when present.
    if (fs::exists(root / official::kDit)) p.dit = {root / official::kDit, nullptr, ""};
    if (fs::exists(root / official::kDitFp8)) p.dit_fp8 = {root / official::kDitFp8, nullptr, ""};
    if (!p.dit.present() && !p.dit_fp8.present())
        missing.push_back({official::kDit, "or NAVA_fp8.safetensors, " + hf});
    nlohmann::json dit_config = dit::dit_config_to_json(dit::nava_6b_config());
    if (fs::exists(root / official::kDitConfig)) {
        const auto j = io::read_json_file(root / official::kDitConfig);
        for (const auto& [k, v] : j.items())
            dit_config[k] = v;
    }
    p.dit.config = dit_config;
    p.dit_fp8.config = dit_config;

    auto require = [&](PackageComponent& c, const char* rel, const std::string& hint) {
        if (fs::exists(root / rel)) {
            c.weights = root / rel;
        } else {
            missing.push_back({rel, hint});
        }
    };
    require(p.text_encoder, official::kTextEncoder, "umT5-XXL encoder, " + hf);
    require(p.tokenizer, official::kTokenizer, "tokenizer folder with spiece.model, " + hf);
    require(p.video_vae, official::kVideoVae, "Wan2.2 video VAE, " + hf);
    require(p.audio_vae, official::kAudioVae, "LTX-2.3 audio VAE + vocoder, " + hf);

    // ReDimNet-M: the reference downloads it through torch.hub; an offline app needs the file.
    const fs::path speaker_dir = root / official::kSpeakerFolder;
    if (fs::is_directory(speaker_dir)) {
        for (const auto& e : fs::directory_iterator(speaker_dir)) {
            const auto ext = e.path().extension().string();
            if (ext == ".safetensors" || ext == ".pt" || ext == ".pth") {
                p.speaker_encoder.weights = e.path();
                break;
            }
        }
    }
    if (!p.speaker_encoder.present())
        p.warnings.push_back(std::string("no speaker encoder in ") + official::kSpeakerFolder +
                             "/ (ReDimNet-M from IDRnD/ReDimNet, 'M', ft_mix, vb2+vox2+cnc): "
                             "reference voices cannot be used");
    if (!missing.empty()) throw PackageError(describe_missing(root, missing));
    p.defaults = {{"width", 1280}, {"height", 704}, {"fps", 24},        {"duration_s", 6.0},
                  {"steps", 50},   {"shift", 5.0},  {"solver", "unipc"}};
    return p;
}

PackageComponent component_from(const fs::path& root, const nlohmann::json& manifest,
                                const std::string& name, bool required,
                                std::vector<Missing>& missing) {
    PackageComponent c;
    const auto comps = manifest.find("components");
    if (comps == manifest.end() || !comps->contains(name)) {
        if (required) missing.push_back({"components." + name, "not named in manifest.json"});
        return c;
    }
    const nlohmann::json& j = (*comps)[name];
    std::string rel;
    if (j.contains("weights") && j["weights"].is_string()) rel = j["weights"].get<std::string>();
    if (j.contains("folder") && j["folder"].is_string()) rel = j["folder"].get<std::string>();
    if (rel.empty()) {
        missing.push_back({"components." + name, "manifest.json names no file"});
        return c;
    }
    if (!fs::exists(root / rel)) {
        missing.push_back({rel, "named in manifest.json as the " + name});
        return c;
    }
    c.weights = root / rel;
    c.config = j.value("config", nlohmann::json());
    c.prefix = j.value("prefix", std::string());
    return c;
}

}  // namespace

bool ModelPackage::is_official_release(const fs::path& root) {
    return !fs::exists(root / "manifest.json") &&
           (fs::exists(root / official::kDit) || fs::exists(root / official::kDitFp8));
}

ModelPackage ModelPackage::open(const fs::path& root) {
    if (!fs::is_directory(root))
        throw PackageError(root.string() + ": no such model package folder");
    if (is_official_release(root)) return open_official(root);
    if (!fs::exists(root / "manifest.json"))
        throw PackageError(root.string() +
                           ": not a model package (no manifest.json, and not the official NAVA "
                           "release: NAVA.safetensors is missing)");
    const auto manifest = io::read_json_file(root / "manifest.json");
    if (manifest.value("format", std::string()) != "nava-package")
        throw PackageError((root / "manifest.json").string() +
                           ": 'format' must be \"nava-package\"");
    ModelPackage p;
    p.root = root;
    p.layout = PackageLayout::nava_package;
    p.name = manifest.value("name", root.filename().string());
    p.version = manifest.value("version", std::string());
    std::vector<Missing> missing;
    p.dit = component_from(root, manifest, "dit", true, missing);
    p.text_encoder = component_from(root, manifest, "text_encoder", true, missing);
    p.tokenizer = component_from(root, manifest, "tokenizer", true, missing);
    p.video_vae = component_from(root, manifest, "video_vae", false, missing);
    p.audio_vae = component_from(root, manifest, "audio_vae", true, missing);
    p.speaker_encoder = component_from(root, manifest, "speaker_encoder", false, missing);
    if (!missing.empty()) throw PackageError(describe_missing(root, missing));
    if (!p.speaker_encoder.present())
        p.warnings.push_back("this package has no speaker encoder: reference voices are ignored");
    p.defaults = manifest.value("defaults", nlohmann::json::object());
    p.negative_prompt_video = manifest.value("negative_prompt_video", std::string());
    p.negative_prompt_audio = manifest.value("negative_prompt_audio", std::string());
    return p;
}

int ModelPackage::default_int(const std::string& key, int fallback) const {
    return defaults.is_object() && defaults.contains(key) && defaults[key].is_number()
               ? defaults[key].get<int>()
               : fallback;
}

double ModelPackage::default_double(const std::string& key, double fallback) const {
    return defaults.is_object() && defaults.contains(key) && defaults[key].is_number()
               ? defaults[key].get<double>()
               : fallback;
}

void write_package_manifest(const fs::path& root, const nlohmann::json& manifest) {
    fs::create_directories(root);
    const fs::path tmp = root / ".manifest.json.tmp";
    {
        std::ofstream out(tmp);
        out << manifest.dump(2) << "\n";
        if (!out) throw IoError(tmp.string() + ": cannot write");
    }
    fs::rename(tmp, root / "manifest.json");
}

}  // namespace nava::pipeline
