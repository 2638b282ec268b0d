// Hand-made ZIP archives and pickle streams for the .pth reader tests (malicious, corrupt and
// unusual checkpoints that torch itself would not write).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace nava::test {

// Where the committed checkpoints live (tests/data/pth, next to this folder's parent).
std::filesystem::path pth_data_dir();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

class ZipBuilder {
public:
    // `align64`: pad the local header so the data starts at a multiple of 64 (as torch does);
    // otherwise the data lands wherever the header ends. `method` is written as given (the
    // data stays uncompressed).
    void add(const std::string& name, const std::string& data, bool align64 = true,
             uint16_t method = 0);
    // `zip64`: write every size and offset through ZIP64 extra fields and end records, as
    // writers do for archives over 4 GiB (the official umT5 checkpoint).
    std::string bytes(bool zip64 = false) const;

private:
    struct Item {
        std::string name, data;
        bool align64;
        uint16_t method;
    };
    std::vector<Item> items_;
};

// Pickle opcodes written one call at a time (protocol 2 unless stated).
class PickleBuilder {
public:
    PickleBuilder& proto(int version);
    PickleBuilder& raw(const std::string& bytes);
    PickleBuilder& mark();
    PickleBuilder& str(const std::string& s);        // BINUNICODE
    PickleBuilder& short_str(const std::string& s);  // SHORT_BINUNICODE
    PickleBuilder& integer(int64_t v);               // BININT or LONG1
    PickleBuilder& global(const std::string& module, const std::string& name);
    PickleBuilder& stack_global(const std::string& module, const std::string& name);
    PickleBuilder& tuple();  // MARK ... TUPLE
    PickleBuilder& empty_dict();
    PickleBuilder& empty_tuple();
    PickleBuilder& setitems();
    PickleBuilder& reduce();
    PickleBuilder& binpersid();
    PickleBuilder& newfalse();
    PickleBuilder& stop();
    // _rebuild_tensor_v2(storage(type, key, numel), offset, sizes, strides, False, OrderedDict())
    PickleBuilder& tensor_v2(const std::string& storage_type, const std::string& key, int64_t numel,
                             int64_t offset, const std::vector<int64_t>& sizes,
                             const std::vector<int64_t>& strides);
    PickleBuilder& ints_tuple(const std::vector<int64_t>& values);
    const std::string& bytes() const { return s_; }

private:
    std::string s_;
};

// A stored archive "<archive>/data.pkl" + "<archive>/data/<key>" entries + version.
std::string torch_zip(const std::string& pickle,
                      const std::vector<std::pair<std::string, std::string>>& storages,
                      bool align64 = true, const std::string& archive = "archive");

}  // namespace nava::test
