// Video VAE against the reference fixture (encode latents, decoded video raw and clamped, tiled
// decode) in float32 and float64, plus input validation and encode/decode shape round trips.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/video_vae/tiled_decode.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/models/video_vae/video_vae_parity.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava::video_vae;

namespace {

nava::parity::Fixture fixture() {
    return nava::parity::Fixture::open(nava::test::fixtures_dir() / "video_vae");
}

double max_abs(const at::Tensor& a, const at::Tensor& b) {
    EXPECT_EQ(a.sizes(), b.sizes());
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// One model per dtype for the whole program (loading is cheap, but keep tests short).
std::shared_ptr<VideoVae> model(at::ScalarType dtype) {
    static std::map<at::ScalarType, std::shared_ptr<VideoVae>> cache;
    auto& m = cache[dtype];
    if (!m) {
        const auto fx = fixture();
        LoadVideoVaeOptions o;
        o.dtype = dtype;
        m = load_video_vae(fx.file("weights"), fixture_config(fx), o);
    }
    return m;
}

std::string thrown_message(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const nava::ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(VideoVaeModel, Float32MatchesTheFloat64ReferenceOnEveryOutput) {
    const auto fx = fixture();
    const auto outs = compute_video_vae_outputs(fx, at::kFloat);
    ASSERT_EQ(outs.size(), fx.outputs().size());
    for (const auto& spec : fx.outputs()) {
        const auto it = outs.find(spec.key);
        ASSERT_NE(it, outs.end()) << spec.key;
        EXPECT_EQ(it->second.scalar_type(), at::kFloat) << spec.key;
        const double err = max_abs(it->second, fx.tensor(spec.expect));
        EXPECT_LT(err, 1e-4) << spec.key;
        // and to the float32 reference at its own noise level
        EXPECT_LT(max_abs(it->second, fx.tensor(spec.key)), 2e-5) << spec.key;
    }
}

TEST(VideoVaeModel, Float64MatchesTheFloat64ReferenceTightly) {
    const auto fx = fixture();
    const auto outs = compute_video_vae_outputs(fx, at::kDouble);
    for (const auto& spec : fx.outputs()) {
        const at::Tensor& ours = outs.at(spec.key);
        // Only the reference's `Wan2_2_VAE.decode` output comes back as float32.
        EXPECT_EQ(ours.scalar_type(),
                  spec.key == "out.untiled_decoded_same_z" ? at::kFloat : at::kDouble)
            << spec.key;
        EXPECT_LT(max_abs(ours, fx.tensor(spec.expect)), 1e-9) << spec.key;
    }
}

TEST(VideoVaeModel, DecodedIsTheClampedRawDecodeAndClampingHappens) {
    const auto fx = fixture();
    auto vae = model(at::kFloat);
    const auto scale = fixture_scale(fx);
    const at::Tensor latent = fx.input("out.latent");
    DecodeOptions raw;
    raw.clamp = false;
    const at::Tensor r = vae->decode(latent, scale, raw);
    const at::Tensor c = vae->decode(latent, scale);
    EXPECT_GT(r.abs().max().item<double>(), 1.0);  // the fixture exercises the clamp
    EXPECT_LE(c.abs().max().item<double>(), 1.0);
    EXPECT_EQ(max_abs(c, r.clamp(-1, 1)), 0.0);
    // Decoding the reference latent reproduces the reference decode of that latent.
    EXPECT_LT(max_abs(r, fx.tensor("out64.decoded_raw")), 1e-4);
}

TEST(VideoVaeModel, BFloat16RunsAndStaysCloseToFloat32) {
    const auto fx = fixture();
    const auto scale = fixture_scale(fx);
    const at::Tensor latent = fx.input("out.latent");
    const at::Tensor ref = model(at::kFloat)->decode(latent, scale);
    const at::Tensor bf = model(at::kBFloat16)->decode(latent, scale);
    EXPECT_EQ(bf.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::isfinite(bf).all().item<bool>());
    // bf16 activations through ~60 layers of random weights: loose, but far below the signal.
    const double rms = (bf - ref).pow(2).mean().sqrt().item<double>();
    EXPECT_LT(rms, 0.05 * ref.pow(2).mean().sqrt().item<double>() + 0.02);
    const at::Tensor enc = model(at::kBFloat16)->encode(fx.input("input.video"), scale);
    EXPECT_EQ(enc.scalar_type(), at::kFloat);
    EXPECT_LT(max_abs(enc, fx.tensor("out64.latent")), 0.25);
}

TEST(VideoVaeModel, InvalidInputsGiveClearErrors) {
    auto vae = model(at::kFloat);
    const auto scale = wan22_latent_scale();
    const auto enc = [&](std::vector<int64_t> shape) {
        return thrown_message([&] { vae->encode(at::zeros(shape), scale); });
    };
    EXPECT_NE(enc({1, 3, 9, 32, 40}).find("multiples of 16, got 32x40"), std::string::npos);
    EXPECT_NE(enc({1, 3, 9, 8, 16}).find("multiples of 16"), std::string::npos);
    EXPECT_NE(enc({1, 3, 8, 32, 32}).find("1 + 4k"), std::string::npos);
    EXPECT_NE(enc({1, 4, 9, 32, 32}).find("[B, 3, T, H, W]"), std::string::npos);
    EXPECT_NE(enc({3, 9, 32, 32}).find("[B, 3, T, H, W]"), std::string::npos);
    const auto dec = [&](std::vector<int64_t> shape) {
        return thrown_message([&] { vae->decode(at::zeros(shape), scale); });
    };
    EXPECT_NE(dec({1, 16, 2, 2, 2}).find("[B, 48, T, h, w]"), std::string::npos);
    EXPECT_NE(dec({1, 48, 0, 2, 2}).find("empty"), std::string::npos);
    LatentScale short_scale{std::vector<float>(47, 0.f), std::vector<float>(47, 1.f)};
    EXPECT_NE(thrown_message([&] {
                  vae->decode(at::zeros({1, 48, 1, 1, 1}), short_scale);
              }).find("47 means"),
              std::string::npos);
}

TEST(VideoVaeModel, TruncationIgnoresTrailingFramesLikeTheReference) {
    const auto fx = fixture();
    auto vae = model(at::kFloat);
    const auto scale = fixture_scale(fx);
    const at::Tensor video = fx.input("input.video");  // 9 frames
    EncodeOptions truncate;
    truncate.remainder = FrameRemainder::kTruncate;
    // 9 frames + 3 extra -> the same 3 latent frames
    const at::Tensor longer = at::cat({video, video.narrow(2, 0, 3)}, 2);
    const at::Tensor a = vae->encode(longer, scale, truncate);
    EXPECT_EQ(max_abs(a, vae->encode(video, scale)), 0.0);
    EXPECT_THROW(vae->encode(longer, scale), nava::ConfigError);
}

TEST(VideoVaeModel, EncodeDecodeRoundTripsShapesForSeveralLengths) {
    auto vae = model(at::kFloat);
    const auto scale = wan22_latent_scale();
    for (int64_t t : {1, 5, 13}) {
        const at::Tensor video = at::rand({2, 3, t, 16, 48}) * 2 - 1;
        const at::Tensor z = vae->encode(video, scale);
        EXPECT_EQ(z.sizes(), (at::IntArrayRef{2, 48, 1 + (t - 1) / 4, 1, 3})) << t;
        const at::Tensor back = vae->decode(z, scale);
        EXPECT_EQ(back.sizes(), video.sizes()) << t;
        EXPECT_LE(back.abs().max().item<double>(), 1.0);
    }
}

TEST(VideoVaeModel, BatchElementsAreIndependent) {
    const auto fx = fixture();
    auto vae = model(at::kDouble);
    const auto scale = fixture_scale(fx);
    const at::Tensor video = fx.input("input.video").to(at::kDouble);
    const at::Tensor other = at::rand_like(video) * 2 - 1;
    const at::Tensor both = vae->encode(at::cat({other, video}, 0), scale);
    EXPECT_LT(max_abs(both.narrow(0, 1, 1), fx.tensor("out64.latent")), 1e-9);
    const at::Tensor dec = vae->decode(both, scale);
    EXPECT_LT(max_abs(dec.narrow(0, 1, 1), fx.tensor("out64.decoded")), 1e-9);
}

TEST(VideoVaeModel, LatentLayoutHelpersMatchTheAdapterLayout) {
    const auto fx = fixture();
    const at::Tensor latent = fx.input("out.latent");
    EXPECT_EQ(max_abs(latent_to_thwc(latent), fx.input("out.latent_thwc")), 0.0);
    EXPECT_EQ(max_abs(latent_from_thwc(latent_to_thwc(latent)), latent), 0.0);
}

TEST(VideoVaeModel, OtherConfigsFollowTheirOwnGeometry) {
    // Three stages, temporal downsampling only in the first: 8x spatial, 4 frames -> 2 latent
    // frames per chunk, decoder 1 latent frame -> 2 frames; z 16.
    VideoVaeConfig c;
    c.z_dim = 16;
    c.dim = 4;
    c.dec_dim = 6;
    c.dim_mult = {1, 2, 2};
    c.num_res_blocks = 1;
    c.temperal_downsample = {true, false};
    auto vae = std::make_shared<VideoVae>(c);
    {
        c10::InferenceMode guard;
        at::manual_seed(3);
        for (auto& p : vae->parameters())
            p.normal_(0.0, 0.2);
    }
    const LatentScale scale{std::vector<float>(16, 0.1f), std::vector<float>(16, 2.0f)};
    const at::Tensor video = at::rand({1, 3, 9, 16, 24}) * 2 - 1;
    const at::Tensor z = vae->encode(video, scale);
    EXPECT_EQ(z.sizes(), (at::IntArrayRef{1, 16, 5, 2, 3}));
    const at::Tensor back = vae->decode(z, scale);
    EXPECT_EQ(back.sizes(), (at::IntArrayRef{1, 3, 9, 16, 24}));
    EXPECT_TRUE(at::isfinite(back).all().item<bool>());
    EXPECT_THROW(vae->encode(at::zeros({1, 3, 9, 12, 24}), scale), nava::ConfigError);
    EXPECT_GT(estimate_decode_memory(c, 1, 5, 2, 3, at::kFloat).cache_bytes, 0);
}
