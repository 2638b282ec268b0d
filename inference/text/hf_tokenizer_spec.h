// The parts of a Hugging Face `tokenizer.json` that decide how a sentencepiece (unigram) model
// is applied: added tokens, normaliser, pre-tokeniser, post-processor, unknown/byte handling.
// The vocabulary itself comes from the sentencepiece model file, so the JSON's `model.vocab`
// (256k entries for umT5) is skipped while parsing.
//
// Supported components (what T5-family conversions produce; anything else is rejected with a
// FormatError naming it):
//   normalizer:     Precompiled, Replace (literal string, or a regex "C{n,}" / "C+" for one
//                   character C), Strip, Sequence of these, or null
//   pre_tokenizer:  Metaspace (add_prefix_space or prepend_scheme always/first/never, split),
//                   WhitespaceSplit, Sequence of these
//   post_processor: TemplateProcessing (single-sequence template) or null
//   model:          Unigram (unk_id, byte_fallback)
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nava::text {

struct AddedToken {
    int id = -1;
    std::string content;
    bool special = true;
    bool lstrip = false;       // swallow whitespace on its left
    bool rstrip = false;       // swallow whitespace on its right
    bool single_word = false;  // only match as a whole word
    bool normalized = false;   // HF matches such tokens after normalisation (see tokenizer.h)
};

struct NormalizerStep {
    enum class Kind { Precompiled, Replace, Strip };
    Kind kind = Kind::Precompiled;
    // Replace: a literal pattern, or (pattern_min_repeat > 0) a run of at least
    // pattern_min_repeat copies of the single character `pattern`.
    std::string pattern;
    int pattern_min_repeat = 0;
    std::string content;
    // Strip:
    bool strip_left = false;
    bool strip_right = false;
};

struct PreTokenizerStep {
    enum class Kind { Metaspace, WhitespaceSplit };
    enum class Prepend { Always, First, Never };
    Kind kind = Kind::Metaspace;
    std::string replacement = "\xE2\x96\x81";  // "▁"
    Prepend prepend = Prepend::Always;
    bool split = true;
};

struct HfTokenizerSpec {
    std::vector<AddedToken> added_tokens;
    std::vector<NormalizerStep> normalizer;
    std::vector<PreTokenizerStep> pre_tokenizer;
    std::vector<int> prefix_ids;  // special tokens before the text (add_special_tokens=True)
    std::vector<int> suffix_ids;  // ... and after it
    std::optional<int> unk_id;
    bool byte_fallback = false;
    bool fuse_unk = true;
    std::string source;  // file it came from, for messages
};

// Reads `tokenizer.json`. Throws nava::IoError / nava::FormatError.
HfTokenizerSpec read_hf_tokenizer_json(const std::filesystem::path& path);

// Added tokens described by a `tokenizer_config.json` (used when there is no tokenizer.json):
// its `added_tokens_decoder` entries, or else, for `extra_ids` N > 0, the T5 sentinels
// <extra_id_i> = sp_vocab_size + N - 1 - i. Empty when the file says neither.
std::vector<AddedToken> read_added_tokens_from_tokenizer_config(const std::filesystem::path& path,
                                                                int sp_vocab_size);

// What the Hugging Face conversion of a T5 sentencepiece model produces when there is no
// tokenizer.json: Precompiled + Replace(" {2,}" -> " ") normaliser, Metaspace("▁", prefix
// always) pre-tokeniser, "$A </s>" post-processor. Added tokens and ids are filled in by the
// Tokenizer from the sentencepiece model.
HfTokenizerSpec default_t5_tokenizer_spec();

}  // namespace nava::text
