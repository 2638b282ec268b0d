#include "inference/pipeline/package_assembly.h"

#include <fstream>
#include <set>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/pipeline/package.h"

namespace nava::pipeline {
namespace {

namespace fs = std::filesystem;

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw IoError(path.string() + ": cannot read");
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw PackageError(path.string() + ": not a JSON object");
    return j;
}

// Front-end constants that must keep full precision (loaders compare them with the config).
bool is_constant(const std::string& name) {
    for (const char* key : {"window", "fb", "filter", "basis", "mel", "stft"})
        if (name.find(key) != std::string::npos) return true;
    return false;
}

// Copies a safetensors file, storing float32 matrices / kernels as bfloat16 when asked.
void copy_weights(const fs::path& from, const fs::path& to, const std::string& dtype) {
    const auto file = io::SafetensorsFile::open(from);
    std::vector<io::NamedTensor> tensors;
    for (const std::string& name : file->names()) {
        at::Tensor t = file->tensor(name);
        if (dtype == "bf16" && t.scalar_type() == at::kFloat && t.dim() >= 2 && !is_constant(name))
            t = t.to(at::kBFloat16);
        tensors.push_back({name, t.contiguous(), std::nullopt});
    }
    io::save_safetensors(to, tensors, file->metadata());
}

// The trained DiT must be the base's architecture: same tensor names and shapes.
void check_same_layout(const fs::path& trained, const fs::path& base) {
    const auto a = io::SafetensorsFile::open(trained);
    const auto b = io::SafetensorsFile::open(base);
    const std::vector<std::string> na = a->names(), nb = b->names();
    const std::set<std::string> sa(na.begin(), na.end()), sb(nb.begin(), nb.end());
    std::string problems;
    int count = 0;
    for (const auto& n : sb) {
        if (!sa.count(n)) {
            if (count++ < 5) problems += "\n  missing " + n;
        } else if (a->info(n)->shape != b->info(n)->shape) {
            if (count++ < 5) problems += "\n  shape differs: " + n;
        }
    }
    for (const auto& n : sa)
        if (!sb.count(n) && count++ < 5) problems += "\n  unexpected " + n;
    if (count > 0)
        throw PackageError(trained.string() + " is not the base package's DiT architecture (" +
                           std::to_string(count) + " differences):" + problems);
}

}  // namespace

AssemblyReport assemble_package(const AssemblySpec& spec) {
    if (spec.dtype != "f32" && spec.dtype != "bf16")
        throw PackageError("package dtype must be f32 or bf16, not '" + spec.dtype + "'");
    const ModelPackage base = ModelPackage::open(spec.base);
    if (base.layout != PackageLayout::nava_package)
        throw PackageError(spec.base.string() + ": the base must be a package with manifest.json");
    nlohmann::json manifest = read_json(spec.base / "manifest.json");
    nlohmann::json& comps = manifest["components"];

    const fs::path tmp = spec.out.parent_path() / (spec.out.filename().string() + ".partial");
    fs::remove_all(tmp);
    fs::create_directories(tmp);

    // DiT.
    fs::path dit_from = base.dit.weights;
    if (!spec.dit.empty()) {
        check_same_layout(spec.dit, base.dit.weights);
        dit_from = spec.dit;
    }
    copy_weights(dit_from, tmp / "dit.safetensors", spec.dtype);
    comps["dit"]["weights"] = "dit.safetensors";

    // Text encoder and tokenizer as they are.
    copy_weights(base.text_encoder.weights, tmp / "text_encoder.safetensors", "f32");
    comps["text_encoder"]["weights"] = "text_encoder.safetensors";
    fs::copy(base.tokenizer.weights, tmp / "tokenizer", fs::copy_options::recursive);
    comps["tokenizer"] = {{"folder", "tokenizer"}};

    // Autoencoders: from a trainer's component JSON, else the base's.
    auto autoencoder = [&](const std::string& key, const fs::path& component_json,
                           const PackageComponent& from_base) {
        const std::string file = key + ".safetensors";
        if (!component_json.empty()) {
            const nlohmann::json c = read_json(component_json);
            if (!c.contains("weights") || !c["weights"].is_string())
                throw PackageError(component_json.string() + ": names no \"weights\" file");
            const fs::path weights = component_json.parent_path() / c["weights"].get<std::string>();
            copy_weights(weights, tmp / file, spec.dtype);
            nlohmann::json entry = {{"weights", file}};
            if (c.contains("config")) entry["config"] = c["config"];
            comps[key] = entry;
        } else if (from_base.present()) {
            copy_weights(from_base.weights, tmp / file, spec.dtype);
            comps[key]["weights"] = file;
        }
    };
    autoencoder("video_vae", spec.video_vae, base.video_vae);
    autoencoder("audio_vae", spec.audio_vae, base.audio_vae);

    // Speaker encoder (kept in float32: it is small and compared by cosine).
    const fs::path speaker =
        !spec.speaker_encoder.empty() ? spec.speaker_encoder : base.speaker_encoder.weights;
    if (!speaker.empty()) {
        copy_weights(speaker, tmp / "speaker_encoder.safetensors", "f32");
        comps["speaker_encoder"] = {{"weights", "speaker_encoder.safetensors"}};
    }

    // Demo voices.
    if (!spec.voices.empty()) {
        fs::create_directories(tmp / "voices");
        nlohmann::json list = nlohmann::json::object();
        for (const auto& [name, file] : spec.voices) {
            if (!fs::exists(file)) throw IoError(file.string() + ": voice file does not exist");
            const std::string rel = "voices/" + name + file.extension().string();
            fs::copy_file(file, tmp / rel, fs::copy_options::overwrite_existing);
            list[name] = rel;
        }
        manifest["voices"] = list;
    }

    if (!spec.name.empty()) manifest["name"] = spec.name;
    if (!spec.version.empty()) manifest["version"] = spec.version;
    if (!manifest.contains("defaults") || !manifest["defaults"].is_object())
        manifest["defaults"] = nlohmann::json::object();
    for (const auto& [k, v] : spec.defaults.items())
        manifest["defaults"][k] = v;
    if (!spec.about.empty()) manifest["about"] = spec.about;
    write_package_manifest(tmp, manifest);

    // Check that the result opens before it replaces anything.
    ModelPackage::open(tmp);
    fs::remove_all(spec.out);
    fs::rename(tmp, spec.out);

    AssemblyReport report;
    for (const auto& e : fs::recursive_directory_iterator(spec.out)) {
        if (!e.is_regular_file()) continue;
        const uintmax_t bytes = e.file_size();
        report.files.push_back({fs::relative(e.path(), spec.out).string(), bytes});
        report.total_bytes += bytes;
    }
    return report;
}

}  // namespace nava::pipeline
