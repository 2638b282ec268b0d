#include "tests/inference/pth/pth_builders.h"

#include <fstream>
#include <sstream>

#include "inference/io/zip_archive.h"

namespace nava::test {
namespace {

void put16(std::string& s, uint32_t v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& s, uint32_t v) {
    put16(s, v & 0xFFFF);
    put16(s, v >> 16);
}
void put64(std::string& s, uint64_t v) {
    put32(s, static_cast<uint32_t>(v & 0xFFFFFFFFu));
    put32(s, static_cast<uint32_t>(v >> 32));
}

}  // namespace

std::filesystem::path pth_data_dir() {
    return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "data" /
           "pth";
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void ZipBuilder::add(const std::string& name, const std::string& data, bool align64,
                     uint16_t method) {
    items_.push_back({name, data, align64, method});
}

std::string ZipBuilder::bytes(bool zip64) const {
    std::string out, central;
    for (const auto& it : items_) {
        const uint32_t crc =
            io::crc32_update(0, reinterpret_cast<const uint8_t*>(it.data.data()), it.data.size());
        const uint32_t offset = static_cast<uint32_t>(out.size());
        std::string extra;
        if (it.align64) {
            const std::size_t unpadded = out.size() + 30 + it.name.size() + 4;
            const std::size_t pad = (64 - unpadded % 64) % 64;
            put16(extra, 0xB0FB);  // an unassigned extra id carrying padding
            put16(extra, static_cast<uint32_t>(pad));
            extra.append(pad, 'Z');
        }
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0);
        put16(out, it.method);
        put32(out, 0);
        put32(out, crc);
        put32(out, static_cast<uint32_t>(it.data.size()));
        put32(out, static_cast<uint32_t>(it.data.size()));
        put16(out, static_cast<uint32_t>(it.name.size()));
        put16(out, static_cast<uint32_t>(extra.size()));
        out += it.name + extra + it.data;

        const uint32_t size32 = zip64 ? 0xFFFFFFFFu : static_cast<uint32_t>(it.data.size());
        put32(central, 0x02014b50);
        put16(central, zip64 ? 45 : 20);
        put16(central, zip64 ? 45 : 20);
        put16(central, 0);
        put16(central, it.method);
        put32(central, 0);
        put32(central, crc);
        put32(central, size32);
        put32(central, size32);
        put16(central, static_cast<uint32_t>(it.name.size()));
        put16(central, zip64 ? 28 : 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, zip64 ? 0xFFFFFFFFu : offset);
        central += it.name;
        if (zip64) {
            put16(central, 0x0001);
            put16(central, 24);
            put64(central, it.data.size());
            put64(central, it.data.size());
            put64(central, offset);
        }
    }
    const uint32_t cd_offset = static_cast<uint32_t>(out.size());
    out += central;
    if (zip64) {
        const uint64_t record = out.size();
        put32(out, 0x06064b50);
        put64(out, 44);
        put16(out, 45);
        put16(out, 45);
        put32(out, 0);
        put32(out, 0);
        put64(out, items_.size());
        put64(out, items_.size());
        put64(out, central.size());
        put64(out, cd_offset);
        put32(out, 0x07064b50);
        put32(out, 0);
        put64(out, record);
        put32(out, 1);
    }
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, zip64 ? 0xFFFF : static_cast<uint32_t>(items_.size()));
    put16(out, zip64 ? 0xFFFF : static_cast<uint32_t>(items_.size()));
    put32(out, zip64 ? 0xFFFFFFFFu : static_cast<uint32_t>(central.size()));
    put32(out, zip64 ? 0xFFFFFFFFu : cd_offset);
    put16(out, 0);
    return out;
}

PickleBuilder& PickleBuilder::proto(int version) {
    s_ += '\x80';
    s_ += static_cast<char>(version);
    return *this;
}
PickleBuilder& PickleBuilder::raw(const std::string& bytes) {
    s_ += bytes;
    return *this;
}
PickleBuilder& PickleBuilder::mark() {
    s_ += '(';
    return *this;
}
PickleBuilder& PickleBuilder::str(const std::string& v) {
    s_ += 'X';
    put32(s_, static_cast<uint32_t>(v.size()));
    s_ += v;
    return *this;
}
PickleBuilder& PickleBuilder::short_str(const std::string& v) {
    s_ += '\x8c';
    s_ += static_cast<char>(v.size());
    s_ += v;
    return *this;
}
PickleBuilder& PickleBuilder::integer(int64_t v) {
    if (v >= INT32_MIN && v <= INT32_MAX) {
        s_ += 'J';
        put32(s_, static_cast<uint32_t>(static_cast<int32_t>(v)));
    } else {
        s_ += '\x8a';
        s_ += '\x08';
        put32(s_, static_cast<uint32_t>(static_cast<uint64_t>(v) & 0xFFFFFFFFu));
        put32(s_, static_cast<uint32_t>(static_cast<uint64_t>(v) >> 32));
    }
    return *this;
}
PickleBuilder& PickleBuilder::global(const std::string& module, const std::string& name) {
    s_ += 'c' + module + '\n' + name + '\n';
    return *this;
}
PickleBuilder& PickleBuilder::stack_global(const std::string& module, const std::string& name) {
    short_str(module);
    short_str(name);
    s_ += '\x93';
    return *this;
}
PickleBuilder& PickleBuilder::tuple() {
    s_ += 't';
    return *this;
}
PickleBuilder& PickleBuilder::empty_dict() {
    s_ += '}';
    return *this;
}
PickleBuilder& PickleBuilder::empty_tuple() {
    s_ += ')';
    return *this;
}
PickleBuilder& PickleBuilder::setitems() {
    s_ += 'u';
    return *this;
}
PickleBuilder& PickleBuilder::reduce() {
    s_ += 'R';
    return *this;
}
PickleBuilder& PickleBuilder::binpersid() {
    s_ += 'Q';
    return *this;
}
PickleBuilder& PickleBuilder::newfalse() {
    s_ += '\x89';
    return *this;
}
PickleBuilder& PickleBuilder::stop() {
    s_ += '.';
    return *this;
}
PickleBuilder& PickleBuilder::ints_tuple(const std::vector<int64_t>& values) {
    mark();
    for (int64_t v : values)
        integer(v);
    return tuple();
}
PickleBuilder& PickleBuilder::tensor_v2(const std::string& storage_type, const std::string& key,
                                        int64_t numel, int64_t offset,
                                        const std::vector<int64_t>& sizes,
                                        const std::vector<int64_t>& strides) {
    global("torch._utils", "_rebuild_tensor_v2");
    mark();
    mark().str("storage").global("torch", storage_type).str(key).str("cpu").integer(numel).tuple();
    binpersid();
    integer(offset);
    ints_tuple(sizes);
    ints_tuple(strides);
    newfalse();
    global("collections", "OrderedDict").empty_tuple().reduce();
    tuple();
    return reduce();
}

std::string torch_zip(const std::string& pickle,
                      const std::vector<std::pair<std::string, std::string>>& storages,
                      bool align64, const std::string& archive) {
    ZipBuilder zip;
    zip.add(archive + "/data.pkl", pickle, align64);
    for (const auto& [key, data] : storages)
        zip.add(archive + "/data/" + key, data, align64);
    zip.add(archive + "/version", "3\n", align64);
    return zip.bytes();
}

}  // namespace nava::test
