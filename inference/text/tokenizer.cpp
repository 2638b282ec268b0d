#include "inference/text/tokenizer.h"

#include <algorithm>
#include <cstdint>

#include "inference/core/error.h"
#include "inference/text/sentencepiece_model.h"
#include "inference/text/utf8.h"

namespace nava::text {

namespace fs = std::filesystem;

namespace {

// Rust's char::is_whitespace (Unicode White_Space), which Hugging Face's Strip and
// WhitespaceSplit use.
bool is_white_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

bool is_word_char(char32_t c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0x80 && !is_white_space(c));
}

int byte_piece_value(const std::string& piece) {
    // "<0xAB>"
    if (piece.size() != 6 || piece.compare(0, 3, "<0x") != 0 || piece[5] != '>') return -1;
    return std::stoi(piece.substr(3, 2), nullptr, 16);
}

}  // namespace

Tokenizer Tokenizer::from_folder(const fs::path& folder) {
    const fs::path model = folder / "spiece.model";
    if (!fs::exists(model))
        throw IoError("tokenizer folder " + folder.string() +
                      " has no spiece.model (expected the google/umt5-xxl tokenizer files)");
    const fs::path json = folder / "tokenizer.json";
    if (fs::exists(json)) return from_files(model, json);
    Tokenizer tokenizer = from_files(model, std::nullopt);
    const fs::path config = folder / "tokenizer_config.json";
    if (fs::exists(config)) {
        HfTokenizerSpec spec = tokenizer.spec_;
        for (AddedToken& t :
             read_added_tokens_from_tokenizer_config(config, tokenizer.model_->vocab_size())) {
            // Pieces of the model win over the config's layout assumptions.
            const bool known = std::any_of(
                spec.added_tokens.begin(), spec.added_tokens.end(),
                [&](const AddedToken& a) { return a.id == t.id || a.content == t.content; });
            if (!known) spec.added_tokens.push_back(std::move(t));
        }
        return Tokenizer(tokenizer.model_, std::move(spec));
    }
    return tokenizer;
}

Tokenizer Tokenizer::from_files(const fs::path& spm_model, const std::optional<fs::path>& json) {
    auto model = SentencePieceModel::load(spm_model);
    if (json) return Tokenizer(model, read_hf_tokenizer_json(*json));

    // The legacy Hugging Face T5 conversion: control, unknown and user-defined pieces are added
    // tokens; the template appends </s>.
    HfTokenizerSpec spec = default_t5_tokenizer_spec();
    for (int id = 0; id < model->vocab_size(); ++id) {
        const SpmPieceType type = model->piece_type(id);
        if (type == SpmPieceType::Control || type == SpmPieceType::Unknown ||
            type == SpmPieceType::UserDefined) {
            AddedToken token;
            token.id = id;
            token.content = model->id_to_piece(id);
            token.special = type != SpmPieceType::UserDefined;
            spec.added_tokens.push_back(token);
        }
    }
    const SpmSpecialIds special = model->special_ids();
    if (special.eos_id >= 0) spec.suffix_ids = {special.eos_id};
    if (special.unk_id >= 0) spec.unk_id = special.unk_id;
    return Tokenizer(model, std::move(spec));
}

Tokenizer::Tokenizer(std::shared_ptr<const SentencePieceModel> model, HfTokenizerSpec spec)
    : model_(std::move(model)), spec_(std::move(spec)) {
    if (!model_) throw Error("Tokenizer needs a sentencepiece model");
    added_by_first_byte_.resize(256);
    for (std::size_t i = 0; i < spec_.added_tokens.size(); ++i) {
        const AddedToken& t = spec_.added_tokens[i];
        if (t.content.empty()) continue;
        added_by_content_[t.content] = t.id;
        added_by_id_[t.id] = t.content;
        added_by_first_byte_[static_cast<unsigned char>(t.content[0])].push_back(i);
    }
    for (auto& bucket : added_by_first_byte_) {
        std::stable_sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
            return spec_.added_tokens[a].content.size() > spec_.added_tokens[b].content.size();
        });
    }

    const SpmSpecialIds special = model_->special_ids();
    eos_id_ = token_to_id("</s>").value_or(special.eos_id);
    pad_id_ = token_to_id("<pad>").value_or(special.pad_id >= 0 ? special.pad_id : 0);
    unk_id_ = spec_.unk_id ? *spec_.unk_id : special.unk_id;
    if (!spec_.byte_fallback) {
        for (int id = 0; id < model_->vocab_size() && !model_has_byte_pieces_; ++id)
            model_has_byte_pieces_ = model_->piece_type(id) == SpmPieceType::Byte;
    }
}

