// Batching across real processes on Gloo: (1) every rank, planning on its own, gets the same
// bucket (identical shapes) at every step; (2) per-rank step-time imbalance of the uniform,
// bucketed and packed strategies on variable-length data, printed as a table.
//
// The test program starts copies of itself as ranks (NAVA_BATCHING_WORKER=1 plus the torchrun
// variables); each writes its results to a JSON file that the parent compares.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>

#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"
#include "training/data/batching_bench.h"
#include "training/distributed/communicator.h"
#include "training/distributed/launch_env.h"

extern char** environ;

using namespace nava::train;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// Runs `ranks` copies of this program in `mode`; returns each rank's JSON result.
std::vector<json> run_ranks(int ranks, const std::string& mode, const fs::path& dir) {
    const int port = nava::test::free_tcp_port();
    std::vector<pid_t> pids;
    for (int r = 0; r < ranks; ++r) {
        std::vector<std::string> vars;
        for (char** e = environ; *e; ++e)
            vars.emplace_back(*e);
        vars.push_back("NAVA_BATCHING_WORKER=1");
        vars.push_back("NAVA_BATCHING_MODE=" + mode);
        vars.push_back("NAVA_BATCHING_OUT=" +
                       (dir / (mode + std::to_string(r) + ".json")).string());
        vars.push_back("RANK=" + std::to_string(r));
        vars.push_back("WORLD_SIZE=" + std::to_string(ranks));
        vars.push_back("LOCAL_RANK=" + std::to_string(r));
        vars.push_back("LOCAL_WORLD_SIZE=" + std::to_string(ranks));
        vars.push_back("MASTER_ADDR=127.0.0.1");
        vars.push_back("MASTER_PORT=" + std::to_string(port));
        std::vector<char*> envp;
        for (auto& v : vars)
            envp.push_back(v.data());
        envp.push_back(nullptr);
        std::string self = "test", filter = "--gtest_filter=BatchingWorker.Run";
        char* argv[] = {self.data(), filter.data(), nullptr};
        pid_t pid = 0;
        EXPECT_EQ(::posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv, envp.data()), 0);
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a rank failed";
    }
    std::vector<json> out;
    for (int r = 0; r < ranks; ++r) {
        std::ifstream in(dir / (mode + std::to_string(r) + ".json"));
        out.push_back(in ? json::parse(in) : json());
    }
    return out;
}

BatchingBenchOptions bench_options(const std::string& strategy) {
    BatchingBenchOptions o;
    o.batching.strategy = strategy;
    o.batching.packing.cost_exponent = 1.5;
    return o;
}

}  // namespace

// One rank (started by the tests below); skipped when run directly.
TEST(BatchingWorker, Run) {
    if (std::string(env("NAVA_BATCHING_WORKER")) != "1") GTEST_SKIP() << "worker only";
    at::set_num_threads(1);
    auto comm = Communicator::connect(launch_env(), CommBackend::gloo, std::chrono::seconds(120));
    const std::string mode = env("NAVA_BATCHING_MODE");
    json result;
    if (mode == "shapes") {
        // Each rank plans alone; shapes of every micro-batch sample per step.
        SyntheticSpec spec;
        spec.samples = 200;
        spec.video_channels = 2;
        spec.video_frames = 10;
        spec.min_video_frames = 1;
        spec.video_height = 4;
        spec.video_width = 6;
        spec.audio_channels = 2;
        spec.audio_length = 20;
        spec.text_dim = 2;
        spec.seed = 3;
        const SyntheticDataset data(spec);
        for (const std::string strategy : {"buckets", "packed"}) {
            BatchingSpec b;
            b.strategy = strategy;
            const auto s = make_schedule(b, data, comm->size(), 2, 2, 17, {1, 2, 2});
            json steps = json::array();
            for (int64_t step = 0; step < 40; ++step) {
                json shapes = json::array();
                for (const auto& micro : s->plan(step, comm->rank())) {
                    json m = json::array();
                    for (const auto& x : micro)
                        m.push_back({x.slot, data.geometry(x.index).video,
                                     data.geometry(x.index).audio_length});
                    shapes.push_back(m);
                }
                steps.push_back(shapes);
            }
            result[strategy] = steps;
        }
        comm->barrier();
    } else {
        for (const std::string strategy : {"uniform", "buckets", "packed"}) {
            const auto steps = run_batching_bench(comm, bench_options(strategy));
            json rows = json::array();
            for (const auto& s : steps)
                rows.push_back({s.seconds, s.comm_seconds, s.samples, s.tokens, s.global_samples});
            result[strategy] = rows;
        }
    }
    std::ofstream(env("NAVA_BATCHING_OUT")) << result.dump();
}

