#include "tests/inference/pipeline/pth_writer.h"

#include <cstring>
#include <fstream>
#include <stdexcept>

#include <ATen/ATen.h>

#include "inference/io/zip_archive.h"

namespace nava::test {
namespace {

void put_u16(std::string& s, uint16_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>(v >> 8);
}
void put_u32(std::string& s, uint32_t v) {
    for (int i = 0; i < 4; ++i)
        s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

struct Pickler {
    std::string out;
    void op(char c) { out += c; }
    void global(const std::string& module, const std::string& name) {
        out += 'c';
        out += module + "\n" + name + "\n";
    }
    void text(const std::string& s) {
        out += 'X';
        put_u32(out, static_cast<uint32_t>(s.size()));
        out += s;
    }
    void integer(int64_t v) {
        if (v < INT32_MIN || v > INT32_MAX) throw std::runtime_error("pth writer: int too large");
        out += 'J';
        put_u32(out, static_cast<uint32_t>(static_cast<int32_t>(v)));
    }
};

const char* storage_name(at::ScalarType t) {
    switch (t) {
        case at::kFloat:
            return "FloatStorage";
        case at::kBFloat16:
            return "BFloat16Storage";
        case at::kHalf:
            return "HalfStorage";
        case at::kLong:
            return "LongStorage";
        case at::kDouble:
            return "DoubleStorage";
        default:
            throw std::runtime_error("pth writer: unsupported dtype");
    }
}

// One stored (uncompressed) ZIP archive, data aligned to 64 bytes as torch.save does.
class ZipWriter {
public:
    void add(const std::string& name, const std::string& data) {
        const uint32_t crc =
            io::crc32_update(0, reinterpret_cast<const uint8_t*>(data.data()), data.size());
        const std::size_t header_size = 30 + name.size();
        uint16_t pad = static_cast<uint16_t>((64 - (out_.size() + header_size + 4) % 64) % 64);
        Entry e{name, crc, static_cast<uint32_t>(data.size()), static_cast<uint32_t>(out_.size())};
        std::string h;
        put_u32(h, 0x04034b50);
        put_u16(h, 20);
        put_u16(h, 0);
        put_u16(h, 0);  // stored
        put_u16(h, 0);
        put_u16(h, 0);
        put_u32(h, crc);
        put_u32(h, e.size);
        put_u32(h, e.size);
        put_u16(h, static_cast<uint16_t>(name.size()));
        put_u16(h, static_cast<uint16_t>(4 + pad));
        h += name;
        put_u16(h, 0xCAFE);  // padding extra field
        put_u16(h, pad);
        h += std::string(pad, 'Z');
        out_ += h + data;
        entries_.push_back(e);
    }
    void finish(const std::filesystem::path& path) {
        const uint32_t cd_start = static_cast<uint32_t>(out_.size());
        for (const auto& e : entries_) {
            std::string c;
            put_u32(c, 0x02014b50);
            put_u16(c, 20);
            put_u16(c, 20);
            put_u16(c, 0);
            put_u16(c, 0);
            put_u16(c, 0);
            put_u16(c, 0);
            put_u32(c, e.crc);
            put_u32(c, e.size);
            put_u32(c, e.size);
            put_u16(c, static_cast<uint16_t>(e.name.size()));
            put_u16(c, 0);
            put_u16(c, 0);
            put_u16(c, 0);
            put_u16(c, 0);
            put_u32(c, 0);
            put_u32(c, e.offset);
            c += e.name;
            out_ += c;
        }
        const uint32_t cd_size = static_cast<uint32_t>(out_.size()) - cd_start;
        std::string end;
        put_u32(end, 0x06054b50);
        put_u16(end, 0);
        put_u16(end, 0);
        put_u16(end, static_cast<uint16_t>(entries_.size()));
        put_u16(end, static_cast<uint16_t>(entries_.size()));
        put_u32(end, cd_size);
        put_u32(end, cd_start);
        put_u16(end, 0);
        out_ += end;
        std::ofstream f(path, std::ios::binary);
        f.write(out_.data(), static_cast<std::streamsize>(out_.size()));
        if (!f) throw std::runtime_error("pth writer: cannot write " + path.string());
    }

private:
    struct Entry {
        std::string name;
        uint32_t crc;
        uint32_t size;
        uint32_t offset;
    };
    std::string out_;
    std::vector<Entry> entries_;
};

}  // namespace

void write_pth(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, at::Tensor>>& tensors) {
    const std::string root = path.stem().string() + "/";
    Pickler p;
    p.out = "\x80\x02";
    p.global("collections", "OrderedDict");
    p.op(')');
    p.op('R');
    p.op('(');
    ZipWriter zip;
    std::vector<std::string> blobs;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor t = tensors[i].second.contiguous().cpu();
        p.text(tensors[i].first);
        p.global("torch._utils", "_rebuild_tensor_v2");
        p.op('(');
        p.op('(');
        p.text("storage");
        p.global("torch", storage_name(t.scalar_type()));
        p.text(std::to_string(i));
        p.text("cpu");
        p.integer(t.numel());
        p.op('t');
        p.op('Q');
        p.integer(0);
        p.op('(');
        for (int64_t d : t.sizes())
            p.integer(d);
        p.op('t');
        p.op('(');
        for (int64_t s : t.strides())
            p.integer(s);
        p.op('t');
        p.op(static_cast<char>(0x89));
        p.global("collections", "OrderedDict");
        p.op(')');
        p.op('R');
        p.op('t');
        p.op('R');
        blobs.emplace_back(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
    }
    p.op('u');
    p.op('.');
    zip.add(root + "data.pkl", p.out);
    for (std::size_t i = 0; i < blobs.size(); ++i)
        zip.add(root + "data/" + std::to_string(i), blobs[i]);
    zip.add(root + "version", "3\n");
    zip.finish(path);
}

}  // namespace nava::test
