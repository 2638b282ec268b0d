#include "inference/models/video_vae/tiled_decode.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include "inference/core/error.h"

namespace nava::video_vae {
namespace {

using at::indexing::Slice;

// Measured / bookkept live bytes of the transient working set, and a fixed allowance for
// kernel scratch space and allocator slack. Calibrated on CPU float32 peak RSS above the
// weights (after packing): real config 96 MiB at a 4x4 latent (estimate 117), 306 MiB at 8x8
// (estimate 369); fixture widths at 16x16, 17 frames: 106-122 MiB (estimate 122).
constexpr double kActivationMargin = 1.75;
constexpr int64_t kFixedOverheadBytes = int64_t(32) << 20;

// oneDNN works on channel blocks of 16: activations it reorders are padded to that.
int64_t blocked(int64_t channels) {
    return (channels + 15) / 16 * 16;
}

int64_t element_size(at::ScalarType dtype) {
    return static_cast<int64_t>(c10::elementSize(dtype));
}

at::ScalarType output_dtype(at::ScalarType dtype) {
    return dtype == at::kDouble ? at::kDouble : at::kFloat;
}

struct Bookkeeping {
    int64_t cache_elements = 0;  // per batch element
    int64_t peak_elements = 0;   // per batch element
};

// Walks the decoder for a chunk after the first (the largest: 1 latent frame -> 4 frames) and
// counts the temporal caches and the largest set of simultaneously live activations.
Bookkeeping decoder_bookkeeping(const VideoVaeConfig& c, int64_t height, int64_t width) {
    Bookkeeping b;
    const auto dims = c.decoder_dims();
    int64_t r = height * width;  // pixels per frame at the current resolution
    int64_t n = 1;               // frames per chunk at the current stage
    auto live = [&](int64_t elements) { b.peak_elements = std::max(b.peak_elements, elements); };
    auto cached_conv = [&](int64_t cin) { b.cache_elements += 2 * cin * r; };
    // A residual block with `held` elements kept alive by its caller.
    auto residual = [&](int64_t cache_in, int64_t cache_out, int64_t held) {
        cached_conv(cache_in);
        cached_conv(cache_out);
        const int64_t cin = blocked(cache_in), cout = blocked(cache_out);
        // conv 1: input, normed copy, [cache | chunk], output
        live(held + n * cin * r * 2 + (n + 2) * cin * r + n * cout * r);
        // conv 2: input, conv-1 output, normed copy, [cache | chunk], output
        live(held + n * cin * r + n * cout * r * 2 + (n + 2) * cout * r + n * cout * r);
    };

    // 1. conv1 and the middle (attention scores: one H*W x H*W matrix per frame)
    cached_conv(c.z_dim);
    live(n * blocked(c.z_dim) * r + (n + 2) * blocked(c.z_dim) * r + n * blocked(dims[0]) * r);
    residual(dims[0], dims[0], 0);
    live(n * blocked(dims[0]) * r * 5 + n * r * r);
    residual(dims[0], dims[0], 0);
    // 2. stages; the stage input stays alive for the DupUp3D shortcut
    for (std::size_t i = 0; i < c.num_stages(); ++i) {
        const int64_t cin = blocked(dims[i]), cout = blocked(dims[i + 1]);
        const int64_t held = c.decoder_upsamples_space(i) ? n * cin * r : 0;
        for (int64_t k = 0; k <= c.num_res_blocks; ++k)
            residual(k == 0 ? dims[i] : dims[i + 1], dims[i + 1], held);
        if (!c.decoder_upsamples_space(i)) continue;
        if (c.decoder_upsamples_time(i)) {
            cached_conv(dims[i + 1]);
            // [cache | chunk], 2C output, frames interleaved
            live(held + n * cout * r + (n + 2) * cout * r + 2 * n * cout * r * 2);
            n *= 2;
        }
        // nearest x2, conv, DupUp3D shortcut materialised
        live(held + n * cout * r + n * cout * 4 * r * 3);
        r *= 4;
    }
    // 3. head
    const int64_t last = blocked(dims.back());
    const int64_t head_out = blocked(VideoVaeConfig::kVideoChannels * VideoVaeConfig::kPatchSize *
                                     VideoVaeConfig::kPatchSize);
    cached_conv(dims.back());
    live(n * last * r * 2 + (n + 2) * last * r + n * head_out * r);
    return b;
}

void check_tiles(const TileOptions& t) {
    if (t.size_h < 1 || t.size_w < 1 || t.stride_h < 1 || t.stride_w < 1)
        throw ConfigError("tiled decode: tile size and stride must be positive");
    if (t.stride_h > t.size_h || t.stride_w > t.size_w)
        throw ConfigError("tiled decode: stride larger than the tile leaves gaps (tile " +
                          std::to_string(t.size_h) + "x" + std::to_string(t.size_w) + ", stride " +
                          std::to_string(t.stride_h) + "x" + std::to_string(t.stride_w) + ")");
}

std::vector<std::pair<int64_t, int64_t>> axis_tiles(int64_t length, int64_t size, int64_t stride) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (int64_t s = 0; s < length; s += stride) {
        if (s - stride >= 0 && s - stride + size >= length) continue;
        out.emplace_back(s, std::min(s + size, length));
    }
    return out;
}

}  // namespace

