// Rotary position embedding of the DiT: 3-D (frame, row, column) for video tokens, temporal
// only with a scaled frequency for audio tokens, so that a video frame and the audio at the same
// instant share their temporal phase. Angles are computed in float64.
#pragma once

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/dit/dit_config.h"

namespace nava::dit {

struct VideoGrid {
    int64_t frames = 0;  // patch-grid size of one sample
    int64_t rows = 0;
    int64_t cols = 0;
    int64_t tokens() const { return frames * rows * cols; }
};

// cos / sin of every token's angles in the packed sequence [video (Lv) | audio (La)].
struct RopeTables {
    at::Tensor cos;  // [B, Lv + La, 1, head_dim / 2]
    at::Tensor sin;
};

// `dtype` is the dtype the rotation is carried out in (float32 or float64).
RopeTables build_rope(const DitConfig& config, const std::vector<VideoGrid>& video_grids,
                      int64_t video_len, const std::vector<int64_t>& audio_lengths,
                      int64_t audio_len, at::ScalarType dtype, at::Device device);

// Rotates adjacent channel pairs (2m, 2m+1) of each head. x: [B, L, H, head_dim].
at::Tensor apply_rope(const at::Tensor& x, const RopeTables& tables);

// The reference's frequency table for positions 0..positions-1 as [positions, pairs, 2]
// (cos, sin), float64: video = [temporal | height | width] ladders, audio = scaled temporal
// ladder only. For tests against the fixture.
at::Tensor rope_frequency_table(const DitConfig& config, int64_t positions, bool audio);

}  // namespace nava::dit
