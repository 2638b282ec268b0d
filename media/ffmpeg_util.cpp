#include "media/ffmpeg_util.h"

#if NAVA_HAVE_FFMPEG

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/pixdesc.h>
}

#include "media/media_error.h"

namespace nava::media::ff {

FramePtr make_frame() {
    FramePtr f(av_frame_alloc());
    if (!f) throw MediaError("out of memory (av_frame_alloc)");
    return f;
}

PacketPtr make_packet() {
    PacketPtr p(av_packet_alloc());
    if (!p) throw MediaError("out of memory (av_packet_alloc)");
    return p;
}

std::string error_text(int errnum) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(errnum, buf, sizeof buf);
    return buf;
}

void init_logging() {
    static std::once_flag once;
    std::call_once(once, [] {
        int level = AV_LOG_ERROR;
        if (const char* env = std::getenv("NAVA_FFMPEG_LOG")) {
            const std::string v = env;
            if (v == "quiet") level = AV_LOG_QUIET;
            if (v == "warning") level = AV_LOG_WARNING;
            if (v == "info") level = AV_LOG_INFO;
            if (v == "verbose") level = AV_LOG_VERBOSE;
            if (v == "debug") level = AV_LOG_DEBUG;
        }
        av_log_set_level(level);
    });
}

// ---------------------------------------------------------------------------------------------
// Memory input: FFmpeg pulls bytes through these callbacks.
// ---------------------------------------------------------------------------------------------
struct Input::Memory {
    const uint8_t* data = nullptr;
    std::size_t size = 0;
    std::size_t pos = 0;

    static int read(void* opaque, uint8_t* buf, int buf_size) {
        auto* m = static_cast<Memory*>(opaque);
        const std::size_t left = m->size - m->pos;
        if (left == 0) return AVERROR_EOF;
        const std::size_t n = std::min<std::size_t>(left, static_cast<std::size_t>(buf_size));
        std::memcpy(buf, m->data + m->pos, n);
        m->pos += n;
        return static_cast<int>(n);
    }
    static int64_t seek(void* opaque, int64_t offset, int whence) {
        auto* m = static_cast<Memory*>(opaque);
        const auto size = static_cast<int64_t>(m->size);
        if (whence & AVSEEK_SIZE) return size;
        int64_t target = 0;
        switch (whence & ~AVSEEK_FORCE) {
            case SEEK_SET:
                target = offset;
                break;
            case SEEK_CUR:
                target = static_cast<int64_t>(m->pos) + offset;
                break;
            case SEEK_END:
                target = size + offset;
                break;
            default:
                return AVERROR(EINVAL);
        }
        if (target < 0 || target > size) return AVERROR(EINVAL);
        m->pos = static_cast<std::size_t>(target);
        return target;
    }
};

Input::Input(const InputSource& source) : label_(source.label()) {
    init_logging();
    fmt_ = avformat_alloc_context();
    if (!fmt_) throw MediaError(label_ + ": out of memory");
    AVDictionary* opts = nullptr;
    std::string url;
    if (source.is_memory()) {
        if (source.size() == 0) {
            avformat_free_context(fmt_);
            fmt_ = nullptr;
            throw MediaError(label_ + ": empty input (0 bytes)");
        }
        memory_ = std::make_unique<Memory>();
        memory_->data = source.data();
        memory_->size = source.size();
        constexpr int kBufferBytes = 1 << 15;
        auto* buffer = static_cast<uint8_t*>(av_malloc(kBufferBytes));
        avio_ = buffer ? avio_alloc_context(buffer, kBufferBytes, 0, memory_.get(), &Memory::read,
                                            nullptr, &Memory::seek)
                       : nullptr;
        if (!avio_) {
            av_free(buffer);
            avformat_free_context(fmt_);
            fmt_ = nullptr;
            throw MediaError(label_ + ": out of memory");
        }
        fmt_->pb = avio_;
        fmt_->flags |= AVFMT_FLAG_CUSTOM_IO;
        // The name only guides format detection by extension; no protocol may be opened from
        // inside memory data (playlists, references).
        url = source.hint().empty() ? std::string() : "memory." + source.hint();
        av_dict_set(&opts, "protocol_whitelist", "none", 0);
    } else {
        std::error_code ec;
        if (!std::filesystem::exists(source.path(), ec)) {
            avformat_free_context(fmt_);
            fmt_ = nullptr;
            throw MediaError(label_ + ": cannot open: no such file");
        }
        if (std::filesystem::is_regular_file(source.path(), ec) &&
            std::filesystem::file_size(source.path(), ec) == 0) {
            avformat_free_context(fmt_);
            fmt_ = nullptr;
            throw MediaError(label_ + ": empty file (0 bytes)");
        }
        // "file:" keeps names with a colon from being taken for other protocols.
        url = "file:" + source.path().string();
        av_dict_set(&opts, "protocol_whitelist", "file", 0);
        // A still image named "100%.png" is one file, not a numbered sequence.
        av_dict_set(&opts, "pattern_type", "none", 0);
    }
    int r = avformat_open_input(&fmt_, url.c_str(), nullptr, &opts);
    av_dict_free(&opts);
    if (r < 0) {
        // avformat_open_input frees the context on failure.
        fmt_ = nullptr;
        if (avio_) {
            av_freep(&avio_->buffer);
            avio_context_free(&avio_);
        }
        if (r == AVERROR_INVALIDDATA)
            throw MediaError(label_ + ": not a recognised media file (" + error_text(r) + ")");
        throw MediaError(label_ + ": cannot open: " + error_text(r));
    }
    r = avformat_find_stream_info(fmt_, nullptr);
    if (r < 0) {
        avformat_close_input(&fmt_);
        if (avio_) {
            av_freep(&avio_->buffer);
            avio_context_free(&avio_);
        }
        throw MediaError(label_ + ": cannot read the stream headers (" + error_text(r) + ")");
    }
    info_ = build_info(fmt_, label_);
}

