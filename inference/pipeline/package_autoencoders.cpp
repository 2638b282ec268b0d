#include "inference/pipeline/package_autoencoders.h"

#include <cmath>

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include "inference/core/error.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/package.h"

namespace nava::pipeline {

VideoAutoencoder load_package_video_vae(const ModelPackage& package, at::ScalarType dtype,
                                        c10::Device device) {
    if (!package.video_vae.present())
        throw PackageError(package.root.string() + ": the package has no video VAE");
    const auto source = io::open_tensor_source(package.video_vae.weights);
    const nlohmann::json& j = package.video_vae.config;
    const video_vae::VideoVaeConfig cfg =
        j.is_null() ? video_vae::config_from_source(*source)
                    : video_vae::VideoVaeConfig::from_json(j, package.video_vae.weights.string());
    video_vae::LoadVideoVaeOptions o;
    o.prefix = package.video_vae.prefix;
    o.dtype = dtype;
    o.device = device;
    VideoAutoencoder out;
    out.vae = video_vae::load_video_vae(*source, cfg, o);
    out.scale = std::make_shared<video_vae::LatentScale>(video_vae::wan22_latent_scale());
    if (j.is_object() && j.contains("scale_mean") && j.contains("scale_inv_std")) {
        out.scale->mean = j["scale_mean"].get<std::vector<float>>();
        out.scale->inv_std = j["scale_inv_std"].get<std::vector<float>>();
    }
    return out;
}

std::shared_ptr<audio_vae::AudioCodec> load_package_audio_codec(const ModelPackage& package,
                                                                bool with_encoder,
                                                                at::ScalarType dtype,
                                                                c10::Device device) {
    audio_vae::CodecOptions o;
    o.with_encoder = with_encoder;
    o.dtype = dtype;
    o.device = device;
    if (package.audio_vae.config.is_null())
        return audio_vae::load_audio_codec(package.audio_vae.weights, o);
    const auto source = io::open_tensor_source(package.audio_vae.weights);
    return audio_vae::load_audio_codec(*source, package.audio_vae.config, o,
                                       package.audio_vae.prefix);
}

at::Tensor video_round_trip(const VideoAutoencoder& video, const at::Tensor& frames) {
    at::NoGradGuard no_grad;
    const at::Tensor input = frames.unsqueeze(0).to(video.vae->device(), video.vae->dtype());
    const at::Tensor latent = video.vae->encode(input, *video.scale);
    return video.vae->decode(latent, *video.scale)[0].to(at::kCPU, at::kFloat).clamp(-1.0, 1.0);
}

at::Tensor audio_round_trip(const audio_vae::AudioCodec& codec, const at::Tensor& wave,
                            bool through_vae) {
    if (through_vae && !codec.has_encoder())
        throw ConfigError("the audio round trip needs the audio VAE's encoder");
    at::NoGradGuard no_grad;
    const c10::Device device = codec.parameters().front().device();
    const at::Tensor input = wave.reshape({1, 1, -1}).to(device, at::kFloat);
    const audio_vae::DecodeResult d = through_vae
                                          ? codec.decode(codec.encode(input, codec.sample_rate()))
                                          : codec.vocode(codec.log_mel(input, codec.sample_rate()));
    return d.waveform[0].mean(0).to(at::kCPU, at::kFloat).contiguous();
}

media::VideoBuffer to_video_buffer(const at::Tensor& video, double fps) {
    const at::Tensor bytes = ((video.to(at::kFloat) + 1.0) * 127.5)
                                 .round()
                                 .clamp(0, 255)
                                 .to(at::kByte)
                                 .permute({1, 2, 3, 0})
                                 .contiguous();  // [T, H, W, 3]
    media::VideoBuffer buffer;
    buffer.height = static_cast<int>(bytes.size(1));
    buffer.width = static_cast<int>(bytes.size(2));
    const int fps_num = static_cast<int>(std::lround(fps * 1000.0));
    buffer.fps = {fps_num, 1000};
    if (std::abs(fps - std::round(fps)) < 1e-9)
        buffer.fps = {static_cast<int>(std::lround(fps)), 1};
    buffer.rgb.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
    return buffer;
}

}  // namespace nava::pipeline
