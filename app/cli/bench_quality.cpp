// `nava bench quality`: generates clips for held-out prompts of the synthetic world and measures
// them against the world's ground truth (training/synth/quality.h): A/V sync offset, span
// adherence, timbre binding, pitch, colour adherence and seconds per clip. The world's own clips
// are measured the same way beside them, as the calibration of each measure.
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/guidance_options.h"
#include "inference/api/request.h"
#include "inference/core/error.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "inference/pipeline/engine.h"
#include "inference/pipeline/package.h"
#include "inference/pipeline/package_autoencoders.h"
#include "media/wav.h"
#include "media/y4m.h"
#include "training/autoencoders/clips.h"
#include "training/synth/dataset.h"
#include "training/synth/quality.h"

namespace nava::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

json read_json_file(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw IoError(path.string() + ": cannot read");
    json j = json::parse(in, nullptr, false);
    if (j.is_discarded()) throw IoError(path.string() + ": not JSON");
    return j;
}

std::vector<json> read_jsonl(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw IoError(path.string() + ": cannot read");
    std::vector<json> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        json j = json::parse(line, nullptr, false);
        if (j.is_discarded()) throw IoError(path.string() + ": a line is not JSON");
        out.push_back(std::move(j));
    }
    return out;
}

synth::QualityClip load_clip(const fs::path& video, const fs::path& audio, int width, int height,
                             int64_t frames, double fps) {
    synth::QualityClip c;
    c.fps = fps;
    c.sample_rate_hz = 16000;
    if (!video.empty()) {
        autoencoders::VideoClipOptions o;
        o.width = width;
        o.height = height;
        o.frames = frames;
        o.fps = static_cast<int>(fps);
        c.video = autoencoders::load_video_clip(video, o);
    }
    c.audio = autoencoders::load_audio_clip(audio.empty() ? video : audio, 16000, 1).flatten();
    return c;
}

std::string fmt(double v, const char* f, bool valid) {
    if (!valid) return "-";
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// When the package's newest file was written (nullopt when its folder cannot be read): a clip
// older than that is another model's.
std::optional<fs::file_time_type> newest_file_time(const fs::path& folder) {
    std::error_code ec;
    std::optional<fs::file_time_type> newest;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto t = fs::last_write_time(it->path(), ec);
        if (!ec && (!newest || t > *newest)) newest = t;
    }
    if (ec) return std::nullopt;
    return newest;
}

// Whether the clip at request.output_path was made by this very request from this package: its
// recipe (the JSON the engine writes beside each clip) says so. The recipe holds what the engine
// resolved (size, latent frames, package folder); the rest must be equal.
bool made_with(api::GenerationRequest request, const std::string& package_path,
               fs::file_time_type package_written) {
    const fs::path clip = request.output_path;
    const fs::path recipe = fs::path(clip).replace_extension(".json");
    std::error_code ec;
    if (!fs::exists(clip, ec) || !fs::exists(recipe, ec)) return false;
    api::GenerationRequest made;
    try {
        made = api::request_from_json(read_json_file(recipe));
    } catch (const std::exception&) {
        return false;  // not a recipe: make the clip again
    }
    if (made.package.empty() || !fs::equivalent(made.package, package_path, ec)) return false;
    const auto made_at = fs::last_write_time(clip, ec);
    if (ec || made_at < package_written) return false;
    if (request.width == 0) request.width = made.width;
    if (request.height == 0) request.height = made.height;
    request.latent_frames = made.latent_frames;
    request.package = made.package;
    // the same voice files, named from another folder (--world given another way)
    for (std::size_t i = 0; i < request.speakers.size() && i < made.speakers.size(); ++i) {
        auto& want = request.speakers[i].voice_path;
        const auto& had = made.speakers[i].voice_path;
        if (!want.empty() && !had.empty() && fs::equivalent(want, had, ec)) want = had;
    }
    request.output_path = made.output_path;
    return api::to_json(request) == api::to_json(made);
}

