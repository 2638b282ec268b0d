// Tiled decoding (geometry, blend weights, agreement with the reference) and the memory
// estimate that chooses between tiled and untiled decoding.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/video_vae/tiled_decode.h"
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

std::vector<std::array<int64_t, 4>> rects(int64_t h, int64_t w, TileOptions t) {
    std::vector<std::array<int64_t, 4>> out;
    for (const auto& r : plan_tiles(h, w, t))
        out.push_back({r.h0, r.h1, r.w0, r.w1});
    return out;
}

}  // namespace

TEST(VideoVaeTiling, TileGridSkipsStartsWhoseNeighbourReachesTheBorder) {
    // The fixture case: 5x6 latent, tiles 3x4, stride 2x2 -> rows [0,3) [2,5), cols [0,4) [2,6).
    EXPECT_EQ(rects(5, 6, {3, 4, 2, 2}),
              (std::vector<std::array<int64_t, 4>>{
                  {0, 3, 0, 4}, {0, 3, 2, 6}, {2, 5, 0, 4}, {2, 5, 2, 6}}));
    // 44x80 with the wrapped_decode defaults: a 3x3 grid.
    const auto grid = plan_tiles(44, 80, kWrappedDecodeTiles);
    ASSERT_EQ(grid.size(), 9u);
    EXPECT_EQ(grid[0].h1, 22);
    EXPECT_EQ(grid[8].h0, 28);
    EXPECT_EQ(grid[8].h1, 44);
    EXPECT_EQ(grid[8].w0, 52);
    EXPECT_EQ(grid[8].w1, 80);
    // The pipeline defaults cover 44x80 with one tile.
    EXPECT_EQ(plan_tiles(44, 80, kPipelineTiles).size(), 1u);
    // A last tile cut at the border: 5 rows, tile 3, stride 3 -> [0,3) [3,5).
    EXPECT_EQ(rects(5, 1, {3, 1, 3, 1}),
              (std::vector<std::array<int64_t, 4>>{{0, 3, 0, 1}, {3, 5, 0, 1}}));
    EXPECT_THROW(plan_tiles(5, 6, {3, 4, 4, 2}), nava::ConfigError);  // gaps
    EXPECT_THROW(plan_tiles(5, 6, {0, 4, 1, 2}), nava::ConfigError);
}

TEST(VideoVaeTiling, BlendRampsRiseOverTheOverlapAwayFromImageBorders) {
    const at::Tensor both = blend_ramp(6, false, false, 2);
    const std::vector<float> expect = {0.5f, 1.f, 1.f, 1.f, 1.f, 0.5f};
    for (int i = 0; i < 6; ++i)
        EXPECT_FLOAT_EQ(both[i].item<float>(), expect[i]);
    const at::Tensor left_border = blend_ramp(5, true, false, 4);
    const std::vector<float> e2 = {1.f, 1.f, 0.75f, 0.5f, 0.25f};
    for (int i = 0; i < 5; ++i)
        EXPECT_FLOAT_EQ(left_border[i].item<float>(), e2[i]);
    EXPECT_EQ(blend_ramp(4, true, true, 3).sum().item<float>(), 4.f);
    EXPECT_EQ(blend_ramp(4, false, false, 0).sum().item<float>(), 4.f);
}

TEST(VideoVaeTiling, TiledDecodeMatchesTheReference) {
    const auto fx = fixture();
    LoadVideoVaeOptions o;
    auto vae = load_video_vae(fx.file("weights"), fixture_config(fx), o);
    const auto scale = fixture_scale(fx);
    const at::Tensor z = fx.input("out.tiled_z");
    const at::Tensor tiled = tiled_decode(*vae, z, scale, fixture_tiles(fx));
    EXPECT_EQ(tiled.device().type(), c10::DeviceType::CPU);
    EXPECT_LT(max_abs(tiled, fx.tensor("out64.tiled_decoded")), 1e-4);
    // Independent tiles differ from the untiled decode (random weights), as in the reference.
    const at::Tensor untiled = vae->decode(z, scale);
    EXPECT_LT(max_abs(untiled, fx.tensor("out64.untiled_decoded_same_z")), 1e-4);
    EXPECT_GT(max_abs(tiled, untiled), 0.1);
    // One tile covering the latent is the untiled decode exactly.
    const at::Tensor single = tiled_decode(*vae, z, scale, TileOptions{5, 6, 3, 4});
    EXPECT_EQ(max_abs(single, untiled), 0.0);
    // Tiles report progress once each.
    int64_t calls = 0, last_total = 0;
    tiled_decode(*vae, z, scale, fixture_tiles(fx), [&](int64_t done, int64_t total) {
        ++calls;
        EXPECT_EQ(done, calls);
        last_total = total;
    });
    EXPECT_EQ(calls, 4);
    EXPECT_EQ(last_total, 4);
}

