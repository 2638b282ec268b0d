// Private: what the player plays from. A media file (decoded by FFmpeg) or buffers in memory
// (a clip just generated; works without FFmpeg).
#pragma once

#include <cstdint>
#include <memory>

#include "media/buffers.h"
#include "media/input_source.h"
#include "media/video_reader.h"

namespace nava::media {

class PlaybackSource {
public:
    virtual ~PlaybackSource() = default;
    virtual bool has_audio() const = 0;
    virtual bool has_video() const = 0;
    virtual int sample_rate_hz() const = 0;  // of read_audio()'s output
    virtual int channels() const = 0;
    virtual double frame_duration_s() const = 0;  // nominal, for the end of the last frame
    virtual double duration_s() const = 0;        // as declared (exact for memory sources)
    // Next audio at/after `time_s` and the frame shown at `time_s`.
    virtual void seek(double time_s) = 0;
    // Up to `max_frames` interleaved frames into `out`; 0 at the end.
    virtual int64_t read_audio(float* out, int64_t max_frames) = 0;
    // The next picture; false at the end.
    virtual bool read_video(VideoFrame& frame) = 0;
};

// `sample_rate_hz`/`channels` 0 keep the file's; `video` gives the picture size and policy
// (its fps is ignored: frames keep their own time stamps). Throws MediaError.
std::unique_ptr<PlaybackSource> open_file_source(const InputSource& input, int sample_rate_hz,
                                                 int channels, const VideoDecodeOptions& video);

// Either buffer may be null or empty. The audio is converted to `sample_rate_hz`/`channels` when
// they are > 0 and differ (needs FFmpeg for rate changes).
std::unique_ptr<PlaybackSource> open_memory_source(std::shared_ptr<const VideoBuffer> video,
                                                   std::shared_ptr<const AudioBuffer> audio,
                                                   int sample_rate_hz, int channels);

}  // namespace nava::media
