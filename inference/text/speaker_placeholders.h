// Where the speaker placeholders are after tokenization, and which reference voice each one
// gets. The row replacement itself (SpkToken MLP, overwriting context rows) belongs to the DiT.
//
// Reference rule (NAVA's context injection): placeholder positions of all samples of a batch
// are flattened in order (row b * text_len + pos), voice rows of all samples are concatenated
// in order, and then
//   * no voice rows at all        -> nothing is replaced (the placeholders keep the plain T5
//                                    embedding of <extra_id_2>);
//   * equal counts                -> the k-th placeholder gets the k-th voice;
//   * counts differ               -> the reference prints a warning and uses the first
//                                    n_placeholders voice rows: extra voices are dropped, a
//                                    single voice is broadcast to every placeholder, and 2+
//                                    voices for more placeholders fail (a shape error there, a
//                                    VoiceBindingError here).
// A placeholder cut off by truncation to 512 tokens simply disappears.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "inference/core/error.h"
#include "inference/text/prompt.h"
#include "inference/text/tokenizer.h"

namespace nava::text {

// What happens to a reference recording that cannot be read.
enum class MissingVoicePolicy {
    ZeroRow,  // T2AV dataset: an all-zero embedding row (the speaker token becomes null_token)
    Drop,     // Gradio engine: the recording is left out, so later voices move up
};

// The voice rows that reach the model for a list of reference recordings.
struct VoiceRows {
    std::vector<int64_t> ref_for_row;  // recording index of each row
    std::vector<bool> zero_row;        // the row is all zeros (missing recording)

    int64_t count() const { return static_cast<int64_t>(ref_for_row.size()); }
    std::vector<int64_t> zero_rows() const;  // indices of all-zero rows
};

VoiceRows resolve_voice_rows(const std::vector<bool>& recording_usable, MissingVoicePolicy policy);

// 2 or more voices for more speech spans than voices: the user must add voices or use one.
class VoiceBindingError : public Error {
public:
    VoiceBindingError(int64_t n_placeholders, int64_t n_voices);
    int64_t placeholder_count() const { return n_placeholders_; }
    int64_t voice_count() const { return n_voices_; }

private:
    int64_t n_placeholders_ = 0;
    int64_t n_voices_ = 0;
};

struct VoiceBinding {
    bool injected = false;                       // false: no voice rows were given
    std::vector<int64_t> voice_for_placeholder;  // k-th placeholder -> voice row
    bool count_mismatch = false;                 // the reference prints its warning
    std::vector<std::string> warnings;
};

// The rule above for n_placeholders placeholders and n_voices voice rows.
VoiceBinding bind_voices(int64_t n_placeholders, int64_t n_voices);

// One context row that receives a voice.
struct PlaceholderRow {
    int64_t sample = 0;
    int64_t position = 0;     // token index in the sample
    int64_t context_row = 0;  // sample * text_len + position (row of the flattened context)
    int64_t voice_row = 0;    // row of the concatenated voice embeddings
};

// The rule applied to a batch: positions[b] are the placeholder token indices of sample b.
std::vector<PlaceholderRow> bind_voice_rows(const std::vector<std::vector<int64_t>>& positions,
                                            int64_t text_len, int64_t n_voices,
                                            VoiceBinding* binding = nullptr);

// Indices i < seq_len with ids[i] == placeholder_id, in increasing order.
std::vector<int64_t> find_placeholder_positions(const std::vector<int64_t>& ids, int64_t seq_len,
                                                int64_t placeholder_id);

// Sets spans[k].speaker_index from a binding (k-th span <-> k-th placeholder); -1 where the
// span has no placeholder or no voice.
void bind_voices_to_spans(std::vector<SpeechSpan>& spans, const VoiceBinding& binding);

// A processed prompt run through the tokenizer, with its placeholder positions.
struct TokenizedPrompt {
    Encoding encoding;
    std::vector<int64_t> placeholder_positions;
    std::vector<PromptWarning> warnings;  // e.g. placeholders lost to truncation
};

TokenizedPrompt tokenize_prompt(const ProcessedPrompt& prompt, const Tokenizer& tokenizer,
                                const TokenizeOptions& options = {});

// The live count for the prompt editor: characters as typed, tokens of what actually reaches
// the encoder (placeholders inserted, cleaned, `</s>` included). Use SpanValidation::Lenient
// while the user is still typing.
TokenCount count_prompt_tokens(std::string_view prompt, const Tokenizer& tokenizer,
                               const PromptOptions& options = {}, int64_t max_length = 512);

}  // namespace nava::text
