// Spatially tiled decoding of the Wan2.2 video VAE (NAVA's `tiled_decode`) and the memory
// planner that decides when to tile.
//
// Tiles are decoded independently (own temporal caches, whole time range, clamped), then
// blended on the CPU with weights that ramp linearly over the overlap on every side that is not
// an image border. Tiles never see each other, so seams are possible with untrained weights.
#pragma once

#include <cstdint>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/DeviceType.h>
#include <c10/core/ScalarType.h>

#include "inference/models/video_vae/video_vae.h"

namespace nava::video_vae {

// Tile geometry in latent pixels.
struct TileOptions {
    int64_t size_h = 22, size_w = 40;
    int64_t stride_h = 14, stride_w = 26;
};

// NAVA's `wrapped_decode` defaults, and `pipeline.sample`'s (a single tile at 704x1280).
constexpr TileOptions kWrappedDecodeTiles{22, 40, 14, 26};
constexpr TileOptions kPipelineTiles{44, 80, 28, 52};

struct TileRect {
    int64_t h0 = 0, h1 = 0, w0 = 0, w1 = 0;  // latent rows [h0, h1), columns [w0, w1)
};

// Tile starts every `stride` latent pixels; a start is skipped when the previous tile already
// reaches the border; tiles are cut at the border. Throws ConfigError for unusable geometry.
std::vector<TileRect> plan_tiles(int64_t height, int64_t width, const TileOptions& tiles);

// Blend weight of one axis: 1, ramping (i+1)/border over `border` samples at each side that is
// not an image border (right ramp written last, like the reference). float32.
at::Tensor blend_ramp(int64_t length, bool at_start_border, bool at_end_border, int64_t border);

// latent [B, z, T, h, w] -> clamped video [B, 3, 1 + 4(T-1), 16h, 16w] on the CPU. Tiles are
// rounded to float32 before blending (as the reference); blending runs in float32, or float64
// for a float64 model.
at::Tensor tiled_decode(VideoVae& vae, const at::Tensor& latent, const LatentScale& scale,
                        const TileOptions& tiles = kWrappedDecodeTiles,
                        const ChunkProgress& progress = {});

// ---- memory ---------------------------------------------------------------------------------

// Bytes an untiled decode needs beyond the weights, from the cache and activation bookkeeping
// of spec A.5/A.6 (calibrated against CPU measurements, see the component notes).
struct DecodeMemoryEstimate {
    int64_t cache_bytes = 0;       // temporal caches held for the whole call
    int64_t activation_bytes = 0;  // largest transient working set of one chunk (with margin)
    int64_t output_bytes = 0;      // the decoded video accumulated on the compute device
    int64_t total_bytes = 0;       // the three above plus a fixed allowance for kernel scratch
};

DecodeMemoryEstimate estimate_decode_memory(const VideoVaeConfig& config, int64_t batch,
                                            int64_t latent_frames, int64_t height, int64_t width,
                                            at::ScalarType dtype, bool output_on_device = true);

// Bytes one tiled decode needs on the compute device (largest tile; outputs go to the host),
// plus the host-side accumulators when the compute device is the CPU.
int64_t estimate_tiled_decode_memory(const VideoVaeConfig& config, int64_t batch,
                                     int64_t latent_frames, int64_t height, int64_t width,
                                     at::ScalarType dtype, const TileOptions& tiles,
                                     c10::DeviceType compute_device);

struct DecodePlan {
    bool tiled = false;
    TileOptions tiles;
    int64_t estimated_bytes = 0;
};

// Untiled when the estimate fits `budget_bytes`; otherwise the largest tiles (starting from
// `preferred`, shrunk keeping its overlap ratio) that fit. Throws Error when nothing fits.
DecodePlan plan_decode(const VideoVaeConfig& config, int64_t batch, int64_t latent_frames,
                       int64_t height, int64_t width, at::ScalarType dtype, int64_t budget_bytes,
                       c10::DeviceType compute_device = c10::DeviceType::CPU,
                       const TileOptions& preferred = kWrappedDecodeTiles);

// Decodes with the plan chosen for `budget_bytes` (clamped output, on the CPU when tiled).
at::Tensor decode_within_budget(VideoVae& vae, const at::Tensor& latent, const LatentScale& scale,
                                int64_t budget_bytes, DecodePlan* plan_used = nullptr);

}  // namespace nava::video_vae
