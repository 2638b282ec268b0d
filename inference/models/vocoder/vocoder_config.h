// Configuration of the LTX-2.3 vocoder as NAVA uses it: a BigVGAN-v2 style generator from the
// decoded log-mel to 16 kHz, followed by a bandwidth-extension (BWE) generator to 48 kHz. Read
// from the `vocoder` block of the checkpoint's embedded JSON config (safetensors metadata
// `config`); absent keys take the reference configurator's defaults.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nava::vocoder {

// One generator (`vocoder.vocoder.*` or `vocoder.bwe_generator.*`).
struct GeneratorConfig {
    int64_t in_channels = 128;  // stereo x mel bins of the input spectrogram
    int64_t out_channels = 2;   // stereo waveform
    int64_t upsample_initial_channel = 1024;
    std::vector<int64_t> upsample_rates;                        // one transposed conv per stage
    std::vector<int64_t> upsample_kernel_sizes;                 // same length as the rates
    std::vector<int64_t> resblock_kernel_sizes;                 // AMP blocks per stage, averaged
    std::vector<std::vector<int64_t>> resblock_dilation_sizes;  // 3 dilations per kernel
    bool use_bias_at_final = true;                              // conv_post bias
    bool apply_final_activation = true;
    bool use_tanh_at_final = true;  // tanh when true, clamp(-1, 1) otherwise
    int64_t output_sampling_rate = 24000;

    int64_t channels_at_stage(std::size_t stage) const;  // output width of ups[stage]
    int64_t final_channels() const;
    int64_t hop_length() const;  // product of the upsample rates: samples per input frame
};

// The BWE stage around the second generator.
struct BweConfig {
    int64_t input_sampling_rate = 16000;
    int64_t output_sampling_rate = 48000;
    int64_t n_fft = 512;      // causal STFT size (= window length)
    int64_t hop_length = 80;  // STFT hop at the input rate
    int64_t num_mels = 64;

    int64_t ratio() const { return output_sampling_rate / input_sampling_rate; }
};

struct VocoderConfig {
    GeneratorConfig vocoder;  // mel -> input_sampling_rate
    GeneratorConfig bwe;      // causal log-mel -> residual at output_sampling_rate
    BweConfig bwe_stage;

    // `checkpoint_config` is the whole embedded config (with its `vocoder` block);
    // `mel_bins` is the audio VAE's mel count, which fixes the main generator's input width.
    // Throws nava::ConfigError for missing keys and for variants that are not implemented
    // (single-stage LTX-2.0 vocoder, resblock other than AMP1, activation other than
    // snakebeta, mono).
    static VocoderConfig from_checkpoint_json(const nlohmann::json& checkpoint_config,
                                              int64_t mel_bins, const std::string& label);
};

}  // namespace nava::vocoder
