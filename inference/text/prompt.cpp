#include "inference/text/prompt.h"

#include <cstdint>

#include "inference/text/text_clean.h"
#include "inference/text/utf8.h"

namespace nava::text {

namespace {

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    for (std::size_t hit; (hit = text.find(from, pos)) != std::string_view::npos;
         pos = hit + from.size()) {
        out.append(text, pos, hit - pos);
        out.append(to);
    }
    out.append(text.substr(pos));
    return out;
}

std::string quote(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

}  // namespace

std::vector<int64_t> find_char_offsets(std::string_view text, std::string_view needle) {
    std::vector<int64_t> offsets;
    if (needle.empty()) return offsets;
    for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
         pos = text.find(needle, pos + needle.size())) {
        offsets.push_back(code_point_index(text, pos));
    }
    return offsets;
}

std::vector<SpeechSpan> parse_speech_spans(std::string_view prompt, SpanValidation validation,
                                           std::vector<PromptWarning>* warnings) {
    const auto problem = [&](const std::string& message, int64_t char_position) {
        if (validation == SpanValidation::Strict) throw PromptError(message, char_position);
        if (warnings) warnings->push_back({message, char_position});
    };

    std::vector<SpeechSpan> spans;
    bool open = false;
    std::size_t open_byte = 0;
    std::size_t pos = 0;
    while (pos < prompt.size()) {
        const bool at_open = prompt.compare(pos, kSpeechOpen.size(), kSpeechOpen) == 0;
        const bool at_close = prompt.compare(pos, kSpeechClose.size(), kSpeechClose) == 0;
        if (!at_open && !at_close) {
            ++pos;
            continue;
        }
        const int64_t char_pos = code_point_index(prompt, pos);
        if (at_open) {
            if (open) {
                problem("speech marker " + quote(kSpeechOpen) + " at character " +
                            std::to_string(char_pos) +
                            " opens a span inside the span opened at "
                            "character " +
                            std::to_string(code_point_index(prompt, open_byte)) +
                            "; close it with " + quote(kSpeechClose) + " first",
                        char_pos);
            }
            // Lenient: a second "<S>" restarts the span (the unclosed one is dropped).
            open = true;
            open_byte = pos;
            pos += kSpeechOpen.size();
            continue;
        }
        if (!open) {
            problem("speech marker " + quote(kSpeechClose) + " at character " +
                        std::to_string(char_pos) + " closes no span (no " + quote(kSpeechOpen) +
                        " before it)",
                    char_pos);
            pos += kSpeechClose.size();
            continue;
        }
        SpeechSpan span;
        span.index = static_cast<int64_t>(spans.size());
        span.open_char = code_point_index(prompt, open_byte);
        span.text_begin_char = span.open_char + static_cast<int64_t>(kSpeechOpen.size());
        span.close_char = char_pos;
        const std::size_t text_begin = open_byte + kSpeechOpen.size();
        span.text = std::string(prompt.substr(text_begin, pos - text_begin));
        if (collapse_whitespace(decode_utf8(span.text)).empty() && warnings) {
            warnings->push_back({"speech span " + std::to_string(span.index + 1) +
                                     " at character " + std::to_string(span.open_char) +
                                     " has no spoken words",
                                 span.open_char});
        }
        spans.push_back(std::move(span));
        open = false;
        pos += kSpeechClose.size();
    }
    if (open) {
        const int64_t char_pos = code_point_index(prompt, open_byte);
        problem("speech marker " + quote(kSpeechOpen) + " at character " +
                    std::to_string(char_pos) + " is never closed with " + quote(kSpeechClose),
                char_pos);
    }
    return spans;
}

std::string insert_speaker_placeholders(std::string_view caption) {
    return replace_all(caption, kSpeechOpen,
                       std::string(kSpeechOpen) + std::string(kSpeakerPlaceholder));
}

std::string apply_speech_special_tokens(std::string_view caption) {
    return replace_all(replace_all(caption, kSpeechOpen, kSpeechOpenToken), kSpeechClose,
                       kSpeechCloseToken);
}

std::string wrap_as_speech(std::string_view transcript) {
    return std::string(kSpeechOpen) + std::string(transcript) + std::string(kSpeechClose);
}

ProcessedPrompt process_prompt(std::string_view prompt, const PromptOptions& options) {
    ProcessedPrompt out;
    out.input = std::string(prompt);
    decode_utf8(prompt);  // reject invalid UTF-8 up front, with its byte offset
    out.spans = parse_speech_spans(prompt, options.validation, &out.warnings);

    // Text that already spells a reserved sentinel acts as one for the model.
    for (const std::string_view reserved :
         {kSpeakerPlaceholder, kSpeechOpenToken, kSpeechCloseToken}) {
        for (int64_t offset : find_char_offsets(prompt, reserved)) {
            out.warnings.push_back({"the prompt contains the reserved token " + quote(reserved) +
                                        " at character " + std::to_string(offset) +
                                        "; the model reads it as a control token",
                                    offset});
        }
    }

    // 1. Speaker placeholders.
    bool insert = false;
    switch (options.placeholders) {
        case PlaceholderPolicy::Always:
            insert = true;
            break;
        case PlaceholderPolicy::WhenSpeechMarked:
            insert = prompt.find(kSpeechOpen) != std::string_view::npos &&
                     prompt.find(kSpeechClose) != std::string_view::npos;
            break;
        case PlaceholderPolicy::Never:
            insert = false;
            break;
    }
    out.processed_caption = insert ? insert_speaker_placeholders(prompt) : std::string(prompt);

    // 2. Optional special-token markers.
    if (options.markers == SpeechMarkers::SpecialTokens)
        out.processed_caption = apply_speech_special_tokens(out.processed_caption);

    // 3. Cleaning, then where the placeholders ended up.
    out.tokenizer_input = clean_prompt_text(out.processed_caption);
    out.placeholder_char_offsets = find_char_offsets(out.tokenizer_input, kSpeakerPlaceholder);
    return out;
}

void check_speech_timing(const std::vector<SpeechSpan>& spans, std::size_t n_starts,
                         std::size_t n_ends) {
    if (n_starts != spans.size() || n_ends != spans.size()) {
        throw PromptError("the caption has " + std::to_string(spans.size()) + " speech spans but " +
                              std::to_string(n_starts) + " speech start times and " +
                              std::to_string(n_ends) + " end times; they must match one to one",
                          -1);
    }
}

}  // namespace nava::text
