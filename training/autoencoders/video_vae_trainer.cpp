#include "training/autoencoders/video_vae_trainer.h"

#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/tensor_source.h"
#include "training/autoencoders/weights.h"

namespace nava::autoencoders {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCheckpointKind = "nava-video-vae-trainer";

video_vae::LatentScale identity_scale(int64_t z) {
    video_vae::LatentScale s;
    s.mean.assign(static_cast<std::size_t>(z), 0.0f);
    s.inv_std.assign(static_cast<std::size_t>(z), 1.0f);
    return s;
}

}  // namespace

// ---- options ---------------------------------------------------------------------------------

video_vae::VideoVaeConfig VideoVaeTrainOptions::model_config() const {
    video_vae::VideoVaeConfig c = video_vae::VideoVaeConfig::wan22();
    c.dim = dim;
    c.dec_dim = dec_dim;
    c.z_dim = z_dim;
    c.num_res_blocks = num_res_blocks;
    c.validate();
    return c;
}

nlohmann::json VideoVaeTrainOptions::to_json() const {
    return {{"dim", dim},
            {"dec_dim", dec_dim},
            {"z_dim", z_dim},
            {"num_res_blocks", num_res_blocks},
            {"lr", lr},
            {"kl_weight", kl_weight},
            {"object_weight", object_weight},
            {"motion_weight", motion_weight},
            {"decoder_only", decoder_only},
            {"adam", adam_to_json(adam)},
            {"seed", seed}};
}

VideoVaeTrainOptions VideoVaeTrainOptions::from_json(const nlohmann::json& j) {
    VideoVaeTrainOptions o;
    o.dim = j.at("dim").get<int64_t>();
    o.dec_dim = j.at("dec_dim").get<int64_t>();
    o.z_dim = j.at("z_dim").get<int64_t>();
    o.num_res_blocks = j.at("num_res_blocks").get<int64_t>();
    o.lr = j.at("lr").get<double>();
    o.kl_weight = j.at("kl_weight").get<double>();
    o.object_weight = j.value("object_weight", 0.0);  // absent in older checkpoints
    o.motion_weight = j.value("motion_weight", 0.0);
    o.decoder_only = j.value("decoder_only", false);
    o.adam = adam_from_json(j.at("adam"));
    o.seed = j.at("seed").get<uint64_t>();
    return o;
}

// ---- trainer ---------------------------------------------------------------------------------

VideoVaeTrainer::VideoVaeTrainer(const VideoVaeTrainOptions& options, c10::Device device)
    : options_(options), device_(device) {
    model_ = std::make_shared<video_vae::VideoVae>(options_.model_config());
    init_weights(*model_, options_.seed);
    narrow_posterior(*model_, "conv1.bias", options_.z_dim, kInitialPosteriorLogVar);
    model_->to(device_);
    NamedParameters params = trainable_parameters(*model_);
    if (options_.decoder_only) {
        // the decoder and the 1x1 layer before it; the encoder's parameters take no gradient
        NamedParameters decoder;
        for (auto& p : params) {
            const bool decodes =
                p.first.rfind("decoder.", 0) == 0 || p.first.rfind("conv2.", 0) == 0;
            p.second.requires_grad_(decodes);
            if (decodes) decoder.push_back(std::move(p));
        }
        params = std::move(decoder);
    }
    adam_ = std::make_unique<Adam>(std::move(params), options_.adam);
}

