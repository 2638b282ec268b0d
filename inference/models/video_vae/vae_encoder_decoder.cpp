#include "inference/models/video_vae/vae_encoder_decoder.h"

#include <ATen/ATen.h>

namespace nava::video_vae {
namespace {

std::shared_ptr<CausalConv3d> conv3(int64_t in, int64_t out) {
    return std::make_shared<CausalConv3d>(in, out, std::vector<int64_t>{3, 3, 3},
                                          std::vector<int64_t>{1, 1, 1},
                                          std::vector<int64_t>{1, 1, 1});
}

// middle = Sequential(ResidualBlock, AttentionBlock, ResidualBlock)
void build_middle(Module& parent, int64_t width, std::shared_ptr<ResidualBlock>& rb0,
                  std::shared_ptr<AttentionBlock>& attn, std::shared_ptr<ResidualBlock>& rb2) {
    auto middle = parent.register_module("middle", std::make_shared<nn::IndexedModules>());
    rb0 = middle->add(0, std::make_shared<ResidualBlock>(width, width));
    attn = middle->add(1, std::make_shared<AttentionBlock>(width));
    rb2 = middle->add(2, std::make_shared<ResidualBlock>(width, width));
}

// head = Sequential(RMS_norm, SiLU, CausalConv3d)
void build_head(Module& parent, int64_t in, int64_t out, std::shared_ptr<RmsNorm>& norm,
                std::shared_ptr<CausalConv3d>& conv) {
    auto head = parent.register_module("head", std::make_shared<nn::IndexedModules>());
    norm = head->add(0, std::make_shared<RmsNorm>(in, /*images=*/false));
    conv = head->add(2, conv3(in, out));
}

at::Tensor run_head(const RmsNorm& norm, CausalConv3d& conv, const at::Tensor& x) {
    return conv.forward_chunk_fill(x.sizes(), x.options(),
                                   [&](at::Tensor& dst) { norm_silu_into(norm, x, dst); });
}

}  // namespace

// ---- stage blocks ----------------------------------------------------------------------------

DownResidualBlock::DownResidualBlock(int64_t in, int64_t out, int64_t num_res_blocks,
                                     bool down_time, bool down_space)
    : out_channels(out), shortcut_ft(down_time ? 2 : 1), shortcut_fs(down_space ? 2 : 1) {
    auto seq = register_module("downsamples", std::make_shared<nn::IndexedModules>());
    for (int64_t i = 0; i < num_res_blocks; ++i)
        blocks.push_back(seq->add(i, std::make_shared<ResidualBlock>(i == 0 ? in : out, out)));
    if (down_space)
        resample = seq->add(num_res_blocks, std::make_shared<Resample>(
                                                out, down_time ? ResampleMode::kDownsample3d
                                                               : ResampleMode::kDownsample2d));
}

at::Tensor DownResidualBlock::forward_chunk(const at::Tensor& x) {
    // 1. main path: residual blocks, then the resample
    at::Tensor h = x;
    for (auto& block : blocks)
        h = block->forward_chunk(h);
    if (resample) h = resample->forward_chunk(h);
    // 2. + AvgDown3D of the block input (the chunk alone)
    return h.add_(avg_down_3d(x, out_channels, shortcut_ft, shortcut_fs));
}

UpResidualBlock::UpResidualBlock(int64_t in, int64_t out, int64_t num_res_blocks, bool up_time,
                                 bool up_space)
    : out_channels(out), shortcut_ft(up_time ? 2 : 1), shortcut_fs(up_space ? 2 : 1) {
    auto seq = register_module("upsamples", std::make_shared<nn::IndexedModules>());
    const int64_t n = num_res_blocks + 1;
    for (int64_t i = 0; i < n; ++i)
        blocks.push_back(seq->add(i, std::make_shared<ResidualBlock>(i == 0 ? in : out, out)));
    if (up_space)
        resample =
            seq->add(n, std::make_shared<Resample>(
                            out, up_time ? ResampleMode::kUpsample3d : ResampleMode::kUpsample2d));
}

at::Tensor UpResidualBlock::forward_chunk(const at::Tensor& x, bool first_chunk) {
    // 1. main path: residual blocks, then the resample
    at::Tensor h = x;
    for (auto& block : blocks)
        h = block->forward_chunk(h);
    if (!resample) return h;
    h = resample->forward_chunk(h);
    // 2. + DupUp3D of the block input (only stages that upsample have one)
    return h.add_(dup_up_3d(x, out_channels, shortcut_ft, shortcut_fs, first_chunk));
}

// ---- Encoder3d -------------------------------------------------------------------------------

Encoder3d::Encoder3d(const VideoVaeConfig& c) {
    const auto dims = c.encoder_dims();
    const int64_t in_channels =
        VideoVaeConfig::kVideoChannels * VideoVaeConfig::kPatchSize * VideoVaeConfig::kPatchSize;
    conv1 = register_module("conv1", conv3(in_channels, dims[0]));
    auto seq = register_module("downsamples", std::make_shared<nn::IndexedModules>());
    for (std::size_t i = 0; i < c.num_stages(); ++i)
        stages.push_back(seq->add(i, std::make_shared<DownResidualBlock>(
                                         dims[i], dims[i + 1], c.num_res_blocks,
                                         c.encoder_time_flag(i), c.encoder_downsamples_space(i))));
    build_middle(*this, dims.back(), middle0, middle1, middle2);
    build_head(*this, dims.back(), 2 * c.z_dim, head_norm, head_conv);
}

at::Tensor Encoder3d::forward_chunk(const at::Tensor& x) {
    // 1. stem                                                              // [B, dim, t, H', W']
    at::Tensor h = conv1->forward_chunk(x);
    // 2. stages: /2 space (all but the last), /2 time where configured
    for (auto& stage : stages)
        h = stage->forward_chunk(h);
    // 3. middle: residual, per-frame attention, residual
    h = middle0->forward_chunk(h);
    h = middle1->forward(h);
    h = middle2->forward_chunk(h);
    // 4. head                                                              // [B, 2z, t', h, w]
    return run_head(*head_norm, *head_conv, h);
}

// ---- Decoder3d -------------------------------------------------------------------------------

Decoder3d::Decoder3d(const VideoVaeConfig& c) {
    const auto dims = c.decoder_dims();
    conv1 = register_module("conv1", conv3(c.z_dim, dims[0]));
    build_middle(*this, dims[0], middle0, middle1, middle2);
    auto seq = register_module("upsamples", std::make_shared<nn::IndexedModules>());
    for (std::size_t i = 0; i < c.num_stages(); ++i)
        stages.push_back(seq->add(i, std::make_shared<UpResidualBlock>(
                                         dims[i], dims[i + 1], c.num_res_blocks,
                                         c.decoder_time_flag(i), c.decoder_upsamples_space(i))));
    const int64_t out_channels =
        VideoVaeConfig::kVideoChannels * VideoVaeConfig::kPatchSize * VideoVaeConfig::kPatchSize;
    build_head(*this, dims.back(), out_channels, head_norm, head_conv);
}

at::Tensor Decoder3d::forward_chunk(const at::Tensor& x, bool first_chunk) {
    // 1. stem                                                              // [B, W0, 1, h, w]
    at::Tensor h = conv1->forward_chunk(x);
    // 2. middle: residual, per-frame attention, residual
    h = middle0->forward_chunk(h);
    h = middle1->forward(h);
    h = middle2->forward_chunk(h);
    // 3. stages: x2 space (all but the last), x2 time where configured
    for (auto& stage : stages)
        h = stage->forward_chunk(h, first_chunk);
    // 4. head                                                              // [B, 12, t, 8h, 8w]
    return run_head(*head_norm, *head_conv, h);
}

}  // namespace nava::video_vae
