#include "inference/models/dit/rope.h"

#include <ATen/ATen.h>

namespace nava::dit {
namespace {

// θ^(-j / pairs) for j = 0..pairs-1 (the ladder of a sub-dimension of 2·pairs channels).
at::Tensor ladder(int64_t pairs, double theta) {
    const at::Tensor j = at::arange(pairs, at::TensorOptions().dtype(at::kDouble));
    return at::pow(theta, -j / static_cast<double>(pairs));
}

}  // namespace

RopeTables build_rope(const DitConfig& config, const std::vector<VideoGrid>& video_grids,
                      int64_t video_len, const std::vector<int64_t>& audio_lengths,
                      int64_t audio_len, at::ScalarType dtype, at::Device device) {
    const auto [pt, ps, ps2] = config.rope_pairs();
    (void)ps2;
    const int64_t pairs = config.head_dim() / 2;
    const at::Tensor inv_t = ladder(pt, config.rope_theta);  // [pt]
    const at::Tensor inv_s = ladder(ps, config.rope_theta);  // [ps]
    const int64_t batch = static_cast<int64_t>(std::max(video_grids.size(), audio_lengths.size()));
    const auto f64 = at::TensorOptions().dtype(at::kDouble);

    // Angles per token; padding rows keep angle 0 (no rotation).
    at::Tensor angles = at::zeros({batch, video_len + audio_len, pairs}, f64);
    for (int64_t b = 0; b < batch; ++b) {
        if (b < static_cast<int64_t>(video_grids.size()) && video_len > 0) {
            const VideoGrid& g = video_grids[b];
            const int64_t n = g.tokens();
            const at::Tensor idx = at::arange(n, at::TensorOptions().dtype(at::kLong));
            const at::Tensor f = idx.div(g.rows * g.cols, "floor").to(at::kDouble);
            const at::Tensor r = idx.div(g.cols, "floor").remainder(g.rows).to(at::kDouble);
            const at::Tensor c = idx.remainder(g.cols).to(at::kDouble);
            const at::Tensor a =
                at::cat({f.unsqueeze(1) * inv_t.unsqueeze(0), r.unsqueeze(1) * inv_s.unsqueeze(0),
                         c.unsqueeze(1) * inv_s.unsqueeze(0)},
                        1);  // [n, pairs]
            angles[b].narrow(0, 0, n).copy_(a);
        }
        if (b < static_cast<int64_t>(audio_lengths.size()) && audio_len > 0) {
            const int64_t n = audio_lengths[b];
            const at::Tensor p = at::arange(n, f64) * config.temporal_rope_scaling_factor;
            angles[b]
                .narrow(0, video_len, n)
                .narrow(1, 0, pt)
                .copy_(p.unsqueeze(1) * inv_t.unsqueeze(0));
        }
    }
    RopeTables t;
    t.cos = at::cos(angles).to(dtype).unsqueeze(2).to(device);  // [B, L, 1, pairs]
    t.sin = at::sin(angles).to(dtype).unsqueeze(2).to(device);
    return t;
}

at::Tensor apply_rope(const at::Tensor& x, const RopeTables& tables) {
    const auto sizes = x.sizes();
    const at::Tensor xr =
        x.to(tables.cos.scalar_type()).reshape({sizes[0], sizes[1], sizes[2], -1, 2});
    const at::Tensor x0 = xr.select(-1, 0), x1 = xr.select(-1, 1);  // [B, L, H, pairs]
    const at::Tensor y0 = x0 * tables.cos - x1 * tables.sin;
    const at::Tensor y1 = x0 * tables.sin + x1 * tables.cos;
    return at::stack({y0, y1}, -1).reshape(sizes).to(x.scalar_type());
}

at::Tensor rope_frequency_table(const DitConfig& config, int64_t positions, bool audio) {
    const auto [pt, ps, ps2] = config.rope_pairs();
    (void)ps2;
    const at::Tensor pos =
        at::arange(positions, at::TensorOptions().dtype(at::kDouble)).unsqueeze(1);
    at::Tensor angles;
    if (audio) {
        angles =
            pos * config.temporal_rope_scaling_factor * ladder(pt, config.rope_theta).unsqueeze(0);
    } else {
        const at::Tensor s = ladder(ps, config.rope_theta).unsqueeze(0);
        angles = at::cat({pos * ladder(pt, config.rope_theta).unsqueeze(0), pos * s, pos * s}, 1);
    }
    return at::stack({at::cos(angles), at::sin(angles)}, -1);
}

}  // namespace nava::dit
