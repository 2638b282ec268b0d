#include "inference/io/safetensors_format.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"

namespace nava::io {
namespace {

using nlohmann::json;

struct DTypeInfo {
    DType dtype;
    const char* name;
    std::size_t size;
    bool floating;
};

constexpr DTypeInfo kDTypes[] = {
    {DType::F64, "F64", 8, true},         {DType::F32, "F32", 4, true},
    {DType::F16, "F16", 2, true},         {DType::BF16, "BF16", 2, true},
    {DType::F8_E4M3, "F8_E4M3", 1, true}, {DType::F8_E5M2, "F8_E5M2", 1, true},
    {DType::I64, "I64", 8, false},        {DType::I32, "I32", 4, false},
    {DType::I16, "I16", 2, false},        {DType::I8, "I8", 1, false},
    {DType::U8, "U8", 1, false},          {DType::BOOL, "BOOL", 1, false},
};

const DTypeInfo& info(DType dtype) {
    for (const auto& d : kDTypes)
        if (d.dtype == dtype) return d;
    throw Error("unknown dtype enumerator");
}

// Headers nest at most three levels ({name: {shape: [...]}}); anything deeper is malformed and
// would only cost stack and time.
constexpr int kMaxJsonDepth = 8;

[[noreturn]] void fail(const std::string& label, const std::string& what) {
    throw FormatError(label + ": invalid safetensors file: " + what);
}

uint64_t read_u64_le(const uint8_t* p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

bool mul_overflows(uint64_t a, uint64_t b, uint64_t* out) {
    if (a != 0 && b > std::numeric_limits<uint64_t>::max() / a) return true;
    *out = a * b;
    return false;
}

uint64_t json_to_u64(const json& v, const std::string& label, const std::string& what) {
    if (v.is_number_unsigned()) return v.get<uint64_t>();
    if (v.is_number_integer()) {
        const int64_t s = v.get<int64_t>();
        if (s >= 0) return static_cast<uint64_t>(s);
    }
    fail(label, what + " must be a non-negative integer");
}

TensorEntry parse_entry(const std::string& name, const json& v, const std::string& label) {
    const std::string where = "tensor '" + name + "'";
    if (!v.is_object()) fail(label, where + " is not an object");
    TensorEntry e;
    e.name = name;

    const auto dt = v.find("dtype");
    if (dt == v.end() || !dt->is_string()) fail(label, where + " has no string 'dtype'");
    const auto dtype = dtype_from_name(dt->get_ref<const std::string&>());
    if (!dtype) fail(label, where + " has unknown dtype '" + dt->get<std::string>() + "'");
    e.dtype = *dtype;

    const auto shape = v.find("shape");
    if (shape == v.end() || !shape->is_array()) fail(label, where + " has no 'shape' array");
    uint64_t numel = 1;
    for (const auto& d : *shape) {
        const uint64_t n = json_to_u64(d, label, where + " shape entry");
        if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            fail(label, where + " has a dimension that is too large");
        if (mul_overflows(numel, n, &numel)) fail(label, where + " has too many elements");
        e.shape.push_back(static_cast<int64_t>(n));
    }

    const auto offsets = v.find("data_offsets");
    if (offsets == v.end() || !offsets->is_array() || offsets->size() != 2)
        fail(label, where + " needs 'data_offsets' = [begin, end]");
    e.begin = json_to_u64((*offsets)[0], label, where + " data_offsets");
    e.end = json_to_u64((*offsets)[1], label, where + " data_offsets");
    if (e.end < e.begin) fail(label, where + " has end offset before begin offset");

    uint64_t bytes = 0;
    if (mul_overflows(numel, dtype_size_bytes(e.dtype), &bytes))
        fail(label, where + " is too large");
    if (bytes != e.end - e.begin)
        fail(label, where + " spans " + std::to_string(e.end - e.begin) +
                        " bytes but its shape x " + dtype_name(e.dtype) + " needs " +
                        std::to_string(bytes));

    for (const auto& [key, _] : v.items()) {
        if (key != "dtype" && key != "shape" && key != "data_offsets")
            fail(label, where + " has unknown field '" + key + "'");
    }
    return e;
}

}  // namespace

std::size_t dtype_size_bytes(DType dtype) {
    return info(dtype).size;
}
const char* dtype_name(DType dtype) {
    return info(dtype).name;
}
bool dtype_is_floating(DType dtype) {
    return info(dtype).floating;
}

std::optional<DType> dtype_from_name(std::string_view name) {
    for (const auto& d : kDTypes)
        if (name == d.name) return d.dtype;
    return std::nullopt;
}

uint64_t TensorEntry::numel() const {
    uint64_t n = 1;
    for (int64_t d : shape)
        n *= static_cast<uint64_t>(d);
    return n;
}

const TensorEntry* SafetensorsHeader::find(std::string_view name) const {
    auto it = std::lower_bound(tensors.begin(), tensors.end(), name,
                               [](const TensorEntry& e, std::string_view n) { return e.name < n; });
    if (it == tensors.end() || it->name != name) return nullptr;
    return &*it;
}

SafetensorsHeader parse_safetensors_header(const uint8_t* data, std::size_t size,
                                           const std::string& label) {
    if (size < 8) fail(label, "file is " + std::to_string(size) + " bytes, shorter than 8");
    SafetensorsHeader h;
    h.json_size_bytes = read_u64_le(data);
    if (h.json_size_bytes > kMaxSafetensorsHeaderBytes)
        fail(label, "header length " + std::to_string(h.json_size_bytes) + " exceeds the limit");
    if (h.json_size_bytes > size - 8)
        fail(label, "header length " + std::to_string(h.json_size_bytes) +
                        " runs past the end of the file (" + std::to_string(size) + " bytes)");
    h.data_offset = 8 + h.json_size_bytes;
    h.data_size_bytes = size - h.data_offset;

    const char* text = reinterpret_cast<const char*>(data + 8);
    const std::size_t text_size = static_cast<std::size_t>(h.json_size_bytes);
    if (text_size == 0 || text[0] != '{') fail(label, "header does not start with '{'");

    std::set<std::string> top_keys;
    std::string duplicate;
    bool too_deep = false;
    json::parser_callback_t on_event = [&](int depth, json::parse_event_t event, json& parsed) {
        if ((event == json::parse_event_t::object_start ||
             event == json::parse_event_t::array_start) &&
            depth >= kMaxJsonDepth) {
            too_deep = true;
            throw FormatError(label + ": invalid safetensors file: header nests too deeply");
        }
        if (event == json::parse_event_t::key && depth == 1 && duplicate.empty()) {
            if (!top_keys.insert(parsed.get<std::string>()).second)
                duplicate = parsed.get<std::string>();
        }
        return true;
    };

    json root;
    try {
        root = json::parse(text, text + text_size, on_event);
    } catch (const json::exception& e) {
        fail(label, std::string("header is not valid JSON (") + e.what() + ")");
    }
    (void)too_deep;
    if (!duplicate.empty()) fail(label, "tensor name '" + duplicate + "' appears twice");
    if (!root.is_object()) fail(label, "header is not a JSON object");

    try {
        for (const auto& [name, value] : root.items()) {
            if (name == "__metadata__") {
                if (!value.is_object()) fail(label, "__metadata__ is not an object");
                for (const auto& [k, v] : value.items()) {
                    if (!v.is_string()) fail(label, "metadata value '" + k + "' is not a string");
                    h.metadata[k] = v.get<std::string>();
                }
                continue;
            }
            h.tensors.push_back(parse_entry(name, value, label));
        }
    } catch (const json::exception& e) {
        fail(label, std::string("unexpected header content (") + e.what() + ")");
    }

    // Byte ranges must lie in the data section and must not overlap (empty ranges excepted).
    std::vector<const TensorEntry*> by_offset;
    for (const auto& e : h.tensors) {
        if (e.end > h.data_size_bytes)
            fail(label, "tensor '" + e.name + "' ends at byte " + std::to_string(e.end) +
                            " past the data section (" + std::to_string(h.data_size_bytes) +
                            " bytes)");
        if (e.end > e.begin) by_offset.push_back(&e);
    }
    std::sort(by_offset.begin(), by_offset.end(),
              [](const TensorEntry* a, const TensorEntry* b) { return a->begin < b->begin; });
    for (std::size_t i = 1; i < by_offset.size(); ++i) {
        if (by_offset[i]->begin < by_offset[i - 1]->end)
            fail(label, "tensors '" + by_offset[i - 1]->name + "' and '" + by_offset[i]->name +
                            "' overlap");
    }
    std::sort(h.tensors.begin(), h.tensors.end(),
              [](const TensorEntry& a, const TensorEntry& b) { return a.name < b.name; });
    return h;
}

std::string encode_safetensors_header(const std::vector<TensorEntry>& tensors,
                                      const std::map<std::string, std::string>& metadata) {
    json root = json::object();
    if (!metadata.empty()) root["__metadata__"] = metadata;
    for (const auto& e : tensors) {
        root[e.name] = {
            {"dtype", dtype_name(e.dtype)}, {"shape", e.shape}, {"data_offsets", {e.begin, e.end}}};
    }
    std::string text = root.dump();
    text.append((8 - text.size() % 8) % 8, ' ');
    std::string out(8, '\0');
    uint64_t n = text.size();
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return out + text;
}

float bf16_to_float(uint16_t bits) {
    const uint32_t u = static_cast<uint32_t>(bits) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

float f16_to_float(uint16_t bits) {
    const uint32_t sign = (bits & 0x8000u) << 16;
    const uint32_t exp = (bits >> 10) & 0x1f;
    const uint32_t man = bits & 0x3ff;
    float mag;
    if (exp == 0) {
        mag = std::ldexp(static_cast<float>(man), -24);
    } else if (exp == 31) {
        mag =
            man ? std::numeric_limits<float>::quiet_NaN() : std::numeric_limits<float>::infinity();
    } else {
        mag = std::ldexp(static_cast<float>(man | 0x400), static_cast<int>(exp) - 25);
    }
    uint32_t u;
    std::memcpy(&u, &mag, 4);
    u |= sign;
    std::memcpy(&mag, &u, 4);
    return mag;
}

float f8_e4m3fn_to_float(uint8_t bits) {
    const bool negative = bits & 0x80;
    const int exp = (bits >> 3) & 0xf;
    const int man = bits & 0x7;
    float mag;
    if (exp == 0xf && man == 0x7) {
        mag = std::numeric_limits<float>::quiet_NaN();
    } else if (exp == 0) {
        mag = std::ldexp(static_cast<float>(man), -9);  // subnormal: man/8 * 2^-6
    } else {
        mag = std::ldexp(static_cast<float>(man | 0x8), exp - 10);  // (1+man/8) * 2^(exp-7)
    }
    return negative ? -mag : mag;
}

float f8_e5m2_to_float(uint8_t bits) {
    return f16_to_float(static_cast<uint16_t>(bits) << 8);
}

uint8_t float_to_f8_e4m3fn(float value) {
    if (std::isnan(value)) return 0x7f;
    const uint8_t sign = std::signbit(value) ? 0x80 : 0x00;
    const float a = std::fabs(value);
    if (a >= 448.0f) return sign | 0x7e;  // saturate at the largest finite value
    if (a < 0.015625f) {
        // Subnormal range: multiples of 2^-9; rounding up to 8 lands on the smallest normal 0x08.
        return sign | static_cast<uint8_t>(std::nearbyint(a * 512.0f));
    }
    int e = 0;
    std::frexp(a, &e);  // a = f * 2^e with f in [0.5, 1)
    int exponent = e - 1;
    // Three mantissa bits, round half to even (the default rounding mode).
    int mantissa = static_cast<int>(std::nearbyint((std::ldexp(a, -exponent) - 1.0f) * 8.0f));
    if (mantissa == 8) {
        mantissa = 0;
        ++exponent;
    }
    return sign | static_cast<uint8_t>(((exponent + 7) << 3) | mantissa);
}

}  // namespace nava::io
