// `nava bench generate`: one request end to end through the engine, timed per stage — seconds per
// denoising step and per guidance pass, total time, peak resident memory per stage — with the
// passes batched into one DiT forward and, for comparison, one forward per pass; plus how good
// the progress ETA was.
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/api/request.h"
#include "inference/pipeline/engine.h"

namespace nava::cli {
namespace {

// Peak resident set since the last reset, in bytes (Linux: VmHWM; reset via clear_refs).
int64_t peak_rss_bytes() {
    std::ifstream in("/proc/self/status");
    std::string key;
    while (in >> key) {
        if (key == "VmHWM:") {
            int64_t kb = 0;
            in >> kb;
            return kb * 1024;
        }
        std::string rest;
        std::getline(in, rest);
    }
    return 0;
}

void reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}

struct StageStats {
    double start_s = -1.0, end_s = 0.0;
    int64_t peak_bytes = 0;
};

struct RunStats {
    std::vector<std::string> order;
    std::map<std::string, StageStats> stages;
    std::vector<double> step_end_s;  // elapsed at the end of each denoising step
    double eta_at_3 = -1.0, elapsed_at_3 = 0.0;
    double total_s = 0.0;
    int64_t forwards = 0;
};

RunStats run_once(pipeline::GenerationEngine& engine, const api::GenerationRequest& request,
                  const std::string& id) {
    RunStats st;
    std::string current;
    auto close_stage = [&](double now) {
        if (current.empty()) return;
        st.stages[current].end_s = now;
        st.stages[current].peak_bytes = std::max(st.stages[current].peak_bytes, peak_rss_bytes());
    };
    reset_peak_rss();
    const auto result = engine.generate(id, request, [&](const pipeline::JobProgress& e) {
        if (!e.preview_rgb.empty()) return;
        if (e.stage != current) {
            close_stage(e.elapsed_s);
            reset_peak_rss();
            current = e.stage;
            if (!st.stages.count(current)) st.order.push_back(current);
            st.stages[current].start_s = e.elapsed_s;
        }
        if (e.stage == "denoise" && e.step > 0) {
            st.step_end_s.push_back(e.elapsed_s);
            if (e.step == 3) {
                st.eta_at_3 = e.eta_s;
                st.elapsed_at_3 = e.elapsed_s;
            }
        }
    });
    close_stage(result.seconds);
    st.total_s = result.seconds;
    st.forwards = result.dit_forwards;
    return st;
}

}  // namespace

int bench_generate(const Args& args) {
    ArgParser p("nava bench generate",
                "Time one generation end to end, per stage, with the guidance passes batched "
                "into one DiT forward and one forward per pass.");
    p.option("package", "DIR", "model package (default: the embedded one)")
        .option("prompt", "TEXT", "prompt",
                "a red ball bounces on the left; a face says <S>hello there<E>")
        .option("width", "PX", "frame width (default: the package's)")
        .option("height", "PX", "frame height (default: the package's)")
        .option("duration", "SECONDS", "clip length (default: the package's)")
        .option("steps", "N", "denoising steps (default: the package's)")
        .option("memory-profile", "NAME", "memory profile", "auto")
        .option("device", "NAME", "auto, cpu, cuda", "auto")
        .option("out", "DIR", "where the clips go", "out/bench")
        .flag("batched-only", "skip the one-forward-per-pass run");
    if (!p.parse(args)) return 0;
    const std::string package =
        p.has("package") ? p.get("package") : pipeline::default_package_path();
    if (package.empty()) throw UsageError("no model package: pass --package DIR");

    struct Variant {
        const char* name;
        bool batched;
    };
    std::vector<Variant> variants = {{"batched passes", true}};
    if (!p.has("batched-only")) variants.push_back({"one forward per pass", false});
    std::printf("package %s, device %s, profile %s\n\n", package.c_str(), p.get("device").c_str(),
                p.get("memory-profile").c_str());
    std::vector<std::pair<std::string, RunStats>> all;
    std::size_t passes = 0;
    for (const auto& v : variants) {
        pipeline::EngineOptions options;
        options.device = p.get("device");
        options.memory_profile = p.get("memory-profile");
        options.batch_passes = v.batched;
        pipeline::GenerationEngine engine(options);
        const auto info = engine.load_package(package);
        api::GenerationRequest r;
        r.prompt = p.get("prompt");
        r.width = p.has("width") ? static_cast<int>(p.get_int("width")) : info.default_width;
        r.height = p.has("height") ? static_cast<int>(p.get_int("height")) : info.default_height;
        r.duration_s = p.has("duration") ? p.get_double("duration") : info.default_duration_s;
        r.steps = p.has("steps") ? static_cast<int>(p.get_int("steps")) : info.default_steps;
        r.shift = info.default_shift;
        r.solver = info.default_solver;
        r.guidance = info.default_guidance;
        r.memory_profile = p.get("memory-profile");
        r.output_path = p.get("out") + "/bench_" + (v.batched ? "batched" : "sequential") + ".mp4";
        const auto plan = engine.plan(r);
        passes = plan.passes.size();
        // The first run loads the weights; the timed run is the second.
        run_once(engine, r, "warmup");
        all.emplace_back(v.name, run_once(engine, r, "timed"));
        if (&v == &variants.front())
            std::printf(
                "request: %dx%d, %lld frames, %lld audio tokens, %d steps, %zu passes per step "
                "(%lld DiT tokens each)\n\n",
                plan.width, plan.height, static_cast<long long>(plan.video_frames),
                static_cast<long long>(plan.audio_tokens), r.steps, passes,
                static_cast<long long>(plan.dit_tokens));
    }

    for (const auto& [name, st] : all) {
        std::printf("%s (%lld DiT forwards)\n", name.c_str(), static_cast<long long>(st.forwards));
        std::printf("  %-14s %10s %12s\n", "stage", "seconds", "peak RSS MB");
        for (const auto& stage : st.order) {
            const auto& s = st.stages.at(stage);
            std::printf("  %-14s %10.3f %12.1f\n", stage.c_str(), s.end_s - s.start_s,
                        s.peak_bytes / 1048576.0);
        }
        const auto& d = st.stages.count("denoise") ? st.stages.at("denoise") : StageStats{};
        const double steps = static_cast<double>(st.step_end_s.size());
        if (steps > 0) {
            const double per_step = (st.step_end_s.back() - d.start_s) / steps;
            std::printf("  %-14s %10.3f\n", "s / step", per_step);
            std::printf("  %-14s %10.3f\n", "s / step/pass",
                        per_step / std::max<std::size_t>(1, passes));
        }
        std::printf("  %-14s %10.3f\n", "total", st.total_s);
        if (st.eta_at_3 >= 0 && !st.step_end_s.empty()) {
            const double actual = st.step_end_s.back() - st.elapsed_at_3;
            std::printf("  ETA after step 3: %.3f s predicted, %.3f s actual (%+.1f%%)\n",
                        st.eta_at_3, actual,
                        actual > 0 ? 100.0 * (st.eta_at_3 - actual) / actual : 0.0);
        }
        std::printf("\n");
    }
    if (all.size() == 2) {
        const double a =
            all[0].second.stages["denoise"].end_s - all[0].second.stages["denoise"].start_s;
        const double b =
            all[1].second.stages["denoise"].end_s - all[1].second.stages["denoise"].start_s;
        std::printf("denoising: batched %.3f s vs one forward per pass %.3f s (%.2fx)\n", a, b,
                    a > 0 ? b / a : 0.0);
    }
    return 0;
}

}  // namespace nava::cli
