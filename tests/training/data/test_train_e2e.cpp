// `nava train` as a user runs it, on a small dataset made by the built `nava synth` with tiny
// random encoders written by the test: --validate-data (a broken record is reported, the rest
// goes on), --preprocess, a few training steps, then SIGINT during a run (checkpoint, exit 0,
// resume).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"
#include "tests/training/data/data_test_util.h"

using namespace nava::train;
namespace fs = std::filesystem;
using nava::test::run_command;
using nava::test::shell_quote;
using nlohmann::json;

namespace {

std::vector<json> events_of(const std::string& output) {
    std::vector<json> events;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '{') continue;
        try {
            events.push_back(json::parse(line));
        } catch (...) {
        }
    }
    return events;
}

const json* find_event(const std::vector<json>& events, const std::string& name) {
    for (const auto& e : events)
        if (e.value("event", "") == name) return &e;
    return nullptr;
}

nava::test::ProcessResult nava_cli(const std::string& args) {
    return run_command(shell_quote(NAVA_CLI_PATH) + " " + args + " 2>&1");
}

json tiny_dit(int64_t audio_channels) {
    return {{"dim", 24},
            {"num_heads", 2},
            {"ffn_dim", 32},
            {"num_double_layers", 1},
            {"num_single_layers", 1},
            {"text_len", 160},
            {"text_dim", 16},
            {"vid_in_dim", 4},
            {"vid_out_dim", 4},
            {"audio_in_dim", audio_channels},
            {"audio_out_dim", audio_channels},
            {"speaker_dim", 32},
            {"freq_dim", 16}};
}

}  // namespace

TEST(TrainEndToEnd, SynthDatasetValidatesPreprocessesAndTrains) {
    if (!test::have_ffmpeg()) GTEST_SKIP() << "no FFmpeg in this build";
    if (run_command("command -v espeak-ng").exit_code != 0) GTEST_SKIP() << "no espeak-ng";
    const auto dir = nava::test::scratch_dir("train_e2e");

    // 1. Six clips from `nava synth` (33 frames = one 33-frame bucket).
    const auto synth = nava_cli("synth --out " + shell_quote((dir / "synth").string()) +
                                " --clips 6 --width 64 --height 64 --frames 33 --threads 2 "
                                "--seed 4 --quiet");
    ASSERT_EQ(synth.exit_code, 0) << synth.output;
    const auto manifest = dir / "synth" / "manifest.jsonl";
    ASSERT_TRUE(fs::exists(manifest));
    // A broken record: validation reports it and the rest still trains.
    std::ofstream(manifest, std::ios::app)
        << json{{"id", "ghost"}, {"video", "clips/ghost.mp4"}, {"caption", "nothing"}}.dump()
        << "\n";

    // 2. Tiny random encoders; the audio VAE's channel count sets the DiT's audio width.
    EncoderFiles files;
    if (!test::write_tiny_encoders(dir / "enc", files)) GTEST_SKIP() << "no spm_train";
    const auto audio_cfg = nava::audio_vae::tiny_checkpoint_config();
    const auto codec = nava::audio_vae::AudioCodecConfig::from_checkpoint_json(audio_cfg, "tiny");
    const int64_t audio_channels = codec.vae.token_channels();
    json recipe = {
        {"name", "e2e"},
        {"model", {{"config", tiny_dit(audio_channels)}, {"init_seed", 1}}},
        {"data",
         {{"source", manifest.string()},
          {"cache_dir", (dir / "cache").string()},
          {"encoders", files.to_json()},
          {"buckets",
           {{"size_scale", 2}, {"frame_buckets", {33}}, {"min_frames", 33}, {"max_frames", 64}}},
          {"batching", {{"strategy", "buckets"}}},
          {"preprocess_workers", 2}}},
        {"batch_per_rank", 2},
        {"steps", 3},
        {"objective", {{"seed", 2}}},
        {"optimizer", {{"lr", 1e-3}}},
        {"output_dir", (dir / "run").string()}};
    const auto recipe_file = dir / "recipe.json";
    std::ofstream(recipe_file) << recipe.dump(1);

    // 3. Validation: 6 accepted, the ghost rejected with its reason, exit 0.
    const auto v = nava_cli("train " + shell_quote(recipe_file.string()) + " --validate-data");
    EXPECT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("ghost"), std::string::npos) << v.output;
    EXPECT_NE(v.output.find("missing"), std::string::npos) << v.output;

    // 4. Preprocessing encodes the six clips once; a second run reuses all of them.
    const auto p1 = nava_cli("train " + shell_quote(recipe_file.string()) + " --preprocess");
    ASSERT_EQ(p1.exit_code, 0) << p1.output;
    const auto events1 = events_of(p1.output);
    const json* done1 = find_event(events1, "preprocessed");
    ASSERT_NE(done1, nullptr) << p1.output;
    EXPECT_EQ((*done1)["encoded"], 6) << p1.output;
    const auto p2 = nava_cli("train " + shell_quote(recipe_file.string()) + " --preprocess");
    const auto events2 = events_of(p2.output);
    const json* done2 = find_event(events2, "preprocessed");
    ASSERT_NE(done2, nullptr) << p2.output;
    EXPECT_EQ((*done2)["encoded"], 0);
    EXPECT_EQ((*done2)["reused"], 6);

    // 5. Training from the cache: three steps, finite losses, an exported model.
    const auto t = nava_cli("train " + shell_quote(recipe_file.string()));
    ASSERT_EQ(t.exit_code, 0) << t.output;
    const auto events = events_of(t.output);
    int steps = 0;
    for (const auto& e : events)
        if (e.value("event", "") == "step") {
            ++steps;
            EXPECT_TRUE(std::isfinite(e["loss"].get<double>()));
        }
    EXPECT_EQ(steps, 3);
    ASSERT_NE(find_event(events, "done"), nullptr) << t.output;
    EXPECT_TRUE(fs::exists(dir / "run" / "model.safetensors"));
}

