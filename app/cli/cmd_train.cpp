// `nava train RECIPE`: one rank of a training job; with --nproc N it starts N local ranks and
// watches them. Multi-node jobs start one `nava train` per GPU through torchrun or SLURM
// (rank layout from their environment variables).
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdint>

#include <atomic>
#include <chrono>
#include <cstring>
#include <iostream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/error.h"
#include "inference/core/torch_compat.h"
#include "inference/io/json_config.h"
#include "training/checkpoint.h"
#include "training/distributed/communicator.h"
#include "training/distributed/launch_env.h"
#include "training/preprocess/prepare_data.h"
#include "training/train_loop.h"

extern char** environ;

namespace nava::cli {
namespace {

// SIGINT / SIGTERM: stop at the next step boundary with a checkpoint (train_loop.h). Repeated
// signals change nothing (a terminal's Ctrl-C reaches the launcher and every rank at once).
std::atomic<bool> g_stop{false};
std::atomic<int> g_stop_signal{0};
// The launcher forwards the signal to its ranks (they may not share its process group).
constexpr int kMaxRanks = 512;
pid_t g_rank_pids[kMaxRanks];
std::atomic<int> g_rank_count{0};

extern "C" void on_stop_signal(int sig) {
    g_stop_signal.store(sig);
    g_stop.store(true);
    const int n = g_rank_count.load();
    for (int i = 0; i < n; ++i)
        if (g_rank_pids[i] > 0) ::kill(g_rank_pids[i], sig);
}

void install_stop_handlers() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // collectives and waitpid carry on
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

int free_local_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw Error("cannot open a socket to find a free port");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw Error("cannot find a free local port");
    }
    const int port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

const char* signal_label(int sig) {
    switch (sig) {
        case SIGKILL:
            return "SIGKILL";
        case SIGTERM:
            return "SIGTERM";
        case SIGSEGV:
            return "SIGSEGV";
        case SIGABRT:
            return "SIGABRT";
        case SIGINT:
            return "SIGINT";
        default:
            return "a signal";
    }
}

// Starts `nproc` copies of this program as ranks 0..nproc-1 and waits for all of them. When one
// fails, the others are stopped and the failure is reported; the exit status says whether the
// job succeeded.
int launch_local_ranks(int nproc, const Args& worker_args,
                       const std::filesystem::path& checkpoints) {
    const int port = free_local_port();
    std::vector<pid_t> pids;
    for (int rank = 0; rank < nproc; ++rank) {
        std::vector<std::string> env_strings;
        for (char** e = environ; *e; ++e) {
            const std::string s = *e;
            if (s.rfind("RANK=", 0) == 0 || s.rfind("WORLD_SIZE=", 0) == 0 ||
                s.rfind("LOCAL_RANK=", 0) == 0 || s.rfind("LOCAL_WORLD_SIZE=", 0) == 0 ||
                s.rfind("MASTER_ADDR=", 0) == 0 || s.rfind("MASTER_PORT=", 0) == 0)
                continue;
            env_strings.push_back(s);
        }
        env_strings.push_back("RANK=" + std::to_string(rank));
        env_strings.push_back("WORLD_SIZE=" + std::to_string(nproc));
        env_strings.push_back("LOCAL_RANK=" + std::to_string(rank));
        env_strings.push_back("LOCAL_WORLD_SIZE=" + std::to_string(nproc));
        env_strings.push_back("MASTER_ADDR=127.0.0.1");
        env_strings.push_back("MASTER_PORT=" + std::to_string(port));
        std::vector<char*> envp;
        for (auto& s : env_strings)
            envp.push_back(s.data());
        envp.push_back(nullptr);
        std::vector<std::string> arg_strings = {"nava", "train"};
        arg_strings.insert(arg_strings.end(), worker_args.begin(), worker_args.end());
        std::vector<char*> argv;
        for (auto& s : arg_strings)
            argv.push_back(s.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        if (::posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), envp.data()) !=
            0) {
            for (pid_t p : pids)
                ::kill(p, SIGKILL);
            throw Error("cannot start rank " + std::to_string(rank));
        }
        pids.push_back(pid);
        g_rank_pids[rank] = pid;
        g_rank_count.store(rank + 1);
    }

