#include "inference/core/benchmark.h"

#include <algorithm>
#include <chrono>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"

namespace nava::bench {
namespace {

void synchronize(c10::Device device) {
    if (device.is_cuda()) {
        // A tiny device-to-host copy waits for all queued work on the current stream.
        at::zeros({1}, at::TensorOptions().device(device)).cpu();
    }
}

}  // namespace

Timing time_ms(const std::function<void()>& fn, int warmup, int repetitions, c10::Device device) {
    for (int i = 0; i < warmup; ++i)
        fn();
    synchronize(device);
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(std::max(1, repetitions)));
    for (int i = 0; i < std::max(1, repetitions); ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        synchronize(device);
        const auto t1 = std::chrono::steady_clock::now();
        samples.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(samples.begin(), samples.end());
    Timing t;
    t.repetitions = static_cast<int>(samples.size());
    t.min_ms = samples.front();
    t.max_ms = samples.back();
    const std::size_t n = samples.size();
    t.median_ms = n % 2 ? samples[n / 2] : 0.5 * (samples[n / 2 - 1] + samples[n / 2]);
    return t;
}

MatmulPeak measure_matmul_peak(c10::ScalarType dtype, int size, c10::Device device,
                               int repetitions) {
    at::NoGradGuard no_grad;
    const auto options = at::TensorOptions().dtype(dtype).device(device);
    const at::Tensor a = at::randn({size, size}, options);
    const at::Tensor b = at::randn({size, size}, options);
    at::Tensor c = at::empty({size, size}, options);
    MatmulPeak peak;
    peak.dtype = dtype;
    peak.size = size;
    // the engine's own product (bf16 on a CPU without native kernels: float32, rounded)
    peak.timing = time_ms([&] { nava::mm_out(c, a, b); }, 2, repetitions, device);
    const double flops = 2.0 * size * static_cast<double>(size) * size;
    peak.gflops = flops / (peak.timing.median_ms * 1e-3) / 1e9;
    return peak;
}

c10::ScalarType parse_dtype(const std::string& name) {
    if (name == "f32" || name == "float32" || name == "fp32") return c10::kFloat;
    if (name == "bf16" || name == "bfloat16") return c10::kBFloat16;
    if (name == "f16" || name == "float16" || name == "fp16") return c10::kHalf;
    if (name == "f64" || name == "float64") return c10::kDouble;
    throw ConfigError("unknown dtype '" + name + "' (use f32, bf16, f16 or f64)");
}

std::string dtype_short_name(c10::ScalarType dtype) {
    switch (dtype) {
        case c10::kFloat:
            return "f32";
        case c10::kBFloat16:
            return "bf16";
        case c10::kHalf:
            return "f16";
        case c10::kDouble:
            return "f64";
        default:
            return c10::toString(dtype);
    }
}

}  // namespace nava::bench