Input::~Input() {
    avformat_close_input(&fmt_);
    if (avio_) {
        av_freep(&avio_->buffer);
        avio_context_free(&avio_);
    }
}

int64_t timeline_origin(const AVFormatContext* fmt) {
    return fmt->start_time == AV_NOPTS_VALUE ? 0 : std::max<int64_t>(0, fmt->start_time);
}

int64_t Input::start_pts(const AVStream* stream) const {
    return av_rescale_q(timeline_origin(fmt_), AVRational{1, AV_TIME_BASE}, stream->time_base);
}

double Input::seconds(const AVStream* stream, int64_t pts) const {
    if (pts == AV_NOPTS_VALUE) return 0.0;
    return static_cast<double>(pts - start_pts(stream)) * av_q2d(stream->time_base);
}

void Input::seek(double time_s) {
    const int64_t start = timeline_origin(fmt_);
    const int64_t target = start + static_cast<int64_t>(std::max(0.0, time_s) * AV_TIME_BASE);
    int r = avformat_seek_file(fmt_, -1, INT64_MIN, target, target, 0);
    if (r < 0 && time_s <= 0.0 && fmt_->pb) {
        // Demuxers without seeking (image pipes, some raw streams): back to the first byte.
        r = static_cast<int>(avio_seek(fmt_->pb, 0, SEEK_SET) < 0 ? -1 : 0);
        if (r == 0) avformat_flush(fmt_);
    }
    if (r < 0) throw MediaError(label_ + ": cannot seek to " + std::to_string(time_s) + " s");
}

CodecContextPtr open_decoder(const Input& input, int stream_index, int64_t max_pixels,
                             int threads) {
    const AVStream* st = input.fmt()->streams[stream_index];
    const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
    const char* name = avcodec_get_name(st->codecpar->codec_id);
    if (!codec)
        throw MediaError(input.label() + ": unsupported codec '" + name + "' (stream " +
                         std::to_string(stream_index) + "): this build has no decoder for it");
    CodecContextPtr ctx(avcodec_alloc_context3(codec));
    if (!ctx) throw MediaError(input.label() + ": out of memory");
    int r = avcodec_parameters_to_context(ctx.get(), st->codecpar);
    if (r < 0)
        throw MediaError(input.label() + ": bad codec parameters for '" + name +
                         "': " + error_text(r));
    ctx->pkt_timebase = st->time_base;
    ctx->thread_count = std::max(0, threads);  // 0: FFmpeg picks (frame/slice threads)
    if (max_pixels > 0) ctx->max_pixels = max_pixels;
    r = avcodec_open2(ctx.get(), codec, nullptr);
    if (r < 0)
        throw MediaError(input.label() + ": cannot open the '" + name +
                         "' decoder: " + error_text(r));
    return ctx;
}

int64_t frame_duration(const AVFrame* frame) {
#if LIBAVUTIL_VERSION_INT >= AV_VERSION_INT(57, 30, 100)
    return frame->duration;
#else
    return frame->pkt_duration;
#endif
}

