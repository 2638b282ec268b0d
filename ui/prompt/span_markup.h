// The `<S>…<E>` speech markup of a prompt, as plain functions: raw text <-> plain text + ranges.
//
// The raw prompt (markers inline) is what the model reads and what projects store. The marked
// editor shows the plain text with coloured ranges instead. Both directions are exact inverses:
// buildMarkup(parseMarkup(raw)) == raw for every string, including malformed ones, because
// markers that do not form a pair stay in the plain text as literal characters (and are
// reported as issues).
#pragma once

#include <QString>
#include <QVector>

namespace nava::ui {

inline constexpr QStringView kSpeechOpen = u"<S>";
inline constexpr QStringView kSpeechClose = u"<E>";

struct MarkupSpan {
    int rawStart = 0;     // position of "<S>" in the raw text
    int rawEnd = 0;       // position just after "<E>"
    int plainStart = 0;   // first character of the spoken words in the plain text
    int plainLength = 0;  // number of characters of the spoken words
    QString text;         // the spoken words

    int plainEnd() const { return plainStart + plainLength; }
};

enum class MarkupIssueKind {
    closeWithoutOpen,  // "<E>" with no "<S>" before it
    openWithoutClose,  // "<S>" never closed
    nestedOpen,        // "<S>" inside an open span: the earlier "<S>" is left unpaired
    emptySpan,         // "<S><E>" (or only spaces between)
};

struct MarkupIssue {
    MarkupIssueKind kind = MarkupIssueKind::closeWithoutOpen;
    int rawPosition = 0;  // where the offending marker starts in the raw text
    int plainPosition = 0;
};

struct ParsedMarkup {
    QString plainText;  // raw text without paired markers (unpaired ones stay, literally)
    QVector<MarkupSpan> spans;
    QVector<MarkupIssue> issues;

    bool hasErrors() const;  // issues that make the prompt ambiguous for the model
};

ParsedMarkup parseMarkup(const QString& raw);

struct PlainRange {
    int start = 0;
    int length = 0;
    int end() const { return start + length; }
};

// Inserts "<S>" / "<E>" around each range of `plain`. Ranges must be sorted and disjoint;
// overlapping or out-of-range ones are clipped (never a crash).
QString buildMarkup(const QString& plain, const QVector<PlainRange>& ranges);

// The range `selection` grown to whole words and shrunk to exclude surrounding white space:
// what "mark the selected words" should cover. Empty when the selection holds no word.
PlainRange snapToWords(const QString& plain, PlainRange selection);

// How a position in the plain text moves when `removed` characters at `position` are replaced
// by `added` ones. Text typed at a boundary stays outside the range: `isStart` decides the side.
int mapThroughEdit(int value, bool isStart, int position, int removed, int added);

}  // namespace nava::ui