VaeStepStats VideoVaeTrainer::step(const at::Tensor& batch) {
    const at::Tensor x = batch.to(device_, at::kFloat);
    const auto scale = identity_scale(options_.z_dim);
    // 1. posterior q(z|x): chunked encoder with autograd                  // [B, z, T', h, w]
    video_vae::EncodeOptions eo;
    eo.autograd = !options_.decoder_only;
    const video_vae::EncodeResult enc = model_->encode_full(x, scale, eo);
    const at::Tensor mu = enc.mu;
    const at::Tensor log_var = enc.log_var.clamp(-30.0, 20.0);
    // 2. reparameterised sample; the noise depends on (seed, step) only
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options_.seed * 1000003ULL +
                                                        static_cast<uint64_t>(steps()) + 1);
    const at::Tensor eps = at::randn(mu.sizes(), gen, mu.options().device(c10::kCPU)).to(device_);
    const at::Tensor z = mu + eps * (0.5 * log_var).exp();
    // 3. decode (unclamped) and the loss                                  // [B, 3, T, H, W]
    video_vae::DecodeOptions dopt;
    dopt.autograd = true;
    dopt.clamp = false;
    const at::Tensor y = model_->decode(z, scale, dopt);
    at::Tensor rec = (y - x).abs();
    if (options_.object_weight > 0.0 || options_.motion_weight > 0.0) {
        const at::Tensor w = object_weights(x, options_.object_weight, options_.motion_weight);
        rec = (rec * w).sum() / (w.sum() * x.size(1));  // weighted mean per pixel and channel
    } else {
        rec = rec.mean();
    }
    const at::Tensor kl = 0.5 * (mu.pow(2) + log_var.exp() - 1.0 - log_var).mean();
    const at::Tensor loss = rec + options_.kl_weight * kl;
    loss.backward();
    // 4. update
    VaeStepStats s;
    s.loss = loss.item<double>();
    s.reconstruction = rec.item<double>();
    s.kl = kl.item<double>();
    s.grad_norm = adam_->step(options_.lr);
    return s;
}

at::Tensor VideoVaeTrainer::latent_means(const at::Tensor& video) {
    return model_->encode_full(video.to(device_, at::kFloat), identity_scale(options_.z_dim)).mu;
}

at::Tensor VideoVaeTrainer::reconstruct(const at::Tensor& video) {
    const auto scale = identity_scale(options_.z_dim);
    return model_->decode(model_->encode_full(video.to(device_, at::kFloat), scale).mu, scale);
}

void VideoVaeTrainer::save_checkpoint(const fs::path& path) const {
    std::vector<io::NamedTensor> tensors = named_state(*model_, "model.");
    for (auto& t : adam_->state("adam."))
        tensors.push_back(std::move(t));
    const nlohmann::json meta = {
        {"kind", kCheckpointKind}, {"step", steps()}, {"options", options_.to_json()}};
    io::save_safetensors(path, tensors, {{"trainer", meta.dump()}});
}

std::unique_ptr<VideoVaeTrainer> VideoVaeTrainer::from_checkpoint(const fs::path& path,
                                                                  c10::Device device) {
    const auto source = io::open_tensor_source(path);
    const nlohmann::json meta = read_trainer_metadata(*source, kCheckpointKind);
    auto trainer = std::make_unique<VideoVaeTrainer>(
        VideoVaeTrainOptions::from_json(meta.at("options")), device);
    load_named_state(*trainer->model_, *source, "model.");
    trainer->adam_->load_state(*source, "adam.", meta.at("step").get<int64_t>());
    return trainer;
}

void VideoVaeTrainer::load_weights(const fs::path& exported) {
    const auto source = io::open_tensor_source(exported);
    const video_vae::VideoVaeConfig have = video_vae::config_from_source(*source);
    const video_vae::VideoVaeConfig want = options_.model_config();
    if (have.dim != want.dim || have.dec_dim != want.dec_dim || have.z_dim != want.z_dim ||
        have.num_res_blocks != want.num_res_blocks)
        throw Error(exported.string() + ": widths dim " + std::to_string(have.dim) + ", dec_dim " +
                    std::to_string(have.dec_dim) + " differ from the trainer's dim " +
                    std::to_string(want.dim) + ", dec_dim " + std::to_string(want.dec_dim));
    load_named_state(*model_, *source, "");
}

at::Tensor object_mask(const at::Tensor& video, double threshold) {
    at::NoGradGuard no_grad;
    const at::Tensor x = video.detach();
    const int64_t b = x.size(0), c = x.size(1);
    // per clip and channel: the median over all frames and pixels is the background colour
    const at::Tensor background =
        std::get<0>(x.reshape({b, c, -1}).median(2)).view({b, c, 1, 1, 1});
    return (x - background).abs().amax(1, /*keepdim=*/true).gt(threshold);
}

