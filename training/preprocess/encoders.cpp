#include "training/preprocess/encoders.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/prefixed_source.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/speaker/reference_voice.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/package.h"
#include "inference/text/prompt.h"
#include "inference/text/speaker_placeholders.h"
#include "inference/text/tokenizer.h"
#include "training/preprocess/content_hash.h"

namespace nava::train {

namespace fs = std::filesystem;

nlohmann::json EncoderComponent::load_config() const {
    if (!config_json.is_null()) return config_json;
    if (!config.empty()) return io::read_json_file(config);
    return nullptr;
}

namespace {

const char* const kComponents[] = {"video_vae", "audio_vae", "text_encoder", "tokenizer",
                                   "speaker_encoder"};

EncoderComponent* component(EncoderFiles& f, const std::string& name) {
    if (name == "video_vae") return &f.video_vae;
    if (name == "audio_vae") return &f.audio_vae;
    if (name == "text_encoder") return &f.text_encoder;
    if (name == "tokenizer") return &f.tokenizer;
    if (name == "speaker_encoder") return &f.speaker_encoder;
    return nullptr;
}

const EncoderComponent* component(const EncoderFiles& f, const std::string& name) {
    return component(const_cast<EncoderFiles&>(f), name);
}

fs::path resolve(const fs::path& base, const std::string& p) {
    if (p.empty()) return {};
    const fs::path path(p);
    return path.is_absolute() ? path : base / path;
}

EncoderComponent from_package(const pipeline::PackageComponent& c) {
    EncoderComponent e;
    e.weights = c.weights;
    e.config_json = c.config;
    e.prefix = c.prefix;
    return e;
}

}  // namespace

EncoderFiles EncoderFiles::from_package(const pipeline::ModelPackage& package) {
    EncoderFiles f;
    f.video_vae = train::from_package(package.video_vae);
    f.audio_vae = train::from_package(package.audio_vae);
    f.text_encoder = train::from_package(package.text_encoder);
    f.tokenizer = train::from_package(package.tokenizer);
    f.speaker_encoder = train::from_package(package.speaker_encoder);
    return f;
}

EncoderFiles EncoderFiles::from_json(const nlohmann::json& json, const fs::path& base) {
    if (json.is_null()) return {};
    if (!json.is_object()) throw ConfigError("encoders: expected an object");
    EncoderFiles f;
    if (json.contains("package")) {
        const fs::path root = resolve(base, json["package"].get<std::string>());
        f = from_package(pipeline::ModelPackage::open(root));
    }
    for (const auto& [key, value] : json.items()) {
        if (key == "package") continue;
        EncoderComponent* c = component(f, key);
        if (!c)
            throw ConfigError("encoders: unknown component '" + key +
                              "' (video_vae, audio_vae, text_encoder, tokenizer, "
                              "speaker_encoder, package)");
        *c = {};
        if (value.is_string()) {
            c->weights = resolve(base, value.get<std::string>());
        } else if (value.is_object()) {
            io::ConfigReader r(value, "encoders." + key);
            c->weights = resolve(base, r.get_string("weights", ""));
            if (r.has("config")) {
                if (value["config"].is_string())
                    c->config = resolve(base, value["config"].get<std::string>());
                else
                    c->config_json = value["config"];
            }
            c->prefix = r.get_string("prefix", "");
        } else if (!value.is_null()) {
            throw ConfigError("encoders." + key + ": expected a path or an object");
        }
    }
    return f;
}

nlohmann::json EncoderFiles::to_json() const {
    nlohmann::json j = nlohmann::json::object();
    for (const char* name : kComponents) {
        const EncoderComponent* c = component(*this, name);
        if (!c->present()) continue;
        nlohmann::json o = {{"weights", c->weights.string()}};
        if (!c->config_json.is_null())
            o["config"] = c->config_json;
        else if (!c->config.empty())
            o["config"] = c->config.string();
        if (!c->prefix.empty()) o["prefix"] = c->prefix;
        j[name] = o;
    }
    return j;
}

std::map<std::string, std::string> encoder_versions(const EncoderFiles& files,
                                                    FingerprintStore& store) {
    std::map<std::string, std::string> out;
    for (const char* name : kComponents) {
        const EncoderComponent* c = component(files, name);
        if (!c->present()) continue;
        Sha256 h;
        h.update(store.fingerprint(c->weights));
        const nlohmann::json config = c->load_config();
        h.update("|config:");
        h.update(config.is_null() ? std::string() : config.dump());
        h.update("|prefix:");
        h.update(c->prefix);
        out[name] = h.hex_digest();
    }
    return out;
}

namespace {

std::unique_ptr<io::TensorSource> open_weights(const EncoderComponent& c, const char* what) {
    if (!c.present())
        throw ConfigError(std::string("preprocessing needs the ") + what +
                          " but the encoder files name none");
    return io::open_tensor_source(c.weights);
}

class ModelEncoders : public ClipEncoders {
public:
    ModelEncoders(EncoderFiles files, EncoderOptions options)
        : files_(std::move(files)), options_(options) {}

