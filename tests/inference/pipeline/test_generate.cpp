// The engine end to end on a random-weight tiny package built here: a real tokenizer (trained
// with spm_train), all components, export through FFmpeg, and the `nava generate` CLI.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"
#include "inference/pipeline/engine.h"
#include "inference/pipeline/package.h"
#include "inference/pipeline/random_package.h"
#include "media/capabilities.h"
#include "media/export.h"
#include "media/probe.h"
#include "media/wav.h"
#include "media/y4m.h"
#include "tests/support/test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace nava;

bool have_tool(const std::string& name) {
    return test::run_command("command -v " + name + " >/dev/null 2>&1").exit_code == 0;
}

class GenerateTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have_tool("spm_train")) return;
        dir_ = test::scratch_dir("pipeline_generate");
        std::string corpus;
        const char* words[] = {"a",       "red",   "blue",   "ball",   "face",   "says",  "hello",
                               "there",   "green", "square", "moves",  "left",   "right", "the",
                               "bounces", "on",    "and",    "speaks", "softly", "loud"};
        uint32_t state = 12345;
        for (int line = 0; line < 300; ++line) {
            for (int w = 0; w < 9; ++w) {
                state = state * 1664525u + 1013904223u;
                corpus += std::string(words[(state >> 16) % 20]) + " ";
            }
            corpus += "<S> hello there <E>\n";
        }
        std::ofstream(dir_ / "corpus.txt") << corpus;
        const auto r = test::run_command(
            "spm_train --input=" + test::shell_quote((dir_ / "corpus.txt").string()) +
            " --model_prefix=" + test::shell_quote((dir_ / "spm").string()) +
            " --model_type=unigram --vocab_size=120 --hard_vocab_limit=false --pad_id=0 --eos_id=1"
            " --bos_id=2 --unk_id=3 --num_threads=1 --minloglevel=2"
            " --user_defined_symbols=" +
            test::shell_quote("<extra_id_0>,<extra_id_1>,<extra_id_2>"));
        if (r.exit_code != 0) {
            error_ = "spm_train failed: " + r.output;
            return;
        }
        pipeline::RandomPackageSpec spec;
        spec.tokenizer_model = dir_ / "spm.model";
        spec.seed = 11;
        try {
            pipeline::write_random_package(dir_ / "package", spec);
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }
    void SetUp() override {
        if (dir_.empty()) GTEST_SKIP() << "spm_train not installed (apt-get install sentencepiece)";
        ASSERT_TRUE(error_.empty()) << error_;
    }
    static api::GenerationRequest request(const std::string& out) {
        api::GenerationRequest r;
        r.prompt = "a red ball bounces on the left; the blue face says <S>hello there<E>";
        r.spans = {{"hello there", ""}};
        r.width = 64;
        r.height = 32;
        r.latent_frames = 2;
        r.steps = 3;
        r.seed = 5;
        r.output_path = out;
        return r;
    }
    static fs::path package() { return dir_ / "package"; }
    static fs::path dir_;
    static std::string error_;
};
fs::path GenerateTest::dir_;
std::string GenerateTest::error_;

