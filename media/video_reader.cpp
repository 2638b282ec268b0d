#include "media/video_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "media/ffmpeg_util.h"
#include "media/frame_convert.h"
#include "media/media_error.h"
#include "media/y4m.h"
#include "nava/build_config.h"

namespace nava::media {

std::array<int, 2> output_size(int src_w, int src_h, const VideoDecodeOptions& options) {
    int w = options.width, h = options.height;
    if (w > 0 && h > 0) return {w, h};
    if (src_w <= 0 || src_h <= 0) return {std::max(w, 0), std::max(h, 0)};
    if (w <= 0 && h <= 0) return {src_w, src_h};
    if (w <= 0)
        w = std::max(1, static_cast<int>(std::lround(static_cast<double>(src_w) * h / src_h)));
    else
        h = std::max(1, static_cast<int>(std::lround(static_cast<double>(src_h) * w / src_w)));
    return {w, h};
}

#if NAVA_HAVE_FFMPEG

namespace {

// Output frame times with a constant rate are k / fps; a source frame is shown at output frame k
// when it is the latest one whose time stamp is at most half an output frame after k / fps
// (nearest-time-stamp rule, like FFmpeg's fps filter).
constexpr double kTimeEpsilon = 1e-6;

// A time stamp this far from its predecessor is broken, not a pause: the frame is taken to
// follow the previous one.
constexpr double kMaxJumpS = 60.0;

int display_width(int width, Rational sar) {
    if (sar.num <= 0 || sar.den <= 0) return width;
    const double w = std::round(width * sar.value());
    return static_cast<int>(std::clamp(w, 1.0, 16.0 * std::max(width, 1)));
}

}  // namespace

struct VideoReader::Impl {
    Impl(const InputSource& source, const VideoDecodeOptions& opts) : input(source), options(opts) {
        const MediaInfo& info = input.info();
        stream_index = info.best_video_index;
        if (stream_index < 0)
            throw MediaError(input.label() + ": no video stream" +
                             (info.streams.empty()         ? " (no streams at all: empty clip?)"
                              : info.best_audio_index >= 0 ? " (the file holds only audio)"
                                                           : ""));
        stream = input.fmt()->streams[stream_index];
        decoder = ff::open_decoder(input, stream_index, options.max_source_pixels,
                                   options.decoder_threads);
        packet = ff::make_packet();
        decoded = ff::make_frame();
        const StreamInfo& s = *info.best_video();
        const auto size = output_size(display_width(s.width, s.sample_aspect), s.height, options);
        out_w = size[0];
        out_h = size[1];
        if (out_w <= 0 || out_h <= 0)
            throw MediaError(input.label() + ": the video stream has no picture size");
        if (out_w > kMaxFrameSide || out_h > kMaxFrameSide)
            throw MediaError(input.label() + ": picture size " + std::to_string(out_w) + "x" +
                             std::to_string(out_h) + " is too large");
        if (options.fps.num < 0 || options.fps.den <= 0)
            throw MediaError(input.label() + ": requested frame rate must be positive");
        constant_rate = options.fps.num > 0;
        fps = constant_rate ? options.fps : s.fps;
        source_frame_s = s.fps.value() > 0 ? 1.0 / s.fps.value() : 0.0;
    }

    // Decodes the next source frame into `lookahead` (false at the end).
    bool decode_next() {
        if (eof) return false;
        if (!ff::receive_frame(input, decoder.get(), stream_index, packet.get(), decoded.get(),
                               &draining)) {
            eof = true;
            return false;
        }
        ff::FramePtr f = ff::make_frame();
        av_frame_move_ref(f.get(), decoded.get());
        const int64_t ts = f->best_effort_timestamp;
        const double expected = decoded_any ? last_pts + last_duration_s : reference_s;
        double pts = ts == AV_NOPTS_VALUE ? expected : input.seconds(stream, ts);
        if (std::fabs(pts - expected) > kMaxJumpS) pts = expected;         // broken time stamps
        if (decoded_any && pts < last_pts) pts = last_pts + kTimeEpsilon;  // (going backwards)
        const int64_t d = ff::frame_duration(f.get());
        last_duration_s = d > 0
                              ? d * av_q2d(stream->time_base)
                              : (source_frame_s > 0 ? source_frame_s
                                                    : (fps.value() > 0 ? 1.0 / fps.value() : 0.04));
        last_pts = pts;
        decoded_any = true;
        end_s = std::max(end_s, pts + last_duration_s);
        lookahead = std::move(f);
        lookahead_pts = pts;
        return true;
    }

