#include "inference/models/audio_vae/synthetic.h"

#include <cmath>
#include <string>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/models/audio_vae/mel_frontend.h"

namespace nava::audio_vae {
namespace {

nlohmann::json generator_block(int64_t channels, std::vector<int64_t> rates,
                               std::vector<int64_t> kernels) {
    return {{"upsample_initial_channel", channels},
            {"resblock", "AMP1"},
            {"upsample_rates", rates},
            {"resblock_kernel_sizes", {3, 7, 11}},
            {"upsample_kernel_sizes", kernels},
            {"resblock_dilation_sizes", {{1, 3, 5}, {1, 3, 5}, {1, 3, 5}}},
            {"stereo", true},
            {"use_tanh_at_final", false},
            {"activation", "snakebeta"},
            {"use_bias_at_final", false}};
}

nlohmann::json make_config(int64_t ch, std::vector<int64_t> ch_mult, int64_t z,
                           nlohmann::json vocoder, nlohmann::json bwe) {
    bwe["apply_final_activation"] = false;
    bwe["input_sampling_rate"] = 16000;
    bwe["output_sampling_rate"] = 48000;
    bwe["hop_length"] = 80;
    bwe["n_fft"] = 512;
    bwe["win_size"] = 512;
    bwe["num_mels"] = 64;
    nlohmann::json dd = {{"double_z", true},
                         {"mel_bins", 64},
                         {"z_channels", z},
                         {"resolution", 256},
                         {"in_channels", 2},
                         {"out_ch", 2},
                         {"ch", ch},
                         {"ch_mult", ch_mult},
                         {"num_res_blocks", 2},
                         {"dropout", 0.0},
                         {"mid_block_add_attention", false},
                         {"norm_type", "pixel"},
                         {"causality_axis", "height"}};
    return {{"audio_vae", {{"model", {{"params", {{"ddconfig", dd}, {"sampling_rate", 16000}}}}}}},
            {"vocoder", {{"vocoder", vocoder}, {"bwe", bwe}}}};
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Half-band low-pass (cutoff a quarter of the rate), Hann-windowed, unit DC gain.
at::Tensor half_band_filter(int64_t taps) {
    const at::Tensor n = at::arange(taps, at::kDouble).sub((taps - 1) / 2.0);
    const at::Tensor window = at::hann_window(taps, /*periodic=*/false, at::kDouble);
    at::Tensor f = at::sinc(n.mul(0.5)).mul(window);
    return f.div(f.sum()).view({1, 1, taps});
}

// [cos; -sin] DFT rows times a periodic Hann window: [2F, 1, n_fft].
at::Tensor stft_basis(int64_t n_fft) {
    const int64_t freqs = n_fft / 2 + 1;
    const at::Tensor k = at::arange(freqs, at::kDouble).unsqueeze(1);
    const at::Tensor n = at::arange(n_fft, at::kDouble).unsqueeze(0);
    const at::Tensor phase = k.mul(n).mul(2.0 * M_PI / static_cast<double>(n_fft));
    const at::Tensor window = at::hann_window(n_fft, /*periodic=*/true, at::kDouble);
    return at::cat({phase.cos(), phase.sin().neg()}, 0).mul(window).unsqueeze(1);
}

}  // namespace

nlohmann::json tiny_checkpoint_config() {
    return make_config(32, {1, 2, 2}, 2, generator_block(32, {5, 4, 8}, {11, 8, 16}),
                       generator_block(32, {6, 5, 8}, {12, 11, 16}));
}

nlohmann::json real_checkpoint_config() {
    return make_config(128, {1, 2, 4}, 8,
                       generator_block(1536, {5, 2, 2, 2, 2, 2}, {11, 4, 4, 4, 4, 4}),
                       generator_block(512, {6, 5, 2, 2, 2}, {12, 11, 4, 4, 4}));
}

void randomize_weights(AudioCodec& codec, uint64_t seed) {
    at::NoGradGuard no_grad;
    at::Generator gen = at::detail::createCPUGenerator(seed);
    const auto f64 = at::TensorOptions().dtype(at::kDouble);
    auto assign = [](at::Tensor& target, const at::Tensor& value) {
        target.copy_(value.to(target.scalar_type()).reshape(target.sizes()));
    };
    const auto& bwe = codec.config().vocoder.bwe_stage;

    auto fill = [&](const std::string& name, at::Tensor target) {
        const auto shape = target.sizes();
        if (ends_with(name, "filter")) {
            assign(target, half_band_filter(shape.back()));
        } else if (ends_with(name, "forward_basis") || ends_with(name, "inverse_basis")) {
            assign(target, stft_basis(shape.back()));
        } else if (ends_with(name, "mel_basis")) {
            assign(target, slaney_mel_filterbank(shape[1], 0.0, bwe.input_sampling_rate / 2.0,
                                                 shape[0], bwe.input_sampling_rate)
                               .t());
        } else if (ends_with(name, "std-of-means")) {
            assign(target, at::rand(shape, gen, f64).add(0.5));
        } else if (ends_with(name, "mean-of-means") || ends_with(name, ".alpha") ||
                   ends_with(name, ".beta")) {
            assign(target, at::randn(shape, gen, f64).mul(0.3));
        } else if (ends_with(name, "bias")) {
            assign(target, at::randn(shape, gen, f64).mul(0.05));
        } else {
            // Convolutions: N(0, 1/fan_in); transposed convs store [in, out, k].
            const bool transposed = name.find(".ups.") != std::string::npos;
            int64_t fan_in = transposed ? shape[0] : shape[1];
            for (std::size_t i = 2; i < shape.size(); ++i)
                fan_in *= shape[i];
            double scale = 1.0 / std::sqrt(static_cast<double>(fan_in));
            if (ends_with(name, "conv_post.weight")) scale *= 0.25;
            assign(target, at::randn(shape, gen, f64).mul(scale));
        }
    };
    for (auto& item : codec.named_parameters(/*recurse=*/true))
        fill(item.key(), item.value());
    for (auto& item : codec.named_buffers(/*recurse=*/true))
        fill(item.key(), item.value());
}

}  // namespace nava::audio_vae
