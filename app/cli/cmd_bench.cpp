// `nava bench ...`: measured speed tables. Every number comes from a run on this machine.
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/benchmark.h"
#include "inference/core/error.h"
#include "inference/core/runtime.h"
#include "inference/core/torch_compat.h"
#include "inference/models/audio_vae/audio_vae_bench.h"
#include "inference/models/dit/dit_bench.h"
#include "inference/models/video_vae/video_vae_bench.h"
#include "training/data/batching_bench.h"
#include "training/distributed/communicator.h"
#include "training/distributed/launch_env.h"

extern char** environ;

namespace nava::cli {
namespace {

c10::Device parse_device(const std::string& name) {
    if (name == "cpu") return c10::Device(c10::kCPU);
    if (name == "cuda" || name.rfind("cuda:", 0) == 0) {
        if (!cuda_available()) throw UsageError("--device " + name + ": no CUDA device available");
        return c10::Device(name);
    }
    throw UsageError("--device must be cpu or cuda[:N], got '" + name + "'");
}

int bench_matmul(const Args& args) {
    ArgParser p("nava bench matmul",
                "Square matrix-multiply throughput per dtype: the practical peak that model "
                "benchmarks are compared with.");
    p.option("dtype", "LIST", "comma-separated dtypes (f32, bf16, f16, f64)", "f32,bf16")
        .option("size", "N", "matrix size", "2048")
        .option("device", "DEV", "cpu or cuda[:N]", "cpu")
        .option("repeat", "N", "timed repetitions (median reported)", "7");
    if (!p.parse(args)) return 0;
    const auto device = parse_device(p.get("device"));
    const int size = static_cast<int>(p.get_int("size"));
    const int repeat = static_cast<int>(p.get_int("repeat"));
    if (size < 16 || size > 65536) throw UsageError("--size must be between 16 and 65536");
    if (repeat < 1 || repeat > 1000) throw UsageError("--repeat must be between 1 and 1000");

    const auto rt = runtime_info();
    std::printf("matmul peak on %s, %d threads, BLAS %s\n", device.str().c_str(),
                rt.intra_op_threads, rt.blas.c_str());
    std::printf("%-6s %7s %12s %12s %12s\n", "dtype", "size", "median ms", "min ms", "GFLOP/s");
    std::string list = p.get("dtype");
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        const std::string name =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? list.size() + 1 : comma + 1;
        if (name.empty()) continue;
        const auto dtype = bench::parse_dtype(name);
        const auto peak = bench::measure_matmul_peak(dtype, size, device, repeat);
        std::printf("%-6s %7d %12.2f %12.2f %12.1f\n", bench::dtype_short_name(dtype).c_str(), size,
                    peak.timing.median_ms, peak.timing.min_ms, peak.gflops);
    }
    return 0;
}

// "H,W" -> two positive integers.
std::pair<int64_t, int64_t> parse_pair(const std::string& option, const std::string& text) {
    const auto comma = text.find(',');
    try {
        if (comma == std::string::npos) throw std::invalid_argument(text);
        const int64_t a = std::stoll(text.substr(0, comma)), b = std::stoll(text.substr(comma + 1));
        if (a < 1 || b < 1) throw std::invalid_argument(text);
        return {a, b};
    } catch (const std::exception&) {
        throw UsageError("--" + option + " expects two positive integers H,W, got '" + text + "'");
    }
}

int bench_video_vae(const Args& args) {
    ArgParser p("nava bench vae --model video",
                "Wan2.2 video VAE encode / decode / tiled decode: time and peak memory for one "
                "video shape (random weights unless --weights names a file).");
    p.option("model", "NAME", "video", "video")
        .option("weights", "W", "tiny (fixture widths), wan22 (real config) or a weights file",
                "tiny")
        .option("frames", "T", "video frames (1+4k)", "9")
        .option("size", "H,W", "video height,width in pixels (multiples of 16)", "64,64")
        .option("tile", "H,W", "tile size in latent pixels", "2,2")
        .option("stride", "H,W", "tile stride in latent pixels", "1,1")
        .option("dtype", "D", "f32, f64 or bf16", "f32")
        .option("device", "DEV", "cpu or cuda[:N]", "cpu")
        .option("repeat", "N", "timed repetitions (median reported)", "1")
        .flag("no-encode", "skip the encode measurement")
        .flag("no-untiled", "skip the untiled decode")
        .flag("no-tiled", "skip the tiled decode");
    if (!p.parse(args)) return 0;
    video_vae::VideoVaeBenchOptions o;
    o.model = p.get("weights");
    o.frames = p.get_int("frames");
    std::tie(o.height, o.width) = parse_pair("size", p.get("size"));
    std::tie(o.tiles.size_h, o.tiles.size_w) = parse_pair("tile", p.get("tile"));
    std::tie(o.tiles.stride_h, o.tiles.stride_w) = parse_pair("stride", p.get("stride"));
    o.dtype = bench::parse_dtype(p.get("dtype"));
    o.device = parse_device(p.get("device"));
    o.repeat = static_cast<int>(p.get_int("repeat"));
    o.encode = !p.has("no-encode");
    o.untiled = !p.has("no-untiled");
    o.tiled = !p.has("no-tiled");
    if (o.frames < 1 || (o.frames - 1) % 4 != 0) throw UsageError("--frames must be 1+4k");
    if (o.repeat < 1 || o.repeat > 100) throw UsageError("--repeat must be between 1 and 100");
    video_vae::run_video_vae_bench(o, std::cout);
    return 0;
}

// `--model` picks the VAE; each model parses its own options.
int bench_dit(const Args& args) {
    ArgParser p("nava bench dit",
                "Time one DiT forward pass (random weights) for a configuration and sequence "
                "length; report FLOPs, speed and the share of this machine's matmul peak.");
    p.option("config", "FILE", "DiT config JSON (constructor kwargs); default: NAVA-6B")
        .option("tokens", "N", "total video + audio tokens (laid out like a 16:9 clip)", "2048")
        .option("video", "FxHxW", "explicit video patch grid instead of --tokens")
        .option("audio", "L", "audio tokens (with --video)", "0")
        .option("batch", "N", "samples per forward (e.g. 3 or 4 guidance passes)", "1")
        .option("dtype", "DT", "f32 or bf16", "bf16")
        .option("device", "DEV", "cpu or cuda[:N]", "cpu")
        .option("repeat", "N", "timed repetitions (median reported, at least 5)", "5")
        .option("warmup", "N", "untimed warm-up runs", "1");
    if (!p.parse(args)) return 0;
    const dit::DitConfig config =
        p.has("config") ? dit::dit_config_from_file(p.get("config")) : dit::nava_6b_config();
    dit::DitShape shape;
    if (p.has("video")) {
        const std::string v = p.get("video");
        long long f = 0, h = 0, w = 0;
        if (std::sscanf(v.c_str(), "%lldx%lldx%lld", &f, &h, &w) != 3 || f < 0 || h < 1 || w < 1)
            throw UsageError(
                "--video must look like 6x22x40 (frames x rows x cols of the patch grid)");
        shape.frames = f;
        shape.rows = h;
        shape.cols = w;
        shape.audio_tokens = p.get_int("audio");
    } else {
        const long long tokens = p.get_int("tokens");
        if (tokens < 2) throw UsageError("--tokens must be at least 2");
        shape = dit::dit_shape_for_tokens(tokens);
    }
    shape.batch = p.get_int("batch");
    if (shape.batch < 1) throw UsageError("--batch must be at least 1");
    const auto dtype = bench::parse_dtype(p.get("dtype"));
    const auto device = parse_device(p.get("device"));
    const int repeat = static_cast<int>(std::max<long long>(5, p.get_int("repeat")));
    const int warmup = static_cast<int>(std::max<long long>(0, p.get_int("warmup")));

    const auto r = dit::bench_dit_forward(config, shape, dtype, device, warmup, repeat);
    std::printf(
        "DiT dim %lld, %lld+%lld blocks, %s on %s (%d threads)\n",
        static_cast<long long>(config.dim), static_cast<long long>(config.num_double_layers),
        static_cast<long long>(config.num_single_layers), bench::dtype_short_name(dtype).c_str(),
        device.str().c_str(), runtime_info().intra_op_threads);
    std::printf("%-6s %-14s %-8s %-9s %-12s %-11s %-10s %-10s %-8s\n", "batch", "video grid",
                "audio", "tokens", "GFLOP/fwd", "ms (median)", "GFLOP/s", "peak", "of peak");
    char grid[64];
    std::snprintf(grid, sizeof grid, "%lldx%lldx%lld", static_cast<long long>(shape.frames),
                  static_cast<long long>(shape.rows), static_cast<long long>(shape.cols));
    std::printf("%-6lld %-14s %-8lld %-9lld %-12.2f %-11.2f %-10.1f %-10.1f %.1f%%\n",
                static_cast<long long>(shape.batch), grid,
                static_cast<long long>(shape.audio_tokens), static_cast<long long>(shape.tokens()),
                r.flops / 1e9, r.timing.median_ms, r.gflops, r.peak_gflops,
                100.0 * r.gflops / r.peak_gflops);
    return 0;
}

int bench_vae_audio(const ArgParser& p) {
    audio_vae::BenchOptions o;
    o.config = p.get("config");
    o.device = parse_device(p.get("device"));
    o.dtype = bench::parse_dtype(p.get("dtype"));
    o.repetitions = static_cast<int>(p.get_int("repeat"));
    o.seconds.clear();
    std::string list = p.get("seconds");
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t comma = list.find(',', start);
        const std::string item =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? list.size() + 1 : comma + 1;
        if (item.empty()) continue;
        try {
            o.seconds.push_back(std::stod(item));
        } catch (const std::exception&) {
            throw UsageError("--seconds: '" + item + "' is not a number");
        }
    }
    if (o.seconds.empty()) throw UsageError("--seconds needs at least one duration");
    if (o.repetitions < 1 || o.repetitions > 1000)
        throw UsageError("--repeat must be between 1 and 1000");

