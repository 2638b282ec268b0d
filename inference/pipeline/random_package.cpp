#include "inference/pipeline/random_package.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/module.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/dit/dit_config.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "inference/models/speaker/mel_frontend.h"
#include "inference/models/speaker/redimnet.h"
#include "inference/models/speaker/redimnet_config.h"
#include "inference/models/t5/t5_config.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/package.h"
#include "inference/text/tokenizer.h"

namespace nava::pipeline {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Norm gains start at one; matrices and kernels ~ N(0, 1/fan_in); other 1-D tensors (biases)
// at zero. Keeps activations bounded through a few random layers.
void randomize(torch::nn::Module& module, uint64_t seed) {
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& item : module.named_parameters(/*recurse=*/true)) {
        at::Tensor p = item.value();
        const std::string& name = item.key();
        at::Tensor value;
        // Norm gains first: the video VAE's are [C, 1, 1, 1].
        if (ends_with(name, "gamma") ||
            (p.dim() == 1 && name.find("norm") != std::string::npos && ends_with(name, "weight"))) {
            value = at::ones(p.sizes(), at::kFloat);
        } else if (p.dim() >= 2) {
            const double fan_in = static_cast<double>(p.numel() / p.size(0));
            value = at::randn(p.sizes(), gen, at::TensorOptions().dtype(at::kFloat)) /
                    std::sqrt(fan_in);
        } else {
            value = at::zeros(p.sizes(), at::kFloat);
        }
        p.copy_(value.to(p.scalar_type()));
    }
}

std::vector<io::NamedTensor> state_of(torch::nn::Module& module) {
    std::vector<io::NamedTensor> out;
    for (const auto& item : module.named_parameters(true))
        out.push_back({item.key(), item.value().detach().contiguous(), std::nullopt});
    for (const auto& item : module.named_buffers(true))
        out.push_back({item.key(), item.value().detach().contiguous(), std::nullopt});
    return out;
}

// ReDimNet: matrices and kernels ~ N(0, 1/fan_in), norm scales ~ 1, BN statistics of a unit
// input, the front-end's fixed buffers (pre-emphasis filter, window, mel filterbank) computed
// from the config as the loader expects them.
std::vector<io::NamedTensor> random_speaker_state(const speaker::ReDimNetConfig& config,
                                                  uint64_t seed) {
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto f32 = at::TensorOptions().dtype(at::kFloat);
    speaker::ReDimNet model(config);
    std::vector<io::NamedTensor> out;
    auto add = [&](const std::string& name, const at::Tensor& like) {
        at::Tensor v;
        if (like.scalar_type() == at::kLong) {
            v = at::zeros(like.sizes(), at::kLong);
        } else if (name == "spec.torchfbank.1.flipped_filter") {
            v = at::tensor({-0.97f, 1.0f}).view({1, 1, 2});
        } else if (name == "spec.torchfbank.2.spectrogram.window") {
            v = speaker::MelBanks::hamming_window(like.size(0), at::kFloat);
        } else if (name == "spec.torchfbank.2.mel_scale.fb") {
            v = speaker::MelBanks::mel_filterbank(config.mel, at::kFloat);
        } else if (ends_with(name, "running_var")) {
            v = at::ones(like.sizes(), f32);
        } else if (ends_with(name, "running_mean")) {
            v = at::zeros(like.sizes(), f32);
        } else if (ends_with(name, ".w")) {
            v = at::randn(like.sizes(), gen, f32) * 0.5;
        } else if (like.dim() >= 2) {
            const double fan_in = static_cast<double>(like.numel() / like.size(0));
            v = at::randn(like.sizes(), gen, f32) / std::sqrt(fan_in);
        } else if (ends_with(name, "weight")) {
            v = at::ones(like.sizes(), f32);
        } else {
            v = at::zeros(like.sizes(), f32);
        }
        out.push_back({name, v.to(like.scalar_type()).contiguous(), std::nullopt});
    };
    for (const auto& p : model.named_parameters(true))
        add(p.key(), p.value());
    for (const auto& b : model.named_buffers(true))
        add(b.key(), b.value());
    return out;
}

}  // namespace

nlohmann::json tiny_speaker_config() {
    return {
        {"F", 32},
        {"C", 8},
        {"stages_setup", {{1, 1, 1, {{3, 3}}, 4}, {2, 2, 1, {{3, 3}}, 8}, {2, 2, 1, {{3, 3}}, 4}}},
        {"group_divisor", 4},
        {"embed_dim", 64}};
}

void write_random_speaker_encoder(const fs::path& file, const nlohmann::json& config,
                                  uint64_t seed) {
    const auto c = speaker::ReDimNetConfig::from_json(config, "random speaker encoder");
    io::save_safetensors(file, random_speaker_state(c, seed), {{"model_config", config.dump()}});
}

