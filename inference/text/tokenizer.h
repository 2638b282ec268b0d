// The umT5 tokenizer as the reference uses it: Hugging Face's fast T5 tokenizer built from
// `google/umt5-xxl` (`spiece.model` + `tokenizer.json`), called with add_special_tokens=True,
// truncation=True, padding="max_length", max_length=512.
//
// How a text becomes ids (Hugging Face tokenizers semantics, not raw sentencepiece on the whole
// string):
//   1. The text is split at added tokens (`</s>`, `<pad>`, `<extra_id_N>`, ...; leftmost-longest
//      match on the raw text). Each added token becomes its own id.
//   2. Every remaining segment is normalised on its own (the model's character map, then the
//      tokenizer.json Replace/Strip steps), pre-tokenised into "▁word" pieces (Metaspace: a "▁"
//      is put in front of every segment, not only the first), and each piece is encoded by the
//      sentencepiece unigram model. So "a<extra_id_2>b" gives "▁a", <extra_id_2>, "▁b", and a
//      segment ending in a space before an added token yields a lone "▁" with the default
//      (legacy) T5 pipeline.
//   3. The template's special tokens are added (`</s>` at the end), the ids are truncated to
//      max_length keeping the trailing `</s>`, then padded with the pad id (0).
//
// Unknown characters: when the sentencepiece model decomposes them into byte pieces but
// tokenizer.json says byte_fallback=false (as Hugging Face's Unigram then does), each run of
// such bytes becomes one unknown id.
//
// Limits: added tokens marked "normalized": true are matched on the raw text like the others
// (Hugging Face matches them after normalisation; T5 tokenizers have none). The Precompiled
// normaliser is applied code point by code point (Hugging Face first tries whole grapheme
// clusters; the character maps of T5 models map single characters).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "inference/text/hf_tokenizer_spec.h"

namespace nava::text {

class SentencePieceModel;

struct TokenizeOptions {
    int64_t max_length = 512;
    bool add_special_tokens = true;  // append `</s>` (the template's special tokens)
    bool truncation = true;          // cut to max_length (special tokens kept)
    bool pad_to_max_length = true;   // pad with pad_id to max_length
};

struct Encoding {
    std::vector<int64_t> ids;             // [max_length] when padded
    std::vector<int64_t> attention_mask;  // 1 for real tokens (incl. `</s>`), 0 for padding
    int64_t length = 0;                   // number of real tokens (= mask sum)
    int64_t untruncated_length = 0;       // real tokens before truncation
    bool truncated() const { return untruncated_length > length; }
};

// What the studio shows next to the prompt editor.
struct TokenCount {
    int64_t characters = 0;  // code points of the text
    int64_t tokens = 0;      // ids incl. special tokens, before truncation
    int64_t max_length = 0;
    bool over_limit() const { return tokens > max_length; }
};

class Tokenizer {
public:
    // A folder holding `spiece.model` and, normally, `tokenizer.json` (as `google/umt5-xxl`).
    // Without tokenizer.json the legacy Hugging Face T5 pipeline is assumed and the added
    // tokens are taken from the model's control/user-defined pieces and from
    // tokenizer_config.json (`added_tokens_decoder`, or `extra_ids` in the T5 layout
    // <extra_id_N> = vocab + extra_ids - 1 - N).
    static Tokenizer from_folder(const std::filesystem::path& folder);
    static Tokenizer from_files(const std::filesystem::path& spm_model,
                                const std::optional<std::filesystem::path>& tokenizer_json);
    // From an already loaded model and a pipeline description (tests, custom set-ups).
    Tokenizer(std::shared_ptr<const SentencePieceModel> model, HfTokenizerSpec spec);

    // Ids of `text` without special tokens, truncation or padding.
    std::vector<int64_t> encode_ids(std::string_view text) const;
    Encoding encode(std::string_view text, const TokenizeOptions& options = {}) const;
    std::vector<Encoding> encode_batch(const std::vector<std::string>& texts,
                                       const TokenizeOptions& options = {}) const;
    TokenCount count_tokens(std::string_view text, int64_t max_length = 512) const;

    // Id of an added token or vocabulary piece (e.g. "<extra_id_2>", "</s>", "▁hello").
    std::optional<int64_t> token_to_id(std::string_view token) const;
    int64_t require_token_id(std::string_view token) const;  // throws nava::Error when absent
    std::string id_to_token(int64_t id) const;
    // Id of the sentinel `<extra_id_N>`; throws nava::Error when the tokenizer has none.
    int64_t extra_id(int n) const;

    int64_t eos_id() const { return eos_id_; }
    int64_t pad_id() const { return pad_id_; }
    int64_t unk_id() const { return unk_id_; }
    // Number of ids the tokenizer can produce (sentencepiece pieces plus added tokens).
    int64_t vocab_size() const;

    const HfTokenizerSpec& spec() const { return spec_; }

private:
    struct Segment {
        bool is_added_token = false;
        int64_t token_id = -1;
        std::string text;
        bool at_start = false;  // begins at offset 0 of the input (Metaspace "first")
    };
    std::vector<Segment> split_added_tokens(std::string_view text) const;
    std::vector<std::string> pre_tokenize(std::string normalized, bool at_start) const;
    std::string normalize(std::string_view segment) const;
    void encode_word(const std::string& word, std::vector<int64_t>& out) const;

    std::shared_ptr<const SentencePieceModel> model_;
    HfTokenizerSpec spec_;
    std::unordered_map<std::string, int64_t> added_by_content_;
    std::unordered_map<int64_t, std::string> added_by_id_;
    std::vector<std::vector<std::size_t>> added_by_first_byte_;  // indices, longest first
    bool model_has_byte_pieces_ = false;
    int64_t eos_id_ = -1;
    int64_t pad_id_ = 0;
    int64_t unk_id_ = -1;
};

}  // namespace nava::text