std::vector<Tokenizer::Segment> Tokenizer::split_added_tokens(std::string_view text) const {
    std::vector<Segment> segments;
    std::size_t seg_start = 0;
    std::size_t i = 0;
    const auto push_text = [&](std::size_t begin, std::size_t end) {
        if (end > begin) {
            Segment s;
            s.text = std::string(text.substr(begin, end - begin));
            s.at_start = begin == 0;
            segments.push_back(std::move(s));
        }
    };
    while (i < text.size()) {
        const AddedToken* match = nullptr;
        for (std::size_t idx : added_by_first_byte_[static_cast<unsigned char>(text[i])]) {
            const AddedToken& t = spec_.added_tokens[idx];
            if (text.compare(i, t.content.size(), t.content) != 0) continue;
            if (t.single_word) {
                const std::u32string before = decode_utf8(text.substr(0, i));
                const std::u32string after = decode_utf8(text.substr(i + t.content.size()));
                if ((!before.empty() && is_word_char(before.back())) ||
                    (!after.empty() && is_word_char(after.front())))
                    continue;
            }
            match = &t;
            break;
        }
        if (!match) {
            ++i;
            continue;
        }
        // lstrip / rstrip: the token swallows the whitespace next to it.
        std::size_t text_end = i;
        if (match->lstrip) {
            std::u32string before = decode_utf8(text.substr(seg_start, i - seg_start));
            while (!before.empty() && is_white_space(before.back()))
                before.pop_back();
            text_end = seg_start + encode_utf8(before).size();
        }
        push_text(seg_start, text_end);
        Segment token;
        token.is_added_token = true;
        token.token_id = match->id;
        segments.push_back(token);
        i += match->content.size();
        if (match->rstrip) {
            const std::u32string after = decode_utf8(text.substr(i));
            std::size_t n = 0;
            while (n < after.size() && is_white_space(after[n]))
                ++n;
            i += encode_utf8(after.substr(0, n)).size();
        }
        seg_start = i;
    }
    push_text(seg_start, text.size());
    return segments;
}

std::string Tokenizer::normalize(std::string_view segment) const {
    std::string s(segment);
    for (const NormalizerStep& step : spec_.normalizer) {
        switch (step.kind) {
            case NormalizerStep::Kind::Precompiled:
                s = model_->normalize(s);
                break;
            case NormalizerStep::Kind::Replace: {
                std::string out;
                if (step.pattern_min_repeat > 0) {
                    // Runs of at least n copies of one character.
                    const std::string& c = step.pattern;
                    std::size_t pos = 0;
                    while (pos < s.size()) {
                        std::size_t run = 0;
                        while (s.compare(pos + run * c.size(), c.size(), c) == 0)
                            ++run;
                        if (run >= static_cast<std::size_t>(step.pattern_min_repeat)) {
                            out += step.content;
                            pos += run * c.size();
                        } else if (run > 0) {
                            out.append(s, pos, run * c.size());
                            pos += run * c.size();
                        } else {
                            out.push_back(s[pos++]);
                        }
                    }
                } else {
                    std::size_t pos = 0;
                    for (std::size_t hit; (hit = s.find(step.pattern, pos)) != std::string::npos;
                         pos = hit + step.pattern.size()) {
                        out.append(s, pos, hit - pos);
                        out += step.content;
                    }
                    out.append(s, pos, std::string::npos);
                }
                s = std::move(out);
                break;
            }
            case NormalizerStep::Kind::Strip: {
                std::u32string t = decode_utf8(s);
                std::size_t begin = 0, end = t.size();
                if (step.strip_left)
                    while (begin < end && is_white_space(t[begin]))
                        ++begin;
                if (step.strip_right)
                    while (end > begin && is_white_space(t[end - 1]))
                        --end;
                s = encode_utf8(std::u32string_view(t).substr(begin, end - begin));
                break;
            }
        }
    }
    return s;
}

