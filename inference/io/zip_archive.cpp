#include "inference/io/zip_archive.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <set>

#include "inference/core/error.h"

#if __has_include(<zlib.h>)
#include <dlfcn.h>
#include <zlib.h>
#define NAVA_ZIP_HAVE_ZLIB_HEADER 1
#endif

namespace nava::io {
namespace {

constexpr uint32_t kLocalHeaderSig = 0x04034b50;
constexpr uint32_t kCentralHeaderSig = 0x02014b50;
constexpr uint32_t kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50;
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLocalHeaderSize = 30;

uint16_t u16(const uint8_t* p) {
    return static_cast<uint16_t>(p[0] | (p[1] << 8));
}
uint32_t u32(const uint8_t* p) {
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
           (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint64_t u64(const uint8_t* p) {
    return static_cast<uint64_t>(u32(p)) | (static_cast<uint64_t>(u32(p + 4)) << 32);
}

// True when [offset, offset + length) lies inside a buffer of `size` bytes (overflow-safe).
bool inside(uint64_t offset, uint64_t length, std::size_t size) {
    return offset <= size && length <= size - offset;
}

#ifdef NAVA_ZIP_HAVE_ZLIB_HEADER
// zlib is loaded at run time so the engine does not link it: torch never compresses entries,
// only archives repacked by other tools are deflated.
struct Zlib {
    decltype(&::inflateInit2_) init = nullptr;
    decltype(&::inflate) inflate = nullptr;
    decltype(&::inflateEnd) end = nullptr;
};

const Zlib* zlib() {
    static const Zlib* lib = []() -> const Zlib* {
        void* handle = ::dlopen("libz.so.1", RTLD_NOW | RTLD_LOCAL);
        if (!handle) return nullptr;
        static Zlib z;
        z.init = reinterpret_cast<decltype(z.init)>(::dlsym(handle, "inflateInit2_"));
        z.inflate = reinterpret_cast<decltype(z.inflate)>(::dlsym(handle, "inflate"));
        z.end = reinterpret_cast<decltype(z.end)>(::dlsym(handle, "inflateEnd"));
        return z.init && z.inflate && z.end ? &z : nullptr;
    }();
    return lib;
}
#endif

std::vector<uint8_t> inflate_raw(const uint8_t* in, uint64_t in_size, uint64_t out_size,
                                 const std::string& what) {
#ifdef NAVA_ZIP_HAVE_ZLIB_HEADER
    const Zlib* z = zlib();
    if (!z)
        throw NotImplementedError(what +
                                  " is deflate-compressed and the system zlib (libz.so.1) could "
                                  "not be loaded; re-save the checkpoint with torch.save");
    // One spare byte of output tells a stream of exactly the declared size from a longer one.
    std::vector<uint8_t> out(out_size + 1);
    z_stream s{};
    if (z->init(&s, -MAX_WBITS, ZLIB_VERSION, static_cast<int>(sizeof(z_stream))) != Z_OK)
        throw FormatError(what + ": cannot start inflating");
    // zlib counts in 32-bit units: feed and drain in chunks so entries over 4 GiB work too.
    constexpr uint64_t kChunk = 1u << 30;
    uint64_t in_pos = 0, out_pos = 0;
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (s.avail_in == 0 && in_pos < in_size) {
            const uint64_t n = std::min(kChunk, in_size - in_pos);
            s.next_in = const_cast<Bytef*>(in + in_pos);
            s.avail_in = static_cast<uInt>(n);
            in_pos += n;
        }
        if (s.avail_out == 0 && out_pos < out.size()) {
            const uint64_t n = std::min<uint64_t>(kChunk, out.size() - out_pos);
            s.next_out = out.data() + out_pos;
            s.avail_out = static_cast<uInt>(n);
            out_pos += n;
        }
        rc = z->inflate(&s, Z_NO_FLUSH);
        const bool can_refill =
            (s.avail_in == 0 && in_pos < in_size) || (s.avail_out == 0 && out_pos < out.size());
        if (rc == Z_BUF_ERROR && can_refill) rc = Z_OK;
    }
    const uint64_t produced = out_pos - s.avail_out;
    z->end(&s);
    if (rc != Z_STREAM_END || produced != out_size)
        throw FormatError(what + ": corrupt deflate data");
    out.resize(out_size);
    return out;
#else
    (void)in;
    (void)in_size;
    (void)out_size;
    throw NotImplementedError(what +
                              " is deflate-compressed, which this build cannot read; re-save "
                              "the checkpoint with torch.save");
#endif
}

}  // namespace

uint32_t crc32_update(uint32_t crc, const uint8_t* data, std::size_t size) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (std::size_t i = 0; i < size; ++i)
        crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

ZipArchive ZipArchive::parse(const uint8_t* data, std::size_t size, std::string label) {
    ZipArchive zip;
    zip.data_ = data;
    zip.size_ = size;
    zip.label_ = std::move(label);
    const std::string& l = zip.label_;
    auto fail = [&](const std::string& what) -> FormatError {
        return FormatError(l + ": not a readable ZIP archive (" + what + ")");
    };

    // 1. End of central directory: the last signature whose comment fits the file.
    if (size < kEndSize) throw fail("file too short");
    std::size_t end_pos = std::string::npos;
    const std::size_t lowest = size > kEndSize + 0xFFFF ? size - kEndSize - 0xFFFF : 0;
    for (std::size_t pos = size - kEndSize + 1; pos-- > lowest;) {
        if (u32(data + pos) == kEndSig && pos + kEndSize + u16(data + pos + 20) <= size) {
            end_pos = pos;
            break;
        }
    }
    if (end_pos == std::string::npos) throw fail("no end-of-central-directory record; truncated?");
    const uint8_t* end = data + end_pos;
    if (u16(end + 4) != 0 || u16(end + 6) != 0)
        throw fail("multi-volume archives are not supported");
    uint64_t count = u16(end + 10);
    uint64_t cd_size = u32(end + 12);
    uint64_t cd_offset = u32(end + 16);

    // 2. ZIP64 end record when a field overflowed its 16/32 bits.
    if (count == 0xFFFF || cd_size == 0xFFFFFFFFu || cd_offset == 0xFFFFFFFFu) {
        if (end_pos < 20 || u32(end - 20) != kZip64LocatorSig) throw fail("ZIP64 locator missing");
        const uint64_t record = u64(end - 20 + 8);
        if (!inside(record, 56, size) || u32(data + record) != kZip64EndSig)
            throw fail("ZIP64 end record missing or outside the file");
        const uint8_t* z = data + record;
        if (u32(z + 16) != 0 || u32(z + 20) != 0)
            throw fail("multi-volume archives are not supported");
        count = u64(z + 32);
        cd_size = u64(z + 40);
        cd_offset = u64(z + 48);
    }
    if (!inside(cd_offset, cd_size, size))
        throw fail("central directory outside the file; truncated?");
    if (count > cd_size / kCentralHeaderSize)
        throw fail("entry count exceeds the central directory");

    // 3. Central directory entries, each checked against its local header.
    std::set<std::string> names;
    uint64_t pos = cd_offset;
    const uint64_t cd_end = cd_offset + cd_size;
    zip.entries_.reserve(count);
    for (uint64_t i = 0; i < count; ++i) {
        if (!inside(pos, kCentralHeaderSize, cd_end) || u32(data + pos) != kCentralHeaderSig)
            throw fail("bad central directory entry " + std::to_string(i));
        const uint8_t* h = data + pos;
        ZipEntry e;
        e.flags = u16(h + 8);
        e.method = u16(h + 10);
        e.crc32 = u32(h + 16);
        e.compressed_size = u32(h + 20);
        e.size = u32(h + 24);
        const uint16_t name_len = u16(h + 28), extra_len = u16(h + 30), comment_len = u16(h + 32);
        uint64_t local = u32(h + 42);
        if (!inside(pos + kCentralHeaderSize, uint64_t{name_len} + extra_len + comment_len, cd_end))
            throw fail("central directory entry " + std::to_string(i) + " overruns the directory");
        e.name.assign(reinterpret_cast<const char*>(h + kCentralHeaderSize), name_len);
        // ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in order.
        const uint8_t* x = h + kCentralHeaderSize + name_len;
        for (uint32_t off = 0; off + 4 <= extra_len;) {
            const uint16_t id = u16(x + off), len = u16(x + off + 2);
            if (off + 4 + len > extra_len) throw fail("bad extra field in '" + e.name + "'");
            if (id == 0x0001) {
                const uint8_t* f = x + off + 4;
                uint32_t used = 0;
                auto take = [&](uint64_t& field) {
                    if (used + 8 > len) throw fail("short ZIP64 field in '" + e.name + "'");
                    field = u64(f + used);
                    used += 8;
                };
                if (e.size == 0xFFFFFFFFu) take(e.size);
                if (e.compressed_size == 0xFFFFFFFFu) take(e.compressed_size);
                if (local == 0xFFFFFFFFu) take(local);
            }
            off += 4u + len;
        }
        if (!inside(local, kLocalHeaderSize, size) || u32(data + local) != kLocalHeaderSig)
            throw fail("local header of '" + e.name + "' missing; truncated?");
        e.data_offset = local + kLocalHeaderSize + u16(data + local + 26) + u16(data + local + 28);
        if (!inside(e.data_offset, e.compressed_size, size))
            throw fail("data of '" + e.name + "' extends past the end of the file; truncated?");
        if (e.stored() && e.compressed_size != e.size)
            throw fail("stored entry '" + e.name + "' has inconsistent sizes");
        if (!names.insert(e.name).second) throw fail("entry '" + e.name + "' appears twice");
        zip.entries_.push_back(std::move(e));
        pos += kCentralHeaderSize + name_len + extra_len + comment_len;
    }
    return zip;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
    for (const auto& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

const uint8_t* ZipArchive::stored_data(const ZipEntry& entry) const {
    if (entry.flags & 1) throw FormatError(label_ + ": entry '" + entry.name + "' is encrypted");
    if (!entry.stored())
        throw FormatError(label_ + ": entry '" + entry.name + "' is compressed (method " +
                          std::to_string(entry.method) + ")");
    return data_ + entry.data_offset;
}

std::vector<uint8_t> ZipArchive::read(const ZipEntry& entry) const {
    const std::string what = label_ + ": entry '" + entry.name + "'";
    if (entry.flags & 1) throw FormatError(what + " is encrypted");
    std::vector<uint8_t> out;
    if (entry.stored()) {
        const uint8_t* p = data_ + entry.data_offset;
        out.assign(p, p + entry.size);
    } else if (entry.method == 8) {
        // Deflate cannot expand more than ~1032:1; a larger claim is a corrupt or hostile size.
        if (entry.size / 1032 > entry.compressed_size + 1)
            throw FormatError(what + " claims an impossible uncompressed size");
        out = inflate_raw(data_ + entry.data_offset, entry.compressed_size, entry.size, what);
    } else {
        throw NotImplementedError(what + " uses compression method " +
                                  std::to_string(entry.method) +
                                  " (only stored and deflate entries are supported)");
    }
    if (crc32_update(0, out.data(), out.size()) != entry.crc32)
        throw FormatError(what + " fails its CRC-32 check (corrupt file)");
    return out;
}

}  // namespace nava::io
