// Multi-process training with `nava train --nproc N` on Gloo: FSDP equals a single process, its
// collectives and memory are as designed, and a killed rank fails the job cleanly with a resume
// that reproduces the uninterrupted run.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/io/safetensors.h"
#include "tests/support/test_support.h"

using nava::test::run_command;
using nava::test::shell_quote;

namespace {

// Odd widths (36 = 3 heads x 12, FFN 50, 5 / 7 channels) give flat sizes that need padding for
// 2 and 3 ranks.
nlohmann::json base_recipe(const std::string& out, int64_t accumulation, int64_t steps) {
    return {{"name", "fsdp-test"},
            {"model",
             {{"config",
               {{"dim", 36},
                {"num_heads", 3},
                {"ffn_dim", 50},
                {"num_double_layers", 1},
                {"num_single_layers", 2},
                {"text_len", 8},
                {"text_dim", 10},
                {"vid_in_dim", 5},
                {"vid_out_dim", 5},
                {"audio_in_dim", 7},
                {"audio_out_dim", 7},
                {"speaker_dim", 6},
                {"freq_dim", 16}}},
              {"init_seed", 3}}},
            {"data",
             {{"kind", "synthetic"},
              {"samples", 30},
              {"video_frames", 2},
              {"video_height", 4},
              {"video_width", 6},
              {"audio_length", 5},
              {"text_length", 6},
              {"speakers", 2}}},
            {"batch_per_rank", 2},
            {"accumulation", accumulation},
            {"steps", steps},
            {"objective", {{"seed", 11}, {"modality_mask_prob", 0.3}, {"first_frame_prob", 0.5}}},
            {"optimizer", {{"lr", 1e-3}, {"weight_decay", 0.01}}},
            {"ema_decay", 0.9},
            {"output_dir", out}};
}

std::filesystem::path write_recipe(const std::filesystem::path& dir, const std::string& name,
                                   const nlohmann::json& recipe) {
    const auto path = dir / name;
    std::ofstream(path) << recipe.dump(1);
    return path;
}

struct TrainRun {
    int exit_code = -1;
    std::vector<nlohmann::json> events;
    std::string output;
    std::vector<double> losses() const {
        std::vector<double> l;
        for (const auto& e : events)
            if (e.value("event", "") == "step") l.push_back(e["loss"].get<double>());
        return l;
    }
    nlohmann::json summary() const {
        for (const auto& e : events)
            if (e.value("event", "") == "summary") return e;
        return {};
    }
};

TrainRun train(const std::filesystem::path& recipe, const std::string& extra) {
    const auto r = run_command(shell_quote(NAVA_CLI_PATH) + " train " +
                               shell_quote(recipe.string()) + " " + extra);
    TrainRun run;
    run.exit_code = r.exit_code;
    run.output = r.output;
    std::istringstream lines(r.output);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] != '{') continue;
        try {
            run.events.push_back(nlohmann::json::parse(line));
        } catch (...) {
        }
    }
    return run;
}

double max_param_difference(const std::filesystem::path& a, const std::filesystem::path& b) {
    const auto fa = nava::io::SafetensorsFile::open(a);
    const auto fb = nava::io::SafetensorsFile::open(b);
    EXPECT_EQ(fa->names(), fb->names());
    double worst = 0.0;
    for (const auto& name : fa->names()) {
        const at::Tensor x = fa->tensor_as(name, at::kDouble), y = fb->tensor_as(name, at::kDouble);
        worst = std::max(worst, (x - y).abs().max().item<double>());
    }
    return worst;
}

}  // namespace