TEST(TrainEndToEnd, SigintSavesACheckpointExitsZeroAndResumes) {
    const auto dir = nava::test::scratch_dir("train_sigint");
    const json recipe = {{"name", "sigint"},
                         {"model",
                          {{"config",
                            {{"dim", 24},
                             {"num_heads", 2},
                             {"ffn_dim", 32},
                             {"num_double_layers", 1},
                             {"num_single_layers", 1},
                             {"text_len", 8},
                             {"text_dim", 6},
                             {"vid_in_dim", 3},
                             {"vid_out_dim", 3},
                             {"audio_in_dim", 4},
                             {"audio_out_dim", 4},
                             {"speaker_dim", 5},
                             {"freq_dim", 16}}}}},
                         {"data", {{"kind", "synthetic"}, {"samples", 16}}},
                         {"steps", 100000},
                         {"output_dir", (dir / "run").string()}};
    const auto recipe_file = dir / "recipe.json";
    std::ofstream(recipe_file) << recipe.dump(1);
    const auto log = dir / "log.txt";

    // Started directly (not through a shell) so that the signal reaches `nava train` itself.
    pid_t pid = 0;
    std::string prog = NAVA_CLI_PATH, sub = "train", file = recipe_file.string();
    char* argv[] = {prog.data(), sub.data(), file.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    ASSERT_EQ(::posix_spawn(&pid, prog.c_str(), &actions, nullptr, argv, environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    // Wait for the second step, then interrupt.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    auto read_log = [&] {
        std::ifstream in(log);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    while (std::chrono::steady_clock::now() < deadline &&
           read_log().find("\"step\":2,") == std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_EQ(::kill(pid, SIGINT), 0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const std::string out = read_log();
    ASSERT_TRUE(WIFEXITED(status)) << out;
    EXPECT_EQ(WEXITSTATUS(status), 0) << out;
    EXPECT_NE(out.find("SIGINT"), std::string::npos) << out;
    const auto events = events_of(out);
    const json* stop = find_event(events, "interrupted");
    ASSERT_NE(stop, nullptr) << out;
    const int64_t stopped_at = (*stop)["step"];
    EXPECT_GE(stopped_at, 2);
    EXPECT_TRUE(fs::exists(fs::path((*stop)["checkpoint"].get<std::string>()) / "meta.json"));

    // The same command continues from there (a few more steps, then stops on its own).
    const auto again = nava_cli("train " + shell_quote(recipe_file.string()) + " --max-steps 2");
    ASSERT_EQ(again.exit_code, 0) << again.output;
    const auto again_events = events_of(again.output);
    const json* resumed = find_event(again_events, "resumed");
    ASSERT_NE(resumed, nullptr) << again.output;
    EXPECT_EQ((*resumed)["step"], stopped_at);
}
