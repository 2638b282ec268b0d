// The generation engine behind the CLI and the studio, reached through plain structs only (no
// torch types): load a model package, plan and run GenerationRequests, report progress, cancel.
// One engine owns one model; its asynchronous mode runs every job on one worker thread, and
// callbacks are invoked from that thread (the studio re-posts them to the GUI thread).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "inference/api/request.h"

namespace nava::pipeline {

struct EngineOptions {
    std::string device = "auto";          // "auto", "cpu", "cuda", "cuda:N"
    std::string memory_profile = "auto";  // default profile for requests that say "auto"
    // All guidance passes of a step in one batched DiT forward (false: one forward per pass,
    // for benchmarks and memory-tight cases).
    bool batch_passes = true;
};

struct PackageInfo {
    std::string path;
    std::string name;
    std::string layout;  // "nava-package" or "official-release"
    bool fp8_available = false;
    bool voices_supported = false;  // a speaker encoder is present
    int default_width = 0, default_height = 0;
    double default_fps = 24.0, default_duration_s = 0.0;
    int default_steps = 0;
    // The package's sampling defaults ("shift", "solver", "guidance" in its manifest); the
    // request's own defaults where the manifest names none.
    double default_shift = 5.0;
    api::Solver default_solver = api::Solver::unipc;
    api::GuidanceSettings default_guidance;
    int64_t text_len = 0;
    int64_t dit_parameters = 0;
    std::vector<std::string> warnings;
};

// What a request will do, without doing it (`nava generate --dry-run`, the studio's estimate).
struct RequestPlan {
    int width = 0, height = 0;  // after rounding to the latent grid
    int64_t video_frames = 0;   // decoded frames (0: audio only)
    int64_t latent_frames = 0, latent_height = 0, latent_width = 0;
    int64_t audio_tokens = 0;
    double duration_s = 0.0;
    int64_t prompt_tokens = 0;  // incl. </s>
    int64_t text_len = 0;
    int64_t speech_spans = 0;
    int64_t voices = 0;
    std::vector<std::string> passes;  // DiT passes per step ("cond", "neg", "mmask", "nospk")
    int64_t dit_tokens = 0;           // per pass
    double dit_gflop_per_step = 0.0;
    std::string memory_profile;            // resolved
    std::vector<std::string> memory_plan;  // one line per decision
    std::vector<std::string> warnings;     // e.g. size rounded
};

struct JobProgress {
    std::string job_id;
    std::string
        stage;  // "load", "text", "voices", "denoise", "decode_video", "decode_audio", "export"
    int64_t step = 0;
    int64_t steps = 0;
    double elapsed_s = 0.0;  // since the job started
    double eta_s = -1.0;     // remaining, < 0 when unknown
    int preview_width = 0, preview_height = 0;
    std::vector<uint8_t> preview_rgb;  // optional low-res picture of the current estimate
};

struct JobResult {
    std::string job_id;
    std::string output_path;  // the clip (.mp4; .wav for audio-only; .y4m + .wav without FFmpeg)
    std::vector<std::string> extra_files;  // sidecar recipe, separate audio, ...
    std::string recipe_json;
    std::vector<std::string> warnings;
    double seconds = 0.0;
    int64_t dit_forwards = 0;
};

// A job that was cancelled before it produced anything.
class GenerationCancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using ProgressFn = std::function<void(const JobProgress&)>;

// The package used when none is named: $NAVA_PACKAGE, else the embedded NAVA-tiny installed
// beside the executable (share/nava/models/nava-tiny) or in the source tree
// (assets/models/nava-tiny); "" when none of them exists or NAVA_PACKAGE=none.
std::string default_package_path();

// Counts a prompt's tokens exactly as generation will (the prompt rules — a speaker placeholder
// after every <S>, cleaning — then the package's own tokenizer, plus </s>), without loading any
// model: cheap enough for every keystroke, and safe to use from any thread.
class PromptTokenCounter {
public:
    // Opens the tokenizer of the package at `package_path` ("" = the default package). Throws
    // with a message naming what is missing.
    static std::shared_ptr<const PromptTokenCounter> open(const std::string& package_path);
    ~PromptTokenCounter();
    int64_t count(const std::string& prompt) const;
    // The text context of the package's DiT (tokens past it are cut off).
    int64_t context_tokens() const { return context_; }

private:
    PromptTokenCounter() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int64_t context_ = 512;
};

class GenerationEngine {
public:
    explicit GenerationEngine(EngineOptions options = {});
    ~GenerationEngine();
    GenerationEngine(const GenerationEngine&) = delete;
    GenerationEngine& operator=(const GenerationEngine&) = delete;

    // ---- synchronous use (the caller's thread does the work) ----
    // Opens a package (lazy: weights load on first use). Throws with a message naming what is
    // missing and where to get it.
    PackageInfo load_package(const std::string& path);
    bool has_package() const;
    // Validates and sizes a request. Throws std::invalid_argument with a clear message.
    RequestPlan plan(const api::GenerationRequest& request);
    // Runs a request to completion. Throws GenerationCancelled (no file left behind) or an
    // error with a clear message.
    JobResult generate(const std::string& job_id, const api::GenerationRequest& request,
                       const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

    // ---- asynchronous use (one worker thread) ----
    struct Callbacks {
        std::function<void(const PackageInfo&)> package_loaded;
        std::function<void(const std::string& path, const std::string& message)> package_failed;
        ProgressFn progress;
        std::function<void(const JobResult&)> finished;
        std::function<void(const std::string& job_id, const std::string& message)> failed;
        std::function<void(const std::string& job_id)> cancelled;
    };
    void start(Callbacks callbacks);
    void submit_load(const std::string& path);
    void submit(const std::string& job_id, const api::GenerationRequest& request);
    // Cancels a queued or running job (running: stops at the next pass).
    void cancel(const std::string& job_id);
    // Stops the worker after cancelling everything (also done by the destructor).
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace nava::pipeline
