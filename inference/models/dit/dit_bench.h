// Speed of one DiT forward for a given configuration and sequence length (`nava bench dit`).
#pragma once

#include <cstdint>

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include "inference/core/benchmark.h"
#include "inference/models/dit/dit_config.h"

namespace nava::dit {

struct DitShape {
    int64_t batch = 1;
    int64_t frames = 1;  // patch grid of the video latent (0 frames = audio only)
    int64_t rows = 1;
    int64_t cols = 1;
    int64_t audio_tokens = 0;
    int64_t text_tokens = 512;  // real context rows before padding (the DiT pads to text_len)
    int64_t video_tokens() const { return frames * rows * cols; }
    int64_t tokens() const { return video_tokens() + audio_tokens; }
};

// A shape of about `tokens` tokens laid out like NAVA's 16:9 default (patch grid 11:20, up to
// 37 latent frames, audio length as the pipeline derives it from the frame count).
DitShape dit_shape_for_tokens(int64_t tokens);

// Multiply-adds x 2 of one forward pass (linear layers, convolutions, attention scores and
// weighted sums), counted from the configuration and the shape.
double dit_forward_flops(const DitConfig& config, const DitShape& shape);

struct DitBenchResult {
    DitShape shape;
    double flops = 0.0;
    bench::Timing timing;
    double gflops = 0.0;       // achieved
    double peak_gflops = 0.0;  // square-matmul peak of the same dtype on the same device
};

DitBenchResult bench_dit_forward(const DitConfig& config, const DitShape& shape,
                                 c10::ScalarType dtype, c10::Device device, int warmup,
                                 int repetitions);

}  // namespace nava::dit
