#include "inference/models/video_vae/vae_blocks.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"

namespace nava::video_vae {
namespace {

// [B, C, T, H, W] -> [B*T, C, H, W] (time folded into batch, b-major like `(b t)`).
at::Tensor fold_time(const at::Tensor& x) {
    return x.permute({0, 2, 1, 3, 4})
        .reshape({x.size(0) * x.size(2), x.size(1), x.size(3), x.size(4)});
}

// [B*T, C, H, W] -> [B, C, T, H, W] as a permuted view.
at::Tensor unfold_time(const at::Tensor& x, int64_t batch) {
    return x.view({batch, x.size(0) / batch, x.size(1), x.size(2), x.size(3)})
        .permute({0, 2, 1, 3, 4});
}

}  // namespace

// ---- ResidualBlock ---------------------------------------------------------------------------

ResidualBlock::ResidualBlock(int64_t in, int64_t out) : in_channels(in), out_channels(out) {
    auto residual = register_module("residual", std::make_shared<nn::IndexedModules>());
    norm1 = residual->add(0, std::make_shared<RmsNorm>(in, /*images=*/false));
    conv1 = residual->add(2, std::make_shared<CausalConv3d>(in, out, std::vector<int64_t>{3, 3, 3},
                                                            std::vector<int64_t>{1, 1, 1},
                                                            std::vector<int64_t>{1, 1, 1}));
    norm2 = residual->add(3, std::make_shared<RmsNorm>(out, /*images=*/false));
    conv2 = residual->add(6, std::make_shared<CausalConv3d>(out, out, std::vector<int64_t>{3, 3, 3},
                                                            std::vector<int64_t>{1, 1, 1},
                                                            std::vector<int64_t>{1, 1, 1}));
    if (in != out)
        shortcut = register_module(
            "shortcut", std::make_shared<CausalConv3d>(in, out, std::vector<int64_t>{1, 1, 1}));
}

at::Tensor ResidualBlock::forward_chunk(const at::Tensor& x) {
    // 1. norm -> SiLU -> causal conv (cached)                            // [B, C_out, T, H, W]
    //    (norm and SiLU write straight into the conv's padded input buffer)
    at::Tensor h = conv1->forward_chunk_fill(
        x.sizes(), x.options(), [&](at::Tensor& dst) { norm_silu_into(*norm1, x, dst); });
    // 2. norm -> SiLU -> (dropout 0) -> causal conv (cached)
    h = conv2->forward_chunk_fill(h.sizes(), h.options(),
                                  [&](at::Tensor& dst) { norm_silu_into(*norm2, h, dst); });
    // 3. + shortcut of the block input
    if (shortcut)
        h.add_(shortcut->forward(x));
    else
        h.add_(x);
    return h;
}

// ---- AttentionBlock --------------------------------------------------------------------------

AttentionBlock::AttentionBlock(int64_t c) : channels(c) {
    norm = register_module("norm", std::make_shared<RmsNorm>(c, /*images=*/true));
    to_qkv = register_module("to_qkv", std::make_shared<Conv2d>(c, 3 * c, 1));
    proj = register_module("proj", std::make_shared<Conv2d>(c, c, 1));
}

at::Tensor AttentionBlock::forward(const at::Tensor& x) const {
    const int64_t b = x.size(0), c = x.size(1), h = x.size(3), w = x.size(4);
    // 1. per frame: norm and q, k, v projections                         // [B*T, 3C, H, W]
    const at::Tensor xf = fold_time(x);
    const int64_t bt = xf.size(0);
    const at::Tensor qkv = to_qkv->forward(norm->forward(xf))
                               .reshape({bt, 1, 3 * c, h * w})
                               .permute({0, 1, 3, 2})
                               .contiguous();  // [B*T, 1, HW, 3C]
    const auto parts = qkv.chunk(3, -1);
    // 2. single-head attention over the H*W positions                      // [B*T, 1, HW, C]
    const at::Tensor a = x.scalar_type() == at::kBFloat16 || x.scalar_type() == at::kHalf
                             ? attention_reference(parts[0], parts[1], parts[2])
                             : attention(parts[0], parts[1], parts[2]);
    // 3. output projection, back to [B, C, T, H, W], residual add
    const at::Tensor y = proj->forward(a.squeeze(1).permute({0, 2, 1}).reshape({bt, c, h, w}));
    return unfold_time(y, b).contiguous().add_(x);
}

// ---- Resample --------------------------------------------------------------------------------

Resample::Resample(int64_t c, ResampleMode m) : channels(c), mode(m) {
    auto seq = register_module("resample", std::make_shared<nn::IndexedModules>());
    const bool up = mode == ResampleMode::kUpsample2d || mode == ResampleMode::kUpsample3d;
    // Up: nearest x2 then conv3 pad 1. Down: zero-pad right/bottom by 1 then conv3 stride 2.
    conv = seq->add(
        1, up ? std::make_shared<Conv2d>(c, c, 3, 1, 1) : std::make_shared<Conv2d>(c, c, 3, 2, 0));
    if (mode == ResampleMode::kUpsample3d)
        time_conv = register_module(
            "time_conv", std::make_shared<CausalConv3d>(c, 2 * c, std::vector<int64_t>{3, 1, 1},
                                                        std::vector<int64_t>{1, 1, 1},
                                                        std::vector<int64_t>{1, 0, 0}));
    if (mode == ResampleMode::kDownsample3d)
        time_conv = register_module(
            "time_conv", std::make_shared<CausalConv3d>(c, c, std::vector<int64_t>{3, 1, 1},
                                                        std::vector<int64_t>{2, 1, 1}));
}

void Resample::clear_chunk_state() {
    state_ = CacheState::kEmpty;
    cache_ = at::Tensor();
}

at::Tensor Resample::time_upsample(const at::Tensor& x) {
    // Rule 3: the first chunk skips the temporal conv (1 frame stays 1 frame).
    if (state_ == CacheState::kEmpty) {
        state_ = CacheState::kReplicate;
        return x;
    }
    // The next cache: last 2 input frames; a 1-frame chunk is front-filled with the older
    // cache's last frame, or with zeros right after the first chunk.
    at::Tensor next;
    if (state_ == CacheState::kFrames) {
        next = next_frame_cache(x, cache_);
    } else {
        next = next_frame_cache(x, at::Tensor());
        if (next.size(2) < 2) next = at::cat({at::zeros_like(next), next}, 2);
    }
    // The chunk after the first is convolved with plain zero padding: the first chunk's
    // features never reach this conv.
    const at::Tensor y = state_ == CacheState::kFrames ? time_conv->forward(x, cache_)
                                                       : time_conv->forward(x);  // [B, 2C, T, H, W]
    cache_ = std::move(next);
    state_ = CacheState::kFrames;
    // Channel halves become consecutive frames: half 0 -> frame 2i, half 1 -> frame 2i+1.
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3), w = x.size(4);
    return y.view({b, 2, c, t, h, w}).permute({0, 2, 3, 1, 4, 5}).reshape({b, c, 2 * t, h, w});
}

