// Deterministic initial noise for the sampler.
//
// Generator: a CPU at::Generator (mt19937, the engine behind torch.manual_seed) created from the
// seed; draws are float32 standard normal (`at::randn`) in this order: first the video tensor,
// then the audio tensor, each flat and channels-last:
//   video [T*H*W, C], row (t*H + h)*W + w     audio [L, C]
// The same seed gives bit-identical tensors on every run and machine with the same LibTorch.
// (The reference draws the same shapes in the same order on the GPU; CUDA's generator gives
// other numbers, so seeds are not interchangeable with the reference's GPU runs.)
#pragma once

#include <cstdint>
#include <optional>

#include "inference/sampling/latents.h"

namespace nava::sampling {

struct VideoLatentShape {
    int64_t frames = 0;  // latent frames T
    int64_t height = 0;  // latent rows H
    int64_t width = 0;   // latent columns W
    int64_t channels = 48;
    int64_t rows() const { return frames * height * width; }
};

struct AudioLatentShape {
    int64_t length = 0;  // latent frames L
    int64_t channels = 128;
};

// Noise for the given modalities (an absent shape draws nothing and leaves that tensor
// undefined). Throws ConfigError for negative or zero sizes.
Latents initial_noise(uint64_t seed, const std::optional<VideoLatentShape>& video,
                      const std::optional<AudioLatentShape>& audio);

}  // namespace nava::sampling
