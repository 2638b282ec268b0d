#include "inference/models/video_vae/video_vae.h"

#include <optional>
#include <sstream>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/state_dict.h"
#include "inference/io/tensor_source.h"

namespace nava::video_vae {
namespace {

std::string shape_string(at::IntArrayRef shape) {
    std::ostringstream s;
    s << "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s << (i ? ", " : "") << shape[i];
    s << "]";
    return s.str();
}

// [1, z, 1, 1, 1] tensors of the scale, in the dtype the scaling runs in.
std::pair<at::Tensor, at::Tensor> scale_tensors(const LatentScale& scale, int64_t z_dim,
                                                const at::TensorOptions& options) {
    if (static_cast<int64_t>(scale.mean.size()) != z_dim ||
        static_cast<int64_t>(scale.inv_std.size()) != z_dim)
        throw ConfigError("video VAE: latent scale has " + std::to_string(scale.mean.size()) +
                          " means and " + std::to_string(scale.inv_std.size()) +
                          " inverse stds, the model has " + std::to_string(z_dim) + " channels");
    auto make = [&](const std::vector<float>& v) {
        return at::from_blob(const_cast<float*>(v.data()), {1, z_dim, 1, 1, 1}, at::kFloat)
            .to(options, /*non_blocking=*/false, /*copy=*/true);
    };
    return {make(scale.mean), make(scale.inv_std)};
}

// Latent scaling runs in float32 (float64 for a float64 model), whatever the weights are.
at::ScalarType scaling_dtype(at::ScalarType model_dtype) {
    return model_dtype == at::kDouble ? at::kDouble : at::kFloat;
}

}  // namespace

VideoVae::VideoVae(const VideoVaeConfig& config) : config_(config) {
    config_.validate();
    encoder = register_module("encoder", std::make_shared<Encoder3d>(config_));
    const int64_t z = config_.z_dim;
    conv1 = register_module(
        "conv1", std::make_shared<CausalConv3d>(2 * z, 2 * z, std::vector<int64_t>{1, 1, 1}));
    conv2 = register_module("conv2",
                            std::make_shared<CausalConv3d>(z, z, std::vector<int64_t>{1, 1, 1}));
    decoder = register_module("decoder", std::make_shared<Decoder3d>(config_));
}

at::ScalarType VideoVae::dtype() const {
    return module_dtype(*this);
}

c10::Device VideoVae::device() const {
    return conv2->weight.device();
}

void VideoVae::clear_chunk_state() {
    for (const auto& m : modules(/*include_self=*/false))
        if (auto* holder = dynamic_cast<ChunkStateHolder*>(m.get())) holder->clear_chunk_state();
}

void VideoVae::check_video_shape(at::IntArrayRef s, FrameRemainder remainder) const {
    const int64_t f = config_.spatial_factor();
    if (s.size() != 5 || s[1] != VideoVaeConfig::kVideoChannels)
        throw ConfigError("video VAE encode: expected a video [B, 3, T, H, W], got " +
                          shape_string(s));
    if (s[0] < 1 || s[2] < 1) throw ConfigError("video VAE encode: empty video " + shape_string(s));
    if (s[3] < f || s[4] < f || s[3] % f != 0 || s[4] % f != 0)
        throw ConfigError("video VAE encode: height and width must be positive multiples of " +
                          std::to_string(f) + ", got " + std::to_string(s[3]) + "x" +
                          std::to_string(s[4]));
    const int64_t extra = (s[2] - 1) % VideoVaeConfig::kEncodeChunkFrames;
    if (extra != 0 && remainder == FrameRemainder::kError)
        throw ConfigError("video VAE encode: frame count must be 1 + 4k (1, 5, 9, ...), got " +
                          std::to_string(s[2]) + " (" + std::to_string(s[2] - extra) + " or " +
                          std::to_string(s[2] - extra + 4) + " would do)");
}

void VideoVae::check_latent_shape(at::IntArrayRef s) const {
    if (s.size() != 5 || s[1] != config_.z_dim)
        throw ConfigError("video VAE decode: expected a latent [B, " +
                          std::to_string(config_.z_dim) + ", T, h, w], got " + shape_string(s));
    if (s[0] < 1 || s[2] < 1 || s[3] < 1 || s[4] < 1)
        throw ConfigError("video VAE decode: empty latent " + shape_string(s));
}

EncodeResult VideoVae::encode_full(const at::Tensor& video, const LatentScale& scale,
                                   const EncodeOptions& options) {
    check_video_shape(video.sizes(), options.remainder);
    std::optional<c10::InferenceMode> inference;
    if (!options.autograd) inference.emplace();
    const auto dt = dtype();
    const at::Tensor x = video.to(device(), dt);
    const int64_t chunk = VideoVaeConfig::kEncodeChunkFrames;
    const int64_t chunks = 1 + (x.size(2) - 1) / chunk;  // trailing frames never reach a chunk

    // 1. encoder over frame 0, then frames 1-4, 5-8, ... with temporal state between chunks
    clear_chunk_state();
    std::vector<at::Tensor> outs;
    outs.reserve(static_cast<std::size_t>(chunks));
    for (int64_t i = 0; i < chunks; ++i) {
        const int64_t start = i == 0 ? 0 : 1 + chunk * (i - 1);
        const int64_t count = i == 0 ? 1 : chunk;
        const at::Tensor frames = patchify(x.narrow(2, start, count), VideoVaeConfig::kPatchSize);
        outs.push_back(encoder->forward_chunk(frames));  // [B, 2z, t', h, w]
        if (options.progress) options.progress(i + 1, chunks);
    }
    clear_chunk_state();

    // 2. conv1, split into mean and log-variance                           // [B, z, T', h, w]
    const at::Tensor moments = conv1->forward(at::cat(outs, 2));
    const int64_t z = config_.z_dim;
    EncodeResult r;
    const auto st = scaling_dtype(dt);
    r.mu = moments.narrow(1, 0, z).to(st);
    r.log_var = moments.narrow(1, z, z).to(st);
    // 3. normalise: (mu - mean) * (1 / std)
    const auto [mean, inv_std] = scale_tensors(scale, z, r.mu.options());
    r.latent = (r.mu - mean) * inv_std;
    return r;
}

at::Tensor VideoVae::encode(const at::Tensor& video, const LatentScale& scale,
                            const EncodeOptions& options) {
    return encode_full(video, scale, options).latent;
}

at::Tensor VideoVae::decode(const at::Tensor& latent, const LatentScale& scale,
                            const DecodeOptions& options) {
    check_latent_shape(latent.sizes());
    std::optional<c10::InferenceMode> inference;
    if (!options.autograd) inference.emplace();
    const auto dt = dtype();
    const auto st = scaling_dtype(dt);
    const int64_t b = latent.size(0), t = latent.size(2);
    const int64_t f = config_.spatial_factor(), p = VideoVaeConfig::kPatchSize;

    // 1. de-normalise (division by the stored 1/std, as the reference) and conv2
    const at::Tensor zs = latent.to(device(), st);
    const auto [mean, inv_std] = scale_tensors(scale, config_.z_dim, zs.options());
    const at::Tensor x = conv2->forward((zs / inv_std + mean).to(dt));  // [B, z, T', h, w]

    // 2. decoder one latent frame at a time, each chunk unpatchified straight into the output
    const auto out_device = options.output_device.value_or(device());
    at::Tensor video = at::empty({b, VideoVaeConfig::kVideoChannels, config_.decoded_frames(t),
                                  latent.size(3) * f, latent.size(4) * f},
                                 at::TensorOptions().dtype(st).device(out_device));
    clear_chunk_state();
    int64_t written = 0;
    for (int64_t i = 0; i < t; ++i) {
        const at::Tensor y = decoder->forward_chunk(x.narrow(2, i, 1), i == 0);  // [B, 12, n, ..]
        at::Tensor slot = video.narrow(2, written, y.size(2));
        unpatchify_into(y, p, slot);
        written += y.size(2);
        if (options.progress) options.progress(i + 1, t);
    }
    clear_chunk_state();
    if (written != video.size(2))
        throw Error("video VAE decode: produced " + std::to_string(written) + " frames, expected " +
                    std::to_string(video.size(2)));
    // 3. the pipeline's clamp to [-1, 1]
    if (options.clamp) video.clamp_(-1.0, 1.0);
    return video;
}

VideoVaeConfig config_from_source(const io::TensorSource& source) {
    const auto meta = source.metadata();
    const auto it = meta.find("config");
    if (it == meta.end()) {
        // No stored config (the .pth release): Wan2.2's, with the widths read from the weights
        // (encoder.conv1: [dim, 12, ...]; decoder.conv1: [dec_dim * mult[-1], z, ...]).
        VideoVaeConfig c = VideoVaeConfig::wan22();
        const auto enc = source.info("encoder.conv1.weight");
        const auto dec = source.info("decoder.conv1.weight");
        if (enc && dec && enc->shape.size() == 5 && dec->shape.size() == 5) {
            c.dim = enc->shape[0];
            c.z_dim = dec->shape[1];
            c.dec_dim = dec->shape[0] / c.dim_mult.back();
        }
        return c;
    }
    const std::string label = source.description() + " (metadata 'config')";
    return VideoVaeConfig::from_json(io::parse_json_text(it->second, label), label);
}

std::shared_ptr<VideoVae> load_video_vae(const io::TensorSource& source,
                                         const VideoVaeConfig& config,
                                         const LoadVideoVaeOptions& options) {
    auto vae = std::make_shared<VideoVae>(config);
    io::LoadOptions load;
    load.prefix = options.prefix;
    load.mode = io::LoadMode::kStrict;
    load.dtype = options.dtype;
    io::load_state_dict(*vae, source, load);
    vae->to(options.device);
    vae->eval();
    return vae;
}

std::shared_ptr<VideoVae> load_video_vae(const std::filesystem::path& weights,
                                         const LoadVideoVaeOptions& options) {
    const auto source = io::open_tensor_source(weights);
    return load_video_vae(*source, config_from_source(*source), options);
}

at::Tensor latent_to_thwc(const at::Tensor& latent) {
    if (latent.dim() != 5 || latent.size(0) != 1)
        throw ConfigError("latent_to_thwc: expected [1, z, T, h, w], got " +
                          shape_string(latent.sizes()));
    return latent[0].permute({1, 2, 3, 0}).contiguous();
}

at::Tensor latent_from_thwc(const at::Tensor& thwc) {
    if (thwc.dim() != 4)
        throw ConfigError("latent_from_thwc: expected [T, h, w, z], got " +
                          shape_string(thwc.sizes()));
    return thwc.permute({3, 0, 1, 2}).unsqueeze(0).contiguous();
}

}  // namespace nava::video_vae
