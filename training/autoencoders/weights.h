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

// Starts a VAE's posterior narrow: the log-variance half ([z, 2z)) of the bias named `bias_name`
// (the layer that emits mean and log-variance) is set to `log_var`. With the default 0 the
// sample's noise is as large as the means, the decoder learns to ignore the latent and only
// the average picture comes out; Adam moves that bias by about the learning rate per step, far
// too slowly to recover. Throws nava::Error when the module has no such bias of 2z entries.
void narrow_posterior(torch::nn::Module& module, const std::string& bias_name, int64_t z_channels,
                      double log_var);
constexpr double kInitialPosteriorLogVar = -8.0;  // noise std 0.018

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