at::Tensor Resample::time_downsample(const at::Tensor& x) {
    // Rule 2: the first chunk is stored and passed through without the temporal conv.
    const int64_t t = x.size(2);
    at::Tensor last = x.narrow(2, t - 1, 1).clone();
    if (!cache_.defined()) {
        cache_ = std::move(last);
        return x;
    }
    // Later chunks: [previous last frame, chunk] through the stride-2 conv without padding.
    const at::Tensor y = time_conv->forward(at::cat({cache_.to(x.options()), x}, 2));
    cache_ = std::move(last);
    return y;
}

at::Tensor Resample::forward_chunk(const at::Tensor& input) {
    at::Tensor x = input;
    // 1. upsample3d: temporal conv first                                   // [B, C, 2T, H, W]
    if (mode == ResampleMode::kUpsample3d) x = time_upsample(x);
    // 2. spatial op per frame. A (1,3,3) conv3d on the 5-D tensor computes the same sums as
    //    the reference's Conv2d on time folded into batch, without the two layout copies.
    const at::Tensor w3 = conv->weight.unsqueeze(2);  // [C, C, 1, 3, 3]
    if (mode == ResampleMode::kUpsample2d || mode == ResampleMode::kUpsample3d) {
        // nearest x2 (identical to nearest-exact for an integer factor)      // [B, C, T, 2H, 2W]
        const std::vector<int64_t> size = {x.size(2), 2 * x.size(3), 2 * x.size(4)};
        // The reference upsamples `x.float()` and casts back: a float64 run is rounded to
        // float32 here (a no-op for float32 and bfloat16).
        const at::Tensor src = x.scalar_type() == at::kDouble ? x.to(at::kFloat) : x;
        const at::Tensor up =
            at::upsample_nearest3d(src, size, c10::nullopt, c10::nullopt, c10::nullopt)
                .to(x.scalar_type());
        return convolution(up, w3, conv->bias, {1, 1, 1}, {0, 1, 1}, &packed_spatial_);
    }
    // zero-pad right and bottom by one, conv3 stride 2                     // [B, C, T, H/2, W/2]
    x = convolution(at::constant_pad_nd(x, {0, 1, 0, 1}), w3, conv->bias, {1, 2, 2}, {0, 0, 0},
                    &packed_spatial_);
    // 3. downsample3d: temporal conv last
    if (mode == ResampleMode::kDownsample3d) x = time_downsample(x);
    return x;
}

