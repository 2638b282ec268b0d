#include "inference/models/dit/dit_bench.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>

#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"

namespace nava::dit {

DitShape dit_shape_for_tokens(int64_t tokens) {
    DitShape s;
    tokens = std::max<int64_t>(tokens, 2);
    s.frames = std::clamp<int64_t>(tokens / 64, 1, 37);
    // 24 fps video, 4x temporal compression, 25 audio latents per second.
    s.audio_tokens = static_cast<int64_t>(std::ceil((4.0 * (s.frames - 1) + 1.0) / 24.0 * 25.0));
    const double area = std::max(1.0, static_cast<double>(tokens - s.audio_tokens) / s.frames);
    s.rows = std::max<int64_t>(1, std::llround(std::sqrt(area * 11.0 / 20.0)));
    s.cols = std::max<int64_t>(1, std::llround(area / s.rows));
    return s;
}

double dit_forward_flops(const DitConfig& c, const DitShape& s) {
    const double D = c.dim, F = c.ffn_dim, T = c.text_len, B = s.batch;
    const double Lv = s.video_tokens(), La = s.audio_tokens, L = Lv + La;
    const double h = c.audio_mlp_hidden();
    double f = 0.0;
    // Embeddings.
    f += 2.0 * Lv * (c.vid_in_dim * c.patch_volume()) * D;
    f += 2.0 * La * 7.0 * c.audio_in_dim * D + 3.0 * 2.0 * La * 7.0 * D * h;
    f += 2.0 * T * (c.text_dim * D + D * D);
    // Self-attention: projections for every token, scores and weighted sums over the sequence.
    const double self_proj = 2.0 * L * 4.0 * D * D;
    const double self_attn = 4.0 * L * L * D;
    // Cross-attention: q and o per token, k and v per context row (per modality in double blocks).
    const double cross_tok = 2.0 * L * 2.0 * D * D + 4.0 * L * T * D;
    const double ffn = 2.0 * L * 2.0 * D * F;
    const double modalities = (Lv > 0 ? 1 : 0) + (La > 0 ? 1 : 0);
    f += c.num_double_layers *
         (self_proj + self_attn + cross_tok + modalities * 2.0 * T * 2.0 * D * D + ffn);
    f += c.num_single_layers * (self_proj + self_attn + cross_tok + 2.0 * T * 2.0 * D * D + ffn);
    // Heads.
    f += 2.0 * Lv * D * c.patch_volume() * c.vid_out_dim + 2.0 * La * D * c.audio_out_dim;
    return f * B;
}

DitBenchResult bench_dit_forward(const DitConfig& config, const DitShape& shape,
                                 c10::ScalarType dtype, c10::Device device, int warmup,
                                 int repetitions) {
    at::NoGradGuard no_grad;
    DitModel model(config);
    init_dit_weights(model, 0);
    model.to(device, dtype);
    model.eval();

    DitInputs in;
    const auto opts = at::TensorOptions().dtype(at::kFloat).device(device);
    for (int64_t b = 0; b < shape.batch; ++b) {
        if (shape.frames > 0)
            in.video.push_back(
                at::randn({config.vid_in_dim, shape.frames * config.patch_size[0],
                           shape.rows * config.patch_size[1], shape.cols * config.patch_size[2]},
                          opts));
        if (shape.audio_tokens > 0)
            in.audio.push_back(at::randn({shape.audio_tokens, config.audio_in_dim}, opts));
        in.video_context.push_back(
            at::randn({std::min(shape.text_tokens, config.text_len), config.text_dim}, opts));
    }
    in.audio_context = in.video_context;
    in.timestep = at::tensor({900.0});

    DitBenchResult r;
    r.shape = shape;
    r.flops = dit_forward_flops(config, shape);
    r.timing = bench::time_ms([&] { model.forward(in); }, warmup, repetitions, device);
    r.gflops = r.flops / (r.timing.median_ms * 1e-3) / 1e9;
    r.peak_gflops =
        bench::measure_matmul_peak(dtype, device.is_cuda() ? 8192 : 2048, device, 5).gflops;
    return r;
}

}  // namespace nava::dit
