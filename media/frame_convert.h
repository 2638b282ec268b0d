// Private: decoded pictures (any pixel format, colour matrix, range, aspect) to packed RGB at the
// requested size under a ScalePolicy. Only compiled with FFmpeg.
#pragma once

#include "nava/build_config.h"

#if NAVA_HAVE_FFMPEG

#include <array>
#include <cstdint>
#include <vector>

#include "media/video_reader.h"

struct AVFrame;
struct SwsContext;

namespace nava::media::ff {

// Where the scaled picture lands in the output frame.
struct Placement {
    int scaled_w = 0, scaled_h = 0;  // size the picture is scaled to
    int src_x = 0, src_y = 0;        // crop offset inside the scaled picture (cover_crop)
    int dst_x = 0, dst_y = 0;        // offset inside the output frame (fit_pad)
    int copy_w = 0, copy_h = 0;      // size of the copied rectangle
};

Placement place(int display_w, int display_h, int out_w, int out_h, ScalePolicy policy);

class FrameConverter {
public:
    FrameConverter() = default;
    ~FrameConverter();
    FrameConverter(const FrameConverter&) = delete;
    FrameConverter& operator=(const FrameConverter&) = delete;

    // Converts `frame` into `rgb` (out_h x out_w x 3). `sample_aspect` of 0/x means square.
    void convert(const AVFrame* frame, int sar_num, int sar_den, int out_w, int out_h,
                 ScalePolicy policy, const std::array<uint8_t, 3>& pad_rgb,
                 std::vector<uint8_t>& rgb);

private:
    SwsContext* sws_ = nullptr;
    std::vector<uint8_t> scaled_;
};

}  // namespace nava::media::ff

#endif  // NAVA_HAVE_FFMPEG
