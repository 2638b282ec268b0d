// Video VAE building blocks: pixel (un)shuffle order, the parameter-free shortcuts, the causal
// conv cache rule and the first-chunk rules of the temporal resamplers.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include "inference/models/video_vae/vae_blocks.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava::video_vae;
using at::indexing::Slice;

namespace {

double max_abs(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

void randomise(Module& m, uint64_t seed) {
    c10::InferenceMode guard;
    at::manual_seed(seed);
    for (auto& p : m.parameters())
        p.copy_(at::randn(p.sizes(), p.options()) * 0.3);
}

}  // namespace

TEST(VideoVaeBlocks, PatchifyMatchesTheFixtureAndItsChannelOrder) {
    const auto fx = nava::parity::Fixture::open(nava::test::fixtures_dir() / "video_vae");
    const at::Tensor video = fx.input("input.video");
    const at::Tensor expect = fx.input("out.patchified_input");
    EXPECT_EQ(max_abs(patchify(video, 2), expect), 0.0);
    // channel c*4 + dx*2 + dy holds pixel (2h + dy, 2w + dx) of colour c
    const at::Tensor p = patchify(video, 2);
    for (int64_t c = 0; c < 3; ++c)
        for (int64_t dx = 0; dx < 2; ++dx)
            for (int64_t dy = 0; dy < 2; ++dy) {
                const at::Tensor src =
                    video.index({Slice(), c, Slice(), Slice(dy, at::indexing::None, 2),
                                 Slice(dx, at::indexing::None, 2)});
                EXPECT_EQ(max_abs(p.select(1, c * 4 + dx * 2 + dy), src), 0.0);
            }
    EXPECT_EQ(max_abs(unpatchify(p, 2), video), 0.0);
}

TEST(VideoVaeBlocks, UnpatchifyIntoASliceWritesOnlyThatSlice) {
    const at::Tensor x = at::randn({1, 12, 2, 3, 5});
    at::Tensor out = at::zeros({1, 3, 4, 6, 10});
    at::Tensor slot = out.narrow(2, 1, 2);
    unpatchify_into(x, 2, slot);
    EXPECT_EQ(max_abs(out.narrow(2, 1, 2), unpatchify(x, 2)), 0.0);
    EXPECT_EQ(out.select(2, 0).abs().max().item<double>(), 0.0);
    EXPECT_EQ(out.select(2, 3).abs().max().item<double>(), 0.0);
}

TEST(VideoVaeBlocks, AvgDownAveragesNeighbourhoodsInChannelOrder) {
    // 1 channel -> 2 channels with ft 2, fs 2: 8 values per output pixel, groups of 4.
    const at::Tensor x = at::arange(2 * 2 * 2, at::kDouble).view({1, 1, 2, 2, 2});
    const at::Tensor y = avg_down_3d(x, 2, 2, 2);
    ASSERT_EQ(y.sizes(), (at::IntArrayRef{1, 2, 1, 1, 1}));
    // order c, t-offset, h-offset, w-offset: group 0 = t 0 (values 0..3), group 1 = t 1 (4..7)
    EXPECT_DOUBLE_EQ(y[0][0].item<double>(), 1.5);
    EXPECT_DOUBLE_EQ(y[0][1].item<double>(), 5.5);
    // A single frame with ft 2 is padded with one zero frame in front.
    const at::Tensor one = at::ones({1, 1, 1, 2, 2}, at::kDouble);
    const at::Tensor z = avg_down_3d(one, 2, 2, 2);
    EXPECT_DOUBLE_EQ(z[0][0].item<double>(), 0.0);
    EXPECT_DOUBLE_EQ(z[0][1].item<double>(), 1.0);
    // ft 1, fs 1, same width: identity
    EXPECT_TRUE(avg_down_3d(x, 1, 1, 1).is_same(x));
}

TEST(VideoVaeBlocks, DupUpScattersRepeatedChannelsAndDropsOnTheFirstChunk) {
    // 2 channels -> 1 channel, ft 2, fs 2: repeats = 1*8/2 = 4: channel 0 fills (t0, all h, w),
    // channel 1 fills (t1, ...).
    const at::Tensor x = at::tensor({3.0, 7.0}, at::kDouble).view({1, 2, 1, 1, 1});
    const at::Tensor y = dup_up_3d(x, 1, 2, 2, /*first_chunk=*/false);
    ASSERT_EQ(y.sizes(), (at::IntArrayRef{1, 1, 2, 2, 2}));
    EXPECT_EQ(max_abs(y.select(2, 0), at::full({1, 1, 2, 2}, 3.0, at::kDouble)), 0.0);
    EXPECT_EQ(max_abs(y.select(2, 1), at::full({1, 1, 2, 2}, 7.0, at::kDouble)), 0.0);
    const at::Tensor first = dup_up_3d(x, 1, 2, 2, /*first_chunk=*/true);
    ASSERT_EQ(first.size(2), 1);
    EXPECT_EQ(max_abs(first, y.narrow(2, 1, 1)), 0.0);
}

TEST(VideoVaeBlocks, ChunkedCausalConvEqualsTheWholeSequence) {
    // Rule 1 makes chunk-by-chunk execution identical to one causal conv over all frames,
    // for the reference's chunk pattern 1, 4, 4 and for 1, 1, 1 (decoder).
    c10::InferenceMode guard;
    CausalConv3d conv(3, 5, {3, 3, 3}, {1, 1, 1}, {1, 1, 1});
    randomise(conv, 7);
    conv.to(at::kDouble);
    const at::Tensor x = at::randn({2, 3, 9, 4, 5}, at::kDouble);
    const at::Tensor whole = conv.forward(x);
    ASSERT_EQ(whole.sizes(), (at::IntArrayRef{2, 5, 9, 4, 5}));
    for (const std::vector<int64_t>& pattern :
         {std::vector<int64_t>{1, 4, 4}, std::vector<int64_t>{1, 1, 1, 1, 1, 1, 1, 1, 1}}) {
        conv.clear_chunk_state();
        std::vector<at::Tensor> outs;
        int64_t start = 0;
        for (int64_t n : pattern) {
            outs.push_back(conv.forward_chunk(x.narrow(2, start, n)));
            start += n;
        }
        EXPECT_LT(max_abs(at::cat(outs, 2), whole), 1e-12);
        EXPECT_EQ(conv.cache().size(2), 2);
    }
    // The very first chunk sees two zero frames in front: equal to an explicit zero pad.
    conv.clear_chunk_state();
    const at::Tensor first = conv.forward_chunk(x.narrow(2, 0, 1));
    const at::Tensor padded =
        at::cat({at::zeros({2, 3, 2, 4, 5}, at::kDouble), x.narrow(2, 0, 1)}, 2);
    EXPECT_LT(max_abs(first, at::conv3d(padded, conv.weight, conv.bias, 1, {0, 1, 1})), 1e-12);
}

TEST(VideoVaeBlocks, TemporalUpsampleSkipsTheFirstChunkAndZeroPadsTheSecond) {
    c10::InferenceMode guard;
    Resample up(2, ResampleMode::kUpsample3d);
    randomise(up, 11);
    up.to(at::kDouble);
    const at::Tensor f0 = at::randn({1, 2, 1, 3, 3}, at::kDouble);
    const at::Tensor f1 = at::randn({1, 2, 1, 3, 3}, at::kDouble);
    const at::Tensor f2 = at::randn({1, 2, 1, 3, 3}, at::kDouble);
    // first chunk: no temporal conv, 1 frame stays 1, only the spatial x2
    EXPECT_EQ(up.forward_chunk(f0).sizes(), (at::IntArrayRef{1, 2, 1, 6, 6}));
    // second chunk: 1 frame -> 2 frames; the first chunk's features are not used: the result
    // does not depend on f0 at all.
    const at::Tensor y1 = up.forward_chunk(f1);
    EXPECT_EQ(y1.sizes(), (at::IntArrayRef{1, 2, 2, 6, 6}));
    const at::Tensor y2 = up.forward_chunk(f2);
    up.clear_chunk_state();
    up.forward_chunk(f0 * 5.0 + 1.0);
    EXPECT_LT(max_abs(up.forward_chunk(f1), y1), 1e-12);
    // third chunk sees [zeros, f1] as history (cache stored after the "replicate" chunk)
    EXPECT_LT(max_abs(up.forward_chunk(f2), y2), 1e-12);
    const at::Tensor hist = at::cat({at::zeros_like(f1), f1}, 2);
    const at::Tensor t = up.time_conv->forward(f2, hist);  // [1, 4, 1, 3, 3]
    // half 0 -> frame 0, half 1 -> frame 1, then nearest x2 (through float32, as the reference)
    // and the 3x3 conv per frame
    const at::Tensor frames =
        at::stack({t.narrow(1, 0, 2), t.narrow(1, 2, 2)}, 3).view({1, 2, 2, 3, 3});
    const at::Tensor spatial = at::conv3d(
        at::upsample_nearest3d(frames.to(at::kFloat).to(at::kDouble), std::vector<int64_t>{2, 6, 6},
                               c10::nullopt, c10::nullopt, c10::nullopt),
        up.conv->weight.unsqueeze(2), up.conv->bias, 1, {0, 1, 1});
    EXPECT_LT(max_abs(y2, spatial), 1e-12);
}

TEST(VideoVaeBlocks, TemporalDownsampleUsesThePreviousLastFrame) {
    c10::InferenceMode guard;
    Resample down(2, ResampleMode::kDownsample3d);
    randomise(down, 5);
    down.to(at::kDouble);
    const at::Tensor a = at::randn({1, 2, 1, 4, 4}, at::kDouble);
    const at::Tensor b = at::randn({1, 2, 4, 4, 4}, at::kDouble);
    // first chunk: spatial /2 only, 1 frame
    const at::Tensor ya = down.forward_chunk(a);
    EXPECT_EQ(ya.sizes(), (at::IntArrayRef{1, 2, 1, 2, 2}));
    // second chunk: 4 frames + 1 remembered -> stride-2 conv without padding -> 2 frames
    const at::Tensor yb = down.forward_chunk(b);
    EXPECT_EQ(yb.sizes(), (at::IntArrayRef{1, 2, 2, 2, 2}));
    const auto spatial = [&](const at::Tensor& x) {
        return at::conv3d(at::constant_pad_nd(x, {0, 1, 0, 1}), down.conv->weight.unsqueeze(2),
                          down.conv->bias, {1, 2, 2});
    };
    const at::Tensor seq = at::cat({spatial(a), spatial(b)}, 2);  // 5 frames
    const at::Tensor expect =
        at::conv3d(seq, down.time_conv->weight, down.time_conv->bias, {2, 1, 1});
    EXPECT_LT(max_abs(yb, expect), 1e-12);
}
