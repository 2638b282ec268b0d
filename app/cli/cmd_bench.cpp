// `nava bench ...`: measured speed tables. Every number comes from a run on this machine.
#include <cstdio>
#include <iostream>

#include <ATen/ATen.h>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/benchmark.h"
#include "inference/core/error.h"
#include "inference/core/runtime.h"
#include "inference/core/torch_compat.h"

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

}  // namespace

int cmd_bench(const Args& args) {
    static const char* kTargets =
        "targets:\n"
        "  matmul     matrix-multiply peak per dtype\n"
        "  dit        DiT forward speed (not in this build yet)\n"
        "  vae        VAE encode/decode speed and memory (not in this build yet)\n"
        "  generate   end-to-end generation (not in this build yet)\n"
        "  quality    NAVA-tiny quality metrics (not in this build yet)\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << "usage: nava bench <target> [options]\n\n" << kTargets;
        return args.empty() ? 2 : 0;
    }
    const std::string target = args[0];
    const Args rest(args.begin() + 1, args.end());
    if (target == "matmul") return bench_matmul(rest);
    if (target == "dit" || target == "vae" || target == "generate" || target == "quality")
        throw NotImplementedError("bench target '" + target +
                                  "' is not available in this build yet");
    throw UsageError("unknown bench target '" + target + "'\n" + kTargets);
}

}  // namespace nava::cli
