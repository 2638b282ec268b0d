// Edits of the prompt and its spans as plain functions on PromptState: what the document's
// undo commands apply, tested without widgets.
#pragma once

#include <optional>

#include "ui/project/project_types.h"
#include "ui/prompt/span_markup.h"

namespace nava::ui {

// How long saying `words` takes, roughly (for placing a new span on the timeline).
qint64 estimateSpeechMs(const QString& words);

// The prompt `newRaw` with each of its spans carrying the data of the old span it corresponds
// to: spans whose words are unchanged keep their speaker and times (matched in order, so
// inserting or deleting a span elsewhere does not shift speakers); an edited span between two
// kept ones inherits from the old span in the same place; a new span gets no speaker and a
// time slot after its predecessor.
PromptState carrySpanData(const PromptState& old, const QString& newRaw);

// Makes `state.spans` match the spans of `state.raw` (extra data dropped, missing filled in).
PromptState normalizedPromptState(PromptState state);

// Marks the words in `selection` (plain-text positions, grown to whole words) as spoken by
// `speakerId`. Inside an existing span this only reassigns that span's speaker; a selection
// across spans merges them. nullopt when the selection holds no words.
std::optional<PromptState> markSpeech(const PromptState& state, PlainRange selection,
                                      const QString& speakerId);

// Removes the spans touching `selection` (or containing the cursor when it is empty).
std::optional<PromptState> unmarkSpeech(const PromptState& state, PlainRange selection);

// The spans of a prompt state as rows for views.
QVector<SpanRow> spanRows(const PromptState& state);

}  // namespace nava::ui
