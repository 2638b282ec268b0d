// WebVTT and ASS, the two formats with markup inside the cue text.
#include <QRegularExpression>
#include <QStringList>

#include "ui/timeline/subtitle_formats.h"
#include "ui/timeline/subtitle_text.h"

namespace nava::ui {
namespace {

SubtitleParseResult fail(const QString& message, int line) {
    SubtitleParseResult r;
    r.error = message;
    r.errorLine = line;
    return r;
}

qint64 parseVttTime(QStringView text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(?:(\\d{1,3}):)?(\\d{2}):(\\d{2})\\.(\\d{3})\\s*$"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch()) return -1;
    const qint64 h = m.captured(1).isEmpty() ? 0 : m.captured(1).toLongLong();
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    if (min > 59 || s > 59) return -1;
    return ((h * 60 + min) * 60 + s) * 1000 + m.captured(4).toLongLong();
}

QString unescapeVtt(QString text) {
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    text.replace(QStringLiteral("&lrm;"), QString());
    text.replace(QStringLiteral("&rlm;"), QString());
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

QString escapeVtt(QString text) {
    text.replace(u'&', QStringLiteral("&amp;"));
    text.replace(u'<', QStringLiteral("&lt;"));
    text.replace(u'>', QStringLiteral("&gt;"));
    return text;
}

// Centisecond clock "H:MM:SS.cc" of ASS.
qint64 parseAssTime(QStringView text) {
    static const QRegularExpression re(
        QStringLiteral("^\\s*(\\d{1,2}):(\\d{2}):(\\d{2})\\.(\\d{2})\\s*$"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch()) return -1;
    const qint64 min = m.captured(2).toLongLong();
    const qint64 s = m.captured(3).toLongLong();
    if (min > 59 || s > 59) return -1;
    return ((m.captured(1).toLongLong() * 60 + min) * 60 + s) * 1000 +
           m.captured(4).toLongLong() * 10;
}

QString formatAssTime(qint64 ms) {
    const qint64 cs = (qMax<qint64>(ms, 0) + 5) / 10;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(cs / 360000)
        .arg((cs / 6000) % 60, 2, 10, QChar(u'0'))
        .arg((cs / 100) % 60, 2, 10, QChar(u'0'))
        .arg(cs % 100, 2, 10, QChar(u'0'));
}

QString cleanAssText(QString text) {
    static const QRegularExpression overrides(QStringLiteral("\\{[^}]*\\}"));
    text.remove(overrides);
    text.replace(QStringLiteral("\\N"), QStringLiteral(" "));
    text.replace(QStringLiteral("\\n"), QStringLiteral(" "));
    text.replace(QStringLiteral("\\h"), QStringLiteral(" "));
    return text.simplified();
}

}  // namespace

// --- WebVTT --------------------------------------------------------------------------------

SubtitleParseResult parseWebVtt(const QString& text) {
    const QStringList lines = subtitleLines(text);
    if (lines.isEmpty() || !lines[0].startsWith(QStringLiteral("WEBVTT")) ||
        (lines[0].size() > 6 && !lines[0].at(6).isSpace()))
        return fail(SubtitleText::tr("a WebVTT file starts with \"WEBVTT\""), 1);
    static const QRegularExpression voiceTag(QStringLiteral("^\\s*<v(?:\\.[^\\s>]*)?\\s+([^>]*)>"));
    static const QRegularExpression anyTag(QStringLiteral("<[^>]*>"));
    SubtitleParseResult result;
    int i = 1;
    while (i < lines.size() && !lines[i].trimmed().isEmpty())
        ++i;  // header block
    while (i < lines.size()) {
        if (lines[i].trimmed().isEmpty()) {
            ++i;
            continue;
        }
        const int blockStart = i;
        QStringList block;
        while (i < lines.size() && !lines[i].trimmed().isEmpty())
            block << lines[i++];
        const QString& first = block[0];
        if (first.startsWith(QStringLiteral("NOTE")) || first.startsWith(QStringLiteral("STYLE")) ||
            first.startsWith(QStringLiteral("REGION")))
            continue;
        int timingIndex = first.contains(QStringLiteral("-->")) ? 0 : 1;
        if (timingIndex >= block.size() || !block[timingIndex].contains(QStringLiteral("-->")))
            return fail(SubtitleText::tr("expected a cue timing like 00:01.000 --> 00:02.500"),
                        blockStart + timingIndex + 1);
        const QString& timing = block[timingIndex];
        const int arrow = timing.indexOf(QStringLiteral("-->"));
        QString endPart = timing.mid(arrow + 3).trimmed();
        endPart = endPart.section(QRegularExpression(QStringLiteral("\\s+")), 0, 0);
        const qint64 start = parseVttTime(QStringView(timing).left(arrow));
        const qint64 end = parseVttTime(endPart);
        if (start < 0 || end < 0)
            return fail(SubtitleText::tr("expected a cue timing like 00:01.000 --> 00:02.500"),
                        blockStart + timingIndex + 1);
        if (end < start)
            return fail(SubtitleText::tr("the cue ends before it starts"),
                        blockStart + timingIndex + 1);
        QString body = block.mid(timingIndex + 1).join(u' ');
        QString speaker;
        const auto voice = voiceTag.match(body);
        if (voice.hasMatch()) speaker = unescapeVtt(voice.captured(1)).simplified();
        body.remove(anyTag);
        body = unescapeVtt(body).simplified();
        if (body.isEmpty()) continue;
        result.cues.push_back({start, end, speaker, body});
    }
    return result;
}

QString writeWebVtt(const QVector<SubtitleCue>& cues) {
    QString out = QStringLiteral("WEBVTT\n\n");
    for (const SubtitleCue& cue : cues) {
        out += formatTimestamp(cue.startMs, u'.') + QStringLiteral(" --> ") +
               formatTimestamp(cue.endMs, u'.') + u'\n';
        if (!cue.speaker.isEmpty()) {
            QString name = cue.speaker.simplified();
            name.remove(u'>');
            out += QStringLiteral("<v ") + escapeVtt(name) + u'>';
        }
        out += escapeVtt(cue.text.simplified()) + QStringLiteral("\n\n");
    }
    return out;
}

// --- ASS -----------------------------------------------------------------------------------

SubtitleParseResult parseAss(const QString& text) {
    const QStringList lines = subtitleLines(text);
    SubtitleParseResult result;
    bool inEvents = false;
    bool sawEvents = false;
    QStringList format;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.startsWith(u'[')) {
            inEvents = line.compare(QStringLiteral("[Events]"), Qt::CaseInsensitive) == 0;
            sawEvents = sawEvents || inEvents;
            continue;
        }
        if (!inEvents || line.isEmpty() || line.startsWith(u';')) continue;
        const int colon = line.indexOf(u':');
        if (colon < 0) return fail(SubtitleText::tr("expected \"Key: value\""), i + 1);
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1);
        if (key.compare(QStringLiteral("Format"), Qt::CaseInsensitive) == 0) {
            format.clear();
            for (const QString& f : value.split(u','))
                format << f.trimmed().toLower();
            if (!format.contains(QStringLiteral("start")) ||
                !format.contains(QStringLiteral("end")) || format.last() != u"text")
                return fail(SubtitleText::tr("the Format line needs Start, End and Text (last)"),
                            i + 1);
            continue;
        }
        if (key.compare(QStringLiteral("Dialogue"), Qt::CaseInsensitive) != 0) continue;
        if (format.isEmpty())
            return fail(SubtitleText::tr("a Dialogue line before the Format line"), i + 1);
        // Text is the last field and may itself contain commas.
        QStringList fields;
        QString rest = value;
        for (int f = 0; f + 1 < format.size(); ++f) {
            const int comma = rest.indexOf(u',');
            if (comma < 0)
                return fail(SubtitleText::tr("the Dialogue line has too few fields"), i + 1);
            fields << rest.left(comma).trimmed();
            rest = rest.mid(comma + 1);
        }
        fields << rest;
        const qint64 start = parseAssTime(fields[format.indexOf(QStringLiteral("start"))]);
        const qint64 end = parseAssTime(fields[format.indexOf(QStringLiteral("end"))]);
        if (start < 0 || end < 0)
            return fail(SubtitleText::tr("expected times like 0:00:01.25"), i + 1);
        if (end < start) return fail(SubtitleText::tr("the cue ends before it starts"), i + 1);
        const int nameIndex = format.indexOf(QStringLiteral("name"));
        const QString speaker = nameIndex >= 0 ? fields[nameIndex].simplified() : QString();
        const QString words = cleanAssText(fields.last());
        if (words.isEmpty()) continue;
        result.cues.push_back({start, end, speaker, words});
    }
    if (!sawEvents) return fail(SubtitleText::tr("no [Events] section"), 0);
    return result;
}

QString writeAss(const QVector<SubtitleCue>& cues) {
    QString out = QStringLiteral(
        "[Script Info]\n"
        "; Written by NAVA Studio\n"
        "ScriptType: v4.00+\n"
        "PlayResX: 1280\n"
        "PlayResY: 720\n"
        "WrapStyle: 0\n"
        "\n"
        "[V4+ Styles]\n"
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        "Style: Default,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H64000000,0,0,0,0,100,100,"
        "0,0,1,2,1,2,20,20,30,1\n"
        "\n"
        "[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
    for (const SubtitleCue& cue : cues) {
        QString name = cue.speaker.simplified();
        name.replace(u',', u' ');  // the Name field cannot hold a comma
        out += QStringLiteral("Dialogue: 0,%1,%2,Default,%3,0,0,0,,%4\n")
                   .arg(formatAssTime(cue.startMs), formatAssTime(cue.endMs), name,
                        cue.text.simplified());
    }
    return out;
}

}  // namespace nava::ui
