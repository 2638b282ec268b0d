// Decoding the sound of a media file into interleaved float samples at a requested rate and
// channel count (libswresample), streaming or all at once.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "media/buffers.h"
#include "media/input_source.h"
#include "media/probe.h"

namespace nava::media {

struct AudioDecodeOptions {
    int sample_rate_hz = 0;  // 0 = the source's rate
    int channels = 0;        // 0 = the source's count; 1 = mono downmix, 2 = stereo, ...
};

struct AudioChunk {
    double start_s = 0.0;  // time of the first sample, relative to the start of the file
    int sample_rate_hz = 0;
    int channels = 0;
    std::vector<float> samples;  // interleaved

    int64_t frames() const {
        return channels > 0 ? static_cast<int64_t>(samples.size()) / channels : 0;
    }
};

// Streams the samples of the best audio stream. The output is one gap-free timeline starting at
// 0 (or at the seek target): a stream that starts late is preceded by silence, samples before
// the start are dropped. Not thread-safe; one reader per thread.
class AudioReader {
public:
    // Throws MediaError naming the input: unreadable, not media, no audio stream, no decoder.
    AudioReader(const InputSource& input, const AudioDecodeOptions& options = {});
    ~AudioReader();
    AudioReader(AudioReader&&) noexcept;
    AudioReader& operator=(AudioReader&&) noexcept;

    const MediaInfo& info() const;
    int sample_rate_hz() const;  // of the samples produced
    int channels() const;        //
    double duration_s() const;   // of the audio stream (container duration as a fallback)

    // Up to `max_frames` sample frames (fewer at the end); false when nothing is left.
    // Throws MediaError on corrupt or truncated data.
    bool read(AudioChunk& chunk, int64_t max_frames = 4096);

    // The next sample read is the one at `time_s`. Throws MediaError when the input cannot seek.
    void seek(double time_s);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The whole stream (at most `max_duration_s` when > 0). Throws MediaError when the stream holds
// no samples at all, or clearly ends before the duration its container declares (truncated).
AudioBuffer read_audio(const InputSource& input, const AudioDecodeOptions& options = {},
                       double max_duration_s = 0.0);

// Converts a buffer in memory to another rate / channel count (libswresample). Throws MediaError
// in a build without FFmpeg unless nothing needs converting.
AudioBuffer resample_audio(const AudioBuffer& audio, int sample_rate_hz, int channels);

}  // namespace nava::media
