#include "inference/models/vocoder/generator.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::vocoder {
namespace {

// "Same" padding of a stride-1 dilated conv with an odd kernel.
int64_t same_padding(int64_t kernel, int64_t dilation) {
    return (kernel * dilation - dilation) / 2;
}

}  // namespace

AmpBlock1::AmpBlock1(int64_t channels, int64_t kernel, const std::vector<int64_t>& dilations,
                     const at::TensorOptions& options) {
    auto c1 = register_module("convs1", std::make_shared<nn::IndexedModules>());
    auto c2 = register_module("convs2", std::make_shared<nn::IndexedModules>());
    auto a1 = register_module("acts1", std::make_shared<nn::IndexedModules>());
    auto a2 = register_module("acts2", std::make_shared<nn::IndexedModules>());
    for (std::size_t i = 0; i < dilations.size(); ++i) {
        const int64_t d = dilations[i];
        convs1.push_back(
            c1->add(i, std::make_shared<Conv1d>(channels, channels, kernel, d,
                                                same_padding(kernel, d), true, options)));
        convs2.push_back(
            c2->add(i, std::make_shared<Conv1d>(channels, channels, kernel, 1,
                                                same_padding(kernel, 1), true, options)));
        acts1.push_back(a1->add(i, std::make_shared<Activation1d>(channels, options)));
        acts2.push_back(a2->add(i, std::make_shared<Activation1d>(channels, options)));
    }
}

at::Tensor AmpBlock1::forward(const at::Tensor& x_in) const {
    at::Tensor x = x_in;
    for (std::size_t i = 0; i < convs1.size(); ++i) {
        at::Tensor xt = acts1[i]->forward(x);  // [B, C, L]
        xt = convs1[i]->forward(xt);
        xt = acts2[i]->forward(xt);
        xt = convs2[i]->forward(xt);
        x = x + xt;
    }
    return x;
}

Generator::Generator(const GeneratorConfig& config, const at::TensorOptions& options)
    : config_(config) {
    const auto& c = config_;
    conv_pre = register_module(
        "conv_pre", std::make_shared<Conv1d>(c.in_channels, c.upsample_initial_channel, 7, 1, 3,
                                             true, options));
    auto ups_list = register_module("ups", std::make_shared<nn::IndexedModules>());
    auto res_list = register_module("resblocks", std::make_shared<nn::IndexedModules>());
    std::size_t res_index = 0;
    for (std::size_t i = 0; i < c.upsample_rates.size(); ++i) {
        const int64_t in = c.upsample_initial_channel >> i;
        const int64_t out = c.channels_at_stage(i);
        const int64_t k = c.upsample_kernel_sizes[i];
        const int64_t r = c.upsample_rates[i];
        ups.push_back(ups_list->add(
            i, std::make_shared<ConvTranspose1d>(in, out, k, r, (k - r) / 2, options)));
        for (std::size_t j = 0; j < c.resblock_kernel_sizes.size(); ++j) {
            resblocks.push_back(res_list->add(
                res_index++, std::make_shared<AmpBlock1>(out, c.resblock_kernel_sizes[j],
                                                         c.resblock_dilation_sizes[j], options)));
        }
    }
    act_post =
        register_module("act_post", std::make_shared<Activation1d>(c.final_channels(), options));
    conv_post =
        register_module("conv_post", std::make_shared<Conv1d>(c.final_channels(), c.out_channels, 7,
                                                              1, 3, c.use_bias_at_final, options));
}

at::Tensor Generator::forward(const at::Tensor& mel) const {
    if (mel.dim() != 4 || mel.size(1) * mel.size(3) != config_.in_channels)
        throw Error("vocoder: expected a stereo spectrogram [B, 2, T, M] with 2·M = " +
                    std::to_string(config_.in_channels) + ", got " + std::to_string(mel.dim()) +
                    "-d input");
    // 1. [B, S, T, M] -> [B, S·M, T]: channel = stereo_index · M + mel_bin.
    at::Tensor x = mel.transpose(2, 3).reshape({mel.size(0), -1, mel.size(2)});
    x = conv_pre->forward(x);  // [B, C0, T]

    // 2. Upsampling stages; the stage's AMP blocks all see the same input and are averaged.
    const std::size_t kernels = config_.resblock_kernel_sizes.size();
    for (std::size_t i = 0; i < ups.size(); ++i) {
        x = ups[i]->forward(x);  // [B, C0 / 2^(i+1), L·r_i]
        at::Tensor sum = resblocks[i * kernels]->forward(x);
        for (std::size_t j = 1; j < kernels; ++j)
            sum.add_(resblocks[i * kernels + j]->forward(x));
        x = sum.div_(static_cast<double>(kernels));
    }

    // 3. Output head.
    x = act_post->forward(x);
    x = conv_post->forward(x);  // [B, 2, T·hop]
    if (config_.apply_final_activation)
        x = config_.use_tanh_at_final ? at::tanh(x) : at::clamp(x, -1.0, 1.0);
    return x;
}

}  // namespace nava::vocoder
