// LoRA on the DiT's attention projections (q, k, v, o of self- and cross-attention, video and
// audio streams) of chosen blocks: W' = W + (alpha / rank) · B · A with A [rank, in] and
// B [out, rank]; B starts at zero so training starts from the base model.
//
// How it runs under FSDP without touching the model code: the base weights stay frozen in their
// shards; when a block's parameters have been gathered, the adapter adds its delta into the
// gathered weights, so the block computes x·W'ᵀ. The weight gradient G = dL/dW' that autograd
// produces for the gathered weight is turned into the adapter's gradients by the chain rule
// (dL/dB = s·G·Aᵀ, dL/dA = s·Bᵀ·G) and then dropped, so the base weights never change. The
// adapter is small: it is replicated on every rank, its gradients are all-reduced, and it has
// its own AdamW state.
//
// Export: merged into the weights (a plain model file) or as a separate safetensors adapter
// ("<module>.lora_A.weight" [r, in], "<module>.lora_B.weight" [out, r], metadata lora_rank /
// lora_alpha), which merge_lora_adapter() applies to any loaded model.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <ATen/core/Tensor.h>
#include <nlohmann/json_fwd.hpp>

namespace torch::nn {
class Module;
}

namespace nava::train {

class Communicator;
class FsdpModel;
struct AdamWOptions;

struct LoraOptions {
    int64_t rank = 0;    // 0 = no LoRA (full fine-tuning)
    double alpha = 0.0;  // scale = alpha / rank (0 = alpha equals rank, scale 1)
    std::vector<std::string> projections = {"q", "k", "v", "o"};
    std::vector<std::string> attention = {"self_attn", "cross_attn"};
    bool audio = true;                   // also the audio stream's projections (q_audio, ...)
    std::vector<int64_t> blocks;         // block indices (double blocks first); empty = all
    std::string export_mode = "merged";  // "merged", "adapter" or "both"
    uint64_t seed = 0;                   // initialisation of A

    bool enabled() const { return rank > 0; }
    double scale() const;
    void validate(const std::string& label) const;
    // {"rank", "alpha", "projections", "attention", "audio", "blocks", "export", "seed"}
    static LoraOptions from_json(const nlohmann::json& json, const std::string& label);
    nlohmann::json to_json() const;
};

// Whether parameter `name` (e.g. "double_blocks.3.self_attn.q_audio.weight") of block `block`
// is adapted under `options`.
bool is_lora_target(const std::string& name, int64_t block, const LoraOptions& options);

struct LoraLayer {
    std::string module;  // "double_blocks.3.self_attn.q"
    int64_t unit = 0;    // FSDP unit (= block index)
    int64_t param = 0;   // index of the weight within the unit's parameters
    at::Tensor a, b;     // [r, in], [out, r] float32
    at::Tensor grad_a, grad_b;
    at::Tensor m_a, v_a, m_b, v_b;  // AdamW moments
};

class LoraAdapter {
public:
    // Finds the targets among the units' parameters; the same on every rank (seeded).
    LoraAdapter(FsdpModel& fsdp, LoraOptions options);

    const LoraOptions& options() const { return options_; }
    const std::vector<LoraLayer>& layers() const { return layers_; }
    int64_t parameter_count() const;
    // Whether the parameter `param` of `unit` is adapted (its gradient belongs to the adapter).
    bool adapts(int64_t unit, int64_t param) const;

    // Adds s·B·A into the gathered weights of `unit` (call right after gathering it).
    void apply(int64_t unit);
    // Turns the gathered weights' gradients of `unit` into adapter gradients (accumulating) and
    // clears them, so that the frozen base never receives them.
    void collect_gradients(int64_t unit);
    void zero_grad();
    // Sums the gradients over ranks, times `scale`.
    void reduce_gradients(Communicator& comm, double scale);
    double grad_norm_squared() const;
    void scale_gradients(double factor);
    void step(const AdamWOptions& options, double lr);
    int64_t steps() const { return steps_; }

    // Checkpoint tensors ("lora.<module>.a", ".b", ".m_a", ...) and their restore.
    std::vector<std::pair<std::string, at::Tensor>> state() const;
    void load_state(const std::vector<std::pair<std::string, at::Tensor>>& state, int64_t steps);

    // The adapter as exported: "<module>.lora_A.weight", "<module>.lora_B.weight".
    std::vector<std::pair<std::string, at::Tensor>> adapter_tensors() const;
    // Adds s·B·A to the matching "<module>.weight" entries of a full state.
    void merge_into(std::vector<std::pair<std::string, at::Tensor>>& state) const;

private:
    FsdpModel& fsdp_;
    LoraOptions options_;
    std::vector<LoraLayer> layers_;
    std::vector<std::vector<int64_t>> by_unit_;  // unit -> layer indices
    int64_t steps_ = 0;
};

// Writes an adapter file (safetensors with lora_rank / lora_alpha / lora_options metadata).
void save_lora_adapter(const std::filesystem::path& path, const LoraAdapter& adapter);

// Merges an adapter file into a loaded model's weights: W += (alpha / rank) · B · A for every
// adapted module. Throws FormatError when a module is missing or shapes do not match.
void merge_lora_adapter(torch::nn::Module& model, const std::filesystem::path& adapter);

}  // namespace nava::train
