// `nava generate`: one request from flags, or a batch from a JSON / JSONL file (our recipes or
// the reference's request records), through the generation engine; a progress bar with ETA on
// the terminal (or JSON lines for programs), `--dry-run` for the plan without generating.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/guidance_options.h"
#include "inference/api/request.h"
#include "inference/core/error.h"
#include "inference/pipeline/engine.h"

namespace nava::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::atomic<bool> g_interrupted{false};

void on_interrupt(int) {
    g_interrupted = true;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) out.push_back(item);
    return out;
}

// One record of a requests file: our recipe keys, or the reference's record
// ({"prompt"|"text", "image_path", "spk_wavs"}). Relative paths are relative to the file.
api::GenerationRequest request_from_record(const json& record, const fs::path& base) {
    const bool reference = record.contains("spk_wavs") || record.contains("image_path") ||
                           (record.contains("text") && !record.contains("prompt"));
    json r = record;
    if (r.contains("text") && !r.contains("prompt")) r["prompt"] = r["text"];
    auto rebase = [&](json& v) {
        if (v.is_string() && !v.get<std::string>().empty() &&
            fs::path(v.get<std::string>()).is_relative())
            v = (base / v.get<std::string>()).lexically_normal().string();
    };
    if (r.contains("image_path")) rebase(r["image_path"]);
    if (r.contains("first_frame_image")) rebase(r["first_frame_image"]);
    if (r.contains("spk_wavs") && r["spk_wavs"].is_array())
        for (auto& v : r["spk_wavs"])
            rebase(v);
    if (r.contains("speakers") && r["speakers"].is_array())
        for (auto& s : r["speakers"])
            if (s.is_object())
                for (const char* key : {"voice", "voice_path"})
                    if (s.contains(key)) rebase(s[key]);
    if (reference) {
        json ref = {{"prompt", r.value("prompt", std::string())}};
        if (r.contains("image_path")) ref["image_path"] = r["image_path"];
        if (r.contains("spk_wavs")) ref["spk_wavs"] = r["spk_wavs"];
        for (const char* key : {"text", "spk_wavs", "image_path"})
            r.erase(key);
        api::GenerationRequest req = api::request_from_json(r);
        const api::GenerationRequest bound = api::request_from_reference_record(ref);
        req.speakers = bound.speakers;
        req.spans = bound.spans;
        req.first_frame_image = bound.first_frame_image;
        if (!req.first_frame_image.empty()) req.mode = api::Mode::image_to_audio_video;
        return req;
    }
    return api::request_from_json(r);
}

std::vector<api::GenerationRequest> read_requests(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw IoError(file.string() + ": cannot open the requests file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    const fs::path base = file.parent_path();
    std::vector<api::GenerationRequest> out;
    // A whole JSON document (object or array), else one record per non-empty line.
    json whole = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!whole.is_discarded()) {
        if (whole.is_object()) whole = json::array({whole});
        if (!whole.is_array())
            throw FormatError(file.string() + ": expected requests as JSON objects");
        for (std::size_t i = 0; i < whole.size(); ++i) {
            try {
                out.push_back(request_from_record(whole[i], base));
            } catch (const std::exception& e) {
                throw FormatError(file.string() + ": request " + std::to_string(i + 1) + ": " +
                                  e.what());
            }
        }
        return out;
    }
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const json record = json::parse(line, nullptr, false);
        if (record.is_discarded() || !record.is_object())
            throw FormatError(file.string() + ":" + std::to_string(number) + ": not a JSON object");
        try {
            out.push_back(request_from_record(record, base));
        } catch (const std::exception& e) {
            throw FormatError(file.string() + ":" + std::to_string(number) + ": " + e.what());
        }
    }
    if (out.empty()) throw FormatError(file.string() + ": no requests");
    return out;
}