std::vector<std::string> Tokenizer::pre_tokenize(std::string normalized, bool at_start) const {
    struct Piece {
        std::u32string text;
        bool first;  // starts at offset 0 of the whole input
    };
    std::vector<Piece> pieces;
    if (!normalized.empty()) pieces.push_back({decode_utf8(normalized), at_start});
    for (const PreTokenizerStep& step : spec_.pre_tokenizer) {
        std::vector<Piece> next;
        if (step.kind == PreTokenizerStep::Kind::WhitespaceSplit) {
            for (const Piece& p : pieces) {
                std::size_t i = 0;
                while (i < p.text.size()) {
                    while (i < p.text.size() && is_white_space(p.text[i]))
                        ++i;
                    const std::size_t begin = i;
                    while (i < p.text.size() && !is_white_space(p.text[i]))
                        ++i;
                    if (i > begin)
                        next.push_back({p.text.substr(begin, i - begin), p.first && begin == 0});
                }
            }
        } else {
            const char32_t rep = decode_utf8(step.replacement)[0];
            for (Piece p : pieces) {
                std::replace(p.text.begin(), p.text.end(), U' ', rep);
                const bool prepend = step.prepend == PreTokenizerStep::Prepend::Always ||
                                     (step.prepend == PreTokenizerStep::Prepend::First && p.first);
                if (prepend && (p.text.empty() || p.text[0] != rep))
                    p.text.insert(p.text.begin(), rep);
                if (!step.split) {
                    next.push_back(p);
                    continue;
                }
                // Split before every replacement character, which stays with the word after it.
                std::size_t begin = 0;
                for (std::size_t k = 1; k <= p.text.size(); ++k) {
                    if (k == p.text.size() || p.text[k] == rep) {
                        next.push_back({p.text.substr(begin, k - begin), p.first && begin == 0});
                        begin = k;
                    }
                }
            }
        }
        pieces = std::move(next);
    }
    std::vector<std::string> words;
    for (const Piece& p : pieces) {
        if (!p.text.empty()) words.push_back(encode_utf8(p.text));
    }
    return words;
}

void Tokenizer::encode_word(const std::string& word, std::vector<int64_t>& out) const {
    const std::vector<int> ids = model_->encode(word, SpmEncodeMode::Raw);
    const bool bytes_to_unk = !spec_.byte_fallback && model_has_byte_pieces_;
    const std::size_t word_start = out.size();  // unknowns are fused within a word only
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (bytes_to_unk && model_->piece_type(ids[i]) == SpmPieceType::Byte) {
            // A run of byte pieces spells unknown characters: one unk (or one per character).
            std::size_t j = i;
            int64_t characters = 0;
            while (j < ids.size() && model_->piece_type(ids[j]) == SpmPieceType::Byte) {
                const int b = byte_piece_value(model_->id_to_piece(ids[j]));
                if (b >= 0 && (b & 0xC0) != 0x80) ++characters;
                ++j;
            }
            const int64_t count = spec_.fuse_unk ? 1 : std::max<int64_t>(characters, 1);
            for (int64_t k = 0; k < count; ++k)
                out.push_back(unk_id_);
            i = j - 1;
            continue;
        }
        const int64_t id = ids[i];
        if (spec_.fuse_unk && id == unk_id_ && out.size() > word_start && out.back() == unk_id_)
            continue;
        out.push_back(id);
    }
}

