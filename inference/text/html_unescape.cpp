#include "inference/text/html_unescape.h"

#include <algorithm>
#include <cstring>

#include "inference/text/unicode_data.h"
#include "inference/text/utf8.h"

namespace nava::text {

namespace {

const char* find_entity(const data::HtmlEntity* table, std::size_t count, std::string_view name) {
    const auto* end = table + count;
    const auto* it = std::lower_bound(
        table, end, name,
        [](const data::HtmlEntity& e, std::string_view v) { return std::string_view(e.name) < v; });
    return (it != end && std::string_view(it->name) == name) ? it->value : nullptr;
}

const char* find_html5(std::string_view name) {
    return find_entity(data::kHtmlEntities, data::kHtmlEntityCount, name);
}

void append_utf8_text(std::u32string& out, const char* utf8) {
    out += decode_utf8(utf8);
}

bool is_ascii_digit(char32_t c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_hex(char32_t c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ascii_alnum(char32_t c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The character a numeric reference stands for, by html.unescape's rules; appends nothing for
// the code points HTML drops.
void append_numeric_reference(std::u32string& out, std::u32string_view digits, int base) {
    // Values beyond U+10FFFF all map to U+FFFD, so saturate instead of overflowing.
    char32_t num = 0;
    for (char32_t c : digits) {
        const char32_t d = is_ascii_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
        num = std::min<char32_t>(num * base + d, 0x110000);
    }
    for (std::size_t i = 0; i < data::kHtmlCharRefReplacementCount; ++i) {
        if (data::kHtmlCharRefReplacements[i].number == num) {
            out.push_back(data::kHtmlCharRefReplacements[i].replacement);
            return;
        }
    }
    if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) {
        out.push_back(0xFFFD);
        return;
    }
    if (std::binary_search(data::kHtmlInvalidCodepoints,
                           data::kHtmlInvalidCodepoints + data::kHtmlInvalidCodepointCount, num))
        return;
    out.push_back(num);
}

bool excluded_from_name(char32_t c) {
    return c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' ||
           c == ';';
}

}  // namespace

std::u32string python_html_unescape(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out.push_back(s[i++]);
            continue;
        }
        const std::size_t p = i + 1;
        // 1./2. numeric references: '#' digits, or '#x' hex digits, then an optional ';'.
        if (p < s.size() && s[p] == '#') {
            std::size_t q = p + 1;
            int base = 10;
            if (q < s.size() && is_ascii_digit(s[q])) {
                while (q < s.size() && is_ascii_digit(s[q]))
                    ++q;
            } else if (q + 1 < s.size() && (s[q] == 'x' || s[q] == 'X') && is_ascii_hex(s[q + 1])) {
                base = 16;
                ++q;
                while (q < s.size() && is_ascii_hex(s[q]))
                    ++q;
            } else {
                out.push_back(s[i++]);  // "&#" without digits is plain text
                continue;
            }
            const std::size_t digits_begin = base == 16 ? p + 2 : p + 1;
            append_numeric_reference(out, s.substr(digits_begin, q - digits_begin), base);
            if (q < s.size() && s[q] == ';') ++q;
            i = q;
            continue;
        }
        // 3. named references: up to 32 characters outside [\t\n\f <&#;], then an optional ';'.
        std::size_t q = p;
        while (q < s.size() && q - p < 32 && !excluded_from_name(s[q]))
            ++q;
        if (q == p) {
            out.push_back(s[i++]);
            continue;
        }
        if (q < s.size() && s[q] == ';') ++q;
        const std::u32string_view name32 = s.substr(p, q - p);
        const std::string name = encode_utf8(name32);
        if (const char* value = find_html5(name)) {
            append_utf8_text(out, value);
        } else {
            // The longest legacy name (no ';' needed) that prefixes the text, if any.
            bool found = false;
            for (std::size_t len = name32.size() - 1; len > 1; --len) {
                const std::string prefix = encode_utf8(name32.substr(0, len));
                if (const char* value = find_html5(prefix)) {
                    append_utf8_text(out, value);
                    out.append(name32.substr(len));
                    found = true;
                    break;
                }
            }
            if (!found) {
                out.push_back('&');
                out.append(name32);
            }
        }
        i = q;
    }
    return out;
}

std::u32string ftfy_unescape_html(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] != '&') {
            out.push_back(s[i++]);
            continue;
        }
        // A reference is '&', an optional '#', 1..24 ASCII letters/digits and a ';'.
        std::size_t p = i + 1;
        const bool numeric = p < s.size() && s[p] == '#';
        if (numeric) ++p;
        std::size_t q = p;
        while (q < s.size() && is_ascii_alnum(s[q]))
            ++q;
        const std::size_t run = q - p;
        if (run < 1 || run > 24 || q >= s.size() || s[q] != ';') {
            out.push_back(s[i++]);
            continue;
        }
        const std::u32string_view match = s.substr(i, q + 1 - i);
        const std::string name = encode_utf8(match.substr(1));  // without '&', with ';'
        const char* value = numeric ? nullptr : find_html5(name);
        if (!value && !numeric)
            value = find_entity(data::kHtmlUpperEntities, data::kHtmlUpperEntityCount, name);
        if (value) {
            append_utf8_text(out, value);
        } else if (numeric) {
            // Decoded only when the whole reference, ';' included, is consumed.
            const std::u32string decoded = python_html_unescape(match);
            if (decoded.find(U';') != std::u32string::npos)
                out.append(match);
            else
                out += decoded;
        } else {
            out.append(match);
        }
        i = q + 1;
    }
    return out;
}

}  // namespace nava::text
