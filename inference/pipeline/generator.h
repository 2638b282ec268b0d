// The torch side of the engine: a loaded model package, request validation and sizing,
// conditioning (prompt -> tokens, voices -> speaker embeddings), seeded noise, the composition,
// and writing the clip. GenerationEngine (engine.h) wraps it for the CLI and the studio.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "inference/api/request.h"
#include "inference/pipeline/composer.h"
#include "inference/pipeline/engine.h"
#include "inference/pipeline/package.h"

namespace nava::text {
class Tokenizer;
}
namespace nava::speaker {
class SpeakerEncoder;
}
namespace nava::dit {
class BlockStreamer;
}

namespace nava::pipeline {

// How weights are held during a generation.
struct MemoryProfile {
    std::string name;
    at::ScalarType dit_dtype = at::kFloat;
    at::ScalarType text_dtype = at::kFloat;
    at::ScalarType vae_dtype = at::kFloat;
    bool release_text_encoder = false;  // drop umT5 once the prompt is encoded (reloaded later)
    bool fp8_weights = false;           // block Linears stored as E4M3 codes, expanded per call
    bool stream_blocks = false;         // DiT blocks kept in host memory, streamed per forward
    bool tile_vae = false;              // spatially tiled video decode
    std::string reason;                 // why "auto" chose it
};

// The named profiles, from most to least memory:
//   full          bf16 weights, everything resident on the device
//   text-offload  full, but umT5 leaves the device once the prompt is encoded
//   fp8           text-offload + fp8 weight-only storage of the block Linears
//   block-offload text-offload + DiT blocks streamed from host memory with prefetch
//   low-memory    fp8 + block streaming + tiled VAE decode
//   cpu-f32 / cpu-bf16 / cpu-fp8  on the CPU: float32 (exact), bf16 (faster), fp8 storage
// "auto" picks from the device, its free memory and the DiT's size.
MemoryProfile resolve_memory_profile(const std::string& name, const c10::Device& device,
                                     int64_t dit_parameters);
const std::vector<std::string>& memory_profile_names();

// Latent geometry of a request.
struct RequestGeometry {
    int width = 0, height = 0;
    int64_t latent_frames = 0, latent_height = 0, latent_width = 0;
    int64_t video_frames = 0;
    int64_t audio_tokens = 0;
    double duration_s = 0.0;
    std::vector<std::string> warnings;
};
// Sizes rounded to the latent grid (16 pixels; 6 latent frames per second at 24 fps).
RequestGeometry request_geometry(const api::GenerationRequest& request);

class Generator {
public:
    Generator(ModelPackage package, c10::Device device, const EngineOptions& options);
    ~Generator();

    const ModelPackage& package() const { return package_; }
    PackageInfo info();
    RequestPlan plan(const api::GenerationRequest& request);
    JobResult generate(const std::string& job_id, const api::GenerationRequest& request,
                       const ProgressFn& progress, const std::atomic<bool>* cancel);

private:
    struct Conditioning;
    void ensure_loaded(const MemoryProfile& profile);
    void load_text_encoder(const MemoryProfile& profile);
    Conditioning condition(const api::GenerationRequest& request,
                           std::vector<std::string>& warnings);
    at::Tensor voice_embedding(const api::Speaker& speaker, std::vector<std::string>& warnings);
    at::Tensor encode_first_frame(const std::string& path, const RequestGeometry& geometry);
    int64_t dit_text_len();

    ModelPackage package_;
    c10::Device device_;
    std::string default_profile_;
    bool batch_passes_ = true;
    std::string loaded_profile_;
    Components components_;
    std::shared_ptr<text::Tokenizer> tokenizer_;
    std::shared_ptr<speaker::SpeakerEncoder> speaker_;
    std::unique_ptr<dit::BlockStreamer> streamer_;
    std::map<std::string, at::Tensor> voice_cache_;  // file + hash -> [S]
};

}  // namespace nava::pipeline
