// Helpers of the training-data tests: tiny media files written with the media library, and tiny
// randomly initialised encoders written to files (so that the cache keys see real weight files).
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/text/tokenizer.h"
#include "media/capabilities.h"
#include "media/export.h"
#include "media/wav.h"
#include "tests/inference/speaker/speaker_test_util.h"
#include "tests/support/test_support.h"
#include "training/preprocess/encoders.h"

namespace nava::train::test {

namespace fs = std::filesystem;

inline bool have_ffmpeg() {
    return media::capabilities().ffmpeg;
}

inline void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

inline media::AudioBuffer tone(double seconds, int rate = 16000, int channels = 1,
                               double hz = 220.0) {
    media::AudioBuffer a;
    a.sample_rate_hz = rate;
    a.channels = channels;
    const auto n = static_cast<int64_t>(seconds * rate);
    for (int64_t i = 0; i < n; ++i) {
        // A tone with a slow vibrato and some noise-like partials: the speaker encoder and the
        // silence checks see a voice-like, non-silent signal.
        const double t = static_cast<double>(i) / rate;
        const double v = 0.3 * std::sin(2 * M_PI * hz * t + 3 * std::sin(2 * M_PI * 5 * t)) +
                         0.1 * std::sin(2 * M_PI * 3.1 * hz * t);
        for (int c = 0; c < channels; ++c)
            a.samples.push_back(static_cast<float>(v));
    }
    return a;
}

// An MP4 of `seconds` at `fps` with a moving gradient (and a tone when `with_audio`).
inline void make_clip(const fs::path& path, double seconds, int width, int height, int fps = 24,
                      bool with_audio = true) {
    media::VideoBuffer v;
    v.width = width;
    v.height = height;
    v.fps = {fps, 1};
    const auto frames = static_cast<int64_t>(std::llround(seconds * fps));
    for (int64_t f = 0; f < frames; ++f)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                v.rgb.push_back(static_cast<uint8_t>((x * 4 + f * 7) & 255));
                v.rgb.push_back(static_cast<uint8_t>((y * 4 + f * 3) & 255));
                v.rgb.push_back(static_cast<uint8_t>((x + y + f * 11) & 255));
            }
    fs::create_directories(path.parent_path());
    media::ExportOptions o;
    o.preset = "ultrafast";
    o.audio_sample_rate_hz = 16000;
    const media::AudioBuffer a = tone(seconds, 16000, 2);
    media::export_mp4(path, &v, with_audio ? &a : nullptr, o);
}

// Parameters and buffers of a module as a safetensors file (float32).
inline void save_module(const fs::path& path, torch::nn::Module& m,
                        const std::map<std::string, std::string>& metadata = {}) {
    std::vector<io::NamedTensor> tensors;
    for (const auto& p : m.named_parameters(true))
        tensors.push_back({p.key(), p.value().detach().to(at::kFloat).contiguous(), std::nullopt});
    for (const auto& b : m.named_buffers(true))
        tensors.push_back({b.key(), b.value().detach().contiguous(), std::nullopt});
    fs::create_directories(path.parent_path());
    io::save_safetensors(path, tensors, metadata);
}

// Weights N(0, 1/fan_in), norm scales 1, biases 0: bounded activations through any depth.
inline void randomize(torch::nn::Module& m, uint64_t seed) {
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& p : m.named_parameters(true)) {
        at::Tensor v = p.value();
        if (v.dim() >= 2) {
            const double fan_in = static_cast<double>(v.numel() / v.size(0));
            v.copy_(at::randn(v.sizes(), gen, at::kFloat) / std::sqrt(fan_in));
        } else if (p.key().find("gamma") != std::string::npos ||
                   p.key().find("norm") != std::string::npos ||
                   p.key().find("weight") != std::string::npos) {
            v.fill_(1.0);
        } else {
            v.zero_();
        }
    }
}

inline nlohmann::json tiny_video_vae_config() {
    // Wan2.2's factors (16x spatial, 4x temporal) with tiny widths.
    nlohmann::json j = {{"dim", 8}, {"dec_dim", 12}, {"z_dim", 4}, {"num_res_blocks", 1}};
    j["scale_mean"] = std::vector<float>(4, 0.0f);
    j["scale_inv_std"] = std::vector<float>(4, 1.0f);
    return j;
}

inline void write_video_vae(const fs::path& weights, const fs::path& config, uint64_t seed) {
    const auto j = tiny_video_vae_config();
    video_vae::VideoVae vae(video_vae::VideoVaeConfig::from_json(j, "tiny video VAE"));
    randomize(vae, seed);
    save_module(weights, vae);
    write_text(config, j.dump());
}

