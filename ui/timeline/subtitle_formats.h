// Subtitle and label files as timed speech: SRT, WebVTT, ASS and Audacity label tracks.
//
// Plain functions on strings, so they are tested without widgets. Who speaks is carried the way
// each format expects it: a "Name: " prefix in SRT and Audacity labels, `<v Name>` in WebVTT,
// the Name field in ASS. Parsers never throw: malformed input gives a result with an error
// message and the 1-based line where reading stopped.
#pragma once

#include <optional>

#include <QString>
#include <QVector>

namespace nava::ui {

struct SubtitleCue {
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString speaker;  // "" = nobody named
    QString text;     // one line of spoken words

    bool operator==(const SubtitleCue& o) const {
        return startMs == o.startMs && endMs == o.endMs && speaker == o.speaker && text == o.text;
    }
};

enum class SubtitleFormat { srt, webVtt, ass, audacityLabels };

struct SubtitleParseResult {
    QVector<SubtitleCue> cues;
    QString error;      // "" on success
    int errorLine = 0;  // 1-based; 0 when the error is about the whole file

    bool ok() const { return error.isEmpty(); }
};

SubtitleParseResult parseSrt(const QString& text);
SubtitleParseResult parseWebVtt(const QString& text);
SubtitleParseResult parseAss(const QString& text);
SubtitleParseResult parseAudacityLabels(const QString& text);

QString writeSrt(const QVector<SubtitleCue>& cues);
QString writeWebVtt(const QVector<SubtitleCue>& cues);
QString writeAss(const QVector<SubtitleCue>& cues);  // times rounded to centiseconds
QString writeAudacityLabels(const QVector<SubtitleCue>& cues);

SubtitleParseResult parseSubtitles(SubtitleFormat format, const QString& text);
QString writeSubtitles(SubtitleFormat format, const QVector<SubtitleCue>& cues);

// By file suffix (.srt, .vtt, .ass/.ssa, .txt for Audacity labels).
std::optional<SubtitleFormat> subtitleFormatForPath(const QString& path);
QString subtitleSuffix(SubtitleFormat format);

// "Name: words" -> ("Name", "words"); anything else -> ("", text). Shared by SRT and labels.
QPair<QString, QString> splitSpeakerPrefix(const QString& line);

// "HH:MM:SS.mmm" style helpers, exposed for the timeline's ruler and tests.
QString formatTimestamp(qint64 ms, QChar fractionSeparator, bool alwaysHours = true);

}  // namespace nava::ui
