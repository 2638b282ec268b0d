#include "inference/models/vocoder/bwe.h"

#include <vector>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/vocoder/conv.h"

namespace nava::vocoder {

StftBases::StftBases(int64_t n_fft, const at::TensorOptions& options) {
    const int64_t rows = 2 * (n_fft / 2 + 1);
    forward_basis = register_buffer("forward_basis", new_tensor({rows, 1, n_fft}, options));
    inverse_basis = register_buffer("inverse_basis", new_tensor({rows, 1, n_fft}, options));
}

MelStft::MelStft(int64_t fft, int64_t hop, int64_t num_mels, const at::TensorOptions& options)
    : n_fft(fft), hop_length(hop) {
    stft_fn = register_module("stft_fn", std::make_shared<StftBases>(fft, options));
    mel_basis = register_buffer("mel_basis", new_tensor({num_mels, fft / 2 + 1}, options));
}

at::Tensor MelStft::log_mel(const at::Tensor& y) const {
    // 1. Causal framing: window ends at the current hop, so pad only on the left.
    const int64_t left = std::max<int64_t>(0, n_fft - hop_length);
    const at::Tensor padded = at::constant_pad_nd(y.unsqueeze(1), {left, 0});  // [N, 1, L + left]
    // 2. STFT as a convolution with the DFT x window rows.
    const at::Tensor basis = stft_fn->forward_basis.to(y.scalar_type());
    const std::vector<int64_t> stride = {hop_length};
    const at::Tensor spec = at::conv1d(padded, basis, {}, stride);  // [N, 2F, frames]
    const int64_t freqs = spec.size(1) / 2;
    const at::Tensor re = spec.narrow(1, 0, freqs);
    const at::Tensor im = spec.narrow(1, freqs, freqs);
    const at::Tensor magnitude = at::sqrt(re.pow(2) + im.pow(2));  // [N, F, frames]
    // 3. Mel projection and log compression.
    const at::Tensor mel = at::matmul(mel_basis.to(y.scalar_type()), magnitude);  // [N, mels, fr]
    return at::log(at::clamp_min(mel, 1e-5));
}

VocoderWithBwe::VocoderWithBwe(const VocoderConfig& config, const at::TensorOptions& options)
    : config_(config), resampler_(config.bwe_stage.ratio()) {
    vocoder = register_module("vocoder", std::make_shared<Generator>(config_.vocoder, options));
    bwe_generator =
        register_module("bwe_generator", std::make_shared<Generator>(config_.bwe, options));
    const auto& s = config_.bwe_stage;
    mel_stft = register_module(
        "mel_stft", std::make_shared<MelStft>(s.n_fft, s.hop_length, s.num_mels, options));
}

at::Tensor VocoderWithBwe::forward(const at::Tensor& mel, BweTrace* trace) const {
    const auto dtype = vocoder->conv_pre->weight.scalar_type();
    const auto& s = config_.bwe_stage;

    // 1. Main generator: mel -> low-band waveform at the input rate.
    at::Tensor x = vocoder->forward(mel.to(dtype));  // [B, 2, L]
    const int64_t batch = x.size(0);
    const int64_t channels = x.size(1);
    const int64_t length = x.size(2);
    const int64_t output_length = length * s.output_sampling_rate / s.input_sampling_rate;
    if (trace) trace->lowband = x;

    // 2. Zero-pad to whole STFT hops so the mel frames cover the signal exactly.
    const int64_t remainder = length % s.hop_length;
    if (remainder != 0) x = at::constant_pad_nd(x, {0, s.hop_length - remainder});

    // 3. Causal log-mel of each channel: [B, 2, mels, frames].
    const at::Tensor flat = x.reshape({batch * channels, x.size(2)});
    at::Tensor bwe_mel = mel_stft->log_mel(flat);
    bwe_mel = bwe_mel.reshape({batch, channels, bwe_mel.size(1), bwe_mel.size(2)});
    if (trace) trace->mel = bwe_mel;

    // 4. Residual from the BWE generator (it takes time before mel bins, like the main one).
    const at::Tensor residual = bwe_generator->forward(bwe_mel.transpose(2, 3));  // [B, 2, rL']
    // 5. Skip path: the low band upsampled by the Hann-windowed sinc.
    const at::Tensor skip = resampler_.forward(x);  // [B, 2, rL']
    if (residual.sizes() != skip.sizes())
        throw Error("vocoder: BWE residual length " + std::to_string(residual.size(-1)) +
                    " differs from the skip path's " + std::to_string(skip.size(-1)));
    if (trace) {
        trace->residual = residual;
        trace->skip = skip;
    }
    // 6. Sum, clamp, drop the padding's share.
    return at::clamp(residual + skip, -1.0, 1.0).narrow(2, 0, output_length);
}

}  // namespace nava::vocoder
