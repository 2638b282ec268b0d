#include "media/resampler.h"

#if NAVA_HAVE_FFMPEG

extern "C" {
#include <libswresample/swresample.h>
#include <cstdint>
}

#include "media/ffmpeg_util.h"
#include "media/media_error.h"

namespace nava::media::ff {

AVChannelLayout default_layout(int channels) {
    AVChannelLayout layout{};
    av_channel_layout_default(&layout, channels);
    return layout;
}

Resampler::Resampler(int out_rate_hz, int out_channels)
    : out_rate_(out_rate_hz), out_channels_(out_channels) {
    if (out_rate_hz < 1000 || out_rate_hz > 768000 || out_channels <= 0 || out_channels > 64)
        throw MediaError("invalid audio output format: " + std::to_string(out_rate_hz) + " Hz, " +
                         std::to_string(out_channels) + " channels");
}

Resampler::~Resampler() {
    swr_free(&swr_);
    av_channel_layout_uninit(&in_layout_);
}

void Resampler::configure(AVSampleFormat format, const AVChannelLayout& layout, int rate_hz) {
    if (swr_ && format == in_format_ && rate_hz == in_rate_ &&
        av_channel_layout_compare(&layout, &in_layout_) == 0)
        return;
    swr_free(&swr_);
    av_channel_layout_uninit(&in_layout_);
    if (rate_hz < 1000 || rate_hz > 768000 || layout.nb_channels <= 0 || layout.nb_channels > 64)
        throw MediaError("invalid audio input format: " + std::to_string(rate_hz) + " Hz, " +
                         std::to_string(layout.nb_channels) + " channels");
    // Streams without a channel order (raw WAV) get the standard one for their count.
    AVChannelLayout in{};
    if (layout.order == AV_CHANNEL_ORDER_UNSPEC)
        in = default_layout(layout.nb_channels);
    else
        av_channel_layout_copy(&in, &layout);
    AVChannelLayout out = default_layout(out_channels_);
    if (in.nb_channels == out_channels_) av_channel_layout_copy(&out, &in);
    const int r = swr_alloc_set_opts2(&swr_, &out, AV_SAMPLE_FMT_FLT, out_rate_, &in, format,
                                      rate_hz, 0, nullptr);
    av_channel_layout_uninit(&out);
    av_channel_layout_uninit(&in);
    if (r < 0 || !swr_ || swr_init(swr_) < 0) {
        swr_free(&swr_);
        throw MediaError("cannot convert audio from " + std::to_string(rate_hz) + " Hz / " +
                         std::to_string(layout.nb_channels) + " channels to " +
                         std::to_string(out_rate_) + " Hz / " + std::to_string(out_channels_));
    }
    in_format_ = format;
    in_rate_ = rate_hz;
    av_channel_layout_copy(&in_layout_, &layout);
}

int Resampler::run(const uint8_t* const* data, int frames, std::vector<float>& out) {
    const int capacity = swr_get_out_samples(swr_, frames) + 16;
    if (capacity <= 0) return 0;
    const std::size_t old = out.size();
    out.resize(old + static_cast<std::size_t>(capacity) * out_channels_);
    uint8_t* dst = reinterpret_cast<uint8_t*>(out.data() + old);
    const int got = swr_convert(swr_, &dst, capacity, const_cast<const uint8_t**>(data), frames);
    if (got < 0) {
        out.resize(old);
        throw MediaError("audio conversion failed: " + error_text(got));
    }
    out.resize(old + static_cast<std::size_t>(got) * out_channels_);
    return got;
}

void Resampler::convert(const uint8_t* const* data, int frames, AVSampleFormat format,
                        const AVChannelLayout& layout, int rate_hz, std::vector<float>& out) {
    if (frames <= 0) return;
    configure(format, layout, rate_hz);
    run(data, frames, out);
}

void Resampler::flush(std::vector<float>& out) {
    if (!swr_) return;
    while (run(nullptr, 0, out) > 0) {
    }
}

void Resampler::reset() {
    swr_free(&swr_);
    av_channel_layout_uninit(&in_layout_);
    in_format_ = AV_SAMPLE_FMT_NONE;
    in_rate_ = 0;
}

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
