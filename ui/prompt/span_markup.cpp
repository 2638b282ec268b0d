#include "ui/prompt/span_markup.h"

#include <algorithm>

namespace nava::ui {
namespace {

struct Marker {
    int rawPosition = 0;
    bool open = false;
    bool paired = false;
};

bool isSpacedWordChar(QChar c) {
    if (c == u'\'' || c == u'\u2019' || c == u'-') return true;
    if (!c.isLetterOrNumber() && c.category() != QChar::Mark_NonSpacing) return false;
    // Scripts written without spaces: one character is already a unit worth selecting.
    switch (c.script()) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Hangul:
        case QChar::Script_Thai:
            return false;
        default:
            return true;
    }
}

}  // namespace

bool ParsedMarkup::hasErrors() const {
    return !issues.isEmpty();
}

ParsedMarkup parseMarkup(const QString& raw) {
    // 1. Find every marker and pair them: a "<S>" closes at the next "<E>"; a second "<S>"
    //    before that leaves the first one unpaired.
    QVector<Marker> markers;
    for (int i = 0; i + 3 <= raw.size(); ++i) {
        const QStringView three = QStringView(raw).mid(i, 3);
        if (three == kSpeechOpen || three == kSpeechClose) {
            markers.push_back({i, three == kSpeechOpen, false});
            i += 2;
        }
    }
    ParsedMarkup out;
    QVector<MarkupIssue> pendingIssues;
    int open = -1;  // index into markers
    for (int m = 0; m < markers.size(); ++m) {
        if (markers[m].open) {
            if (open >= 0)
                pendingIssues.push_back(
                    {MarkupIssueKind::nestedOpen, markers[open].rawPosition, 0});
            open = m;
        } else if (open >= 0) {
            markers[open].paired = true;
            markers[m].paired = true;
            open = -1;
        } else {
            pendingIssues.push_back({MarkupIssueKind::closeWithoutOpen, markers[m].rawPosition, 0});
        }
    }
    if (open >= 0)
        pendingIssues.push_back({MarkupIssueKind::openWithoutClose, markers[open].rawPosition, 0});

    // 2. Copy the text without the paired markers, recording where each span lands.
    out.plainText.reserve(raw.size());
    QVector<int> plainAtRaw(raw.size() + 1, 0);
    int cursor = 0;
    MarkupSpan current;
    auto copyUpTo = [&](int rawPos) {
        for (; cursor < rawPos; ++cursor) {
            plainAtRaw[cursor] = out.plainText.size();
            out.plainText.append(raw.at(cursor));
        }
    };
    for (const Marker& marker : markers) {
        if (!marker.paired) continue;
        copyUpTo(marker.rawPosition);
        for (int k = 0; k < 3; ++k)
            plainAtRaw[cursor + k] = out.plainText.size();
        cursor = marker.rawPosition + 3;
        if (marker.open) {
            current = MarkupSpan();
            current.rawStart = marker.rawPosition;
            current.plainStart = out.plainText.size();
        } else {
            current.rawEnd = cursor;
            current.plainLength = out.plainText.size() - current.plainStart;
            current.text = out.plainText.mid(current.plainStart, current.plainLength);
            if (current.text.trimmed().isEmpty())
                pendingIssues.push_back({MarkupIssueKind::emptySpan, current.rawStart, 0});
            out.spans.push_back(current);
        }
    }
    copyUpTo(raw.size());
    plainAtRaw[raw.size()] = out.plainText.size();

    for (MarkupIssue issue : pendingIssues) {
        issue.plainPosition = plainAtRaw.value(issue.rawPosition, 0);
        out.issues.push_back(issue);
    }
    std::sort(out.issues.begin(), out.issues.end(), [](const MarkupIssue& a, const MarkupIssue& b) {
        return a.rawPosition < b.rawPosition;
    });
    return out;
}

QString buildMarkup(const QString& plain, const QVector<PlainRange>& ranges) {
    QString raw;
    raw.reserve(plain.size() + ranges.size() * 6);
    int cursor = 0;
    for (const PlainRange& range : ranges) {
        const int start = std::clamp(range.start, cursor, int(plain.size()));
        const int end = std::clamp(range.end(), start, int(plain.size()));
        raw += QStringView(plain).mid(cursor, start - cursor);
        raw += kSpeechOpen;
        raw += QStringView(plain).mid(start, end - start);
        raw += kSpeechClose;
        cursor = end;
    }
    raw += QStringView(plain).mid(cursor);
    return raw;
}

PlainRange snapToWords(const QString& plain, PlainRange selection) {
    int start = std::clamp(selection.start, 0, int(plain.size()));
    int end = std::clamp(selection.end(), start, int(plain.size()));
    while (start < end && plain.at(start).isSpace())
        ++start;
    while (end > start && plain.at(end - 1).isSpace())
        --end;
    if (start == end) return {start, 0};
    while (start > 0 && isSpacedWordChar(plain.at(start)) && isSpacedWordChar(plain.at(start - 1)))
        --start;
    while (end < plain.size() && isSpacedWordChar(plain.at(end - 1)) &&
           isSpacedWordChar(plain.at(end)))
        ++end;
    return {start, end - start};
}

int mapThroughEdit(int value, bool isStart, int position, int removed, int added) {
    if (value < position) return value;
    if (value > position + removed) return value + added - removed;
    if (isStart) {
        // Replacing text that begins exactly at the span start keeps the new text inside;
        // typing at the start, or a replacement that began before the span, stays outside.
        return (value == position && removed > 0) ? position : position + added;
    }
    // Typing at the end stays outside; a replacement reaching the end from inside stays inside.
    return value == position ? position : position + added;
}

}  // namespace nava::ui
