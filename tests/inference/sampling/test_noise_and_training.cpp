// Seeded initial noise and the flow-matching training helper.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"
#include "inference/sampling/flow_matching.h"
#include "inference/sampling/noise.h"

using namespace nava::sampling;

TEST(Noise, SameSeedIsBitIdentical) {
    const VideoLatentShape v{3, 4, 5, 48};
    const AudioLatentShape a{17, 128};
    const Latents x = initial_noise(42, v, a);
    const Latents y = initial_noise(42, v, a);
    EXPECT_EQ(x.video.sizes(), (at::IntArrayRef{60, 48}));
    EXPECT_EQ(x.audio.sizes(), (at::IntArrayRef{17, 128}));
    EXPECT_EQ(x.video.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(x.video, y.video));
    EXPECT_TRUE(at::equal(x.audio, y.audio));
}

TEST(Noise, DifferentSeedsDiffer) {
    const Latents x = initial_noise(1, VideoLatentShape{2, 2, 2, 8}, AudioLatentShape{6, 4});
    const Latents y = initial_noise(2, VideoLatentShape{2, 2, 2, 8}, AudioLatentShape{6, 4});
    EXPECT_FALSE(at::equal(x.video, y.video));
    EXPECT_FALSE(at::equal(x.audio, y.audio));
}

TEST(Noise, DocumentedGeneratorAndOrder) {
    // Contract: CPU generator seeded with the seed, float32 randn, video [T*H*W, C] first, then
    // audio [L, C] from the same stream.
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1234);
    const at::Tensor v = at::randn({2 * 3 * 4, 16}, gen, at::kFloat);
    const at::Tensor a = at::randn({9, 32}, gen, at::kFloat);
    const Latents n = initial_noise(1234, VideoLatentShape{2, 3, 4, 16}, AudioLatentShape{9, 32});
    EXPECT_TRUE(at::equal(n.video, v));
    EXPECT_TRUE(at::equal(n.audio, a));
    // Text-to-audio: no video, the audio comes first in the stream.
    const Latents t2a = initial_noise(1234, std::nullopt, AudioLatentShape{9, 32});
    EXPECT_FALSE(t2a.video.defined());
    auto gen2 = at::make_generator<at::CPUGeneratorImpl>(1234);
    EXPECT_TRUE(at::equal(t2a.audio, at::randn({9, 32}, gen2, at::kFloat)));
    EXPECT_FALSE(at::equal(t2a.audio, n.audio));
}

TEST(Noise, StatisticsAndErrors) {
    const Latents n = initial_noise(7, VideoLatentShape{4, 16, 16, 48}, std::nullopt);
    EXPECT_NEAR(n.video.mean().item<double>(), 0.0, 0.02);
    EXPECT_NEAR(n.video.std().item<double>(), 1.0, 0.02);
    EXPECT_THROW(initial_noise(7, VideoLatentShape{0, 2, 2, 48}, std::nullopt), nava::ConfigError);
    EXPECT_THROW(initial_noise(7, std::nullopt, AudioLatentShape{-1, 128}), nava::ConfigError);
}

TEST(FlowMatchingTraining, WeightsHaveMeanOneAndPeakMidGrid) {
    const FlowMatching fm;
    const at::Tensor w = fm.weights();
    ASSERT_EQ(w.size(0), kTrainTimesteps);
    EXPECT_NEAR(w.to(at::kDouble).mean().item<double>(), 1.0, 1e-5);
    EXPECT_EQ(w.min().item<float>(), 0.0f);
    // The bump is centred at t = 500.
    const int64_t peak = w.argmax().item<int64_t>();
    EXPECT_NEAR(fm.timesteps()[peak].item<double>(), 500.0, 2.0);
    // Timesteps = 1000 sigma, sigmas descending from 1.
    EXPECT_FLOAT_EQ(fm.sigmas()[0].item<float>(), 1.0f);
    EXPECT_TRUE(at::allclose(fm.timesteps(), fm.sigmas() * 1000.0));

    const FlowMatching flat(FlowMatchingConfig{5.0, false});
    EXPECT_TRUE(at::equal(flat.weights(), at::ones({kTrainTimesteps})));
}

