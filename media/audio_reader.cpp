#include "media/audio_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "media/ffmpeg_util.h"
#include "media/media_error.h"
#include "media/resampler.h"
#include "media/wav.h"
#include "nava/build_config.h"

namespace nava::media {

#if NAVA_HAVE_FFMPEG

namespace {

// Holes in the time stamps longer than kMinGapS are filled with silence; shorter jitter is
// ignored so that the output stays gap-free. Jumps beyond kMaxGapS are broken time stamps, not
// pauses, and are ignored too.
constexpr double kMinGapS = 0.05;
constexpr double kMaxGapS = 30.0;

// Seeks start decoding this much before the target: the first frame after a jump lacks the
// overlap of its predecessor (MDCT codecs) and is discarded with the other early samples.
constexpr double kSeekPrerollS = 0.1;

}  // namespace

struct AudioReader::Impl {
    Impl(const InputSource& source, const AudioDecodeOptions& options) : input(source) {
        const MediaInfo& info = input.info();
        stream_index = info.best_audio_index;
        if (stream_index < 0)
            throw MediaError(input.label() + ": no audio stream" +
                             (info.streams.empty()         ? " (no streams at all: empty clip?)"
                              : info.best_video_index >= 0 ? " (the file holds only video)"
                                                           : ""));
        stream = input.fmt()->streams[stream_index];
        decoder = ff::open_decoder(input, stream_index);
        packet = ff::make_packet();
        frame = ff::make_frame();
        const StreamInfo& s = *info.best_audio();
        if (options.sample_rate_hz < 0 || options.channels < 0)
            throw MediaError(input.label() + ": requested audio format must be positive");
        const int rate = options.sample_rate_hz > 0 ? options.sample_rate_hz : s.sample_rate_hz;
        const int channels = options.channels > 0 ? options.channels : s.channels;
        if (rate <= 0 || channels <= 0)
            throw MediaError(input.label() + ": the audio stream has no sample rate or channels");
        resampler = std::make_unique<ff::Resampler>(rate, channels);
        // MP4/MOV edit lists state the exact length, but FFmpeg only applies their start (the
        // encoder priming): the padding of the last AAC frame is cut here.
        if (info.container.find("mp4") != std::string::npos && stream->duration > 0 &&
            stream->duration != AV_NOPTS_VALUE)
            end_s = input.seconds(
                stream,
                (stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time) + stream->duration);
    }

    int channels() const { return resampler->out_channels(); }
    int rate() const { return resampler->out_rate_hz(); }
    std::size_t available() const { return pending.size() - read_pos; }

    void append_silence(int64_t frames) {
        if (frames > 0)
            pending.resize(pending.size() + static_cast<std::size_t>(frames) * channels());
    }

    // Decodes one frame into `pending`; false at the end of the stream.
    bool decode_more() {
        if (eof) return false;
        if (!ff::receive_frame(input, decoder.get(), stream_index, packet.get(), frame.get(),
                               &draining)) {
            resampler->flush(pending);
            eof = true;
            return false;
        }
        const int in_rate = frame->sample_rate > 0 ? frame->sample_rate : decoder->sample_rate;
        if (in_rate < 1000 || in_rate > 768000 || frame->ch_layout.nb_channels <= 0)
            throw MediaError(input.label() + ": unsupported audio format (" +
                             std::to_string(in_rate) + " Hz, " +
                             std::to_string(frame->ch_layout.nb_channels) + " channels)");
        const int64_t ts = frame->best_effort_timestamp;
        double pts = ts == AV_NOPTS_VALUE ? next_in_s : input.seconds(stream, ts);
        // Time stamps far off the expected time are broken, not pauses: the samples continue
        // the timeline as if they were right.
        if (std::fabs(pts - next_in_s) > kMaxGapS) pts = next_in_s;
        int offset = 0;  // input samples to skip at the start of this frame
        if (!started) {
            if (pts < origin_s) {
                offset = static_cast<int>(std::lround((origin_s - pts) * in_rate));
                if (offset >= frame->nb_samples) {
                    next_in_s = pts + static_cast<double>(frame->nb_samples) / in_rate;
                    av_frame_unref(frame.get());
                    return true;
                }
            } else {
                append_silence(std::lround((pts - origin_s) * rate()));
            }
            started = true;
        } else if (pts - next_in_s > kMinGapS) {
            append_silence(std::lround((pts - next_in_s) * rate()));
        }
        next_in_s = std::max(next_in_s, pts) + static_cast<double>(frame->nb_samples) / in_rate;
        // Skipping `offset` samples: each plane (planar) or the one buffer (packed) moves on.
        const auto format = static_cast<AVSampleFormat>(frame->format);
        const int bytes = av_get_bytes_per_sample(format);
        const bool planar = av_sample_fmt_is_planar(format);
        const int nch = frame->ch_layout.nb_channels;
        std::vector<const uint8_t*> planes(planar ? static_cast<std::size_t>(nch) : 1);
        for (std::size_t c = 0; c < planes.size(); ++c)
            planes[c] = frame->extended_data[c] +
                        static_cast<std::ptrdiff_t>(offset) * bytes * (planar ? 1 : nch);
        resampler->convert(planes.data(), frame->nb_samples - offset, format, frame->ch_layout,
                           in_rate, pending);
        av_frame_unref(frame.get());
        return true;
    }

