#include "inference/text/speaker_placeholders.h"

#include <cstdint>

#include "inference/text/utf8.h"

namespace nava::text {

VoiceBindingError::VoiceBindingError(int64_t n_placeholders, int64_t n_voices)
    : Error(std::to_string(n_placeholders) + " speech spans but " + std::to_string(n_voices) +
            " reference voices: give one voice per speech span, or a single voice for all of "
            "them"),
      n_placeholders_(n_placeholders),
      n_voices_(n_voices) {}

std::vector<int64_t> VoiceRows::zero_rows() const {
    std::vector<int64_t> rows;
    for (std::size_t i = 0; i < zero_row.size(); ++i) {
        if (zero_row[i]) rows.push_back(static_cast<int64_t>(i));
    }
    return rows;
}

VoiceRows resolve_voice_rows(const std::vector<bool>& recording_usable, MissingVoicePolicy policy) {
    VoiceRows rows;
    for (std::size_t i = 0; i < recording_usable.size(); ++i) {
        if (!recording_usable[i] && policy == MissingVoicePolicy::Drop) continue;
        rows.ref_for_row.push_back(static_cast<int64_t>(i));
        rows.zero_row.push_back(!recording_usable[i]);
    }
    return rows;
}

VoiceBinding bind_voices(int64_t n_placeholders, int64_t n_voices) {
    if (n_placeholders < 0 || n_voices < 0)
        throw Error("bind_voices: negative count (" + std::to_string(n_placeholders) + ", " +
                    std::to_string(n_voices) + ")");
    VoiceBinding b;
    if (n_voices == 0) return b;  // no voice tensor: nothing is replaced, no warning
    b.injected = true;
    if (n_voices != n_placeholders) {
        b.count_mismatch = true;
        if (n_voices > 1 && n_voices < n_placeholders)
            throw VoiceBindingError(n_placeholders, n_voices);
        if (n_placeholders == 0) {
            b.warnings.push_back(std::to_string(n_voices) +
                                 " reference voices but no speech span: the voices are unused");
        } else if (n_voices == 1) {
            b.warnings.push_back("1 reference voice for " + std::to_string(n_placeholders) +
                                 " speech spans: the same voice speaks every span");
        } else {
            b.warnings.push_back(std::to_string(n_voices) + " reference voices for " +
                                 std::to_string(n_placeholders) + " speech spans: the last " +
                                 std::to_string(n_voices - n_placeholders) + " voices are unused");
        }
    }
    b.voice_for_placeholder.resize(static_cast<std::size_t>(n_placeholders));
    for (int64_t k = 0; k < n_placeholders; ++k)
        b.voice_for_placeholder[static_cast<std::size_t>(k)] = (n_voices == 1) ? 0 : k;
    return b;
}

std::vector<PlaceholderRow> bind_voice_rows(const std::vector<std::vector<int64_t>>& positions,
                                            int64_t text_len, int64_t n_voices,
                                            VoiceBinding* binding) {
    std::vector<PlaceholderRow> rows;
    for (std::size_t b = 0; b < positions.size(); ++b) {
        for (int64_t pos : positions[b]) {
            if (pos < 0 || pos >= text_len)
                throw Error("placeholder position " + std::to_string(pos) + " of sample " +
                            std::to_string(b) + " is outside the text length " +
                            std::to_string(text_len));
            PlaceholderRow row;
            row.sample = static_cast<int64_t>(b);
            row.position = pos;
            row.context_row = static_cast<int64_t>(b) * text_len + pos;
            rows.push_back(row);
        }
    }
    VoiceBinding result = bind_voices(static_cast<int64_t>(rows.size()), n_voices);
    if (!result.injected) rows.clear();
    for (std::size_t k = 0; k < rows.size(); ++k)
        rows[k].voice_row = result.voice_for_placeholder[k];
    if (binding) *binding = std::move(result);
    return rows;
}

std::vector<int64_t> find_placeholder_positions(const std::vector<int64_t>& ids, int64_t seq_len,
                                                int64_t placeholder_id) {
    std::vector<int64_t> positions;
    const int64_t n = std::min<int64_t>(seq_len, static_cast<int64_t>(ids.size()));
    for (int64_t i = 0; i < n; ++i) {
        if (ids[static_cast<std::size_t>(i)] == placeholder_id) positions.push_back(i);
    }
    return positions;
}

void bind_voices_to_spans(std::vector<SpeechSpan>& spans, const VoiceBinding& binding) {
    for (std::size_t k = 0; k < spans.size(); ++k) {
        spans[k].speaker_index = (binding.injected && k < binding.voice_for_placeholder.size())
                                     ? binding.voice_for_placeholder[k]
                                     : -1;
    }
}

TokenizedPrompt tokenize_prompt(const ProcessedPrompt& prompt, const Tokenizer& tokenizer,
                                const TokenizeOptions& options) {
    TokenizedPrompt out;
    out.encoding = tokenizer.encode(prompt.tokenizer_input, options);
    const int64_t placeholder_id = tokenizer.require_token_id(kSpeakerPlaceholder);
    out.placeholder_positions =
        find_placeholder_positions(out.encoding.ids, out.encoding.length, placeholder_id);
    const int64_t lost =
        prompt.placeholder_count() - static_cast<int64_t>(out.placeholder_positions.size());
    if (lost > 0) {
        out.warnings.push_back({"the prompt is longer than " + std::to_string(options.max_length) +
                                    " tokens: the last " + std::to_string(lost) +
                                    " speech span(s) were cut off and get no voice",
                                -1});
    }
    return out;
}

TokenCount count_prompt_tokens(std::string_view prompt, const Tokenizer& tokenizer,
                               const PromptOptions& options, int64_t max_length) {
    TokenCount count =
        tokenizer.count_tokens(process_prompt(prompt, options).tokenizer_input, max_length);
    count.characters = count_code_points(prompt);
    return count;
}

}  // namespace nava::text