void print_case(const synth::CaseQuality& q, double seconds) {
    std::printf(
        "%-9s %7s  %-6s %9s %6s %6s %7s %8s\n", q.id.c_str(),
        fmt(seconds, "%.2f", seconds >= 0).c_str(), q.sync_cue.empty() ? "-" : q.sync_cue.c_str(),
        fmt(q.sync_offset_ms.value_or(0), "%+.0f", q.sync_offset_ms.has_value()).c_str(),
        fmt(q.sync_correlation, "%.2f", q.sync_offset_ms.has_value()).c_str(),
        fmt(q.span_adherence.value_or(0), "%.2f", q.span_adherence.has_value()).c_str(),
        q.timbre_spans > 0
            ? (std::to_string(q.timbre_correct) + "/" + std::to_string(q.timbre_spans)).c_str()
            : "-",
        q.colours > 0
            ? (std::to_string(q.colours_present) + "/" + std::to_string(q.colours)).c_str()
            : "-");
}

}  // namespace

int bench_quality(const Args& args) {
    ArgParser p("nava bench quality",
                "Generate clips for held-out prompts of the synthetic world and measure them "
                "against its ground truth: A/V sync (median |offset|), span adherence, timbre "
                "binding, pitch (semitones from the world clip's voice), colour adherence, "
                "seconds per clip. The world's own clips are measured "
                "alongside as the calibration.");
    p.option("package", "DIR", "model package (default: the embedded NAVA-tiny)")
        .option("cases", "N", "held-out prompts to generate", "16")
        .option("world", "DIR",
                "a nava synth folder whose holdout.jsonl gives the prompts (default: made "
                "under --out with the package's world settings)")
        .option("world-seed", "S",
                "seed of the world made when --world is not given "
                "(default: the package's training world, else 7)")
        .option("steps", "N", "denoising steps (default: the package's)")
        .option("seed", "N", "generation seed offset added to each case's seed", "0")
        .option("out", "DIR", "where clips and the world go", "bench-quality")
        .option("shift", "S", "timestep shift (default: the package's)")
        .option("autoencoded", "PART",
                "also measure the world clips after a round trip through the package's "
                "autoencoders (on the CPU), the most any DiT could reach with them: both (video "
                "VAE, audio VAE and vocoder), video or audio (the other half kept as it is); "
                "vocoder: the sound's log-mel straight to the vocoder, the audio VAE skipped "
                "(what any audio VAE could reach with this vocoder); with audio or vocoder, the "
                "timbre is also judged against voices sent through the same round trip")
        .option("json", "FILE", "also write every number as JSON")
        .flag("reuse",
              "measure again the clips an earlier run left in --out whose recipe (the JSON beside "
              "each clip) is this run's, same package folder included, instead of making them "
              "again; they are not timed. A clip older than any of the package's files is made "
              "again");
    add_guidance_options(p);
    if (!p.parse(args)) return 0;
    const int cases = static_cast<int>(p.get_int("cases"));
    if (cases <= 0) throw UsageError("--cases must be positive");
    const std::string part = p.get("autoencoded");
    if (!part.empty() && part != "both" && part != "video" && part != "audio" && part != "vocoder")
        throw UsageError("--autoencoded must be both, video, audio or vocoder");
    const bool through_audio_vae = part != "vocoder";
    const std::string package_path =
        p.has("package") ? p.get("package") : pipeline::default_package_path();
    if (package_path.empty())
        throw UsageError("no model package: give --package (NAVA-tiny is not installed)");
    const pipeline::ModelPackage package = pipeline::ModelPackage::open(package_path);
    if ((part == "both" || part == "video") && !package.video_vae.present())
        throw UsageError("--autoencoded " + part + ": the package has no video VAE");
    const json manifest = read_json_file(fs::path(package_path) / "manifest.json");
    const json world_about = manifest.value("about", json::object()).value("world", json::object());

    const fs::path out = p.get("out");
    fs::create_directories(out / "clips");

    // 1. The held-out prompts (and their world clips).
    fs::path world = p.get("world");
    if (world.empty()) {
        world = out / "world";
        synth::DatasetOptions o;
        o.out_dir = world;
        o.clips = 0;
        o.holdout = cases;
        o.seed = p.has("world-seed") ? static_cast<uint64_t>(p.get_int("world-seed"))
                                     : world_about.value("seed", uint64_t{7});
        o.format.width = world_about.value("width", package.default_int("width", 64));
        o.format.height = world_about.value("height", package.default_int("height", 64));
        o.format.fps = world_about.value("fps", package.default_int("fps", 24));
        o.format.frames = world_about.value(
            "frames", 1 + 4 * static_cast<int>(package.default_double("duration_s", 2.0) *
                                               o.format.fps / 4.0));
        std::printf("making %d held-out world prompts (seed %llu, %dx%d, %d frames) in %s\n", cases,
                    static_cast<unsigned long long>(o.seed), o.format.width, o.format.height,
                    o.format.frames, world.string().c_str());
        synth::generate_dataset(o);
    }
    std::vector<json> records = read_jsonl(world / "holdout.jsonl");
    if (records.empty()) throw UsageError(world.string() + "/holdout.jsonl lists no prompts");
    if (static_cast<int>(records.size()) > cases) records.resize(static_cast<std::size_t>(cases));

    // 2. The judge of timbre: the package's speaker encoder.
    std::shared_ptr<speaker::SpeakerEncoder> judge;
    if (package.speaker_encoder.present())
        judge = std::make_shared<speaker::SpeakerEncoder>(
            speaker::SpeakerEncoder::load(package.speaker_encoder.weights));
    synth::SpeakerEmbedder embed;
    if (judge)
        embed = [judge](const at::Tensor& wave) {
            at::InferenceMode guard;
            at::Tensor w = wave.to(at::kFloat).flatten();
            if (w.numel() < judge->min_samples())
                w = at::constant_pad_nd(w, {0, judge->min_samples() - w.numel()});
            return judge->embed(w).flatten();
        };

    // 3. The autoencoders' round trip, when asked for.
    pipeline::VideoAutoencoder video_ae;
    std::shared_ptr<audio_vae::AudioCodec> audio_ae;
    const bool autoencoded = !part.empty();
    if (part == "both" || part == "video") {
        video_ae = pipeline::load_package_video_vae(package, at::kFloat, at::kCPU);
    }
    if (part == "both" || part == "audio" || part == "vocoder") {
        audio_ae =
            pipeline::load_package_audio_codec(package, through_audio_vae, at::kFloat, at::kCPU);
        if (audio_ae->sample_rate() != 16000)
            throw UsageError(
                "--autoencoded measures 16 kHz sound; this package's audio VAE runs at " +
                std::to_string(audio_ae->sample_rate()) + " Hz");
    }

    // 4. Generate and measure.
    pipeline::GenerationEngine engine;
    const pipeline::PackageInfo info = engine.load_package(package_path);
    std::vector<synth::CaseQuality> generated, reference, roundtrip;
    // Timbre against the voices sent through the audio round trip (both sides vocoded).
    std::vector<synth::CaseQuality> generated_vocoded, roundtrip_vocoded;
    std::vector<double> seconds;
    int reused = 0;
    // --reuse: clips made since the package's newest file was written
    const std::optional<fs::file_time_type> package_written =
        p.has("reuse") ? newest_file_time(package_path) : std::nullopt;
    int steps_used = 0;
    api::GuidanceSettings guidance_used;
    json per_case = json::array();
    std::printf("\n%-9s %7s  %-6s %9s %6s %6s %7s %8s\n", "case", "s/clip", "cue", "sync ms", "r",
                "span", "timbre", "colours");
    for (const json& rec : records) {
        const std::string id = rec.at("id").get<std::string>();
        const json truth = read_json_file(world / rec.at("truth").get<std::string>());
        api::GenerationRequest request = api::request_from_json(rec.at("request"));
        for (auto& s : request.speakers)
            if (!s.voice_path.empty()) s.voice_path = (world / s.voice_path).string();
        // The prompts' words and voices; the package's sampling, as a user of it gets it.
        request.steps = p.has("steps") ? static_cast<int>(p.get_int("steps")) : info.default_steps;
        request.shift = p.has("shift") ? p.get_double("shift") : info.default_shift;
        request.solver = info.default_solver;
        request.guidance = info.default_guidance;
        apply_guidance_options(p, request.guidance);
        steps_used = request.steps;
        guidance_used = request.guidance;
        request.seed += static_cast<uint64_t>(p.get_int("seed"));
        request.output_path = (out / "clips" / (id + ".mp4")).string();
        pipeline::JobResult result;
        double s = -1.0;  // not timed: made by an earlier run
        if (package_written && made_with(request, package_path, *package_written)) {
            result.output_path = request.output_path;
            ++reused;
        } else {
            const auto t0 = std::chrono::steady_clock::now();
            result = engine.generate(id, request, {});
            s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            seconds.push_back(s);
        }

        const int w = truth.at("width").get<int>(), h = truth.at("height").get<int>();
        const int64_t frames = truth.at("frames").get<int64_t>();
        const double fps = truth.at("fps").get<double>();
        const synth::QualityClip world_clip =
            load_clip(world / truth["files"].at("video").get<std::string>(),
                      world / truth["files"].at("audio").get<std::string>(), w, h, frames, fps);
        const synth::QualityClip gen = load_clip(result.output_path, {}, w, h, frames, fps);
        std::vector<at::Tensor> voices;
        for (const auto& v : truth["files"].value("voices", json::array()))
            voices.push_back(
                autoencoders::load_audio_clip(world / v.get<std::string>(), 16000, 1).flatten());
        generated.push_back(synth::measure_case(truth, gen, voices, embed, &world_clip));
        reference.push_back(synth::measure_case(truth, world_clip, voices, embed, &world_clip));
        print_case(generated.back(), s);
        json entry = {{"generated", generated.back().to_json()},
                      {"world", reference.back().to_json()},
                      {"seconds", s >= 0 ? json(s) : json(nullptr)},
                      {"clip", result.output_path}};
        if (autoencoded) {
            synth::QualityClip ae = world_clip;
            if (video_ae.vae && world_clip.video.defined()) {
                ae.video = pipeline::video_round_trip(video_ae, world_clip.video);
                // The round trip's frames exactly as measured (no H.264), to look at beside
                // the generated clip.
                media::write_y4m(out / "clips" / (id + ".autoencoded.y4m"),
                                 pipeline::to_video_buffer(ae.video, world_clip.fps));
            }
            if (audio_ae) {
                ae.audio =
                    pipeline::audio_round_trip(*audio_ae, world_clip.audio, through_audio_vae);
                // The round trip's sound, to listen to beside the generated clip.
                media::AudioBuffer sound;
                sound.sample_rate_hz = ae.sample_rate_hz;
                sound.channels = 1;
                sound.samples.assign(ae.audio.data_ptr<float>(),
                                     ae.audio.data_ptr<float>() + ae.audio.numel());
                media::write_wav(out / "clips" / (id + ".autoencoded.wav"), sound);
            }
            roundtrip.push_back(synth::measure_case(truth, ae, voices, embed, &world_clip));
            entry["autoencoded"] = roundtrip.back().to_json();
            if (audio_ae) {
                std::vector<at::Tensor> vocoded;
                for (const at::Tensor& v : voices)
                    vocoded.push_back(pipeline::audio_round_trip(*audio_ae, v, through_audio_vae));
                generated_vocoded.push_back(
                    synth::measure_case(truth, gen, vocoded, embed, &world_clip));
                roundtrip_vocoded.push_back(
                    synth::measure_case(truth, ae, vocoded, embed, &world_clip));
                entry["timbre_vocoded_voices"] = {
                    {"generated",
                     {{"spans", generated_vocoded.back().timbre_spans},
                      {"correct", generated_vocoded.back().timbre_correct}}},
                    {"autoencoded",
                     {{"spans", roundtrip_vocoded.back().timbre_spans},
                      {"correct", roundtrip_vocoded.back().timbre_correct}}}};
            }
        }
        per_case.push_back(std::move(entry));
    }

    const synth::QualitySummary g = synth::summarize(generated), r = synth::summarize(reference);
    const synth::QualitySummary a = synth::summarize(roundtrip);
    const synth::QualitySummary gv = synth::summarize(generated_vocoded),
                                av = synth::summarize(roundtrip_vocoded);
    double mean_s = 0.0;
    for (double s : seconds)
        mean_s += s / static_cast<double>(seconds.size());
    // generated | autoencoded (when measured) | world clip, each with the cases it counts (a
    // cue the round trip loses drops its clip from that column)
    // the generated value with its 95 % interval over the cases it counts
    auto with_interval = [](double v, const synth::Interval95& i, const char* f) {
        std::string cell = fmt(v, f, v >= 0);
        if (v >= 0 && i.valid())
            cell += " [" + fmt(i.low, f, true) + ", " + fmt(i.high, f, true) + "]";
        return cell;
    };
    auto row = [&](const char* name, double gen, const synth::Interval95& gen_interval, double ae,
                   double world, const char* f, std::array<int, 3> n, const char* unit) {
        std::printf("%-22s %20s", name, with_interval(gen, gen_interval, f).c_str());
        if (autoencoded) std::printf(" %14s", fmt(ae, f, ae >= 0).c_str());
        std::printf(" %12s   %s (n = %d", fmt(world, f, world >= 0).c_str(), unit, n[0]);
        if (autoencoded && ae >= 0 && n[1] != n[0]) std::printf("; %d autoencoded", n[1]);
        if (world >= 0 && n[2] != n[0]) std::printf("; %d world", n[2]);
        std::printf(")\n");
    };
    std::printf("\npackage %s (%s), %zu held-out prompts\n", package_path.c_str(),
                package.name.c_str(), records.size());
    std::printf("%-22s %20s", "measure", "generated [95 %]");
    if (autoencoded) std::printf(" %14s", ("autoenc. " + part).c_str());
    std::printf(" %12s\n", "world clip");
    row("median |sync offset|", g.median_abs_sync_ms, g.sync_interval, a.median_abs_sync_ms,
        r.median_abs_sync_ms, "%.0f", {g.sync_cases, a.sync_cases, r.sync_cases}, "ms");
    row("  mouths", g.median_abs_sync_mouth_ms, g.sync_mouth_interval, a.median_abs_sync_mouth_ms,
        r.median_abs_sync_mouth_ms, "%.0f",
        {g.sync_mouth_cases, a.sync_mouth_cases, r.sync_mouth_cases},
        "ms, clips whose cue is a speaking mouth");
    row("  impacts", g.median_abs_sync_impact_ms, g.sync_impact_interval,
        a.median_abs_sync_impact_ms, r.median_abs_sync_impact_ms, "%.0f",
        {g.sync_impact_cases, a.sync_impact_cases, r.sync_impact_cases},
        "ms, clips whose cue is impacts");
    row("moving mouths", g.moving_mouth_share, g.moving_mouth_interval, a.moving_mouth_share,
        r.moving_mouth_share, "%.2f", {g.mouths, a.mouths, r.mouths},
        "speaking faces whose mouth opens and closes at all (a still one gives sync nothing)");
    row("span adherence", g.span_adherence, g.span_interval, a.span_adherence, r.span_adherence,
        "%.2f", {g.span_cases, a.span_cases, r.span_cases},
        "share of speech-band energy in the spans");
    row("  timing redrawn", g.span_adherence_redrawn, g.span_redrawn_interval,
        a.span_adherence_redrawn, r.span_adherence_redrawn, "%.2f",
        {g.span_cases, a.span_cases, r.span_cases},
        "the same against 256 timings the world could draw (the prompt gives none); the "
        "world clip's: the most a model reaches without knowing when");
    row("  best timing", g.span_adherence_best_timing, g.span_best_timing_interval,
        a.span_adherence_best_timing, r.span_adherence_best_timing, "%.2f",
        {g.span_cases, a.span_cases, r.span_cases},
        "the same at the timing of these lines that suits the clip best");
    row("timbre binding", g.timbre_accuracy, g.timbre_interval, a.timbre_accuracy,
        r.timbre_accuracy, "%.2f", {g.timbre_spans, a.timbre_spans, r.timbre_spans},
        "spans closer to their own voice");
    if (audio_ae)
        row("timbre, vocoded voices", gv.timbre_accuracy, gv.timbre_interval, av.timbre_accuracy,
            -1.0, "%.2f", {gv.timbre_spans, av.timbre_spans, 0},
            "the same, the voices sent through the audio round trip");
    row("pitch error", g.median_pitch_error, g.pitch_interval, a.median_pitch_error,
        r.median_pitch_error, "%.1f", {g.pitch_spans, a.pitch_spans, r.pitch_spans},
        "semitones from the world clip's voice, median over voiced spans");
    row("colour adherence", g.colour_adherence, g.colour_interval, a.colour_adherence,
        r.colour_adherence, "%.2f", {g.colours, a.colours, r.colours}, "named colours present");
    // Per colour: a model that draws only a few hues can still pass the total where it washes
    // the picture in them.
    auto present_of = [](const synth::QualitySummary& q, const std::string& name) -> std::string {
        const auto it = q.colours_by_name.find(name);
        if (it == q.colours_by_name.end()) return "-";
        return std::to_string(it->second[1]) + "/" + std::to_string(it->second[0]);
    };
    for (const auto& [name, n] : g.colours_by_name) {
        std::printf("  %-20s %20s", name.c_str(), present_of(g, name).c_str());
        if (autoencoded) std::printf(" %14s", present_of(a, name).c_str());
        std::printf(" %12s   present / named\n", present_of(r, name).c_str());
    }
    std::printf("%-22s %20s   s per clip, text -> MP4 (%d steps", "seconds per clip",
                fmt(mean_s, "%.2f", !seconds.empty()).c_str(), steps_used);
    if (reused > 0)
        std::printf("; %d clips made by an earlier run measured again, not timed", reused);
    std::printf(")\n");
    std::printf("guidance: video %g (align %g), audio %g (align %g), timbre %g%s%s\n",
                guidance_used.video_text, guidance_used.video_align, guidance_used.audio_text,
                guidance_used.audio_align, guidance_used.timbre,
                guidance_used.align ? "" : ", no align pass",
                guidance_used.timbre_pass ? "" : ", no timbre pass");
    if (p.has("json")) {
        json autoencoded_json;
        if (autoencoded) {
            autoencoded_json = {{"part", part}, {"summary", a.to_json()}};
            if (audio_ae)
                autoencoded_json["timbre_vocoded_voices"] = {{"generated", gv.to_json()},
                                                             {"autoencoded", av.to_json()}};
        }
        std::ofstream f(p.get("json"));
        f << json({{"package", package_path},
                   {"generated", g.to_json()},
                   {"world", r.to_json()},
                   {"autoencoded", autoencoded_json},
                   {"seconds_per_clip", seconds.empty() ? json(nullptr) : json(mean_s)},
                   {"reused_clips", reused},
                   {"cases", per_case}})
                 .dump(2)
          << "\n";
    }
    return 0;
}

}  // namespace nava::cli