TEST(VideoVaeTiling, CacheBookkeepingMatchesTheSpecMeasurement) {
    // Spec A.6: 1.83 M cache elements at a 2x2 latent for the real config (fp32: 7.3 MB).
    const auto c = VideoVaeConfig::wan22();
    const auto e = estimate_decode_memory(c, 1, 3, 2, 2, at::kFloat, false);
    EXPECT_NEAR(static_cast<double>(e.cache_bytes) / 4.0, 1.83e6, 0.01e6);
    // ... scaling with the area: ~6.0 GiB of caches at 44x80.
    const auto big = estimate_decode_memory(c, 1, 37, 44, 80, at::kFloat, true);
    EXPECT_NEAR(static_cast<double>(big.cache_bytes) / (1 << 30), 6.0, 0.1);
    // Output: 145 x 3 x 704 x 1280 float32 = 1.46 GiB.
    EXPECT_NEAR(static_cast<double>(big.output_bytes) / (1 << 30), 1.46, 0.01);
    // Halving the dtype width halves caches and activations, not the float32 output.
    const auto bf = estimate_decode_memory(c, 1, 37, 44, 80, at::kBFloat16, true);
    EXPECT_EQ(bf.cache_bytes * 2, big.cache_bytes);
    EXPECT_EQ(bf.output_bytes, big.output_bytes);
    // Batch scales everything but the fixed allowance.
    const auto two = estimate_decode_memory(c, 2, 37, 44, 80, at::kFloat, true);
    EXPECT_EQ(two.cache_bytes, 2 * big.cache_bytes);
    EXPECT_EQ(two.output_bytes, 2 * big.output_bytes);
    EXPECT_GT(two.total_bytes, 2 * big.total_bytes - (int64_t(64) << 20));
    // The total is of the order the spec measured on the CPU (~21 GiB working set).
    EXPECT_GT(big.total_bytes, int64_t(15) << 30);
    EXPECT_LT(big.total_bytes, int64_t(40) << 30);
}

TEST(VideoVaeTiling, PlanTilesOnlyWhenTheDecodeWouldNotFit) {
    const auto c = VideoVaeConfig::wan22();
    const int64_t full = estimate_decode_memory(c, 1, 37, 44, 80, at::kFloat).total_bytes;
    const auto roomy = plan_decode(c, 1, 37, 44, 80, at::kFloat, full + 1);
    EXPECT_FALSE(roomy.tiled);
    EXPECT_EQ(roomy.estimated_bytes, full);
    const int64_t budget = int64_t(12) << 30;
    const auto tight = plan_decode(c, 1, 37, 44, 80, at::kFloat, budget, c10::DeviceType::CUDA);
    EXPECT_TRUE(tight.tiled);
    EXPECT_LE(tight.estimated_bytes, budget);
    EXPECT_LE(tight.tiles.size_h, 44);
    EXPECT_LE(tight.tiles.stride_h, tight.tiles.size_h);
    EXPECT_GT(tight.tiles.stride_h, 0);
    // A smaller budget never gives larger tiles.
    const auto tighter =
        plan_decode(c, 1, 37, 44, 80, at::kFloat, budget / 2, c10::DeviceType::CUDA);
    EXPECT_LE(tighter.tiles.size_h * tighter.tiles.size_w, tight.tiles.size_h * tight.tiles.size_w);
    EXPECT_THROW(plan_decode(c, 1, 37, 44, 80, at::kFloat, 1 << 20), nava::Error);
}

TEST(VideoVaeTiling, DecodeWithinBudgetPicksThePlanAndDecodes) {
    const auto fx = fixture();
    auto vae = load_video_vae(fx.file("weights"), fixture_config(fx));
    const auto scale = fixture_scale(fx);
    const at::Tensor z = fx.input("out.tiled_z");
    DecodePlan plan;
    const at::Tensor a = decode_within_budget(*vae, z, scale, int64_t(1) << 40, &plan);
    EXPECT_FALSE(plan.tiled);
    EXPECT_LT(max_abs(a, fx.tensor("out64.untiled_decoded_same_z")), 1e-4);
    const int64_t full = estimate_decode_memory(vae->config(), 1, 2, 5, 6, at::kFloat).total_bytes;
    const at::Tensor b = decode_within_budget(*vae, z, scale, full - 1, &plan);
    EXPECT_TRUE(plan.tiled);
    EXPECT_LT(plan.estimated_bytes, full);
    EXPECT_LT(plan.tiles.size_h * plan.tiles.size_w, 5 * 6);
    EXPECT_EQ(b.sizes(), a.sizes());
    EXPECT_LE(b.abs().max().item<double>(), 1.0);
}