std::vector<TileRect> plan_tiles(int64_t height, int64_t width, const TileOptions& tiles) {
    check_tiles(tiles);
    if (height < 1 || width < 1) throw ConfigError("tiled decode: empty latent");
    std::vector<TileRect> out;
    for (const auto& [h0, h1] : axis_tiles(height, tiles.size_h, tiles.stride_h))
        for (const auto& [w0, w1] : axis_tiles(width, tiles.size_w, tiles.stride_w))
            out.push_back({h0, h1, w0, w1});
    return out;
}

at::Tensor blend_ramp(int64_t length, bool at_start_border, bool at_end_border, int64_t border) {
    at::Tensor x = at::ones({length}, at::kFloat);
    if (border <= 0) return x;
    const int64_t n = std::min(border, length);
    // (i + 1) / border in float32, i = 0 .. border-1
    const at::Tensor ramp = at::arange(1, border + 1, at::kFloat).div_(static_cast<double>(border));
    if (!at_start_border) x.narrow(0, 0, n).copy_(ramp.narrow(0, 0, n));
    if (!at_end_border) x.narrow(0, length - n, n).copy_(ramp.flip({0}).narrow(0, border - n, n));
    return x;
}

at::Tensor tiled_decode(VideoVae& vae, const at::Tensor& latent, const LatentScale& scale,
                        const TileOptions& tiles, const ChunkProgress& progress) {
    vae.check_latent_shape(latent.sizes());
    c10::InferenceMode inference;
    const auto& c = vae.config();
    const int64_t f = c.spatial_factor();
    const int64_t b = latent.size(0), t = latent.size(2), h = latent.size(3), w = latent.size(4);
    const auto rects = plan_tiles(h, w, tiles);
    const auto dt = output_dtype(vae.dtype());
    const auto cpu = at::TensorOptions().dtype(dt).device(at::kCPU);

    // 1. accumulators on the CPU (the blend weight does not depend on time or channel)
    at::Tensor values =
        at::zeros({b, VideoVaeConfig::kVideoChannels, c.decoded_frames(t), h * f, w * f}, cpu);
    at::Tensor weight = at::zeros({h * f, w * f}, cpu);
    const int64_t border_h = (tiles.size_h - tiles.stride_h) * f;
    const int64_t border_w = (tiles.size_w - tiles.stride_w) * f;

    DecodeOptions options;
    options.output_device = c10::Device(c10::kCPU);
    int64_t done = 0;
    for (const auto& r : rects) {
        // 2. one tile, decoded on its own and clamped                   // [B, 3, T', th, tw]
        //    (float32 like the reference's `Wan2_2_VAE.decode`, whatever the model runs in)
        const at::Tensor tile =
            vae.decode(
                   latent.index({Slice(), Slice(), Slice(), Slice(r.h0, r.h1), Slice(r.w0, r.w1)}),
                   scale, options)
                .to(at::kFloat)
                .to(dt);
        const int64_t th = tile.size(3), tw = tile.size(4);
        // 3. linear ramps on the sides that are not image borders, min of rows and columns
        const at::Tensor mask =
            at::minimum(blend_ramp(th, r.h0 == 0, r.h1 >= h, border_h).unsqueeze(1),
                        blend_ramp(tw, r.w0 == 0, r.w1 >= w, border_w).unsqueeze(0))
                .to(dt);  // [th, tw]
        values
            .index({Slice(), Slice(), Slice(), Slice(r.h0 * f, r.h0 * f + th),
                    Slice(r.w0 * f, r.w0 * f + tw)})
            .add_(tile * mask);
        weight.index({Slice(r.h0 * f, r.h0 * f + th), Slice(r.w0 * f, r.w0 * f + tw)}).add_(mask);
        if (progress) progress(++done, static_cast<int64_t>(rects.size()));
    }
    // 4. normalise and clamp again
    return values.div_(weight).clamp_(-1.0, 1.0);
}

// ---- memory ---------------------------------------------------------------------------------

