// Decoding the picture of a media file (or a still image) into packed RGB frames at a requested
// size and frame rate, streaming or all at once.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "media/buffers.h"
#include "media/input_source.h"
#include "media/probe.h"

namespace nava::media {

// How a picture of another aspect ratio is fitted into the requested frame size.
enum class ScalePolicy {
    cover_crop,  // scale until the frame is covered, then crop the overflow around the centre
                 // (what the reference pipeline does with conditioning images)
    fit_pad,     // scale until the picture fits, then pad around it (letterbox / pillarbox)
    stretch,     // scale each axis independently (distorts)
};

struct VideoDecodeOptions {
    int width = 0;       // 0 = the source's display size (both 0), or keep the aspect ratio (one 0)
    int height = 0;      //
    Rational fps{0, 1};  // 0 = every source frame at its own time stamp; else a constant rate
                         // (frames repeated or skipped, nearest time stamp wins)
    ScalePolicy policy = ScalePolicy::cover_crop;
    std::array<uint8_t, 3> pad_rgb{0, 0, 0};      // colour of fit_pad borders
    int64_t max_source_pixels = 16384LL * 16384;  // larger coded pictures are refused
    int decoder_threads = 0;                      // 0 = FFmpeg's choice
};

struct VideoFrame {
    int64_t index = 0;   // output frame number (pts_s * fps with a constant rate)
    double pts_s = 0.0;  // presentation time relative to the start of the file
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgb;  // height x width x 3
};

// Streams the frames of the best video stream. Not thread-safe; one reader per thread.
class VideoReader {
public:
    // Throws MediaError naming the input: unreadable, not media, no video stream, no decoder.
    VideoReader(const InputSource& input, const VideoDecodeOptions& options = {});
    ~VideoReader();
    VideoReader(VideoReader&&) noexcept;
    VideoReader& operator=(VideoReader&&) noexcept;

    const MediaInfo& info() const;
    int width() const;          // of the frames produced
    int height() const;         //
    Rational fps() const;       // the requested rate, else the stream's average rate (may be 0/1)
    double duration_s() const;  // of the video stream (container duration as a fallback)

    // Decodes the next frame; false at the end of the stream. Throws MediaError on corrupt or
    // truncated data.
    bool read(VideoFrame& frame);

    // Positions so that the next frame is the first one shown at `time_s` (with a constant rate:
    // output frame ceil(time_s * fps)). Throws MediaError when the input cannot seek.
    void seek(double time_s);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// All frames (at most `max_frames` when > 0), with each frame's time stamp in `pts_s` if given.
// Throws MediaError when the stream holds no frame at all.
VideoBuffer read_video(const InputSource& input, const VideoDecodeOptions& options = {},
                       std::vector<double>* pts_s = nullptr, int64_t max_frames = 0);

// The first picture: a still image, or the first frame of a video (image-to-video input,
// thumbnails).
VideoFrame read_first_frame(const InputSource& input, const VideoDecodeOptions& options = {});

// The output size for a source of `src_w` x `src_h` display pixels under `options` (exposed for
// tests and for UIs that reserve space before decoding). Even sizes are not enforced; sizes over
// kMaxFrameSide are refused by the reader.
inline constexpr int kMaxFrameSide = 16384;
std::array<int, 2> output_size(int src_w, int src_h, const VideoDecodeOptions& options);

}  // namespace nava::media