    bool read(AudioChunk& chunk, int64_t max_frames) {
        if (max_frames <= 0) max_frames = 4096;
        const std::size_t want = static_cast<std::size_t>(max_frames) * channels();
        while (available() < want && decode_more()) {
        }
        std::size_t n = std::min(available(), want) / channels() * channels();
        if (end_s > 0) {
            const auto last = static_cast<int64_t>(std::llround((end_s - origin_s) * rate()));
            n = std::min<std::size_t>(
                n, static_cast<std::size_t>(std::max<int64_t>(0, last - produced)) * channels());
        }
        chunk.sample_rate_hz = rate();
        chunk.channels = channels();
        chunk.start_s = origin_s + static_cast<double>(produced) / rate();
        chunk.samples.assign(pending.begin() + static_cast<std::ptrdiff_t>(read_pos),
                             pending.begin() + static_cast<std::ptrdiff_t>(read_pos + n));
        read_pos += n;
        produced += static_cast<int64_t>(n) / channels();
        if (read_pos > (1u << 16) && read_pos * 2 > pending.size()) {
            pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(read_pos));
            read_pos = 0;
        }
        return n > 0;
    }

    void seek(double time_s) {
        time_s = std::max(0.0, time_s);
        const double preroll =
            std::max(kSeekPrerollS, stream->codecpar->sample_rate > 0
                                        ? static_cast<double>(stream->codecpar->seek_preroll) /
                                              stream->codecpar->sample_rate
                                        : 0.0);
        input.seek(std::max(0.0, time_s - preroll));
        avcodec_flush_buffers(decoder.get());
        resampler->reset();
        pending.clear();
        read_pos = 0;
        draining = eof = started = false;
        origin_s = time_s;
        next_in_s = time_s;
        produced = 0;
    }

    ff::Input input;
    int stream_index = -1;
    AVStream* stream = nullptr;
    ff::CodecContextPtr decoder;
    ff::PacketPtr packet;
    ff::FramePtr frame;
    std::unique_ptr<ff::Resampler> resampler;
    std::vector<float> pending;  // converted, not yet returned (from read_pos on)
    std::size_t read_pos = 0;
    bool draining = false, eof = false, started = false;
    double origin_s = 0.0;   // time of output sample 0
    double next_in_s = 0.0;  // expected time stamp of the next decoded frame
    int64_t produced = 0;    // output sample frames returned since origin_s
    double end_s = 0.0;      // exact end of the stream when the container states it (else 0)
};

AudioReader::AudioReader(const InputSource& input, const AudioDecodeOptions& options)
    : impl_(std::make_unique<Impl>(input, options)) {}
AudioReader::~AudioReader() = default;
AudioReader::AudioReader(AudioReader&&) noexcept = default;
AudioReader& AudioReader::operator=(AudioReader&&) noexcept = default;

const MediaInfo& AudioReader::info() const {
    return impl_->input.info();
}
int AudioReader::sample_rate_hz() const {
    return impl_->rate();
}
int AudioReader::channels() const {
    return impl_->channels();
}
double AudioReader::duration_s() const {
    const StreamInfo* s = impl_->input.info().best_audio();
    return s && s->duration_s > 0 ? s->duration_s : impl_->input.info().duration_s;
}
bool AudioReader::read(AudioChunk& chunk, int64_t max_frames) {
    return impl_->read(chunk, max_frames);
}
void AudioReader::seek(double time_s) {
    impl_->seek(time_s);
}

AudioBuffer read_audio(const InputSource& input, const AudioDecodeOptions& options,
                       double max_duration_s) {
    AudioReader reader(input, options);
    AudioBuffer audio;
    audio.sample_rate_hz = reader.sample_rate_hz();
    audio.channels = reader.channels();
    const int64_t limit =
        max_duration_s > 0
            ? static_cast<int64_t>(std::llround(max_duration_s * audio.sample_rate_hz))
            : -1;
    AudioChunk chunk;
    while (limit < 0 || audio.frames() < limit) {
        const int64_t want =
            limit < 0 ? 1 << 15 : std::min<int64_t>(1 << 15, limit - audio.frames());
        if (!reader.read(chunk, want)) break;
        audio.samples.insert(audio.samples.end(), chunk.samples.begin(), chunk.samples.end());
    }
    if (audio.frames() == 0)
        throw MediaError(input.label() + ": the audio stream holds no samples (empty clip?)");
    const double declared = reader.duration_s();
    if (limit < 0 && declared > 0 && audio.duration_s() < declared - std::max(0.5, 0.1 * declared))
        throw MediaError(input.label() + ": the sound ends at " +
                         std::to_string(audio.duration_s()) + " s although the file says " +
                         std::to_string(declared) + " s (truncated file?)");
    return audio;
}