    int failures = 0;
    std::string first_failure;
    std::vector<bool> done(pids.size(), false);
    std::size_t remaining = pids.size();
    auto stop_others = [&]() {
        for (std::size_t i = 0; i < pids.size(); ++i)
            if (!done[i]) ::kill(pids[i], SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (remaining > 0 && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            const pid_t pid = ::waitpid(-1, &status, WNOHANG);
            if (pid > 0) {
                for (std::size_t i = 0; i < pids.size(); ++i)
                    if (pids[i] == pid && !done[i]) {
                        done[i] = true;
                        --remaining;
                    }
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        for (std::size_t i = 0; i < pids.size(); ++i)
            if (!done[i]) ::kill(pids[i], SIGKILL);
    };
    while (remaining > 0) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0) break;
        std::size_t rank = 0;
        while (rank < pids.size() && pids[rank] != pid)
            ++rank;
        if (rank == pids.size() || done[rank]) continue;
        done[rank] = true;
        --remaining;
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (ok) continue;
        // Killed by the very signal the user sent before it could be handled: not a failure
        // of the job (the ranks save their checkpoint when they can).
        if (g_stop.load() && WIFSIGNALED(status) && WTERMSIG(status) == g_stop_signal.load())
            continue;
        ++failures;
        if (first_failure.empty()) {
            first_failure = WIFSIGNALED(status)
                                ? "rank " + std::to_string(rank) + " (pid " + std::to_string(pid) +
                                      ") was killed by " + signal_label(WTERMSIG(status))
                                : "rank " + std::to_string(rank) + " exited with status " +
                                      std::to_string(WEXITSTATUS(status));
            stop_others();
            remaining = 0;
        }
    }
    g_rank_count.store(0);
    if (failures == 0) {
        if (g_stop.load())
            std::cerr << "nava train: interrupted; the ranks saved a checkpoint. Run the same "
                         "command again to resume.\n";
        return 0;
    }
    std::cerr << "nava train: the job failed: " << first_failure
              << "; the other ranks were stopped.\n";
    if (auto latest = train::latest_checkpoint(checkpoints))
        std::cerr << "nava train: the newest checkpoint is " << latest->string()
                  << "; run the same command again to resume from it.\n";
    else
        std::cerr
            << "nava train: no checkpoint was written yet; the next run starts from step 0.\n";
    return 1;
}

// `--validate-data`: the report of the recipe's clips; status 1 when none can train.
int validate_data(const train::Recipe& recipe, bool probe) {
    const train::ValidationReport report = train::validate_recipe_data(recipe, probe);
    std::cout << report.format_text();
    return report.accepted_count() > 0 ? 0 : 1;
}

// `--preprocess`: validation, then the cache; progress and a summary as JSON lines.
int preprocess_data(const train::Recipe& recipe, int workers, const std::string& device) {
    const train::ValidationReport report = train::validate_recipe_data(recipe, true);
    std::cerr << report.format_text(false);
    if (report.accepted_count() == 0) {
        std::cerr << "nava train: no clip can be preprocessed\n";
        return 1;
    }
    train::PrepareOptions options;
    options.workers = workers;
    options.device = c10::Device(device);
    options.progress = [](int64_t done, int64_t total, const std::string& id) {
        std::cout << nlohmann::json{{"event", "preprocess"},
                                    {"done", done},
                                    {"total", total},
                                    {"id", id}}
                         .dump()
                  << std::endl;
    };
    const train::PreprocessReport r = train::preprocess_recipe_data(recipe, report, options);
    for (const auto& w : r.warnings)
        std::cerr << "warning " << w << "\n";
    nlohmann::json failures = nlohmann::json::array();
    for (const auto& f : r.failures) {
        std::cerr << "FAILED " << f.id << ": " << f.message << "\n";
        failures.push_back({{"id", f.id}, {"message", f.message}});
    }
    std::cout << nlohmann::json{{"event", "preprocessed"},
                                {"cache", recipe.data.cache_dir.string()},
                                {"clips", r.clips},
                                {"encoded", r.encoded},
                                {"reused", r.reused},
                                {"failed", static_cast<int64_t>(r.failures.size())},
                                {"rejected", report.rejected_count()},
                                {"seconds", r.seconds},
                                {"failures", failures}}
                     .dump()
              << std::endl;
    return r.failures.empty() || r.encoded + r.reused > 0 ? 0 : 1;
}

}  // namespace

