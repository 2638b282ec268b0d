// Private: libswresample wrapper converting any decoded sample layout to interleaved float at a
// given rate and channel count. Only compiled with FFmpeg.
#pragma once

#include "nava/build_config.h"

#if NAVA_HAVE_FFMPEG

#include <cstdint>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/samplefmt.h>
}

struct SwrContext;

namespace nava::media::ff {

class Resampler {
public:
    Resampler(int out_rate_hz, int out_channels);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    // Converts `frames` input sample frames (`data` as in AVFrame::extended_data) and appends the
    // output to `out`. The converter is (re)configured whenever the input format changes.
    void convert(const uint8_t* const* data, int frames, AVSampleFormat format,
                 const AVChannelLayout& layout, int rate_hz, std::vector<float>& out);
    // Appends what the filter still holds (call at the end of the input).
    void flush(std::vector<float>& out);
    // Forgets buffered input (after a seek).
    void reset();

    int out_rate_hz() const { return out_rate_; }
    int out_channels() const { return out_channels_; }

private:
    void configure(AVSampleFormat format, const AVChannelLayout& layout, int rate_hz);
    int run(const uint8_t* const* data, int frames, std::vector<float>& out);

    SwrContext* swr_ = nullptr;
    int out_rate_ = 0;
    int out_channels_ = 0;
    AVSampleFormat in_format_ = AV_SAMPLE_FMT_NONE;
    AVChannelLayout in_layout_{};
    int in_rate_ = 0;
};

// The standard layout for `channels` (mono, stereo, 5.1, ...), or an unordered one.
AVChannelLayout default_layout(int channels);

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
