#include "inference/io/safetensors.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/pth_file.h"

namespace nava::io {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "safetensors data is little-endian");

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

at::ScalarType storage_scalar_type(DType dtype) {
    switch (dtype) {
        case DType::F64:
            return at::kDouble;
        case DType::F32:
            return at::kFloat;
        case DType::F16:
            return at::kHalf;
        case DType::BF16:
            return at::kBFloat16;
        case DType::F8_E4M3:
        case DType::F8_E5M2:
        case DType::U8:
            return at::kByte;
        case DType::I64:
            return at::kLong;
        case DType::I32:
            return at::kInt;
        case DType::I16:
            return at::kShort;
        case DType::I8:
            return at::kChar;
        case DType::BOOL:
            return at::kBool;
    }
    throw Error("unhandled dtype");
}

DType dtype_for_scalar_type(at::ScalarType type) {
    switch (type) {
        case at::kDouble:
            return DType::F64;
        case at::kFloat:
            return DType::F32;
        case at::kHalf:
            return DType::F16;
        case at::kBFloat16:
            return DType::BF16;
        case at::kLong:
            return DType::I64;
        case at::kInt:
            return DType::I32;
        case at::kShort:
            return DType::I16;
        case at::kChar:
            return DType::I8;
        case at::kByte:
            return DType::U8;
        case at::kBool:
            return DType::BOOL;
        default:
            throw Error(std::string("cannot store tensors of type ") + c10::toString(type) +
                        " in safetensors");
    }
}

at::Tensor decode_f8(const at::Tensor& bits, DType format) {
    if (format != DType::F8_E4M3 && format != DType::F8_E5M2)
        throw Error("decode_f8 called for a non-F8 dtype");
    std::vector<float> table(256);
    for (int i = 0; i < 256; ++i) {
        const auto b = static_cast<uint8_t>(i);
        table[i] = format == DType::F8_E4M3 ? f8_e4m3fn_to_float(b) : f8_e5m2_to_float(b);
    }
    const at::Tensor lut = at::tensor(table, at::kFloat);
    return lut.index_select(0, bits.reshape({-1}).to(at::kLong)).reshape(bits.sizes());
}

at::Tensor TensorSource::tensor_as(const std::string& name, at::ScalarType dtype) const {
    const auto meta = info(name);
    if (!meta) throw Error(description() + ": no tensor named '" + name + "'");
    at::Tensor t = tensor(name);
    if (meta->dtype == DType::F8_E4M3 || meta->dtype == DType::F8_E5M2)
        t = decode_f8(t, meta->dtype);
    return t.scalar_type() == dtype ? t : t.to(dtype);
}

// ---------------------------------------------------------------------------------------------
// SafetensorsFile
// ---------------------------------------------------------------------------------------------

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
    auto f = std::shared_ptr<SafetensorsFile>(new SafetensorsFile());
    f->file_ = MappedFile::open(path);
    f->header_ = parse_safetensors_header(f->file_->data(), f->file_->size(), path.string());
    return f;
}

std::vector<std::string> SafetensorsFile::names() const {
    std::vector<std::string> out;
    out.reserve(header_.tensors.size());
    for (const auto& e : header_.tensors)
        out.push_back(e.name);
    return out;
}

std::optional<TensorInfo> SafetensorsFile::info(const std::string& name) const {
    const TensorEntry* e = header_.find(name);
    if (!e) return std::nullopt;
    return TensorInfo{e->name, e->dtype, e->shape, e->size_bytes()};
}

const uint8_t* SafetensorsFile::bytes(const TensorEntry& entry) const {
    return file_->data() + header_.data_offset + entry.begin;
}

at::Tensor SafetensorsFile::tensor(const std::string& name) const {
    const TensorEntry* e = header_.find(name);
    if (!e) throw Error(description() + ": no tensor named '" + name + "'");
    const auto type = storage_scalar_type(e->dtype);
    const auto options = at::TensorOptions().dtype(type).device(at::kCPU);
    uint8_t* ptr = file_->mutable_data() + header_.data_offset + e->begin;
    const std::size_t elem = dtype_size_bytes(e->dtype);
    if (e->numel() == 0) return at::empty(e->shape, options);
    if (reinterpret_cast<uintptr_t>(ptr) % elem != 0) {
        // Misaligned data cannot be viewed as typed elements: copy it out.
        at::Tensor out = at::empty(e->shape, options);
        std::memcpy(out.data_ptr(), ptr, e->size_bytes());
        return out;
    }
    auto keep_alive = file_;
    return at::from_blob(
        ptr, e->shape, [keep_alive](void*) {}, options);
}

// ---------------------------------------------------------------------------------------------
// ShardedSafetensors
// ---------------------------------------------------------------------------------------------