TEST(FlowMatchingTraining, PairsFollowTheRectifiedFlow) {
    const FlowMatching fm;
    at::manual_seed(11);
    const at::Tensor x0 = at::randn({3, 7, 5});
    const at::Tensor eps = at::randn({3, 7, 5});
    const at::Tensor idx = at::tensor(std::vector<int64_t>{0, 500, 999});
    const FlowTrainingPair p = fm.make_pair(x0, eps, idx);
    for (int b = 0; b < 3; ++b) {
        const double s = fm.sigmas()[idx[b].item<int64_t>()].item<double>();
        EXPECT_TRUE(at::allclose(p.x_t[b], (1 - s) * x0[b] + s * eps[b], 1e-6, 1e-6));
        EXPECT_DOUBLE_EQ(p.sigmas[b].item<double>(), s);
        // x0 = x_t - s v recovers the data.
        EXPECT_TRUE(at::allclose(p.x_t[b] - s * p.target[b], x0[b], 1e-5, 1e-5));
    }
    EXPECT_TRUE(at::equal(p.target, eps - x0));
    EXPECT_TRUE(at::equal(p.weights, fm.loss_weights(idx)));
    EXPECT_TRUE(at::equal(p.timesteps, fm.timesteps().index_select(0, idx)));
    // Index 0 is pure noise.
    EXPECT_TRUE(at::allclose(p.x_t[0], eps[0]));

    const at::Tensor x64 = x0.to(at::kDouble);
    EXPECT_EQ(fm.make_pair(x64, eps.to(at::kDouble), idx).x_t.scalar_type(), at::kDouble);
    EXPECT_EQ(fm.make_pair(x0.to(at::kBFloat16), eps.to(at::kBFloat16), idx).x_t.scalar_type(),
              at::kFloat);

    EXPECT_THROW(fm.make_pair(x0, eps, at::tensor(std::vector<int64_t>{0, 1})), nava::Error);
    EXPECT_THROW(fm.make_pair(x0, eps, at::tensor(std::vector<int64_t>{0, 1, 1000})), nava::Error);
    EXPECT_THROW(fm.make_pair(x0, eps.narrow(1, 0, 3), idx), nava::Error);
}

TEST(FlowMatchingTraining, UniformIndicesAndWeightedLoss) {
    const FlowMatching fm;
    auto g1 = at::make_generator<at::CPUGeneratorImpl>(3);
    auto g2 = at::make_generator<at::CPUGeneratorImpl>(3);
    const at::Tensor a = fm.sample_indices(20000, g1);
    EXPECT_TRUE(at::equal(a, fm.sample_indices(20000, g2)));
    EXPECT_EQ(a.scalar_type(), at::kLong);
    EXPECT_GE(a.min().item<int64_t>(), 0);
    EXPECT_LE(a.max().item<int64_t>(), kTrainTimesteps - 1);
    EXPECT_NEAR(a.to(at::kDouble).mean().item<double>(), 499.5, 8.0);
    // Expected weight under uniform sampling = grid mean = 1.
    EXPECT_NEAR(fm.loss_weights(a).to(at::kDouble).mean().item<double>(), 1.0, 0.03);
    EXPECT_THROW(fm.sample_indices(0, g1), nava::ConfigError);

    const at::Tensor pred = at::ones({2, 3, 4});
    const at::Tensor target = at::zeros({2, 3, 4});
    const at::Tensor w = at::tensor(std::vector<float>{0.5f, 2.0f});
    EXPECT_TRUE(at::allclose(FlowMatching::weighted_mse(pred, target, w), w));
}

TEST(FlowMatchingTraining, InferenceScheduleUsesTheShift) {
    const FlowMatching fm(FlowMatchingConfig{2.5, true});
    const Schedule s = fm.inference_schedule(SolverKind::unipc, 7);
    EXPECT_TRUE(at::equal(s.sigmas, unipc_schedule(7, 2.5).sigmas));
    EXPECT_EQ(s.shift, 2.5);
}
