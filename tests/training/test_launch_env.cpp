// Reading the rank layout from torchrun and SLURM environments.
#include <gtest/gtest.h>

#include <map>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"
#include "training/distributed/communicator.h"
#include "training/distributed/launch_env.h"

using namespace nava;
using namespace nava::train;

namespace {

EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace

TEST(LaunchEnv, SingleProcessWithoutLauncher) {
    const auto e = launch_env_from(env({}));
    EXPECT_EQ(e.launcher, Launcher::kSingle);
    EXPECT_EQ(e.rank, 0);
    EXPECT_EQ(e.world_size, 1);
}

TEST(LaunchEnv, Torchrun) {
    const auto e = launch_env_from(env({{"RANK", "5"},
                                        {"WORLD_SIZE", "8"},
                                        {"LOCAL_RANK", "1"},
                                        {"LOCAL_WORLD_SIZE", "4"},
                                        {"MASTER_ADDR", "node7"},
                                        {"MASTER_PORT", "29400"}}));
    EXPECT_EQ(e.launcher, Launcher::kTorchrun);
    EXPECT_EQ(e.rank, 5);
    EXPECT_EQ(e.world_size, 8);
    EXPECT_EQ(e.local_rank, 1);
    EXPECT_EQ(e.local_world_size, 4);
    EXPECT_EQ(e.master_addr, "node7");
    EXPECT_EQ(e.master_port, 29400);
}

TEST(LaunchEnv, Slurm) {
    const auto e = launch_env_from(env({{"SLURM_PROCID", "3"},
                                        {"SLURM_NTASKS", "4"},
                                        {"SLURM_LOCALID", "1"},
                                        {"SLURM_NTASKS_PER_NODE", "2"},
                                        {"SLURM_JOB_NODELIST", "gpu[07-08]"},
                                        {"SLURM_JOB_ID", "123456"}}));
    EXPECT_EQ(e.launcher, Launcher::kSlurm);
    EXPECT_EQ(e.rank, 3);
    EXPECT_EQ(e.world_size, 4);
    EXPECT_EQ(e.local_rank, 1);
    EXPECT_EQ(e.local_world_size, 2);
    EXPECT_EQ(e.master_addr, "gpu07");
    EXPECT_EQ(e.master_port, 20000 + 123456 % 10000);
}

TEST(LaunchEnv, TorchrunWinsInsideSlurmAllocations) {
    const auto e = launch_env_from(
        env({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "1"}, {"RANK", "1"}, {"WORLD_SIZE", "2"}}));
    EXPECT_EQ(e.launcher, Launcher::kTorchrun);
    EXPECT_EQ(e.rank, 1);
}

TEST(LaunchEnv, SlurmHostLists) {
    EXPECT_EQ(first_slurm_host("node1"), "node1");
    EXPECT_EQ(first_slurm_host("gpu[03-05,09],cpu1"), "gpu03");
    EXPECT_EQ(first_slurm_host("a,b"), "a");
    EXPECT_EQ(first_slurm_host("rack[2,4]-n[1-3]"), "rack2-n1");
    EXPECT_THROW(first_slurm_host("gpu[03"), ConfigError);
}

TEST(LaunchEnv, InconsistentValuesNameTheVariable) {
    try {
        launch_env_from(env({{"RANK", "4"}, {"WORLD_SIZE", "4"}}));
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("rank 4"), std::string::npos);
    }
    try {
        launch_env_from(env({{"RANK", "x"}, {"WORLD_SIZE", "4"}}));
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("RANK='x'"), std::string::npos);
    }
    EXPECT_THROW(
        launch_env_from(env({{"RANK", "0"}, {"WORLD_SIZE", "1"}, {"MASTER_PORT", "70000"}})),
        ConfigError);
}

// Where a rank trains: names resolve, and what this machine lacks is refused with a reason.
TEST(TrainingDevice, ResolvesNamesAndRefusesWhatIsMissing) {
    LaunchEnv single;
    EXPECT_TRUE(training_device("cpu", CommBackend::gloo, single).is_cpu());
    EXPECT_THROW(training_device("cpu", CommBackend::nccl, single), ConfigError);
    EXPECT_THROW(training_device("tpu", CommBackend::gloo, single), ConfigError);
    EXPECT_THROW(training_device("cuda:x", CommBackend::gloo, single), ConfigError);
    LaunchEnv two = single;
    two.world_size = 2;
    // Several CPU ranks under Gloo stay on the CPU even where a GPU exists.
    EXPECT_TRUE(training_device("auto", CommBackend::gloo, two).is_cpu());
    const int gpus = cuda_device_count();
    if (gpus == 0) {
        EXPECT_TRUE(training_device("auto", CommBackend::gloo, single).is_cpu());
        EXPECT_THROW(training_device("cuda", CommBackend::gloo, single), ConfigError);
        EXPECT_THROW(training_device("auto", CommBackend::nccl, single), ConfigError);
        EXPECT_THROW(training_device("cuda:0", CommBackend::nccl, single), ConfigError);
    } else {
        EXPECT_TRUE(training_device("auto", CommBackend::gloo, single).is_cuda());
        LaunchEnv last = two;
        last.local_rank = gpus - 1;
        EXPECT_EQ(training_device("cuda", CommBackend::nccl, last).index(), gpus - 1);
        last.local_rank = gpus;
        EXPECT_THROW(training_device("auto", CommBackend::nccl, last), ConfigError);
        EXPECT_THROW(training_device("cuda:" + std::to_string(gpus), CommBackend::gloo, single),
                     ConfigError);
    }
}
