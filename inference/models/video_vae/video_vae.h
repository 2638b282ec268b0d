// The Wan2.2 video VAE (`WanVAE_` + the latent scaling of `Wan2_2_VAE`) as NAVA uses it.
//
// Encode: patchify, run the encoder on frame 0 and then on groups of 4 frames (one chunk at a
// time, temporal state carried between chunks), top-level `conv1`, keep the mean half,
// normalise with the 48 constants. Decode: de-normalise, `conv2`, run the decoder on one
// latent frame at a time (the first flagged "first chunk"), unpatchify, clamp to [-1, 1].
// The temporal state lives in the modules, so one instance runs one call at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "inference/models/video_vae/vae_encoder_decoder.h"
#include "inference/models/video_vae/vae_layers.h"
#include "inference/models/video_vae/video_vae_config.h"

namespace nava::io {
class TensorSource;
}

namespace nava::video_vae {

// What to do with frames beyond the last complete 4-frame group (T != 1 + 4k).
enum class FrameRemainder {
    kError,     // throw ConfigError naming the valid frame counts (default)
    kTruncate,  // ignore them, like the reference
};

// Called after each chunk: (chunks done, chunks total).
using ChunkProgress = std::function<void(int64_t, int64_t)>;

struct EncodeOptions {
    FrameRemainder remainder = FrameRemainder::kError;
    ChunkProgress progress;
    // Training: run outside InferenceMode so autograd records the chunked pass (the layers
    // then take their out-of-place paths; values agree with inference to float rounding).
    bool autograd = false;
};

struct DecodeOptions {
    bool clamp = true;  // the pipeline clamps to [-1, 1]; off gives the raw decoder output
    // Where the decoded video is accumulated (defaults to the model's device). Moving it to
    // the CPU frees device memory for long clips (the reference's `cpu_offload`).
    std::optional<c10::Device> output_device;
    ChunkProgress progress;
    bool autograd = false;  // training, as EncodeOptions::autograd
};

struct EncodeResult {
    at::Tensor latent;   // [B, z, T', h, w] normalised: (mu - mean) * inv_std
    at::Tensor mu;       // [B, z, T', h, w] raw mean half of `conv1`
    at::Tensor log_var;  // [B, z, T', h, w] second half (unused by the pipeline)
};

class VideoVae : public Module {
public:
    explicit VideoVae(const VideoVaeConfig& config);

    // video [B, 3, T, H, W] in [-1, 1]; T = 1 + 4k, H and W multiples of spatial_factor().
    EncodeResult encode_full(const at::Tensor& video, const LatentScale& scale,
                             const EncodeOptions& options = {});
    at::Tensor encode(const at::Tensor& video, const LatentScale& scale,
                      const EncodeOptions& options = {});
    // latent [B, z, T', h, w] (normalised) -> video [B, 3, 1 + 4(T'-1), 16h, 16w], float32
    // (float64 when the model runs in float64).
    at::Tensor decode(const at::Tensor& latent, const LatentScale& scale,
                      const DecodeOptions& options = {});

    // Throws ConfigError with a clear message when the shape cannot be encoded / decoded.
    void check_video_shape(at::IntArrayRef shape, FrameRemainder remainder) const;
    void check_latent_shape(at::IntArrayRef shape) const;

    // Resets every chunk cache (done automatically at the start and end of each call).
    void clear_chunk_state();

    const VideoVaeConfig& config() const { return config_; }
    at::ScalarType dtype() const;
    c10::Device device() const;

    std::shared_ptr<Encoder3d> encoder;
    std::shared_ptr<CausalConv3d> conv1;  // 2z -> 2z, 1x1x1
    std::shared_ptr<CausalConv3d> conv2;  // z -> z, 1x1x1
    std::shared_ptr<Decoder3d> decoder;

private:
    VideoVaeConfig config_;
};

// Config stored in a weights file's `config` metadata (the fixtures), else Wan2.2's.
VideoVaeConfig config_from_source(const io::TensorSource& source);

struct LoadVideoVaeOptions {
    std::string prefix;                 // e.g. "video_vae." inside a bundle; "" for the .pth
    at::ScalarType dtype = at::kFloat;  // kFloat (contract), kDouble, kBFloat16
    c10::Device device = c10::Device(c10::kCPU);
};

// Builds the module tree for `config` and loads every key strictly by name.
std::shared_ptr<VideoVae> load_video_vae(const io::TensorSource& source,
                                         const VideoVaeConfig& config,
                                         const LoadVideoVaeOptions& options = {});
std::shared_ptr<VideoVae> load_video_vae(const std::filesystem::path& weights,
                                         const LoadVideoVaeOptions& options = {});

// Adapter layouts: [1, z, T, h, w] <-> [T, h, w, z] (what the DiT side holds).
at::Tensor latent_to_thwc(const at::Tensor& latent);
at::Tensor latent_from_thwc(const at::Tensor& thwc);

}  // namespace nava::video_vae
