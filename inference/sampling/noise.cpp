#include "inference/sampling/noise.h"

#include <string>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"

namespace nava::sampling {
namespace {

void check_positive(int64_t value, const char* what) {
    if (value <= 0)
        throw ConfigError(std::string("initial noise: ") + what + " must be > 0 (got " +
                          std::to_string(value) + ")");
}

}  // namespace

Latents initial_noise(uint64_t seed, const std::optional<VideoLatentShape>& video,
                      const std::optional<AudioLatentShape>& audio) {
    if (video) {
        check_positive(video->frames, "video latent frames");
        check_positive(video->height, "video latent height");
        check_positive(video->width, "video latent width");
        check_positive(video->channels, "video latent channels");
    }
    if (audio) {
        check_positive(audio->length, "audio latent length");
        check_positive(audio->channels, "audio latent channels");
    }
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto options = at::TensorOptions().dtype(at::kFloat).device(at::kCPU);
    Latents noise;
    // Video first, then audio: the order is part of the contract.
    if (video) noise.video = at::randn({video->rows(), video->channels}, gen, options);
    if (audio) noise.audio = at::randn({audio->length, audio->channels}, gen, options);
    return noise;
}

}  // namespace nava::sampling
