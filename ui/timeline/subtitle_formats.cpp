#include "ui/timeline/subtitle_formats.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include "ui/timeline/subtitle_text.h"

namespace nava::ui {
namespace {

// "[H]H:MM:SS,mmm" (SRT) or "[[H]H:]MM:SS.mmm" (WebVTT); -1 when malformed.
qint64 parseClockTime(QStringView text, bool hoursOptional) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})[,.](\\d{1,3})\\s*$"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch()) return -1;
    if (!hoursOptional && !m.hasCaptured(1)) return -1;
    const qint64 h = m.captured(1).isEmpty() ? 0 : m.captured(1).toLongLong();
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    if (min > 59 || s > 59) return -1;
    QString frac = m.captured(4);
    while (frac.size() < 3)
        frac.append(u'0');
    return ((h * 60 + min) * 60 + s) * 1000 + frac.toLongLong();
}

// Splits "start --> end [settings]"; false when the line is not a timing line.
bool parseTimingLine(const QString& line, bool hoursOptional, qint64* startMs, qint64* endMs) {
    const int arrow = line.indexOf(QStringLiteral("-->"));
    if (arrow < 0) return false;
    QString endPart = line.mid(arrow + 3).trimmed();
    const int space = endPart.indexOf(QRegularExpression(QStringLiteral("\\s")));
    if (space > 0) endPart = endPart.left(space);  // WebVTT cue settings follow the end time
    *startMs = parseClockTime(QStringView(line).left(arrow), hoursOptional);
    *endMs = parseClockTime(endPart, hoursOptional);
    return *startMs >= 0 && *endMs >= 0;
}

QString joinTextLines(const QStringList& lines) {
    QStringList parts;
    for (const QString& l : lines)
        if (!l.trimmed().isEmpty()) parts << l.trimmed();
    return parts.join(u' ');
}

QString oneLine(const QString& text) {
    return text.simplified();
}

SubtitleParseResult fail(const QString& message, int line) {
    SubtitleParseResult r;
    r.error = message;
    r.errorLine = line;
    return r;
}

QString badTimingMessage() {
    return SubtitleText::tr("expected a cue timing like 00:00:01,000 --> 00:00:02,500");
}

QString endsBeforeStartMessage() {
    return SubtitleText::tr("the cue ends before it starts");
}

}  // namespace

QStringList subtitleLines(const QString& text) {
    QString t = text;
    if (t.startsWith(QChar(0xFEFF))) t.remove(0, 1);
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(u'\r', u'\n');
    return t.split(u'\n');
}

QPair<QString, QString> splitSpeakerPrefix(const QString& line) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\p{L}[^:：<>{}]{0,39}?)\\s*[:：]\\s*(\\S.*)$"));
    const auto m = re.match(line);
    if (!m.hasMatch()) return {QString(), line.trimmed()};
    return {m.captured(1).trimmed(), m.captured(2).trimmed()};
}

QString formatTimestamp(qint64 ms, QChar fractionSeparator, bool alwaysHours) {
    if (ms < 0) ms = 0;
    const qint64 h = ms / 3600000;
    const qint64 m = (ms / 60000) % 60;
    const qint64 s = (ms / 1000) % 60;
    const qint64 f = ms % 1000;
    QString out;
    if (alwaysHours || h > 0) out += QStringLiteral("%1:").arg(h, 2, 10, QChar(u'0'));
    out += QStringLiteral("%1:%2%3%4")
               .arg(m, 2, 10, QChar(u'0'))
               .arg(s, 2, 10, QChar(u'0'))
               .arg(fractionSeparator)
               .arg(f, 3, 10, QChar(u'0'));
    return out;
}

// --- SRT -----------------------------------------------------------------------------------

