// A read-only view of a whole file through mmap. Pages are mapped copy-on-write, so a tensor
// that aliases the mapping can be modified in place without touching the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>

namespace nava::io {

class MappedFile {
public:
    // Throws nava::IoError naming the file when it cannot be opened or mapped.
    static std::shared_ptr<MappedFile> open(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const uint8_t* data() const { return data_; }
    uint8_t* mutable_data() const { return data_; }
    std::size_t size() const { return size_; }
    const std::filesystem::path& path() const { return path_; }

private:
    MappedFile() = default;
    std::filesystem::path path_;
    uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace nava::io