TEST(BatchingRanks, EveryRankGetsTheSameBucketAtEveryStep) {
    if (std::string(env("NAVA_BATCHING_WORKER")) == "1") GTEST_SKIP();
    const auto dir = nava::test::scratch_dir("batching_ranks_shapes");
    for (int ranks : {2, 3}) {
        const auto results = run_ranks(ranks, "shapes", dir);
        ASSERT_EQ(results.size(), static_cast<std::size_t>(ranks));
        for (const auto& r : results)
            ASSERT_TRUE(r.contains("buckets")) << "a rank wrote no result";
        for (int64_t step = 0; step < 40; ++step) {
            // Buckets: one shape over all ranks' samples of the step; slots all distinct.
            std::set<std::string> shapes;
            std::set<int64_t> slots;
            for (const auto& r : results)
                for (const auto& micro : r["buckets"][step])
                    for (const auto& x : micro) {
                        shapes.insert(x[1].dump() + "/" + x[2].dump());
                        EXPECT_TRUE(slots.insert(x[0].get<int64_t>()).second);
                    }
            EXPECT_EQ(shapes.size(), 1u) << ranks << " ranks, step " << step;
            EXPECT_EQ(slots.size(), static_cast<std::size_t>(ranks * 4));
            // Packed: ranks agree on the partition (no sample twice in a step).
            std::set<int64_t> packed_slots;
            for (const auto& r : results)
                for (const auto& micro : r["packed"][step]) {
                    EXPECT_FALSE(micro.empty());
                    for (const auto& x : micro)
                        EXPECT_TRUE(packed_slots.insert(x[0].get<int64_t>()).second);
                }
        }
    }
}

TEST(BatchingRanks, StepTimeImbalanceTable) {
    if (std::string(env("NAVA_BATCHING_WORKER")) == "1") GTEST_SKIP();
    const char* requested = std::getenv("NAVA_BATCHING_BENCH_RANKS");
    const int ranks = requested ? std::atoi(requested) : 2;
    const auto dir = nava::test::scratch_dir("batching_ranks_bench");
    const auto results = run_ranks(ranks, "bench", dir);
    std::vector<BatchingSummary> rows;
    for (const std::string strategy : {"uniform", "buckets", "packed"}) {
        std::vector<std::vector<BenchStep>> per_rank;
        for (const auto& r : results) {
            ASSERT_TRUE(r.contains(strategy)) << "a rank wrote no result";
            per_rank.emplace_back();
            for (const auto& row : r[strategy]) {
                BenchStep s;
                s.seconds = row[0];
                s.comm_seconds = row[1];
                s.samples = row[2];
                s.tokens = row[3];
                s.global_samples = row[4];
                per_rank.back().push_back(s);
            }
        }
        rows.push_back(summarize_batching(strategy, per_rank));
        EXPECT_GT(rows.back().step_seconds, 0.0);
    }
    std::cout << "\nper-rank step-time imbalance (" << ranks
              << " Gloo ranks, variable-length synthetic data, tiny DiT):\n"
              << format_batching_table(rows) << std::endl;
}