    at::Tensor encode_video(const at::Tensor& video) override {
        ensure_video();
        at::NoGradGuard no_grad;
        // [3, F, H, W] -> [1, 3, F, H, W] -> latent [1, z, T, h, w] -> [z, T, h, w]
        const at::Tensor input = video.unsqueeze(0).to(options_.device, vae_->dtype());
        const at::Tensor latent = vae_->encode(input, scale_);
        return latent[0].to(at::kCPU, at::kFloat).contiguous();
    }

    at::Tensor encode_audio(const at::Tensor& wave) override {
        ensure_audio();
        at::NoGradGuard no_grad;
        // [channels, N] -> tokens [1, z·F', T'] -> [T', z·F']
        const at::Tensor tokens =
            codec_->encode(wave.unsqueeze(0).to(options_.device), codec_->sample_rate());
        return tokens[0].transpose(0, 1).to(at::kCPU, at::kFloat).contiguous();
    }

    EncodedText encode_text(const std::string& caption) override {
        ensure_text();
        at::NoGradGuard no_grad;
        text::PromptOptions po;
        po.placeholders = options_.speaker_placeholders ? text::PlaceholderPolicy::WhenSpeechMarked
                                                        : text::PlaceholderPolicy::Never;
        const text::ProcessedPrompt prompt = text::process_prompt(caption, po);
        text::TokenizeOptions to;
        to.max_length = options_.text_len;
        const text::TokenizedPrompt tokens = text::tokenize_prompt(prompt, *tokenizer_, to);
        const auto n = static_cast<int64_t>(tokens.encoding.ids.size());
        const at::Tensor ids = at::tensor(tokens.encoding.ids, at::kLong).view({1, n});
        const at::Tensor mask = at::tensor(tokens.encoding.attention_mask, at::kLong).view({1, n});
        const auto contexts = t5_->encode(ids.to(options_.device), mask.to(options_.device));
        EncodedText out;
        out.context = contexts.at(0).to(at::kCPU, at::kFloat).contiguous();
        out.speaker_positions = tokens.placeholder_positions;
        for (const auto& w : prompt.warnings)
            out.warnings.push_back(w.message);
        for (const auto& w : tokens.warnings)
            out.warnings.push_back(w.message);
        return out;
    }

    at::Tensor embed_speaker(const at::Tensor& wave) override {
        ensure_speaker();
        media::AudioBuffer audio;
        audio.sample_rate_hz = static_cast<int>(audio_sample_rate_hz());
        audio.channels = 1;
        const at::Tensor w = wave.to(at::kCPU, at::kFloat).contiguous();
        audio.samples.assign(w.data_ptr<float>(), w.data_ptr<float>() + w.numel());
        const speaker::VoiceEmbedding e = speaker::embed_reference_audio(*speaker_, audio);
        return at::tensor(e.embedding, at::kFloat);
    }

