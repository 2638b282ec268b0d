// Where this process sits in a multi-process job, read from the launcher's environment:
// torchrun (MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE) or SLURM
// (SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID, SLURM_NTASKS_PER_NODE, SLURM_JOB_NODELIST).
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace nava::train {

enum class Launcher { kSingle, kTorchrun, kSlurm };

struct LaunchEnv {
    Launcher launcher = Launcher::kSingle;
    int rank = 0;
    int world_size = 1;
    int local_rank = 0;
    int local_world_size = 1;
    std::string master_addr = "127.0.0.1";
    int master_port = 29500;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

// Torchrun variables win over SLURM ones (torchrun inside an allocation sets both). Throws
// nava::ConfigError for inconsistent or malformed values, naming the variable.
LaunchEnv launch_env_from(const EnvLookup& lookup);
LaunchEnv launch_env();  // from this process' environment

// First host of a SLURM host list ("gpu[03-05,09],cpu1" -> "gpu03").
std::string first_slurm_host(const std::string& nodelist);

const char* launcher_name(Launcher launcher);

}  // namespace nava::train
