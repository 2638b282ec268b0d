// `nava bench vae --model video`: encode/decode time and peak memory of the video VAE for one
// shape, untiled and tiled, with random weights (speed and memory do not depend on values).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include "inference/models/video_vae/tiled_decode.h"

namespace nava::video_vae {

struct VideoVaeBenchOptions {
    // "tiny" (the fixture's widths 8 / 12), "wan22" (the real config), or a weights file.
    std::string model = "tiny";
    int64_t frames = 9, height = 64, width = 64;  // pixel video; latent = 1+(T-1)/4, H/16, W/16
    at::ScalarType dtype = at::kFloat;
    c10::Device device = c10::Device(c10::kCPU);
    bool encode = true;
    bool untiled = true;
    bool tiled = true;
    TileOptions tiles{2, 2, 1, 1};
    int repeat = 1;
};

struct PhaseResult {
    double median_ms = 0.0;
    double min_ms = 0.0;
    int64_t peak_bytes = 0;  // peak RSS above the level before the phase (CPU), or peak CUDA
                             // allocation above the level before (GPU)
};

struct VideoVaeBenchResult {
    int64_t parameters = 0;
    PhaseResult encode, decode, tiled_decode;
    int64_t estimated_decode_bytes = 0;  // estimate_decode_memory(...).total_bytes
    int64_t estimated_tiled_bytes = 0;
    int64_t tiles = 0;
};

VideoVaeBenchResult run_video_vae_bench(const VideoVaeBenchOptions& options, std::ostream& log);

// Peak-memory probe: resets the high-water mark and reads it back. CPU: VmHWM / VmRSS from
// /proc/self/status (reset through /proc/self/clear_refs); CUDA: the caching allocator's stats.
class PeakMemoryProbe {
public:
    explicit PeakMemoryProbe(c10::Device device);
    void reset();                      // remember the current level, reset the peak
    int64_t peak_above_start() const;  // bytes

private:
    c10::Device device_;
    int64_t start_ = 0;
};

}  // namespace nava::video_vae
