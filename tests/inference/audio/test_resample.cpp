// Resampling: pass-band fidelity, lengths, and the 48 kHz -> 16 kHz kernel geometry.
#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ATen.h>

#include "inference/audio/resample.h"

using namespace nava::audio;

namespace {

at::Tensor tone(double hz, int64_t rate, int64_t n) {
    return at::sin(at::arange(n, at::kDouble) * (2 * M_PI * hz / rate));
}

}  // namespace

TEST(Resample, KernelGeometryFor48kTo16k) {
    const auto k = resample_kernel(48000, 16000, at::kDouble);
    EXPECT_EQ(k.from, 3);
    EXPECT_EQ(k.to, 1);
    EXPECT_EQ(k.width, 19);  // ceil(6 * 3 / 0.99)
    EXPECT_EQ(k.kernel.sizes(), (at::IntArrayRef{1, 1, 41}));
    // Unit DC gain: the taps of one phase sum to ~1 after the rate change.
    EXPECT_NEAR(k.kernel.sum().item<double>(), 1.0, 5e-3);
}

TEST(Resample, OutputLengthIsCeilOfTheRatio) {
    for (int64_t n : {1, 2, 3, 100, 101, 4640}) {
        EXPECT_EQ(resample(at::zeros({2, n}, at::kDouble), 48000, 16000).size(-1), (n + 2) / 3);
        EXPECT_EQ(resample(at::zeros({n}, at::kDouble), 16000, 48000).size(-1), 3 * n);
        EXPECT_EQ(resample(at::zeros({n}, at::kDouble), 44100, 16000).size(-1),
                  (160 * n + 440) / 441);
    }
}

TEST(Resample, PassBandToneSurvivesBothDirections) {
    const int64_t n = 48000;
    const at::Tensor x = tone(1000.0, 48000, n);
    const at::Tensor down = resample(x, 48000, 16000);
    const at::Tensor expect = tone(1000.0, 16000, down.size(0));
    // Away from the edges the 1 kHz tone is reproduced closely.
    const auto mid = at::indexing::Slice(200, down.size(0) - 200);
    EXPECT_LT((down.index({mid}) - expect.index({mid})).abs().max().item<double>(), 2e-3);

    const at::Tensor up = resample(expect, 16000, 44100);
    const at::Tensor expect_up = tone(1000.0, 44100, up.size(0));
    const auto mid_up = at::indexing::Slice(600, up.size(0) - 600);
    EXPECT_LT((up.index({mid_up}) - expect_up.index({mid_up})).abs().max().item<double>(), 2e-3);
}

TEST(Resample, RemovesContentAboveTheNewNyquist) {
    const at::Tensor x = tone(12000.0, 48000, 24000);  // above 8 kHz
    const at::Tensor down = resample(x, 48000, 16000);
    const auto mid = at::indexing::Slice(100, down.size(0) - 100);
    EXPECT_LT(down.index({mid}).abs().max().item<double>(), 0.01);
}

TEST(Resample, KeepsBatchShapeAndDtype) {
    const at::Tensor x = at::randn({2, 3, 480}, at::kFloat);
    const at::Tensor y = resample(x, 48000, 16000);
    EXPECT_EQ(y.sizes(), (at::IntArrayRef{2, 3, 160}));
    EXPECT_EQ(y.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(resample(x, 16000, 16000), x));
    EXPECT_THROW(resample(x, 0, 16000), std::exception);
}
