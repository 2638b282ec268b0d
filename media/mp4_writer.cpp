#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "media/atomic_file.h"
#include "media/export.h"
#include "media/ffmpeg_util.h"
#include "media/probe.h"
#include "media/resampler.h"
#include "nava/build_config.h"

#if NAVA_HAVE_FFMPEG
extern "C" {
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}
#endif

namespace nava::media {

#if NAVA_HAVE_FFMPEG

struct Mp4Writer::Impl {
    Impl(const std::filesystem::path& target, const Mp4StreamSpec& spec_in,
         const ExportOptions& opts)
        : path(target), tmp(temporary_path_for(target)), spec(spec_in), options(opts) {
        ff::init_logging();
        label = path.string();
        if (spec.width <= 0 && spec.audio_sample_rate_hz <= 0)
            throw MediaError(label + ": nothing to export (no picture and no sound)");
        url = "file:" + tmp.string();
        int r = avformat_alloc_output_context2(&oc, nullptr, "mp4", url.c_str());
        if (r < 0 || !oc) throw MediaError(label + ": cannot create an MP4 muxer");
        try {
            if (spec.width > 0) open_video();
            if (spec.audio_sample_rate_hz > 0) open_audio();
            set_metadata();
            r = avio_open(&oc->pb, url.c_str(), AVIO_FLAG_WRITE);
            if (r < 0) throw MediaError(label + ": cannot create the file: " + ff::error_text(r));
            // faststart: the index goes to the front so that players can start before the whole
            // file arrived; use_metadata_tags: keys of our own (nava_recipe) are kept.
            AVDictionary* mux_opts = nullptr;
            av_dict_set(&mux_opts, "movflags", "+faststart+use_metadata_tags", 0);
            r = avformat_write_header(oc, &mux_opts);
            av_dict_free(&mux_opts);
            if (r < 0) throw MediaError(label + ": cannot write the header: " + ff::error_text(r));
        } catch (...) {
            release();
            throw;
        }
    }

    ~Impl() { release(); }

    // Frees everything and removes the temporary file (no-op after finish()).
    void release() {
        sws_freeContext(sws);
        sws = nullptr;
        video_enc.reset();
        audio_enc.reset();
        if (oc) {
            if (oc->pb) avio_closep(&oc->pb);
            avformat_free_context(oc);
            oc = nullptr;
        }
        if (!finished) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
        }
    }