AudioBuffer resample_audio(const AudioBuffer& audio, int sample_rate_hz, int channels) {
    if (audio.sample_rate_hz <= 0 || audio.channels <= 0)
        throw MediaError("cannot convert audio without a sample rate or channels");
    if (sample_rate_hz <= 0) sample_rate_hz = audio.sample_rate_hz;
    if (channels <= 0) channels = audio.channels;
    if (sample_rate_hz == audio.sample_rate_hz && channels == audio.channels) return audio;
    ff::Resampler resampler(sample_rate_hz, channels);
    AudioBuffer out;
    out.sample_rate_hz = sample_rate_hz;
    out.channels = channels;
    const AVChannelLayout layout = ff::default_layout(audio.channels);
    const uint8_t* data[1] = {reinterpret_cast<const uint8_t*>(audio.samples.data())};
    // Fed in blocks: swr's output buffer is sized per call.
    constexpr int64_t kBlock = 1 << 16;
    for (int64_t start = 0; start < audio.frames(); start += kBlock) {
        data[0] = reinterpret_cast<const uint8_t*>(audio.samples.data() + start * audio.channels);
        resampler.convert(data, static_cast<int>(std::min(kBlock, audio.frames() - start)),
                          AV_SAMPLE_FMT_FLT, layout, audio.sample_rate_hz, out.samples);
    }
    resampler.flush(out.samples);
    // The filter's flush can leave a sample more or less than the exact length.
    const auto exact =
        static_cast<std::size_t>(std::llround(static_cast<double>(audio.frames()) * sample_rate_hz /
                                              audio.sample_rate_hz)) *
        channels;
    out.samples.resize(exact, 0.0f);
    return out;
}

#else  // !NAVA_HAVE_FFMPEG

struct AudioReader::Impl {};

AudioReader::AudioReader(const InputSource& input, const AudioDecodeOptions&) {
    throw MediaError(input.label() + ": cannot decode audio: built without FFmpeg");
}
AudioReader::~AudioReader() = default;
AudioReader::AudioReader(AudioReader&&) noexcept = default;
AudioReader& AudioReader::operator=(AudioReader&&) noexcept = default;
const MediaInfo& AudioReader::info() const {
    throw MediaError("built without FFmpeg");
}
int AudioReader::sample_rate_hz() const {
    return 0;
}
int AudioReader::channels() const {
    return 0;
}
double AudioReader::duration_s() const {
    return 0.0;
}
bool AudioReader::read(AudioChunk&, int64_t) {
    return false;
}
void AudioReader::seek(double) {}

AudioBuffer read_audio(const InputSource& input, const AudioDecodeOptions& options,
                       double max_duration_s) {
    // Without FFmpeg only WAV files can be read.
    if (input.is_memory() || input.path().extension() != ".wav")
        throw MediaError(input.label() + ": cannot decode audio: built without FFmpeg");
    AudioBuffer a =
        resample_audio(read_wav(input.path()), options.sample_rate_hz, options.channels);
    if (max_duration_s > 0) {
        const auto frames =
            static_cast<std::size_t>(std::llround(max_duration_s * a.sample_rate_hz));
        if (a.samples.size() > frames * a.channels) a.samples.resize(frames * a.channels);
    }
    return a;
}

AudioBuffer resample_audio(const AudioBuffer& audio, int sample_rate_hz, int channels) {
    if (sample_rate_hz <= 0) sample_rate_hz = audio.sample_rate_hz;
    if (channels <= 0) channels = audio.channels;
    if (sample_rate_hz != audio.sample_rate_hz)
        throw MediaError("cannot change the sample rate from " +
                         std::to_string(audio.sample_rate_hz) + " to " +
                         std::to_string(sample_rate_hz) + " Hz: built without FFmpeg");
    if (channels == audio.channels) return audio;
    // Channel count changes without FFmpeg: average to mono, or copy mono to every channel.
    AudioBuffer out;
    out.sample_rate_hz = sample_rate_hz;
    out.channels = channels;
    const int64_t frames = audio.frames();
    out.samples.resize(static_cast<std::size_t>(frames) * channels);
    for (int64_t i = 0; i < frames; ++i) {
        float mono = 0.0f;
        for (int c = 0; c < audio.channels; ++c)
            mono += audio.samples[static_cast<std::size_t>(i) * audio.channels + c];
        mono /= static_cast<float>(audio.channels);
        for (int c = 0; c < channels; ++c)
            out.samples[static_cast<std::size_t>(i) * channels + c] =
                (audio.channels == channels)
                    ? audio.samples[static_cast<std::size_t>(i) * channels + c]
                    : mono;
    }
    return out;
}

#endif  // NAVA_HAVE_FFMPEG

}  // namespace nava::media
