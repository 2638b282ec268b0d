// NAVA's joint audio-video diffusion transformer ("WanAVModel", Align-then-Fuse MMDiT): video
// and audio latents plus text context (and speaker tokens) in, velocity predictions out.
// Submodules carry the reference checkpoint names, so the official weights load by name.
#pragma once

#include <functional>

#include <memory>
#include <optional>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/dit/blocks.h"
#include "inference/models/dit/dit_config.h"
#include "inference/models/dit/embeddings.h"

namespace nava::dit {

struct DitInputs {
    std::vector<at::Tensor>
        video;  // per sample [C_v, F, H, W] (H, W multiples of the patch); may be empty
    std::vector<at::Tensor> audio;  // per sample [L, C_a]; may be empty
    // Per sample text-encoder outputs [Lt_i, text_dim], unpadded. The video-path context is used
    // by both streams unless speaker embeddings are given or there is no video context, then
    // the audio-path one (with speaker rows injected) is.
    std::vector<at::Tensor> video_context;
    std::vector<at::Tensor> audio_context;
    at::Tensor timestep;                                                 // [1] (shared) or [B]
    std::optional<at::Tensor> speaker_embeddings;                        // [N, S]
    std::optional<std::vector<std::vector<int64_t>>> speaker_positions;  // per sample
    bool modality_masking = false;  // video and audio attend only within their own modality
    // Per-sample choice instead (size B) when the passes of one guidance step share a batch.
    std::vector<bool> masked_samples;
    bool first_frame_clean = false;  // image-to-video: frame-0 tokens get t = 0
};

struct DitOutputs {
    std::vector<at::Tensor> video;  // per sample [C_out, F, H, W], float32 unless run in float64
    std::vector<at::Tensor> audio;  // per sample [L, C_out]
};

// Everything the blocks need, produced once per forward by DitModel::prepare(). The tensors
// derived from parameters (x, time rows, context) keep their autograd history, so a trainer can
// run the blocks one by one (activation checkpointing, sharded parameters) and still reach the
// embedding parameters.
struct DitState {
    at::Tensor x;  // [B, Lv + La, D] packed tokens entering the first block
    SequenceLayout layout;
    TimeConditioning time;
    RopeTables rope;
    at::Tensor context;  // [B, text_len, D]
    std::vector<VideoGrid> grids;
    std::vector<int64_t> audio_lengths;
    bool modality_masking = false;
    at::Tensor masked_samples;  // int64 indices (per-sample masking), or undefined
    at::Tensor joint_samples;
};

class DitModel : public nn::Module {
public:
    explicit DitModel(const DitConfig& config);

    const DitConfig& config() const { return config_; }
    // Computation dtype = dtype of the parameters (float32, bfloat16 or float64).
    at::ScalarType dtype() const;

    DitOutputs forward(const DitInputs& inputs, const Probe* probe = nullptr) const;

    // The forward pass in stages: prepare() -> run_block(0..num_blocks()-1) -> finish().
    DitState prepare(const DitInputs& inputs, const Probe* probe = nullptr) const;
    int64_t num_blocks() const;  // double blocks first, then single blocks
    nn::Module& block(int64_t index) const;
    // Block `index` applied to `x` with the state's layout, time rows, rope and context.
    at::Tensor run_block(int64_t index, const at::Tensor& x, const DitState& state,
                         const Probe* probe = nullptr) const;
    // Heads and unpatchify: the velocity predictions from the last block's output.
    DitOutputs finish(const at::Tensor& x, const DitState& state,
                      const Probe* probe = nullptr) const;

    // The context the blocks cross-attend to, for a given call (exposed for the pipeline's
    // debugging outputs and tests).
    ContextOutputs context_for(const DitInputs& inputs) const;

    // Called around every block of forward() (not of run_block(), which callers drive
    // themselves): block streaming makes a block's weights resident just in time.
    struct BlockHooks {
        std::function<void(int64_t block)> before;
        std::function<void(int64_t block)> after;
    };
    void set_block_hooks(BlockHooks hooks) { hooks_ = std::move(hooks); }

    // The text and speaker embedding parts, for components that share them.
    const TextEmbedding& text_embedding() const { return *text_embedding_; }
    const SpeakerTokens* speaker_embedding() const { return speaker_embedding_.get(); }

private:
    DitConfig config_;
    std::shared_ptr<nn::Conv> patch_embedding_;
    std::shared_ptr<AudioEmbedding> patch_embedding_audio_;
    std::shared_ptr<SpeakerTokens> speaker_embedding_;
    std::shared_ptr<TextEmbedding> text_embedding_;
    std::shared_ptr<TimeEmbedding> time_embedding_;
    std::shared_ptr<TimeProjection> time_projection_;
    std::vector<std::shared_ptr<DoubleBlock>> double_blocks_;
    std::vector<std::shared_ptr<SingleBlock>> single_blocks_;
    std::shared_ptr<Head> head_, head_audio_;
    BlockHooks hooks_;
};

// Unpatchify one sample's head output rows [F·h·w, pt·ph·pw·C] -> [C, F·pt, h·ph, w·pw].
at::Tensor unpatchify_video(const at::Tensor& rows, const VideoGrid& grid,
                            const std::array<int64_t, 3>& patch, int64_t channels);

}  // namespace nava::dit
