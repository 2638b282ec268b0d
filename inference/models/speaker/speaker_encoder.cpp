#include "inference/models/speaker/speaker_encoder.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/state_dict.h"
#include "inference/io/tensor_source.h"

namespace nava::speaker {
namespace {

// Checkpoints converted from the reference `.pt` ({"model_config", "state_dict"}) by a generic
// flattening tool carry this prefix.
const char* const kStateDictPrefix = "state_dict.";

std::string key_prefix_of(const io::TensorSource& weights) {
    if (!weights.contains("linear.weight") &&
        weights.contains(std::string(kStateDictPrefix) + "linear.weight"))
        return kStateDictPrefix;
    return "";
}

}  // namespace

SpeakerEncoder::SpeakerEncoder(const ReDimNetConfig& config, const io::TensorSource& weights,
                               at::ScalarType dtype, const std::string& key_prefix)
    : model_(std::make_shared<ReDimNet>(config)) {
    io::LoadOptions options;
    options.prefix = key_prefix;
    options.mode = io::LoadMode::kStrict;
    // Every tensor keeps the dtype the module declares (float32 parameters, int64 counters);
    // BF16/F16 checkpoint values widen exactly.
    io::load_state_dict(*model_, weights, options);
    model_->frontend().check_buffers();
    model_->eval();
    model_->set_compute_dtype(dtype);
}

ReDimNetConfig SpeakerEncoder::config_for(const io::TensorSource& weights,
                                          const std::filesystem::path& weights_path) {
    const auto meta = weights.metadata();
    for (const char* key : {"model_config", "config"}) {
        auto it = meta.find(key);
        if (it != meta.end())
            return ReDimNetConfig::from_json_text(
                it->second, weights_path.string() + " metadata '" + key + "'");
    }
    std::filesystem::path sidecar = weights_path;
    sidecar.replace_extension(".json");
    if (std::filesystem::exists(sidecar)) {
        const nlohmann::json j = io::read_json_file(sidecar);
        const bool wrapped = j.is_object() && j.contains("model_config");
        return ReDimNetConfig::from_json(wrapped ? j["model_config"] : j, sidecar.string());
    }
    throw ConfigError(weights_path.string() +
                      ": no ReDimNet configuration found (looked for metadata 'model_config' or "
                      "'config' and for " +
                      sidecar.string() + "); store the checkpoint's model_config there");
}

SpeakerEncoder SpeakerEncoder::load(const std::filesystem::path& weights, at::ScalarType dtype) {
    const auto source = io::open_tensor_source(weights);
    const ReDimNetConfig config = config_for(*source, weights);
    return SpeakerEncoder(config, *source, dtype, key_prefix_of(*source));
}

at::Tensor SpeakerEncoder::forward(const at::Tensor& wave, ReDimNetTrace* trace) const {
    at::NoGradGuard no_grad;
    const at::Tensor batch = wave.dim() == 1 ? wave.unsqueeze(0) : wave;  // [B, N]
    if (batch.dim() != 2)
        throw Error("speaker encoder: expected a waveform [samples] or [batch, samples], got " +
                    std::to_string(wave.dim()) + " dimensions");
    if (!at::isFloatingType(batch.scalar_type()))
        throw Error("speaker encoder: the waveform must be floating point");
    return model_->forward(batch, trace);
}

at::Tensor SpeakerEncoder::embed(const at::Tensor& wave) const {
    return forward(wave).to(at::kFloat);
}

}  // namespace nava::speaker
