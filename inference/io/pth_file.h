// PyTorch checkpoints (`torch.save` zip format: `.pth`, `.pt`, `.ckpt`, `.bin`) read without
// Python. The file is memory-mapped; `<archive>/data.pkl` is parsed by the restricted unpickler
// (pickle_reader.h: no code can run, unknown globals are refused by name) and each tensor is a
// view of its storage entry `<archive>/data/<key>` (zero-copy: torch aligns entries to 64 bytes).
//
// Which tensors are listed (the "root"):
//  * a dict with tensors among its values: every tensor in it, nested dicts, lists and tuples
//    flattened with dotted keys ({"a": {"b": t}} -> "a.b"; lists by index);
//  * otherwise, when the dict wraps the weights under "state_dict", "model_state_dict", "model"
//    or "module" (checked in that order; e.g. Lightning `.ckpt`), that entry's tensors, without
//    the wrapper prefix (other entries such as optimizer states are ignored);
//  * otherwise everything in the file, flattened. A file holding one bare tensor lists it as
//    "tensor". PthOptions::root chooses explicitly.
// Non-tensor values (step counters, hyper-parameters) are not listed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "inference/io/mapped_file.h"
#include "inference/io/tensor_source.h"
#include "inference/io/zip_archive.h"

namespace nava::io {

struct PthOptions {
    // Dotted path of the object whose tensors are listed ("" = the whole file); unset = the
    // automatic choice described above.
    std::optional<std::string> root;
    // Keep true: unknown Python globals make the file unreadable (see PickleOptions).
    bool refuse_unknown_globals = true;
};

class PthFile : public TensorSource {
public:
    // Throws IoError (unreadable), FormatError (not a torch zip checkpoint, corrupt or truncated
    // archive, refused pickle content, tensors outside their storage) or NotImplementedError
    // (legacy pre-1.6 format, big-endian data, unsupported compression), naming the file.
    static std::unique_ptr<PthFile> open(const std::filesystem::path& path,
                                         const PthOptions& options = {});

    std::string description() const override { return file_->path().string(); }
    std::vector<std::string> names() const override;
    std::optional<TensorInfo> info(const std::string& name) const override;
    // A view of the mapped storage when it is stored uncompressed, aligned and the tensor is
    // contiguous; otherwise a fresh contiguous copy.
    at::Tensor tensor(const std::string& name) const override;
    // "format", "archive" (the folder inside the zip), "root", "version", "byteorder".
    std::map<std::string, std::string> metadata() const override { return metadata_; }

    // Tensors that share a storage with `name` (tied weights, views), for tools.
    std::string storage_key(const std::string& name) const;

private:
    struct Record {
        TensorInfo info;
        std::string storage;  // key into storages_
        int64_t offset = 0;   // elements
        std::vector<int64_t> strides;
    };
    struct Storage {
        const ZipEntry* entry = nullptr;
        uint64_t bytes = 0;
    };

    enum class Origin { kMapped, kCopied, kCached };

    PthFile() = default;
    // The whole storage as a 1-D tensor of `dtype` elements: a view of the mapping, a private
    // copy (misaligned data) or a view of the shared inflated bytes (compressed entries).
    at::Tensor storage_tensor(const Storage& storage, DType dtype, Origin* origin) const;

    std::shared_ptr<MappedFile> file_;
    ZipArchive zip_;
    std::map<std::string, Record> tensors_;
    std::map<std::string, Storage> storages_;
    std::map<std::string, std::string> metadata_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, at::Tensor> inflated_;  // compressed storages, read once
};

}  // namespace nava::io