// ---- shortcuts and pixel shuffle ---------------------------------------------------------------

at::Tensor avg_down_3d(const at::Tensor& input, int64_t out_channels, int64_t ft, int64_t fs) {
    const int64_t c = input.size(1);
    if (ft == 1 && fs == 1 && c == out_channels) return input;
    // 1. front-pad time to a multiple of ft (a 1-frame chunk with ft 2 gets one zero frame)
    const int64_t pad_t = (ft - input.size(2) % ft) % ft;
    const at::Tensor x = pad_t > 0 ? at::constant_pad_nd(input, {0, 0, 0, 0, pad_t, 0}) : input;
    const int64_t b = x.size(0), t = x.size(2) / ft, h = x.size(3) / fs, w = x.size(4) / fs;
    const int64_t factor = ft * fs * fs;
    if ((c * factor) % out_channels != 0)
        throw Error("AvgDown3D: " + std::to_string(c * factor) + " channels do not group into " +
                    std::to_string(out_channels));
    // 2. neighbourhood into channels: [B, C, ft, fs, fs, T', H', W']
    const at::Tensor folded = x.view({b, c, t, ft, h, fs, w, fs})
                                  .permute({0, 1, 3, 5, 7, 2, 4, 6})
                                  .reshape({b, out_channels, c * factor / out_channels, t, h, w});
    // 3. average consecutive channel groups                                // [B, out, T', H', W']
    return folded.mean(2);
}

at::Tensor dup_up_3d(const at::Tensor& x, int64_t out_channels, int64_t ft, int64_t fs,
                     bool first_chunk) {
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3), w = x.size(4);
    const int64_t factor = ft * fs * fs;
    if ((out_channels * factor) % c != 0)
        throw Error("DupUp3D: " + std::to_string(c) + " channels do not spread over " +
                    std::to_string(out_channels * factor));
    const int64_t repeats = out_channels * factor / c;
    // 1. each channel `repeats` times in a row, read as (out, ft, fs, fs)
    const at::Tensor rep = x.unsqueeze(2)
                               .expand({b, c, repeats, t, h, w})
                               .reshape({b, out_channels, ft, fs, fs, t, h, w});
    // 2. scatter into time and space (a strided view; callers add it without a copy)
    at::Tensor y =
        rep.permute({0, 1, 5, 2, 6, 3, 7, 4}).reshape({b, out_channels, t * ft, h * fs, w * fs});
    // 3. the first chunk drops its first ft - 1 frames
    if (first_chunk && ft > 1) y = y.narrow(2, ft - 1, y.size(2) - (ft - 1));
    return y;
}

at::Tensor patchify(const at::Tensor& x, int64_t p) {
    if (p == 1) return x;
    const int64_t b = x.size(0), c = x.size(1), t = x.size(2), h = x.size(3) / p, w = x.size(4) / p;
    // "b c f (h q) (w r) -> b (c r q) f h w"
    return x.reshape({b, c, t, h, p, w, p})
        .permute({0, 1, 6, 4, 2, 3, 5})
        .reshape({b, c * p * p, t, h, w});
}

at::Tensor unpatchify(const at::Tensor& x, int64_t p) {
    if (p == 1) return x;
    const int64_t b = x.size(0), c = x.size(1) / (p * p), t = x.size(2), h = x.size(3),
                  w = x.size(4);
    at::Tensor out = at::empty({b, c, t, h * p, w * p}, x.options());
    unpatchify_into(x, p, out);
    return out;
}

void unpatchify_into(const at::Tensor& x, int64_t p, at::Tensor& out) {
    const int64_t b = x.size(0), c = x.size(1) / (p * p), t = x.size(2), h = x.size(3),
                  w = x.size(4);
    // "b (c r q) f h w -> b c f (h q) (w r)"
    out.view({b, c, t, h, p, w, p})
        .copy_(x.reshape({b, c, p, p, t, h, w}).permute({0, 1, 4, 5, 3, 6, 2}));
}

}  // namespace nava::video_vae
