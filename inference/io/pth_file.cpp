#include "inference/io/pth_file.h"

#include <cstring>
#include <set>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/pickle_reader.h"

namespace nava::io {
namespace {

using Kind = PickleValue::Kind;

constexpr std::size_t kMaxDepth = 64;
const char* const kWrapperKeys[] = {"state_dict", "model_state_dict", "model", "module"};

// The archive folder: the directory part of the one `*/data.pkl` entry at depth one (or the
// root itself for archives written without a folder).
std::string find_archive_prefix(const ZipArchive& zip, const std::string& label) {
    std::vector<std::string> prefixes;
    for (const auto& e : zip.entries()) {
        const std::string suffix = "data.pkl";
        if (e.name.size() < suffix.size() ||
            e.name.compare(e.name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        const std::string prefix = e.name.substr(0, e.name.size() - suffix.size());
        const auto slash = prefix.find('/');
        if (prefix.empty() || slash == prefix.size() - 1) prefixes.push_back(prefix);
    }
    if (prefixes.empty())
        throw FormatError(label + ": a ZIP archive without data.pkl is not a PyTorch checkpoint");
    if (prefixes.size() > 1)
        throw FormatError(label + ": several data.pkl entries; not a single PyTorch checkpoint");
    return prefixes.front();
}

bool has_direct_tensor(const PickleValue* v) {
    if (v->kind != Kind::kDict) return false;
    for (const auto& [k, x] : v->entries)
        if (x->kind == Kind::kTensor) return true;
    return false;
}

bool holds_tensor(const PickleValue* v, std::size_t depth = 0) {
    if (depth > kMaxDepth) return false;
    if (v->kind == Kind::kTensor) return true;
    if (v->kind == Kind::kDict) {
        for (const auto& [k, x] : v->entries)
            if (holds_tensor(x, depth + 1)) return true;
    }
    if (v->kind == Kind::kList || v->kind == Kind::kTuple) {
        for (const auto* x : v->items)
            if (holds_tensor(x, depth + 1)) return true;
    }
    return false;
}

// Key of a dict entry as a name component; nullopt for keys that cannot name a tensor.
std::optional<std::string> key_text(const PickleValue* key) {
    if (key->kind == Kind::kString) return key->text;
    if (key->kind == Kind::kInt) return std::to_string(key->integer);
    return std::nullopt;
}

const PickleValue* member(const PickleValue* v, const std::string& key) {
    if (v->kind == Kind::kDict) {
        for (const auto& [k, x] : v->entries)
            if (key_text(k) == key) return x;
    }
    if ((v->kind == Kind::kList || v->kind == Kind::kTuple) && !key.empty() &&
        key.find_first_not_of("0123456789") == std::string::npos && key.size() < 10) {
        const std::size_t i = std::stoul(key);
        if (i < v->items.size()) return v->items[i];
    }
    return nullptr;
}

void flatten(const PickleValue* v, const std::string& name, std::size_t depth,
             std::vector<std::pair<std::string, const PickleValue*>>& out,
             const std::string& label) {
    if (depth > kMaxDepth)
        throw FormatError(label + ": containers nested deeper than " + std::to_string(kMaxDepth) +
                          " levels");
    auto child = [&](const std::string& key) { return name.empty() ? key : name + "." + key; };
    switch (v->kind) {
        case Kind::kTensor:
            out.emplace_back(name.empty() ? "tensor" : name, v);
            break;
        case Kind::kDict:
            for (const auto& [k, x] : v->entries)
                if (auto key = key_text(k)) flatten(x, child(*key), depth + 1, out, label);
            break;
        case Kind::kList:
        case Kind::kTuple:
            for (std::size_t i = 0; i < v->items.size(); ++i)
                flatten(v->items[i], child(std::to_string(i)), depth + 1, out, label);
            break;
        default:
            break;  // scalars, strings, refused objects: not tensors
    }
}

// Largest element index a tensor touches, or -1 when it is empty; false on overflow or
// negative geometry.
bool last_index(const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides,
                int64_t offset, int64_t* last) {
    if (offset < 0) return false;
    int64_t end = offset;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] < 0 || strides[i] < 0) return false;
        if (sizes[i] == 0) {
            *last = -1;
            return true;
        }
        int64_t span = 0;
        if (__builtin_mul_overflow(sizes[i] - 1, strides[i], &span) ||
            __builtin_add_overflow(end, span, &end))
            return false;
    }
    *last = end;
    return true;
}

}  // namespace

