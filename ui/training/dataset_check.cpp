#include "ui/training/dataset_check.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "media/probe.h"
#include "ui/prompt/span_markup.h"

namespace nava::ui {
namespace {

class CheckText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::CheckText)
};

constexpr double kShortestClipS = 1.0;
constexpr double kLongestClipS = 20.0;

bool isClip(const QString& path) {
    static const QStringList kinds = {
        QStringLiteral("mp4"), QStringLiteral("mov"), QStringLiteral("mkv"), QStringLiteral("webm"),
        QStringLiteral("m4v"), QStringLiteral("avi"), QStringLiteral("wav"), QStringLiteral("flac"),
        QStringLiteral("mp3"), QStringLiteral("ogg"), QStringLiteral("m4a"), QStringLiteral("opus"),
    };
    return kinds.contains(QFileInfo(path).suffix().toLower());
}

struct Sample {
    QString clip;     // absolute path
    QString caption;  // text; "" = none
    bool hasCaption = false;
    QString label;  // how the issue list names it
};

class Checker {
public:
    DatasetReport report;

    void issue(IssueSeverity severity, const QString& file, const QString& message) {
        if (report.issues.size() >= kMaxListedIssues) {
            ++m_unlisted;
            return;
        }
        report.issues.push_back({severity, file, message});
    }

