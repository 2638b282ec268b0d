// Where encoded media comes from: a file, or bytes already in memory (drag-and-drop data,
// fuzzing, tests). Readers and the probe accept either.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace nava::media {

class InputSource {
public:
    // A file on disk (implicit, so every `path` argument also accepts a path).
    InputSource(const std::filesystem::path& path) : path_(path), label_(path.string()) {}
    InputSource(const char* path) : InputSource(std::filesystem::path(path)) {}
    InputSource(const std::string& path) : InputSource(std::filesystem::path(path)) {}

    // Bytes in memory; `label` names the data in error messages. `hint` is an optional file
    // name extension ("mp4", "png") that helps format detection.
    static InputSource memory(std::shared_ptr<const std::vector<uint8_t>> bytes, std::string label,
                              std::string hint = "") {
        InputSource s;
        s.bytes_ = std::move(bytes);
        s.label_ = std::move(label);
        s.hint_ = std::move(hint);
        return s;
    }
    // Bytes owned by the caller, valid while the source (and every reader made from it) lives.
    static InputSource borrowed(const uint8_t* data, std::size_t size, std::string label) {
        InputSource s;
        s.data_ = data;
        s.size_ = size;
        s.label_ = std::move(label);
        return s;
    }

    bool is_memory() const { return bytes_ != nullptr || data_ != nullptr; }
    const std::filesystem::path& path() const { return path_; }
    const std::string& label() const { return label_; }
    const std::string& hint() const { return hint_; }
    const uint8_t* data() const { return bytes_ ? bytes_->data() : data_; }
    std::size_t size() const { return bytes_ ? bytes_->size() : size_; }

private:
    InputSource() = default;
    std::filesystem::path path_;
    std::string label_;
    std::string hint_;
    std::shared_ptr<const std::vector<uint8_t>> bytes_;
    const uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace nava::media
