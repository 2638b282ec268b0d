// `nava bench vae --model audio`: speed and peak memory of the audio path (encode, VAE decode,
// vocoder + BWE, resampling) on synthetic weights for given clip durations.
#pragma once

#include <string>
#include <vector>

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

namespace nava::audio_vae {

struct BenchOptions {
    std::string config = "tiny";  // "tiny", "real" or a checkpoint-style JSON file
    std::vector<double> seconds = {2.0, 6.0};
    at::ScalarType dtype = at::kFloat;  // audio VAE dtype (the vocoder stays float32)
    int repetitions = 3;
    c10::Device device = c10::Device(c10::kCPU);
};

struct BenchRow {
    double seconds = 0.0;  // clip duration
    std::string stage;     // "encode", "decode", "vocoder", "resample", "decode total"
    std::string shape;     // output shape of the stage
    double median_ms = 0.0;
    double min_ms = 0.0;
    double realtime = 0.0;   // clip seconds per wall-clock second
    double peak_mib = -1.0;  // resident-set high-water mark above the level before the call
                             // (CPU; CUDA: allocator peak), -1 when unknown
};

struct BenchReport {
    std::string config_name;
    long long parameters = 0;
    std::vector<BenchRow> rows;
};

BenchReport run_bench(const BenchOptions& options);

}  // namespace nava::audio_vae
