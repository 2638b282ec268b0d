#include "inference/pipeline/generator.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/dit/dit_memory.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "inference/models/speaker/reference_voice.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/video_vae/tiled_decode.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/package_autoencoders.h"
#include "inference/sampling/noise.h"
#include "inference/text/negative_prompts.h"
#include "inference/text/prompt.h"
#include "inference/text/speaker_placeholders.h"
#include "inference/text/tokenizer.h"
#include "media/capabilities.h"
#include "media/export.h"
#include "media/video_reader.h"
#include "media/wav.h"
#include "media/y4m.h"

namespace nava::pipeline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

constexpr int kSpatialFactor = 16;  // pixels per latent pixel
constexpr int kTemporalFactor = 4;  // video frames per latent frame (after the first)
constexpr double kAudioTokensPerSecond = 25.0;

// [C, N] -> interleaved, peak-normalised to 0.95 as the reference writes its clips.
media::AudioBuffer to_audio_buffer(const at::Tensor& audio, int rate_hz) {
    at::Tensor a = audio.to(at::kFloat);
    const double peak = a.abs().max().item<double>();
    if (peak > 1e-6) a = a * (0.95 / peak);
    const at::Tensor interleaved = a.t().contiguous();  // [N, C]
    media::AudioBuffer buffer;
    buffer.sample_rate_hz = rate_hz;
    buffer.channels = static_cast<int>(a.size(0));
    buffer.samples.assign(interleaved.data_ptr<float>(),
                          interleaved.data_ptr<float>() + interleaved.numel());
    return buffer;
}

