// The prompt cleaning step (ftfy subset, HTML unescaping, whitespace) and its Unicode pieces.
// Expected values are Python 3.11's (html.unescape, unicodedata.normalize, re) and ftfy 6.3's
// documented behaviour; the fixture examples come from the real ftfy 6.3.1.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/text/html_unescape.h"
#include "inference/text/negative_prompts.h"
#include "inference/text/text_clean.h"
#include "inference/text/unicode.h"
#include "inference/text/utf8.h"
#include "tests/support/test_support.h"

namespace {

using namespace nava::text;

std::string unescape(const std::string& s) {
    return encode_utf8(python_html_unescape(decode_utf8(s)));
}

std::u32string nfc_of(const std::u32string& s) {
    return nfc(s);
}

nlohmann::json prompt_examples() {
    const auto path = nava::test::fixtures_dir() / "prompt" / "prompt_examples.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    return nlohmann::json::parse(in);
}

TEST(Utf8, RoundTripsAndCountsCodePoints) {
    const std::string s = "a\u00e9\u4f60\U0001F600";
    EXPECT_EQ(decode_utf8(s), std::u32string(U"a\u00e9\u4f60\U0001F600"));
    EXPECT_EQ(encode_utf8(decode_utf8(s)), s);
    EXPECT_EQ(count_code_points(s), 4);
    EXPECT_EQ(code_point_index(s, 3), 2);  // after "a" (1 byte) and "é" (2 bytes)
}

TEST(Utf8, RejectsInvalidSequencesWithTheirOffset) {
    try {
        decode_utf8(std::string("ab\xC3(", 4));
        FAIL() << "expected FormatError";
    } catch (const nava::FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("byte 2"), std::string::npos) << e.what();
    }
    EXPECT_THROW(decode_utf8("\xC0\xAF"), nava::FormatError);          // overlong '/'
    EXPECT_THROW(decode_utf8("\xED\xA0\x80"), nava::FormatError);      // surrogate
    EXPECT_THROW(decode_utf8("\xF4\x90\x80\x80"), nava::FormatError);  // above U+10FFFF
    EXPECT_THROW(decode_utf8("\xE4\xBD"), nava::FormatError);          // truncated
}

TEST(Nfc, ComposesLatinAndMapsCompatibilitySingletons) {
    EXPECT_EQ(nfc_of(U"e\u0301"), U"\u00e9");
    EXPECT_EQ(nfc_of(U"A\u030a"), U"\u00c5");
    EXPECT_EQ(nfc_of(U"\u212b"), U"\u00c5");  // ANGSTROM SIGN
    EXPECT_EQ(nfc_of(U"\uf900"), U"\u8c48");  // CJK compatibility ideograph
    EXPECT_EQ(nfc_of(U"\u037e"), U";");       // GREEK QUESTION MARK
    EXPECT_EQ(nfc_of(U"\u0344"), U"\u0308\u0301");
    EXPECT_EQ(nfc_of(U"\u0b47\u0b3e"), U"\u0b4b");        // two starters compose
    EXPECT_EQ(nfc_of(U"\u00e9\u0301"), U"\u00e9\u0301");  // nothing left to compose with
    EXPECT_EQ(nfc_of(U"\u4f60\u597d"), U"\u4f60\u597d");  // CJK untouched
}

TEST(Nfc, ReordersMarksAndRespectsBlocking) {
    // dot below (220) sorts before dot above (230); a+dot below composes first.
    EXPECT_EQ(nfc_of(U"a\u0307\u0323"), U"\u1ea1\u0307");
    EXPECT_EQ(nfc_of(U"a\u0323\u0307"), U"\u1ea1\u0307");
    EXPECT_EQ(nfc_of(U"\u1e9b\u0323"), U"\u1e9b\u0323");  // U+1E9B+0323 stays (exclusion path)
    EXPECT_EQ(combining_class(U'\u0301'), 230);
    EXPECT_EQ(combining_class(U'a'), 0);
}

TEST(Nfc, HangulIsComposedAlgorithmically) {
    EXPECT_EQ(nfc_of(U"\u1100\u1161\u11a8"), U"\uac01");
    EXPECT_EQ(nfc_of(U"\uac00\u11a8"), U"\uac01");
    EXPECT_EQ(nfc_of(U"\uac01"), U"\uac01");
}

