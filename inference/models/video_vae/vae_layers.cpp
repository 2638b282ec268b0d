#include "inference/models/video_vae/vae_layers.h"

#include <atomic>
#include <cmath>

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>

#include "inference/core/torch_compat.h"

namespace nava::video_vae {
namespace {

thread_local bool g_shape_only = false;

std::atomic<bool> g_prepack{true};

bool mkldnn_path(const at::Tensor& x) {
    const auto dt = x.scalar_type();
    return x.is_cpu() && at::hasMKLDNN() &&
           (dt == at::kFloat || (dt == at::kBFloat16 && cpu_native_bf16()));
}

}  // namespace

bool records_autograd(const at::Tensor& a, const at::Tensor& b) {
    if (!at::GradMode::is_enabled()) return false;
    return (a.defined() && a.requires_grad()) || (b.defined() && b.requires_grad());
}

void set_weight_prepacking(bool enabled) {
    g_prepack = enabled;
}

bool weight_prepacking() {
    return g_prepack;
}

at::Tensor PackedWeight::get(const at::Tensor& weight, at::IntArrayRef padding,
                             at::IntArrayRef stride) {
    // A packed copy is not differentiable: training convolves with the weight itself.
    if (!g_prepack || !mkldnn_path(weight) || weight.is_meta() || records_autograd(weight)) {
        packed_ = at::Tensor();
        return weight;
    }
    // Inference tensors carry no version counter; they cannot be loaded into anyway.
    const uint32_t version = weight.is_inference() ? 0 : weight._version();
    if (packed_.defined() && data_ == weight.data_ptr() && version_ == version &&
        dtype_ == weight.scalar_type())
        return packed_;
    const std::vector<int64_t> dilation(stride.size(), 1);
    const at::Tensor dense = weight.contiguous().to_mkldnn();
    packed_ = weight.dim() == 5
                  ? at::mkldnn_reorder_conv3d_weight(dense, padding, stride, dilation, 1)
                  : at::mkldnn_reorder_conv2d_weight(dense, padding, stride, dilation, 1);
    data_ = weight.data_ptr();
    version_ = version;
    dtype_ = weight.scalar_type();
    return packed_;
}

at::Tensor convolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                       at::IntArrayRef stride, at::IntArrayRef padding, PackedWeight* packed) {
    if (mkldnn_path(x) && x.scalar_type() == weight.scalar_type()) {
        const std::vector<int64_t> dilation(stride.size(), 1);
        const at::Tensor w = packed ? packed->get(weight, padding, stride) : weight;
        return at::mkldnn_convolution(x.contiguous(), w, bias, padding, stride, dilation, 1);
    }
    const std::vector<int64_t> dilation(stride.size(), 1);
    return nava::convolution(x, weight, bias, stride, padding, dilation, 1);
}

ShapeOnlyScope::ShapeOnlyScope() : previous_(g_shape_only) {
    g_shape_only = true;
}

ShapeOnlyScope::~ShapeOnlyScope() {
    g_shape_only = previous_;
}

at::Tensor new_parameter(at::IntArrayRef shape) {
    if (g_shape_only)
        return at::empty(shape, at::TensorOptions().dtype(at::kFloat).device(at::kMeta));
    return at::zeros(shape, at::kFloat);
}

at::ScalarType module_dtype(const Module& module) {
    const auto params = module.parameters(/*recurse=*/true);
    return params.empty() ? at::kFloat : params.front().scalar_type();
}

// ---- Conv2d ----------------------------------------------------------------------------------

Conv2d::Conv2d(int64_t in, int64_t out, int64_t k, int64_t s, int64_t p) : stride(s), padding(p) {
    weight = register_parameter("weight", new_parameter({out, in, k, k}));
    bias = register_parameter("bias", new_parameter({out}));
}

at::Tensor Conv2d::forward(const at::Tensor& x) const {
    return convolution(x, weight, bias, {stride, stride}, {padding, padding}, &packed_);
}

// ---- CausalConv3d ----------------------------------------------------------------------------

CausalConv3d::CausalConv3d(int64_t in, int64_t out, std::vector<int64_t> k, std::vector<int64_t> s,
                           std::vector<int64_t> p)
    : kernel(std::move(k)), stride(std::move(s)), time_pad_(2 * p.at(0)) {
    conv_padding_ = {0, p.at(1), p.at(2)};
    weight = register_parameter("weight",
                                new_parameter({out, in, kernel.at(0), kernel.at(1), kernel.at(2)}));
    bias = register_parameter("bias", new_parameter({out}));
}

at::Tensor CausalConv3d::forward(const at::Tensor& x, const at::Tensor& cache) const {
    if (time_pad_ == 0) return convolution(x, weight, bias, stride, conv_padding_, &packed_);

    // 1. Front of time: cached frames of earlier chunks, zero frames for what is missing.
    //    Spatial padding is left to the convolution (same zeros, one copy fewer).
    const int64_t cached = cache.defined() ? cache.size(2) : 0;
    std::vector<at::Tensor> parts;
    int64_t zero_frames = time_pad_ - cached;
    if (zero_frames > 0) {
        auto shape = x.sizes().vec();
        shape[2] = zero_frames;
        parts.push_back(at::zeros(shape, x.options()));
    }
    if (cached > 0) {
        // More history than padding: F.pad with a negative amount crops the oldest frames.
        const at::Tensor c = cache.to(x.options());
        parts.push_back(zero_frames < 0 ? c.narrow(2, -zero_frames, cached + zero_frames) : c);
    }
    parts.push_back(x);
    // 2. Convolution over [pad | cache | x]: [B, C_out, T', H', W'].
    return convolution(at::cat(parts, 2), weight, bias, stride, conv_padding_, &packed_);
}

