// The ReDimNet front-end (`spec`, the reference `MelBanks`): pre-emphasis, a centred STFT with a
// periodic Hamming window, HTK mel filterbank, log and per-bin mean removal. Its constants are
// checkpoint buffers under the reference names (`spec.torchfbank.1.flipped_filter`,
// `spec.torchfbank.2.spectrogram.window`, `spec.torchfbank.2.mel_scale.fb`).
#pragma once

#include <memory>

#include <ATen/core/Tensor.h>

#include "inference/models/common/layers.h"
#include "inference/models/speaker/redimnet_config.h"

namespace nava::speaker {

class BatchNorm;

class MelBanks : public nn::Module {
public:
    explicit MelBanks(const MelConfig& config);

    // wave: [B, N] samples at config().sample_rate_hz. Returns log-mel features [B, n_mels, T]
    // with T = 1 + N / hop_length, in float32 or float64 (`dtype`). float32 uses the checkpoint
    // buffers exactly as the reference does; float64 uses the same formulas evaluated in float64
    // (exact 0.97, window and filterbank), which is what the float64 reference run did.
    at::Tensor forward(const at::Tensor& wave, at::ScalarType dtype) const;

    // Checks the loaded buffers against the formulas of the configuration (a checkpoint whose
    // `spec_params` differ from the config would otherwise give silently wrong features).
    // Throws nava::ConfigError naming the buffer.
    void check_buffers() const;

    // Fewest samples the centred STFT accepts (its reflect padding needs more than n_fft / 2).
    int64_t min_samples() const { return config_.n_fft / 2 + 1; }
    const MelConfig& config() const { return config_; }

    // The float64 constants (exposed for tests): periodic Hamming [win_length] and the HTK
    // filterbank [n_fft / 2 + 1, n_mels].
    static at::Tensor hamming_window(int64_t length, at::ScalarType dtype);
    static at::Tensor mel_filterbank(const MelConfig& config, at::ScalarType dtype);

private:
    MelConfig config_;
    at::Tensor preemph_filter_;  // [1, 1, 2] = [-0.97, 1]   (absent when do_preemph is false)
    at::Tensor window_;          // [win_length]
    at::Tensor fb_;              // [n_fft / 2 + 1, n_mels]
    std::shared_ptr<BatchNorm> spec_norm_bn_;  // spec_norm = "bn" only
    // Exact float64 constants for float64 runs.
    at::Tensor window64_, fb64_;
};

}  // namespace nava::speaker
