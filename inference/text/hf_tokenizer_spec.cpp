#include "inference/text/hf_tokenizer_spec.h"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/text/utf8.h"

namespace nava::text {

namespace {

using nlohmann::json;

[[noreturn]] void unsupported(const std::string& source, const std::string& what) {
    throw FormatError(source + ": unsupported tokenizer component " + what +
                      " (this engine implements the T5/umT5 pipeline: Precompiled/Replace/Strip "
                      "normalisers, Metaspace/WhitespaceSplit pre-tokenisers, Unigram model)");
}

std::string type_of(const json& j) {
    return (j.is_object() && j.contains("type") && j["type"].is_string())
               ? j["type"].get<std::string>()
               : std::string("<no type>");
}

bool get_bool(const json& j, const char* key, bool fallback) {
    return (j.contains(key) && j[key].is_boolean()) ? j[key].get<bool>() : fallback;
}

void parse_normalizer(const json& j, const std::string& source,
                      std::vector<NormalizerStep>& steps) {
    if (j.is_null()) return;
    const std::string type = type_of(j);
    if (type == "Sequence") {
        for (const json& n : j.at("normalizers"))
            parse_normalizer(n, source, steps);
        return;
    }
    NormalizerStep step;
    if (type == "Precompiled") {
        step.kind = NormalizerStep::Kind::Precompiled;
    } else if (type == "Strip") {
        step.kind = NormalizerStep::Kind::Strip;
        step.strip_left = get_bool(j, "strip_left", false);
        step.strip_right = get_bool(j, "strip_right", false);
    } else if (type == "Replace") {
        step.kind = NormalizerStep::Kind::Replace;
        step.content = j.at("content").get<std::string>();
        const json& pattern = j.at("pattern");
        if (pattern.contains("String")) {
            step.pattern = pattern["String"].get<std::string>();
            if (step.pattern.empty()) unsupported(source, "Replace with an empty pattern");
        } else if (pattern.contains("Regex")) {
            // Only "C{n,}" and "C+" for one literal character C (T5 uses " {2,}").
            const std::string regex = pattern["Regex"].get<std::string>();
            const std::u32string r = decode_utf8(regex);
            const auto is_meta = [](char32_t c) {
                return std::u32string_view(U"\\.^$|?*+()[]{}").find(c) != std::u32string::npos;
            };
            if (r.size() == 2 && r[1] == U'+' && !is_meta(r[0])) {
                step.pattern_min_repeat = 1;
            } else if (r.size() >= 5 && !is_meta(r[0]) && r[1] == U'{' && r[r.size() - 2] == U',' &&
                       r.back() == U'}') {
                int n = 0;
                for (std::size_t i = 2; i + 2 < r.size(); ++i) {
                    if (r[i] < U'0' || r[i] > U'9') unsupported(source, "Replace regex " + regex);
                    n = n * 10 + static_cast<int>(r[i] - U'0');
                }
                if (n < 1) unsupported(source, "Replace regex " + regex);
                step.pattern_min_repeat = n;
            } else {
                unsupported(source, "Replace regex " + regex);
            }
            step.pattern = encode_utf8(r.substr(0, 1));
        } else {
            unsupported(source, "Replace without a pattern");
        }
    } else {
        unsupported(source, "normalizer " + type);
    }
    steps.push_back(step);
}

void parse_pre_tokenizer(const json& j, const std::string& source,
                         std::vector<PreTokenizerStep>& steps) {
    if (j.is_null()) return;
    const std::string type = type_of(j);
    if (type == "Sequence") {
        for (const json& p : j.at("pretokenizers"))
            parse_pre_tokenizer(p, source, steps);
        return;
    }
    PreTokenizerStep step;
    if (type == "WhitespaceSplit") {
        step.kind = PreTokenizerStep::Kind::WhitespaceSplit;
    } else if (type == "Metaspace") {
        step.kind = PreTokenizerStep::Kind::Metaspace;
        if (j.contains("replacement")) step.replacement = j["replacement"].get<std::string>();
        if (decode_utf8(step.replacement).size() != 1)
            unsupported(source, "Metaspace replacement of more than one character");
        step.prepend = get_bool(j, "add_prefix_space", true) ? PreTokenizerStep::Prepend::Always
                                                             : PreTokenizerStep::Prepend::Never;
        if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) {
            const std::string scheme = j["prepend_scheme"].get<std::string>();
            if (scheme == "always")
                step.prepend = PreTokenizerStep::Prepend::Always;
            else if (scheme == "first")
                step.prepend = PreTokenizerStep::Prepend::First;
            else if (scheme == "never")
                step.prepend = PreTokenizerStep::Prepend::Never;
            else
                unsupported(source, "Metaspace prepend_scheme " + scheme);
        }
        step.split = get_bool(j, "split", true);
    } else {
        unsupported(source, "pre_tokenizer " + type);
    }
    steps.push_back(step);
}

void parse_post_processor(const json& j, const std::string& source, HfTokenizerSpec& spec) {
    if (j.is_null()) return;
    const std::string type = type_of(j);
    if (type != "TemplateProcessing") unsupported(source, "post_processor " + type);
    const json& special = j.contains("special_tokens") ? j["special_tokens"] : json::object();
    bool after_sequence = false;
    for (const json& item : j.at("single")) {
        if (item.contains("Sequence")) {
            if (item["Sequence"].value("id", "A") != "A")
                unsupported(source, "post_processor template without $A");
            after_sequence = true;
        } else if (item.contains("SpecialToken")) {
            const std::string name = item["SpecialToken"].at("id").get<std::string>();
            if (!special.contains(name))
                throw FormatError(source + ": post_processor uses special token " + name +
                                  " without defining its ids");
            for (const json& id : special[name].at("ids")) {
                (after_sequence ? spec.suffix_ids : spec.prefix_ids).push_back(id.get<int>());
            }
        } else {
            unsupported(source, "post_processor template item " + item.dump());
        }
    }
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw IoError("cannot open " + path.string());
    std::string text(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
        throw IoError("cannot read " + path.string());
    return text;
}

// Index one past the end of the string literal starting at text[i] == '"'.
std::size_t skip_string(const std::string& text, std::size_t i) {
    for (++i; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return text.size();
}

// Index one past the end of the JSON value starting at text[i].
std::size_t skip_value(const std::string& text, std::size_t i) {
    if (i >= text.size()) return i;
    if (text[i] == '"') return skip_string(text, i);
    if (text[i] == '[' || text[i] == '{') {
        int depth = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '"') {
                i = skip_string(text, i);
                continue;
            }
            if (c == '[' || c == '{') ++depth;
            if ((c == ']' || c == '}') && --depth == 0) return i + 1;
            ++i;
        }
        return i;
    }
    while (i < text.size() &&
           std::string_view(",}] \t\r\n").find(text[i]) == std::string_view::npos)
        ++i;
    return i;
}

// The JSON text with the values of "vocab", "merges" and "precompiled_charsmap" replaced by
// null: the sentencepiece model file provides them, and umT5's vocabulary (256k entries) would
// otherwise dominate the parse time and memory. Malformed text is passed on for the JSON parser
// to report.
std::string without_large_tables(const std::string& text) {
    std::string out;
    out.reserve(text.size() / 8);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '"') {
            out.push_back(text[i++]);
            continue;
        }
        const std::size_t end = skip_string(text, i);
        const std::string_view name(text.data() + i + 1, end > i + 1 ? end - i - 2 : 0);
        out.append(text, i, end - i);
        i = end;
        std::size_t k = i;
        while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])))
            ++k;
        if (k < text.size() && text[k] == ':' &&
            (name == "vocab" || name == "merges" || name == "precompiled_charsmap")) {
            ++k;
            while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k])))
                ++k;
            out += ":null";
            i = skip_value(text, k);
        }
    }
    return out;
}

}  // namespace

