#include "training/distributed/launch_env.h"

#include <cstdlib>

#include "inference/core/error.h"

namespace nava::train {
namespace {

int parse_int(const EnvLookup& lookup, const std::string& name, int fallback, int min_value) {
    const auto v = lookup(name);
    if (!v || v->empty()) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v->c_str(), &end, 10);
    if (!end || *end != '\0' || n < min_value || n > 1 << 24)
        throw ConfigError(
            "environment variable " + name + "='" + *v +
            "' is not a valid number (expected an integer >= " + std::to_string(min_value) + ")");
    return static_cast<int>(n);
}

// SLURM_NTASKS_PER_NODE / SLURM_TASKS_PER_NODE look like "4" or "4(x2),2".
int first_count(const std::string& s) {
    char* end = nullptr;
    const long n = std::strtol(s.c_str(), &end, 10);
    return (end != s.c_str() && n > 0) ? static_cast<int>(n) : 0;
}

void check(const LaunchEnv& env, const char* source) {
    const std::string where = std::string(" (") + source + ")";
    if (env.rank >= env.world_size)
        throw ConfigError("rank " + std::to_string(env.rank) + " is not below the world size " +
                          std::to_string(env.world_size) + where);
    if (env.local_rank >= env.local_world_size)
        throw ConfigError("local rank " + std::to_string(env.local_rank) +
                          " is not below the local world size " +
                          std::to_string(env.local_world_size) + where);
    if (env.master_port <= 0 || env.master_port > 65535)
        throw ConfigError("master port " + std::to_string(env.master_port) + " is out of range" +
                          where);
}

}  // namespace

const char* launcher_name(Launcher launcher) {
    switch (launcher) {
        case Launcher::kSingle:
            return "single process";
        case Launcher::kTorchrun:
            return "torchrun";
        case Launcher::kSlurm:
            return "SLURM";
    }
    return "?";
}

std::string first_slurm_host(const std::string& nodelist) {
    // The first entry ends at a comma outside brackets.
    std::size_t depth = 0, end = nodelist.size();
    for (std::size_t i = 0; i < nodelist.size(); ++i) {
        if (nodelist[i] == '[')
            ++depth;
        else if (nodelist[i] == ']' && depth)
            --depth;
        else if (nodelist[i] == ',' && depth == 0) {
            end = i;
            break;
        }
    }
    const std::string entry = nodelist.substr(0, end);
    // Each bracket group ("[03-05,09]") contributes its first number.
    std::string host;
    for (std::size_t i = 0; i < entry.size(); ++i) {
        if (entry[i] != '[') {
            host += entry[i];
            continue;
        }
        const auto close = entry.find(']', i);
        if (close == std::string::npos)
            throw ConfigError("malformed SLURM node list '" + nodelist + "'");
        const std::string group = entry.substr(i + 1, close - i - 1);
        host += group.substr(0, group.find_first_of(",-"));
        i = close;
    }
    return host;
}

LaunchEnv launch_env_from(const EnvLookup& lookup) {
    LaunchEnv env;
    if (lookup("RANK") || lookup("WORLD_SIZE")) {
        env.launcher = Launcher::kTorchrun;
        env.world_size = parse_int(lookup, "WORLD_SIZE", 1, 1);
        env.rank = parse_int(lookup, "RANK", 0, 0);
        env.local_rank = parse_int(lookup, "LOCAL_RANK", env.rank, 0);
        env.local_world_size = parse_int(lookup, "LOCAL_WORLD_SIZE", env.world_size, 1);
        env.master_addr = lookup("MASTER_ADDR").value_or("127.0.0.1");
        env.master_port = parse_int(lookup, "MASTER_PORT", 29500, 1);
        check(env, "torchrun variables");
        return env;
    }
    if (lookup("SLURM_PROCID") && lookup("SLURM_NTASKS")) {
        env.launcher = Launcher::kSlurm;
        env.rank = parse_int(lookup, "SLURM_PROCID", 0, 0);
        env.world_size = parse_int(lookup, "SLURM_NTASKS", 1, 1);
        env.local_rank = parse_int(lookup, "SLURM_LOCALID", 0, 0);
        int per_node = 0;
        if (auto v = lookup("SLURM_NTASKS_PER_NODE")) per_node = first_count(*v);
        if (!per_node)
            if (auto v = lookup("SLURM_TASKS_PER_NODE")) per_node = first_count(*v);
        env.local_world_size = per_node ? per_node : env.world_size;
        if (auto addr = lookup("MASTER_ADDR")) {
            env.master_addr = *addr;
        } else if (auto nodes = lookup("SLURM_JOB_NODELIST")) {
            env.master_addr = first_slurm_host(*nodes);
        } else if (auto nodes2 = lookup("SLURM_NODELIST")) {
            env.master_addr = first_slurm_host(*nodes2);
        }
        // Jobs sharing a node need different ports: derive one from the job id by default.
        int fallback_port = 29500;
        if (auto job = lookup("SLURM_JOB_ID")) fallback_port = 20000 + first_count(*job) % 10000;
        env.master_port = parse_int(lookup, "MASTER_PORT", fallback_port, 1);
        check(env, "SLURM variables");
        return env;
    }
    return env;
}

LaunchEnv launch_env() {
    return launch_env_from([](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        if (!v) return std::nullopt;
        return std::string(v);
    });
}

}  // namespace nava::train
