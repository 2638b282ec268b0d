// Assembling a model package from trained parts: a base package (our layout) supplies every
// component, and trained files replace some of them — the DiT `nava train` exported, the
// autoencoders `nava train-vae` exported (their `*.component.json`), a speaker encoder. Large
// floating weights can be stored as bfloat16 to keep the package small; demo voices are copied
// into `voices/`. This is how NAVA-tiny is put together (see assets/models/nava-tiny/README.md).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace nava::pipeline {

struct AssemblySpec {
    std::filesystem::path base;       // package folder (our layout) providing every component
    std::filesystem::path out;        // the new package folder (replaced atomically)
    std::string name;                 // "" = the base's
    std::string version;              // "" = the base's
    std::filesystem::path dit;        // trained DiT weights (same architecture as the base's DiT)
    std::filesystem::path video_vae;  // component JSON {"weights", "config"} or ""
    std::filesystem::path audio_vae;  // component JSON {"weights", "config"} or ""
    std::filesystem::path speaker_encoder;  // ReDimNet safetensors (config in metadata) or ""
    // Demo voices: (name, audio file) copied to voices/<name>.<ext> and listed in the manifest.
    std::vector<std::pair<std::string, std::filesystem::path>> voices;
    // "f32" keeps every tensor; "bf16" stores float32 matrices and kernels as bfloat16
    // (front-end constants such as windows and filterbanks stay float32).
    std::string dtype = "bf16";
    nlohmann::json defaults = nlohmann::json::object();  // merged over the base's defaults
    nlohmann::json about = nlohmann::json::object();     // free-form provenance -> "about"
};

struct AssemblyReport {
    std::vector<std::pair<std::string, uintmax_t>> files;  // file name -> bytes
    uintmax_t total_bytes = 0;
};

// Writes the package; throws PackageError / IoError naming what is wrong (missing files, a DiT
// whose tensor names or shapes differ from the base's). The result opens with ModelPackage::open.
AssemblyReport assemble_package(const AssemblySpec& spec);

}  // namespace nava::pipeline