TEST(FsdpRuns, TwoAndThreeRanksEqualOneProcess) {
    const auto dir = nava::test::scratch_dir("fsdp_equal");
    const int64_t steps = 10;
    for (int ranks : {2, 3}) {
        SCOPED_TRACE("ranks " + std::to_string(ranks));
        // One process accumulating `ranks` micro-batches sees the same samples per step.
        const auto single = write_recipe(
            dir, "single" + std::to_string(ranks) + ".json",
            base_recipe((dir / ("single" + std::to_string(ranks))).string(), ranks, steps));
        const auto multi =
            write_recipe(dir, "multi" + std::to_string(ranks) + ".json",
                         base_recipe((dir / ("multi" + std::to_string(ranks))).string(), 1, steps));
        const auto d1 = dir / ("dump_single" + std::to_string(ranks));
        const auto d2 = dir / ("dump_multi" + std::to_string(ranks));
        const TrainRun a = train(single, "--dump-params " + shell_quote(d1.string()));
        const TrainRun b = train(multi, "--nproc " + std::to_string(ranks) + " --dump-params " +
                                            shell_quote(d2.string()));
        ASSERT_EQ(a.exit_code, 0) << a.output;
        ASSERT_EQ(b.exit_code, 0) << b.output;
        const auto la = a.losses(), lb = b.losses();
        ASSERT_EQ(la.size(), static_cast<std::size_t>(steps));
        ASSERT_EQ(lb.size(), static_cast<std::size_t>(steps));
        for (int64_t s = 0; s < steps; ++s) {
            EXPECT_LE(std::abs(la[s] - lb[s]), 1e-5 * std::abs(la[s])) << "step " << s + 1;
            char name[32];
            std::snprintf(name, sizeof name, "step-%04lld.safetensors",
                          static_cast<long long>(s + 1));
            EXPECT_LE(max_param_difference(d1 / name, d2 / name), 1e-6) << "step " << s + 1;
        }

        // Collectives per step: per micro-batch every block is gathered twice (forward, and
        // again for the recomputation in backward) and the root once; every unit's gradients are
        // reduce-scattered once; the loss report and the gradient norm are one all-reduce each.
        // --dump-params adds one gather per unit per step.
        const nlohmann::json s = b.summary();
        const int64_t blocks = 3, units = blocks + 1;
        EXPECT_EQ(s["all_gather"].get<int64_t>(), steps * (2 * blocks + 1) + steps * units);
        EXPECT_EQ(s["reduce_scatter"].get<int64_t>(), steps * units);
        EXPECT_EQ(s["all_reduce"].get<int64_t>(), steps * 2);

        // Memory: master weights + gradients per rank are 1/N of the whole, plus padding.
        const int64_t params = s["parameters"].get<int64_t>();
        const int64_t full_bytes = params * 8;
        const int64_t shard = s["shard_bytes"].get<int64_t>();
        EXPECT_GE(shard * ranks, full_bytes);
        EXPECT_LE(shard * ranks, full_bytes + units * ranks * 8);
        std::printf(
            "ranks %d: parameters %lld, per-rank weights+grads %lld bytes (%.3f of %lld), "
            "optimizer %lld bytes\n",
            ranks, static_cast<long long>(params), static_cast<long long>(shard),
            static_cast<double>(shard) / full_bytes, static_cast<long long>(full_bytes),
            static_cast<long long>(s["optimizer_bytes"].get<int64_t>()));
    }
}

TEST(FsdpRuns, KilledRankFailsCleanlyAndResumeReproducesTheCurve) {
    const auto dir = nava::test::scratch_dir("fsdp_kill");
    const int64_t steps = 12;
    auto recipe = base_recipe((dir / "killed").string(), 1, steps);
    recipe["checkpoint_every"] = 3;
    // A wider model so that a step lasts long enough to be interrupted.
    recipe["model"]["config"]["dim"] = 96;
    recipe["model"]["config"]["ffn_dim"] = 256;
    recipe["data"]["video_height"] = 8;
    recipe["data"]["video_width"] = 8;
    const auto killed = write_recipe(dir, "killed.json", recipe);
    recipe["output_dir"] = (dir / "reference").string();
    const auto reference = write_recipe(dir, "reference.json", recipe);

    const TrainRun full = train(reference, "--nproc 3");
    ASSERT_EQ(full.exit_code, 0) << full.output;
    const auto expected = full.losses();
    ASSERT_EQ(expected.size(), static_cast<std::size_t>(steps));

    // Start the job, wait for step 7, kill rank 1 with SIGKILL.
    const std::string cmd =
        shell_quote(NAVA_CLI_PATH) + " train " + shell_quote(killed.string()) + " --nproc 3 2>&1";
    FILE* pipe = ::popen(("exec " + cmd).c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output, line;
    char buf[4096];
    bool sent = false;
    while (std::fgets(buf, sizeof buf, pipe)) {
        line = buf;
        output += line;
        if (!sent && line.find("\"event\":\"step\"") != std::string::npos &&
            line.find("\"step\":7,") != std::string::npos) {
            // The ranks are the children of the launcher; rank 1 is the second one started.
            const auto children =
                run_command("pgrep -f " + shell_quote(killed.string()) + " | sort -n");
            std::vector<pid_t> pids;
            std::istringstream ids(children.output);
            pid_t pid;
            while (ids >> pid)
                pids.push_back(pid);
            ASSERT_GE(pids.size(), 4u) << children.output;  // launcher + 3 ranks
            ::kill(pids[2], SIGKILL);
            sent = true;
        }
    }
    const int status = ::pclose(pipe);
    ASSERT_TRUE(sent) << "the job finished before it could be interrupted:\n" << output;
    EXPECT_NE(WEXITSTATUS(status), 0) << output;
    EXPECT_NE(output.find("rank 1"), std::string::npos) << output;
    EXPECT_NE(output.find("SIGKILL"), std::string::npos) << output;
    EXPECT_NE(output.find("newest checkpoint"), std::string::npos) << output;

    // Resume: same command; continues from the last checkpoint and matches the reference curve.
    const TrainRun resumed = train(killed, "--nproc 3");
    ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
    int64_t first = -1;
    for (const auto& e : resumed.events)
        if (e.value("event", "") == "resumed") first = e["step"].get<int64_t>();
    ASSERT_GE(first, 3);
    ASSERT_LE(first, 9);
    const auto got = resumed.losses();
    ASSERT_EQ(got.size(), static_cast<std::size_t>(steps - first));
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_EQ(got[i], expected[static_cast<std::size_t>(first) + i])
            << "step " << first + i + 1;
    // The consolidated export of both runs is identical.
    EXPECT_EQ(max_param_difference(dir / "killed" / "model.safetensors",
                                   dir / "reference" / "model.safetensors"),
              0.0);
}
