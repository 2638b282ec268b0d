// Encoder3d and Decoder3d of the Wan2.2 video VAE with their stage blocks. Both run on one
// chunk at a time and keep their temporal state in the modules (cleared by VideoVae).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/video_vae/vae_blocks.h"
#include "inference/models/video_vae/video_vae_config.h"

namespace nava::video_vae {

// `num_res_blocks` ResidualBlocks (the first changes the width) + optional Resample, plus an
// AvgDown3D shortcut of the block input (`downsamples` Sequential).
class DownResidualBlock : public Module {
public:
    DownResidualBlock(int64_t in_channels, int64_t out_channels, int64_t num_res_blocks,
                      bool down_time, bool down_space);
    at::Tensor forward_chunk(const at::Tensor& x);

    int64_t out_channels, shortcut_ft, shortcut_fs;
    std::vector<std::shared_ptr<ResidualBlock>> blocks;
    std::shared_ptr<Resample> resample;  // null on the last stage
};

// `num_res_blocks + 1` ResidualBlocks + optional Resample, plus (only when it upsamples) a
// DupUp3D shortcut of the block input (`upsamples` Sequential).
class UpResidualBlock : public Module {
public:
    UpResidualBlock(int64_t in_channels, int64_t out_channels, int64_t num_res_blocks, bool up_time,
                    bool up_space);
    at::Tensor forward_chunk(const at::Tensor& x, bool first_chunk);

    int64_t out_channels, shortcut_ft, shortcut_fs;
    std::vector<std::shared_ptr<ResidualBlock>> blocks;
    std::shared_ptr<Resample> resample;  // null on the last stage
};

// conv1 (12 -> dim) -> stages -> middle (RB, attention, RB) -> head (norm, SiLU, conv -> 2 z).
class Encoder3d : public Module {
public:
    explicit Encoder3d(const VideoVaeConfig& config);
    // One chunk of patchified frames [B, 12, t, H/2, W/2] -> [B, 2 z, t', H/16, W/16].
    at::Tensor forward_chunk(const at::Tensor& x);

    std::shared_ptr<CausalConv3d> conv1;
    std::vector<std::shared_ptr<DownResidualBlock>> stages;
    std::shared_ptr<ResidualBlock> middle0, middle2;
    std::shared_ptr<AttentionBlock> middle1;
    std::shared_ptr<RmsNorm> head_norm;
    std::shared_ptr<CausalConv3d> head_conv;
};

// conv1 (z -> width) -> middle -> stages -> head (norm, SiLU, conv -> 12 channels).
class Decoder3d : public Module {
public:
    explicit Decoder3d(const VideoVaeConfig& config);
    // One latent frame [B, z, 1, h, w] -> [B, 12, 1 or 4, 8h, 8w] (before unpatchify).
    at::Tensor forward_chunk(const at::Tensor& x, bool first_chunk);

    std::shared_ptr<CausalConv3d> conv1;
    std::shared_ptr<ResidualBlock> middle0, middle2;
    std::shared_ptr<AttentionBlock> middle1;
    std::vector<std::shared_ptr<UpResidualBlock>> stages;
    std::shared_ptr<RmsNorm> head_norm;
    std::shared_ptr<CausalConv3d> head_conv;
};

}  // namespace nava::video_vae
