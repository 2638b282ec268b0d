// Named tensors read from a weights file (safetensors, sharded safetensors, PyTorch .pth),
// behind one interface so loaders and tools do not care about the container.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/io/safetensors_format.h"

namespace nava::io {

struct TensorInfo {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    uint64_t size_bytes = 0;
};

class TensorSource {
public:
    virtual ~TensorSource() = default;

    // Human-readable origin (file path) for messages.
    virtual std::string description() const = 0;
    // All tensor names, sorted.
    virtual std::vector<std::string> names() const = 0;
    virtual std::optional<TensorInfo> info(const std::string& name) const = 0;
    // The tensor in its stored dtype on the CPU. F8 formats come back as uint8 bit patterns.
    // Views share the file mapping where alignment allows; they are copy-on-write.
    virtual at::Tensor tensor(const std::string& name) const = 0;
    virtual std::map<std::string, std::string> metadata() const { return {}; }

    bool contains(const std::string& name) const { return info(name).has_value(); }
    // The tensor converted to `dtype` (floating formats, F8 included, widen exactly).
    at::Tensor tensor_as(const std::string& name, at::ScalarType dtype) const;
};

// Opens `.safetensors`, `.safetensors.index.json` (sharded) or `.pth`/`.pt`/`.ckpt` (PyTorch zip).
std::unique_ptr<TensorSource> open_tensor_source(const std::filesystem::path& path);

// at::ScalarType a stored dtype is returned as by TensorSource::tensor().
at::ScalarType storage_scalar_type(DType dtype);
// Stored dtype for a tensor of this scalar type when writing.
DType dtype_for_scalar_type(at::ScalarType type);

// Widens F8 bit patterns (uint8 tensor) to float32 values.
at::Tensor decode_f8(const at::Tensor& bits, DType format);

}  // namespace nava::io
