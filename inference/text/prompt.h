// Prompt processing before tokenization, as the reference does it (NAVA's T2AV/T2A datasets and
// Gradio engine), plus the checks the studio needs to point at mistakes.
//
// Speech is written inline as "<S>spoken words<E>". Steps:
//   1. every "<S>" becomes "<S><extra_id_2>" (the speaker placeholder; at inference always,
//      even without a reference voice);
//   2. optionally (data.use_speech_special_token, off in every shipped config) "<S>" becomes
//      "<extra_id_0>" and "<E>" becomes "<extra_id_1>";
//   3. the text is cleaned (text_clean.h) into the exact tokenizer input.
// The k-th speech span is spoken by the k-th reference voice (speaker_placeholders.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "inference/core/error.h"

namespace nava::text {

inline constexpr std::string_view kSpeechOpen = "<S>";
inline constexpr std::string_view kSpeechClose = "<E>";
inline constexpr std::string_view kSpeakerPlaceholder = "<extra_id_2>";
inline constexpr std::string_view kSpeechOpenToken = "<extra_id_0>";
inline constexpr std::string_view kSpeechCloseToken = "<extra_id_1>";

// A malformed prompt; char_position() is the code-point offset in the prompt the user typed
// (-1 when the problem has no single place).
class PromptError : public Error {
public:
    PromptError(const std::string& message, int64_t char_position)
        : Error(message), char_position_(char_position) {}
    int64_t char_position() const { return char_position_; }

private:
    int64_t char_position_ = -1;
};

struct PromptWarning {
    std::string message;
    int64_t char_position = -1;  // code-point offset in the prompt, -1 when not about a place
};

// One "<S>…<E>" span of the prompt (offsets in code points of the prompt as typed).
struct SpeechSpan {
    int64_t index = 0;            // k: the k-th span binds to the k-th reference voice
    int64_t open_char = 0;        // where "<S>" starts
    int64_t close_char = 0;       // where "<E>" starts (= end of the spoken text)
    int64_t text_begin_char = 0;  // first character of the spoken text (open_char + 3)
    std::string text;             // the spoken words, as typed
    int64_t speaker_index = -1;   // bound voice (set by bind_voices_to_spans), -1 = none
};

enum class SpeechMarkers {
    PlainText,      // "<S>" / "<E>" stay ordinary text for the tokenizer (shipped configs)
    SpecialTokens,  // "<S>" -> "<extra_id_0>", "<E>" -> "<extra_id_1>"
};

enum class PlaceholderPolicy {
    Always,            // inference (T2AV/T2A datasets, Gradio engine): every "<S>"
    WhenSpeechMarked,  // training with add_spk_emb: only when both "<S>" and "<E>" occur
    Never,
};

enum class SpanValidation {
    Strict,   // unbalanced or nested markers throw PromptError
    Lenient,  // ... are reported as warnings (the reference itself never checks)
};

struct PromptOptions {
    SpeechMarkers markers = SpeechMarkers::PlainText;
    PlaceholderPolicy placeholders = PlaceholderPolicy::Always;
    SpanValidation validation = SpanValidation::Strict;
};

struct ProcessedPrompt {
    std::string input;                              // as typed
    std::vector<SpeechSpan> spans;                  // well-formed spans, in order
    std::string processed_caption;                  // after steps 1-2
    std::string tokenizer_input;                    // after cleaning: what the tokenizer gets
    std::vector<int64_t> placeholder_char_offsets;  // "<extra_id_2>" in tokenizer_input
    std::vector<PromptWarning> warnings;

    int64_t placeholder_count() const {
        return static_cast<int64_t>(placeholder_char_offsets.size());
    }
};

// The "<S>…<E>" spans of a prompt. Strict: throws PromptError for "<E>" without "<S>", "<S>"
// inside a span, or a span never closed, naming the character position. Lenient: reports
// those as warnings and keeps the well-formed spans. Empty spans are always a warning.
std::vector<SpeechSpan> parse_speech_spans(std::string_view prompt, SpanValidation validation,
                                           std::vector<PromptWarning>* warnings = nullptr);

// Step 1: every "<S>" -> "<S><extra_id_2>".
std::string insert_speaker_placeholders(std::string_view caption);
// Step 2: "<S>" -> "<extra_id_0>", "<E>" -> "<extra_id_1>".
std::string apply_speech_special_tokens(std::string_view caption);
// Training: a TTS-only transcript without markers is spoken text as a whole.
std::string wrap_as_speech(std::string_view transcript);

// Steps 1-3 with the checks above.
ProcessedPrompt process_prompt(std::string_view prompt, const PromptOptions& options = {});

// Code-point offsets of every occurrence of `needle` in `text` (non-overlapping, in order).
std::vector<int64_t> find_char_offsets(std::string_view text, std::string_view needle);

// Training data: the per-span speech start/end times must match the span count.
void check_speech_timing(const std::vector<SpeechSpan>& spans, std::size_t n_starts,
                         std::size_t n_ends);

}  // namespace nava::text
