// Private helpers around the FFmpeg C API: owning pointers, error text, opening an input from a
// file or from memory (custom AVIOContext), stream decoders. Only compiled with FFmpeg.
#pragma once

#include "nava/build_config.h"

#if NAVA_HAVE_FFMPEG

#include <cstdint>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
}

#include "media/input_source.h"
#include "media/probe.h"

namespace nava::media::ff {

struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct CodecContextDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;

FramePtr make_frame();
PacketPtr make_packet();

// "Invalid data found when processing input" for AVERROR_INVALIDDATA, etc.
std::string error_text(int errnum);

// Applies the library's FFmpeg log level once per process: errors only, unless the environment
// variable NAVA_FFMPEG_LOG names another level (quiet, error, warning, info, verbose, debug).
void init_logging();

// An opened, probed input. Owns the demuxer and, for memory inputs, the custom I/O context.
class Input {
public:
    // Throws MediaError naming the input ("cannot open", "not a media file", "empty file"...).
    explicit Input(const InputSource& source);
    ~Input();
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    AVFormatContext* fmt() const { return fmt_; }
    const std::string& label() const { return label_; }
    const MediaInfo& info() const { return info_; }
    // timeline_origin() in the stream's time base units (to make time stamps start at 0).
    int64_t start_pts(const AVStream* stream) const;
    double seconds(const AVStream* stream, int64_t pts) const;  // relative to the file start
    // Seeks every stream to the last key frame at or before `time_s` (relative to the start).
    void seek(double time_s);

private:
    struct Memory;
    std::string label_;
    std::unique_ptr<Memory> memory_;
    AVIOContext* avio_ = nullptr;
    AVFormatContext* fmt_ = nullptr;
    MediaInfo info_;
};

// Time zero of the file's timeline in AV_TIME_BASE units: the container start time, except that
// negative starts (codec delay of Opus/AAC priming written as negative time stamps) count as 0.
int64_t timeline_origin(const AVFormatContext* fmt);

// A decoder for one stream of `input`. Throws MediaError when FFmpeg has no decoder for it.
// `threads` 0 lets FFmpeg choose.
CodecContextPtr open_decoder(const Input& input, int stream_index, int64_t max_pixels = 0,
                             int threads = 0);

// Duration of a decoded frame in its stream's time base (0 when unknown).
int64_t frame_duration(const AVFrame* frame);

// Packet loop shared by the readers: feeds `decoder` with the packets of `stream_index` until it
// gives a frame (true) or is drained at the end of the input (false). Throws MediaError for read
// and decode errors, naming the input.
bool receive_frame(const Input& input, AVCodecContext* decoder, int stream_index, AVPacket* packet,
                   AVFrame* frame, bool* draining);

MediaInfo build_info(AVFormatContext* fmt, const std::string& label);

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