    bool has_speaker_encoder() const override { return files_.speaker_encoder.present(); }
    int64_t speaker_dim() const override {
        const_cast<ModelEncoders*>(this)->ensure_speaker();
        return speaker_->embed_dim();
    }

private:
    void ensure_video() {
        if (vae_) return;
        const auto source = open_weights(files_.video_vae, "video VAE");
        const nlohmann::json config = files_.video_vae.load_config();
        const auto cfg = config.is_null() ? video_vae::config_from_source(*source)
                                          : video_vae::VideoVaeConfig::from_json(
                                                config, files_.video_vae.weights.string());
        video_vae::LoadVideoVaeOptions o;
        o.prefix = files_.video_vae.prefix;
        o.dtype = options_.dtype;
        o.device = options_.device;
        vae_ = video_vae::load_video_vae(*source, cfg, o);
        // Latent statistics: the config's own (as model packages store them), else Wan2.2's.
        if (config.is_object() && config.contains("scale_mean") &&
            config.contains("scale_inv_std")) {
            scale_.mean = config["scale_mean"].get<std::vector<float>>();
            scale_.inv_std = config["scale_inv_std"].get<std::vector<float>>();
        } else if (cfg.z_dim == 48) {
            scale_ = video_vae::wan22_latent_scale();
        } else {
            throw ConfigError(files_.video_vae.weights.string() + ": a video VAE with " +
                              std::to_string(cfg.z_dim) +
                              " latent channels needs scale_mean / scale_inv_std in its config");
        }
    }

    void ensure_audio() {
        if (codec_) return;
        audio_vae::CodecOptions o;
        o.with_encoder = true;
        o.dtype = options_.dtype == at::kBFloat16 ? at::kBFloat16 : at::kFloat;
        o.device = options_.device;
        const nlohmann::json config = files_.audio_vae.load_config();
        if (config.is_null() && files_.audio_vae.prefix.empty()) {
            if (!files_.audio_vae.present())
                throw ConfigError(
                    "preprocessing needs the audio VAE but the encoder files name "
                    "none");
            codec_ = audio_vae::load_audio_codec(files_.audio_vae.weights, o);
        } else {
            const auto source = open_weights(files_.audio_vae, "audio VAE");
            codec_ = audio_vae::load_audio_codec(
                *source, config.is_null() ? audio_vae::checkpoint_config(*source) : config, o,
                files_.audio_vae.prefix);
        }
    }

    void ensure_text() {
        if (t5_) return;
        if (!files_.tokenizer.present())
            throw ConfigError(
                "preprocessing needs the tokenizer folder but the encoder files "
                "name none");
        tokenizer_ = std::make_unique<text::Tokenizer>(
            text::Tokenizer::from_folder(files_.tokenizer.weights));
        const auto source = open_weights(files_.text_encoder, "text encoder");
        const nlohmann::json config = files_.text_encoder.load_config();
        const t5::T5Config base =
            config.is_null()
                ? t5::T5Config::umt5_xxl()
                : t5::T5Config::from_json(config, files_.text_encoder.weights.string());
        std::unique_ptr<io::PrefixedSource> prefixed;
        const io::TensorSource* weights = source.get();
        if (!files_.text_encoder.prefix.empty()) {
            prefixed = std::make_unique<io::PrefixedSource>(*source, files_.text_encoder.prefix);
            weights = prefixed.get();
        }
        t5_ = t5::load_t5_encoder(*weights, t5::infer_t5_config(*weights, base), options_.dtype,
                                  options_.device);
    }

    void ensure_speaker() {
        if (speaker_) return;
        if (!files_.speaker_encoder.present())
            throw ConfigError("no speaker encoder among the encoder files");
        speaker_ = std::make_unique<speaker::SpeakerEncoder>(
            speaker::SpeakerEncoder::load(files_.speaker_encoder.weights));
    }

    EncoderFiles files_;
    EncoderOptions options_;
    std::shared_ptr<video_vae::VideoVae> vae_;
    video_vae::LatentScale scale_;
    std::shared_ptr<audio_vae::AudioCodec> codec_;
    std::unique_ptr<text::Tokenizer> tokenizer_;
    std::shared_ptr<t5::T5Encoder> t5_;
    std::unique_ptr<speaker::SpeakerEncoder> speaker_;
};

}  // namespace

std::unique_ptr<ClipEncoders> load_clip_encoders(const EncoderFiles& files,
                                                 const EncoderOptions& options) {
    return std::make_unique<ModelEncoders>(files, options);
}

}  // namespace nava::train
