#include "media/frame_convert.h"

#if NAVA_HAVE_FFMPEG

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include "media/media_error.h"

namespace nava::media::ff {
namespace {

int sws_colorspace(AVColorSpace cs) {
    switch (cs) {
        case AVCOL_SPC_BT709:
            return SWS_CS_ITU709;
        case AVCOL_SPC_FCC:
            return SWS_CS_FCC;
        case AVCOL_SPC_SMPTE240M:
            return SWS_CS_SMPTE240M;
        case AVCOL_SPC_BT2020_NCL:
        case AVCOL_SPC_BT2020_CL:
            return SWS_CS_BT2020;
        default:
            return SWS_CS_ITU601;  // untagged and SD material
    }
}

// The deprecated full-range "yuvj" formats are the plain ones with a full-range flag.
AVPixelFormat plain_format(AVPixelFormat f, bool* full_range) {
    switch (f) {
        case AV_PIX_FMT_YUVJ420P:
            *full_range = true;
            return AV_PIX_FMT_YUV420P;
        case AV_PIX_FMT_YUVJ422P:
            *full_range = true;
            return AV_PIX_FMT_YUV422P;
        case AV_PIX_FMT_YUVJ444P:
            *full_range = true;
            return AV_PIX_FMT_YUV444P;
        case AV_PIX_FMT_YUVJ440P:
            *full_range = true;
            return AV_PIX_FMT_YUV440P;
        default:
            return f;
    }
}

}  // namespace

Placement place(int display_w, int display_h, int out_w, int out_h, ScalePolicy policy) {
    Placement p;
    if (policy == ScalePolicy::stretch || display_w <= 0 || display_h <= 0) {
        p.scaled_w = p.copy_w = out_w;
        p.scaled_h = p.copy_h = out_h;
        return p;
    }
    const double sx = static_cast<double>(out_w) / display_w;
    const double sy = static_cast<double>(out_h) / display_h;
    const double s = policy == ScalePolicy::cover_crop ? std::max(sx, sy) : std::min(sx, sy);
    p.scaled_w = std::max(1, static_cast<int>(std::lround(display_w * s)));
    p.scaled_h = std::max(1, static_cast<int>(std::lround(display_h * s)));
    if (policy == ScalePolicy::cover_crop) {
        p.scaled_w = std::max(p.scaled_w, out_w);
        p.scaled_h = std::max(p.scaled_h, out_h);
        p.src_x = (p.scaled_w - out_w) / 2;
        p.src_y = (p.scaled_h - out_h) / 2;
        p.copy_w = out_w;
        p.copy_h = out_h;
    } else {
        p.scaled_w = std::min(p.scaled_w, out_w);
        p.scaled_h = std::min(p.scaled_h, out_h);
        p.dst_x = (out_w - p.scaled_w) / 2;
        p.dst_y = (out_h - p.scaled_h) / 2;
        p.copy_w = p.scaled_w;
        p.copy_h = p.scaled_h;
    }
    return p;
}

FrameConverter::~FrameConverter() {
    sws_freeContext(sws_);
}

void FrameConverter::convert(const AVFrame* frame, int sar_num, int sar_den, int out_w, int out_h,
                             ScalePolicy policy, const std::array<uint8_t, 3>& pad_rgb,
                             std::vector<uint8_t>& rgb) {
    // 1. Display size of the source (non-square pixels stretched to square ones).
    int display_w = frame->width;
    if (sar_num > 0 && sar_den > 0 && sar_num != sar_den)
        display_w = std::max(1, static_cast<int>(std::lround(static_cast<double>(frame->width) *
                                                             sar_num / sar_den)));
    const Placement p = place(display_w, frame->height, out_w, out_h, policy);

    // 2. Scale (and convert to RGB) into the placement's scaled size.
    bool full_range = frame->color_range == AVCOL_RANGE_JPEG;
    const AVPixelFormat src_fmt =
        plain_format(static_cast<AVPixelFormat>(frame->format), &full_range);
    sws_ = sws_getCachedContext(
        sws_, frame->width, frame->height, src_fmt, p.scaled_w, p.scaled_h, AV_PIX_FMT_RGB24,
        SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr, nullptr);
    if (!sws_)
        throw MediaError(std::string("cannot convert pictures of format ") +
                         (av_get_pix_fmt_name(src_fmt) ? av_get_pix_fmt_name(src_fmt) : "?") +
                         " to RGB");
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(src_fmt);
    if (desc && !(desc->flags & AV_PIX_FMT_FLAG_RGB)) {
        const int* coefficients = sws_getCoefficients(sws_colorspace(frame->colorspace));
        sws_setColorspaceDetails(sws_, coefficients, full_range ? 1 : 0,
                                 sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
    }
    const bool direct = p.scaled_w == out_w && p.scaled_h == out_h;
    const std::size_t out_bytes = static_cast<std::size_t>(out_w) * out_h * 3;
    rgb.resize(out_bytes);
    uint8_t* target = rgb.data();
    if (!direct) {
        scaled_.resize(static_cast<std::size_t>(p.scaled_w) * p.scaled_h * 3);
        target = scaled_.data();
    }
    uint8_t* dst_data[4] = {target, nullptr, nullptr, nullptr};
    int dst_stride[4] = {p.scaled_w * 3, 0, 0, 0};
    sws_scale(sws_, frame->data, frame->linesize, 0, frame->height, dst_data, dst_stride);
    if (direct) return;

    // 3. Crop or pad into the output frame.
    if (policy == ScalePolicy::fit_pad)
        for (std::size_t i = 0; i < out_bytes; i += 3)
            std::memcpy(rgb.data() + i, pad_rgb.data(), 3);
    for (int row = 0; row < p.copy_h; ++row) {
        const uint8_t* src =
            scaled_.data() + (static_cast<std::size_t>(row + p.src_y) * p.scaled_w + p.src_x) * 3;
        uint8_t* dst = rgb.data() + (static_cast<std::size_t>(row + p.dst_y) * out_w + p.dst_x) * 3;
        std::memcpy(dst, src, static_cast<std::size_t>(p.copy_w) * 3);
    }
}

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