    const auto report = audio_vae::run_bench(o);
    const auto rt = runtime_info();
    std::printf(
        "audio VAE + vocoder (%s config, %s parameters, synthetic weights) on %s, "
        "%d threads, %s\n",
        report.config_name.c_str(),
        format_count(static_cast<unsigned long long>(report.parameters)).c_str(),
        o.device.str().c_str(), rt.intra_op_threads, bench::dtype_short_name(o.dtype).c_str());
    std::printf("%7s  %-13s %-18s %11s %11s %9s %11s\n", "seconds", "stage", "output", "median ms",
                "min ms", "x realtime", "peak MiB");
    for (const auto& r : report.rows) {
        char peak[32] = "n/a";
        if (r.peak_mib >= 0) std::snprintf(peak, sizeof peak, "%.1f", r.peak_mib);
        std::printf("%7.2f  %-13s %-18s %11.1f %11.1f %9.1f %11s\n", r.seconds, r.stage.c_str(),
                    r.shape.c_str(), r.median_ms, r.min_ms, r.realtime, peak);
    }
    return 0;
}

int bench_vae(const Args& args) {
    // The two VAEs take different options: dispatch on --model before parsing the rest.
    std::string model = "audio";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--model" && i + 1 < args.size()) model = args[i + 1];
        if (args[i].rfind("--model=", 0) == 0) model = args[i].substr(8);
    }
    if (model == "video") return bench_video_vae(args);
    ArgParser p("nava bench vae",
                "VAE speed and peak memory on synthetic weights. --model audio: LTX-2.3 audio "
                "VAE encode, decode, vocoder + bandwidth extension and resampling; --model "
                "video: Wan2.2 video VAE (see nava bench vae --model video --help).");
    p.option("model", "NAME", "audio or video", "audio")
        .option("config", "NAME", "tiny, real or a checkpoint-style config JSON file", "tiny")
        .option("seconds", "LIST", "comma-separated clip durations", "2,6")
        .option("dtype", "DTYPE", "VAE dtype (f32, f64, bf16)", "f32")
        .option("device", "DEV", "cpu or cuda[:N]", "cpu")
        .option("repeat", "N", "timed repetitions (median reported)", "3");
    if (!p.parse(args)) return 0;
    if (p.get("model") == "audio") return bench_vae_audio(p);
    throw UsageError("--model must be audio or video, got '" + p.get("model") + "'");
}

