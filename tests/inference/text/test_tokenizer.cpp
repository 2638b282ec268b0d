// The umT5 tokenizer against the sentencepiece command-line tools. A small unigram model is
// trained with spm_train (umT5's id layout: <pad>=0, </s>=1, <s>=2, <unk>=3) on generated
// English/Chinese text; our ids must equal `spm_encode --output_format=id` wherever Hugging
// Face's pipeline and plain sentencepiece agree, and follow Hugging Face where they differ
// (added tokens split the text first, `</s>` appended, truncation, padding).
//
// This program links LibTorch, so it also proves that the sentencepiece module loads beside it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "inference/core/error.h"
#include "inference/text/prompt.h"
#include "inference/text/sentencepiece_model.h"
#include "inference/text/speaker_placeholders.h"
#include "inference/text/tokenizer.h"
#include "tests/support/test_support.h"

namespace {

using namespace nava::text;
namespace fs = std::filesystem;

// Deterministic text generator (no dependence on the standard library's distributions).
class TextGen {
public:
    explicit TextGen(uint64_t seed) : state_(seed) {}
    uint64_t next(uint64_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return (state_ >> 33) % n;
    }
    std::string line() {
        static const char* en[] = {"the",   "quick",  "brown", "fox",   "jumps", "over",
                                   "lazy",  "dog",    "hello", "world", "voice", "music",
                                   "rain",  "forest", "city",  "night", "light", "sound",
                                   "quiet", "loud",   "man",   "woman", "says",  "camera",
                                   "Don't", "stop!",  "42",    "3.5",   "(one)", "mixing"};
        static const char* zh[] = {"画面", "呈现", "宁静", "的",   "自然", "风景", "远处",
                                   "山脉", "连绵", "起伏", "人物", "对白", "旁白", "音频",
                                   "设计", "清晨", "鸟鸣", "背景", "音乐", "混音", "他",
                                   "低声", "说道", "你好", "再见", "两人", "交谈", "同步"};
        static const char* punct[] = {"，", "。", "、", ",", ".", "：", "!", "?"};
        std::string s;
        const uint64_t words = 3 + next(10);
        for (uint64_t w = 0; w < words; ++w) {
            const bool chinese = next(2) == 0;
            if (!s.empty() && (!chinese || next(3) == 0)) s += ' ';
            s += chinese ? zh[next(std::size(zh))] : en[next(std::size(en))];
            if (next(5) == 0) s += punct[next(std::size(punct))];
        }
        return s;
    }

private:
    uint64_t state_;
};

bool have_tool(const std::string& name) {
    return nava::test::run_command("command -v " + name + " >/dev/null").exit_code == 0;
}

std::vector<int64_t> parse_ids(const std::string& line) {
    std::vector<int64_t> ids;
    std::istringstream in(line);
    for (int64_t id; in >> id;)
        ids.push_back(id);
    return ids;
}

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Trains the models once for the whole suite.
class TokenizerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!have_tool("spm_train") || !have_tool("spm_encode")) return;
        dir_ = nava::test::scratch_dir("text_tokenizer");
        std::string corpus;
        TextGen gen(20240601);
        for (int i = 0; i < 400; ++i) {
            corpus += gen.line();
            if (i % 7 == 0) corpus += " <extra_id_2> " + gen.line();
            corpus += '\n';
        }
        write_file(dir_ / "corpus.txt", corpus);
        const std::string common =
            " --input=" + nava::test::shell_quote((dir_ / "corpus.txt").string()) +
            " --model_type=unigram --hard_vocab_limit=false"
            " --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 --character_coverage=0.995"
            " --num_threads=1 --minloglevel=2";
        // (a) sentinels as user-defined pieces; (b) no sentinels (they come from JSON, as in
        // umT5); (c) byte fallback for unknown characters.
        const auto train = [&](const std::string& prefix, const std::string& extra) {
            const auto r =
                nava::test::run_command("spm_train" + common + " --model_prefix=" +
                                        nava::test::shell_quote((dir_ / prefix).string()) + extra);
            if (r.exit_code != 0)
                train_error_ += "spm_train (" + prefix + ") exited with " +
                                std::to_string(r.exit_code) + ": " + r.output + "\n";
        };
        train("sentinels", " --vocab_size=320 --user_defined_symbols=" +
                               nava::test::shell_quote("<extra_id_0>,<extra_id_1>,<extra_id_2>"));
        train("plain", " --vocab_size=320");
        train("bytes", " --vocab_size=700 --byte_fallback=true");
    }

    void SetUp() override {
        if (dir_.empty())
            GTEST_SKIP() << "spm_train / spm_encode not installed (apt-get install "
                            "sentencepiece)";
        ASSERT_TRUE(train_error_.empty()) << train_error_;
    }

    static fs::path model(const std::string& prefix) { return dir_ / (prefix + ".model"); }

    // spm_encode --output_format=id for each line.
    static std::vector<std::vector<int64_t>> spm_encode(const std::string& prefix,
                                                        const std::vector<std::string>& lines) {
        std::string text;
        for (const auto& l : lines)
            text += l + "\n";
        write_file(dir_ / "input.txt", text);
        const auto r =
            nava::test::run_command("spm_encode --output_format=id --model=" +
                                    nava::test::shell_quote(model(prefix).string()) + " < " +
                                    nava::test::shell_quote((dir_ / "input.txt").string()));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        std::vector<std::vector<int64_t>> out;
        std::istringstream in(r.output);
        for (std::string line; std::getline(in, line);)
            out.push_back(parse_ids(line));
        EXPECT_EQ(out.size(), lines.size());
        return out;
    }

    static std::vector<int64_t> spm_encode1(const std::string& prefix, const std::string& line) {
        return spm_encode(prefix, {line}).at(0);
    }

    static fs::path write_tokenizer_json(const std::string& name, const std::string& body) {
        const fs::path path = dir_ / name;
        write_file(path, body);
        return path;
    }

    static inline fs::path dir_;
    static inline std::string train_error_;
};

