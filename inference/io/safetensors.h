// Memory-mapped safetensors files (single and sharded) and the writer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "inference/io/mapped_file.h"
#include "inference/io/tensor_source.h"

namespace nava::io {

class SafetensorsFile : public TensorSource {
public:
    // Maps the file and validates its header; throws IoError / FormatError naming the file.
    static std::shared_ptr<SafetensorsFile> open(const std::filesystem::path& path);

    std::string description() const override { return file_->path().string(); }
    std::vector<std::string> names() const override;
    std::optional<TensorInfo> info(const std::string& name) const override;
    at::Tensor tensor(const std::string& name) const override;
    std::map<std::string, std::string> metadata() const override { return header_.metadata; }

    const SafetensorsHeader& header() const { return header_; }
    const std::filesystem::path& path() const { return file_->path(); }
    // Raw bytes of one tensor inside the mapping.
    const uint8_t* bytes(const TensorEntry& entry) const;

private:
    std::shared_ptr<MappedFile> file_;
    SafetensorsHeader header_;
};

// A checkpoint split over several files, described by `*.safetensors.index.json`
// ({"weight_map": {tensor name: file name}}; files relative to the index).
class ShardedSafetensors : public TensorSource {
public:
    static std::unique_ptr<ShardedSafetensors> open(const std::filesystem::path& index_path);

    std::string description() const override { return index_path_.string(); }
    std::vector<std::string> names() const override;
    std::optional<TensorInfo> info(const std::string& name) const override;
    at::Tensor tensor(const std::string& name) const override;
    std::map<std::string, std::string> metadata() const override { return metadata_; }

private:
    std::filesystem::path index_path_;
    std::vector<std::shared_ptr<SafetensorsFile>> shards_;
    std::map<std::string, std::size_t> shard_of_;  // tensor name -> index into shards_
    std::map<std::string, std::string> metadata_;
};

struct NamedTensor {
    std::string name;
    at::Tensor tensor;
    // Store under this dtype instead of the tensor's own (for F8 data held as uint8 bits).
    std::optional<DType> stored_as;
};

// Writes all tensors (CPU copies are made as needed) to `path` atomically: the data goes to a
// temporary file in the same folder that is renamed over `path` once complete.
void save_safetensors(const std::filesystem::path& path, const std::vector<NamedTensor>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace nava::io