int cmd_train(const Args& args) {
    ArgParser p("nava train",
                "Train (fine-tune) a DiT as a recipe file describes: one rank per process; "
                "--nproc N starts N local ranks. Under torchrun or SLURM the rank layout comes "
                "from their environment variables. Resumes from the newest checkpoint in the "
                "recipe's output folder. Progress is printed as JSON lines.");
    p.positional("RECIPE", "recipe file (JSON)")
        .option("nproc", "N", "number of local ranks to start", "1")
        .option("backend", "NAME", "collectives backend: gloo (CPU) or nccl (GPU)", "gloo")
        .option("timeout", "SECONDS", "collective / rendezvous timeout", "300")
        .option("max-steps", "N",
                "stop after N steps of this run (the recipe's total still counts)")
        .option("dump-params", "DIR", "write the full weights after every step (for checks)")
        .flag("no-resume", "start from step 0 even if checkpoints exist")
        .flag("validate-data",
              "check the clips named by data.source and print which would be rejected and why; "
              "no training")
        .flag("no-probe", "with --validate-data: check the descriptions only, do not open media")
        .flag("preprocess",
              "validate, then encode the accepted clips into data.cache_dir (resumable; entries "
              "already cached are kept); no training")
        .option("workers", "N", "with --preprocess: decoding threads (default: the recipe's)")
        .option("device", "NAME",
                "where training runs, or with --preprocess the encoders: auto, cpu, cuda (this "
                "rank's local GPU), cuda:N; auto picks the GPU under NCCL or for a single process "
                "on a machine with CUDA, else the CPU",
                "auto")
        .option("stage", "NAME",
                "of a staged recipe: run this stage only (default: every stage in order, each "
                "resumed or skipped when already done)");
    if (!p.parse(args)) return 0;
    install_stop_handlers();
    const std::filesystem::path recipe_file = p.positional_value("RECIPE");
    const nlohmann::json recipe_json = io::read_json_file(recipe_file);
    std::vector<std::string> stages = train::recipe_stages(recipe_json);
    if (p.has("stage")) stages = {p.get("stage")};
    if (stages.empty()) stages = {""};
    if (stages.size() > 1 && !p.has("validate-data") && !p.has("preprocess")) {
        // Every stage in order, each as its own run of this command (a stage that finished
        // is resumed at its end and exports again; an interrupted one stops the sequence).
        for (const auto& stage : stages) {
            Args one = args;
            one.push_back("--stage");
            one.push_back(stage);
            std::cout << nlohmann::json{{"event", "stage"}, {"stage", stage}}.dump() << std::endl;
            const int rc = cmd_train(one);
            if (rc != 0 || g_stop.load()) return rc;
        }
        return 0;
    }
    const auto recipe = train::Recipe::from_json(recipe_json, recipe_file, stages.front());
    if (p.has("validate-data") && p.has("preprocess"))
        throw UsageError(
            "--validate-data and --preprocess exclude each other (--preprocess "
            "validates first)");
    if (p.has("validate-data")) return validate_data(recipe, !p.has("no-probe"));
    if (p.has("preprocess")) {
        const long long workers = p.has("workers") ? p.get_int("workers") : 0;
        if (workers < 0 || workers > 256) throw UsageError("--workers must be between 1 and 256");
        // The same names as for training (a bad one is a clear error, not a torch message).
        const c10::Device device =
            train::training_device(p.get("device"), train::CommBackend::gloo, train::LaunchEnv{});
        return preprocess_data(recipe, static_cast<int>(workers), device.str());
    }
    const long long nproc = p.get_int("nproc");
    if (nproc < 1 || nproc > 512) throw UsageError("--nproc must be between 1 and 512");

    if (nproc > 1) {
        Args worker;
        bool skip = false;
        for (const auto& a : args) {
            if (skip) {
                skip = false;
                continue;
            }
            if (a == "--nproc") {
                skip = true;
                continue;
            }
            if (a.rfind("--nproc=", 0) == 0) continue;
            worker.push_back(a);
        }
        return launch_local_ranks(static_cast<int>(nproc), worker,
                                  recipe.output_dir / "checkpoints");
    }

    const auto env = train::launch_env();
    const std::string backend = p.get("backend");
    if (backend != "gloo" && backend != "nccl") throw UsageError("--backend must be gloo or nccl");
    const long long timeout = p.get_int("timeout");
    if (timeout < 1) throw UsageError("--timeout must be positive");
    const auto comm_backend =
        backend == "nccl" ? train::CommBackend::nccl : train::CommBackend::gloo;
    const c10::Device device = train::training_device(p.get("device"), comm_backend, env);
    if (device.is_cuda()) set_cuda_device(device.index());
    auto comm = train::Communicator::connect(env, comm_backend, std::chrono::seconds(timeout));

    train::TrainRunOptions options;
    options.resume = !p.has("no-resume");
    if (p.has("max-steps")) options.max_steps = p.get_int("max-steps");
    if (p.has("dump-params")) options.dump_dir = p.get("dump-params");
    options.progress = &std::cout;
    options.stop = &g_stop;
    options.device = device;
    if (comm->rank() == 0)
        std::cout << nlohmann::json{{"event", "start"},
                                    {"recipe", recipe.name},
                                    {"stage", recipe.stage},
                                    {"method", recipe.trainer.lora.enabled() ? "lora" : "full"},
                                    {"ranks", comm->size()},
                                    {"backend", comm->backend_name()},
                                    {"device", device.str()},
                                    {"launcher", train::launcher_name(env.launcher)}}
                         .dump()
                  << std::endl;
    const auto result = train::run_training(recipe, comm, options);
    if (result.interrupted && comm->rank() == 0) {
        const int sig = g_stop_signal.load();
        std::cerr << "nava train: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT")
                  << " received: stopped after step " << result.last_step << " of " << recipe.steps
                  << (result.checkpoint.empty()
                          ? std::string("; no step completed, nothing to save")
                          : "; checkpoint saved in " + result.checkpoint.string())
                  << ". Run the same command again to resume.\n";
    }
    if (comm->rank() == 0) {
        const auto& c = result.counts;
        std::cout << nlohmann::json{{"event", "summary"},
                                    {"first_step", result.first_step},
                                    {"last_step", result.last_step},
                                    {"parameters", result.parameters},
                                    {"trainable_parameters", result.trainable_parameters},
                                    {"interrupted", result.interrupted},
                                    {"shard_bytes", result.shard_bytes},
                                    {"optimizer_bytes", result.optimizer_bytes},
                                    {"all_gather", c.all_gather},
                                    {"reduce_scatter", c.reduce_scatter},
                                    {"all_reduce", c.all_reduce},
                                    {"barrier", c.barrier}}
                         .dump()
                  << std::endl;
    }
    return 0;
}

}  // namespace nava::cli
