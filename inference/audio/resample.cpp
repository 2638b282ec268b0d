#include "inference/audio/resample.h"

#include <cmath>
#include <numeric>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::audio {

ResampleKernel resample_kernel(int64_t from_hz, int64_t to_hz, at::ScalarType dtype,
                               const ResampleOptions& options) {
    if (from_hz <= 0 || to_hz <= 0)
        throw Error("resample: sample rates must be positive (got " + std::to_string(from_hz) +
                    " -> " + std::to_string(to_hz) + ")");
    const int64_t g = std::gcd(from_hz, to_hz);
    ResampleKernel k;
    k.from = from_hz / g;
    k.to = to_hz / g;
    const double lowpass = static_cast<double>(options.lowpass_filter_width);
    // Cutoff below the lower of the two Nyquist frequencies, in units of the reduced rates.
    const double base = static_cast<double>(std::min(k.from, k.to)) * options.rolloff;
    k.width = static_cast<int64_t>(std::ceil(lowpass * static_cast<double>(k.from) / base));

    const auto opts = at::TensorOptions().dtype(dtype);
    // Input offsets covered by one output phase, in input samples: [-width, width + from).
    const at::Tensor offsets = at::arange(-k.width, k.width + k.from, opts).div(k.from);  // [T]
    // Output phase p sits at -p/to input periods.
    const at::Tensor phases = at::arange(0, -k.to, -1, opts).div(k.to).unsqueeze(1);  // [to,1]
    at::Tensor t = (phases + offsets.unsqueeze(0)) * base;                            // [to,T]
    t = t.clamp(-lowpass, lowpass);
    // Same operation order as torchaudio (pi, then / width, then / 2; window times scale
    // before the product) so float32 kernels agree bit for bit.
    const at::Tensor window = at::cos(t.mul(M_PI).div(lowpass).div(2.0)).pow(2);
    t = t * M_PI;
    const at::Tensor sinc = at::where(t == 0, at::ones_like(t), at::sin(t) / t);
    const double scale = base / static_cast<double>(k.from);
    k.kernel = (sinc * (window * scale)).unsqueeze(1);  // [to, 1, T]
    return k;
}

at::Tensor resample(const at::Tensor& wave, int64_t from_hz, int64_t to_hz,
                    const ResampleOptions& options) {
    if (from_hz == to_hz) return wave;
    if (!at::isFloatingType(wave.scalar_type()))
        throw Error("resample: the waveform must be a floating-point tensor");
    const ResampleKernel k = resample_kernel(from_hz, to_hz, wave.scalar_type(), options);
    const int64_t length = wave.size(-1);
    auto shape = wave.sizes().vec();
    const at::Tensor flat = wave.reshape({-1, 1, length});
    const at::Tensor padded = at::constant_pad_nd(flat, {k.width, k.width + k.from});
    // One conv output channel per output phase; interleave the phases in time.
    const at::Tensor phased = at::conv1d(padded, k.kernel.to(wave.device()), {}, {k.from});
    const at::Tensor out = phased.transpose(1, 2).reshape({flat.size(0), -1});  // [B, frames*to]
    const int64_t target = (k.to * length + k.from - 1) / k.from;
    shape.back() = target;
    return out.narrow(1, 0, target).reshape(shape);
}

}  // namespace nava::audio
