// Timing helpers shared by the `nava bench` subcommands.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

namespace nava::bench {

struct Timing {
    double median_ms = 0.0;
    double min_ms = 0.0;
    double max_ms = 0.0;
    int repetitions = 0;
};

// Runs `fn` `warmup` times, then `repetitions` timed times (synchronising the device after each
// run when it is a GPU).
Timing time_ms(const std::function<void()>& fn, int warmup, int repetitions,
               c10::Device device = c10::Device(c10::kCPU));

struct MatmulPeak {
    c10::ScalarType dtype = c10::kFloat;
    int size = 0;
    Timing timing;
    double gflops = 0.0;  // 2·n³ / median time
};

// Square n×n matmul throughput: the machine's practical peak for that dtype.
MatmulPeak measure_matmul_peak(c10::ScalarType dtype, int size, c10::Device device,
                               int repetitions = 7);

// "f32" / "float32" / "bf16" / "bfloat16" / "f16" / "f64" -> dtype; throws ConfigError otherwise.
c10::ScalarType parse_dtype(const std::string& name);
std::string dtype_short_name(c10::ScalarType dtype);

}  // namespace nava::bench
