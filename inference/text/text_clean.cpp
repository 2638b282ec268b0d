#include "inference/text/text_clean.h"

#include "inference/text/html_unescape.h"
#include "inference/text/unicode.h"
#include "inference/text/unicode_data.h"
#include "inference/text/utf8.h"

namespace nava::text {

namespace {

// C1 control characters (U+0080..U+009F) decoded as "sloppy" Windows-1252: the five bytes that
// Windows-1252 leaves undefined keep their Latin-1 meaning. HTML's numeric-reference table is
// exactly that mapping for this range.
std::u32string fix_c1_controls(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        if (c >= 0x80 && c <= 0x9F) {
            for (std::size_t i = 0; i < data::kHtmlCharRefReplacementCount; ++i) {
                if (data::kHtmlCharRefReplacements[i].number == c) {
                    c = data::kHtmlCharRefReplacements[i].replacement;
                    break;
                }
            }
        }
        out.push_back(c);
    }
    return out;
}

// Latin ligatures and legacy digraphs that ftfy takes apart (ligatures of other scripts and
// intentional letters such as "æ" stay).
const char32_t* latin_ligature(char32_t c) {
    switch (c) {
        case 0x0132:
            return U"IJ";
        case 0x0133:
            return U"ij";
        case 0x0149:
            return U"\u02BCn";
        case 0x01C4:
            return U"D\u017D";
        case 0x01C5:
            return U"D\u017E";
        case 0x01C6:
            return U"d\u017E";
        case 0x01C7:
            return U"LJ";
        case 0x01C8:
            return U"Lj";
        case 0x01C9:
            return U"lj";
        case 0x01CA:
            return U"NJ";
        case 0x01CB:
            return U"Nj";
        case 0x01CC:
            return U"nj";
        case 0x01F1:
            return U"DZ";
        case 0x01F2:
            return U"Dz";
        case 0x01F3:
            return U"dz";
        case 0xFB00:
            return U"ff";
        case 0xFB01:
            return U"fi";
        case 0xFB02:
            return U"fl";
        case 0xFB03:
            return U"ffi";
        case 0xFB04:
            return U"ffl";
        case 0xFB05:
            return U"\u017Ft";
        case 0xFB06:
            return U"st";
        default:
            return nullptr;
    }
}

// Controls ftfy removes: C0 controls except \t \n \f \r, DEL, deprecated Arabic format
// controls, the byte-order mark, interlinear annotation marks and U+FFFC.
bool is_removed_control(char32_t c) {
    return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F ||
           (c >= 0x206A && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

// One pass of ftfy's character-level fixes, in ftfy's order.
std::u32string fix_pass(std::u32string_view text, bool unescape_html) {
    std::u32string s = unescape_html ? ftfy_unescape_html(text) : std::u32string(text);
    s = fix_c1_controls(s);

    std::u32string t;
    t.reserve(s.size());
    for (char32_t c : s) {
        if (const char32_t* lig = latin_ligature(c)) {
            t += lig;
        } else if (!append_standard_width(c, t)) {
            t.push_back(c);
        }
    }

    // Quotes, then line breaks.
    s.clear();
    for (std::size_t i = 0; i < t.size(); ++i) {
        char32_t c = t[i];
        if (c >= 0x201C && c <= 0x201F) c = '"';
        if (c == 0x02BC || (c >= 0x2018 && c <= 0x201B)) c = '\'';
        if (c == '\r') {
            if (i + 1 < t.size() && t[i + 1] == '\n') ++i;
            c = '\n';
        }
        if (c == 0x2028 || c == 0x2029 || c == 0x85) c = '\n';
        s.push_back(c);
    }

    // ANSI terminal escapes "ESC [ (digits|;)* letter", then unwanted controls.
    t.clear();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == 0x1B && i + 1 < s.size() && s[i + 1] == '[') {
            std::size_t j = i + 2;
            while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
                ++j;
            if (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) {
                i = j;
                continue;
            }
        }
        if (!is_removed_control(s[i])) t.push_back(s[i]);
    }
    return nfc(t);
}

std::u32string strip_python_whitespace(std::u32string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end && is_python_whitespace(s[begin]))
        ++begin;
    while (end > begin && is_python_whitespace(s[end - 1]))
        --end;
    return std::u32string(s.substr(begin, end - begin));
}

}  // namespace

std::string ftfy_fix_text(std::string_view utf8) {
    const std::u32string text = decode_utf8(utf8);
    std::u32string out;
    out.reserve(text.size());
    // ftfy fixes line by line; HTML unescaping stays off for the rest of the text once a line
    // containing '<' has been seen (it is probably markup, or here: our <S>/<E> markers).
    bool unescape_html = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(U'\n', pos);
        end = (end == std::u32string::npos) ? text.size() : end + 1;
        std::u32string segment = text.substr(pos, end - pos);
        if (segment.find(U'<') != std::u32string::npos) unescape_html = false;
        while (true) {
            std::u32string fixed = fix_pass(segment, unescape_html);
            if (fixed == segment) break;
            segment = std::move(fixed);
        }
        out += segment;
        pos = end;
    }
    return encode_utf8(out);
}

std::u32string collapse_whitespace(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    bool in_space = false;
    for (char32_t c : text) {
        if (is_python_whitespace(c)) {
            if (!in_space) out.push_back(' ');
            in_space = true;
        } else {
            out.push_back(c);
            in_space = false;
        }
    }
    return strip_python_whitespace(out);
}

std::string clean_prompt_text(std::string_view utf8) {
    std::u32string text = decode_utf8(ftfy_fix_text(utf8));
    text = python_html_unescape(python_html_unescape(text));
    text = strip_python_whitespace(text);
    return encode_utf8(collapse_whitespace(text));
}

}  // namespace nava::text