TEST_F(GenerateTest, WritesAPlayableClipWhoseRecipeRoundTrips) {
    if (!media::capabilities().ffmpeg) GTEST_SKIP() << "built without FFmpeg";
    pipeline::GenerationEngine engine;
    const auto info = engine.load_package(package().string());
    EXPECT_EQ(info.layout, "nava-package");
    std::vector<pipeline::JobProgress> events;
    const auto req = request((dir_ / "out" / "one.mp4").string());
    const auto result =
        engine.generate("j1", req, [&](const pipeline::JobProgress& e) { events.push_back(e); });
    ASSERT_EQ(result.output_path, req.output_path);
    ASSERT_TRUE(fs::exists(result.output_path));

    const media::MediaInfo mi = media::probe(media::InputSource(result.output_path));
    const auto* v = mi.best_video();
    const auto* a = mi.best_audio();
    ASSERT_TRUE(v && a);
    EXPECT_EQ(v->width, 64);
    EXPECT_EQ(v->height, 32);
    EXPECT_NEAR(v->fps.num / double(v->fps.den), 24.0, 1e-6);
    EXPECT_GT(a->sample_rate_hz, 0);
    // 5 frames at 24 fps; the audio covers the same span.
    EXPECT_NEAR(mi.duration_s, 5.0 / 24.0, 0.06);

    // Recipe inside the MP4 and in the sidecar = the request as sized by the engine.
    const auto recipe = media::read_recipe(media::InputSource(result.output_path));
    ASSERT_TRUE(recipe.has_value());
    const api::GenerationRequest back = api::request_from_json_text(*recipe);
    EXPECT_EQ(back.prompt, req.prompt);
    EXPECT_EQ(back.seed, req.seed);
    EXPECT_EQ(back.steps, req.steps);
    EXPECT_EQ(back.width, 64);
    EXPECT_EQ(back.latent_frames, 2);
    EXPECT_EQ(api::request_to_json_text(back), *recipe);
    const fs::path sidecar = fs::path(result.output_path).replace_extension(".json");
    EXPECT_EQ(api::request_from_json_text(test::file_bytes(sidecar)).seed, req.seed);

    // Progress: every denoising step reported, previews, an ETA once steps are timed.
    std::set<int64_t> steps;
    bool preview = false, eta = false;
    for (const auto& e : events) {
        if (e.stage == "denoise" && e.preview_rgb.empty()) steps.insert(e.step);
        preview = preview || !e.preview_rgb.empty();
        eta = eta || (e.stage == "denoise" && e.step > 0 && e.eta_s >= 0.0);
    }
    for (int64_t s = 1; s <= req.steps; ++s)
        EXPECT_TRUE(steps.count(s)) << "step " << s;
    EXPECT_TRUE(preview);
    EXPECT_TRUE(eta);
}

TEST_F(GenerateTest, SameSeedSameBytesOtherSeedOtherBytes) {
    if (!media::capabilities().ffmpeg) GTEST_SKIP() << "built without FFmpeg";
    pipeline::GenerationEngine engine;
    engine.load_package(package().string());
    const auto a = engine.generate("a", request((dir_ / "det" / "a.mp4").string()));
    const auto b = engine.generate("b", request((dir_ / "det" / "b.mp4").string()));
    auto other = request((dir_ / "det" / "c.mp4").string());
    other.seed = 6;
    const auto c = engine.generate("c", other);
    // The recipe names its own output path; everything else must be identical.
    auto strip = [](std::string bytes, const std::string& path) {
        for (auto at = bytes.find(path); at != std::string::npos; at = bytes.find(path))
            bytes.erase(at, path.size());
        return bytes;
    };
    EXPECT_EQ(strip(test::file_bytes(a.output_path), a.output_path),
              strip(test::file_bytes(b.output_path), b.output_path));
    EXPECT_NE(strip(test::file_bytes(a.output_path), a.output_path),
              strip(test::file_bytes(c.output_path), c.output_path));
}

TEST_F(GenerateTest, CancelMidRunLeavesNoFile) {
    pipeline::GenerationEngine engine;
    engine.load_package(package().string());
    auto req = request((dir_ / "cancel" / "x.mp4").string());
    req.steps = 8;
    std::atomic<bool> cancel{false};
    EXPECT_THROW(engine.generate(
                     "x", req,
                     [&](const pipeline::JobProgress& e) {
                         if (e.stage == "denoise" && e.step >= 2) cancel = true;
                     },
                     &cancel),
                 pipeline::GenerationCancelled);
    EXPECT_FALSE(fs::exists(req.output_path));
    EXPECT_FALSE(fs::exists(fs::path(req.output_path).replace_extension(".json")));
    if (fs::exists(dir_ / "cancel")) {
        EXPECT_TRUE(fs::is_empty(dir_ / "cancel")) << "leftover files after a cancel";
    }
}

