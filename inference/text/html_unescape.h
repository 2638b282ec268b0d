// HTML character references, decoded the two ways the reference's cleaning step decodes them.
#pragma once

#include <string>
#include <string_view>

namespace nava::text {

// Python's html.unescape: named references from the HTML5 list (with or without ';' where
// HTML allows that, and the longest-prefix rule for the legacy names, so "&ampx" -> "&x"),
// decimal and hex numeric references with HTML's replacements (Windows-1252 for 0x80..0x9F,
// U+FFFD for 0, surrogates and out-of-range values, nothing for control characters).
std::u32string python_html_unescape(std::u32string_view text);

// ftfy's unescape_html: only complete references "&name;" / "&#...;" of at most 24 letters or
// digits, plus all-caps spellings of lower-case names ("&EACUTE;" -> "É"). Anything else is
// left as written.
std::u32string ftfy_unescape_html(std::u32string_view text);

}  // namespace nava::text