    void checkSample(const Sample& s) {
        ++report.samples;
        if (s.hasCaption && !s.caption.trimmed().isEmpty()) ++report.captioned;
        // 1. The clip.
        if (!QFileInfo(s.clip).isFile()) {
            issue(IssueSeverity::error, s.label,
                  CheckText::tr("the clip does not exist: %1").arg(s.clip));
            return;
        }
        if (!isClip(s.clip))
            issue(IssueSeverity::warning, s.label,
                  CheckText::tr("not a known video or sound file type"));
        // 2. The caption.
        if (!s.hasCaption) {
            issue(IssueSeverity::warning, s.label, CheckText::tr("no caption"));
        } else if (s.caption.trimmed().isEmpty()) {
            issue(IssueSeverity::warning, s.label, CheckText::tr("the caption is empty"));
        } else {
            const ParsedMarkup parsed = parseMarkup(s.caption);
            if (parsed.hasErrors())
                issue(IssueSeverity::warning, s.label,
                      CheckText::tr("the caption has unpaired <S>/<E> speech markers"));
        }
        // 3. Its length and streams (for the first clips only: opening every file of a large
        // set takes long).
        if (report.probed >= kMaxProbedClips) return;
        ++report.probed;
        try {
            const nava::media::MediaInfo info =
                nava::media::probe(std::filesystem::path(QFile::encodeName(s.clip).toStdString()));
            report.totalSeconds += info.duration_s;
            const auto* video = info.best_video();
            if (!info.best_audio())
                issue(IssueSeverity::warning, s.label,
                      CheckText::tr("no sound: the audio branch learns nothing from this clip"));
            if (!video || video->attached_picture)
                issue(IssueSeverity::info, s.label, CheckText::tr("sound only"));
            if (info.duration_s > 0 && info.duration_s < kShortestClipS)
                issue(IssueSeverity::warning, s.label,
                      CheckText::tr("only %1 s long").arg(info.duration_s, 0, 'f', 2));
            else if (info.duration_s > kLongestClipS)
                issue(IssueSeverity::info, s.label,
                      CheckText::tr("%1 s long: training uses at most %2 s of it")
                          .arg(info.duration_s, 0, 'f', 1)
                          .arg(kLongestClipS, 0, 'f', 0));
        } catch (const std::exception& e) {
            issue(IssueSeverity::error, s.label,
                  CheckText::tr("cannot be read: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    void folder(const QString& root) {
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        QStringList clips;
        while (it.hasNext()) {
            const QString file = it.next();
            if (isClip(file)) clips << file;
        }
        clips.sort();
        const QDir base(root);
        for (const QString& clip : clips) {
            Sample s;
            s.clip = clip;
            s.label = base.relativeFilePath(clip);
            const QFileInfo info(clip);
            for (const char* ext : {"txt", "caption"}) {
                QFile caption(
                    info.dir().filePath(info.completeBaseName() + u'.' + QLatin1String(ext)));
                if (caption.open(QIODevice::ReadOnly)) {
                    s.hasCaption = true;
                    s.caption = QString::fromUtf8(caption.readAll());
                    break;
                }
            }
            checkSample(s);
        }
    }

    void record(const QJsonObject& o, const QDir& base, const QString& label) {
        Sample s;
        s.label = label;
        for (const char* key :
             {"video", "path", "file", "video_path", "media", "audio", "audio_path"}) {
            const QString v = o.value(QLatin1String(key)).toString();
            if (!v.isEmpty()) {
                s.clip = QDir::cleanPath(base.absoluteFilePath(v));
                break;
            }
        }
        for (const char* key : {"caption", "prompt", "text"}) {
            const QJsonValue v = o.value(QLatin1String(key));
            if (v.isString()) {
                s.hasCaption = true;
                s.caption = v.toString();
                break;
            }
        }
        if (s.clip.isEmpty()) {
            ++report.samples;
            issue(IssueSeverity::error, label,
                  CheckText::tr("the record names no clip (expected a \"video\" or \"path\" key)"));
            return;
        }
        s.label = QStringLiteral("%1 (%2)").arg(label, QFileInfo(s.clip).fileName());
        checkSample(s);
    }

    void manifest(const QString& path) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            issue(IssueSeverity::error, path, file.errorString());
            return;
        }
        const QByteArray bytes = file.readAll();
        const QDir base = QFileInfo(path).absoluteDir();
        // 1. A JSON document: an array of records, or an object holding one.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error == QJsonParseError::NoError) {
            QJsonArray records = doc.array();
            if (doc.isObject())
                for (const char* key : {"samples", "clips", "items", "data"})
                    if (doc.object().value(QLatin1String(key)).isArray()) {
                        records = doc.object().value(QLatin1String(key)).toArray();
                        break;
                    }
            for (int i = 0; i < records.size(); ++i)
                record(records[i].toObject(), base, CheckText::tr("record %1").arg(i + 1));
            return;
        }
        // 2. JSON Lines.
        const QList<QByteArray> lines = bytes.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            if (line.isEmpty()) continue;
            const QJsonDocument one = QJsonDocument::fromJson(line, &error);
            const QString label = CheckText::tr("line %1").arg(i + 1);
            if (error.error != QJsonParseError::NoError || !one.isObject()) {
                ++report.samples;
                issue(IssueSeverity::error, label, CheckText::tr("not a JSON object"));
                continue;
            }
            record(one.object(), base, label);
        }
    }

    void finish() {
        if (report.samples == 0)
            issue(IssueSeverity::error, QString(), CheckText::tr("no clips found"));
        if (m_unlisted > 0)
            report.issues.push_back({IssueSeverity::info, QString(),
                                     CheckText::tr("%1 more issues not listed").arg(m_unlisted)});
        report.completed = true;
    }

private:
    int m_unlisted = 0;
};

}  // namespace

int DatasetReport::count(IssueSeverity severity) const {
    int n = 0;
    for (const DatasetIssue& i : issues)
        if (i.severity == severity) ++n;
    return n;
}

QString severityText(IssueSeverity severity) {
    switch (severity) {
        case IssueSeverity::info:
            return CheckText::tr("note");
        case IssueSeverity::warning:
            return CheckText::tr("warning");
        case IssueSeverity::error:
            return CheckText::tr("error");
    }
    return QString();
}

DatasetReport checkDataset(const QString& path) {
    Checker c;
    c.report.source = CheckText::tr("studio checks");
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists()) {
        c.issue(IssueSeverity::error, path,
                path.isEmpty() ? CheckText::tr("no dataset chosen")
                               : CheckText::tr("%1 does not exist").arg(path));
        c.report.completed = true;
        return c.report;
    }
    if (info.isDir())
        c.folder(info.absoluteFilePath());
    else
        c.manifest(info.absoluteFilePath());
    c.finish();
    return c.report;
}

}  // namespace nava::ui