HfTokenizerSpec read_hf_tokenizer_json(const std::filesystem::path& path) {
    const std::string source = path.string();

    json root;
    try {
        root = json::parse(without_large_tables(read_text_file(path)));
    } catch (const json::exception& e) {
        throw FormatError(source + ": not valid JSON (" + e.what() + ")");
    }

    HfTokenizerSpec spec;
    spec.source = source;
    try {
        if (root.contains("added_tokens")) {
            for (const json& t : root["added_tokens"]) {
                AddedToken token;
                token.id = t.at("id").get<int>();
                token.content = t.at("content").get<std::string>();
                token.special = get_bool(t, "special", true);
                token.lstrip = get_bool(t, "lstrip", false);
                token.rstrip = get_bool(t, "rstrip", false);
                token.single_word = get_bool(t, "single_word", false);
                token.normalized = get_bool(t, "normalized", false);
                spec.added_tokens.push_back(token);
            }
        }
        parse_normalizer(root.value("normalizer", json()), source, spec.normalizer);
        parse_pre_tokenizer(root.value("pre_tokenizer", json()), source, spec.pre_tokenizer);
        parse_post_processor(root.value("post_processor", json()), source, spec);

        const json& model = root.at("model");
        if (type_of(model) != "Unigram") unsupported(source, "model " + type_of(model));
        if (model.contains("unk_id") && model["unk_id"].is_number_integer())
            spec.unk_id = model["unk_id"].get<int>();
        spec.byte_fallback = get_bool(model, "byte_fallback", false);
        spec.fuse_unk = get_bool(model, "fuse_unk", true);
    } catch (const json::exception& e) {
        throw FormatError(source + ": unexpected tokenizer layout (" + e.what() + ")");
    }
    return spec;
}

