// Vocoder building blocks: SnakeBeta, the anti-aliased activation, the Hann-sinc upsampler,
// the causal log-mel of the bandwidth extension and the generators' length rules.
#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/vocoder/anti_alias.h"
#include "inference/models/vocoder/bwe.h"
#include "inference/models/vocoder/depthwise_fir.h"
#include "inference/models/vocoder/generator.h"

using namespace nava;
using namespace nava::vocoder;

namespace {

at::Tensor tone(double hz, int64_t rate, int64_t n) {
    return at::sin(at::arange(n, at::kDouble).mul(2 * M_PI * hz / static_cast<double>(rate)));
}

at::Tensor half_band(int64_t taps) {
    const at::Tensor n = at::arange(taps, at::kDouble).sub((taps - 1) / 2.0);
    at::Tensor f = at::sinc(n.mul(0.5)).mul(at::hann_window(taps, false, at::kDouble));
    return f.div(f.sum()).view({1, 1, taps});
}

VocoderConfig config_from(const nlohmann::json& j) {
    return VocoderConfig::from_checkpoint_json(j, 64, "test");
}

}  // namespace

TEST(SnakeBeta, IsXPlusScaledSineSquared) {
    const auto opts = at::TensorOptions().dtype(at::kDouble);
    SnakeBeta act(3, opts);
    act.alpha.copy_(at::tensor({0.0, 0.5, -1.0}, opts));
    act.beta.copy_(at::tensor({0.0, -0.3, 0.7}, opts));
    const at::Tensor x = at::randn({2, 3, 9}, opts);
    const at::Tensor a = at::exp(act.alpha).view({1, 3, 1});
    const at::Tensor b = at::exp(act.beta).view({1, 3, 1});
    const at::Tensor expect = x + at::sin(x * a).pow(2) / (b + 1e-9);
    EXPECT_TRUE(at::allclose(act.forward(x), expect, 1e-12, 1e-12));
}

TEST(Activation1d, KeepsLengthAndPassesLowFrequencies) {
    const auto opts = at::TensorOptions().dtype(at::kDouble);
    Activation1d act(2, opts);
    act.upsample->filter.copy_(half_band(12));
    act.downsample->lowpass->filter.copy_(half_band(12));
    // SnakeBeta with a huge beta is the identity: the resampling pair alone must then keep a
    // slow tone (away from the edges).
    act.act->beta.fill_(40.0);
    for (int64_t n : {1, 2, 7, 64, 301}) {
        const at::Tensor x = at::randn({1, 2, n}, opts);
        EXPECT_EQ(act.forward(x).sizes(), x.sizes()) << n;
    }
    const at::Tensor x = tone(500.0, 16000, 400).view({1, 1, -1}).expand({1, 2, 400});
    const at::Tensor y = act.forward(x);
    EXPECT_LT((y - x).narrow(2, 20, 360).abs().max().item<double>(), 0.05);
}

TEST(DepthwiseFir, SliceFormEqualsTheGroupedConvolution) {
    at::Generator g = at::detail::createCPUGenerator(9);
    const auto opts = at::TensorOptions().dtype(at::kDouble);
    const std::vector<int64_t> zero = {0}, one = {1};
    struct Case {
        int64_t ratio, taps, left, length, out_len;
    };
    // Kaiser x2 (left 15 after 5 samples of padding), Hann-sinc x3, and crops that leave the
    // slice form's range (handled by the convolution fallback).
    for (const Case c : {Case{2, 12, 15, 40, 60}, Case{3, 43, 42, 50, 108}, Case{2, 12, 0, 40, 60},
                         Case{3, 7, 5, 9, 7}}) {
        const at::Tensor x = at::randn({2, 3, c.length}, g, opts);
        const at::Tensor f = at::randn({1, 1, c.taps}, g, opts);
        const at::Tensor w = f.expand({3, 1, c.taps}).contiguous();
        const std::vector<int64_t> stride = {c.ratio};
        const at::Tensor full = at::conv_transpose1d(x, w, {}, stride, zero, zero, 3, one);
        const at::Tensor expect = full.narrow(2, c.left, c.out_len);
        const at::Tensor ours = depthwise_transposed_fir(x, f, c.ratio, c.left, c.out_len);
        EXPECT_TRUE(at::allclose(ours, expect, 1e-12, 1e-12)) << c.ratio << " " << c.left;
        const at::Tensor strided = at::conv1d(x, w, {}, stride, zero, one, 3);
        EXPECT_TRUE(at::allclose(depthwise_strided_fir(x, f, c.ratio), strided, 1e-12, 1e-12));
    }
}

TEST(HannSincUpsampler, TapCountAndToneFidelity) {
    const HannSincUpsampler up(3);
    EXPECT_EQ(up.filter().sizes(), (at::IntArrayRef{1, 1, 43}));
    EXPECT_EQ(up.filter().scalar_type(), at::kFloat);
    const at::Tensor x = tone(1000.0, 16000, 800).view({1, 1, -1});
    const at::Tensor y = up.forward(x);
    ASSERT_EQ(y.sizes(), (at::IntArrayRef{1, 1, 2400}));
    EXPECT_EQ(y.scalar_type(), at::kDouble);
    const at::Tensor expect = tone(1000.0, 48000, 2400).view({1, 1, -1});
    EXPECT_LT((y - expect).narrow(2, 150, 2100).abs().max().item<double>(), 5e-3);
}

