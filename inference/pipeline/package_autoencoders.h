// A package's autoencoders on their own, loaded the way the generator loads them: the video VAE
// with its latent statistics, and the audio VAE with its vocoder. The generator uses their
// decoders; `nava bench quality --autoencoded` sends the world's clips through both halves to
// measure what any DiT could reach with these autoencoders.
#pragma once

#include <memory>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include "media/buffers.h"

namespace nava::video_vae {
class VideoVae;
struct LatentScale;
}  // namespace nava::video_vae
namespace nava::audio_vae {
class AudioCodec;
}

namespace nava::pipeline {

struct ModelPackage;

struct VideoAutoencoder {
    std::shared_ptr<video_vae::VideoVae> vae;
    std::shared_ptr<video_vae::LatentScale> scale;  // the config's statistics, else Wan2.2's
};

// Throws PackageError when the package has no video VAE.
VideoAutoencoder load_package_video_vae(const ModelPackage& package, at::ScalarType dtype,
                                        c10::Device device);
// `with_encoder` false: the decoder and vocoder only (all that generation needs).
std::shared_ptr<audio_vae::AudioCodec> load_package_audio_codec(const ModelPackage& package,
                                                                bool with_encoder,
                                                                at::ScalarType dtype,
                                                                c10::Device device);

// Video [3, F, H, W] in [-1, 1] -> encoded and decoded, same shape, clamped to [-1, 1].
at::Tensor video_round_trip(const VideoAutoencoder& video, const at::Tensor& frames);
// Frames [3, T, H, W] in [-1, 1] -> 8-bit RGB as the clip writers take them (rounded, clamped).
media::VideoBuffer to_video_buffer(const at::Tensor& video, double fps);
// Mono wave [N] at the codec's sample rate -> encoded, decoded by the vocoder, mono [N'] at the
// same rate (the channels averaged). `through_vae` false: the log-mel goes straight to the
// vocoder (what any audio VAE could reach with this vocoder).
at::Tensor audio_round_trip(const audio_vae::AudioCodec& codec, const at::Tensor& wave,
                            bool through_vae = true);

}  // namespace nava::pipeline
