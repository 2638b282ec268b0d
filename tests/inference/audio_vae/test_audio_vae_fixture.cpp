// The audio path against the reference fixture (tiny LTX-2.3 audio VAE + vocoder with random
// weights): every intermediate, the front-end's filterbank and window, the computed resampling
// filters, and each stage fed with the reference's own input.
#include <gtest/gtest.h>

#include <iostream>
#include <map>

#include <ATen/ATen.h>

#include "inference/audio/resample.h"
#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/audio_vae_parity.h"
#include "inference/models/audio_vae/mel_frontend.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::audio_vae;

namespace {

const parity::Fixture& fixture() {
    static const parity::Fixture fx = parity::Fixture::open(test::fixtures_dir() / "audio_vae");
    return fx;
}

at::Tensor reference(const std::string& key) {
    return fixture().tensor(key).to(at::kDouble);
}

const parity::Outputs& chain(at::ScalarType dtype) {
    static std::map<at::ScalarType, parity::Outputs> cache;
    auto it = cache.find(dtype);
    if (it == cache.end()) it = cache.emplace(dtype, run_audio_vae_chain(fixture(), dtype)).first;
    return it->second;
}

double max_abs_diff(const at::Tensor& a, const at::Tensor& b) {
    EXPECT_EQ(a.sizes(), b.sizes());
    if (a.sizes() != b.sizes()) return 1e30;
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

std::shared_ptr<AudioCodec> codec(at::ScalarType dtype) {
    CodecOptions o;
    o.dtype = dtype;
    return load_audio_codec(fixture().file("weights"), checkpoint_config(fixture().file("weights")),
                            o);
}

}  // namespace

TEST(AudioVaeFixture, Float32EveryOutputWithinTheManifestTolerance) {
    const auto& out = chain(at::kFloat);
    ASSERT_EQ(fixture().outputs().size(), 13u);
    for (const auto& spec : fixture().outputs()) {
        SCOPED_TRACE(spec.key);
        ASSERT_TRUE(out.count(spec.key));
        const auto r = parity::compare_tensors(spec.key, out.at(spec.key), reference(spec.expect),
                                               spec.atol, spec.rtol);
        EXPECT_TRUE(r.pass) << r.note << " (max abs error " << r.max_abs_error << ")";
    }
}

TEST(AudioVaeFixture, Float32IsAtFloatNoiseBeforeTheVocoder) {
    // Far below the manifest's 1e-4: the VAE half has no ill-conditioned step.
    const auto& out = chain(at::kFloat);
    for (const char* key :
         {"mel", "enc_mu_raw", "enc_logvar", "latent_4d", "latent", "mel_decoded"}) {
        SCOPED_TRACE(key);
        EXPECT_LT(
            max_abs_diff(out.at(std::string("out.") + key), reference(std::string("out64.") + key)),
            2e-5);
    }
}

TEST(AudioVaeFixture, Float64ReproducesTheFloat64Reference) {
    const auto& out = chain(at::kDouble);
    for (const auto& [key, value] : out) {
        SCOPED_TRACE(key);
        const std::string ref_key = "out64." + key.substr(4);
        // log-mels amplify rounding of near-silent bins; waveforms are O(1).
        EXPECT_LT(max_abs_diff(value, reference(ref_key)), 1e-8);
    }
}

TEST(AudioVaeFixture, MelWindowAndFilterbankEqualTorchaudio) {
    MelConfig mel;  // the fixture keeps the real front-end settings
    const MelFrontEnd fe(mel);
    EXPECT_TRUE(at::equal(fe.window(), fixture().tensor("aux.mel_window")));
    const at::Tensor fb = fixture().tensor("aux.mel_fb");
    ASSERT_EQ(fe.filterbank().sizes(), fb.sizes());
    EXPECT_LE(max_abs_diff(fe.filterbank(), fb), 1e-9);  // bit-identical float32 taps
}

TEST(AudioVaeFixture, SkipResamplerFilterIsComputedLikeTheReference) {
    const vocoder::HannSincUpsampler up(3);
    const at::Tensor expect = fixture().tensor("aux.bwe_resampler_filter");
    ASSERT_EQ(up.filter().sizes(), expect.sizes());
    EXPECT_LE(max_abs_diff(up.filter(), expect), 1e-9);
}

TEST(AudioVaeFixture, Resample48kTo16kMatchesTorchaudio) {
    const auto k = audio::resample_kernel(48000, 16000, at::kFloat);
    const at::Tensor expect = fixture().tensor("aux.resample48to16_kernel_f32");
    ASSERT_EQ(k.kernel.sizes(), expect.sizes());
    EXPECT_LE(max_abs_diff(k.kernel, expect), 1e-9);
    // Applied to the reference's own 48 kHz signal, in both precisions.
    EXPECT_LT(max_abs_diff(audio::resample(reference("out64.wav48"), 48000, 16000),
                           reference("out64.wav16")),
              1e-12);
    const at::Tensor f32 = audio::resample(fixture().tensor("out.wav48"), 48000, 16000);
    EXPECT_LT(max_abs_diff(f32, fixture().tensor("out.wav16")), 1e-6);
}

TEST(AudioVaeFixture, EachStageFromTheReferenceInput) {
    at::NoGradGuard no_grad;
    const auto c = codec(at::kDouble);
    // Encoder from the reference mel.
    const auto enc = c->audio_vae->encoder->forward(reference("out64.mel"));
    EXPECT_LT(max_abs_diff(enc.latent, reference("out64.latent_4d")), 1e-10);
    // Decoder from the reference tokens.
    EXPECT_LT(
        max_abs_diff(c->decode_mel(reference("out64.latent")), reference("out64.mel_decoded")),
        1e-10);
    // Main generator from the reference decoded mel.
    vocoder::BweTrace trace;
    const at::Tensor wav48 = c->vocoder->forward(reference("out64.mel_decoded"), &trace);
    EXPECT_LT(max_abs_diff(trace.lowband, reference("out64.voc_wav16_lowband")), 1e-10);
    EXPECT_LT(max_abs_diff(trace.skip, reference("out64.bwe_skip")), 1e-10);
    EXPECT_LT(max_abs_diff(wav48, reference("out64.wav48")), 1e-9);
    // BWE generator from the reference causal log-mel.
    const at::Tensor residual =
        c->vocoder->bwe_generator->forward(reference("out64.bwe_mel").transpose(2, 3));
    EXPECT_LT(max_abs_diff(residual, reference("out64.bwe_residual")), 1e-10);
}

TEST(AudioVaeFixture, ParityCommandPassesAndWritesEveryOutput) {
    const auto dir = test::scratch_dir("audio_vae_parity");
    const auto result =
        parity::run_fixture(test::fixtures_dir() / "audio_vae", dir / "a.safetensors", std::cout);
    EXPECT_TRUE(result.all_pass);
    EXPECT_EQ(result.outputs.size(), 13u);
    const auto written = io::SafetensorsFile::open(dir / "a.safetensors");
    EXPECT_EQ(written->names().size(), 13u);
}