TEST(MelStft, CausalFramesEqualADirectDft) {
    const auto opts = at::TensorOptions().dtype(at::kDouble);
    const int64_t n_fft = 16, hop = 4, mels = 3;
    MelStft stft(n_fft, hop, mels, opts);
    const int64_t freqs = n_fft / 2 + 1;
    const at::Tensor k = at::arange(freqs, opts).unsqueeze(1);
    const at::Tensor n = at::arange(n_fft, opts).unsqueeze(0);
    const at::Tensor phase = k * n * (2 * M_PI / n_fft);
    stft.stft_fn->forward_basis.copy_(at::cat({phase.cos(), -phase.sin()}, 0).unsqueeze(1));
    stft.mel_basis.copy_(at::rand({mels, freqs}, opts));
    const at::Tensor y = at::randn({2, 40}, opts);
    const at::Tensor out = stft.log_mel(y);
    ASSERT_EQ(out.sizes(), (at::IntArrayRef{2, mels, 10}));
    // Frame j covers samples [4(j+1) - 16, 4(j+1)), zeros before the start.
    const at::Tensor padded = at::constant_pad_nd(y, {n_fft - hop, 0});
    for (int64_t j : {0, 3, 9}) {
        const at::Tensor frame = padded.narrow(1, j * hop, n_fft);  // [2, 16]
        const at::Tensor re = at::matmul(frame, phase.cos().t());   // [2, F]
        const at::Tensor im = at::matmul(frame, phase.sin().t());
        const at::Tensor mag = at::sqrt(re * re + im * im);
        const at::Tensor mel = at::log(at::clamp_min(at::matmul(mag, stft.mel_basis.t()), 1e-5));
        EXPECT_TRUE(at::allclose(out.select(2, j), mel, 1e-10, 1e-10)) << j;
    }
}

TEST(VocoderWithBwe, PadsToWholeHopsAndTruncatesToThreeTimesTheInput) {
    // Main hop 100 (not a multiple of the BWE hop 80): the low band is zero-padded for the
    // STFT and the result cut back to exactly 3 x its length.
    auto j = audio_vae::tiny_checkpoint_config();
    j["vocoder"]["vocoder"]["upsample_rates"] = {5, 4, 5};
    j["vocoder"]["vocoder"]["upsample_kernel_sizes"] = {11, 8, 11};
    const auto config = config_from(j);
    VocoderWithBwe voc(config, at::TensorOptions().dtype(at::kDouble));
    for (auto& p : voc.named_parameters(true))
        p.value().normal_(0.0, 0.05);
    for (auto& b : voc.named_buffers(true))
        b.value().normal_(0.0, 0.05);
    at::NoGradGuard no_grad;
    const at::Tensor mel = at::randn({2, 2, 3, 64}, at::kDouble);
    BweTrace trace;
    const at::Tensor out = voc.forward(mel, &trace);
    EXPECT_EQ(trace.lowband.sizes(), (at::IntArrayRef{2, 2, 300}));
    EXPECT_EQ(trace.mel.sizes(), (at::IntArrayRef{2, 2, 64, 4}));  // 320 / 80
    EXPECT_EQ(trace.residual.sizes(), (at::IntArrayRef{2, 2, 960}));
    EXPECT_EQ(out.sizes(), (at::IntArrayRef{2, 2, 900}));
    EXPECT_LE(out.abs().max().item<double>(), 1.0);
    EXPECT_TRUE(at::equal(out, at::clamp(trace.residual + trace.skip, -1, 1).narrow(2, 0, 900)));
}

TEST(Generator, FinalActivationFollowsTheConfig) {
    auto j = audio_vae::tiny_checkpoint_config();
    const auto base = config_from(j).vocoder;
    const auto opts = at::TensorOptions().dtype(at::kDouble);
    GeneratorConfig raw_config = base;
    raw_config.apply_final_activation = false;
    GeneratorConfig tanh_config = base;
    tanh_config.use_tanh_at_final = true;
    Generator raw(raw_config, opts), clamped(base, opts), tanh_gen(tanh_config, opts);
    at::Generator g = at::detail::createCPUGenerator(3);
    auto raw_params = raw.named_parameters(true);
    auto raw_buffers = raw.named_buffers(true);
    for (auto& p : raw_params)
        p.value().copy_(at::randn(p.value().sizes(), g, opts));  // large: outputs beyond ±1
    for (auto& b : raw_buffers)
        b.value().fill_(1.0 / 12);
    for (auto* other : {&clamped, &tanh_gen}) {
        for (auto& p : other->named_parameters(true))
            p.value().copy_(raw_params[p.key()]);
        for (auto& b : other->named_buffers(true))
            b.value().copy_(raw_buffers[b.key()]);
    }
    at::NoGradGuard no_grad;
    const at::Tensor mel = at::randn({1, 2, 2, 64}, g, opts);
    const at::Tensor x = raw.forward(mel);
    ASSERT_EQ(x.size(2), 2 * 160);
    ASSERT_GT(x.abs().max().item<double>(), 1.0);
    EXPECT_TRUE(at::equal(clamped.forward(mel), at::clamp(x, -1, 1)));
    EXPECT_TRUE(at::equal(tanh_gen.forward(mel), at::tanh(x)));
    EXPECT_FALSE(raw.conv_post->bias.defined());  // use_bias_at_final = false
    EXPECT_THROW(raw.forward(at::zeros({1, 2, 2, 32}, opts)), std::exception);
}
