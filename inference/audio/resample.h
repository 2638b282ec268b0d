// Band-limited resampling with a Hann-windowed sinc kernel, numerically the same algorithm as
// torchaudio.functional.resample with its defaults (the reference pipeline resamples reference
// voices to 16 kHz and the vocoder's 48 kHz output back to 16 kHz with it).
#pragma once

#include <cstdint>

#include <ATen/core/Tensor.h>

namespace nava::audio {

struct ResampleOptions {
    int64_t lowpass_filter_width = 6;  // zero crossings of the sinc on each side
    double rolloff = 0.99;             // cutoff as a fraction of the lower Nyquist frequency
};

// `wave`: [..., N] at `from_hz`; returns [..., ceil(N * to_hz / from_hz)] at `to_hz`, in the
// input's floating dtype (the kernel is built in that dtype). Equal rates return the input.
at::Tensor resample(const at::Tensor& wave, int64_t from_hz, int64_t to_hz,
                    const ResampleOptions& options = {});

// The polyphase kernel [to/g, 1, taps] and its one-sided width, for inspection and tests.
struct ResampleKernel {
    at::Tensor kernel;
    int64_t width = 0;
    int64_t from = 0;  // reduced rates (divided by their gcd)
    int64_t to = 0;
};
ResampleKernel resample_kernel(int64_t from_hz, int64_t to_hz, at::ScalarType dtype,
                               const ResampleOptions& options = {});

}  // namespace nava::audio