std::vector<int64_t> concat(std::initializer_list<std::vector<int64_t>> parts) {
    std::vector<int64_t> out;
    for (const auto& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// A tokenizer.json in the layout of google/umt5-xxl's, with its pipeline pieces as parameters.
const char* kEosTemplate =
    R"({"type":"TemplateProcessing","single":[{"Sequence":{"id":"A","type_id":0}},
        {"SpecialToken":{"id":"</s>","type_id":0}}],"pair":[],
        "special_tokens":{"</s>":{"id":"</s>","ids":[1],"tokens":["</s>"]}}})";

std::string umt5_like_json(int vocab, const std::string& normalizer, const std::string& pre,
                           bool byte_fallback = false,
                           const std::string& post_processor = kEosTemplate) {
    std::string added = R"({"id":0,"content":"<pad>","special":true},
        {"id":1,"content":"</s>","special":true},{"id":2,"content":"<s>","special":true},
        {"id":3,"content":"<unk>","special":true})";
    for (int i = 0; i < 3; ++i) {
        added +=
            R"(,{"id":)" + std::to_string(vocab + 2 - i) + R"(,"content":"<extra_id_)" +
            std::to_string(i) +
            R"(>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true})";
    }
    return R"({"version":"1.0","truncation":null,"padding":null,"added_tokens":[)" + added +
           R"(],"normalizer":)" + normalizer + R"(,"pre_tokenizer":)" + pre +
           R"(,"post_processor":)" + post_processor +
           R"(,"decoder":null,"model":{"type":"Unigram","unk_id":3,"vocab":[["<pad>",0.0],["x\"]}{[",-1.5],["{",-2]],
           "byte_fallback":)" +
           (byte_fallback ? "true" : "false") + "}}";
}

const char* kLegacyNormalizer =
    R"({"type":"Sequence","normalizers":[{"type":"Precompiled","precompiled_charsmap":"AAAA"},
       {"type":"Replace","pattern":{"Regex":" {2,}"},"content":" "}]})";
const char* kLegacyPre = R"({"type":"Metaspace","replacement":"▁","add_prefix_space":true})";