    void emit(VideoFrame& out, int64_t index, double pts) {
        if (!held_converted) {
            converter.convert(held.get(), held->sample_aspect_ratio.num,
                              held->sample_aspect_ratio.den, out_w, out_h, options.policy,
                              options.pad_rgb, held_rgb);
            held_converted = true;
        }
        out.index = index;
        out.pts_s = pts;
        out.width = out_w;
        out.height = out_h;
        out.rgb = held_rgb;
    }

    void hold_lookahead() {
        held = std::move(lookahead);
        held_pts = lookahead_pts;
        held_converted = false;
    }

    bool read_constant_rate(VideoFrame& out) {
        const double rate = fps.value();
        const double t = static_cast<double>(next_index) / rate;
        const double threshold = t + 0.5 / rate + kTimeEpsilon;
        for (;;) {
            if (!lookahead && !decode_next()) break;
            if (lookahead_pts > threshold && held) break;
            hold_lookahead();  // also the first frame of a stream that starts late
        }
        if (!held) return false;
        if (!lookahead && eof && t >= end_s - kTimeEpsilon) return false;
        emit(out, next_index, t);
        ++next_index;
        return true;
    }

    bool read_native(VideoFrame& out) {
        for (;;) {
            if (!lookahead && !decode_next()) {
                // After a seek past the last frame the held frame is still the one shown.
                if (held && pending_seek) break;
                return false;
            }
            if (!pending_seek) {
                hold_lookahead();
                break;
            }
            // After a seek: the frame shown at the target is the last one starting at or before it.
            if (lookahead_pts > seek_target_s + kTimeEpsilon && held) break;
            hold_lookahead();
        }
        pending_seek = false;
        emit(out, native_index++, held_pts);
        held.reset();
        return true;
    }

    void seek(double time_s) {
        time_s = std::max(0.0, time_s);
        input.seek(time_s);
        avcodec_flush_buffers(decoder.get());
        draining = eof = false;
        held.reset();
        lookahead.reset();
        held_converted = false;
        decoded_any = false;
        end_s = 0.0;
        reference_s = time_s;
        if (constant_rate) {
            next_index = static_cast<int64_t>(std::ceil(time_s * fps.value() - kTimeEpsilon));
        } else {
            pending_seek = true;
            seek_target_s = time_s;
            native_index = source_frame_s > 0
                               ? static_cast<int64_t>(std::floor(time_s / source_frame_s + 1e-6))
                               : 0;
        }
    }

