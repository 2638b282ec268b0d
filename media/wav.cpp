#include "media/wav.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "media/atomic_file.h"
#include "media/media_error.h"

namespace nava::media {
namespace {

constexpr uint16_t kFormatPcm = 1;
constexpr uint16_t kFormatFloat = 3;
constexpr uint16_t kFormatExtensible = 0xfffe;

void put_u16(std::ostream& out, uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
    out.write(b, 2);
}
void put_u32(std::ostream& out, uint32_t v) {
    const char b[4] = {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
                       static_cast<char>((v >> 16) & 0xff), static_cast<char>(v >> 24)};
    out.write(b, 4);
}
uint16_t get_u16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t get_u32(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
           (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

}  // namespace

void write_wav(const std::filesystem::path& path, const AudioBuffer& audio,
               WavSampleFormat format) {
    if (audio.channels <= 0 || audio.sample_rate_hz <= 0)
        throw MediaError(path.string() + ": cannot write audio without channels or sample rate");
    if (audio.samples.size() % static_cast<std::size_t>(audio.channels) != 0)
        throw MediaError(path.string() + ": sample count is not a multiple of the channel count");
    const uint16_t bytes_per_sample = format == WavSampleFormat::kPcm16 ? 2 : 4;
    const uint64_t data_bytes = audio.samples.size() * bytes_per_sample;
    if (data_bytes > std::numeric_limits<uint32_t>::max() - 64)
        throw MediaError(path.string() + ": audio too long for a WAV file");

    write_file_atomically(path, [&](std::ostream& out) {
        const uint16_t fmt = format == WavSampleFormat::kPcm16 ? kFormatPcm : kFormatFloat;
        const uint32_t fmt_size = format == WavSampleFormat::kPcm16 ? 16 : 18;
        out.write("RIFF", 4);
        put_u32(out, static_cast<uint32_t>(4 + 8 + fmt_size + 8 + data_bytes));
        out.write("WAVEfmt ", 8);
        put_u32(out, fmt_size);
        put_u16(out, fmt);
        put_u16(out, static_cast<uint16_t>(audio.channels));
        put_u32(out, static_cast<uint32_t>(audio.sample_rate_hz));
        put_u32(out,
                static_cast<uint32_t>(audio.sample_rate_hz) * audio.channels * bytes_per_sample);
        put_u16(out, static_cast<uint16_t>(audio.channels * bytes_per_sample));
        put_u16(out, static_cast<uint16_t>(bytes_per_sample * 8));
        if (fmt_size == 18) put_u16(out, 0);
        out.write("data", 4);
        put_u32(out, static_cast<uint32_t>(data_bytes));
        std::vector<char> block;
        block.reserve(1 << 16);
        for (std::size_t i = 0; i < audio.samples.size(); ++i) {
            float s = audio.samples[i];
            if (format == WavSampleFormat::kPcm16) {
                if (!std::isfinite(s)) s = 0.0f;
                s = std::clamp(s, -1.0f, 1.0f);
                const auto v = static_cast<int16_t>(std::lrint(s * 32767.0f));
                block.push_back(static_cast<char>(v & 0xff));
                block.push_back(static_cast<char>((v >> 8) & 0xff));
            } else {
                char b[4];
                std::memcpy(b, &s, 4);
                block.insert(block.end(), b, b + 4);
            }
            if (block.size() >= (1 << 16)) {
                out.write(block.data(), static_cast<std::streamsize>(block.size()));
                block.clear();
            }
        }
        out.write(block.data(), static_cast<std::streamsize>(block.size()));
    });
}

AudioBuffer read_wav(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MediaError(path.string() + ": cannot open");
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                     std::istreambuf_iterator<char>());
    const std::string label = path.string();
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 ||
        std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
        throw MediaError(label + ": not a WAV file (no RIFF/WAVE header)");

    uint16_t format = 0, channels = 0, bits = 0, block_align = 0;
    uint32_t rate = 0;
    const uint8_t* data = nullptr;
    std::size_t data_size = 0;
    std::size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const uint8_t* chunk = bytes.data() + pos;
        const uint32_t size = get_u32(chunk + 4);
        const std::size_t body = pos + 8;
        const std::size_t available = bytes.size() - body;
        if (std::memcmp(chunk, "fmt ", 4) == 0) {
            if (size < 16 || size > available) throw MediaError(label + ": truncated fmt chunk");
            format = get_u16(chunk + 8);
            channels = get_u16(chunk + 10);
            rate = get_u32(chunk + 12);
            block_align = get_u16(chunk + 20);
            bits = get_u16(chunk + 22);
            if (format == kFormatExtensible) {
                if (size < 40) throw MediaError(label + ": truncated WAVE_FORMAT_EXTENSIBLE chunk");
                format = get_u16(chunk + 8 + 24);  // first two bytes of the sub-format GUID
            }
        } else if (std::memcmp(chunk, "data", 4) == 0) {
            data = chunk + 8;
            // A truncated file keeps the samples that are there (recorders that crashed).
            data_size = std::min<std::size_t>(size, available);
            break;
        }
        if (size > available) break;
        pos = body + size + (size & 1);
    }
    if (channels == 0 || rate == 0) throw MediaError(label + ": no valid fmt chunk");
    if (!data) throw MediaError(label + ": no data chunk");
    const bool pcm = format == kFormatPcm && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
    const bool flt = format == kFormatFloat && (bits == 32 || bits == 64);
    if (!pcm && !flt)
        throw MediaError(label + ": unsupported WAV encoding (format " + std::to_string(format) +
                         ", " + std::to_string(bits) + " bits)");
    const std::size_t bps = bits / 8;
    if (block_align != bps * channels) throw MediaError(label + ": inconsistent block alignment");

    AudioBuffer audio;
    audio.sample_rate_hz = static_cast<int>(rate);
    audio.channels = channels;
    const std::size_t count = data_size / block_align * channels;
    audio.samples.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const uint8_t* p = data + i * bps;
        float v = 0.0f;
        if (flt && bits == 32) {
            std::memcpy(&v, p, 4);
        } else if (flt) {
            double d;
            std::memcpy(&d, p, 8);
            v = static_cast<float>(d);
        } else if (bits == 8) {
            v = (static_cast<int>(p[0]) - 128) / 128.0f;
        } else if (bits == 16) {
            v = static_cast<int16_t>(get_u16(p)) / 32768.0f;
        } else if (bits == 24) {
            int32_t x = static_cast<int32_t>(p[0] | (p[1] << 8) | (p[2] << 16));
            if (x & 0x800000) x -= 0x1000000;
            v = static_cast<float>(x / 8388608.0);
        } else {
            v = static_cast<float>(static_cast<int32_t>(get_u32(p)) / 2147483648.0);
        }
        audio.samples[i] = v;
    }
    return audio;
}

}  // namespace nava::media