std::vector<AddedToken> read_added_tokens_from_tokenizer_config(const std::filesystem::path& path,
                                                                int sp_vocab_size) {
    const std::string text = read_text_file(path);
    std::vector<AddedToken> tokens;
    try {
        const json root = json::parse(text);
        if (root.contains("added_tokens_decoder") && root["added_tokens_decoder"].is_object()) {
            for (const auto& [id, t] : root["added_tokens_decoder"].items()) {
                AddedToken token;
                token.id = std::stoi(id);
                token.content = t.at("content").get<std::string>();
                token.special = get_bool(t, "special", true);
                token.lstrip = get_bool(t, "lstrip", false);
                token.rstrip = get_bool(t, "rstrip", false);
                token.single_word = get_bool(t, "single_word", false);
                token.normalized = get_bool(t, "normalized", false);
                tokens.push_back(token);
            }
            return tokens;
        }
        const int extra_ids = root.value("extra_ids", 0);
        for (int i = 0; i < extra_ids; ++i) {
            AddedToken token;
            token.id = sp_vocab_size + extra_ids - 1 - i;
            token.content = "<extra_id_" + std::to_string(i) + ">";
            tokens.push_back(token);
        }
    } catch (const std::exception& e) {
        throw FormatError(path.string() + ": unexpected tokenizer_config layout (" + e.what() +
                          ")");
    }
    return tokens;
}

HfTokenizerSpec default_t5_tokenizer_spec() {
    HfTokenizerSpec spec;
    spec.source = "default T5 tokenizer pipeline";
    NormalizerStep precompiled;
    precompiled.kind = NormalizerStep::Kind::Precompiled;
    NormalizerStep collapse;
    collapse.kind = NormalizerStep::Kind::Replace;
    collapse.pattern = " ";
    collapse.pattern_min_repeat = 2;
    collapse.content = " ";
    spec.normalizer = {precompiled, collapse};
    spec.pre_tokenizer = {PreTokenizerStep{}};
    return spec;
}

}  // namespace nava::text
