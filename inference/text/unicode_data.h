// Character tables used by the prompt cleaning step (NFC, full-width forms, whitespace, HTML
// character references). The data is generated from Python's own unicodedata / html.entities by
// tools/gen_text_tables.py so that it matches what the reference's Python sees.
#pragma once

#include <cstddef>

namespace nava::text::data {

struct Decomposition {
    char32_t code_point;
    char32_t first;
    char32_t second;  // 0 for a singleton decomposition
};

struct Composition {
    char32_t first;
    char32_t second;
    char32_t composite;
};

struct CombiningRange {
    char32_t first;
    char32_t last;
    int combining_class;
};

struct WidthMapping {
    char32_t code_point;
    char32_t first;
    char32_t second;  // 0 when the standard form is one character
};

struct HtmlEntity {
    const char* name;   // without '&'; ends with ';' when the standard spelling has one
    const char* value;  // UTF-8
};

struct CharRefMapping {
    char32_t number;
    char32_t replacement;
};

const char* unicode_version();

extern const Decomposition kDecompositions[];
extern const std::size_t kDecompositionCount;
extern const Composition kCompositions[];
extern const std::size_t kCompositionCount;
extern const CombiningRange kCombiningRanges[];
extern const std::size_t kCombiningRangeCount;
extern const WidthMapping kWidthMap[];
extern const std::size_t kWidthMapCount;
extern const char32_t kPythonWhitespace[];
extern const std::size_t kPythonWhitespaceCount;

extern const HtmlEntity kHtmlEntities[];
extern const std::size_t kHtmlEntityCount;
extern const HtmlEntity kHtmlUpperEntities[];
extern const std::size_t kHtmlUpperEntityCount;
extern const CharRefMapping kHtmlCharRefReplacements[];
extern const std::size_t kHtmlCharRefReplacementCount;
extern const char32_t kHtmlInvalidCodepoints[];
extern const std::size_t kHtmlInvalidCodepointCount;

}  // namespace nava::text::data