TEST_F(TokenizerTest, MatchesSpmEncodeOnGeneratedAndHandPickedText) {
    const Tokenizer tok = Tokenizer::from_files(model("sentinels"), std::nullopt);
    std::vector<std::string> lines;
    TextGen gen(7);
    for (int i = 0; i < 150; ++i)
        lines.push_back(gen.line());
    for (const char* s : {"hello world", "  leading spaces", "inner   runs  of spaces",
                          "ＡＢＣ　全角，标点（括号）", "Ünïcödé naïve café",
                          "数字 12345 和 3.14159", "emoji ☃ and ❄ unseen", "x", "混合mixed文本text",
                          "tab\tand\u00a0nbsp", "\u2028line sep", "''\"quotes\"''"}) {
        lines.push_back(s);
    }
    const auto expected = spm_encode("sentinels", lines);
    ASSERT_EQ(expected.size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SCOPED_TRACE(lines[i]);
        EXPECT_EQ(tok.encode_ids(lines[i]), expected[i]);
    }
}

TEST_F(TokenizerTest, AddedTokensSplitTheTextAndEachSegmentGetsItsOwnPrefix) {
    const Tokenizer tok = Tokenizer::from_files(model("sentinels"), std::nullopt);
    const int64_t sentinel = tok.require_token_id("<extra_id_2>");
    const auto spm_sentinel =
        SentencePieceModel::load(model("sentinels"))->piece_to_id("<extra_id_2>");
    ASSERT_TRUE(spm_sentinel.has_value());
    EXPECT_EQ(sentinel, *spm_sentinel);
    EXPECT_EQ(tok.extra_id(2), sentinel);
    EXPECT_EQ(tok.extra_id(0), tok.require_token_id("<extra_id_0>"));

    // "A<extra_id_2>B": sentencepiece alone would glue B to the sentinel; HF encodes "B" as a
    // segment of its own, with the "▁" prefix.
    const std::string a = "他低声说道:<S>", b = "You really want to push me?<E> 说话时";
    EXPECT_EQ(tok.encode_ids(a + "<extra_id_2>" + b),
              concat({spm_encode1("sentinels", a), {sentinel}, spm_encode1("sentinels", b)}));
    EXPECT_EQ(tok.encode_ids("<extra_id_2>"), std::vector<int64_t>({sentinel}));
    EXPECT_EQ(
        tok.encode_ids("<extra_id_0><extra_id_2>hi<extra_id_1>"),
        concat({{tok.extra_id(0), sentinel}, spm_encode1("sentinels", "hi"), {tok.extra_id(1)}}));
    // Control pieces typed as text are tokens too ("</s>" -> 1), unlike in sentencepiece.
    EXPECT_EQ(tok.encode_ids("a</s>b"),
              concat({spm_encode1("sentinels", "a"), {1}, spm_encode1("sentinels", "b")}));
    // A segment ending in a space before an added token leaves a lone "▁" (legacy T5 pipeline).
    const int64_t meta = tok.require_token_id("\xE2\x96\x81");
    EXPECT_EQ(tok.encode_ids("hello <extra_id_2>"),
              concat({spm_encode1("sentinels", "hello"), {meta, sentinel}}));
    EXPECT_EQ(tok.encode_ids("hello "), concat({spm_encode1("sentinels", "hello"), {meta}}));
}