std::string lower_extension(const fs::path& p) {
    std::string e = p.extension().string();
    for (char& c : e)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

std::string sanitize_id(const std::string& id) {
    std::string out;
    for (char c : id)
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    return out.empty() ? std::string("clip") : out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Profiles and geometry
// ---------------------------------------------------------------------------------------------

const std::vector<std::string>& memory_profile_names() {
    static const std::vector<std::string> names = {"auto",    "full",          "text-offload",
                                                   "fp8",     "block-offload", "low-memory",
                                                   "cpu-f32", "cpu-bf16",      "cpu-fp8"};
    return names;
}

MemoryProfile resolve_memory_profile(const std::string& name, const c10::Device& device,
                                     int64_t dit_parameters) {
    MemoryProfile p;
    std::string n = name.empty() ? "auto" : name;
    if (n == "auto") {
        const double params = static_cast<double>(dit_parameters);
        if (device.is_cpu()) {
            // Small models keep float32 (exact); large ones are only practical in bf16.
            n = params > 200e6 ? "cpu-bf16" : "cpu-f32";
            p.reason =
                params > 200e6 ? "CPU, large model: bf16 matmuls" : "CPU, small model: float32";
        } else {
            // Working memory beyond the weights: activations of a few passes, VAE decode.
            const auto mem = cuda_memory(device.has_index() ? device.index() : 0);
            const double free_b = mem ? static_cast<double>(mem->free_bytes) : 0.0;
            const double bf16 = params * 2.0, fp8 = params * 1.05, margin = 10e9;
            if (free_b >= bf16 + 12e9 + margin) {
                n = "full";
            } else if (free_b >= bf16 + margin) {
                n = "text-offload";
            } else if (free_b >= fp8 + margin) {
                n = "fp8";
            } else {
                n = "low-memory";
            }
            char why[128];
            std::snprintf(why, sizeof why, "%.1f GB free on %s", free_b / 1e9,
                          device.str().c_str());
            p.reason = why;
        }
    }
    p.name = n;
    if (n == "cpu-f32") return p;
    p.dit_dtype = p.text_dtype = at::kBFloat16;
    if (n == "cpu-bf16") return p;
    if (n == "cpu-fp8") {
        p.fp8_weights = true;
        return p;
    }
    if (n == "full") return p;
    p.release_text_encoder = true;
    if (n == "text-offload") return p;
    if (n == "fp8") {
        p.fp8_weights = true;
        return p;
    }
    if (n == "block-offload") {
        p.stream_blocks = true;
        return p;
    }
    if (n == "low-memory") {
        p.fp8_weights = p.stream_blocks = p.tile_vae = true;
        return p;
    }
    std::string known;
    for (const auto& k : memory_profile_names())
        known += (known.empty() ? "" : ", ") + k;
    throw std::invalid_argument("unknown memory profile '" + name + "' (" + known + ")");
}

RequestGeometry request_geometry(const api::GenerationRequest& r) {
    RequestGeometry g;
    if (!(r.fps > 0.0 && r.fps <= 240.0)) throw std::invalid_argument("fps must be in (0, 240]");
    if (r.mode == api::Mode::text_to_audio) {
        if (!(r.duration_s > 0.0 && r.duration_s <= 60.0))
            throw std::invalid_argument("duration must be between 0 and 60 seconds");
        g.duration_s = r.duration_s;
        g.audio_tokens = static_cast<int64_t>(std::ceil(r.duration_s * kAudioTokensPerSecond));
        return g;
    }
    auto round_side = [&](int pixels, const char* what) {
        if (pixels < kSpatialFactor || pixels > 8192)
            throw std::invalid_argument(std::string(what) + " must be between 16 and 8192 pixels");
        const int rounded = std::max(
            kSpatialFactor,
            static_cast<int>(std::lround(pixels / double(kSpatialFactor))) * kSpatialFactor);
        if (rounded != pixels)
            g.warnings.push_back(std::string(what) + " " + std::to_string(pixels) + " rounded to " +
                                 std::to_string(rounded) + " (a multiple of 16, the latent grid)");
        return rounded;
    };
    g.width = round_side(r.width, "width");
    g.height = round_side(r.height, "height");
    g.latent_width = g.width / kSpatialFactor;
    g.latent_height = g.height / kSpatialFactor;
    if (r.latent_frames > 0) {
        g.latent_frames = r.latent_frames;
    } else {
        if (!(r.duration_s > 0.0 && r.duration_s <= 60.0))
            throw std::invalid_argument("duration must be between 0 and 60 seconds");
        g.latent_frames =
            std::max<int64_t>(1, std::llround(r.duration_s * r.fps / kTemporalFactor) + 1);
    }
    if (g.latent_frames > 512)
        throw std::invalid_argument("clip too long (more than 512 latent frames)");
    g.video_frames = kTemporalFactor * (g.latent_frames - 1) + 1;
    g.duration_s = static_cast<double>(g.video_frames) / r.fps;
    g.audio_tokens =
        static_cast<int64_t>(std::ceil(g.video_frames / r.fps * kAudioTokensPerSecond));
    return g;
}

// ---------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------

struct Generator::Conditioning {
    ComposeInputs inputs;
    text::ProcessedPrompt prompt;
    int64_t prompt_tokens = 0;
    int64_t voices = 0;
};

Generator::Generator(ModelPackage package, c10::Device device, const EngineOptions& options)
    : package_(std::move(package)),
      device_(device),
      default_profile_(options.memory_profile),
      batch_passes_(options.batch_passes) {}

Generator::~Generator() = default;

int64_t Generator::dit_text_len() {
    if (components_.dit) return components_.dit->config().text_len;
    if (package_.dit.config.is_object()) return package_.dit.config.value("text_len", int64_t{512});
    return 512;
}

void Generator::load_text_encoder(const MemoryProfile& profile) {
    const auto t5_source = io::open_tensor_source(package_.text_encoder.weights);
    t5::T5Config t5_base = package_.text_encoder.config.is_null()
                               ? t5::T5Config::umt5_xxl()
                               : t5::T5Config::from_json(package_.text_encoder.config,
                                                         package_.text_encoder.weights.string());
    components_.text_encoder = t5::load_t5_encoder(
        *t5_source, t5::infer_t5_config(*t5_source, t5_base), profile.text_dtype, device_);
    if (!tokenizer_)
        tokenizer_ = std::make_shared<text::Tokenizer>(
            text::Tokenizer::from_folder(package_.tokenizer.weights));
}

void Generator::ensure_loaded(const MemoryProfile& profile) {
    if (loaded_profile_ == profile.name && components_.dit) {
        if (!components_.text_encoder) load_text_encoder(profile);  // released after last use
        return;
    }
    streamer_.reset();  // before the model it points into
    components_ = {};
    // DiT (the fp8 file of the official release when there is no bf16 one).
    const PackageComponent& dit_file = package_.dit.present() ? package_.dit : package_.dit_fp8;
    const auto dit_source = io::open_tensor_source(dit_file.weights);
    nlohmann::json dit_cfg = dit_file.config;
    if (dit_cfg.is_null()) {
        const auto meta = dit_source->metadata();
        auto it = meta.find("dit_config");
        if (it == meta.end())
            throw PackageError(dit_file.weights.string() +
                               ": no DiT configuration (manifest or metadata)");
        dit_cfg = nlohmann::json::parse(it->second);
    }
    components_.dit = std::make_shared<dit::DitModel>(
        dit::dit_config_from_json(dit_cfg, dit_file.weights.string()));
    dit::load_dit_weights(*components_.dit, *dit_source, profile.dit_dtype);
    components_.dit->to(device_);
    components_.dit->eval();

    load_text_encoder(profile);

    // Video VAE (absent in audio-only packages); audio VAE decoder + vocoder.
    if (package_.video_vae.present()) {
        VideoAutoencoder v = load_package_video_vae(package_, profile.vae_dtype, device_);
        components_.video_vae = std::move(v.vae);
        components_.video_scale = std::move(v.scale);
    }
    components_.audio_codec =
        load_package_audio_codec(package_, /*with_encoder=*/false, profile.vae_dtype, device_);
    if (package_.speaker_encoder.present() && !speaker_)
        speaker_ = std::make_shared<speaker::SpeakerEncoder>(
            speaker::SpeakerEncoder::load(package_.speaker_encoder.weights));
    if (speaker_ && components_.dit &&
        speaker_->embed_dim() != components_.dit->config().speaker_dim)
        throw PackageError(
            package_.root.string() + ": the speaker encoder gives " +
            std::to_string(speaker_->embed_dim()) + "-d voice embeddings but the DiT takes " +
            std::to_string(components_.dit->config().speaker_dim) + " (speaker_dim in its config)");
    loaded_profile_ = profile.name;
}

namespace {

// The manifest's "shift", "solver" and "guidance" defaults, each read on its own: a wrong value
// leaves that one at the request's default and says so in a warning.
void read_sampling_defaults(const nlohmann::json& d, PackageInfo& info) {
    if (!d.is_object()) return;
    auto warn = [&](const std::string& what) {
        info.warnings.push_back("manifest defaults: " + what + " ignored");
    };
    if (auto it = d.find("shift"); it != d.end()) {
        if (it->is_number() && it->get<double>() > 0.0)
            info.default_shift = it->get<double>();
        else
            warn("shift " + it->dump() + " (a positive number)");
    }
    if (auto it = d.find("solver"); it != d.end()) {
        const auto solver =
            it->is_string() ? api::solver_from_string(it->get<std::string>()) : std::nullopt;
        if (solver)
            info.default_solver = *solver;
        else
            warn("solver " + it->dump() + " (unipc or euler)");
    }
    if (auto it = d.find("guidance"); it != d.end()) {
        if (!it->is_object()) {
            warn("guidance " + it->dump() + " (an object of scales)");
            return;
        }
        // The keys a recipe's guidance has (the request parser's own), so none is listed twice.
        const nlohmann::json known = api::to_json(api::GenerationRequest{})["guidance"];
        for (const auto& [key, value] : it->items())
            if (!known.contains(key)) warn("guidance key '" + key + "' (unknown)");
        try {
            const api::GuidanceSettings g =
                api::request_from_json(nlohmann::json{{"guidance", *it}}).guidance;
            for (double scale :
                 {g.video_text, g.video_align, g.audio_text, g.audio_align, g.timbre})
                if (!(scale >= 0.0)) throw std::invalid_argument("a scale below 0");
            info.default_guidance = g;
        } catch (const std::exception& e) {
            warn("guidance (" + std::string(e.what()) + ")");
        }
    }
}

}  // namespace

PackageInfo Generator::info() {
    PackageInfo i;
    i.path = package_.root.string();
    i.name = package_.name;
    i.layout =
        package_.layout == PackageLayout::official_release ? "official-release" : "nava-package";
    i.fp8_available = package_.dit_fp8.present();
    i.voices_supported = package_.speaker_encoder.present();
    i.default_width = package_.default_int("width", 1280);
    i.default_height = package_.default_int("height", 704);
    i.default_fps = package_.default_double("fps", 24.0);
    i.default_duration_s = package_.default_double("duration_s", 5.0);
    i.default_steps = package_.default_int("steps", 50);
    read_sampling_defaults(package_.defaults, i);
    i.text_len = dit_text_len();
    if (package_.dit.config.is_object()) {
        try {
            i.dit_parameters = dit::dit_parameter_count(
                dit::dit_config_from_json(package_.dit.config, package_.root.string()));
        } catch (const std::exception&) {
        }
    }
    i.warnings.insert(i.warnings.begin(), package_.warnings.begin(), package_.warnings.end());
    return i;
}

at::Tensor Generator::voice_embedding(const api::Speaker& s, std::vector<std::string>& warnings) {
    if (s.voice_path.empty()) return {};
    if (!speaker_) {
        warnings.push_back("speaker '" + s.name +
                           "': this model package has no speaker encoder; "
                           "the voice is ignored");
        return {};
    }
    const std::string key = s.voice_path + "#" + s.voice_sha256;
    auto it = voice_cache_.find(key);
    if (it != voice_cache_.end()) return it->second;
    const speaker::VoiceEmbedding v = speaker::embed_reference_voice(*speaker_, s.voice_path);
    for (const auto& w : v.warnings)
        warnings.push_back("speaker '" + s.name + "': " + w.message);
    const at::Tensor e = at::tensor(v.embedding, at::kFloat);
    voice_cache_[key] = e;
    return e;
}

Generator::Conditioning Generator::condition(const api::GenerationRequest& r,
                                             std::vector<std::string>& warnings) {
    Conditioning c;
    const int64_t text_len = dit_text_len();
    text::TokenizeOptions topts;
    topts.max_length = text_len;
    // 1. Prompt: placeholders after every <S>, cleaning, tokens, placeholder positions.
    c.prompt = text::process_prompt(r.prompt);
    const auto tokenized = text::tokenize_prompt(c.prompt, *tokenizer_, topts);
    for (const auto& w : tokenized.warnings)
        warnings.push_back(w.message);
    auto to_tokens = [](const text::Encoding& e) {
        return TokenSequence{at::tensor(e.ids, at::kLong), at::tensor(e.attention_mask, at::kLong)};
    };
    c.inputs.prompt = to_tokens(tokenized.encoding);
    c.prompt_tokens = tokenized.encoding.untruncated_length;
    if (tokenized.encoding.truncated())
        warnings.push_back("the prompt has " + std::to_string(c.prompt_tokens) +
                           " tokens; only the first " + std::to_string(text_len) + " are used");
    c.inputs.speaker_positions = tokenized.placeholder_positions;

    // 2. Negative prompts (the reference's fixed strings unless overridden).
    auto negative = [&](const std::string& override_text, const std::string& package_text,
                        text::NegativePrompt fallback) {
        std::string s = !override_text.empty()  ? override_text
                        : !package_text.empty() ? package_text
                                                : std::string(text::negative_prompt(fallback));
        const auto processed =
            text::process_prompt(s, {text::SpeechMarkers::PlainText, text::PlaceholderPolicy::Never,
                                     text::SpanValidation::Lenient});
        return to_tokens(tokenizer_->encode(processed.tokenizer_input, topts));
    };
    c.inputs.negative_video = negative(r.negative_prompt, package_.negative_prompt_video,
                                       text::NegativePrompt::VideoMmdit);
    c.inputs.negative_audio =
        negative(r.negative_prompt, package_.negative_prompt_audio, text::NegativePrompt::Audio);

    // 3. Voices in span order (one row per span; a span without a voice gets the null voice).
    std::vector<at::Tensor> rows;
    bool any_voice = false;
    for (const auto& span : r.spans) {
        at::Tensor e;
        for (const auto& s : r.speakers)
            if (s.id == span.speaker_id) e = voice_embedding(s, warnings);
        any_voice = any_voice || e.defined();
        rows.push_back(e);
    }
    if (any_voice) {
        int64_t dim = 0;
        for (const auto& e : rows)
            if (e.defined()) dim = e.size(0);
        for (auto& e : rows)
            if (!e.defined()) e = at::zeros({dim}, at::kFloat);
        c.inputs.speaker_embeddings = at::stack(rows);
        c.voices = static_cast<int64_t>(rows.size());
    }
    return c;
}

RequestPlan Generator::plan(const api::GenerationRequest& r) {
    RequestPlan p;
    // Prompt and spans.
    if (r.prompt.find_first_not_of(" \t\r\n") == std::string::npos)
        throw std::invalid_argument("the prompt is empty");
    text::ProcessedPrompt processed;
    try {
        processed = text::process_prompt(r.prompt);
    } catch (const std::exception& e) {
        throw std::invalid_argument(e.what());
    }
    p.speech_spans = static_cast<int64_t>(processed.spans.size());
    if (!r.spans.empty() && static_cast<int64_t>(r.spans.size()) != p.speech_spans)
        throw std::invalid_argument("the prompt has " + std::to_string(p.speech_spans) +
                                    " <S>…<E> spans but the request binds " +
                                    std::to_string(r.spans.size()) + " of them to speakers");
    for (std::size_t k = 0; k < r.spans.size(); ++k) {
        const auto& span = r.spans[k];
        if (span.speaker_id.empty()) continue;
        const api::Speaker* found = nullptr;
        for (const auto& s : r.speakers)
            if (s.id == span.speaker_id) found = &s;
        if (!found)
            throw std::invalid_argument("span " + std::to_string(k + 1) + " (\"" + span.text +
                                        "\") refers to unknown speaker '" + span.speaker_id + "'");
        if (!found->voice_path.empty() && !fs::exists(found->voice_path))
            throw std::invalid_argument("speaker '" + found->name + "': voice file " +
                                        found->voice_path + " does not exist");
        if (!found->voice_path.empty()) ++p.voices;
    }
    for (const auto& s : r.speakers) {
        bool used = false;
        for (const auto& span : r.spans)
            used = used || span.speaker_id == s.id;
        if (!used)
            p.warnings.push_back("speaker '" + s.name +
                                 "' has no speech span; its voice is not used");
    }
    if (p.voices > 0 && !package_.speaker_encoder.present())
        p.warnings.push_back(
            "this model package has no speaker encoder: reference voices are ignored");
    if (r.mode == api::Mode::image_to_audio_video) {
        if (r.first_frame_image.empty())
            throw std::invalid_argument("image-to-video needs a first-frame image");
        if (!fs::exists(r.first_frame_image))
            throw std::invalid_argument("first-frame image " + r.first_frame_image +
                                        " does not exist");
    }
    if (r.mode != api::Mode::text_to_audio && lower_extension(r.output_path) == ".wav")
        throw std::invalid_argument(
            "a clip with pictures is written as .mp4 (or .y4m frames with a "
            ".wav beside them), not " +
            r.output_path + "; text-to-audio mode makes sound alone");
    if (r.steps < 1 || r.steps > 1000)
        throw std::invalid_argument("steps must be between 1 and 1000");
    if (!(r.shift > 0.0 && std::isfinite(r.shift)))
        throw std::invalid_argument("shift must be positive");

    // Geometry.
    const RequestGeometry g = request_geometry(r);
    p.width = g.width;
    p.height = g.height;
    p.latent_frames = g.latent_frames;
    p.latent_height = g.latent_height;
    p.latent_width = g.latent_width;
    p.video_frames = g.video_frames;
    p.audio_tokens = g.audio_tokens;
    p.duration_s = g.duration_s;
    p.warnings.insert(p.warnings.end(), g.warnings.begin(), g.warnings.end());

    // Passes per step.
    sampling::GuidanceConfig guidance;
    guidance.scales = {r.guidance.video_text, r.guidance.video_align, r.guidance.audio_text,
                       r.guidance.audio_align, r.guidance.timbre};
    guidance.align = r.guidance.align && r.mode != api::Mode::text_to_audio;
    guidance.timbre = r.guidance.timbre_pass && p.voices > 0 && package_.speaker_encoder.present();
    const bool video = r.mode != api::Mode::text_to_audio;
    for (auto pass : sampling::required_passes(guidance, video, true))
        p.passes.push_back(sampling::to_string(pass));

    // Sizes of the DiT call and its cost.
    p.text_len = dit_text_len();
    if (tokenizer_ || fs::exists(package_.tokenizer.weights)) {
        if (!tokenizer_)
            tokenizer_ = std::make_shared<text::Tokenizer>(
                text::Tokenizer::from_folder(package_.tokenizer.weights));
        text::TokenizeOptions o;
        o.max_length = p.text_len;
        p.prompt_tokens =
            text::tokenize_prompt(processed, *tokenizer_, o).encoding.untruncated_length;
        if (p.prompt_tokens > p.text_len)
            p.warnings.push_back("the prompt has " + std::to_string(p.prompt_tokens) +
                                 " tokens; only the first " + std::to_string(p.text_len) +
                                 " are used");
    }
    dit::DitConfig dcfg =
        package_.dit.config.is_object()
            ? dit::dit_config_from_json(package_.dit.config, package_.root.string())
            : (components_.dit ? components_.dit->config() : dit::nava_6b_config());
    const int64_t grid_h = (g.latent_height + dcfg.patch_size[1] - 1) / dcfg.patch_size[1];
    const int64_t grid_w = (g.latent_width + dcfg.patch_size[2] - 1) / dcfg.patch_size[2];
    p.dit_tokens = (video ? g.latent_frames * grid_h * grid_w : 0) + g.audio_tokens;
    const double L = static_cast<double>(p.dit_tokens), D = static_cast<double>(dcfg.dim);
    const double layers = static_cast<double>(dcfg.num_double_layers + dcfg.num_single_layers);
    const double per_pass = layers * (2.0 * L * (8.0 * D * D + 4.0 * D * dcfg.ffn_dim) +
                                      4.0 * L * L * D + 4.0 * L * dcfg.text_len * D);
    p.dit_gflop_per_step = per_pass * static_cast<double>(p.passes.size()) / 1e9;

    // Memory plan.
    const MemoryProfile profile = resolve_memory_profile(
        r.memory_profile.empty() || r.memory_profile == "auto" ? default_profile_
                                                               : r.memory_profile,
        device_, dit::dit_parameter_count(dcfg));
    p.memory_profile = profile.name;
    const double dit_gb =
        dit::dit_parameter_count(dcfg) * (profile.dit_dtype == at::kFloat ? 4.0 : 2.0) / 1e9;
    p.memory_plan.push_back("device: " + device_.str());
    char line[160];
    std::snprintf(
        line, sizeof line,
        dit_gb < 1.0 ? "DiT weights: %s, %.1f MB resident" : "DiT weights: %s, %.2f GB resident",
        profile.dit_dtype == at::kFloat ? "float32" : "bfloat16",
        dit_gb < 1.0 ? dit_gb * 1000.0 : dit_gb);
    p.memory_plan.push_back(line);
    if (!profile.reason.empty()) p.memory_plan.push_back("chosen automatically: " + profile.reason);
    if (profile.fp8_weights)
        p.memory_plan.push_back("DiT block Linears: fp8 (E4M3) weight-only, expanded per call");
    if (profile.stream_blocks)
        p.memory_plan.push_back("DiT blocks: streamed from host memory, one resident at a time");
    p.memory_plan.push_back(profile.release_text_encoder ? "text encoder: released after encoding"
                                                         : "text encoder: resident");
    p.memory_plan.push_back(profile.tile_vae ? "video VAE: tiled decode"
                                             : "video VAE: whole-frame decode");
    return p;
}

at::Tensor Generator::encode_first_frame(const std::string& path, const RequestGeometry& g) {
    if (!components_.video_vae) throw std::invalid_argument("this model package has no video VAE");
    media::VideoDecodeOptions o;
    o.width = g.width;
    o.height = g.height;
    o.policy = media::ScalePolicy::cover_crop;
    const media::VideoFrame frame = media::read_first_frame(media::InputSource(path), o);
    at::Tensor rgb = at::from_blob(const_cast<uint8_t*>(frame.rgb.data()), {g.height, g.width, 3},
                                   at::TensorOptions().dtype(at::kByte))
                         .to(at::kFloat);
    // [H, W, 3] in [0, 255] -> [1, 3, 1, H, W] in [-1, 1].
    const at::Tensor video =
        (rgb / 127.5 - 1.0).permute({2, 0, 1}).unsqueeze(1).unsqueeze(0).to(device_);
    const at::Tensor latent =
        components_.video_vae->encode(video, *components_.video_scale);  // [1, z, 1, h, w]
    return latent.squeeze(0).squeeze(1).permute({1, 2, 0}).reshape(
        {g.latent_height * g.latent_width, -1});
}

JobResult Generator::generate(const std::string& job_id, const api::GenerationRequest& request,
                              const ProgressFn& progress, const std::atomic<bool>* cancel) {
    const auto t0 = Clock::now();
    JobResult result;
    result.job_id = job_id;
    auto emit = [&](const std::string& stage, int64_t step, int64_t steps, double eta) {
        if (!progress) return;
        JobProgress e;
        e.job_id = job_id;
        e.stage = stage;
        e.step = step;
        e.steps = steps;
        e.elapsed_s = since(t0);
        e.eta_s = eta;
        progress(e);
    };
    auto cancelled = [&] { return cancel && cancel->load(); };

    // 1. Validate and size.
    const RequestPlan plan_info = plan(request);
    result.warnings = plan_info.warnings;
    const RequestGeometry g = request_geometry(request);
    const bool video = request.mode != api::Mode::text_to_audio;

    // 2. Weights.
    emit("load", 0, 1, -1.0);
    const MemoryProfile profile = resolve_memory_profile(plan_info.memory_profile, device_, 0);
    ensure_loaded(profile);
    if (video && !components_.video_vae)
        throw std::invalid_argument("this model package has no video VAE: use text-to-audio mode");
    emit("load", 1, 1, -1.0);
    if (cancelled()) throw GenerationCancelled("cancelled");

    // 3. Conditioning, noise and the first frame.
    at::NoGradGuard no_grad;
    emit("voices", 0, 1, -1.0);
    Conditioning cond = condition(request, result.warnings);
    ComposeInputs& in = cond.inputs;
    const auto& dcfg = components_.dit->config();
    std::optional<sampling::VideoLatentShape> vshape;
    if (video)
        vshape = sampling::VideoLatentShape{g.latent_frames, g.latent_height, g.latent_width,
                                            dcfg.vid_in_dim};
    const auto noise = sampling::initial_noise(
        request.seed, vshape, sampling::AudioLatentShape{g.audio_tokens, dcfg.audio_in_dim});
    if (video) {
        in.frames = g.latent_frames;
        in.height = g.latent_height;
        in.width = g.latent_width;
        in.noise_video = noise.video.to(device_);
    }
    in.audio_length = g.audio_tokens;
    in.noise_audio = noise.audio.to(device_);
    if (request.mode == api::Mode::image_to_audio_video)
        in.first_frame_latent = encode_first_frame(request.first_frame_image, g);
    if (cancelled()) throw GenerationCancelled("cancelled");

    // 4. Sampling and decoding.
    ComposeSettings st;
    st.solver = request.solver == api::Solver::euler ? sampling::SolverKind::euler
                                                     : sampling::SolverKind::unipc;
    st.steps = request.steps;
    st.shift_video = st.shift_audio = request.shift;
    st.guidance.scales = {request.guidance.video_text, request.guidance.video_align,
                          request.guidance.audio_text, request.guidance.audio_align,
                          request.guidance.timbre};
    st.guidance.align = request.guidance.align && video;
    st.guidance.timbre = request.guidance.timbre_pass;
    st.guidance.skip_unit_scales = true;
    st.tile_vae = profile.tile_vae;
    st.batch_passes = batch_passes_;
    ComposeCallbacks cb;
    double mean_step_s = 0.0;
    cb.progress = [&](Stage s, int64_t step, int64_t steps, double elapsed) {
        if (s == Stage::denoise) {
            if (step > 0) mean_step_s = elapsed / static_cast<double>(step);
            // Steps cost the same: the mean so far predicts the rest.
            const double eta = step > 0 ? elapsed / step * (steps - step) : -1.0;
            emit("denoise", step, steps, eta);
            return;
        }
        // The prompt is encoded once: with text offload the encoder leaves memory right after.
        if (s == Stage::text && step == steps && profile.release_text_encoder)
            components_.text_encoder.reset();
        emit(to_string(s), step, steps, -1.0);
    };
    cb.cancel = [&] { return cancelled(); };
    // Previews every step while they cost at most a tenth of a step; sparser when decoding a
    // frame is expensive next to a step (large models on a CPU).
    int64_t next_preview = 0;
    if (progress && video && components_.video_vae) {
        cb.preview = [&](int64_t step, const at::Tensor& x0_video, const at::Tensor&) {
            if (!x0_video.defined() || step < next_preview) return;
            const auto preview_start = Clock::now();
            // Decode latent frame 0 only: a cheap still of where the clip is heading.
            const at::Tensor frame0 = x0_video.narrow(0, 0, g.latent_height * g.latent_width)
                                          .reshape({1, g.latent_height, g.latent_width, -1})
                                          .permute({3, 0, 1, 2})
                                          .unsqueeze(0);
            const at::Tensor picture =
                components_.video_vae->decode(frame0, *components_.video_scale);
            const media::VideoBuffer b = to_video_buffer(picture.squeeze(0), request.fps);
            JobProgress e;
            e.job_id = job_id;
            e.stage = "denoise";
            e.step = step + 1;
            e.steps = request.steps;
            e.elapsed_s = since(t0);
            e.preview_width = b.width;
            e.preview_height = b.height;
            e.preview_rgb = b.rgb;
            progress(e);
            const double cost = since(preview_start);
            const double step_s = mean_step_s > 0.0 ? mean_step_s : cost;
            next_preview =
                step + std::max<int64_t>(1, static_cast<int64_t>(std::ceil(cost / (0.1 * step_s))));
        };
    }
    const ComposeResult r = compose(components_, in, st, cb, false);
    if (r.status != sampling::SamplingStatus::completed) throw GenerationCancelled("cancelled");
    result.dit_forwards = r.dit_forwards;

    // 5. Write the clip with its recipe; nothing appears unless complete.
    emit("export", 0, 1, -1.0);
    api::GenerationRequest recipe = request;
    recipe.width = g.width;
    recipe.height = g.height;
    recipe.latent_frames = video ? g.latent_frames : 0;
    recipe.package = package_.root.string();
    std::string out = request.output_path;
    if (out.empty()) out = "out/" + sanitize_id(job_id) + (video ? ".mp4" : ".wav");
    const fs::path out_path(out);
    if (out_path.has_parent_path()) fs::create_directories(out_path.parent_path());
    recipe.output_path = out_path.string();
    const std::string recipe_json = api::request_to_json_text(recipe);
    result.recipe_json = recipe_json;
    const bool have_ffmpeg = media::capabilities().ffmpeg;
    const int audio_rate = r.audio_48k.defined()
                               ? static_cast<int>(components_.audio_codec->vocoder_sample_rate())
                               : static_cast<int>(components_.audio_codec->sample_rate());
    const media::AudioBuffer audio =
        to_audio_buffer(r.audio_48k.defined() ? r.audio_48k : r.audio, audio_rate);
    if (video) {
        const media::VideoBuffer frames = to_video_buffer(r.video, request.fps);
        // .y4m asks for uncompressed 4:2:0 frames (no H.264), the sound in a .wav beside them;
        // a build without FFmpeg writes those too.
        if (have_ffmpeg && lower_extension(out_path) != ".y4m") {
            media::ExportOptions eo;
            eo.recipe_json = recipe_json;
            eo.cancel = cancel;
            try {
                media::export_mp4(out_path, &frames, &audio, eo);
            } catch (const media::ExportCancelled&) {
                throw GenerationCancelled("cancelled");
            }
            result.output_path = out_path.string();
        } else {
            const fs::path y4m = lower_extension(out_path) == ".y4m"
                                     ? out_path
                                     : fs::path(out_path).replace_extension(".y4m");
            const fs::path wav = fs::path(out_path).replace_extension(".wav");
            media::write_y4m(y4m, frames);
            media::write_wav(wav, audio);
            result.output_path = y4m.string();
            result.extra_files.push_back(wav.string());
        }
    } else {
        const fs::path wav = fs::path(out_path).replace_extension(".wav");
        media::write_wav(wav, audio);
        result.output_path = wav.string();
    }
    const fs::path sidecar = fs::path(result.output_path).replace_extension(".json");
    {
        std::ofstream s(sidecar);
        s << recipe_json << "\n";
    }
    result.extra_files.push_back(sidecar.string());
    result.seconds = since(t0);
    emit("export", 1, 1, 0.0);
    return result;
}

}  // namespace nava::pipeline
