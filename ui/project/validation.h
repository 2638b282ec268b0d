// Problems in a project that views show inline: malformed speech markers, spans nobody speaks,
// one speaker talking over themself, speech after the clip ends, voice counts.
#pragma once

#include <QString>
#include <QVector>

#include "ui/project/project_types.h"
#include "ui/prompt/span_markup.h"

namespace nava::ui {

class SpeakerModel;

enum class IssueSeverity { error, warning };
enum class IssueKind { markup, noSpeaker, overlap, pastClipEnd, tooManyVoices };

struct ValidationIssue {
    IssueSeverity severity = IssueSeverity::warning;
    IssueKind kind = IssueKind::markup;
    QString message;
    int spanRow = -1;      // the span concerned, or -1
    int rawPosition = -1;  // position in the raw prompt, or -1
};

// Marker problems: errors, because the model would bind voices to the wrong words.
QVector<ValidationIssue> validateMarkup(const ParsedMarkup& parsed);

// Span problems: no speaker, overlaps within one speaker, speech past the clip's end, more
// distinct voices than the model was trained with.
QVector<ValidationIssue> validateSpans(const QVector<SpanRow>& spans, const SpeakerModel& speakers,
                                       qint64 clipDurationMs);

// Pairs of rows (a < b) of one speaker whose times overlap.
QVector<QPair<int, int>> overlappingSpans(const QVector<SpanRow>& spans);

inline constexpr int kTrainedMaxVoices = 2;

}  // namespace nava::ui
