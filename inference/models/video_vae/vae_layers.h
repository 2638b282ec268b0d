// Leaf layers of the Wan2.2 video VAE: causal 3-D convolution with its frame cache, plain 2-D
// convolution and the channel RMS norm. Parameter names follow `Wan2.2_VAE.pth`.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

namespace nava::video_vae {

using Module = torch::nn::Module;

// While alive on this thread, new VAE parameters are created on the meta device (shape only,
// no memory). Lets tests and tools inspect the 704M-parameter real tree for free.
class ShapeOnlyScope {
public:
    ShapeOnlyScope();
    ~ShapeOnlyScope();
    ShapeOnlyScope(const ShapeOnlyScope&) = delete;
    ShapeOnlyScope& operator=(const ShapeOnlyScope&) = delete;

private:
    bool previous_;
};

// A zero float32 parameter, or a meta tensor inside a ShapeOnlyScope.
at::Tensor new_parameter(at::IntArrayRef shape);

// Modules holding per-call chunk state implement this; VideoVae clears every holder at the
// start and end of each encode/decode.
class ChunkStateHolder {
public:
    virtual ~ChunkStateHolder() = default;
    virtual void clear_chunk_state() = 0;
};

// A oneDNN-packed copy of a convolution weight, rebuilt whenever the weight changes (storage,
// version or dtype). oneDNN otherwise re-packs the weight on every call, which costs more
// than the convolution itself at small spatial sizes (1024-channel convs on a few latent
// pixels: ~10x). Costs one extra copy of the weights while enabled.
class PackedWeight {
public:
    // The packed weight, or `weight` itself when packing does not apply / is disabled.
    at::Tensor get(const at::Tensor& weight, at::IntArrayRef padding, at::IntArrayRef stride);
    void reset() { packed_ = at::Tensor(); }

private:
    at::Tensor packed_;
    const void* data_ = nullptr;
    uint32_t version_ = 0;
    at::ScalarType dtype_ = at::kFloat;
};

// Whether an op on these tensors is being recorded for autograd (grad mode on and one of them
// requires grad). Inference runs under InferenceMode, where this is always false; training
// takes the out-of-place paths below instead of the in-place / out= shortcuts.
bool records_autograd(const at::Tensor& a, const at::Tensor& b = {});

// Process-wide switch for PackedWeight (on by default).
void set_weight_prepacking(bool enabled);
bool weight_prepacking();

// Convolution (2-D or 3-D by the weight's rank, no dilation, one group). On the CPU, float32
// and bfloat16 go straight to oneDNN: LibTorch 1.13's heuristic sends small-batch 3-D float32
// convolutions with few channels to the im2col fallback, which is 4-10x slower here.
at::Tensor convolution(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                       at::IntArrayRef stride, at::IntArrayRef padding,
                       PackedWeight* packed = nullptr);

// nn.Conv2d (stride, symmetric padding), used inside the per-frame blocks.
class Conv2d : public Module {
public:
    Conv2d(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride = 1,
           int64_t padding = 0);
    at::Tensor forward(const at::Tensor& x) const;  // [N, C, H, W]

    int64_t stride, padding;
    at::Tensor weight;  // [out, in, k, k]
    at::Tensor bias;    // [out]

private:
    mutable PackedWeight packed_;
};

// Conv3d whose declared padding (pt, ph, pw) becomes: ph / pw on both sides, 2*pt zero frames
// in front of time and none behind. Cached frames, when given, replace front zero frames.
class CausalConv3d : public Module, public ChunkStateHolder {
public:
    CausalConv3d(int64_t in_channels, int64_t out_channels, std::vector<int64_t> kernel,
                 std::vector<int64_t> stride = {1, 1, 1}, std::vector<int64_t> padding = {0, 0, 0});

    // x: [B, C, T, H, W]. `cache` ([B, C, t, H, W], t <= front pad) is prepended when the conv
    // pads time; it is ignored otherwise (like the reference).
    at::Tensor forward(const at::Tensor& x, const at::Tensor& cache = {}) const;

    // Chunked execution (cache rule 1): run with the frames remembered from earlier chunks,
    // then remember the last 2 frames of this input (front-filled from the older cache when
    // this chunk has only one frame).
    at::Tensor forward_chunk(const at::Tensor& x);
    // Same, with the input produced in place: `fill` writes this chunk's input (shape `shape`)
    // into the conv's padded buffer right behind the cached frames, which saves the
    // concatenation copy of the largest activations.
    at::Tensor forward_chunk_fill(at::IntArrayRef shape, const at::TensorOptions& options,
                                  const std::function<void(at::Tensor&)>& fill);
    void clear_chunk_state() override { cache_ = at::Tensor(); }
    const at::Tensor& cache() const { return cache_; }

    int64_t front_pad() const { return time_pad_; }

    std::vector<int64_t> kernel, stride;
    at::Tensor weight;  // [out, in, kt, kh, kw]
    at::Tensor bias;    // [out]

private:
    int64_t time_pad_;                   // zero frames in front (2 * pt)
    std::vector<int64_t> conv_padding_;  // (0, ph, pw): spatial padding done by the conv itself
    at::Tensor cache_;
    mutable PackedWeight packed_;
};

// Frames kept from the previous chunk: the last `keep` frames of `x`, preceded by the last
// frame of `older` when `x` is shorter than `keep`.
at::Tensor next_frame_cache(const at::Tensor& x, const at::Tensor& older, int64_t keep = 2);

// F.normalize over channels (L2, eps 1e-12) * sqrt(C) * gamma. `images` selects the 4-D
// ([C,1,1], per-frame attention) or 5-D ([C,1,1,1]) gamma. Statistics in float32 or wider.
class RmsNorm : public Module {
public:
    RmsNorm(int64_t channels, bool images);
    at::Tensor forward(const at::Tensor& x) const;  // [N, C, ...]
    // The same values written into `out` (x's shape and dtype, any strides).
    void forward_into(const at::Tensor& x, at::Tensor& out) const;
    // Out-of-place formula (no in-place steps), used while autograd records.
    at::Tensor forward_autograd(const at::Tensor& x) const;

    int64_t channels;
    at::Tensor gamma;
};

// SiLU(norm(x)) written into `out`: in place into the conv's padded buffer for inference, as a
// differentiable copy while autograd records.
void norm_silu_into(const RmsNorm& norm, const at::Tensor& x, at::Tensor& out);

// Parameter dtype of a module (float32 when it has none).
at::ScalarType module_dtype(const Module& module);

}  // namespace nava::video_vae
