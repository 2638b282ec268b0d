// UTF-8 <-> code points. Prompt text is UTF-8 everywhere in the engine; character offsets that
// the UI and the fixtures talk about are code-point indices (what Python's str indexes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace nava::text {

// Decodes UTF-8. Throws nava::FormatError naming the byte offset of the first invalid sequence
// (overlong forms, surrogates and values above U+10FFFF are invalid, as in Python's decoder).
std::u32string decode_utf8(std::string_view utf8);

// Encodes code points as UTF-8. Throws nava::FormatError for a surrogate or a value above
// U+10FFFF.
std::string encode_utf8(std::u32string_view code_points);

// Appends one code point (assumed valid) to `out`.
void append_utf8(std::string& out, char32_t code_point);

// Number of code points in valid UTF-8 text (counts lead bytes; no validation).
std::int64_t count_code_points(std::string_view utf8);

// Code-point index of byte offset `byte_offset` in valid UTF-8 text.
std::int64_t code_point_index(std::string_view utf8, std::size_t byte_offset);

}  // namespace nava::text