// `nava bench batching`: the launcher starts --nproc copies of this command as Gloo ranks
// (hidden --worker-out FILE); each trains a tiny DiT on variable-length synthetic data under
// every strategy and writes its per-step timings; the launcher prints the imbalance table.
int bench_batching(const Args& args) {
    ArgParser p("nava bench batching",
                "Per-rank step-time imbalance of the batching strategies (uniform, length/aspect "
                "buckets, cost-balanced packing) on a mixed-length synthetic dataset: N local "
                "Gloo ranks train a tiny DiT; compute = step time minus time inside collectives.");
    p.option("nproc", "N", "local ranks", "2")
        .option("steps", "N", "recorded steps per strategy", "12")
        .option("warmup", "N", "unrecorded steps first", "2")
        .option("batch", "N", "samples per rank and micro-batch (the packer's budget)", "2")
        .option("samples", "N", "dataset size", "256")
        .option("min-frames", "N", "shortest sample (latent frames)", "1")
        .option("max-frames", "N", "longest sample (latent frames)", "12")
        .option("cost-exponent", "P", "packer cost batch x tokens^P", "1.5")
        .option("strategies", "LIST", "comma-separated", "uniform,buckets,packed")
        .option("threads", "N", "intra-op threads per rank", "1")
        .option("worker-out", "FILE", "(internal) run as one rank, write results here");
    if (!p.parse(args)) return 0;
    train::BatchingBenchOptions base;
    base.steps = p.get_int("steps");
    base.warmup_steps = p.get_int("warmup");
    base.batch = p.get_int("batch");
    base.samples = p.get_int("samples");
    base.min_frames = p.get_int("min-frames");
    base.max_frames = p.get_int("max-frames");
    base.batching.packing.cost_exponent = p.get_double("cost-exponent");
    if (base.steps < 1 || base.batch < 1 || base.samples < 1 || base.min_frames < 1 ||
        base.max_frames < base.min_frames)
        throw UsageError(
            "--steps, --batch, --samples must be >= 1, 1 <= --min-frames <= "
            "--max-frames");
    std::vector<std::string> strategies;
    {
        std::string list = p.get("strategies");
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t comma = list.find(',', start);
            const std::string name =
                list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (name == "uniform" || name == "buckets" || name == "packed")
                strategies.push_back(name);
            else if (!name.empty())
                throw UsageError("--strategies takes uniform, buckets, packed; got '" + name + "'");
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }

    // 1. One rank: run every strategy, write the per-step rows.
    if (p.has("worker-out")) {
        at::set_num_threads(static_cast<int>(p.get_int("threads")));
        auto comm = train::Communicator::connect(train::launch_env(), train::CommBackend::gloo,
                                                 std::chrono::seconds(300));
        nlohmann::json result;
        for (const auto& strategy : strategies) {
            auto o = base;
            o.batching.strategy = strategy;
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& st : train::run_batching_bench(comm, o))
                rows.push_back(
                    {st.seconds, st.comm_seconds, st.samples, st.tokens, st.global_samples});
            result[strategy] = rows;
        }
        std::ofstream(p.get("worker-out")) << result.dump();
        return 0;
    }

    // 2. Launcher: start the ranks, wait, summarise.
    const long long nproc = p.get_int("nproc");
    if (nproc < 1 || nproc > 64) throw UsageError("--nproc must be between 1 and 64");
    const auto dir = std::filesystem::temp_directory_path() /
                     ("nava-bench-batching-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const int port = [] {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            throw Error("cannot find a free local port");
        ::close(fd);
        return static_cast<int>(ntohs(addr.sin_port));
    }();
    std::vector<pid_t> pids;
    for (long long rank = 0; rank < nproc; ++rank) {
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e)
            env.emplace_back(*e);
        for (const auto& kv : {std::pair<std::string, std::string>{"RANK", std::to_string(rank)},
                               {"WORLD_SIZE", std::to_string(nproc)},
                               {"LOCAL_RANK", std::to_string(rank)},
                               {"LOCAL_WORLD_SIZE", std::to_string(nproc)},
                               {"MASTER_ADDR", "127.0.0.1"},
                               {"MASTER_PORT", std::to_string(port)}})
            env.push_back(kv.first + "=" + kv.second);
        std::vector<std::string> argv_s = {"nava", "bench", "batching"};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        argv_s.push_back("--worker-out");
        argv_s.push_back((dir / ("rank-" + std::to_string(rank) + ".json")).string());
        std::vector<char*> argv, envp;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : env)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        pid_t pid = 0;
        if (::posix_spawn(&pid, "/proc/self/exe", nullptr, nullptr, argv.data(), envp.data()) != 0)
            throw Error("cannot start rank " + std::to_string(rank));
        pids.push_back(pid);
    }
    bool ok = true;
    for (pid_t pid : pids) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    if (!ok) {
        std::filesystem::remove_all(dir);
        throw Error("a rank of the batching benchmark failed");
    }
    std::vector<train::BatchingSummary> rows;
    for (const auto& strategy : strategies) {
        std::vector<std::vector<train::BenchStep>> per_rank;
        for (long long rank = 0; rank < nproc; ++rank) {
            std::ifstream in(dir / ("rank-" + std::to_string(rank) + ".json"));
            const auto j = nlohmann::json::parse(in);
            per_rank.emplace_back();
            for (const auto& row : j.at(strategy)) {
                train::BenchStep st;
                st.seconds = row[0];
                st.comm_seconds = row[1];
                st.samples = row[2];
                st.tokens = row[3];
                st.global_samples = row[4];
                per_rank.back().push_back(st);
            }
        }
        rows.push_back(train::summarize_batching(strategy, per_rank));
    }
    std::filesystem::remove_all(dir);
    std::printf(
        "batching: %lld Gloo ranks x %lld threads, %lld samples of %lld-%lld latent frames, "
        "batch %lld, %lld steps (+%lld warm-up), packer p = %.2f\n",
        nproc, p.get_int("threads"), static_cast<long long>(base.samples),
        static_cast<long long>(base.min_frames), static_cast<long long>(base.max_frames),
        static_cast<long long>(base.batch), static_cast<long long>(base.steps),
        static_cast<long long>(base.warmup_steps), base.batching.packing.cost_exponent);
    std::cout << train::format_batching_table(rows);
    return 0;
}

}  // namespace

int cmd_bench(const Args& args) {
    static const char* kTargets =
        "targets:\n"
        "  matmul     matrix-multiply peak per dtype\n"
        "  dit        DiT forward speed, FLOPs and share of the matmul peak\n"
        "  vae        VAE encode/decode speed and memory (--model audio|video)\n"
        "  batching   per-rank step-time imbalance of the training batching strategies\n"
        "  generate   end-to-end generation: per stage, per step, per pass; batched vs not\n"
        "  quality    NAVA-tiny against the synthetic world's ground truth: sync, spans, "
        "timbre, colour\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: nava bench <target> [options]\n\n" << kTargets;
        return args.empty() ? 2 : 0;
    }
    const std::string target = args[0];
    const Args rest(args.begin() + 1, args.end());
    if (target == "matmul") return bench_matmul(rest);
    if (target == "dit") return bench_dit(rest);
    if (target == "vae") return bench_vae(rest);
    if (target == "batching") return bench_batching(rest);
    if (target == "generate") return bench_generate(rest);
    if (target == "quality") return bench_quality(rest);
    throw UsageError("unknown bench target '" + target + "'\n" + kTargets);
}

}  // namespace nava::cli
