#include "inference/models/audio_vae/mel_frontend.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::audio_vae {
namespace {

// Slaney mel scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above.
constexpr double kLinearHzPerMel = 200.0 / 3.0;
constexpr double kLogStartHz = 1000.0;
constexpr double kLogStartMel = kLogStartHz / kLinearHzPerMel;  // 15

double hz_to_mel(double hz) {
    const double log_step = std::log(6.4) / 27.0;
    if (hz >= kLogStartHz) return kLogStartMel + std::log(hz / kLogStartHz) / log_step;
    return hz / kLinearHzPerMel;
}

at::Tensor mel_to_hz(const at::Tensor& mels) {
    const double log_step = std::log(6.4) / 27.0;
    const at::Tensor linear = mels.mul(kLinearHzPerMel).add(0.0);
    const at::Tensor logarithmic = mels.sub(kLogStartMel).mul(log_step).exp().mul(kLogStartHz);
    return at::where(mels >= kLogStartMel, logarithmic, linear);
}

}  // namespace

at::Tensor slaney_mel_filterbank(int64_t n_freqs, double f_min, double f_max, int64_t n_mels,
                                 int64_t sample_rate) {
    const auto f32 = at::TensorOptions().dtype(at::kFloat);
    // 1. Centre frequencies of the STFT bins and of the mel band edges.
    const at::Tensor all_freqs = at::linspace(0, sample_rate / 2, n_freqs, f32);  // [F]
    const at::Tensor m_pts = at::linspace(hz_to_mel(f_min), hz_to_mel(f_max), n_mels + 2, f32);
    const at::Tensor f_pts = mel_to_hz(m_pts);  // [M + 2]
    // 2. Triangles: rising edge from f_pts[m] to f_pts[m+1], falling to f_pts[m+2].
    const at::Tensor f_diff = f_pts.slice(0, 1) - f_pts.slice(0, 0, -1);    // [M + 1]
    const at::Tensor slopes = f_pts.unsqueeze(0) - all_freqs.unsqueeze(1);  // [F, M + 2]
    const at::Tensor down = slopes.slice(1, 0, -2).mul(-1.0) / f_diff.slice(0, 0, -1);  // [F, M]
    const at::Tensor up = slopes.slice(1, 2) / f_diff.slice(0, 1);                      // [F, M]
    at::Tensor fb = at::clamp_min(at::min(down, up), 0.0);
    // 3. Slaney area normalisation: 2 / bandwidth of each triangle.
    const at::Tensor enorm =
        (f_pts.slice(0, 2, n_mels + 2) - f_pts.slice(0, 0, n_mels)).reciprocal().mul(2.0);
    return fb.mul(enorm.unsqueeze(0));
}

MelFrontEnd::MelFrontEnd(const MelConfig& config) : config_(config) {
    window_ = at::hann_window(config.n_fft, /*periodic=*/true, at::TensorOptions(at::kFloat));
    filterbank_ = slaney_mel_filterbank(config.n_fft / 2 + 1, config.f_min, config.f_max,
                                        config.mel_bins, config.sample_rate);
}

at::Tensor MelFrontEnd::forward(const at::Tensor& waveform) const {
    if (waveform.dim() != 3)
        throw Error("mel front-end: expected a waveform [B, C, N], got " +
                    std::to_string(waveform.dim()) + " dimensions");
    const int64_t pad = config_.n_fft / 2;
    if (waveform.size(2) <= pad)
        throw Error("mel front-end: the waveform has " + std::to_string(waveform.size(2)) +
                    " samples; at least " + std::to_string(pad + 1) +
                    " are needed for the centred STFT");
    const auto dtype = waveform.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    const int64_t batch = waveform.size(0);
    const int64_t channels = waveform.size(1);

    // 1. Centred frames: reflect-pad n_fft/2 on both sides of every channel.
    const at::Tensor flat = waveform.to(dtype).reshape({batch * channels, 1, waveform.size(2)});
    const at::Tensor padded = at::reflection_pad1d(flat, {pad, pad}).squeeze(1);  // [BC, N + 2p]
    // 2. One-sided STFT magnitude.
    const at::Tensor window = window_.to(padded.device()).to(dtype);
    const at::Tensor spec = at::stft(padded, config_.n_fft, config_.hop_length, config_.n_fft,
                                     window, /*normalized=*/false, /*onesided=*/true,
                                     /*return_complex=*/true);  // [BC, F, T]
    const at::Tensor magnitude = at::abs(spec);
    // 3. Mel projection (time before mel bins, as the encoder wants it) and log compression.
    const at::Tensor fb = filterbank_.to(padded.device()).to(dtype);
    const at::Tensor mel = at::matmul(magnitude.transpose(1, 2), fb);  // [BC, T, mels]
    const at::Tensor log_mel = at::log(at::clamp_min(mel, 1e-5));
    return log_mel.reshape({batch, channels, log_mel.size(1), log_mel.size(2)});
}

}  // namespace nava::audio_vae