inline void write_audio_vae(const fs::path& weights, uint64_t seed) {
    audio_vae::CodecOptions o;
    const auto config = audio_vae::tiny_checkpoint_config();
    audio_vae::AudioCodec codec(
        audio_vae::AudioCodecConfig::from_checkpoint_json(config, "tiny audio VAE"), o);
    audio_vae::randomize_weights(codec, seed);
    save_module(weights, codec, {{"config", config.dump()}});
}

inline nlohmann::json tiny_speaker_config() {
    return nlohmann::json::parse(R"({"F": 24, "C": 8,
      "stages_setup": [[1, 1, 1, [[3, 3]], 4], [2, 2, 1, [[3, 3]], 8], [3, 1, 1, [[3, 3]], 4]],
      "group_divisor": 4, "embed_dim": 32})");
}

inline void write_speaker_encoder(const fs::path& weights, uint64_t seed) {
    const auto j = tiny_speaker_config();
    const auto config = speaker::ReDimNetConfig::from_json(j, "tiny speaker");
    const speaker::test::MapSource src = speaker::test::random_weights(config, seed);
    std::vector<io::NamedTensor> tensors;
    for (const auto& [name, t] : src.tensors)
        tensors.push_back({name, t, std::nullopt});
    io::save_safetensors(weights, tensors, {{"model_config", j.dump()}});
}

// A sentencepiece model with the speech sentinels as pieces, trained with spm_train on a small
// generated corpus; false when spm_train is not installed.
inline bool write_tokenizer(const fs::path& folder) {
    if (nava::test::run_command("command -v spm_train").exit_code != 0) return false;
    fs::create_directories(folder);
    std::string corpus;
    const char* words[] = {"a",      "man",  "woman",  "says",  "hello",  "in",   "the",
                           "room",   "with", "soft",   "light", "music",  "and",  "rain",
                           "speaks", "to",   "camera", "quiet", "street", "night"};
    for (int i = 0; i < 300; ++i) {
        for (int k = 0; k < 9; ++k)
            corpus += std::string(words[(i * 7 + k * 3) % 20]) + " ";
        corpus += "<S> hello <E>\n";
    }
    write_text(folder / "corpus.txt", corpus);
    const auto r = nava::test::run_command(
        "spm_train --input=" + nava::test::shell_quote((folder / "corpus.txt").string()) +
        " --model_prefix=" + nava::test::shell_quote((folder / "spiece").string()) +
        " --model_type=unigram --vocab_size=120 --hard_vocab_limit=false --pad_id=0 --eos_id=1"
        " --bos_id=2 --unk_id=3 --character_coverage=1.0 --num_threads=1 --minloglevel=2"
        " --user_defined_symbols=" +
        nava::test::shell_quote("<extra_id_0>,<extra_id_1>,<extra_id_2>"));
    return r.exit_code == 0;
}

inline void write_text_encoder(const fs::path& weights, const fs::path& config, int64_t vocab,
                               uint64_t seed) {
    const nlohmann::json j = {{"vocab", vocab}, {"dim", 16},      {"dim_attn", 16},
                              {"dim_ffn", 24},  {"heads", 2},     {"layers", 2},
                              {"buckets", 8},   {"max_dist", 16}, {"text_len", 64}};
    t5::T5Encoder t5(t5::T5Config::from_json(j, "tiny t5"));
    randomize(t5, seed);
    save_module(weights, t5);
    write_text(config, j.dump());
}

// All five tiny encoders under `dir`; returns false when the tokenizer cannot be made.
inline bool write_tiny_encoders(const fs::path& dir, EncoderFiles& files) {
    if (!write_tokenizer(dir / "tokenizer")) return false;
    const auto tok = text::Tokenizer::from_folder(dir / "tokenizer");
    write_video_vae(dir / "video_vae.safetensors", dir / "video_vae.json", 1);
    write_audio_vae(dir / "audio_vae.safetensors", 2);
    write_text_encoder(dir / "t5.safetensors", dir / "t5.json", tok.vocab_size(), 3);
    write_speaker_encoder(dir / "speaker.safetensors", 4);
    files.video_vae.weights = dir / "video_vae.safetensors";
    files.video_vae.config = dir / "video_vae.json";
    files.audio_vae.weights = dir / "audio_vae.safetensors";
    files.text_encoder.weights = dir / "t5.safetensors";
    files.text_encoder.config = dir / "t5.json";
    files.tokenizer.weights = dir / "tokenizer";
    files.speaker_encoder.weights = dir / "speaker.safetensors";
    return true;
}

}  // namespace nava::train::test
