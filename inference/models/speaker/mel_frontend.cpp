#include "inference/models/speaker/mel_frontend.h"

#include <cmath>
#include <sstream>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/models/speaker/redimnet_blocks.h"

namespace nava::speaker {
namespace {

constexpr double kPreemphasis = 0.97;
constexpr double kLogFloor = 1e-6;

double hz_to_mel(double hz) {
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}

// A module that only holds buffers (torchaudio's Spectrogram and MelScale in the key names).
std::shared_ptr<nn::Module> buffer_holder(const std::string& name, const at::Tensor& value,
                                          at::Tensor& handle) {
    auto m = std::make_shared<nn::Module>();
    handle = m->register_buffer(name, value);
    return m;
}

}  // namespace

at::Tensor MelBanks::hamming_window(int64_t length, at::ScalarType dtype) {
    // Periodic: 0.54 - 0.46·cos(2πn / length), n = 0 .. length-1.
    const at::Tensor n = at::arange(length, at::TensorOptions().dtype(at::kDouble));
    return (0.54 - 0.46 * at::cos(n * (2.0 * M_PI / static_cast<double>(length)))).to(dtype);
}

at::Tensor MelBanks::mel_filterbank(const MelConfig& c, at::ScalarType dtype) {
    const auto f64 = at::TensorOptions().dtype(at::kDouble);
    const int64_t n_freqs = c.n_fft / 2 + 1;
    // Bin centre frequencies span 0 .. sample_rate // 2 (integer Nyquist, as torchaudio).
    const at::Tensor freqs =
        at::linspace(0.0, static_cast<double>(c.sample_rate_hz / 2), n_freqs, f64);  // [K]
    // n_mels + 2 edges evenly spaced on the HTK mel scale.
    const at::Tensor mels =
        at::linspace(hz_to_mel(c.f_min_hz), hz_to_mel(c.f_max_hz), c.n_mels + 2, f64);
    const at::Tensor edges = 700.0 * (at::pow(10.0, mels / 2595.0) - 1.0);  // [M + 2]
    const at::Tensor widths = edges.slice(0, 1) - edges.slice(0, 0, -1);    // [M + 1]
    const at::Tensor rel = edges.unsqueeze(0) - freqs.unsqueeze(1);         // [K, M + 2]
    // Rising edge (f - left) / (centre - left), falling edge (right - f) / (right - centre).
    const at::Tensor up = -rel.slice(1, 0, -2) / widths.slice(0, 0, -1);
    const at::Tensor down = rel.slice(1, 2) / widths.slice(0, 1);
    return at::clamp_min(at::minimum(up, down), 0.0).to(dtype);  // [K, M]
}

MelBanks::MelBanks(const MelConfig& config) : config_(config) {
    // `torchfbank` is the reference Sequential [NormalizeAudio | Identity, PreEmphasis |
    // Identity, MelSpectrogram]; only the parts holding buffers appear in the checkpoint.
    auto fbank = register_module("torchfbank", std::make_shared<nn::IndexedModules>());
    if (config_.do_preemph) {
        const at::Tensor filter =
            at::tensor({-kPreemphasis, 1.0}, at::kDouble).to(at::kFloat).view({1, 1, 2});
        fbank->add(1, buffer_holder("flipped_filter", filter, preemph_filter_));
    }
    auto mel = fbank->add(2, std::make_shared<nn::Module>());
    mel->register_module(
        "spectrogram",
        buffer_holder("window", hamming_window(config_.win_length, at::kFloat), window_));
    mel->register_module("mel_scale",
                         buffer_holder("fb", mel_filterbank(config_, at::kFloat), fb_));
    if (config_.spec_norm == "bn")
        spec_norm_bn_ =
            register_module("spec_norm", std::make_shared<BatchNorm>(config_.n_mels, 1e-5));
    window64_ = hamming_window(config_.win_length, at::kDouble);
    fb64_ = mel_filterbank(config_, at::kDouble);
}

void MelBanks::check_buffers() const {
    auto check = [](const std::string& name, const at::Tensor& stored, const at::Tensor& exact,
                    double tol) {
        if (stored.sizes() != exact.sizes())
            throw ConfigError(name + " has the wrong shape for the configured front-end");
        const double err = (stored.to(at::kDouble) - exact).abs().max().item<double>();
        if (!(err <= tol)) {
            std::ostringstream s;
            s << name << " differs from the front-end the configuration describes (max "
              << "difference " << err << "): check spec_params (sample_rate, n_fft, "
              << "win_length, f_min, f_max) against the checkpoint";
            throw ConfigError(s.str());
        }
    };
    // float32 construction in torchaudio leaves differences of a few 1e-6.
    check("spec.torchfbank.2.spectrogram.window", window_, window64_, 1e-5);
    check("spec.torchfbank.2.mel_scale.fb", fb_, fb64_, 1e-4);
    if (preemph_filter_.defined())
        check("spec.torchfbank.1.flipped_filter", preemph_filter_,
              at::tensor({-kPreemphasis, 1.0}, at::kDouble).view({1, 1, 2}), 1e-6);
}

at::Tensor MelBanks::forward(const at::Tensor& wave, at::ScalarType dtype) const {
    const bool exact = dtype == at::kDouble;
    const auto st = exact ? at::kDouble : at::kFloat;
    if (wave.dim() != 2)
        throw Error("speaker front-end: expected a waveform [batch, samples], got " +
                    std::to_string(wave.dim()) + " dimensions");
    if (wave.size(1) < min_samples())
        throw Error("speaker front-end: " + std::to_string(wave.size(1)) +
                    " samples is too short; at least " + std::to_string(min_samples()) +
                    " are needed");
    at::Tensor x = wave.to(st);  // [B, N]

    // 1. optional per-utterance normalisation (biased std)
    if (config_.norm_signal) {
        const at::Tensor mean = x.mean(1, /*keepdim=*/true);
        x = (x - mean) / (x.std({1}, /*unbiased=*/false, /*keepdim=*/true) + 1e-6);
    }
    // 2. pre-emphasis y[n] = x[n] - 0.97·x[n-1], with x[-1] := x[1] (reflect padding)
    if (preemph_filter_.defined()) {
        const at::Tensor prev = at::cat({x.slice(1, 1, 2), x.slice(1, 0, -1)}, 1);
        if (exact) {
            x = x - kPreemphasis * prev;
        } else {
            const at::Tensor f = preemph_filter_.to(x.device()).view({2});
            x = prev * f[0].item<double>() + x * f[1].item<double>();
        }
    }
    // 3. centred frames: reflect-pad n_fft/2 each side, T = 1 + N / hop frames. The window
    //    occupies samples [off, off + win) of each n_fft frame; the power spectrum does not
    //    depend on where inside the frame the windowed samples sit (a circular shift), so only
    //    the win_length samples are framed and the FFT zero-pads them to n_fft.
    const int64_t pad = config_.n_fft / 2, off = (config_.n_fft - config_.win_length) / 2;
    const int64_t frames = 1 + x.size(1) / config_.hop_length;
    const at::Tensor padded = at::reflection_pad1d(x.unsqueeze(1), {pad, pad}).squeeze(1);
    const at::Tensor window = (exact ? window64_ : window_).to(x.device());
    const at::Tensor framed =
        padded.slice(1, off).unfold(1, config_.win_length, config_.hop_length).slice(1, 0, frames) *
        window;  // [B, T, win]
    // 4. one-sided power spectrum |X|², then the mel filterbank
    const at::Tensor spec = at::fft_rfft(framed, config_.n_fft, -1);  // [B, T, K] complex
    const at::Tensor power = at::view_as_real(spec).pow(2).sum(-1);   // [B, T, K]
    const at::Tensor fb = (exact ? fb64_ : fb_).to(x.device());
    at::Tensor feats = at::matmul(power, fb).transpose(1, 2);  // [B, M, T]
    // 5. natural log with the reference floor
    feats = at::log(feats + kLogFloor);
    // 6. per-bin normalisation over time
    if (config_.spec_norm == "mn") {
        feats = feats - feats.mean(-1, /*keepdim=*/true);
    } else if (config_.spec_norm == "mvn") {
        feats = (feats - feats.mean(-1, true)) / (feats.std({-1}, /*unbiased=*/true, true) + 1e-8);
    } else if (spec_norm_bn_) {
        feats = spec_norm_bn_->forward(feats);
    }
    return feats.contiguous();  // [B, M, T]
}

}  // namespace nava::speaker
