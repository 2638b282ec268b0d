// Building blocks of the Wan2.2 video VAE, all run chunk by chunk (see video_vae.h for the
// chunking): residual block, per-frame attention, resampling with its first-chunk rules, the
// parameter-free AvgDown3D / DupUp3D shortcuts and the 2x2 pixel (un)shuffle.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/video_vae/vae_layers.h"

namespace nava::video_vae {

// residual: RMS_norm -> SiLU -> conv3 -> RMS_norm -> SiLU -> Dropout(0) -> conv3 (Sequential
// indices 0, 2, 3, 6); shortcut: 1x1x1 conv when the width changes. Both k3 convs keep caches.
class ResidualBlock : public Module {
public:
    ResidualBlock(int64_t in_channels, int64_t out_channels);
    at::Tensor forward_chunk(const at::Tensor& x);  // [B, C_in, T, H, W] -> [B, C_out, T, H, W]

    int64_t in_channels, out_channels;
    std::shared_ptr<RmsNorm> norm1, norm2;
    std::shared_ptr<CausalConv3d> conv1, conv2;
    std::shared_ptr<CausalConv3d> shortcut;  // null when in == out
};

// Single-head self-attention over the H*W positions of each frame (time folded into batch):
// RMS_norm -> to_qkv (1x1) -> softmax(q k^T / sqrt(C)) v -> proj (1x1) -> + input.
class AttentionBlock : public Module {
public:
    explicit AttentionBlock(int64_t channels);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, T, H, W]

    int64_t channels;
    std::shared_ptr<RmsNorm> norm;
    std::shared_ptr<Conv2d> to_qkv, proj;
};

enum class ResampleMode { kUpsample2d, kUpsample3d, kDownsample2d, kDownsample3d };

// Spatial x2 / /2 per frame (`resample.1` conv) plus, for the 3-D modes, the temporal conv
// `time_conv` with the first-chunk rules of the reference (spec A.5 rules 2 and 3).
class Resample : public Module, public ChunkStateHolder {
public:
    Resample(int64_t channels, ResampleMode mode);
    at::Tensor forward_chunk(const at::Tensor& x);  // [B, C, T, H, W]
    void clear_chunk_state() override;

    int64_t channels;
    ResampleMode mode;
    std::shared_ptr<Conv2d> conv;             // registered as resample.1
    std::shared_ptr<CausalConv3d> time_conv;  // 3-D modes only

private:
    at::Tensor time_upsample(const at::Tensor& x);
    at::Tensor time_downsample(const at::Tensor& x);

    // upsample3d: nothing seen yet -> first chunk (skip, then "replicate" marker) -> frames.
    enum class CacheState { kEmpty, kReplicate, kFrames };
    CacheState state_ = CacheState::kEmpty;
    at::Tensor cache_;
    PackedWeight packed_spatial_;  // the (1,3,3) view of resample.1
};

// AvgDown3D: front-pad time to a multiple of ft, fold each ft x fs x fs neighbourhood into
// channels (c, t-offset, h-offset, w-offset) and average groups down to `out_channels`.
at::Tensor avg_down_3d(const at::Tensor& x, int64_t out_channels, int64_t ft, int64_t fs);

// DupUp3D: repeat channels, scatter them as (out, ft, fs, fs) into time and space; on the
// first chunk drop the first ft - 1 frames.
at::Tensor dup_up_3d(const at::Tensor& x, int64_t out_channels, int64_t ft, int64_t fs,
                     bool first_chunk);

// [B, C, T, H, W] -> [B, C*p*p, T, H/p, W/p], channel c*p*p + dx*p + dy (dx: column offset).
at::Tensor patchify(const at::Tensor& x, int64_t p);
// Inverse of patchify.
at::Tensor unpatchify(const at::Tensor& x, int64_t p);
// unpatchify(x) written into `out` (same shape as unpatchify(x) would have), no temporary.
void unpatchify_into(const at::Tensor& x, int64_t p, at::Tensor& out);

}  // namespace nava::video_vae