TEST_F(GenerateTest, BadRequestsGetClearMessages) {
    pipeline::GenerationEngine engine;
    engine.load_package(package().string());
    auto expect_message = [&](api::GenerationRequest r, const std::string& part) {
        try {
            engine.plan(r);
            ADD_FAILURE() << "accepted a bad request; expected: " << part;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
        }
    };
    auto r = request("");
    r.prompt = "   ";
    expect_message(r, "empty");
    r = request("");
    r.spans = {{"hello there", "nobody"}};
    expect_message(r, "unknown speaker");
    r = request("");
    r.spans = {{"a", ""}, {"b", ""}};
    expect_message(r, "spans");
    r = request("");
    r.steps = 0;
    expect_message(r, "steps");
    r = request((dir_ / "clip.WAV").string());
    expect_message(r, "text-to-audio mode makes sound alone");
    r.mode = api::Mode::text_to_audio;
    EXPECT_NO_THROW(engine.plan(r));
    // Sizes off the latent grid are rounded and reported.
    r = request("");
    r.width = 70;
    const auto plan = engine.plan(r);
    EXPECT_EQ(plan.width, 64);
    ASSERT_FALSE(plan.warnings.empty());
    EXPECT_NE(plan.warnings[0].find("rounded"), std::string::npos);
    EXPECT_EQ(plan.passes.size(), 3u);  // cond, neg, mmask: no voices, no nospk pass
}

TEST_F(GenerateTest, AudioOnlyModeWritesWav) {
    pipeline::GenerationEngine engine;
    engine.load_package(package().string());
    auto r = request((dir_ / "t2a" / "speech.wav").string());
    r.mode = api::Mode::text_to_audio;
    r.duration_s = 0.4;
    const auto result = engine.generate("t2a", r);
    ASSERT_TRUE(fs::exists(result.output_path));
    EXPECT_EQ(fs::path(result.output_path).extension(), ".wav");
}

// A .y4m name asks for uncompressed frames (no H.264), the sound beside them; the name is kept.
TEST_F(GenerateTest, Y4mOutputKeepsTheFramesAndWritesTheSoundBeside) {
    pipeline::GenerationEngine engine;
    engine.load_package(package().string());
    const auto req = request((dir_ / "y4m" / "frames.Y4M").string());
    const auto result = engine.generate("y", req);
    ASSERT_EQ(result.output_path, req.output_path);
    EXPECT_EQ(test::file_bytes(result.output_path).rfind("YUV4MPEG2", 0), 0u);
    const media::VideoBuffer frames = media::read_y4m(result.output_path);
    EXPECT_EQ(frames.width, 64);
    EXPECT_EQ(frames.height, 32);
    EXPECT_EQ(frames.rgb.size(), std::size_t{64} * 32 * 3 * 5);
    const fs::path wav = fs::path(req.output_path).replace_extension(".wav");
    ASSERT_TRUE(fs::exists(wav));
    EXPECT_GT(media::read_wav(wav).samples.size(), 0u);
    // The same seed gives the same frames.
    const auto again = engine.generate("y2", request((dir_ / "y4m" / "again.y4m").string()));
    EXPECT_EQ(media::read_y4m(again.output_path).rgb, frames.rgb);
}