SubtitleParseResult parseSrt(const QString& text) {
    const QStringList lines = subtitleLines(text);
    SubtitleParseResult result;
    int i = 0;
    while (i < lines.size()) {
        if (lines[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        // A cue: an optional number, the timing line, then text up to a blank line.
        qint64 start = 0, end = 0;
        if (!parseTimingLine(lines[i], false, &start, &end)) {
            bool isNumber = false;
            lines[i].trimmed().toLongLong(&isNumber);
            if (!isNumber) return fail(SubtitleText::tr("expected a cue number or timing"), i + 1);
            ++i;
            if (i >= lines.size() || !parseTimingLine(lines[i], false, &start, &end))
                return fail(badTimingMessage(), i + 1);
        }
        if (end < start) return fail(endsBeforeStartMessage(), i + 1);
        ++i;
        QStringList body;
        while (i < lines.size() && !lines[i].trimmed().isEmpty())
            body << lines[i++];
        const QString joined = joinTextLines(body);
        if (joined.isEmpty()) continue;
        const auto [speaker, words] = splitSpeakerPrefix(joined);
        result.cues.push_back({start, end, speaker, words});
    }
    return result;
}

QString writeSrt(const QVector<SubtitleCue>& cues) {
    QString out;
    int index = 1;
    for (const SubtitleCue& cue : cues) {
        out += QString::number(index++) + u'\n';
        out += formatTimestamp(cue.startMs, u',') + QStringLiteral(" --> ") +
               formatTimestamp(cue.endMs, u',') + u'\n';
        out += (cue.speaker.isEmpty() ? QString() : oneLine(cue.speaker) + QStringLiteral(": ")) +
               oneLine(cue.text) + QStringLiteral("\n\n");
    }
    return out;
}

// --- Audacity labels -----------------------------------------------------------------------

SubtitleParseResult parseAudacityLabels(const QString& text) {
    const QStringList lines = subtitleLines(text);
    SubtitleParseResult result;
    for (int i = 0; i < lines.size(); ++i) {
        const QString& line = lines[i];
        if (line.trimmed().isEmpty()) continue;
        if (line.startsWith(u'\\')) continue;  // spectral-selection line of the label above
        QStringList parts = line.split(u'\t');
        if (parts.size() < 2)
            parts = line.trimmed().split(QRegularExpression(QStringLiteral("\\s+")));
        if (parts.size() < 2)
            return fail(SubtitleText::tr("expected \"start<TAB>end<TAB>label\""), i + 1);
        bool okStart = false, okEnd = false;
        const double start = parts[0].trimmed().toDouble(&okStart);
        const double end = parts[1].trimmed().toDouble(&okEnd);
        if (!okStart || !okEnd || start < 0 || end < 0)
            return fail(SubtitleText::tr("label times must be seconds like 1.250000"), i + 1);
        if (end < start) return fail(endsBeforeStartMessage(), i + 1);
        const QString label = parts.mid(2).join(u' ');
        const auto [speaker, words] = splitSpeakerPrefix(label);
        result.cues.push_back({qRound64(start * 1000.0), qRound64(end * 1000.0), speaker, words});
    }
    return result;
}

QString writeAudacityLabels(const QVector<SubtitleCue>& cues) {
    QString out;
    for (const SubtitleCue& cue : cues) {
        out += QString::number(cue.startMs / 1000.0, 'f', 6) + u'\t' +
               QString::number(cue.endMs / 1000.0, 'f', 6) + u'\t' +
               (cue.speaker.isEmpty() ? QString() : oneLine(cue.speaker) + QStringLiteral(": ")) +
               oneLine(cue.text) + u'\n';
    }
    return out;
}

// --- dispatch ------------------------------------------------------------------------------

SubtitleParseResult parseSubtitles(SubtitleFormat format, const QString& text) {
    switch (format) {
        case SubtitleFormat::srt:
            return parseSrt(text);
        case SubtitleFormat::webVtt:
            return parseWebVtt(text);
        case SubtitleFormat::ass:
            return parseAss(text);
        case SubtitleFormat::audacityLabels:
            return parseAudacityLabels(text);
    }
    return fail(SubtitleText::tr("unknown subtitle format"), 0);
}

QString writeSubtitles(SubtitleFormat format, const QVector<SubtitleCue>& cues) {
    switch (format) {
        case SubtitleFormat::srt:
            return writeSrt(cues);
        case SubtitleFormat::webVtt:
            return writeWebVtt(cues);
        case SubtitleFormat::ass:
            return writeAss(cues);
        case SubtitleFormat::audacityLabels:
            return writeAudacityLabels(cues);
    }
    return QString();
}

std::optional<SubtitleFormat> subtitleFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"srt") return SubtitleFormat::srt;
    if (suffix == u"vtt") return SubtitleFormat::webVtt;
    if (suffix == u"ass" || suffix == u"ssa") return SubtitleFormat::ass;
    if (suffix == u"txt") return SubtitleFormat::audacityLabels;
    return std::nullopt;
}

QString subtitleSuffix(SubtitleFormat format) {
    switch (format) {
        case SubtitleFormat::srt:
            return QStringLiteral("srt");
        case SubtitleFormat::webVtt:
            return QStringLiteral("vtt");
        case SubtitleFormat::ass:
            return QStringLiteral("ass");
        case SubtitleFormat::audacityLabels:
            return QStringLiteral("txt");
    }
    return QString();
}

}  // namespace nava::ui
