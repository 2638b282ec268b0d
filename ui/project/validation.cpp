#include "ui/project/validation.h"

#include <QCoreApplication>
#include <QSet>

#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"

namespace nava::ui {
namespace {

class Validation {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::Validation)
};

QString quoted(const QString& words) {
    const QString simple = words.simplified();
    return simple.size() > 24 ? simple.left(23) + QChar(0x2026) : simple;
}

}  // namespace

QVector<ValidationIssue> validateMarkup(const ParsedMarkup& parsed) {
    QVector<ValidationIssue> issues;
    for (const MarkupIssue& issue : parsed.issues) {
        QString message;
        switch (issue.kind) {
            case MarkupIssueKind::closeWithoutOpen:
                message = Validation::tr("<E> without a <S> before it");
                break;
            case MarkupIssueKind::openWithoutClose:
                message = Validation::tr("<S> is never closed with <E>");
                break;
            case MarkupIssueKind::nestedOpen:
                message = Validation::tr("<S> opened again before <E>: speech cannot nest");
                break;
            case MarkupIssueKind::emptySpan:
                message = Validation::tr("<S><E> holds no words");
                break;
        }
        issues.push_back({IssueSeverity::error, IssueKind::markup, message, -1, issue.rawPosition});
    }
    return issues;
}

QVector<QPair<int, int>> overlappingSpans(const QVector<SpanRow>& spans) {
    QVector<QPair<int, int>> pairs;
    for (int a = 0; a < spans.size(); ++a)
        for (int b = a + 1; b < spans.size(); ++b) {
            const SpanData& x = spans[a].data;
            const SpanData& y = spans[b].data;
            if (!x.speakerId.isEmpty() && x.speakerId == y.speakerId && x.startMs < y.endMs &&
                y.startMs < x.endMs)
                pairs.push_back({a, b});
        }
    return pairs;
}

QVector<ValidationIssue> validateSpans(const QVector<SpanRow>& spans, const SpeakerModel& speakers,
                                       qint64 clipDurationMs) {
    QVector<ValidationIssue> issues;
    QSet<QString> voices;
    for (int i = 0; i < spans.size(); ++i) {
        const SpanRow& row = spans[i];
        const SpeakerData* speaker = speakers.byId(row.data.speakerId);
        if (!speaker) {
            issues.push_back(
                {IssueSeverity::warning, IssueKind::noSpeaker,
                 Validation::tr("Speech %1 (“%2”) has no speaker").arg(i + 1).arg(quoted(row.text)),
                 i, -1});
        } else if (!speaker->voiceFile.isEmpty()) {
            voices.insert(speaker->id);
        }
        if (clipDurationMs > 0 && row.data.endMs > clipDurationMs)
            issues.push_back({IssueSeverity::warning, IssueKind::pastClipEnd,
                              Validation::tr("Speech %1 (“%2”) ends after the clip (%3)")
                                  .arg(i + 1)
                                  .arg(quoted(row.text), formatDurationMs(clipDurationMs)),
                              i, -1});
    }
    for (const auto& [a, b] : overlappingSpans(spans))
        issues.push_back({IssueSeverity::warning, IssueKind::overlap,
                          Validation::tr("%1 speaks speech %2 and %3 at the same time")
                              .arg(speakers.nameOf(spans[a].data.speakerId))
                              .arg(a + 1)
                              .arg(b + 1),
                          b, -1});
    if (voices.size() > kTrainedMaxVoices)
        issues.push_back({IssueSeverity::warning, IssueKind::tooManyVoices,
                          Validation::tr("%1 reference voices: the model was trained with at "
                                         "most %2")
                              .arg(voices.size())
                              .arg(kTrainedMaxVoices),
                          -1, -1});
    return issues;
}

}  // namespace nava::ui
