#include "media/probe.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "media/ffmpeg_util.h"
#include "media/media_error.h"
#include "media/wav.h"
#include "media/y4m.h"
#include "nava/build_config.h"

namespace nava::media {

const char* to_string(StreamKind kind) {
    switch (kind) {
        case StreamKind::video:
            return "video";
        case StreamKind::audio:
            return "audio";
        case StreamKind::subtitle:
            return "subtitle";
        case StreamKind::data:
            return "data";
        case StreamKind::attachment:
            return "attachment";
        case StreamKind::unknown:
            break;
    }
    return "unknown";
}

const StreamInfo* MediaInfo::best_video() const {
    for (const auto& s : streams)
        if (s.index == best_video_index) return &s;
    return nullptr;
}

const StreamInfo* MediaInfo::best_audio() const {
    for (const auto& s : streams)
        if (s.index == best_audio_index) return &s;
    return nullptr;
}

bool is_media_extension(const std::string& extension) {
    std::string e = extension;
    if (!e.empty() && e[0] == '.') e.erase(0, 1);
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    static const char* const known[] = {"mp4",  "m4v",  "m4a", "mov",  "mkv",  "webm", "avi", "wav",
                                        "flac", "mp3",  "ogg", "oga",  "opus", "aac",  "y4m", "png",
                                        "jpg",  "jpeg", "bmp", "webp", "gif",  "ts"};
    return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return e == k; });
}

namespace {

#if !NAVA_HAVE_FFMPEG
// Without FFmpeg the formats the library writes itself can still be described.
MediaInfo probe_without_ffmpeg(const InputSource& input) {
    const std::string label = input.label();
    if (input.is_memory())
        throw MediaError(label + ": cannot read media from memory: built without FFmpeg");
    std::string ext = input.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    MediaInfo info;
    info.label = label;
    StreamInfo s;
    s.index = 0;
    s.decodable = true;
    if (ext == ".wav") {
        const AudioBuffer a = read_wav(input.path());
        info.container = "wav";
        info.container_long = "WAV / WAVE (Waveform Audio)";
        info.duration_s = a.duration_s();
        s.kind = StreamKind::audio;
        s.codec = "pcm";
        s.sample_rate_hz = a.sample_rate_hz;
        s.channels = a.channels;
        s.duration_s = a.duration_s();
        info.best_audio_index = 0;
    } else if (ext == ".y4m") {
        const VideoBuffer v = read_y4m(input.path());
        info.container = "yuv4mpegpipe";
        info.container_long = "YUV4MPEG pipe";
        info.duration_s = v.duration_s();
        s.kind = StreamKind::video;
        s.codec = "rawvideo";
        s.width = v.width;
        s.height = v.height;
        s.fps = v.fps;
        s.frame_count = v.frame_count();
        s.duration_s = v.duration_s();
        info.best_video_index = 0;
    } else {
        throw MediaError(label +
                         ": cannot read this kind of file: built without FFmpeg "
                         "(only .wav and .y4m)");
    }
    info.streams.push_back(s);
    return info;
}
#endif

std::string seconds_text(double s) {
    char buf[64];
    const int m = static_cast<int>(s / 60.0);
    std::snprintf(buf, sizeof buf, "%d:%06.3f (%.3f s)", m, s - 60.0 * m, s);
    return buf;
}

std::string cut(const std::string& v, std::size_t max_chars) {
    std::string out;
    for (char c : v)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    if (max_chars > 0 && out.size() > max_chars)
        out = out.substr(0, max_chars) + "... (" + std::to_string(v.size()) + " chars)";
    return out;
}

}  // namespace

MediaInfo probe(const InputSource& input) {
#if NAVA_HAVE_FFMPEG
    ff::Input in(input);
    return in.info();
#else
    return probe_without_ffmpeg(input);
#endif
}

std::string describe(const MediaInfo& info, std::size_t max_tag_chars) {
    std::ostringstream out;
    out << info.label << ": " << (info.is_image ? "image" : info.container_long) << " ("
        << info.container << ")";
    if (!info.is_image) out << ", duration " << seconds_text(info.duration_s);
    if (info.bit_rate_bps > 0) out << ", " << info.bit_rate_bps / 1000 << " kbit/s";
    out << "\n";
    for (const auto& s : info.streams) {
        out << "  stream " << s.index << ": " << to_string(s.kind) << " "
            << (s.codec.empty() ? "(unknown codec)" : s.codec);
        if (!s.profile.empty()) out << " (" << s.profile << ")";
        if (s.kind == StreamKind::video) {
            out << ", " << s.width << "x" << s.height;
            if (!s.pixel_format.empty()) out << ", " << s.pixel_format;
            if (s.fps.num > 0) {
                char fps[32];
                std::snprintf(fps, sizeof fps, "%.3f", s.fps.value());
                out << ", " << fps << " fps";
            }
            if (s.attached_picture) out << ", attached picture";
        } else if (s.kind == StreamKind::audio) {
            out << ", " << s.sample_rate_hz << " Hz, "
                << (s.channel_layout.empty()
                        ? std::to_string(s.channels) + (s.channels == 1 ? " channel" : " channels")
                        : s.channel_layout);
            if (!s.sample_format.empty()) out << ", " << s.sample_format;
        }
        if (s.duration_s > 0) out << ", " << seconds_text(s.duration_s);
        if (s.frame_count > 0) out << ", " << s.frame_count << " frames";
        if (s.bit_rate_bps > 0) out << ", " << s.bit_rate_bps / 1000 << " kbit/s";
        if (!s.decodable) out << "  [no decoder in this build]";
        out << "\n";
    }
    for (const auto& [k, v] : info.metadata)
        out << "  tag " << k << ": " << cut(v, max_tag_chars) << "\n";
    return out.str();
}

}  // namespace nava::media
