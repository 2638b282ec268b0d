// WAV and PNG export (the parts of export.h that are not MP4).
#include <array>
#include <cstdint>
#include <cstring>

#include "media/atomic_file.h"
#include "media/audio_reader.h"
#include "media/export.h"
#include "media/ffmpeg_util.h"
#include "media/wav.h"
#include "nava/build_config.h"

namespace nava::media {
namespace {

uint32_t crc32(const uint8_t* data, std::size_t n, uint32_t crc = 0) {
    static const auto table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i)
        crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

void put_be32(std::vector<uint8_t>& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8)
        out.push_back(static_cast<uint8_t>(v >> s));
}

void put_chunk(std::vector<uint8_t>& out, const char* type, const std::vector<uint8_t>& body) {
    put_be32(out, static_cast<uint32_t>(body.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), body.begin(), body.end());
    put_be32(out, crc32(out.data() + start, out.size() - start));
}

// A valid PNG without a compressor: the zlib stream uses "stored" deflate blocks. Used when the
// build has no FFmpeg (files are larger, every decoder reads them).
std::vector<uint8_t> png_stored(int width, int height, const uint8_t* rgb) {
    std::vector<uint8_t> raw;
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    raw.reserve((row + 1) * height);
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);  // filter: none
        raw.insert(raw.end(), rgb + y * row, rgb + (y + 1) * row);
    }
    std::vector<uint8_t> z = {0x78, 0x01};
    uint32_t a = 1, b = 0;
    for (uint8_t v : raw) {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    for (std::size_t pos = 0; pos < raw.size() || pos == 0;) {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - pos);
        const bool last = pos + n >= raw.size();
        z.push_back(last ? 1 : 0);
        z.push_back(static_cast<uint8_t>(n & 0xff));
        z.push_back(static_cast<uint8_t>(n >> 8));
        z.push_back(static_cast<uint8_t>(~n & 0xff));
        z.push_back(static_cast<uint8_t>((~n >> 8) & 0xff));
        z.insert(z.end(), raw.begin() + static_cast<std::ptrdiff_t>(pos),
                 raw.begin() + static_cast<std::ptrdiff_t>(pos + n));
        pos += n;
        if (last) break;
    }
    put_be32(z, (b << 16) | a);
    std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<uint8_t> ihdr;
    put_be32(ihdr, static_cast<uint32_t>(width));
    put_be32(ihdr, static_cast<uint32_t>(height));
    ihdr.insert(ihdr.end(),
                {8, 2, 0, 0, 0});  // 8-bit, truecolour, deflate, no filter, no interlace
    put_chunk(png, "IHDR", ihdr);
    put_chunk(png, "IDAT", z);
    put_chunk(png, "IEND", {});
    return png;
}

#if NAVA_HAVE_FFMPEG
std::vector<uint8_t> png_ffmpeg(int width, int height, const uint8_t* rgb) {
    ff::init_logging();
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (!codec) return png_stored(width, height, rgb);
    ff::CodecContextPtr c(avcodec_alloc_context3(codec));
    c->width = width;
    c->height = height;
    c->pix_fmt = AV_PIX_FMT_RGB24;
    c->time_base = AVRational{1, 1};
    if (avcodec_open2(c.get(), codec, nullptr) < 0) return png_stored(width, height, rgb);
    ff::FramePtr f = ff::make_frame();
    f->format = AV_PIX_FMT_RGB24;
    f->width = width;
    f->height = height;
    if (av_frame_get_buffer(f.get(), 0) < 0) throw MediaError("out of memory");
    for (int y = 0; y < height; ++y)
        std::memcpy(f->data[0] + static_cast<std::ptrdiff_t>(y) * f->linesize[0],
                    rgb + static_cast<std::size_t>(y) * width * 3,
                    static_cast<std::size_t>(width) * 3);
    ff::PacketPtr pkt = ff::make_packet();
    if (avcodec_send_frame(c.get(), f.get()) < 0 || avcodec_send_frame(c.get(), nullptr) < 0 ||
        avcodec_receive_packet(c.get(), pkt.get()) < 0)
        return png_stored(width, height, rgb);
    return std::vector<uint8_t>(pkt->data, pkt->data + pkt->size);
}
#endif

}  // namespace

void export_wav(const std::filesystem::path& path, const AudioBuffer& audio, int sample_rate_hz) {
    if (sample_rate_hz > 0 && sample_rate_hz != audio.sample_rate_hz)
        write_wav(path, resample_audio(audio, sample_rate_hz, audio.channels));
    else
        write_wav(path, audio);
}

void write_png(const std::filesystem::path& path, int width, int height, const uint8_t* rgb) {
    if (width <= 0 || height <= 0 || !rgb)
        throw MediaError(path.string() + ": cannot write an empty picture");
#if NAVA_HAVE_FFMPEG
    const std::vector<uint8_t> png = png_ffmpeg(width, height, rgb);
#else
    const std::vector<uint8_t> png = png_stored(width, height, rgb);
#endif
    write_file_atomically(path, [&](std::ostream& out) {
        out.write(reinterpret_cast<const char*>(png.data()),
                  static_cast<std::streamsize>(png.size()));
    });
}

void export_png(const std::filesystem::path& path, const VideoBuffer& video, int64_t frame_index) {
    if (frame_index < 0 || frame_index >= video.frame_count())
        throw MediaError(path.string() + ": frame " + std::to_string(frame_index) +
                         " does not exist (the clip has " + std::to_string(video.frame_count()) +
                         " frames)");
    const std::size_t bytes = static_cast<std::size_t>(video.width) * video.height * 3;
    write_png(path, video.width, video.height, video.rgb.data() + frame_index * bytes);
}

}  // namespace nava::media
