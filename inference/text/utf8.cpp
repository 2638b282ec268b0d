#include "inference/text/utf8.h"

#include <cstdint>

#include "inference/core/error.h"

namespace nava::text {

namespace {

[[noreturn]] void invalid_utf8(std::size_t offset) {
    throw FormatError("text is not valid UTF-8 (bad byte sequence at byte " +
                      std::to_string(offset) + ")");
}

}  // namespace

std::u32string decode_utf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min_value = 0;
        if ((lead & 0xE0) == 0xC0) {
            extra = 1, cp = lead & 0x1F, min_value = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2, cp = lead & 0x0F, min_value = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3, cp = lead & 0x07, min_value = 0x10000;
        } else {
            invalid_utf8(i);
        }
        if (i + extra >= utf8.size()) invalid_utf8(i);
        for (int k = 1; k <= extra; ++k) {
            const auto cont = static_cast<unsigned char>(utf8[i + k]);
            if ((cont & 0xC0) != 0x80) invalid_utf8(i);
            cp = (cp << 6) | (cont & 0x3F);
        }
        if (cp < min_value || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) invalid_utf8(i);
        out.push_back(cp);
        i += extra + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (char32_t cp : code_points) {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            throw FormatError("cannot encode code point " + std::to_string(cp) + " as UTF-8");
        append_utf8(out, cp);
    }
    return out;
}

std::int64_t count_code_points(std::string_view utf8) {
    std::int64_t n = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::int64_t code_point_index(std::string_view utf8, std::size_t byte_offset) {
    return count_code_points(utf8.substr(0, byte_offset));
}

}  // namespace nava::text