std::vector<int64_t> Tokenizer::encode_ids(std::string_view text) const {
    std::vector<int64_t> ids;
    for (const Segment& segment : split_added_tokens(text)) {
        if (segment.is_added_token) {
            ids.push_back(segment.token_id);
            continue;
        }
        for (const std::string& word : pre_tokenize(normalize(segment.text), segment.at_start)) {
            encode_word(word, ids);
        }
    }
    return ids;
}

Encoding Tokenizer::encode(std::string_view text, const TokenizeOptions& options) const {
    std::vector<int64_t> body = encode_ids(text);
    const std::vector<int>& prefix =
        options.add_special_tokens ? spec_.prefix_ids : std::vector<int>{};
    const std::vector<int>& suffix =
        options.add_special_tokens ? spec_.suffix_ids : std::vector<int>{};
    const int64_t n_special = static_cast<int64_t>(prefix.size() + suffix.size());

    Encoding e;
    e.untruncated_length = static_cast<int64_t>(body.size()) + n_special;
    if (options.truncation && e.untruncated_length > options.max_length) {
        if (options.max_length < n_special)
            throw Error("max_length " + std::to_string(options.max_length) +
                        " leaves no room for the " + std::to_string(n_special) + " special tokens");
        body.resize(static_cast<std::size_t>(options.max_length - n_special));
    }
    e.ids.assign(prefix.begin(), prefix.end());
    e.ids.insert(e.ids.end(), body.begin(), body.end());
    e.ids.insert(e.ids.end(), suffix.begin(), suffix.end());
    e.length = static_cast<int64_t>(e.ids.size());
    e.attention_mask.assign(e.ids.size(), 1);
    if (options.pad_to_max_length && e.length < options.max_length) {
        e.ids.resize(static_cast<std::size_t>(options.max_length), pad_id_);
        e.attention_mask.resize(static_cast<std::size_t>(options.max_length), 0);
    }
    return e;
}

std::vector<Encoding> Tokenizer::encode_batch(const std::vector<std::string>& texts,
                                              const TokenizeOptions& options) const {
    std::vector<Encoding> out;
    out.reserve(texts.size());
    for (const std::string& t : texts)
        out.push_back(encode(t, options));
    return out;
}

TokenCount Tokenizer::count_tokens(std::string_view text, int64_t max_length) const {
    TokenCount count;
    count.characters = count_code_points(text);
    count.tokens = static_cast<int64_t>(encode_ids(text).size() + spec_.prefix_ids.size() +
                                        spec_.suffix_ids.size());
    count.max_length = max_length;
    return count;
}

std::optional<int64_t> Tokenizer::token_to_id(std::string_view token) const {
    if (auto it = added_by_content_.find(std::string(token)); it != added_by_content_.end())
        return it->second;
    if (auto id = model_->piece_to_id(token)) return *id;
    return std::nullopt;
}

int64_t Tokenizer::require_token_id(std::string_view token) const {
    if (auto id = token_to_id(token)) return *id;
    throw Error("the tokenizer has no token " + std::string(token));
}

std::string Tokenizer::id_to_token(int64_t id) const {
    if (auto it = added_by_id_.find(id); it != added_by_id_.end()) return it->second;
    if (id < 0 || id >= model_->vocab_size())
        throw Error("token id " + std::to_string(id) + " is outside the tokenizer's vocabulary");
    return model_->id_to_piece(static_cast<int>(id));
}

int64_t Tokenizer::extra_id(int n) const {
    const std::string name = "<extra_id_" + std::to_string(n) + ">";
    if (auto id = token_to_id(name)) return *id;
    throw Error("the tokenizer has no sentinel token " + name +
                " (neither an added token nor a piece of " + model_->model_path().string() + ")");
}

int64_t Tokenizer::vocab_size() const {
    int64_t n = model_->vocab_size();
    for (const auto& [id, content] : added_by_id_)
        n = std::max(n, id + 1);
    return n;
}

}  // namespace nava::text