TEST(Whitespace, MatchesPythonStrIsspace) {
    for (char32_t c : std::u32string(U" \t\n\v\f\r\u001c\u001f\u0085\u00a0\u1680\u2000\u200a"
                                     U"\u2028\u2029\u202f\u205f\u3000")) {
        EXPECT_TRUE(is_python_whitespace(c)) << static_cast<uint32_t>(c);
    }
    for (char32_t c : std::u32string(U"a\u200b\u180e\ufeff_")) {
        EXPECT_FALSE(is_python_whitespace(c)) << static_cast<uint32_t>(c);
    }
    EXPECT_EQ(collapse_whitespace(U" a\u3000b\u00a0c\u2028d\u001ce\t\n f  "), U"a b c d e f");
}

TEST(HtmlUnescape, FollowsPythonHtmlUnescape) {
    EXPECT_EQ(unescape("&amp;amp;"), "&amp;");
    EXPECT_EQ(unescape("&ampx"), "&x");
    EXPECT_EQ(unescape("&notit;"), "\u00acit;");
    EXPECT_EQ(unescape("&#65;&#x42;&#X43"), "ABC");
    EXPECT_EQ(unescape("&#0;"), "\ufffd");
    EXPECT_EQ(unescape("&#128;&#150;"), "\u20ac\u2013");
    EXPECT_EQ(unescape("&#xD800;"), "\ufffd");
    EXPECT_EQ(unescape("&#1114112;"), "\ufffd");
    EXPECT_EQ(unescape("&#x110000000000;"), "\ufffd");
    EXPECT_EQ(unescape("&#1;x"), "x");
    EXPECT_EQ(unescape("&hellip;&nbsp;&NotAnEntity;"), "\u2026\u00a0&NotAnEntity;");
    EXPECT_EQ(unescape("&;"), "&;");
    EXPECT_EQ(unescape("&#;"), "&#;");
    EXPECT_EQ(unescape("&lt&gt"), "<>");
    EXPECT_EQ(unescape("&Aacute"), "\u00c1");
    EXPECT_EQ(unescape("&aacutex"), "\u00e1x");
    EXPECT_EQ(unescape("&#65a"), "Aa");
}

TEST(HtmlUnescape, FtfyOnlyDecodesCompleteReferencesAndAllCapsNames) {
    const auto ftfy = [](const std::string& s) {
        return encode_utf8(ftfy_unescape_html(decode_utf8(s)));
    };
    EXPECT_EQ(ftfy("&lt;tag&gt;"), "<tag>");
    EXPECT_EQ(ftfy("P&EACUTE;REZ"), "P\u00c9REZ");
    EXPECT_EQ(ftfy("BUNDESSTRA&SZLIG;E"), "BUNDESSTRASSE");
    EXPECT_EQ(ftfy("&ntilde; &Ntilde; &NTILDE; &nTILDE;"), "\u00f1 \u00d1 \u00d1 &nTILDE;");
    EXPECT_EQ(ftfy("this&not that"), "this&not that");  // no ';': informal text stays
    EXPECT_EQ(ftfy("&#x2019;s"), "\u2019s");
    EXPECT_EQ(ftfy("&#65x;"), "&#65x;");  // only part of it would decode
}