TEST_F(TokenizerTest, AppendsEosTruncatesKeepingItAndPads) {
    const Tokenizer tok = Tokenizer::from_files(model("sentinels"), std::nullopt);
    EXPECT_EQ(tok.eos_id(), 1);
    EXPECT_EQ(tok.pad_id(), 0);
    EXPECT_EQ(tok.unk_id(), 3);

    const std::string text = "hello world 你好";
    const auto body = spm_encode1("sentinels", text);
    TokenizeOptions options;
    options.max_length = 16;
    const Encoding e = tok.encode(text, options);
    ASSERT_EQ(e.ids.size(), 16u);
    ASSERT_EQ(e.attention_mask.size(), 16u);
    EXPECT_EQ(e.length, static_cast<int64_t>(body.size()) + 1);
    EXPECT_FALSE(e.truncated());
    std::vector<int64_t> ids = body, mask(body.size() + 1, 1);
    ids.push_back(1);
    ids.resize(16, 0);
    mask.resize(16, 0);
    EXPECT_EQ(e.ids, ids);
    EXPECT_EQ(e.attention_mask, mask);

    TextGen gen(99);
    std::string long_text;
    for (int i = 0; i < 10; ++i)
        long_text += (i ? " " : "") + gen.line();
    const auto long_body = spm_encode1("sentinels", long_text);
    ASSERT_GT(long_body.size(), 16u);
    const Encoding t = tok.encode(long_text, options);
    EXPECT_TRUE(t.truncated());
    EXPECT_EQ(t.length, 16);
    EXPECT_EQ(t.untruncated_length, static_cast<int64_t>(long_body.size()) + 1);
    EXPECT_EQ(std::vector<int64_t>(t.ids.begin(), t.ids.begin() + 15),
              std::vector<int64_t>(long_body.begin(), long_body.begin() + 15));
    EXPECT_EQ(t.ids[15], 1);
    EXPECT_EQ(t.attention_mask, std::vector<int64_t>(16, 1));

    options.add_special_tokens = false;
    options.pad_to_max_length = false;
    EXPECT_EQ(tok.encode(text, options).ids, body);
    options.max_length = 0;
    options.add_special_tokens = true;
    EXPECT_THROW(tok.encode(text, options), nava::Error);

    // Defaults are the reference's: 512, padded.
    EXPECT_EQ(tok.encode(text).ids.size(), 512u);
    const auto batch = tok.encode_batch({text, long_text});
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[1].length, static_cast<int64_t>(long_body.size()) + 1);
}

TEST_F(TokenizerTest, CountsCharactersAndTokensForTheEditor) {
    const Tokenizer tok = Tokenizer::from_files(model("sentinels"), std::nullopt);
    const std::string text = "他说：<S><extra_id_2>hello<E>";
    const TokenCount c = tok.count_tokens(text, 512);
    EXPECT_EQ(c.characters, 26);
    EXPECT_EQ(c.tokens, static_cast<int64_t>(tok.encode_ids(text).size()) + 1);
    EXPECT_FALSE(c.over_limit());
    EXPECT_TRUE(tok.count_tokens(text, 3).over_limit());

    // The editor counts what reaches the encoder: placeholder inserted, text cleaned.
    const std::string typed = "他说：<S>hello<E>  ";
    PromptOptions live;
    live.validation = SpanValidation::Lenient;
    const TokenCount p = count_prompt_tokens(typed, tok, live);
    EXPECT_EQ(p.characters, 16);
    EXPECT_EQ(p.tokens, c.tokens);  // same text after placeholder insertion and cleaning
    EXPECT_NO_THROW(count_prompt_tokens("<S>still typi", tok, live));
    EXPECT_THROW(count_prompt_tokens("<S>still typi", tok), PromptError);
}