std::string format_seconds(double s) {
    char b[32];
    if (s < 0) return "--";
    if (s < 60)
        std::snprintf(b, sizeof b, "%.0fs", s);
    else
        std::snprintf(b, sizeof b, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
    return b;
}

// Terminal progress: one redrawn line per job on a TTY, plain lines otherwise.
class ProgressPrinter {
public:
    ProgressPrinter(bool json_lines, bool quiet) : json_(json_lines), quiet_(quiet) {}

    void operator()(const pipeline::JobProgress& p) {
        if (json_) {
            json j = {{"event", "progress"}, {"job", p.job_id},
                      {"stage", p.stage},    {"step", p.step},
                      {"steps", p.steps},    {"elapsed_s", p.elapsed_s},
                      {"eta_s", p.eta_s},    {"preview", !p.preview_rgb.empty()}};
            std::cout << j.dump() << std::endl;
            return;
        }
        if (quiet_ || !p.preview_rgb.empty()) return;
        if (p.stage == "denoise") {
            const int width = 30;
            const int filled = p.steps > 0 ? static_cast<int>(width * p.step / p.steps) : 0;
            std::fprintf(stderr, "\r  denoise [%s%s] %lld/%lld  %s elapsed, ETA %s   ",
                         std::string(filled, '#').c_str(), std::string(width - filled, ' ').c_str(),
                         static_cast<long long>(p.step), static_cast<long long>(p.steps),
                         format_seconds(p.elapsed_s).c_str(), format_seconds(p.eta_s).c_str());
            if (p.step == p.steps) std::fprintf(stderr, "\n");
        } else if (p.step == 0 && p.stage != last_stage_) {
            std::fprintf(stderr, "  %s ...\n", p.stage.c_str());
        }
        last_stage_ = p.stage;
        std::fflush(stderr);
    }

private:
    bool json_;
    bool quiet_;
    std::string last_stage_;
};

void print_plan(const api::GenerationRequest& r, const pipeline::RequestPlan& p) {
    std::printf("mode            %s\n", api::to_string(r.mode));
    if (p.video_frames > 0) {
        std::printf("video           %dx%d, %lld frames at %.3g fps (%.2f s)\n", p.width, p.height,
                    static_cast<long long>(p.video_frames), r.fps, p.duration_s);
        std::printf("video latent    %lld x %lld x %lld\n", static_cast<long long>(p.latent_frames),
                    static_cast<long long>(p.latent_height),
                    static_cast<long long>(p.latent_width));
    } else {
        std::printf("audio only      %.2f s\n", p.duration_s);
    }
    std::printf("audio latent    %lld tokens\n", static_cast<long long>(p.audio_tokens));
    std::printf("prompt          %lld tokens (text length %lld), %lld speech spans, %lld voices\n",
                static_cast<long long>(p.prompt_tokens), static_cast<long long>(p.text_len),
                static_cast<long long>(p.speech_spans), static_cast<long long>(p.voices));
    std::string passes;
    for (const auto& s : p.passes)
        passes += (passes.empty() ? "" : ", ") + s;
    std::printf("DiT passes      %s per step, %lld tokens each\n", passes.c_str(),
                static_cast<long long>(p.dit_tokens));
    std::printf("compute         %.3g GFLOP per step, %.3g GFLOP for %d steps\n",
                p.dit_gflop_per_step, p.dit_gflop_per_step * r.steps, r.steps);
    std::printf("memory profile  %s\n", p.memory_profile.c_str());
    for (const auto& line : p.memory_plan)
        std::printf("  %s\n", line.c_str());
    for (const auto& w : p.warnings)
        std::printf("warning: %s\n", w.c_str());
}

}  // namespace

