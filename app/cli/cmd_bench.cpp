// `nava bench ...`: measured speed tables. Every number comes from a run on this machine.
#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <ATen/ATen.h>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/benchmark.h"
#include "inference/core/error.h"
#include "inference/core/runtime.h"
#include "inference/core/torch_compat.h"
#include "inference/models/audio_vae/audio_vae_bench.h"
#include "inference/models/dit/dit_bench.h"
#include "inference/models/video_vae/video_vae_bench.h"

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

}  // namespace

int cmd_bench(const Args& args) {
    static const char* kTargets =
        "targets:\n"
        "  matmul     matrix-multiply peak per dtype\n"
        "  dit        DiT forward speed, FLOPs and share of the matmul peak\n"
        "  vae        VAE encode/decode speed and memory (--model audio|video)\n"
        "  generate   end-to-end generation: per stage, per step, per pass; batched vs not\n"
        "  quality    NAVA-tiny quality metrics (not in this build yet)\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: nava bench <target> [options]\n\n" << kTargets;
        return args.empty() ? 2 : 0;
    }
    const std::string target = args[0];
    const Args rest(args.begin() + 1, args.end());
    if (target == "matmul") return bench_matmul(rest);
    if (target == "dit") return bench_dit(rest);
    if (target == "vae") return bench_vae(rest);
    if (target == "generate") return bench_generate(rest);
    if (target == "quality")
        throw NotImplementedError("bench target '" + target +
                                  "' is not available in this build yet");
    throw UsageError("unknown bench target '" + target + "'\n" + kTargets);
}

}  // namespace nava::cli