bool receive_frame(const Input& input, AVCodecContext* decoder, int stream_index, AVPacket* packet,
                   AVFrame* frame, bool* draining) {
    // Isolated damaged packets are skipped (like players do); a run of them means the stream is
    // unusable.
    constexpr int kMaxConsecutiveErrors = 16;
    int consecutive_errors = 0;
    int last_error = 0;
    for (;;) {
        int r = avcodec_receive_frame(decoder, frame);
        if (r == 0) return true;
        if (r == AVERROR_EOF) return false;
        if (r != AVERROR(EAGAIN)) {
            if (++consecutive_errors > kMaxConsecutiveErrors || *draining)
                throw MediaError(input.label() + ": cannot decode: " + error_text(r) +
                                 " (corrupt data?)");
            continue;
        }
        if (*draining) return false;
        for (;;) {
            r = av_read_frame(input.fmt(), packet);
            if (r == AVERROR_EOF) {
                *draining = true;
                avcodec_send_packet(decoder, nullptr);
                break;
            }
            if (r < 0)
                throw MediaError(input.label() + ": read error: " + error_text(r) +
                                 " (truncated or corrupt file?)");
            if (packet->stream_index != stream_index) {
                av_packet_unref(packet);
                continue;
            }
            r = avcodec_send_packet(decoder, packet);
            av_packet_unref(packet);
            if (r < 0 && r != AVERROR(EAGAIN)) {
                last_error = r;
                if (++consecutive_errors > kMaxConsecutiveErrors)
                    throw MediaError(input.label() + ": cannot decode: " + error_text(last_error) +
                                     " (corrupt data?)");
                continue;
            }
            break;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Probe results.
// ---------------------------------------------------------------------------------------------
namespace {

std::map<std::string, std::string> tags(const AVDictionary* dict) {
    std::map<std::string, std::string> out;
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(dict, "", e, AV_DICT_IGNORE_SUFFIX)))
        out[e->key] = e->value;
    return out;
}

StreamKind kind_of(AVMediaType type) {
    switch (type) {
        case AVMEDIA_TYPE_VIDEO:
            return StreamKind::video;
        case AVMEDIA_TYPE_AUDIO:
            return StreamKind::audio;
        case AVMEDIA_TYPE_SUBTITLE:
            return StreamKind::subtitle;
        case AVMEDIA_TYPE_DATA:
            return StreamKind::data;
        case AVMEDIA_TYPE_ATTACHMENT:
            return StreamKind::attachment;
        default:
            return StreamKind::unknown;
    }
}

double seconds_or_zero(int64_t value, AVRational tb) {
    return value == AV_NOPTS_VALUE || value < 0 ? 0.0 : static_cast<double>(value) * av_q2d(tb);
}

}  // namespace

MediaInfo build_info(AVFormatContext* fmt, const std::string& label) {
    MediaInfo info;
    info.label = label;
    info.container = fmt->iformat->name;
    info.container_long = fmt->iformat->long_name ? fmt->iformat->long_name : "";
    info.duration_s = seconds_or_zero(fmt->duration, AVRational{1, AV_TIME_BASE});
    info.start_s = static_cast<double>(timeline_origin(fmt)) / AV_TIME_BASE;
    info.bit_rate_bps = fmt->bit_rate;
    info.metadata = tags(fmt->metadata);
    const std::string name = info.container;
    info.is_image =
        name == "image2" || (name.size() > 5 && name.compare(name.size() - 5, 5, "_pipe") == 0);
    const int64_t start = timeline_origin(fmt);
    for (unsigned i = 0; i < fmt->nb_streams; ++i) {
        const AVStream* st = fmt->streams[i];
        const AVCodecParameters* par = st->codecpar;
        StreamInfo s;
        s.index = static_cast<int>(i);
        s.kind = kind_of(par->codec_type);
        if (const AVCodecDescriptor* d = avcodec_descriptor_get(par->codec_id)) {
            s.codec = d->name;
            s.codec_long = d->long_name ? d->long_name : "";
        }
        s.decodable = avcodec_find_decoder(par->codec_id) != nullptr;
        if (const char* p = avcodec_profile_name(par->codec_id, par->profile)) s.profile = p;
        if (st->start_time != AV_NOPTS_VALUE)
            s.start_s = static_cast<double>(st->start_time) * av_q2d(st->time_base) -
                        static_cast<double>(start) / AV_TIME_BASE;
        s.duration_s = seconds_or_zero(st->duration, st->time_base);
        s.bit_rate_bps = par->bit_rate;
        s.frame_count = st->nb_frames;
        s.metadata = tags(st->metadata);
        if (s.kind == StreamKind::video) {
            s.width = par->width;
            s.height = par->height;
            if (const char* pf = av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format)))
                s.pixel_format = pf;
            AVRational rate = st->avg_frame_rate;
            if (rate.num <= 0 || rate.den <= 0) rate = st->r_frame_rate;
            if (rate.num > 0 && rate.den > 0) s.fps = {rate.num, rate.den};
            if (par->sample_aspect_ratio.num > 0 && par->sample_aspect_ratio.den > 0)
                s.sample_aspect = {par->sample_aspect_ratio.num, par->sample_aspect_ratio.den};
            s.attached_picture = (st->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0;
        } else if (s.kind == StreamKind::audio) {
            s.sample_rate_hz = par->sample_rate;
            s.channels = par->ch_layout.nb_channels;
            char layout[128] = {};
            if (par->ch_layout.nb_channels > 0 &&
                av_channel_layout_describe(&par->ch_layout, layout, sizeof layout) > 0)
                s.channel_layout = layout;
            if (const char* sf = av_get_sample_fmt_name(static_cast<AVSampleFormat>(par->format)))
                s.sample_format = sf;
        }
        info.streams.push_back(std::move(s));
    }
    info.best_video_index = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    info.best_audio_index = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (info.best_video_index < 0) info.best_video_index = -1;
    if (info.best_audio_index < 0) info.best_audio_index = -1;
    return info;
}

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