at::Tensor motion_mask(const at::Tensor& video, double threshold) {
    at::NoGradGuard no_grad;
    const at::Tensor x = video.detach();
    const at::Tensor still = std::get<0>(x.median(2, /*keepdim=*/true));  // [B, C, 1, H, W]
    return (x - still).abs().amax(1, /*keepdim=*/true).gt(threshold);
}

at::Tensor object_weights(const at::Tensor& video, double object_weight, double motion_weight) {
    at::Tensor w = object_mask(video).to(video.scalar_type()).mul_(object_weight).add_(1.0);
    if (motion_weight > 0.0) w.add_(motion_mask(video).to(video.scalar_type()).mul_(motion_weight));
    return w;
}

// ---- statistics and export -------------------------------------------------------------------

video_vae::LatentScale latent_scale_of(const std::vector<at::Tensor>& means) {
    if (means.empty()) throw Error("latent statistics: no latents given");
    std::vector<at::Tensor> flat;
    for (const auto& m : means)  // [B, z, ...] -> [z, B·...]
        flat.push_back(m.to(at::kDouble).transpose(0, 1).reshape({m.size(1), -1}));
    const at::Tensor all = at::cat(flat, 1);
    const at::Tensor mean = all.mean(1);
    const at::Tensor std = (all - mean.unsqueeze(1)).pow(2).mean(1).sqrt().clamp_min(1e-6);
    video_vae::LatentScale s;
    for (int64_t c = 0; c < all.size(0); ++c) {
        s.mean.push_back(static_cast<float>(mean[c].item<double>()));
        s.inv_std.push_back(1.0f / static_cast<float>(std[c].item<double>()));
    }
    return s;
}

video_vae::LatentScale exported_latent_scale(const fs::path& exported) {
    const auto meta = io::open_tensor_source(exported)->metadata();
    const auto it = meta.find("config");
    const nlohmann::json config =
        it == meta.end() ? nlohmann::json() : nlohmann::json::parse(it->second, nullptr, false);
    if (!config.is_object() || !config.contains("scale_mean") || !config.contains("scale_inv_std"))
        throw Error(exported.string() + ": no latent statistics in its metadata");
    video_vae::LatentScale s;
    s.mean = config.at("scale_mean").get<std::vector<float>>();
    s.inv_std = config.at("scale_inv_std").get<std::vector<float>>();
    return s;
}

bool encoder_matches(video_vae::VideoVae& model, const fs::path& exported) {
    const auto source = io::open_tensor_source(exported);
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        if (name.rfind("encoder.", 0) != 0 && name.rfind("conv1.", 0) != 0) continue;
        if (!source->contains(name)) return false;
        const at::Tensor stored = source->tensor_as(name, at::kFloat);
        const at::Tensor held = item.value().detach().to(at::kCPU, at::kFloat);
        if (!stored.sizes().equals(held.sizes()) || !at::equal(stored, held)) return false;
    }
    return true;
}

nlohmann::json export_video_vae(video_vae::VideoVae& model, const video_vae::LatentScale& scale,
                                const fs::path& dir) {
    const auto& c = model.config();
    nlohmann::json config = {{"dim", c.dim},
                             {"dec_dim", c.dec_dim},
                             {"z_dim", c.z_dim},
                             {"dim_mult", c.dim_mult},
                             {"num_res_blocks", c.num_res_blocks},
                             {"temperal_downsample", c.temperal_downsample},
                             {"scale_mean", scale.mean},
                             {"scale_inv_std", scale.inv_std}};
    fs::create_directories(dir);
    io::save_safetensors(dir / "video_vae.safetensors", named_state(model, ""),
                         {{"config", config.dump()}});
    return {{"weights", "video_vae.safetensors"}, {"config", config}};
}

}  // namespace nava::autoencoders
