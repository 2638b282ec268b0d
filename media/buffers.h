// Plain in-memory media: interleaved float audio and packed RGB video frames.
#pragma once

#include <cstdint>
#include <vector>

namespace nava::media {

struct AudioBuffer {
    int sample_rate_hz = 0;
    int channels = 0;
    std::vector<float> samples;  // interleaved, nominal range [-1, 1]

    int64_t frames() const {
        return channels > 0 ? static_cast<int64_t>(samples.size()) / channels : 0;
    }
    double duration_s() const {
        return sample_rate_hz > 0 ? static_cast<double>(frames()) / sample_rate_hz : 0.0;
    }
};

struct Rational {
    int num = 0;
    int den = 1;
    double value() const { return den ? static_cast<double>(num) / den : 0.0; }
};

struct VideoBuffer {
    int width = 0;
    int height = 0;
    Rational fps{24, 1};
    std::vector<uint8_t> rgb;  // frames x height x width x 3, row-major

    int64_t frame_count() const {
        const int64_t per = static_cast<int64_t>(width) * height * 3;
        return per > 0 ? static_cast<int64_t>(rgb.size()) / per : 0;
    }
    double duration_s() const { return fps.value() > 0 ? frame_count() / fps.value() : 0.0; }
};

}  // namespace nava::media