TEST_F(TokenizerTest, SentinelsAboveTheVocabularyComeFromTokenizerJson) {
    // umT5 layout: the sentencepiece model has no sentinels; tokenizer.json adds them after the
    // vocabulary in reverse order (<extra_id_N> = vocab + extras - 1 - N).
    const int vocab = SentencePieceModel::load(model("plain"))->vocab_size();
    const fs::path json = write_tokenizer_json(
        "umt5_like.json", umt5_like_json(vocab, kLegacyNormalizer, kLegacyPre));
    const Tokenizer tok = Tokenizer::from_files(model("plain"), json);
    EXPECT_EQ(tok.extra_id(2), vocab);
    EXPECT_EQ(tok.extra_id(0), vocab + 2);
    EXPECT_EQ(tok.vocab_size(), vocab + 3);
    EXPECT_EQ(tok.id_to_token(vocab), "<extra_id_2>");
    EXPECT_THROW(tok.extra_id(3), nava::Error);

    const ProcessedPrompt p = process_prompt("两人对话<S>Hello<E><S>Hi there<E>");
    const TokenizedPrompt t = tokenize_prompt(p, tok);
    EXPECT_EQ(t.encoding.ids,
              tok.encode("两人对话<S><extra_id_2>Hello<E><S><extra_id_2>Hi there<E>").ids);
    ASSERT_EQ(t.placeholder_positions.size(), 2u);
    for (int64_t pos : t.placeholder_positions)
        EXPECT_EQ(t.encoding.ids[pos], vocab);
    EXPECT_TRUE(t.warnings.empty());
    // Without tokenizer.json the same tokenizer is rebuilt from tokenizer_config.json.
    const fs::path folder = dir_ / "umt5_folder";
    fs::create_directories(folder);
    fs::copy_file(model("plain"), folder / "spiece.model", fs::copy_options::overwrite_existing);
    write_file(folder / "tokenizer_config.json", R"({"extra_ids": 3, "eos_token": "</s>"})");
    const Tokenizer from_config = Tokenizer::from_folder(folder);
    EXPECT_EQ(from_config.extra_id(2), vocab);
    EXPECT_EQ(from_config.encode(p.tokenizer_input).ids, t.encoding.ids);
    fs::copy_file(json, folder / "tokenizer.json", fs::copy_options::overwrite_existing);
    EXPECT_EQ(Tokenizer::from_folder(folder).encode(p.tokenizer_input).ids, t.encoding.ids);
    EXPECT_THROW(Tokenizer::from_folder(dir_ / "no_such_folder"), nava::IoError);

    // A model that has the sentinel pieces keeps their ids even if the config assumes the
    // layout after the vocabulary.
    const fs::path with_pieces = dir_ / "sentinel_folder";
    fs::create_directories(with_pieces);
    fs::copy_file(model("sentinels"), with_pieces / "spiece.model",
                  fs::copy_options::overwrite_existing);
    write_file(with_pieces / "tokenizer_config.json", R"({"extra_ids": 3})");
    const auto sentinel_piece =
        SentencePieceModel::load(model("sentinels"))->piece_to_id("<extra_id_2>");
    EXPECT_EQ(Tokenizer::from_folder(with_pieces).extra_id(2), *sentinel_piece);
}

TEST_F(TokenizerTest, PlaceholdersLostToTruncationAreReported) {
    const Tokenizer tok = Tokenizer::from_files(model("sentinels"), std::nullopt);
    const ProcessedPrompt p = process_prompt("<S>first<E> some words here <S>second<E>");
    TokenizeOptions options;
    options.max_length = 6;
    const TokenizedPrompt t = tokenize_prompt(p, tok, options);
    EXPECT_EQ(t.placeholder_positions,
              find_placeholder_positions(t.encoding.ids, t.encoding.length, tok.extra_id(2)));
    EXPECT_LT(t.placeholder_positions.size(), 2u);
    ASSERT_EQ(t.warnings.size(), 1u);
    EXPECT_NE(t.warnings[0].message.find("cut off"), std::string::npos);
}

TEST_F(TokenizerTest, PipelineVariantsFromTokenizerJson) {
    const int vocab = SentencePieceModel::load(model("plain"))->vocab_size();
    const auto spm = [&](const std::string& s) { return spm_encode1("plain", s); };
    const int64_t sentinel = vocab;

    // WhitespaceSplit + Metaspace, or a right Strip: no lone "▁" before an added token.
    const Tokenizer split = Tokenizer::from_files(
        model("plain"),
        write_tokenizer_json(
            "split.json",
            umt5_like_json(vocab, kLegacyNormalizer,
                           R"({"type":"Sequence","pretokenizers":[{"type":"WhitespaceSplit"},
                 {"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}]})")));
    EXPECT_EQ(split.encode_ids("hello  world <extra_id_2>"),
              concat({spm("hello world"), {sentinel}}));
    const Tokenizer strip = Tokenizer::from_files(
        model("plain"),
        write_tokenizer_json(
            "strip.json",
            umt5_like_json(vocab,
                           R"({"type":"Sequence","normalizers":[{"type":"Precompiled"},
                 {"type":"Strip","strip_left":false,"strip_right":true},
                 {"type":"Replace","pattern":{"Regex":" {2,}"},"content":"▁"}]})",
                           kLegacyPre)));
    EXPECT_EQ(strip.encode_ids("hello <extra_id_2>"), concat({spm("hello"), {sentinel}}));

    // prepend_scheme "first": only the segment at the start of the text gets the "▁".
    const Tokenizer first = Tokenizer::from_files(
        model("plain"),
        write_tokenizer_json(
            "first.json",
            umt5_like_json(
                vocab, kLegacyNormalizer,
                R"({"type":"Metaspace","replacement":"▁","prepend_scheme":"first","split":true})")));
    const auto raw_b =
        SentencePieceModel::load(model("plain"))->encode("world", SpmEncodeMode::Raw);
    EXPECT_EQ(first.encode_ids("hello<extra_id_2>world"),
              concat({spm("hello"), {sentinel}, std::vector<int64_t>(raw_b.begin(), raw_b.end())}));

    // No post-processor: nothing is appended.
    const Tokenizer bare = Tokenizer::from_files(
        model("plain"),
        write_tokenizer_json("bare.json",
                             umt5_like_json(vocab, kLegacyNormalizer, kLegacyPre, false, "null")));
    EXPECT_EQ(bare.encode("hello").length, static_cast<int64_t>(spm("hello").size()));

    // Components this engine does not implement are named.
    try {
        Tokenizer::from_files(
            model("plain"),
            write_tokenizer_json("nfkc.json",
                                 umt5_like_json(vocab, R"({"type":"NFKC"})", kLegacyPre)));
        FAIL() << "expected FormatError";
    } catch (const nava::FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("NFKC"), std::string::npos) << e.what();
    }
}

