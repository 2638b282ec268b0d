// Weight helpers shared by the autoencoder trainers: seeded initialisation, the trainable
// parameter list, state <-> named tensors, and the trainer metadata of a checkpoint.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "training/autoencoders/adam.h"

namespace torch::nn {
class Module;
}

namespace nava::io {
class TensorSource;
struct NamedTensor;
}  // namespace nava::io

namespace nava::autoencoders {

// Kernels / matrices ~ N(0, 1/fan_in); `gamma` gains 1; everything else (biases) 0.
void init_weights(torch::nn::Module& module, uint64_t seed);

// Every parameter of `module`, switched to requires_grad (the engine's layers create some
// parameters with requires_grad off).
NamedParameters trainable_parameters(torch::nn::Module& module);

// Parameters and buffers as "<prefix><name>" (contiguous CPU copies).
std::vector<io::NamedTensor> named_state(torch::nn::Module& module, const std::string& prefix);
// Strict load of every parameter and buffer from "<prefix><name>" (other keys are ignored).
void load_named_state(torch::nn::Module& module, const io::TensorSource& source,
                      const std::string& prefix);

// The "trainer" metadata of a checkpoint; throws nava::Error when absent or of another kind.
nlohmann::json read_trainer_metadata(const io::TensorSource& source, const std::string& kind);

nlohmann::json adam_to_json(const AdamOptions& o);
AdamOptions adam_from_json(const nlohmann::json& j);

}  // namespace nava::autoencoders