    void open_video() {
        if (spec.width % 2 || spec.height % 2)
            throw MediaError(label + ": H.264 (4:2:0) needs an even width and height, got " +
                             std::to_string(spec.width) + "x" + std::to_string(spec.height));
        if (spec.fps.num <= 0 || spec.fps.den <= 0)
            throw MediaError(label + ": frame rate must be positive");
        const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
        if (!codec) codec = avcodec_find_encoder(AV_CODEC_ID_H264);
        if (!codec) throw MediaError(label + ": this FFmpeg has no H.264 encoder");
        video_enc.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = video_enc.get();
        c->width = spec.width;
        c->height = spec.height;
        c->time_base = AVRational{spec.fps.den, spec.fps.num};
        c->framerate = AVRational{spec.fps.num, spec.fps.den};
        c->pix_fmt = AV_PIX_FMT_YUV420P;
        c->gop_size = std::max(1, static_cast<int>(std::lround(2.0 * spec.fps.value())));
        c->color_range = AVCOL_RANGE_MPEG;
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        c->thread_count = 0;
        if (oc->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        AVDictionary* enc_opts = nullptr;
        av_dict_set_int(&enc_opts, "crf", std::clamp(options.crf, 0, 51), 0);
        if (!options.preset.empty()) av_dict_set(&enc_opts, "preset", options.preset.c_str(), 0);
        // x264's macroblock-tree lookahead reads memory it never wrote (Debian's core 164: from
        // 64x64 up to 960x960 and 704x1280 over 49 frames), so the same frames gave different
        // files from run to run. Without it the output depends on the frames alone (and on the
        // encoder's thread count, i.e. the machine), for a few percent more bits at the CRF.
        if (std::string(codec->name) == "libx264")
            av_dict_set(&enc_opts, "x264-params", "mbtree=0", 0);
        const int r = avcodec_open2(c, codec, &enc_opts);
        av_dict_free(&enc_opts);
        if (r < 0)
            throw MediaError(label + ": cannot open the H.264 encoder: " + ff::error_text(r));
        video_stream = avformat_new_stream(oc, nullptr);
        if (!video_stream) throw MediaError(label + ": out of memory");
        avcodec_parameters_from_context(video_stream->codecpar, c);
        video_stream->time_base = c->time_base;
        video_stream->avg_frame_rate = c->framerate;
        yuv = ff::make_frame();
        yuv->format = c->pix_fmt;
        yuv->width = c->width;
        yuv->height = c->height;
        if (av_frame_get_buffer(yuv.get(), 0) < 0) throw MediaError(label + ": out of memory");
        sws = sws_getContext(c->width, c->height, AV_PIX_FMT_RGB24, c->width, c->height,
                             AV_PIX_FMT_YUV420P, SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr,
                             nullptr);
        if (!sws) throw MediaError(label + ": cannot create the RGB to YUV converter");
        const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    }

    void open_audio() {
        if (spec.audio_channels <= 0 || spec.audio_channels > 8)
            throw MediaError(label + ": unsupported channel count " +
                             std::to_string(spec.audio_channels));
        const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
        if (!codec) throw MediaError(label + ": this FFmpeg has no AAC encoder");
        const int rate = options.audio_sample_rate_hz > 0 ? options.audio_sample_rate_hz : 48000;
        if (codec->supported_samplerates) {
            bool ok = false;
            for (const int* r = codec->supported_samplerates; *r; ++r)
                ok = ok || *r == rate;
            if (!ok)
                throw MediaError(label + ": AAC cannot be written at " + std::to_string(rate) +
                                 " Hz (use 48000, 44100 or 16000)");
        }
        audio_enc.reset(avcodec_alloc_context3(codec));
        AVCodecContext* c = audio_enc.get();
        c->sample_fmt = AV_SAMPLE_FMT_FLTP;
        c->sample_rate = rate;
        c->ch_layout = ff::default_layout(spec.audio_channels);
        c->bit_rate = options.audio_bitrate_bps > 0
                          ? options.audio_bitrate_bps
                          : std::min<int64_t>(96000LL * spec.audio_channels, 320000);
        c->time_base = AVRational{1, rate};
        if (oc->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        const int r = avcodec_open2(c, codec, nullptr);
        if (r < 0) throw MediaError(label + ": cannot open the AAC encoder: " + ff::error_text(r));
        audio_stream = avformat_new_stream(oc, nullptr);
        if (!audio_stream) throw MediaError(label + ": out of memory");
        avcodec_parameters_from_context(audio_stream->codecpar, c);
        audio_stream->time_base = c->time_base;
        resampler = std::make_unique<ff::Resampler>(rate, spec.audio_channels);
        in_layout = ff::default_layout(spec.audio_channels);
        frame_size = c->frame_size > 0 ? c->frame_size : 1024;
        pcm = ff::make_frame();
    }

    void set_metadata() {
        for (const auto& [k, v] : options.metadata)
            av_dict_set(&oc->metadata, k.c_str(), v.c_str(), 0);
        if (!options.recipe_json.empty()) {
            av_dict_set(&oc->metadata, kRecipeTag, options.recipe_json.c_str(), 0);
            if (!options.metadata.count(kRecipeFallbackTag))
                av_dict_set(&oc->metadata, kRecipeFallbackTag, options.recipe_json.c_str(), 0);
        }
    }

    void check_cancel() const {
        if (options.cancel && options.cancel->load())
            throw ExportCancelled(label + ": export cancelled");
    }

    // Sends one frame (nullptr = flush) and writes every packet the encoder gives back.
    void encode(AVCodecContext* enc, AVStream* stream, const AVFrame* frame) {
        int r = avcodec_send_frame(enc, frame);
        if (r < 0 && r != AVERROR_EOF)
            throw MediaError(label + ": encoding failed: " + ff::error_text(r));
        ff::PacketPtr pkt = ff::make_packet();
        for (;;) {
            r = avcodec_receive_packet(enc, pkt.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
            if (r < 0) throw MediaError(label + ": encoding failed: " + ff::error_text(r));
            if (pkt->duration == 0 && enc == video_enc.get()) pkt->duration = 1;
            av_packet_rescale_ts(pkt.get(), enc->time_base, stream->time_base);
            pkt->stream_index = stream->index;
            r = av_interleaved_write_frame(oc, pkt.get());
            if (r < 0)
                throw MediaError(label + ": write failed (disk full?): " + ff::error_text(r));
        }
    }

    void write_video(const uint8_t* rgb) {
        if (!video_enc) throw MediaError(label + ": this export has no video stream");
        check_cancel();
        if (av_frame_make_writable(yuv.get()) < 0) throw MediaError(label + ": out of memory");
        const uint8_t* src[4] = {rgb, nullptr, nullptr, nullptr};
        const int stride[4] = {spec.width * 3, 0, 0, 0};
        sws_scale(sws, src, stride, 0, spec.height, yuv->data, yuv->linesize);
        yuv->pts = video_frames++;
        encode(video_enc.get(), video_stream, yuv.get());
    }

    void encode_audio_frames(bool final) {
        const int ch = spec.audio_channels;
        while (pending.size() - pending_pos >= static_cast<std::size_t>(frame_size) * ch ||
               (final && pending.size() > pending_pos)) {
            const int n = static_cast<int>(
                std::min<std::size_t>(frame_size, (pending.size() - pending_pos) / ch));
            av_frame_unref(pcm.get());
            pcm->format = AV_SAMPLE_FMT_FLTP;
            pcm->sample_rate = audio_enc->sample_rate;
            av_channel_layout_copy(&pcm->ch_layout, &audio_enc->ch_layout);
            pcm->nb_samples = n;
            if (av_frame_get_buffer(pcm.get(), 0) < 0) throw MediaError(label + ": out of memory");
            const float* in = pending.data() + pending_pos;
            for (int c = 0; c < ch; ++c) {
                auto* plane = reinterpret_cast<float*>(pcm->extended_data[c]);
                for (int i = 0; i < n; ++i)
                    plane[i] = in[static_cast<std::size_t>(i) * ch + c];
            }
            pending_pos += static_cast<std::size_t>(n) * ch;
            pcm->pts = audio_samples;
            audio_samples += n;
            encode(audio_enc.get(), audio_stream, pcm.get());
        }
        if (pending_pos > (1u << 16)) {
            pending.erase(pending.begin(),
                          pending.begin() + static_cast<std::ptrdiff_t>(pending_pos));
            pending_pos = 0;
        }
    }

    void write_audio(const float* interleaved, int64_t frames) {
        if (!audio_enc) throw MediaError(label + ": this export has no audio stream");
        check_cancel();
        const uint8_t* data[1] = {reinterpret_cast<const uint8_t*>(interleaved)};
        constexpr int64_t kBlock = 1 << 15;
        for (int64_t done = 0; done < frames; done += kBlock) {
            data[0] = reinterpret_cast<const uint8_t*>(interleaved + done * spec.audio_channels);
            resampler->convert(data, static_cast<int>(std::min(kBlock, frames - done)),
                               AV_SAMPLE_FMT_FLT, in_layout, spec.audio_sample_rate_hz, pending);
            encode_audio_frames(false);
        }
        audio_in_frames += frames;
    }

    void finish() {
        check_cancel();
        if (video_enc && video_frames == 0 && (!audio_enc || audio_in_frames == 0))
            throw MediaError(label + ": nothing to export (no frames and no samples)");
        if (!video_enc && audio_in_frames == 0)
            throw MediaError(label + ": nothing to export (no samples)");
        if (audio_enc) {
            resampler->flush(pending);
            // Exactly as many samples as came in (at the output rate): the filter's tail may
            // differ by a sample.
            const auto want = static_cast<std::size_t>(
                std::llround(static_cast<double>(audio_in_frames) * audio_enc->sample_rate /
                             spec.audio_sample_rate_hz));
            const std::size_t have = static_cast<std::size_t>(audio_samples) +
                                     (pending.size() - pending_pos) / spec.audio_channels;
            const std::size_t extra =
                std::min((have > want ? have - want : 0) * spec.audio_channels,
                         pending.size() - pending_pos);
            pending.resize(pending.size() - extra);
            encode_audio_frames(true);
            encode(audio_enc.get(), audio_stream, nullptr);
        }
        if (video_enc) encode(video_enc.get(), video_stream, nullptr);
        int r = av_write_trailer(oc);
        if (r < 0) throw MediaError(label + ": cannot finish the file: " + ff::error_text(r));
        r = avio_closep(&oc->pb);
        if (r < 0) throw MediaError(label + ": write failed (disk full?): " + ff::error_text(r));
        std::error_code ec;
        std::filesystem::rename(tmp, path, ec);
        if (ec) throw MediaError(label + ": cannot move the finished file into place");
        finished = true;
        release();
    }

    std::filesystem::path path, tmp;
    std::string label, url;
    Mp4StreamSpec spec;
    ExportOptions options;
    AVFormatContext* oc = nullptr;
    ff::CodecContextPtr video_enc, audio_enc;
    AVStream* video_stream = nullptr;
    AVStream* audio_stream = nullptr;
    SwsContext* sws = nullptr;
    ff::FramePtr yuv, pcm;
    std::unique_ptr<ff::Resampler> resampler;
    AVChannelLayout in_layout{};
    int frame_size = 1024;
    std::vector<float> pending;  // resampled, interleaved, not yet encoded (from pending_pos on)
    std::size_t pending_pos = 0;
    int64_t video_frames = 0, audio_samples = 0, audio_in_frames = 0;
    bool finished = false;
};

Mp4Writer::Mp4Writer(const std::filesystem::path& path, const Mp4StreamSpec& spec,
                     const ExportOptions& options)
    : impl_(std::make_unique<Impl>(path, spec, options)) {}

Mp4Writer::~Mp4Writer() = default;

void Mp4Writer::write_video_frame(const uint8_t* rgb) {
    if (!impl_) throw MediaError("Mp4Writer: already finished or aborted");
    impl_->write_video(rgb);
}

void Mp4Writer::write_audio(const float* interleaved, int64_t frames) {
    if (!impl_) throw MediaError("Mp4Writer: already finished or aborted");
    impl_->write_audio(interleaved, frames);
}

void Mp4Writer::finish() {
    if (!impl_) throw MediaError("Mp4Writer: already finished or aborted");
    impl_->finish();
    impl_.reset();
}

void Mp4Writer::abort() {
    impl_.reset();
}

void export_mp4(const std::filesystem::path& path, const VideoBuffer* video,
                const AudioBuffer* audio, const ExportOptions& options) {
    const bool has_video = video && video->frame_count() > 0;
    const bool has_audio = audio && audio->frames() > 0;
    if (!has_video && !has_audio)
        throw MediaError(path.string() + ": nothing to export (no frames and no samples)");
    Mp4StreamSpec spec;
    if (has_video) {
        spec.width = video->width;
        spec.height = video->height;
        spec.fps = video->fps;
    }
    if (has_audio) {
        spec.audio_sample_rate_hz = audio->sample_rate_hz;
        spec.audio_channels = audio->channels;
    }
    Mp4Writer writer(path, spec, options);
    const int64_t frames = has_video ? video->frame_count() : 0;
    const int64_t samples = has_audio ? audio->frames() : 0;
    const std::size_t frame_bytes =
        has_video ? static_cast<std::size_t>(video->width) * video->height * 3 : 0;
    // Picture and sound go in in time order so the muxer needs little buffering.
    int64_t samples_done = 0;
    const int64_t steps = std::max<int64_t>(frames, 1);
    for (int64_t i = 0; i < steps; ++i) {
        if (has_video) writer.write_video_frame(video->rgb.data() + i * frame_bytes);
        if (has_audio) {
            const int64_t until =
                i + 1 == steps
                    ? samples
                    : std::min(samples, static_cast<int64_t>(std::llround(
                                            (i + 1) / video->fps.value() * audio->sample_rate_hz)));
            if (until > samples_done) {
                writer.write_audio(audio->samples.data() + samples_done * audio->channels,
                                   until - samples_done);
                samples_done = until;
            }
        }
        if (options.progress && !options.progress(static_cast<double>(i + 1) / steps))
            throw ExportCancelled(path.string() + ": export cancelled");
    }
    writer.finish();
}

#else  // !NAVA_HAVE_FFMPEG

struct Mp4Writer::Impl {};

Mp4Writer::Mp4Writer(const std::filesystem::path& path, const Mp4StreamSpec&,
                     const ExportOptions&) {
    throw MediaError(path.string() + ": cannot write MP4: built without FFmpeg");
}
Mp4Writer::~Mp4Writer() = default;
void Mp4Writer::write_video_frame(const uint8_t*) {}
void Mp4Writer::write_audio(const float*, int64_t) {}
void Mp4Writer::finish() {}
void Mp4Writer::abort() {}

void export_mp4(const std::filesystem::path& path, const VideoBuffer*, const AudioBuffer*,
                const ExportOptions&) {
    throw MediaError(path.string() + ": cannot write MP4: built without FFmpeg");
}

#endif  // NAVA_HAVE_FFMPEG

std::optional<std::string> read_recipe(const InputSource& input) {
    const MediaInfo info = probe(input);
    auto find = [&](const char* key) -> const std::string* {
        for (const auto& [k, v] : info.metadata) {
            if (k.size() != std::char_traits<char>::length(key)) continue;
            bool same = true;
            for (std::size_t i = 0; i < k.size() && same; ++i)
                same = std::tolower(static_cast<unsigned char>(k[i])) == key[i];
            if (same) return &v;
        }
        return nullptr;
    };
    if (const std::string* v = find(kRecipeTag)) return *v;
    if (const std::string* v = find(kRecipeFallbackTag)) {
        const auto doc = nlohmann::json::parse(*v, nullptr, false);
        if (!doc.is_discarded() && doc.is_object() && doc.contains(kRecipeTag)) return *v;
    }
    return std::nullopt;
}

}  // namespace nava::media
