// A complete model package with random weights at a tiny width: the same classes, file layout
// and manifest as a trained package. Tests and benchmarks use it to run the whole engine
// (conditioning, sampling, both decoders, export) in seconds, and NAVA-tiny training starts
// from one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace nava::pipeline {

struct RandomPackageSpec {
    std::string name = "random-tiny";
    // A sentencepiece model with the umT5 id layout (<pad>=0, </s>=1, <s>=2, <unk>=3) and the
    // speaker placeholder piece <extra_id_2>; copied into the package as tokenizer/spiece.model.
    std::filesystem::path tokenizer_model;
    uint64_t seed = 1;
    // umT5 width.
    int64_t text_dim = 32, text_layers = 1, text_heads = 2, text_ffn = 64, text_len = 64;
    // DiT constructor keys overriding the tiny defaults (dim 64, 2 heads, 1 + 1 blocks).
    nlohmann::json dit_overrides = nlohmann::json::object();
    // Video VAE widths (latent channels stay 48, the DiT's video width).
    int64_t video_vae_dim = 8, video_vae_dec_dim = 12;
    bool with_video = true;
    // Speaker encoder: ReDimNet constructor keys (the checkpoint's `model_config`); null = the
    // package has none (reference voices are then ignored).
    nlohmann::json speaker_config = nullptr;
    // Generation defaults written to the manifest.
    nlohmann::json defaults = {{"width", 64},       {"height", 32}, {"fps", 24},
                               {"duration_s", 0.5}, {"steps", 4},   {"shift", 5.0}};
};

// A small ReDimNet (the class of ReDimNet-M at a tiny width): 32 mel bins, 8 stem channels,
// three stages, 64-d embedding.
nlohmann::json tiny_speaker_config();
// A ReDimNet checkpoint with random weights for `config` (its `model_config` metadata), as the
// engine loads it: the starting point of `nava train-vae speaker`.
void write_random_speaker_encoder(const std::filesystem::path& file, const nlohmann::json& config,
                                  uint64_t seed);

// Writes the package folder (created if needed). Deterministic for a seed: the same spec gives
// byte-identical files.
void write_random_package(const std::filesystem::path& root, const RandomPackageSpec& spec);

}  // namespace nava::pipeline
