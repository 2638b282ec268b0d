#include "media/y4m.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "media/atomic_file.h"
#include "media/media_error.h"

namespace nava::media {
namespace {

uint8_t clamp_u8(double v) {
    return static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

// BT.601 limited-range conversion, the default interpretation of untagged 8-bit video.
void rgb_to_yuv(double r, double g, double b, double* y, double* u, double* v) {
    *y = 16.0 + 0.256788 * r + 0.504129 * g + 0.097906 * b;
    *u = 128.0 - 0.148223 * r - 0.290993 * g + 0.439216 * b;
    *v = 128.0 + 0.439216 * r - 0.367788 * g - 0.071427 * b;
}

}  // namespace

void write_y4m(const std::filesystem::path& path, const VideoBuffer& video) {
    if (video.width <= 0 || video.height <= 0)
        throw MediaError(path.string() + ": cannot write video with an empty frame size");
    if (video.fps.num <= 0 || video.fps.den <= 0)
        throw MediaError(path.string() + ": frame rate must be positive");
    const int64_t frames = video.frame_count();
    if (frames == 0) throw MediaError(path.string() + ": no frames to write");
    const int w = video.width, h = video.height;
    const int cw = (w + 1) / 2, ch = (h + 1) / 2;

    write_file_atomically(path, [&](std::ostream& out) {
        out << "YUV4MPEG2 W" << w << " H" << h << " F" << video.fps.num << ":" << video.fps.den
            << " Ip A1:1 C420jpeg\n";
        std::vector<uint8_t> y(static_cast<std::size_t>(w) * h);
        std::vector<uint8_t> u(static_cast<std::size_t>(cw) * ch), v(u.size());
        std::vector<double> ua(u.size()), va(u.size()), count(u.size());
        for (int64_t f = 0; f < frames; ++f) {
            const uint8_t* rgb = video.rgb.data() + f * static_cast<int64_t>(w) * h * 3;
            std::fill(ua.begin(), ua.end(), 0.0);
            std::fill(va.begin(), va.end(), 0.0);
            std::fill(count.begin(), count.end(), 0.0);
            for (int row = 0; row < h; ++row) {
                for (int col = 0; col < w; ++col) {
                    const uint8_t* p = rgb + (static_cast<std::size_t>(row) * w + col) * 3;
                    double yy, uu, vv;
                    rgb_to_yuv(p[0], p[1], p[2], &yy, &uu, &vv);
                    y[static_cast<std::size_t>(row) * w + col] = clamp_u8(yy);
                    const std::size_t c = static_cast<std::size_t>(row / 2) * cw + col / 2;
                    ua[c] += uu;
                    va[c] += vv;
                    count[c] += 1.0;
                }
            }
            for (std::size_t c = 0; c < u.size(); ++c) {
                u[c] = clamp_u8(ua[c] / count[c]);
                v[c] = clamp_u8(va[c] / count[c]);
            }
            out << "FRAME\n";
            out.write(reinterpret_cast<const char*>(y.data()),
                      static_cast<std::streamsize>(y.size()));
            out.write(reinterpret_cast<const char*>(u.data()),
                      static_cast<std::streamsize>(u.size()));
            out.write(reinterpret_cast<const char*>(v.data()),
                      static_cast<std::streamsize>(v.size()));
        }
    });
}

VideoBuffer read_y4m(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MediaError(path.string() + ": cannot open");
    std::string header;
    if (!std::getline(in, header) || header.rfind("YUV4MPEG2", 0) != 0)
        throw MediaError(path.string() + ": not a YUV4MPEG2 file");
    VideoBuffer video;
    std::string chroma = "420jpeg";
    std::istringstream fields(header.substr(9));
    std::string tok;
    while (fields >> tok) {
        if (tok.empty()) continue;
        const std::string val = tok.substr(1);
        try {
            switch (tok[0]) {
                case 'W':
                    video.width = std::stoi(val);
                    break;
                case 'H':
                    video.height = std::stoi(val);
                    break;
                case 'F': {
                    const auto colon = val.find(':');
                    if (colon == std::string::npos) throw MediaError("bad F field");
                    video.fps = {std::stoi(val.substr(0, colon)), std::stoi(val.substr(colon + 1))};
                    break;
                }
                case 'C':
                    chroma = val;
                    break;
                default:
                    break;
            }
        } catch (const std::exception&) {
            throw MediaError(path.string() + ": malformed header field '" + tok + "'");
        }
    }
    if (video.width <= 0 || video.height <= 0 || video.width > 16384 || video.height > 16384)
        throw MediaError(path.string() + ": invalid frame size");
    const bool is444 = chroma.rfind("444", 0) == 0;
    if (!is444 && chroma.rfind("420", 0) != 0)
        throw MediaError(path.string() + ": unsupported chroma layout C" + chroma);
    const int w = video.width, h = video.height;
    const int cw = is444 ? w : (w + 1) / 2, ch = is444 ? h : (h + 1) / 2;
    std::vector<uint8_t> y(static_cast<std::size_t>(w) * h), u(static_cast<std::size_t>(cw) * ch),
        v(u.size());
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("FRAME", 0) != 0) throw MediaError(path.string() + ": missing FRAME marker");
        in.read(reinterpret_cast<char*>(y.data()), static_cast<std::streamsize>(y.size()));
        in.read(reinterpret_cast<char*>(u.data()), static_cast<std::streamsize>(u.size()));
        in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(v.size()));
        if (!in) throw MediaError(path.string() + ": truncated frame");
        for (int row = 0; row < h; ++row) {
            for (int col = 0; col < w; ++col) {
                const std::size_t c = is444 ? static_cast<std::size_t>(row) * w + col
                                            : static_cast<std::size_t>(row / 2) * cw + col / 2;
                const double yy = 1.164383 * (y[static_cast<std::size_t>(row) * w + col] - 16.0);
                const double uu = u[c] - 128.0, vv = v[c] - 128.0;
                video.rgb.push_back(clamp_u8(yy + 1.596027 * vv));
                video.rgb.push_back(clamp_u8(yy - 0.391762 * uu - 0.812968 * vv));
                video.rgb.push_back(clamp_u8(yy + 2.017232 * uu));
            }
        }
    }
    if (video.frame_count() == 0) throw MediaError(path.string() + ": no frames");
    return video;
}

}  // namespace nava::media
