// What a media file holds: container, duration, streams and metadata (the `ffprobe` view).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "media/buffers.h"
#include "media/input_source.h"

namespace nava::media {

enum class StreamKind { video, audio, subtitle, data, attachment, unknown };

const char* to_string(StreamKind kind);

struct StreamInfo {
    int index = -1;  // position in the container
    StreamKind kind = StreamKind::unknown;
    std::string codec;        // short decoder name ("h264", "aac"); "" when FFmpeg has none
    std::string codec_long;   // human-readable codec name
    std::string profile;      // "High", "LC", ... ("" when unknown)
    bool decodable = false;   // this build has a decoder for it
    double start_s = 0.0;     // relative to the container's start
    double duration_s = 0.0;  // 0 when unknown
    int64_t bit_rate_bps = 0;
    int64_t frame_count = 0;  // as declared by the container (0 = unknown)
    // Video (still images included).
    int width = 0;
    int height = 0;
    std::string pixel_format;  // "yuv420p", "rgb24", ...
    Rational fps{0, 1};        // average frame rate (0/1 when unknown)
    Rational sample_aspect{1, 1};
    bool attached_picture = false;  // cover art inside an audio file
    // Audio.
    int sample_rate_hz = 0;
    int channels = 0;
    std::string channel_layout;  // "stereo", "mono", "5.1", ...
    std::string sample_format;   // "fltp", "s16", ...
    std::map<std::string, std::string> metadata;
};

struct MediaInfo {
    std::string label;           // the file name or memory label
    std::string container;       // short demuxer name(s) ("mov,mp4,m4a,3gp,3g2,mj2", "wav")
    std::string container_long;  // human-readable container name
    double duration_s = 0.0;     // 0 when unknown
    double start_s = 0.0;        // time zero of the timeline (reported times are relative to it)
    int64_t bit_rate_bps = 0;
    bool is_image = false;  // a still picture (png, jpg, ...)
    std::vector<StreamInfo> streams;
    std::map<std::string, std::string> metadata;  // container tags ("comment", "title", ...)

    // The streams the readers use (FFmpeg's choice; possibly one without a decoder in this
    // build); nullptr when the input has none.
    const StreamInfo* best_video() const;
    const StreamInfo* best_audio() const;
    int best_video_index = -1;
    int best_audio_index = -1;
};

// Opens the input, reads its headers (and a little of its data for streams that need it).
// Throws MediaError naming the input when it cannot be read or is not media.
MediaInfo probe(const InputSource& input);

// A few lines for people: container, duration, one line per stream, tags (long values cut).
std::string describe(const MediaInfo& info, std::size_t max_tag_chars = 120);

// File name extensions the media importer accepts (lower case, without the dot).
bool is_media_extension(const std::string& extension);

}  // namespace nava::media