    ff::Input input;
    VideoDecodeOptions options;
    int stream_index = -1;
    AVStream* stream = nullptr;
    ff::CodecContextPtr decoder;
    ff::PacketPtr packet;
    ff::FramePtr decoded;
    ff::FrameConverter converter;
    int out_w = 0, out_h = 0;
    bool constant_rate = false;
    Rational fps;
    double source_frame_s = 0.0;
    bool draining = false, eof = false;
    // Decoding state: the frame currently shown (`held`) and the next decoded one.
    ff::FramePtr held, lookahead;
    double held_pts = 0.0, lookahead_pts = 0.0;
    bool held_converted = false;
    std::vector<uint8_t> held_rgb;
    bool decoded_any = false;
    double reference_s = 0.0;  // where the first frame after opening/seeking is expected
    double last_pts = 0.0, last_duration_s = 0.0, end_s = 0.0;
    int64_t next_index = 0, native_index = 0;
    bool pending_seek = false;
    double seek_target_s = 0.0;
};

VideoReader::VideoReader(const InputSource& input, const VideoDecodeOptions& options)
    : impl_(std::make_unique<Impl>(input, options)) {}
VideoReader::~VideoReader() = default;
VideoReader::VideoReader(VideoReader&&) noexcept = default;
VideoReader& VideoReader::operator=(VideoReader&&) noexcept = default;

const MediaInfo& VideoReader::info() const {
    return impl_->input.info();
}
int VideoReader::width() const {
    return impl_->out_w;
}
int VideoReader::height() const {
    return impl_->out_h;
}
Rational VideoReader::fps() const {
    return impl_->fps;
}
double VideoReader::duration_s() const {
    const StreamInfo* s = impl_->input.info().best_video();
    return s && s->duration_s > 0 ? s->duration_s : impl_->input.info().duration_s;
}

bool VideoReader::read(VideoFrame& frame) {
    return impl_->constant_rate ? impl_->read_constant_rate(frame) : impl_->read_native(frame);
}

void VideoReader::seek(double time_s) {
    impl_->seek(time_s);
}

VideoBuffer read_video(const InputSource& input, const VideoDecodeOptions& options,
                       std::vector<double>* pts_s, int64_t max_frames) {
    VideoReader reader(input, options);
    VideoBuffer video;
    video.width = reader.width();
    video.height = reader.height();
    video.fps = reader.fps().num > 0 ? reader.fps() : Rational{24, 1};
    if (pts_s) pts_s->clear();
    VideoFrame frame;
    double last_end = 0.0;
    while ((max_frames <= 0 || video.frame_count() < max_frames) && reader.read(frame)) {
        video.rgb.insert(video.rgb.end(), frame.rgb.begin(), frame.rgb.end());
        if (pts_s) pts_s->push_back(frame.pts_s);
        last_end = frame.pts_s + (video.fps.value() > 0 ? 1.0 / video.fps.value() : 0.0);
    }
    if (video.frame_count() == 0)
        throw MediaError(input.label() + ": the video stream holds no frames (empty clip?)");
    // A container that states a duration but whose data stops well before it was cut short.
    const double declared = reader.duration_s();
    if (max_frames <= 0 && !reader.info().is_image && declared > 0 &&
        last_end < declared - std::max(0.5, 0.1 * declared))
        throw MediaError(input.label() + ": the picture ends at " + std::to_string(last_end) +
                         " s although the file says " + std::to_string(declared) +
                         " s (truncated file?)");
    return video;
}

VideoFrame read_first_frame(const InputSource& input, const VideoDecodeOptions& options) {
    VideoDecodeOptions first = options;
    first.fps = {0, 1};
    VideoReader reader(input, first);
    VideoFrame frame;
    if (!reader.read(frame))
        throw MediaError(input.label() + ": the video stream holds no frames (empty clip?)");
    return frame;
}

#else  // !NAVA_HAVE_FFMPEG

struct VideoReader::Impl {};

VideoReader::VideoReader(const InputSource& input, const VideoDecodeOptions&) {
    throw MediaError(input.label() + ": cannot decode video: built without FFmpeg");
}
VideoReader::~VideoReader() = default;
VideoReader::VideoReader(VideoReader&&) noexcept = default;
VideoReader& VideoReader::operator=(VideoReader&&) noexcept = default;
const MediaInfo& VideoReader::info() const {
    throw MediaError("built without FFmpeg");
}
int VideoReader::width() const {
    return 0;
}
int VideoReader::height() const {
    return 0;
}
Rational VideoReader::fps() const {
    return {};
}
double VideoReader::duration_s() const {
    return 0.0;
}
bool VideoReader::read(VideoFrame&) {
    return false;
}
void VideoReader::seek(double) {}

namespace {

// Without FFmpeg only our own .y4m files can be read, at their own size and rate.
VideoBuffer read_y4m_only(const InputSource& input, const VideoDecodeOptions& options) {
    if (input.is_memory() || input.path().extension() != ".y4m")
        throw MediaError(input.label() + ": cannot decode video: built without FFmpeg");
    VideoBuffer v = read_y4m(input.path());
    const auto size = output_size(v.width, v.height, options);
    if (size[0] != v.width || size[1] != v.height ||
        (options.fps.num > 0 && options.fps.value() != v.fps.value()))
        throw MediaError(input.label() +
                         ": cannot scale or change the frame rate: built without FFmpeg");
    return v;
}

}  // namespace

VideoBuffer read_video(const InputSource& input, const VideoDecodeOptions& options,
                       std::vector<double>* pts_s, int64_t max_frames) {
    VideoBuffer v = read_y4m_only(input, options);
    if (max_frames > 0 && v.frame_count() > max_frames)
        v.rgb.resize(static_cast<std::size_t>(max_frames) * v.width * v.height * 3);
    if (pts_s) {
        pts_s->clear();
        for (int64_t i = 0; i < v.frame_count(); ++i)
            pts_s->push_back(static_cast<double>(i) / v.fps.value());
    }
    return v;
}

VideoFrame read_first_frame(const InputSource& input, const VideoDecodeOptions& options) {
    const VideoBuffer v = read_y4m_only(input, options);
    VideoFrame f;
    f.width = v.width;
    f.height = v.height;
    f.rgb.assign(v.rgb.begin(),
                 v.rgb.begin() + static_cast<std::ptrdiff_t>(v.width) * v.height * 3);
    return f;
}

#endif  // NAVA_HAVE_FFMPEG

}  // namespace nava::media
