// A read-only ZIP archive over bytes already in memory (a memory-mapped file), enough for the
// archives `torch.save` writes: stored (uncompressed) entries, ZIP64 sizes and offsets, and
// deflate-compressed entries when the system zlib can be loaded. No torch here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nava::io {

struct ZipEntry {
    std::string name;
    uint16_t method = 0;  // 0 stored, 8 deflate; anything else is refused when read
    uint16_t flags = 0;
    uint32_t crc32 = 0;
    uint64_t compressed_size = 0;
    uint64_t size = 0;         // uncompressed
    uint64_t data_offset = 0;  // first byte of the (compressed) data within the archive

    bool stored() const { return method == 0; }
};

class ZipArchive {
public:
    // Parses the central directory of the `size` bytes at `data` (which must outlive the
    // archive). Validates that every entry's local header and data lie inside the buffer.
    // Throws nava::FormatError naming `label` for anything that is not a well-formed archive.
    static ZipArchive parse(const uint8_t* data, std::size_t size, std::string label);

    const std::vector<ZipEntry>& entries() const { return entries_; }
    const ZipEntry* find(std::string_view name) const;

    // The bytes of a stored entry inside the buffer (no copy); FormatError when compressed.
    const uint8_t* stored_data(const ZipEntry& entry) const;
    // The entry's contents: copied when stored, inflated when deflate-compressed (needs the
    // system zlib at run time). The CRC-32 is checked. FormatError / NotImplementedError.
    std::vector<uint8_t> read(const ZipEntry& entry) const;

    const std::string& label() const { return label_; }

private:
    const uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::string label_;
    std::vector<ZipEntry> entries_;  // in central-directory order
};

// CRC-32 (IEEE, as ZIP uses it) of `size` bytes, continuing from `crc`.
uint32_t crc32_update(uint32_t crc, const uint8_t* data, std::size_t size);

}  // namespace nava::io