TEST_F(GenerateTest, PackageSamplingDefaultsReachTheEngineInfo) {
    pipeline::RandomPackageSpec spec;
    spec.tokenizer_model = dir_ / "spm.model";
    spec.seed = 11;
    spec.defaults["shift"] = 3.0;
    spec.defaults["solver"] = "euler";
    spec.defaults["guidance"] = {{"video_text", 4.5}, {"timbre", 1.5}, {"timbre_pass", false}};
    pipeline::write_random_package(dir_ / "tuned", spec);
    pipeline::GenerationEngine engine;
    const auto info = engine.load_package((dir_ / "tuned").string());
    EXPECT_DOUBLE_EQ(info.default_shift, 3.0);
    EXPECT_EQ(info.default_solver, api::Solver::euler);
    EXPECT_DOUBLE_EQ(info.default_guidance.video_text, 4.5);
    EXPECT_DOUBLE_EQ(info.default_guidance.timbre, 1.5);
    EXPECT_FALSE(info.default_guidance.timbre_pass);
    // Keys the manifest leaves out keep the request's own defaults.
    const api::GuidanceSettings plain;
    EXPECT_DOUBLE_EQ(info.default_guidance.audio_text, plain.audio_text);
    EXPECT_TRUE(info.default_guidance.align);

    // A wrong value is named in a warning and only that one falls back; the package loads.
    spec.defaults["solver"] = "rk4";
    spec.defaults["shift"] = -1.0;
    pipeline::write_random_package(dir_ / "mistyped", spec);
    const auto bad = engine.load_package((dir_ / "mistyped").string());
    EXPECT_EQ(bad.default_solver, api::Solver::unipc);
    EXPECT_DOUBLE_EQ(bad.default_shift, 5.0);
    EXPECT_DOUBLE_EQ(bad.default_guidance.video_text, 4.5);
    auto warned = [&](const pipeline::PackageInfo& info, const std::string& what) {
        for (const auto& w : info.warnings)
            if (w.find(what) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(warned(bad, "rk4"));
    EXPECT_TRUE(warned(bad, "shift -1"));

    spec.defaults["solver"] = "euler";
    spec.defaults["shift"] = 3.0;
    spec.defaults["guidance"] = {{"video_text", -2.0}, {"video_scale", 4.0}};
    pipeline::write_random_package(dir_ / "misnamed", spec);
    const auto odd = engine.load_package((dir_ / "misnamed").string());
    EXPECT_EQ(odd.default_solver, api::Solver::euler);
    EXPECT_DOUBLE_EQ(odd.default_guidance.video_text, plain.video_text);
    EXPECT_TRUE(warned(odd, "video_scale"));
    EXPECT_TRUE(warned(odd, "below 0"));

    // `nava generate --prompt` takes the package's sampling defaults into its recipe.
    const fs::path out = dir_ / "tuned_cli" / "clip.y4m";
    const auto run = test::run_command(
        test::shell_quote(NAVA_CLI_PATH) + " generate --prompt 'a red ball bounces' --package " +
        test::shell_quote((dir_ / "tuned").string()) +
        " --latent-frames 2 --steps 2 --quiet --out " + test::shell_quote(out.string()));
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const api::GenerationRequest recipe =
        api::request_from_json_text(test::file_bytes(fs::path(out).replace_extension(".json")));
    EXPECT_DOUBLE_EQ(recipe.shift, 3.0);
    EXPECT_EQ(recipe.solver, api::Solver::euler);
    EXPECT_DOUBLE_EQ(recipe.guidance.video_text, 4.5);
    EXPECT_FALSE(recipe.guidance.timbre_pass);
}

TEST_F(GenerateTest, CliGeneratesFromReferenceJsonlAndDryRuns) {
    if (!media::capabilities().ffmpeg) GTEST_SKIP() << "built without FFmpeg";
    const fs::path work = dir_ / "cli";
    fs::create_directories(work);
    std::ofstream(work / "requests.jsonl")
        << R"({"text": "a red ball says <S>hello there<E>", "seed": 3})"
        << "\n"
        << R"({"prompt": "a blue square moves left", "seed": 4, "steps": 2})"
        << "\n";
    const std::string nava = test::shell_quote(NAVA_CLI_PATH);
    const std::string common = " --package " + test::shell_quote(package().string()) +
                               " --width 64 --height 32 --latent-frames 2 --steps 2";
    const auto dry = test::run_command(nava + " generate --prompt 'a face says <S>hello<E>'" +
                                       common + " --dry-run");
    ASSERT_EQ(dry.exit_code, 0) << dry.output;
    EXPECT_NE(dry.output.find("GFLOP"), std::string::npos) << dry.output;
    EXPECT_NE(dry.output.find("DiT passes"), std::string::npos) << dry.output;

    const auto run = test::run_command(
        nava + " generate --requests " + test::shell_quote((work / "requests.jsonl").string()) +
        common + " --quiet --out-dir " + test::shell_quote((work / "out").string()));
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_TRUE(fs::exists(work / "out" / "clip_001.mp4")) << run.output;
    EXPECT_TRUE(fs::exists(work / "out" / "clip_002.mp4")) << run.output;
    EXPECT_TRUE(fs::exists(work / "out" / "clip_001.json")) << run.output;

    const auto bad = test::run_command(nava + " generate --prompt '  '" + common);
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.output.find("empty"), std::string::npos) << bad.output;
}

}  // namespace
