// Video VAE training: the autograd path of the engine's chunked encode / decode (same values as
// inference, correct gradients), overfitting a fixed batch, exact resume, export -> loader.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/tensor_source.h"
#include "inference/models/video_vae/video_vae.h"
#include "tests/support/test_support.h"
#include "training/autoencoders/clips.h"
#include "training/autoencoders/video_vae_trainer.h"
#include "training/autoencoders/weights.h"

namespace nava::autoencoders {
namespace {

VideoVaeTrainOptions tiny_options() {
    VideoVaeTrainOptions o;
    o.dim = 8;
    o.dec_dim = 12;
    o.lr = 2e-3;
    o.seed = 3;
    return o;
}

// Smooth colour ramps plus a bright square that moves one pixel per frame: [B, 3, T, H, W].
at::Tensor pattern_video(int64_t batch, int64_t frames, int64_t size, double phase) {
    const at::Tensor t = at::arange(frames, at::kFloat).view({1, 1, frames, 1, 1});
    const at::Tensor y = at::linspace(-1, 1, size, at::kFloat).view({1, 1, 1, size, 1});
    const at::Tensor x = at::linspace(-1, 1, size, at::kFloat).view({1, 1, 1, 1, size});
    const at::Tensor c = at::arange(3, at::kFloat).view({1, 3, 1, 1, 1});
    at::Tensor v = at::sin(x * 2.0 + c + phase) * 0.5 + at::cos(y * 1.5 - c * 0.5) * 0.3 + 0.05 * t;
    v = v.expand({batch, 3, frames, size, size}).clone();
    for (int64_t i = 0; i < frames; ++i)
        v.select(2, i).narrow(2, 4 + i, 6).narrow(3, 8 + i, 6).fill_(0.9);
    return v.clamp(-1, 1);
}

double max_abs_diff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

video_vae::LatentScale identity(int64_t z) {
    video_vae::LatentScale s;
    s.mean.assign(static_cast<std::size_t>(z), 0.0f);
    s.inv_std.assign(static_cast<std::size_t>(z), 1.0f);
    return s;
}

TEST(VideoVaeAutograd, SameValuesAsInference) {
    video_vae::VideoVae vae(tiny_options().model_config());
    init_weights(vae, 1);
    trainable_parameters(vae);
    const at::Tensor x = pattern_video(1, 5, 32, 0.3);
    const auto scale = identity(48);
    const auto ref = vae.encode_full(x, scale);
    video_vae::EncodeOptions eo;
    eo.autograd = true;
    const auto got = vae.encode_full(x, scale, eo);
    ASSERT_TRUE(got.mu.requires_grad());
    EXPECT_LT(max_abs_diff(got.mu, ref.mu), 1e-4);
    EXPECT_LT(max_abs_diff(got.log_var, ref.log_var), 1e-4);

    video_vae::DecodeOptions d_ref;
    d_ref.clamp = false;
    video_vae::DecodeOptions d_grad = d_ref;
    d_grad.autograd = true;
    const at::Tensor y_ref = vae.decode(ref.mu, scale, d_ref);
    const at::Tensor y = vae.decode(got.mu, scale, d_grad);
    ASSERT_TRUE(y.requires_grad());
    EXPECT_EQ(y.sizes(), x.sizes());
    EXPECT_LT(max_abs_diff(y, y_ref), 1e-3);
}

// Analytic gradients of a few parameters (early encoder, late decoder) through the chunk
// caches against central differences, in float64. The decoder's nearest upsample rounds to
// float32 like the reference, hence the large step and the 1% tolerance.
TEST(VideoVaeAutograd, GradientsMatchFiniteDifferences) {
    video_vae::VideoVae vae(tiny_options().model_config());
    init_weights(vae, 2);
    vae.to(at::kDouble);
    trainable_parameters(vae);
    const at::Tensor x = pattern_video(1, 5, 32, 0.7).to(at::kDouble);
    const at::Tensor w = at::randn(x.sizes(), at::TensorOptions().dtype(at::kDouble));
    const auto scale = identity(48);
    auto loss_of = [&](bool grad) {
        video_vae::EncodeOptions eo;
        eo.autograd = grad;
        video_vae::DecodeOptions dopt;
        dopt.autograd = grad;
        dopt.clamp = false;
        const auto enc = vae.encode_full(x, scale, eo);
        return (vae.decode(enc.mu, scale, dopt).to(at::kDouble) * w).sum() +
               enc.log_var.pow(2).sum() * 1e-3;
    };
    loss_of(true).backward();
    struct Probe {
        at::Tensor param;
        int64_t flat_index;
    };
    const std::vector<Probe> probes = {
        {vae.encoder->conv1->weight, 17},
        {vae.encoder->head_conv->bias, 1},
        {vae.conv1->weight, 5},
        {vae.decoder->conv1->weight, 40},
        {vae.decoder->head_conv->weight, 123},
    };
    for (const auto& p : probes) {
        const double analytic = p.param.grad().reshape({-1})[p.flat_index].item<double>();
        const double h = 1e-3;
        at::Tensor flat = p.param.detach().view({-1});
        const double v0 = flat[p.flat_index].item<double>();
        double up, down;
        {
            at::NoGradGuard ng;
            flat[p.flat_index].fill_(v0 + h);
            up = loss_of(false).item<double>();
            flat[p.flat_index].fill_(v0 - h);
            down = loss_of(false).item<double>();
            flat[p.flat_index].fill_(v0);
        }
        const double numeric = (up - down) / (2 * h);
        EXPECT_GT(std::abs(numeric), 1e-4) << "probe " << p.flat_index << " has no effect";
        EXPECT_NEAR(analytic, numeric, 1e-2 * std::max(1.0, std::abs(numeric)))
            << "parameter element " << p.flat_index;
    }
}

// A fresh posterior must not drown the means in noise (else the decoder learns to ignore the
// latent and only the average picture comes out).
TEST(VideoVaeTrainer, FreshPosteriorIsNarrow) {
    VideoVaeTrainer trainer(tiny_options());
    at::NoGradGuard no_grad;
    const auto enc = trainer.model().encode_full(pattern_video(1, 5, 32, 0.3), identity(48));
    const double noise_std = (0.5 * enc.log_var).exp().mean().item<double>();
    EXPECT_LT(noise_std, 0.1);
    EXPECT_GT(enc.mu.std().item<double>(), 10.0 * noise_std);
}

TEST(VideoVaeTrainer, OverfitsAFixedBatch) {
    VideoVaeTrainer trainer(tiny_options());
    const at::Tensor batch = pattern_video(2, 5, 32, 0.0);
    const double psnr_before = psnr_db(trainer.reconstruct(batch), batch);
    double first = 0.0, last = 0.0;
    for (int i = 0; i < 30; ++i) {
        const VaeStepStats s = trainer.step(batch);
        ASSERT_TRUE(std::isfinite(s.loss));
        if (i == 0) first = s.reconstruction;
        last = s.reconstruction;
    }
    EXPECT_EQ(trainer.steps(), 30);
    EXPECT_LT(last, 0.7 * first) << "L1 " << first << " -> " << last;
    EXPECT_GT(psnr_db(trainer.reconstruct(batch), batch), psnr_before + 2.0);
}

TEST(VideoVaeTrainer, ResumeContinuesIdentically) {
    const auto dir = test::scratch_dir("video_vae_resume");
    const at::Tensor a = pattern_video(1, 5, 32, 0.1), b = pattern_video(1, 5, 32, 1.3);
    VideoVaeTrainer straight(tiny_options());
    straight.step(a);
    straight.step(b);
    straight.save_checkpoint(dir / "ckpt.safetensors");
    straight.step(a);
    const VaeStepStats s_straight = straight.step(b);

    auto resumed = VideoVaeTrainer::from_checkpoint(dir / "ckpt.safetensors");
    EXPECT_EQ(resumed->steps(), 2);
    resumed->step(a);
    const VaeStepStats s_resumed = resumed->step(b);
    EXPECT_DOUBLE_EQ(s_resumed.loss, s_straight.loss);
    const auto p1 = straight.model().named_parameters(true);
    const auto p2 = resumed->model().named_parameters(true);
    ASSERT_EQ(p1.size(), p2.size());
    for (const auto& item : p1)
        EXPECT_TRUE(at::equal(item.value(), p2[item.key()])) << item.key();
}

// A resumed run may lower the learning rate: the new rate drives the following steps and is
// what the next checkpoint records.
TEST(VideoVaeTrainer, ResumedRunTakesANewLearningRate) {
    const auto dir = test::scratch_dir("video_vae_resume_lr");
    const at::Tensor a = pattern_video(1, 5, 32, 0.2);
    VideoVaeTrainer first(tiny_options());
    first.step(a);
    first.save_checkpoint(dir / "ckpt.safetensors");

    auto resumed = VideoVaeTrainer::from_checkpoint(dir / "ckpt.safetensors");
    EXPECT_DOUBLE_EQ(resumed->options().lr, tiny_options().lr);
    std::map<std::string, at::Tensor> before;
    for (const auto& item : resumed->model().named_parameters(true))
        before[item.key()] = item.value().detach().clone();
    resumed->set_lr(0.0);
    resumed->step(a);
    EXPECT_EQ(resumed->steps(), 2);
    for (const auto& item : resumed->model().named_parameters(true))
        EXPECT_TRUE(at::equal(item.value(), before[item.key()])) << item.key();
    resumed->set_lr(1e-4);
    resumed->save_checkpoint(dir / "ckpt.safetensors");
    EXPECT_DOUBLE_EQ(VideoVaeTrainer::from_checkpoint(dir / "ckpt.safetensors")->options().lr,
                     1e-4);
}

// The object weighting marks what differs from each clip's background, per clip.
TEST(VideoVaeTrainer, ObjectWeightsMarkWhatDiffersFromTheBackground) {
    at::Tensor v = at::full({2, 3, 5, 16, 16}, -0.8, at::kFloat);
    v[1].fill_(0.3);  // another background
    v[0].select(1, 2).narrow(1, 4, 3).narrow(2, 5, 2).select(0, 1).fill_(0.9);  // green square
    v[1].narrow(1, 0, 2).narrow(2, 10, 4).narrow(3, 0, 4).fill_(-0.5);          // all channels
    const at::Tensor w = object_weights(v, 20.0);
    ASSERT_EQ(w.sizes(), (std::vector<int64_t>{2, 1, 5, 16, 16}));
    EXPECT_EQ(w[0].eq(21.0).sum().item<int64_t>(), 3 * 2);
    EXPECT_EQ(w[1].eq(21.0).sum().item<int64_t>(), 2 * 4 * 4);
    EXPECT_EQ(w.eq(1.0).sum().item<int64_t>(), w.numel() - 6 - 32);
    EXPECT_TRUE(at::equal(object_weights(v, 0.0), at::ones_like(w)));
    EXPECT_TRUE(at::equal(object_mask(v), w.gt(1.0)));
}

// The motion weighting marks what changes over a clip, not what stays: a still square is an
// object but does not move; a square that moves marks where it is and where it is not yet.
TEST(VideoVaeTrainer, MotionWeightsMarkWhatChangesOverTheClip) {
    at::Tensor v = at::full({1, 3, 5, 16, 16}, -0.8, at::kFloat);
    v.narrow(3, 1, 3).narrow(4, 1, 3).fill_(0.9);  // still square, all frames
    for (int64_t t = 0; t < 5; ++t)                // 2x2 square moving 2 px per frame
        v.select(2, t).narrow(2, 10, 2).narrow(3, 2 * t, 2).fill_(0.5);
    const at::Tensor moving = motion_mask(v);
    ASSERT_EQ(moving.sizes(), (std::vector<int64_t>{1, 1, 5, 16, 16}));
    EXPECT_EQ(moving.narrow(3, 1, 3).narrow(4, 1, 3).sum().item<int64_t>(), 0);
    // each pixel the moving square covers once differs from its median (the background) then
    EXPECT_EQ(moving.sum().item<int64_t>(), 5 * 4);
    EXPECT_TRUE(moving.select(2, 3)[0][0][10][6].item<bool>());
    const at::Tensor w = object_weights(v, 20.0, 5.0);
    EXPECT_FLOAT_EQ(w[0][0][3][10][6].item<float>(), 26.0f);  // object and moving
    EXPECT_FLOAT_EQ(w[0][0][3][2][2].item<float>(), 21.0f);   // object, still
    EXPECT_FLOAT_EQ(w[0][0][3][14][14].item<float>(), 1.0f);  // background
    EXPECT_TRUE(at::equal(object_weights(v, 20.0, 0.0), object_weights(v, 20.0)));
}

// A decoder-only run leaves the encoder, and so every latent, exactly as it was, while the
// decoder learns; the choice is part of the checkpoint.
TEST(VideoVaeTrainer, DecoderOnlyKeepsTheLatents) {
    const auto dir = test::scratch_dir("video_vae_decoder_only");
    const at::Tensor batch = pattern_video(2, 5, 32, 0.6);
    VideoVaeTrainer first(tiny_options());
    for (int i = 0; i < 3; ++i)
        first.step(batch);
    export_video_vae(first.model(), identity(48), dir);
    VideoVaeTrainOptions o = tiny_options();
    o.decoder_only = true;
    o.motion_weight = 10.0;
    VideoVaeTrainer trainer(o);
    trainer.load_weights(dir / "video_vae.safetensors");
    const at::Tensor latents = trainer.latent_means(batch);
    std::map<std::string, at::Tensor> before;
    for (const auto& item : trainer.model().named_parameters(true))
        before[item.key()] = item.value().detach().clone();
    const double l1_first = trainer.step(batch).reconstruction;
    double l1_last = l1_first;
    for (int i = 0; i < 15; ++i)
        l1_last = trainer.step(batch).reconstruction;
    EXPECT_LT(l1_last, l1_first);
    EXPECT_TRUE(at::equal(trainer.latent_means(batch), latents));
    int changed = 0;
    for (const auto& item : trainer.model().named_parameters(true)) {
        const bool same = at::equal(item.value(), before[item.key()]);
        if (item.key().rfind("encoder.", 0) == 0 || item.key().rfind("conv1.", 0) == 0)
            EXPECT_TRUE(same) << item.key();
        else if (!same)
            ++changed;
    }
    EXPECT_GT(changed, 10);
    trainer.save_checkpoint(dir / "ckpt.safetensors");
    const auto resumed = VideoVaeTrainer::from_checkpoint(dir / "ckpt.safetensors");
    EXPECT_TRUE(resumed->options().decoder_only);
    EXPECT_DOUBLE_EQ(resumed->options().motion_weight, 10.0);
}

// The latent statistics an export stores come back as they were written.
TEST(VideoVaeTrainer, ExportedLatentStatisticsReadBack) {
    const auto dir = test::scratch_dir("video_vae_scale_back");
    VideoVaeTrainer trainer(tiny_options());
    video_vae::LatentScale scale = identity(48);
    scale.mean[5] = 0.25f;
    scale.inv_std[7] = 3.5f;
    export_video_vae(trainer.model(), scale, dir);
    const video_vae::LatentScale back = exported_latent_scale(dir / "video_vae.safetensors");
    EXPECT_EQ(back.mean, scale.mean);
    EXPECT_EQ(back.inv_std, scale.inv_std);
    EXPECT_THROW(exported_latent_scale(dir / "missing.safetensors"), nava::Error);
}

// An object-weighted run trains, and its weight is part of the checkpoint.
TEST(VideoVaeTrainer, ObjectWeightedStepsLowerTheLoss) {
    const auto dir = test::scratch_dir("video_vae_object_weight");
    VideoVaeTrainOptions o = tiny_options();
    o.object_weight = 10.0;
    VideoVaeTrainer trainer(o);
    const at::Tensor batch = pattern_video(2, 5, 32, 0.4);
    const double first = trainer.step(batch).reconstruction;
    double last = first;
    for (int i = 0; i < 20; ++i)
        last = trainer.step(batch).reconstruction;
    EXPECT_LT(last, 0.8 * first) << first << " -> " << last;
    trainer.save_checkpoint(dir / "ckpt.safetensors");
    EXPECT_DOUBLE_EQ(
        VideoVaeTrainer::from_checkpoint(dir / "ckpt.safetensors")->options().object_weight, 10.0);
}

// A fresh trainer can start from exported weights (same reconstructions), not from others.
TEST(VideoVaeTrainer, StartsFromExportedWeightsOfTheSameWidths) {
    const auto dir = test::scratch_dir("video_vae_init");
    const at::Tensor batch = pattern_video(1, 5, 32, 0.7);
    VideoVaeTrainer trained(tiny_options());
    for (int i = 0; i < 3; ++i)
        trained.step(batch);
    export_video_vae(trained.model(), identity(48), dir);
    VideoVaeTrainer fresh(tiny_options());
    fresh.load_weights(dir / "video_vae.safetensors");
    EXPECT_EQ(fresh.steps(), 0);
    EXPECT_TRUE(at::allclose(fresh.reconstruct(batch), trained.reconstruct(batch)));
    VideoVaeTrainOptions wider = tiny_options();
    wider.dec_dim = 16;
    VideoVaeTrainer other(wider);
    EXPECT_THROW(other.load_weights(dir / "video_vae.safetensors"), nava::Error);
}

TEST(VideoVaeTrainer, ExportLoadsThroughTheEngineAndBeatsUntrained) {
    const auto dir = test::scratch_dir("video_vae_export");
    const at::Tensor batch = pattern_video(2, 5, 32, 0.5);
    VideoVaeTrainer untrained(tiny_options());
    VideoVaeTrainer trainer(tiny_options());
    for (int i = 0; i < 25; ++i)
        trainer.step(batch);
    const video_vae::LatentScale scale = latent_scale_of({trainer.latent_means(batch)});
    const nlohmann::json component = export_video_vae(trainer.model(), scale, dir);
    EXPECT_EQ(component.at("weights"), "video_vae.safetensors");
    EXPECT_EQ(component.at("config").at("scale_mean").size(), 48u);

    // The engine's loader (config from the file's metadata, strict keys).
    auto loaded = video_vae::load_video_vae(dir / "video_vae.safetensors");
    EXPECT_EQ(loaded->config().dim, 8);
    EXPECT_EQ(loaded->config().dec_dim, 12);
    const video_vae::VideoVaeConfig from_manifest =
        video_vae::VideoVaeConfig::from_json(component.at("config"), "component");
    EXPECT_EQ(from_manifest.z_dim, 48);
    const at::Tensor latent = loaded->encode(batch, scale);
    // Normalised latents of the data they were computed on: ~zero mean, unit std per channel.
    EXPECT_LT(latent.mean().abs().item<double>(), 0.05);
    EXPECT_NEAR(latent.std().item<double>(), 1.0, 0.1);
    const double psnr_trained = psnr_db(loaded->decode(latent, scale), batch);
    const double psnr_untrained = psnr_db(untrained.reconstruct(batch), batch);
    EXPECT_GT(psnr_trained, psnr_untrained + 2.0)
        << psnr_untrained << " dB -> " << psnr_trained << " dB";
}

}  // namespace
}  // namespace nava::autoencoders
