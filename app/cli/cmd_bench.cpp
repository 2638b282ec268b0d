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
int bench_vae(const Args& args) {
    std::string model = "video";
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--model" && i + 1 < args.size()) model = args[i + 1];
        if (args[i].rfind("--model=", 0) == 0) model = args[i].substr(8);
    }
    if (model == "video") return bench_video_vae(args);
    throw UsageError("--model must be video, got '" + model + "'");
}

}  // namespace

int cmd_bench(const Args& args) {
    static const char* kTargets =
        "targets:\n"
        "  matmul     matrix-multiply peak per dtype\n"
        "  dit        DiT forward speed (not in this build yet)\n"
        "  vae        VAE encode/decode speed and memory (--model video)\n"
        "  generate   end-to-end generation (not in this build yet)\n"
        "  quality    NAVA-tiny quality metrics (not in this build yet)\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: nava bench <target> [options]\n\n" << kTargets;
        return args.empty() ? 2 : 0;
    }
    const std::string target = args[0];
    const Args rest(args.begin() + 1, args.end());
    if (target == "matmul") return bench_matmul(rest);
    if (target == "vae") return bench_vae(rest);
    if (target == "dit" || target == "generate" || target == "quality")
        throw NotImplementedError("bench target '" + target +
                                  "' is not available in this build yet");
    throw UsageError("unknown bench target '" + target + "'\n" + kTargets);
}

}  // namespace nava::cli