std::unique_ptr<PthFile> PthFile::open(const std::filesystem::path& path,
                                       const PthOptions& options) {
    std::unique_ptr<PthFile> f(new PthFile());
    f->file_ = MappedFile::open(path);
    const std::string label = path.string();
    const uint8_t* data = f->file_->data();
    const std::size_t size = f->file_->size();

    // 1. Container: the zip format of torch >= 1.6. The older format starts with a pickled
    //    magic number instead.
    if (size >= 2 && data[0] == 0x80 && data[1] == 0x02)
        throw NotImplementedError(label +
                                  ": legacy (PyTorch < 1.6) checkpoint format; re-save it with a "
                                  "newer torch (torch.save(torch.load(f), f))");
    if (size < 4 || std::memcmp(data, "PK\x03\x04", 4) != 0)
        throw FormatError(label + ": not a PyTorch checkpoint (no ZIP signature)");
    f->zip_ = ZipArchive::parse(data, size, label);
    const std::string prefix = find_archive_prefix(f->zip_, label);
    if (f->zip_.find(prefix + "constants.pkl"))
        throw FormatError(label +
                          ": a TorchScript module (torch.jit.save), not a torch.save checkpoint; "
                          "save its state_dict() instead");
    f->metadata_["format"] = "pytorch";
    f->metadata_["archive"] = prefix.empty() ? "" : prefix.substr(0, prefix.size() - 1);
    auto small_text = [&](const char* name) -> std::optional<std::string> {
        const ZipEntry* e = f->zip_.find(prefix + name);
        if (!e || e->size > 4096) return std::nullopt;
        const auto bytes = f->zip_.read(*e);
        std::string s(bytes.begin(), bytes.end());
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
            s.pop_back();
        return s;
    };
    if (auto v = small_text("version")) f->metadata_["version"] = *v;
    const std::string byteorder = small_text("byteorder").value_or("little");
    f->metadata_["byteorder"] = byteorder;
    if (byteorder != "little")
        throw NotImplementedError(label + ": storages are " + byteorder +
                                  "-endian; only little-endian checkpoints are supported");

    // 2. The pickle, read without running anything.
    const ZipEntry* pkl = f->zip_.find(prefix + "data.pkl");
    if (pkl->size > (uint64_t{1} << 30))
        throw FormatError(label + ": data.pkl is over 1 GiB; not a state dict");
    const std::vector<uint8_t> pickle_bytes = f->zip_.read(*pkl);
    PickleOptions pickle_options;
    pickle_options.refuse_unknown_globals = options.refuse_unknown_globals;
    const PickleDocument doc = parse_pickle(pickle_bytes.data(), pickle_bytes.size(),
                                            label + ": data.pkl", pickle_options);

    // 3. The root object whose tensors are listed.
    const PickleValue* root = doc.root;
    std::string root_path;
    if (options.root) {
        root_path = *options.root;
        std::size_t start = 0;
        while (!root_path.empty() && start <= root_path.size()) {
            const std::size_t dot = std::min(root_path.find('.', start), root_path.size());
            const std::string key = root_path.substr(start, dot - start);
            root = member(root, key);
            if (!root)
                throw FormatError(label + ": no entry '" + root_path.substr(0, dot) +
                                  "' in the checkpoint");
            start = dot + 1;
        }
    } else {
        while (root->kind == Kind::kDict && !has_direct_tensor(root)) {
            const PickleValue* next = nullptr;
            for (const char* key : kWrapperKeys) {
                const PickleValue* m = member(root, key);
                if (m && m->kind == Kind::kDict && holds_tensor(m)) {
                    next = m;
                    root_path += (root_path.empty() ? "" : ".") + std::string(key);
                    break;
                }
            }
            if (!next) break;
            root = next;
        }
    }
    f->metadata_["root"] = root_path;

    // 4. Tensor records, each checked against its storage entry.
    std::vector<std::pair<std::string, const PickleValue*>> found;
    flatten(root, "", 0, found, label);
    for (const auto& [name, value] : found) {
        const PickleTensor& t = value->tensor;
        const PickleStorage& s = t.storage->storage;
        auto where = [&] { return label + ": tensor '" + name + "'"; };
        if (f->tensors_.count(name))
            throw FormatError(where() + " appears twice after flattening nested keys");
        auto it = f->storages_.find(s.key);
        if (it == f->storages_.end()) {
            const ZipEntry* e = f->zip_.find(prefix + "data/" + s.key);
            if (!e) throw FormatError(where() + ": storage entry 'data/" + s.key + "' is missing");
            uint64_t declared = 0;
            if (s.typed && (__builtin_mul_overflow(static_cast<uint64_t>(s.numel),
                                                   dtype_size_bytes(s.dtype), &declared) ||
                            declared > e->size))
                throw FormatError(where() + ": storage 'data/" + s.key +
                                  "' is shorter than its declared size; truncated?");
            it = f->storages_.emplace(s.key, Storage{e, e->size}).first;
        }
        const uint64_t elem = dtype_size_bytes(t.dtype);
        int64_t last = 0;
        if (!last_index(t.sizes, t.strides, t.offset, &last))
            throw FormatError(where() + " has invalid sizes, strides or offset");
        if (last >= 0 && static_cast<uint64_t>(last) >= it->second.bytes / elem)
            throw FormatError(where() + " reaches past the end of its storage");
        Record r;
        r.info.name = name;
        r.info.dtype = t.dtype;
        r.info.shape = t.sizes;
        uint64_t bytes = elem;
        for (int64_t d : t.sizes)
            if (__builtin_mul_overflow(bytes, static_cast<uint64_t>(d), &bytes))
                throw FormatError(where() + " has an impossible size");
        r.info.size_bytes = bytes;
        r.storage = s.key;
        r.offset = t.offset;
        r.strides = t.strides;
        f->tensors_.emplace(name, std::move(r));
    }
    return f;
}

