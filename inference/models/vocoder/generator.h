// BigVGAN-v2 style generator (the LTX `Vocoder` class with resblock "AMP1" and SnakeBeta):
// stereo log-mel frames -> waveform. Used twice: mel -> 16 kHz (`vocoder.vocoder.*`) and,
// inside the bandwidth extension, causal log-mel -> 48 kHz residual (`vocoder.bwe_generator.*`).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/TensorOptions.h>
#include <torch/nn/module.h>

#include "inference/models/common/layers.h"
#include "inference/models/vocoder/anti_alias.h"
#include "inference/models/vocoder/conv.h"
#include "inference/models/vocoder/vocoder_config.h"

namespace nava::vocoder {

// Three times: x += conv2(act2(conv1_dilated(act1(x)))); every activation anti-aliased.
class AmpBlock1 : public torch::nn::Module {
public:
    AmpBlock1(int64_t channels, int64_t kernel, const std::vector<int64_t>& dilations,
              const at::TensorOptions& options);
    at::Tensor forward(const at::Tensor& x) const;  // [B, C, L] -> [B, C, L]

    std::vector<std::shared_ptr<Conv1d>> convs1, convs2;
    std::vector<std::shared_ptr<Activation1d>> acts1, acts2;
};

class Generator : public torch::nn::Module {
public:
    Generator(const GeneratorConfig& config, const at::TensorOptions& options);

    // mel: [B, 2, T, M] (stereo, time before mel bins) -> waveform [B, 2, T·hop] (for
    // upsample kernels with even kernel - rate, which every LTX checkpoint has).
    at::Tensor forward(const at::Tensor& mel) const;

    const GeneratorConfig& config() const { return config_; }

    std::shared_ptr<Conv1d> conv_pre;
    std::vector<std::shared_ptr<ConvTranspose1d>> ups;
    std::vector<std::shared_ptr<AmpBlock1>> resblocks;  // stage * kernels + kernel index
    std::shared_ptr<Activation1d> act_post;
    std::shared_ptr<Conv1d> conv_post;

private:
    GeneratorConfig config_;
};

}  // namespace nava::vocoder
