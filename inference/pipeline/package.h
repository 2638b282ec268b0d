// Model packages: a folder holding everything a generation needs. Two layouts are understood:
//  * our own (NAVA-tiny, fine-tunes): `manifest.json` naming each component's file and config;
//  * the official NAVA release exactly as published (`NAVA.safetensors` or
//    `NAVA_fp8.safetensors`, `Wan2.2-TI2V-5B/...`, `params/LTX2/...`), detected by its files.
// Opening checks that the files exist and says what to download and where to put it.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"

namespace nava::pipeline {

class PackageError : public Error {
public:
    using Error::Error;
};

struct PackageComponent {
    std::filesystem::path weights;  // file (or folder for the tokenizer)
    nlohmann::json config;          // component config (null: read from the weights' metadata)
    std::string prefix;             // key prefix inside the weights file
    bool present() const { return !weights.empty(); }
};

enum class PackageLayout { nava_package, official_release };

struct ModelPackage {
    std::filesystem::path root;
    PackageLayout layout = PackageLayout::nava_package;
    std::string name;
    std::string version;
    PackageComponent dit;
    PackageComponent dit_fp8;  // official release: the fp8 weight-only variant, when present
    PackageComponent text_encoder;
    PackageComponent tokenizer;
    PackageComponent video_vae;
    PackageComponent audio_vae;
    PackageComponent speaker_encoder;  // optional: without it reference voices are unavailable
    nlohmann::json defaults;  // width, height, fps, duration_s, steps, shift, solver, guidance
    std::string negative_prompt_video;  // "" = the reference's default strings
    std::string negative_prompt_audio;
    std::vector<std::string> warnings;

    // Opens `root` (either layout). Throws PackageError listing every missing file, with what
    // to download and where to put it.
    static ModelPackage open(const std::filesystem::path& root);
    // True when `root` looks like the official release (its DiT file is there).
    static bool is_official_release(const std::filesystem::path& root);

    int default_int(const std::string& key, int fallback) const;
    double default_double(const std::string& key, double fallback) const;
};

// Writes `manifest.json` for a package folder (used by exports and the NAVA-tiny builder).
void write_package_manifest(const std::filesystem::path& root, const nlohmann::json& manifest);

// The official release's file names, relative to its root.
namespace official {
inline constexpr const char* kDit = "NAVA.safetensors";
inline constexpr const char* kDitFp8 = "NAVA_fp8.safetensors";
inline constexpr const char* kDitConfig = "config.json";
inline constexpr const char* kTextEncoder = "Wan2.2-TI2V-5B/models_t5_umt5-xxl-enc-bf16.pth";
inline constexpr const char* kTokenizer = "Wan2.2-TI2V-5B/google/umt5-xxl";
inline constexpr const char* kVideoVae = "Wan2.2-TI2V-5B/Wan2.2_VAE.pth";
inline constexpr const char* kAudioVae = "params/LTX2/ltx-2.3-22b-dev_audio_vae.safetensors";
inline constexpr const char* kSpeakerFolder = "params/ReDimNet";
}  // namespace official

}  // namespace nava::pipeline