DecodeMemoryEstimate estimate_decode_memory(const VideoVaeConfig& config, int64_t batch,
                                            int64_t latent_frames, int64_t height, int64_t width,
                                            at::ScalarType dtype, bool output_on_device) {
    const auto bk = decoder_bookkeeping(config, height, width);
    const int64_t es = element_size(dtype);
    DecodeMemoryEstimate e;
    e.cache_bytes = batch * bk.cache_elements * es;
    e.activation_bytes = static_cast<int64_t>(
        std::ceil(kActivationMargin * static_cast<double>(batch * bk.peak_elements * es)));
    if (output_on_device) {
        const int64_t f = config.spatial_factor();
        e.output_bytes = batch * VideoVaeConfig::kVideoChannels *
                         config.decoded_frames(latent_frames) * height * f * width * f *
                         element_size(output_dtype(dtype));
    }
    e.total_bytes = e.cache_bytes + e.activation_bytes + e.output_bytes + kFixedOverheadBytes;
    return e;
}

int64_t estimate_tiled_decode_memory(const VideoVaeConfig& config, int64_t batch,
                                     int64_t latent_frames, int64_t height, int64_t width,
                                     at::ScalarType dtype, const TileOptions& tiles,
                                     c10::DeviceType compute_device) {
    const bool on_cpu = compute_device == c10::DeviceType::CPU;
    // The largest tile decodes with its own caches; its output lands on the host.
    const int64_t th = std::min(height, tiles.size_h), tw = std::min(width, tiles.size_w);
    int64_t bytes = estimate_decode_memory(config, batch, latent_frames, th, tw, dtype,
                                           /*output_on_device=*/on_cpu)
                        .total_bytes;
    if (on_cpu) {
        // values (3 channels) + the tile product + weight plane, all in the output dtype
        const int64_t f = config.spatial_factor();
        const int64_t es = element_size(output_dtype(dtype));
        bytes += batch * VideoVaeConfig::kVideoChannels * config.decoded_frames(latent_frames) *
                     height * f * width * f * es +
                 height * f * width * f * es;
    }
    return bytes;
}

DecodePlan plan_decode(const VideoVaeConfig& config, int64_t batch, int64_t latent_frames,
                       int64_t height, int64_t width, at::ScalarType dtype, int64_t budget_bytes,
                       c10::DeviceType compute_device, const TileOptions& preferred) {
    check_tiles(preferred);
    DecodePlan plan;
    plan.estimated_bytes =
        estimate_decode_memory(config, batch, latent_frames, height, width, dtype).total_bytes;
    if (plan.estimated_bytes <= budget_bytes) return plan;

    // Shrink the preferred tile (keeping its overlap ratio) until one tile fits.
    plan.tiled = true;
    const double overlap_h = 1.0 - static_cast<double>(preferred.stride_h) / preferred.size_h;
    const double overlap_w = 1.0 - static_cast<double>(preferred.stride_w) / preferred.size_w;
    double sh = static_cast<double>(std::min(preferred.size_h, height));
    double sw = static_cast<double>(std::min(preferred.size_w, width));
    int64_t smallest = 0;
    while (true) {
        TileOptions t;
        t.size_h = std::max<int64_t>(1, std::llround(sh));
        t.size_w = std::max<int64_t>(1, std::llround(sw));
        t.stride_h = std::clamp<int64_t>(std::llround(t.size_h * (1.0 - overlap_h)), 1, t.size_h);
        t.stride_w = std::clamp<int64_t>(std::llround(t.size_w * (1.0 - overlap_w)), 1, t.size_w);
        const int64_t bytes = estimate_tiled_decode_memory(config, batch, latent_frames, height,
                                                           width, dtype, t, compute_device);
        if (bytes <= budget_bytes) {
            plan.tiles = t;
            plan.estimated_bytes = bytes;
            return plan;
        }
        smallest = bytes;
        if (t.size_h <= 2 && t.size_w <= 2) break;
        sh = std::max(2.0, sh * 0.8);
        sw = std::max(2.0, sw * 0.8);
    }
    throw Error("video VAE decode needs about " + std::to_string(smallest >> 20) +
                " MiB even with 2x2-latent tiles; the budget is " +
                std::to_string(budget_bytes >> 20) + " MiB");
}

at::Tensor decode_within_budget(VideoVae& vae, const at::Tensor& latent, const LatentScale& scale,
                                int64_t budget_bytes, DecodePlan* plan_used) {
    vae.check_latent_shape(latent.sizes());
    const DecodePlan plan =
        plan_decode(vae.config(), latent.size(0), latent.size(2), latent.size(3), latent.size(4),
                    vae.dtype(), budget_bytes, vae.device().type());
    if (plan_used) *plan_used = plan;
    if (plan.tiled) return tiled_decode(vae, latent, scale, plan.tiles);
    return vae.decode(latent, scale);
}

}  // namespace nava::video_vae
