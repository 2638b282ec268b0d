// Unicode pieces the prompt cleaning needs: NFC normalisation, Python's notion of whitespace and
// ftfy's full-width/half-width map. Backed by tables generated from Python's unicodedata
// (Unicode 14.0), so results match the reference's Python 3.11 up to that Unicode version;
// characters assigned after it are treated as unassigned (passed through unchanged).
#pragma once

#include <string>
#include <string_view>

namespace nava::text {

// Canonical composition (Unicode Normalization Form C): canonical decomposition (table driven,
// Hangul algorithmic), canonical reordering of combining marks, canonical composition with the
// standard blocking rule and composition exclusions.
std::u32string nfc(std::u32string_view text);

// Canonical combining class (0 for starters).
int combining_class(char32_t cp);

// True where Python's str.isspace() is true: what `re.sub(r"\s+", ...)` and `str.strip()`
// treat as whitespace (includes U+00A0, U+3000, U+2028, U+001C..U+001F).
bool is_python_whitespace(char32_t cp);

// ftfy's fix_character_width for one character: appends the standard-width form of a full-width
// or half-width character (U+3000 and U+FF01..U+FFEF) to `out` and returns true; returns false
// (appending nothing) for every other character.
bool append_standard_width(char32_t cp, std::u32string& out);

}  // namespace nava::text
