// The text cleaning that the reference applies to every prompt right before tokenization
// (Wan/NAVA tokenizer wrapper with clean='whitespace'):
//
//     ftfy.fix_text(text) -> html.unescape twice -> strip -> every whitespace run to one space
//     -> strip
//
// ftfy is reproduced for the fixes its default configuration applies to ordinary text:
// HTML references (only while no '<' has been seen, as ftfy's "auto" mode does), C1 control
// characters read as Windows-1252, Latin ligatures, full-width/half-width forms (full-width
// ASCII -> ASCII, U+3000 -> space; CJK punctuation such as "。" and "、" is not a width form and
// stays), curly quotes (U+2018..U+201B, U+02BC -> ', U+201C..U+201F -> "), line breaks, ANSI
// terminal escapes, unwanted control characters and NFC, repeated until nothing changes, line
// by line.
//
// Not reproduced: ftfy's mojibake repair (fix_encoding: re-decoding text such as "Ã©" that was
// UTF-8 read as Latin-1/Windows-1252). Prompts typed or pasted as Unicode do not contain such
// sequences; text that does is passed through as written. Terminal escapes are recognised with
// ASCII digits only (ftfy's regex also accepts other Unicode digits there).
#pragma once

#include <string>
#include <string_view>

namespace nava::text {

// ftfy.fix_text(text) (ftfy 6.3.1 defaults) within the limits above. UTF-8 in and out; throws
// nava::FormatError for invalid UTF-8.
std::string ftfy_fix_text(std::string_view utf8);

// The full cleaning step: exactly the string the reference hands to the tokenizer.
std::string clean_prompt_text(std::string_view utf8);

// Python's `re.sub(r"\s+", " ", text).strip()` on code points.
std::u32string collapse_whitespace(std::u32string_view text);

}  // namespace nava::text
