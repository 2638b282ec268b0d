// Content hashes for the preprocessing cache: SHA-256 of bytes and files (streamed), and a
// fingerprint store that remembers the hashes of large files (encoder weights) by path, size
// and modification time so that a run does not re-read gigabytes it has already hashed.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace nava::train {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // Finishes the hash; the object must not be updated afterwards.
    std::string hex_digest();

private:
    void block(const uint8_t* p);
    std::array<uint32_t, 8> h_;
    std::array<uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    uint64_t length_ = 0;
};

std::string sha256_hex(std::string_view text);
// Throws nava::IoError naming the file when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);

// Hashes of files kept in a JSON file ({path: {size, mtime, sha256}}); an entry is reused only
// while the file's size and modification time are unchanged.
class FingerprintStore {
public:
    explicit FingerprintStore(std::filesystem::path store_file);
    // SHA-256 of a file, or of a folder (its files' names and hashes, sorted).
    std::string fingerprint(const std::filesystem::path& path);
    void save() const;  // atomic write of the store file

private:
    std::filesystem::path store_file_;
    struct Entry {
        uint64_t size = 0;
        int64_t mtime = 0;
        std::string sha256;
    };
    std::map<std::string, Entry> entries_;
    mutable std::mutex mutex_;
};

}  // namespace nava::train