std::unique_ptr<ShardedSafetensors> ShardedSafetensors::open(
    const std::filesystem::path& index_path) {
    std::ifstream in(index_path);
    if (!in) throw IoError(index_path.string() + ": cannot open");
    nlohmann::json index;
    try {
        index = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw FormatError(index_path.string() + ": not valid JSON (" + e.what() + ")");
    }
    if (!index.is_object() || !index.contains("weight_map") || !index["weight_map"].is_object())
        throw FormatError(index_path.string() + ": missing 'weight_map' object");

    auto sharded = std::unique_ptr<ShardedSafetensors>(new ShardedSafetensors());
    sharded->index_path_ = index_path;
    if (index.contains("metadata") && index["metadata"].is_object()) {
        for (const auto& [k, v] : index["metadata"].items())
            sharded->metadata_[k] = v.is_string() ? v.get<std::string>() : v.dump();
    }
    std::map<std::string, std::size_t> shard_index;
    for (const auto& [name, file] : index["weight_map"].items()) {
        if (!file.is_string())
            throw FormatError(index_path.string() + ": weight_map entry '" + name +
                              "' is not a file name");
        const std::string file_name = file.get<std::string>();
        if (file_name.find("..") != std::string::npos || file_name.empty() || file_name[0] == '/')
            throw FormatError(index_path.string() + ": shard name '" + file_name +
                              "' must be a plain file name");
        auto it = shard_index.find(file_name);
        if (it == shard_index.end()) {
            sharded->shards_.push_back(SafetensorsFile::open(index_path.parent_path() / file_name));
            it = shard_index.emplace(file_name, sharded->shards_.size() - 1).first;
        }
        if (!sharded->shards_[it->second]->header().find(name))
            throw FormatError(index_path.string() + ": tensor '" + name + "' is listed in " +
                              file_name + " but that shard does not contain it");
        sharded->shard_of_[name] = it->second;
    }
    return sharded;
}

std::vector<std::string> ShardedSafetensors::names() const {
    std::vector<std::string> out;
    for (const auto& [name, _] : shard_of_)
        out.push_back(name);
    return out;
}

std::optional<TensorInfo> ShardedSafetensors::info(const std::string& name) const {
    auto it = shard_of_.find(name);
    if (it == shard_of_.end()) return std::nullopt;
    return shards_[it->second]->info(name);
}

at::Tensor ShardedSafetensors::tensor(const std::string& name) const {
    auto it = shard_of_.find(name);
    if (it == shard_of_.end()) throw Error(description() + ": no tensor named '" + name + "'");
    return shards_[it->second]->tensor(name);
}

// ---------------------------------------------------------------------------------------------
// Opening by file kind
// ---------------------------------------------------------------------------------------------

namespace {
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::unique_ptr<TensorSource> open_tensor_source(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    if (ends_with(name, ".index.json")) return ShardedSafetensors::open(path);
    if (ends_with(name, ".pth") || ends_with(name, ".pt") || ends_with(name, ".ckpt") ||
        ends_with(name, ".bin"))
        return PthFile::open(path);
    auto file = SafetensorsFile::open(path);
    struct Holder : TensorSource {
        std::shared_ptr<SafetensorsFile> f;
        std::string description() const override { return f->description(); }
        std::vector<std::string> names() const override { return f->names(); }
        std::optional<TensorInfo> info(const std::string& n) const override { return f->info(n); }
        at::Tensor tensor(const std::string& n) const override { return f->tensor(n); }
        std::map<std::string, std::string> metadata() const override { return f->metadata(); }
    };
    auto holder = std::make_unique<Holder>();
    holder->f = std::move(file);
    return holder;
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

void save_safetensors(const std::filesystem::path& path, const std::vector<NamedTensor>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    // Data is laid out widest element type first, so every tensor starts aligned to its element
    // size (the format allows no gaps) and readers can view it in place.
    std::vector<NamedTensor> sorted = tensors;
    std::stable_sort(sorted.begin(), sorted.end(), [](const NamedTensor& a, const NamedTensor& b) {
        const auto wa = a.tensor.element_size(), wb = b.tensor.element_size();
        return wa != wb ? wa > wb : a.name < b.name;
    });
    std::vector<TensorEntry> entries;
    std::vector<at::Tensor> data;
    uint64_t offset = 0;
    std::set<std::string> seen;
    for (const auto& nt : sorted) {
        if (!seen.insert(nt.name).second)
            throw Error(path.string() + ": tensor name '" + nt.name + "' given twice");
        if (nt.name == "__metadata__") throw Error("'__metadata__' is not a valid tensor name");
        at::Tensor t = nt.tensor.detach().to(at::kCPU).contiguous();
        TensorEntry e;
        e.name = nt.name;
        e.dtype = nt.stored_as ? *nt.stored_as : dtype_for_scalar_type(t.scalar_type());
        if (static_cast<std::size_t>(t.element_size()) != dtype_size_bytes(e.dtype))
            throw Error(path.string() + ": tensor '" + nt.name + "' cannot be stored as " +
                        dtype_name(e.dtype));
        e.shape = t.sizes().vec();
        e.begin = offset;
        e.end = offset + static_cast<uint64_t>(t.nbytes());
        offset = e.end;
        entries.push_back(std::move(e));
        data.push_back(std::move(t));
    }
    const std::string header = encode_safetensors_header(entries, metadata);

    const std::filesystem::path tmp =
        path.string() + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(tmp.string() + ": cannot create");
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        for (const auto& t : data)
            out.write(static_cast<const char*>(t.data_ptr()),
                      static_cast<std::streamsize>(t.nbytes()));
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw IoError(tmp.string() + ": write failed (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw IoError(path.string() + ": cannot move the finished file into place");
    }
}

}  // namespace nava::io
