// The speaker (timbre) encoder NAVA conditions on: ReDimNet built from its checkpoint's own
// configuration, loaded strictly by name, run without gradients. 16 kHz mono waveform in,
// unnormalised embedding out (192-d for ReDimNet-M).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>

#include "inference/models/speaker/redimnet.h"
#include "inference/models/speaker/redimnet_config.h"

namespace nava::io {
class TensorSource;
}

namespace nava::speaker {

class SpeakerEncoder {
public:
    // Builds the model for `config` and loads every parameter and buffer from `weights`
    // (strict; keys may carry `key_prefix`). Throws StateDictError listing missing, unexpected
    // or wrong-shaped keys, ConfigError when the front-end buffers contradict the config.
    SpeakerEncoder(const ReDimNetConfig& config, const io::TensorSource& weights,
                   at::ScalarType dtype = at::kFloat, const std::string& key_prefix = "");

    // Opens a safetensors checkpoint. The configuration is the reference constructor's keyword
    // JSON, taken from the file's metadata (`model_config`, else `config`) or else from a
    // sidecar file `<name>.json` beside it; a `state_dict.` key prefix is recognised.
    static SpeakerEncoder load(const std::filesystem::path& weights,
                               at::ScalarType dtype = at::kFloat);
    // Finds the configuration the way load() does (exposed for tools and tests).
    static ReDimNetConfig config_for(const io::TensorSource& weights,
                                     const std::filesystem::path& weights_path);

    // wave: [N] or [B, N] at sample_rate_hz(), any floating dtype, on the model's device.
    // Returns [B, embed_dim] float32 (the raw model output, not L2-normalised).
    at::Tensor embed(const at::Tensor& wave) const;
    // Same in the compute dtype, recording intermediates when `trace` is given.
    at::Tensor forward(const at::Tensor& wave, ReDimNetTrace* trace = nullptr) const;

    int64_t sample_rate_hz() const { return model_->config().mel.sample_rate_hz; }
    int64_t embed_dim() const { return model_->config().embed_dim; }
    // Shortest waveform the front-end accepts.
    int64_t min_samples() const { return model_->frontend().min_samples(); }
    at::ScalarType dtype() const { return model_->compute_dtype(); }
    const ReDimNetConfig& config() const { return model_->config(); }
    ReDimNet& model() { return *model_; }
    const ReDimNet& model() const { return *model_; }

private:
    std::shared_ptr<ReDimNet> model_;
};

}  // namespace nava::speaker
