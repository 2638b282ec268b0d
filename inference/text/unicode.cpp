#include "inference/text/unicode.h"

#include <algorithm>

#include "inference/text/unicode_data.h"

namespace nava::text {

namespace {

// Hangul syllables decompose and compose algorithmically (Unicode chapter 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr char32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

const data::Decomposition* find_decomposition(char32_t cp) {
    const auto* begin = data::kDecompositions;
    const auto* end = begin + data::kDecompositionCount;
    const auto* it = std::lower_bound(
        begin, end, cp, [](const data::Decomposition& d, char32_t v) { return d.code_point < v; });
    return (it != end && it->code_point == cp) ? it : nullptr;
}

void decompose(char32_t cp, std::u32string& out) {
    if (cp >= kSBase && cp < kSBase + kSCount) {
        const char32_t s = cp - kSBase;
        out.push_back(kLBase + s / kNCount);
        out.push_back(kVBase + (s % kNCount) / kTCount);
        if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
        return;
    }
    if (const auto* d = find_decomposition(cp)) {
        decompose(d->first, out);
        if (d->second != 0) decompose(d->second, out);
        return;
    }
    out.push_back(cp);
}

// The primary composite of (first, second), or 0 when there is none.
char32_t compose_pair(char32_t first, char32_t second) {
    if (first >= kLBase && first < kLBase + kLCount && second >= kVBase &&
        second < kVBase + kVCount) {
        return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
    }
    if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 &&
        second > kTBase && second < kTBase + kTCount) {
        return first + (second - kTBase);
    }
    const auto* begin = data::kCompositions;
    const auto* end = begin + data::kCompositionCount;
    const auto* it =
        std::lower_bound(begin, end, std::make_pair(first, second),
                         [](const data::Composition& c, std::pair<char32_t, char32_t> v) {
                             return std::make_pair(c.first, c.second) < v;
                         });
    return (it != end && it->first == first && it->second == second) ? it->composite : 0;
}

}  // namespace

int combining_class(char32_t cp) {
    const auto* begin = data::kCombiningRanges;
    const auto* end = begin + data::kCombiningRangeCount;
    const auto* it = std::upper_bound(
        begin, end, cp, [](char32_t v, const data::CombiningRange& r) { return v < r.first; });
    if (it == begin) return 0;
    --it;
    return (cp <= it->last) ? it->combining_class : 0;
}

bool is_python_whitespace(char32_t cp) {
    const auto* begin = data::kPythonWhitespace;
    const auto* end = begin + data::kPythonWhitespaceCount;
    return std::binary_search(begin, end, cp);
}

bool append_standard_width(char32_t cp, std::u32string& out) {
    if (cp != 0x3000 && (cp < 0xFF01 || cp > 0xFFEF)) return false;
    const auto* begin = data::kWidthMap;
    const auto* end = begin + data::kWidthMapCount;
    const auto* it = std::lower_bound(
        begin, end, cp, [](const data::WidthMapping& m, char32_t v) { return m.code_point < v; });
    if (it == end || it->code_point != cp) return false;
    out.push_back(it->first);
    if (it->second != 0) out.push_back(it->second);
    return true;
}

std::u32string nfc(std::u32string_view text) {
    // 1. Full canonical decomposition.
    std::u32string s;
    s.reserve(text.size() + 8);
    for (char32_t cp : text)
        decompose(cp, s);
    if (s.empty()) return s;

    // 2. Canonical ordering: stable sort of every run of non-starters by combining class.
    for (std::size_t i = 1; i < s.size(); ++i) {
        const int cls = combining_class(s[i]);
        if (cls == 0) continue;
        std::size_t j = i;
        while (j > 0) {
            const int prev = combining_class(s[j - 1]);
            if (prev == 0 || prev <= cls) break;
            std::swap(s[j - 1], s[j]);
            --j;
        }
    }

    // 3. Canonical composition. A character composes with the last starter unless a character
    //    in between has the same or a higher combining class (or is itself a starter).
    std::size_t starter_pos = 0;
    int last_class = combining_class(s[0]);
    if (last_class != 0) last_class = 256;  // no starter yet: block everything until one comes
    std::size_t out_pos = 1;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const char32_t ch = s[i];
        const int cls = combining_class(ch);
        const char32_t composite = compose_pair(s[starter_pos], ch);
        if (composite != 0 && (last_class < cls || last_class == 0)) {
            s[starter_pos] = composite;
            continue;
        }
        if (cls == 0) starter_pos = out_pos;
        last_class = cls;
        s[out_pos++] = ch;
    }
    s.resize(out_pos);
    return s;
}

}  // namespace nava::text