void write_random_package(const fs::path& root, const RandomPackageSpec& spec) {
    if (spec.tokenizer_model.empty() || !fs::exists(spec.tokenizer_model))
        throw IoError("random package: tokenizer model '" + spec.tokenizer_model.string() +
                      "' does not exist");
    fs::create_directories(root / "tokenizer");
    fs::copy_file(spec.tokenizer_model, root / "tokenizer" / "spiece.model",
                  fs::copy_options::overwrite_existing);
    const text::Tokenizer tokenizer = text::Tokenizer::from_folder(root / "tokenizer");

    // 1. Text encoder: a tiny umT5 over the tokenizer's vocabulary.
    nlohmann::json t5_cfg = {{"vocab", tokenizer.vocab_size()},
                             {"dim", spec.text_dim},
                             {"dim_attn", spec.text_dim},
                             {"dim_ffn", spec.text_ffn},
                             {"heads", spec.text_heads},
                             {"layers", spec.text_layers},
                             {"buckets", 32},
                             {"max_dist", 128},
                             {"text_len", spec.text_len}};
    {
        auto encoder =
            std::make_shared<t5::T5Encoder>(t5::T5Config::from_json(t5_cfg, "random package"));
        randomize(*encoder, spec.seed + 1);
        io::save_safetensors(root / "text_encoder.safetensors", state_of(*encoder));
    }

    // 2. Audio codec (decoder + vocoder), the parity fixture's tiny architecture.
    const nlohmann::json audio_cfg = audio_vae::tiny_checkpoint_config();
    int64_t audio_width = 0;
    {
        audio_vae::CodecOptions o;
        o.with_encoder = false;
        const auto codec_config =
            audio_vae::AudioCodecConfig::from_checkpoint_json(audio_cfg, "random package");
        audio_vae::AudioCodec codec(codec_config, o);
        audio_vae::randomize_weights(codec, spec.seed + 2);
        audio_width = codec_config.vae.token_channels();
        io::save_safetensors(root / "audio_vae.safetensors", state_of(codec),
                             {{"config", audio_cfg.dump()}});
    }

    // 3. Video VAE.
    nlohmann::json video_cfg = {
        {"dim", spec.video_vae_dim}, {"dec_dim", spec.video_vae_dec_dim}, {"z_dim", 48}};
    if (spec.with_video) {
        video_vae::VideoVae vae(video_vae::VideoVaeConfig::from_json(video_cfg, "random package"));
        randomize(vae, spec.seed + 3);
        io::save_safetensors(root / "video_vae.safetensors", state_of(vae));
    }

    // 4. DiT over those widths: random everywhere, output heads included (a zero head would
    //    predict zero velocity and leave the noise untouched).
    nlohmann::json dit_cfg = {{"patch_size", {1, 2, 2}},
                              {"model_type", "ti2v"},
                              {"dim", 64},
                              {"ffn_dim", 128},
                              {"freq_dim", 64},
                              {"num_heads", 2},
                              {"num_layers", 2},
                              {"num_double_layers", 1},
                              {"num_single_layers", 1},
                              {"vid_in_dim", 48},
                              {"vid_out_dim", 48},
                              {"audio_in_dim", audio_width},
                              {"audio_out_dim", audio_width},
                              {"text_dim", spec.text_dim},
                              {"text_len", spec.text_len},
                              {"qk_norm", true},
                              {"cross_attn_norm", true},
                              {"eps", 1e-6},
                              {"temporal_rope_scaling_factor", 0.24},
                              {"add_spk_emb", true},
                              {"no_split_norm_ffn", true}};
    if (spec.speaker_config.is_object())
        dit_cfg["speaker_dim"] = spec.speaker_config.value("embed_dim", 192);
    for (const auto& [k, v] : spec.dit_overrides.items())
        dit_cfg[k] = v;
    {
        dit::DitModel model(dit::dit_config_from_json(dit_cfg, "random package"));
        dit::init_dit_weights(model, spec.seed + 4);
        at::NoGradGuard no_grad;
        auto gen = at::make_generator<at::CPUGeneratorImpl>(spec.seed + 5);
        for (auto& item : model.named_parameters(true)) {
            const std::string& name = item.key();
            if ((name.rfind("head.head.", 0) == 0 || name.rfind("head_audio.head.", 0) == 0) &&
                item.value().dim() >= 2)
                item.value().copy_(at::randn(item.value().sizes(), gen, at::TensorOptions()) *
                                   0.05);
        }
        io::save_safetensors(root / "dit.safetensors", state_of(model),
                             {{"dit_config", dit_cfg.dump()}});
    }

    // 5. Speaker encoder (optional).
    if (spec.speaker_config.is_object()) {
        write_random_speaker_encoder(root / "speaker_encoder.safetensors", spec.speaker_config,
                                     spec.seed + 6);
    }

    // 6. Manifest.
    nlohmann::json components = {
        {"dit", {{"weights", "dit.safetensors"}, {"config", dit_cfg}}},
        {"text_encoder", {{"weights", "text_encoder.safetensors"}, {"config", t5_cfg}}},
        {"tokenizer", {{"folder", "tokenizer"}}},
        {"audio_vae", {{"weights", "audio_vae.safetensors"}, {"config", audio_cfg}}},
    };
    if (spec.speaker_config.is_object())
        components["speaker_encoder"] = {{"weights", "speaker_encoder.safetensors"}};
    if (spec.with_video)
        components["video_vae"] = {{"weights", "video_vae.safetensors"}, {"config", video_cfg}};
    write_package_manifest(root, {{"format", "nava-package"},
                                  {"name", spec.name},
                                  {"version", "random-" + std::to_string(spec.seed)},
                                  {"components", components},
                                  {"defaults", spec.defaults}});
}

}  // namespace nava::pipeline