TEST_F(TokenizerTest, UnknownCharactersFollowTheByteFallbackSetting) {
    const auto model_bytes = SentencePieceModel::load(model("bytes"));
    const int vocab = model_bytes->vocab_size();
    const std::string text = "a ☃❄ b";  // characters the corpus never had
    const auto expected = spm_encode1("bytes", text);
    std::size_t n_bytes = 0;
    for (int64_t id : expected)
        n_bytes += model_bytes->piece_type(static_cast<int>(id)) == SpmPieceType::Byte;
    ASSERT_EQ(n_bytes, 6u) << "the test needs byte pieces for two unseen characters";

    const Tokenizer with_bytes = Tokenizer::from_files(
        model("bytes"),
        write_tokenizer_json("bytes_on.json",
                             umt5_like_json(vocab, kLegacyNormalizer, kLegacyPre, true)));
    EXPECT_EQ(with_bytes.encode_ids(text), expected);

    // byte_fallback=false: the run of byte pieces is one (fused) unknown token.
    const Tokenizer without = Tokenizer::from_files(
        model("bytes"),
        write_tokenizer_json("bytes_off.json",
                             umt5_like_json(vocab, kLegacyNormalizer, kLegacyPre, false)));
    std::vector<int64_t> fused;
    for (int64_t id : expected) {
        if (model_bytes->piece_type(static_cast<int>(id)) != SpmPieceType::Byte) {
            fused.push_back(id);
        } else if (fused.empty() || fused.back() != 3) {
            fused.push_back(3);
        }
    }
    EXPECT_EQ(without.encode_ids(text), fused);
}

TEST_F(TokenizerTest, ModuleErrorsAreClear) {
    ::setenv("NAVA_SPM_MODULE", "/nonexistent/libnava_spm.so", 1);
    try {
        SentencePieceModel::load(model("plain"));
        ::unsetenv("NAVA_SPM_MODULE");
        FAIL() << "expected IoError";
    } catch (const nava::IoError& e) {
        ::unsetenv("NAVA_SPM_MODULE");
        EXPECT_NE(std::string(e.what()).find("/nonexistent/libnava_spm.so"), std::string::npos);
    }
    EXPECT_THROW(SentencePieceModel::load(dir_ / "missing.model"), nava::IoError);
    write_file(dir_ / "garbage.model", "this is not a model");
    EXPECT_THROW(SentencePieceModel::load(dir_ / "garbage.model"), nava::IoError);
    const auto m = SentencePieceModel::load(model("sentinels"));
    EXPECT_EQ(m->piece_type(1), SpmPieceType::Control);
    EXPECT_EQ(m->piece_type(3), SpmPieceType::Unknown);
    EXPECT_EQ(m->piece_type(*m->piece_to_id("<extra_id_2>")), SpmPieceType::UserDefined);
    EXPECT_FALSE(m->piece_to_id("not-a-piece").has_value());
    EXPECT_THROW(m->id_to_piece(m->vocab_size()), nava::Error);
}

}  // namespace