std::vector<std::string> PthFile::names() const {
    std::vector<std::string> out;
    out.reserve(tensors_.size());
    for (const auto& [name, _] : tensors_)
        out.push_back(name);
    return out;
}

std::optional<TensorInfo> PthFile::info(const std::string& name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end()) return std::nullopt;
    return it->second.info;
}

std::string PthFile::storage_key(const std::string& name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end()) throw Error(description() + ": no tensor named '" + name + "'");
    return it->second.storage;
}

at::Tensor PthFile::storage_tensor(const Storage& storage, DType dtype, Origin* origin) const {
    const auto type = storage_scalar_type(dtype);
    const auto options = at::TensorOptions().dtype(type).device(at::kCPU);
    const std::size_t elem = dtype_size_bytes(dtype);
    const int64_t count = static_cast<int64_t>(storage.bytes / elem);
    const ZipEntry& e = *storage.entry;
    if (e.stored()) {
        uint8_t* ptr = file_->mutable_data() + e.data_offset;
        if (reinterpret_cast<uintptr_t>(ptr) % elem == 0) {
            *origin = Origin::kMapped;
            auto keep_alive = file_;
            return at::from_blob(
                ptr, {count}, [keep_alive](void*) {}, options);
        }
        // Misaligned (archives not written by torch): copy the bytes out.
        *origin = Origin::kCopied;
        at::Tensor out = at::empty({count}, options);
        std::memcpy(out.data_ptr(), ptr, static_cast<std::size_t>(count) * elem);
        return out;
    }
    // Compressed: inflate once and keep the bytes, since several tensors may share them.
    *origin = Origin::kCached;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = inflated_.find(e.name);
    if (it == inflated_.end()) {
        const std::vector<uint8_t> bytes = zip_.read(e);
        at::Tensor t = at::empty({static_cast<int64_t>(bytes.size())}, at::kByte);
        std::memcpy(t.data_ptr(), bytes.data(), bytes.size());
        it = inflated_.emplace(e.name, t).first;
    }
    return it->second.narrow(0, 0, count * static_cast<int64_t>(elem)).view(type);
}

at::Tensor PthFile::tensor(const std::string& name) const {
    auto it = tensors_.find(name);
    if (it == tensors_.end()) throw Error(description() + ": no tensor named '" + name + "'");
    const Record& r = it->second;
    Origin origin = Origin::kMapped;
    const at::Tensor base = storage_tensor(storages_.at(r.storage), r.info.dtype, &origin);
    const at::Tensor t = base.as_strided(r.info.shape, r.strides, r.offset);
    switch (origin) {
        case Origin::kMapped:
            return t.contiguous();  // the view itself when already contiguous
        case Origin::kCopied:
            return t.contiguous();
        case Origin::kCached:
            break;
    }
    // Never hand out the shared inflated bytes themselves.
    return t.clone(at::MemoryFormat::Contiguous);
}

}  // namespace nava::io
