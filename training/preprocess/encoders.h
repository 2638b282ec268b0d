// The frozen encoders that turn decoded clips into what the DiT trains on: video VAE (latents),
// audio VAE (tokens), tokenizer + umT5 (context and speaker-placeholder positions), speaker
// encoder (one voice embedding per speech span).
//
// `EncoderFiles` names their files (a model package provides them; a recipe may list them). The
// preprocessing cache keys entries by the files' content hashes, so changing any weight file
// invalidates exactly the entries it produced. Models are loaded only when an entry must be
// encoded: a run over a complete cache loads nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <nlohmann/json.hpp>

namespace nava::pipeline {
struct ModelPackage;
}

namespace nava::train {

class FingerprintStore;

struct EncoderComponent {
    std::filesystem::path weights;  // file (folder for the tokenizer); empty = not available
    std::filesystem::path config;   // JSON file ("" = from the weights' metadata or defaults)
    nlohmann::json config_json;     // inline config (wins over `config`), e.g. from a package
    std::string prefix;             // key prefix inside the weights file

    bool present() const { return !weights.empty(); }
    nlohmann::json load_config() const;  // config_json, else the config file, else null
};

struct EncoderFiles {
    EncoderComponent video_vae;        // Wan2.2 VAE (.pth / .safetensors) + config
    EncoderComponent audio_vae;        // LTX-2.3 audio VAE safetensors (config in its metadata)
    EncoderComponent text_encoder;     // umT5 weights + config (sizes inferred when absent)
    EncoderComponent tokenizer;        // folder with spiece.model (+ tokenizer.json)
    EncoderComponent speaker_encoder;  // ReDimNet safetensors (optional)

    // {"video_vae": "path" or {"weights", "config", "prefix"}, "audio_vae": ..., ...}; relative
    // paths resolve against `base`. {"package": "folder"} takes the files of a model package.
    static EncoderFiles from_json(const nlohmann::json& json, const std::filesystem::path& base);
    nlohmann::json to_json() const;
    static EncoderFiles from_package(const pipeline::ModelPackage& package);
};

// Content hash per component ("video_vae", "audio_vae", "text_encoder", "tokenizer",
// "speaker_encoder"; absent components are left out): weights, config and prefix.
std::map<std::string, std::string> encoder_versions(const EncoderFiles& files,
                                                    FingerprintStore& store);

struct EncodedText {
    at::Tensor context;                      // [Lt, text_dim] float32, trimmed to real tokens
    std::vector<int64_t> speaker_positions;  // token index of each `<extra_id_2>` placeholder
    std::vector<std::string> warnings;
};

// What the preprocessor calls. Implementations need not be thread-safe: the preprocessor calls
// one method at a time.
class ClipEncoders {
public:
    virtual ~ClipEncoders() = default;
    // video [3, F, H, W] in [-1, 1] (F = 1 + 4k) -> latent [C, T, h, w] float32
    virtual at::Tensor encode_video(const at::Tensor& video) = 0;
    // wave [channels, N] at audio_sample_rate_hz() -> tokens [L, C] float32
    virtual at::Tensor encode_audio(const at::Tensor& wave) = 0;
    // caption with inline `<S>…<E>` -> trimmed context and placeholder positions
    virtual EncodedText encode_text(const std::string& caption) = 0;
    // mono wave [N] at audio_sample_rate_hz() -> [speaker_dim] float32; throws when unusable
    virtual at::Tensor embed_speaker(const at::Tensor& wave) = 0;
    virtual bool has_speaker_encoder() const = 0;
    virtual int64_t speaker_dim() const = 0;
    virtual int64_t audio_sample_rate_hz() const { return 16000; }
};

struct EncoderOptions {
    at::ScalarType dtype = at::kFloat;  // VAEs and umT5 (bfloat16 on GPUs)
    c10::Device device = c10::Device(c10::kCPU);
    bool speaker_placeholders = true;  // insert `<extra_id_2>` after `<S>` (model add_spk_emb)
    int64_t text_len = 512;            // tokenizer length (the DiT's text_len)
};

// The real encoders, each loaded from its files on first use.
std::unique_ptr<ClipEncoders> load_clip_encoders(const EncoderFiles& files,
                                                 const EncoderOptions& options);

}  // namespace nava::train