at::Tensor next_frame_cache(const at::Tensor& x, const at::Tensor& older, int64_t keep) {
    const int64_t t = x.size(2);
    const int64_t n = std::min(t, keep);
    at::Tensor last = x.narrow(2, t - n, n);
    if (n < keep && older.defined())
        return at::cat({older.narrow(2, older.size(2) - 1, 1).to(x.options()), last}, 2);
    return last.clone(at::MemoryFormat::Contiguous);
}

at::Tensor CausalConv3d::forward_chunk(const at::Tensor& x) {
    return forward_chunk_fill(x.sizes(), x.options(), [&](at::Tensor& dst) { dst.copy_(x); });
}

at::Tensor CausalConv3d::forward_chunk_fill(at::IntArrayRef shape, const at::TensorOptions& options,
                                            const std::function<void(at::Tensor&)>& fill) {
    if (time_pad_ == 0) {
        at::Tensor x = at::empty(shape, options);
        fill(x);
        return forward(x);
    }
    // 1. buffer [zero frames | cached frames | this chunk]                 // [B, C, pad+n, H, W]
    const int64_t cached = cache_.defined() ? std::min(cache_.size(2), time_pad_) : 0;
    const int64_t zero_frames = time_pad_ - cached;
    auto buffer_shape = shape.vec();
    buffer_shape[2] += time_pad_;
    at::Tensor buffer = at::empty(buffer_shape, options);
    if (zero_frames > 0) buffer.narrow(2, 0, zero_frames).zero_();
    if (cached > 0)
        buffer.narrow(2, zero_frames, cached)
            .copy_(cache_.narrow(2, cache_.size(2) - cached, cached));
    at::Tensor chunk = buffer.narrow(2, time_pad_, shape[2]);
    fill(chunk);
    // 2. the next cache comes from this chunk's input, then the conv consumes the old one
    at::Tensor next = next_frame_cache(chunk, cache_);
    at::Tensor y = convolution(buffer, weight, bias, stride, conv_padding_, &packed_);
    cache_ = std::move(next);
    return y;
}

// ---- RmsNorm ---------------------------------------------------------------------------------

RmsNorm::RmsNorm(int64_t c, bool images) : channels(c) {
    gamma = register_parameter("gamma",
                               images ? new_parameter({c, 1, 1}) : new_parameter({c, 1, 1, 1}));
}

at::Tensor RmsNorm::forward(const at::Tensor& x) const {
    if (records_autograd(x, gamma)) return forward_autograd(x);
    at::Tensor out = at::empty_like(x, at::MemoryFormat::Contiguous);
    forward_into(x, out);
    return out;
}

at::Tensor RmsNorm::forward_autograd(const at::Tensor& x) const {
    const bool widen = x.scalar_type() != at::kFloat && x.scalar_type() != at::kDouble;
    const at::Tensor xs = widen ? x.to(at::kFloat) : x;
    const at::Tensor factor = at::mul(xs, xs)
                                  .sum(1, /*keepdim=*/true)
                                  .sqrt()
                                  .clamp_min(1e-12)
                                  .reciprocal()
                                  .mul(std::sqrt(static_cast<double>(channels)));
    return (xs * factor * gamma.to(xs.scalar_type())).to(x.scalar_type());
}

void RmsNorm::forward_into(const at::Tensor& x, at::Tensor& out) const {
    if (records_autograd(x, gamma)) {
        out.copy_(forward_autograd(x));
        return;
    }
    const bool widen = x.scalar_type() != at::kFloat && x.scalar_type() != at::kDouble;
    const at::Tensor xs = widen ? x.to(at::kFloat) : x;
    // F.normalize(x) * sqrt(C) * gamma = x * (sqrt(C) / max(||x||_2, 1e-12)) * gamma, with the
    // per-pixel factor formed first: two passes over the activation instead of three.
    // (sum of squares + sqrt: the channel reduction of at::norm is several times slower here)
    const at::Tensor factor = at::mul(xs, xs)
                                  .sum(1, /*keepdim=*/true)
                                  .sqrt_()
                                  .clamp_min_(1e-12)
                                  .reciprocal_()
                                  .mul_(std::sqrt(static_cast<double>(channels)));
    if (widen) {
        out.copy_(at::mul(xs, factor).mul_(gamma.to(at::kFloat)));
        return;
    }
    at::mul_out(out, xs, factor);
    out.mul_(gamma.to(out.scalar_type()));
}

void norm_silu_into(const RmsNorm& norm, const at::Tensor& x, at::Tensor& out) {
    if (records_autograd(x, norm.gamma)) {
        out.copy_(at::silu(norm.forward_autograd(x)));
        return;
    }
    norm.forward_into(x, out);
    at::silu_(out);
}

}  // namespace nava::video_vae
