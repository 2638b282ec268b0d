// Training the Wan2.2 video VAE class (`video_vae::VideoVae`, any widths; z stays the DiT's
// video width) from scratch on clips: L1 reconstruction + a small KL term on the posterior,
// gradients through the same chunked encode / decode the engine runs (EncodeOptions::autograd).
// The whole trainer state is one safetensors checkpoint; the export is the engine's layout.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include "inference/models/video_vae/video_vae.h"
#include "training/autoencoders/adam.h"

namespace nava::autoencoders {

struct VideoVaeTrainOptions {
    // Model widths; the rest of video_vae::VideoVaeConfig keeps Wan2.2's layout (spatial
    // factor 16, temporal factor 4), z_dim 48.
    int64_t dim = 16;
    int64_t dec_dim = 24;
    int64_t z_dim = 48;
    int64_t num_res_blocks = 2;
    double lr = 5e-4;
    double kl_weight = 1e-6;  // per-element KL(q(z|x) || N(0, 1)) relative to the per-pixel L1
    // Extra weight of the pixels that differ from their clip's background (per-channel median
    // of the clip) in the L1. Small objects on a plain background are a few percent of the
    // pixels: with a plain L1 the decoder learns the background first and ignores the latent's
    // detail for a long time. 0 = plain L1.
    double object_weight = 0.0;
    // Extra weight of the pixels that differ from their own median over the clip's frames:
    // what moves or changes (a mouth opening, a ball in flight). A face is object pixels in
    // every frame; its mouth is a handful of them, and only this weight singles it out. 0 = off.
    double motion_weight = 0.0;
    // Only the decoder learns (and the layer before it); the encoder and its latents stay as
    // they are, so a DiT trained on those latents keeps matching. Start from exported weights.
    bool decoder_only = false;
    AdamOptions adam;
    uint64_t seed = 0;

    video_vae::VideoVaeConfig model_config() const;
    nlohmann::json to_json() const;
    static VideoVaeTrainOptions from_json(const nlohmann::json& j);
};

struct VaeStepStats {
    double loss = 0.0;
    double reconstruction = 0.0;  // L1 (video) or mel L1 (audio)
    double kl = 0.0;              // mean per latent element
    double grad_norm = 0.0;
};

class VideoVaeTrainer {
public:
    // Fresh weights: convs ~ N(0, 1/fan_in), norm gains 1, biases 0 (seeded), initialised on
    // the CPU (the same weights on any device), then moved with the optimizer state to `device`.
    explicit VideoVaeTrainer(const VideoVaeTrainOptions& options,
                             c10::Device device = c10::Device(c10::kCPU));

    // One optimisation step on `batch` [B, 3, 1 + 4k, H, W] in [-1, 1] (any device). The
    // posterior sample's noise is drawn on the CPU from (seed, step), so a resumed run repeats
    // the same steps exactly, on the CPU or a GPU.
    VaeStepStats step(const at::Tensor& batch);

    // Encode (posterior mean) -> decode with the inference path, clamped to [-1, 1] (on the
    // trainer's device).
    at::Tensor reconstruct(const at::Tensor& video);
    // Posterior means [B, z, T', h, w] of `video`, un-normalised (inference path, trainer's
    // device).
    at::Tensor latent_means(const at::Tensor& video);

    int64_t steps() const { return adam_->steps(); }
    c10::Device device() const { return device_; }
    // The learning rate of the following steps (a resumed run may change it).
    void set_lr(double lr) { options_.lr = lr; }
    const VideoVaeTrainOptions& options() const { return options_; }
    video_vae::VideoVae& model() { return *model_; }

    // Whole trainer state (weights, Adam moments, step, options) written atomically.
    void save_checkpoint(const std::filesystem::path& path) const;
    // Starts from the weights of an exported video_vae.safetensors (fresh optimizer state, step
    // 0); throws nava::Error when its widths differ from the options'.
    void load_weights(const std::filesystem::path& exported);

    // Rebuilds the trainer from a checkpoint on `device` (its options win over any given
    // elsewhere; set_lr() changes the learning rate afterwards).
    static std::unique_ptr<VideoVaeTrainer> from_checkpoint(
        const std::filesystem::path& path, c10::Device device = c10::Device(c10::kCPU));

private:
    VideoVaeTrainOptions options_;
    c10::Device device_;
    std::shared_ptr<video_vae::VideoVae> model_;
    std::unique_ptr<Adam> adam_;
};

// The object pixels of clips [B, 3, T, H, W] in [-1, 1]: bool [B, 1, T, H, W], true where any
// channel differs from the clip's per-channel median (its background) by more than `threshold`.
at::Tensor object_mask(const at::Tensor& video, double threshold = 0.1);
// The moving pixels of clips [B, 3, T, H, W]: bool [B, 1, T, H, W], true where any channel
// differs from that pixel's median over the clip's frames by more than `threshold`.
at::Tensor motion_mask(const at::Tensor& video, double threshold = 0.1);
// Per-pixel weights [B, 1, T, H, W] of the reconstruction loss: 1, plus object_weight on the
// object pixels, plus motion_weight on the moving ones.
at::Tensor object_weights(const at::Tensor& video, double object_weight,
                          double motion_weight = 0.0);

// Per-channel mean and 1 / std of the posterior means over `means` ([B, z, T', h, w] each).
video_vae::LatentScale latent_scale_of(const std::vector<at::Tensor>& means);

// The latent statistics stored in an exported video_vae.safetensors (its "config" metadata);
// throws nava::Error when it has none.
video_vae::LatentScale exported_latent_scale(const std::filesystem::path& exported);

// Whether the encoder half of `model` (encoder.*, conv1.*) holds exactly the weights stored in
// an exported video_vae.safetensors: the latents a decoder-only run keeps are that file's.
bool encoder_matches(video_vae::VideoVae& model, const std::filesystem::path& exported);

// Writes `<dir>/video_vae.safetensors` (engine key names; the config, scale included, in the
// metadata) and returns the manifest component block {"weights", "config"} that
// write_random_package-style manifests use (scale_mean / scale_inv_std inside "config").
nlohmann::json export_video_vae(video_vae::VideoVae& model, const video_vae::LatentScale& scale,
                                const std::filesystem::path& dir);

}  // namespace nava::autoencoders