int cmd_generate(const Args& args) {
    ArgParser p("nava generate",
                "Generate a clip whose picture and sound are made together from a scene prompt "
                "(speech written inline as <S>...<E>), optionally with a reference voice per "
                "speech span and a first-frame image.");
    p.option("prompt", "TEXT", "the scene prompt; speech as <S>words<E>")
        .option("requests", "FILE",
                "JSON (object or array) or JSONL file of requests: recipes, or the reference's "
                "records {\"prompt\"|\"text\", \"image_path\", \"spk_wavs\"}")
        .option("package", "DIR",
                "model package folder (default: $NAVA_PACKAGE, else the embedded NAVA-tiny)")
        .option("out", "FILE",
                "output clip (.mp4; .y4m: uncompressed frames, sound in a .wav beside; .wav: sound "
                "alone, --mode t2a)")
        .option("out-dir", "DIR", "folder for batch outputs named after the request number", "out")
        .option("negative", "TEXT", "negative prompt (default: the model's)")
        .option("voices", "FILES",
                "reference voices, comma separated, bound to the spans in order "
                "(one voice: every span)")
        .option("image", "FILE", "first-frame image (image -> audio+video)")
        .option("mode", "MODE", "t2av, i2av or t2a")
        .option("width", "PX", "frame width (rounded to 16)")
        .option("height", "PX", "frame height (rounded to 16)")
        .option("duration", "SECONDS", "clip length")
        .option("latent-frames", "N", "video latent frames (overrides --duration)")
        .option("fps", "FPS", "frame rate")
        .option("seed", "N", "random seed")
        .option("steps", "N", "denoising steps")
        .option("shift", "S", "timestep shift")
        .option("solver", "NAME", "unipc or euler")
        .option("memory-profile", "NAME", "auto, cpu-f32, cpu-bf16, full, text-offload, low-memory")
        .option("device", "NAME", "auto, cpu, cuda, cuda:N", "auto")
        .flag("dry-run",
              "print shapes, token counts, FLOP estimate and memory plan; generate nothing")
        .flag("json-progress", "progress as JSON lines on stdout (for programs)")
        .flag("quiet", "no progress output");
    add_guidance_options(p);
    if (!p.parse(args)) return 0;
    if (p.has("prompt") == p.has("requests"))
        throw UsageError("give either --prompt or --requests");

    pipeline::EngineOptions options;
    options.device = p.get("device");
    pipeline::GenerationEngine engine(options);
    const std::string package =
        p.has("package") ? p.get("package") : pipeline::default_package_path();
    if (package.empty())
        throw UsageError(
            "no model package: pass --package DIR (see the README for the official "
            "weights) or set NAVA_PACKAGE");
    const pipeline::PackageInfo info = engine.load_package(package);
    for (const auto& w : info.warnings)
        std::fprintf(stderr, "note: %s\n", w.c_str());

    // Requests: package defaults, then the file's records or the flags.
    std::vector<api::GenerationRequest> requests;
    if (p.has("requests")) {
        requests = read_requests(p.get("requests"));
    } else {
        api::GenerationRequest r;
        r.width = info.default_width;
        r.height = info.default_height;
        r.fps = info.default_fps;
        r.duration_s = info.default_duration_s;
        r.steps = info.default_steps;
        r.shift = info.default_shift;
        r.solver = info.default_solver;
        r.guidance = info.default_guidance;
        json record = {{"prompt", p.get("prompt")}};
        if (p.has("voices")) record["spk_wavs"] = split_list(p.get("voices"));
        const api::GenerationRequest bound = api::request_from_reference_record(record);
        r.prompt = bound.prompt;
        r.speakers = bound.speakers;
        r.spans = bound.spans;
        requests.push_back(r);
    }
    for (std::size_t i = 0; i < requests.size(); ++i) {
        api::GenerationRequest& r = requests[i];
        if (p.has("negative")) r.negative_prompt = p.get("negative");
        if (p.has("image")) {
            r.first_frame_image = p.get("image");
            r.mode = api::Mode::image_to_audio_video;
        }
        if (p.has("mode")) {
            const auto mode = api::mode_from_string(p.get("mode"));
            if (!mode) throw UsageError("--mode must be t2av, i2av or t2a");
            r.mode = *mode;
        }
        if (p.has("width")) r.width = static_cast<int>(p.get_int("width"));
        if (p.has("height")) r.height = static_cast<int>(p.get_int("height"));
        if (p.has("duration")) r.duration_s = p.get_double("duration");
        if (p.has("latent-frames")) r.latent_frames = static_cast<int>(p.get_int("latent-frames"));
        if (p.has("fps")) r.fps = p.get_double("fps");
        if (p.has("seed")) r.seed = static_cast<uint64_t>(p.get_int("seed"));
        if (p.has("steps")) r.steps = static_cast<int>(p.get_int("steps"));
        if (p.has("shift")) r.shift = p.get_double("shift");
        if (p.has("solver")) {
            const auto s = api::solver_from_string(p.get("solver"));
            if (!s) throw UsageError("--solver must be unipc or euler");
            r.solver = *s;
        }
        apply_guidance_options(p, r.guidance);
        if (p.has("memory-profile")) r.memory_profile = p.get("memory-profile");
        r.package = info.path;
        const bool video = r.mode != api::Mode::text_to_audio;
        if (p.has("out") && requests.size() == 1) {
            r.output_path = p.get("out");
        } else if (r.output_path.empty()) {
            char name[32];
            std::snprintf(name, sizeof name, "clip_%03zu", i + 1);
            r.output_path =
                (fs::path(p.get("out-dir")) / (std::string(name) + (video ? ".mp4" : ".wav")))
                    .string();
        }
    }

    if (p.has("dry-run")) {
        for (std::size_t i = 0; i < requests.size(); ++i) {
            if (requests.size() > 1) std::printf("== request %zu\n", i + 1);
            print_plan(requests[i], engine.plan(requests[i]));
        }
        return 0;
    }

    // Ctrl-C cancels the running job cleanly (no partial file); a second one kills.
    std::atomic<bool> cancel{false};
    g_interrupted = false;
    auto previous = std::signal(SIGINT, on_interrupt);
    std::thread watcher([&] {
        while (!cancel.load()) {
            if (g_interrupted.load()) {
                cancel = true;
                std::signal(SIGINT, SIG_DFL);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    struct Restore {
        std::atomic<bool>& cancel;
        std::thread& watcher;
        void (*previous)(int);
        ~Restore() {
            cancel = true;
            if (watcher.joinable()) watcher.join();
            std::signal(SIGINT, previous);
        }
    } restore{cancel, watcher, previous};

    ProgressPrinter printer(p.has("json-progress"), p.has("quiet"));
    int failures = 0;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const std::string job = "job" + std::to_string(i + 1);
        if (!p.has("json-progress") && !p.has("quiet"))
            std::fprintf(stderr, "[%zu/%zu] %s\n", i + 1, requests.size(),
                         requests[i].output_path.c_str());
        try {
            const pipeline::JobResult r = engine.generate(
                job, requests[i], [&](const pipeline::JobProgress& e) { printer(e); }, &cancel);
            for (const auto& w : r.warnings)
                std::fprintf(stderr, "warning: %s\n", w.c_str());
            if (p.has("json-progress")) {
                std::cout << json{{"event", "finished"},
                                  {"job", job},
                                  {"output", r.output_path},
                                  {"files", r.extra_files},
                                  {"seconds", r.seconds}}
                                 .dump()
                          << std::endl;
            } else {
                std::printf("%s  (%.1f s)\n", r.output_path.c_str(), r.seconds);
            }
        } catch (const pipeline::GenerationCancelled&) {
            std::fprintf(stderr, "\ncancelled: nothing was written for %s\n",
                         requests[i].output_path.c_str());
            return 130;
        } catch (const std::invalid_argument& e) {
            std::fprintf(stderr, "request %zu: %s\n", i + 1, e.what());
            ++failures;
        }
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace nava::cli
