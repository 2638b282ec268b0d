// The safetensors container format, without torch: dtypes, header parsing with full validation,
// and scalar conversions for the narrow float formats. Layout of a file:
//   [u64 little-endian header length N][N bytes of JSON][raw tensor data]
// The JSON maps tensor names to {dtype, shape, data_offsets: [begin, end)} (offsets relative to
// the start of the data section) plus an optional "__metadata__" object of string values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nava::io {

enum class DType { F64, F32, F16, BF16, F8_E4M3, F8_E5M2, I64, I32, I16, I8, U8, BOOL };

std::size_t dtype_size_bytes(DType dtype);
const char* dtype_name(DType dtype);
std::optional<DType> dtype_from_name(std::string_view name);
bool dtype_is_floating(DType dtype);

struct TensorEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    uint64_t begin = 0;  // byte offsets relative to the data section
    uint64_t end = 0;

    uint64_t numel() const;
    uint64_t size_bytes() const { return end - begin; }
};

struct SafetensorsHeader {
    uint64_t json_size_bytes = 0;
    uint64_t data_offset = 0;  // = 8 + json_size_bytes
    uint64_t data_size_bytes = 0;
    std::vector<TensorEntry> tensors;  // sorted by name
    std::map<std::string, std::string> metadata;

    const TensorEntry* find(std::string_view name) const;
};

// Upper bound on the JSON header, as in the reference implementation of the format.
constexpr uint64_t kMaxSafetensorsHeaderBytes = 100ull * 1024 * 1024;

// Parses and validates the header of a complete file image (`size` bytes at `data`).
// Checks: header length within the file, valid UTF-8 JSON object, known dtypes, non-negative
// shapes without overflow, offsets inside the data section and consistent with shape x dtype,
// no duplicate names, no overlapping byte ranges. Throws nava::FormatError naming `label`.
SafetensorsHeader parse_safetensors_header(const uint8_t* data, std::size_t size,
                                           const std::string& label);

// Builds the header bytes (length prefix + JSON padded with spaces to a multiple of 8) for
// tensors whose `begin`/`end` are already laid out.
std::string encode_safetensors_header(const std::vector<TensorEntry>& tensors,
                                      const std::map<std::string, std::string>& metadata);

// Scalar conversions (bit patterns in, float out).
float bf16_to_float(uint16_t bits);
float f16_to_float(uint16_t bits);
float f8_e4m3fn_to_float(uint8_t bits);   // no infinities; 0x7f / 0xff are NaN
float f8_e5m2_to_float(uint8_t bits);     // IEEE-like, has infinities
uint8_t float_to_f8_e4m3fn(float value);  // round to nearest even, saturating to +-448

}  // namespace nava::io