TEST(FtfyFixText, AppliesTheCharacterFixes) {
    EXPECT_EQ(ftfy_fix_text("\uff2c\uff2f\uff35\uff24\u3000\uff2e\uff2f\uff29\uff33\uff25\uff33"),
              "LOUD NOISES");
    EXPECT_EQ(ftfy_fix_text("\uff35\uff80\uff70\uff9d"), "U\u30bf\u30fc\u30f3");  // half-width kana
    EXPECT_EQ(ftfy_fix_text("\ufb02u\ufb03e\ufb06"), "fluffiest");
    EXPECT_EQ(ftfy_fix_text("\u201chere\u2019s a test\u201d"), "\"here's a test\"");
    EXPECT_EQ(ftfy_fix_text("it\u02bcs \u201a\u201b \u201e\u201f"), "it's '' \"\"");
    // Full-width punctuation becomes ASCII; CJK punctuation that is not a width form stays.
    EXPECT_EQ(ftfy_fix_text("\u4f60\u597d\uff0c\uff1a\uff08\uff09\u3002\u3001"),
              "\u4f60\u597d,:()\u3002\u3001");
    EXPECT_EQ(ftfy_fix_text("a\r\nb\rc\u2028d\u2029e"), "a\nb\nc\nd\ne");
    EXPECT_EQ(ftfy_fix_text("\x01"
                            "a\x7f\ufeff"
                            "b\u206a\ufffc\t\x0c"),
              "ab\t\x0c");
    EXPECT_EQ(ftfy_fix_text("\x1b[36;44mblue\x1b[0m"), "blue");
    EXPECT_EQ(ftfy_fix_text("\u0093quoted\u0094 \u0080 \u0081"), "\"quoted\" \u20ac \u0081");
    EXPECT_EQ(ftfy_fix_text("Cafe\u0301 \u212b"), "Caf\u00e9 \u00c5");
    EXPECT_EQ(ftfy_fix_text("\u01c6 \u0149"), "d\u017e 'n");  // digraph, then its apostrophe
}

TEST(FtfyFixText, UnescapesHtmlOnlyUntilALineWithALessThanSign) {
    // ftfy repeats its fixes until nothing changes, so nested escapes unwind completely...
    EXPECT_EQ(ftfy_fix_text("Tom &amp;amp;amp; Jerry"), "Tom & Jerry");
    // ...unless the text has a '<' (our <S> markers): then ftfy leaves entities alone.
    EXPECT_EQ(ftfy_fix_text("<S>Tom &amp;amp;amp; Jerry"), "<S>Tom &amp;amp;amp; Jerry");
    // The decision is made line by line and sticks once a '<' was seen.
    EXPECT_EQ(ftfy_fix_text("a &amp; b\n<S>c &amp; d\ne &amp; f"),
              "a & b\n<S>c &amp; d\ne &amp; f");
}

TEST(CleanPromptText, UnescapesTwiceStripsAndCollapsesWhitespace) {
    EXPECT_EQ(clean_prompt_text("  Tom &amp;amp; Jerry\n\n  argue:\t<S>Stop it!<E>   "),
              "Tom & Jerry argue: <S>Stop it!<E>");
    // With a '<', only the two html.unescape passes run: three levels leave one.
    EXPECT_EQ(clean_prompt_text("<S>&amp;amp;amp;<E>"), "<S>&amp;<E>");
    EXPECT_EQ(clean_prompt_text("&amp;amp;amp;"), "&");
    EXPECT_EQ(clean_prompt_text("a\u3000\u3000b\u00a0 c"), "a b c");
    EXPECT_EQ(clean_prompt_text("a&nbsp;&nbsp;b"), "a b");  // entities can produce whitespace
    EXPECT_EQ(clean_prompt_text(""), "");
    EXPECT_EQ(clean_prompt_text(" \n\t "), "");
}

TEST(CleanPromptText, ReproducesEveryFixtureExample) {
    const nlohmann::json examples = prompt_examples();
    ASSERT_GE(examples["examples"].size(), 10u);
    for (const auto& ex : examples["examples"]) {
        SCOPED_TRACE(ex["id"].get<std::string>());
        EXPECT_EQ(clean_prompt_text(ex["processed_caption"].get<std::string>()),
                  ex["tokenizer_input_after_clean"].get<std::string>());
    }
}

TEST(NegativePrompts, AreTheReferenceStringsAndCleanLikeTheReference) {
    const nlohmann::json examples = prompt_examples();
    const auto& raw = examples["negative_prompts"];
    const auto& clean = examples["negative_prompts_after_clean"];
    ASSERT_EQ(raw.size(), all_negative_prompts().size());
    for (NegativePrompt which : all_negative_prompts()) {
        const std::string name(negative_prompt_name(which));
        SCOPED_TRACE(name);
        ASSERT_TRUE(raw.contains(name));
        EXPECT_EQ(std::string(negative_prompt(which)), raw[name].get<std::string>());
        EXPECT_EQ(clean_prompt_text(negative_prompt(which)), clean[name].get<std::string>());
    }
}

}  // namespace
