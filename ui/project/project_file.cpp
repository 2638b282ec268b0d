#include "ui/project/project_file.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include "ui/prompt/span_markup.h"

namespace nava::ui {
namespace {

class ProjectFileText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::ProjectFileText)
};

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}

qint64 ms(const QJsonObject& o, const char* key) {
    return static_cast<qint64>(o.value(QLatin1String(key)).toDouble());
}

}  // namespace

QByteArray projectToJson(const ProjectSnapshot& s) {
    QJsonArray speakers;
    for (const SpeakerData& sp : s.speakers)
        speakers.append(QJsonObject{{QStringLiteral("id"), sp.id},
                                    {QStringLiteral("name"), sp.name},
                                    {QStringLiteral("color"), sp.color.name()},
                                    {QStringLiteral("voice"), sp.voiceFile},
                                    {QStringLiteral("voice_sha256"), sp.voiceSha256}});
    const ParsedMarkup parsed = parseMarkup(s.prompt.raw);
    QJsonArray spans;
    for (int i = 0; i < s.prompt.spans.size(); ++i) {
        const SpanData& d = s.prompt.spans[i];
        spans.append(QJsonObject{
            {QStringLiteral("text"), i < parsed.spans.size() ? parsed.spans[i].text : QString()},
            {QStringLiteral("speaker"), d.speakerId},
            {QStringLiteral("start_ms"), static_cast<double>(d.startMs)},
            {QStringLiteral("end_ms"), static_cast<double>(d.endMs)}});
    }
    const QJsonObject root{{QStringLiteral("nava_project"), kProjectFileVersion},
                           {QStringLiteral("id"), s.id},
                           {QStringLiteral("prompt"), s.prompt.raw},
                           {QStringLiteral("negative_prompt"), s.negativePrompt},
                           {QStringLiteral("speakers"), speakers},
                           {QStringLiteral("spans"), spans},
                           {QStringLiteral("settings"), settingsToJson(s.settings)},
                           {QStringLiteral("queue"), s.queue}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool projectFromJson(const QByteArray& bytes, ProjectSnapshot* s, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = ProjectFileText::tr("not a NAVA project (JSON error at byte %1: %2)")
                         .arg(parseError.offset)
                         .arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QStringLiteral("nava_project"));
    if (!version.isDouble()) {
        if (error) *error = ProjectFileText::tr("not a NAVA project (no \"nava_project\" key)");
        return false;
    }
    if (version.toInt() > kProjectFileVersion) {
        if (error)
            *error = ProjectFileText::tr("made by a newer NAVA Studio (project version %1)")
                         .arg(version.toInt());
        return false;
    }
    *s = ProjectSnapshot();
    s->id = str(root, "id");
    s->prompt.raw = str(root, "prompt");
    s->negativePrompt = str(root, "negative_prompt");
    for (const QJsonValue& v : root.value(QStringLiteral("speakers")).toArray()) {
        const QJsonObject o = v.toObject();
        SpeakerData sp;
        sp.id = str(o, "id");
        sp.name = str(o, "name");
        sp.color = QColor(str(o, "color"));
        if (!sp.color.isValid()) sp.color = QColor(0x9e, 0x9e, 0x9e);
        sp.voiceFile = str(o, "voice");
        sp.voiceSha256 = str(o, "voice_sha256");
        if (sp.id.isEmpty()) {
            if (error) *error = ProjectFileText::tr("a speaker without an id");
            return false;
        }
        s->speakers.push_back(sp);
    }
    for (const QJsonValue& v : root.value(QStringLiteral("spans")).toArray()) {
        const QJsonObject o = v.toObject();
        s->prompt.spans.push_back({str(o, "speaker"), ms(o, "start_ms"), ms(o, "end_ms")});
    }
    s->settings = settingsFromJson(root.value(QStringLiteral("settings")).toObject());
    s->queue = root.value(QStringLiteral("queue")).toArray();
    return true;
}

QString sha256OfFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return QString();
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        if (error) *error = file.errorString();
        return QString();
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

QString importVoiceFile(const QString& source, const QString& projectDir, QString* sha256,
                        QString* error) {
    const QString hash = sha256OfFile(source, error);
    if (hash.isEmpty()) return QString();
    const QFileInfo info(source);
    QString base = info.completeBaseName();
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    if (base.isEmpty()) base = QStringLiteral("voice");
    const QString suffix = info.suffix().isEmpty() ? QString() : u'.' + info.suffix().toLower();
    const QString relative =
        QLatin1String(kVoicesFolder) + u'/' + base.left(40) + u'-' + hash.left(10) + suffix;
    const QString target = QDir(projectDir).filePath(relative);
    if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
        if (error) *error = ProjectFileText::tr("cannot create folder %1").arg(projectDir);
        return QString();
    }
    const bool sameFile = QFileInfo(target).canonicalFilePath() == info.canonicalFilePath();
    if (!sameFile && !QFileInfo::exists(target) && !QFile::copy(source, target)) {
        if (error) *error = ProjectFileText::tr("cannot copy %1 to %2").arg(source, target);
        return QString();
    }
    if (sha256) *sha256 = hash;
    return relative;
}

bool copyVoicesFolder(const QString& fromDir, const QString& toDir, QString* error) {
    const QDir from(QDir(fromDir).filePath(QLatin1String(kVoicesFolder)));
    const QDir to(QDir(toDir).filePath(QLatin1String(kVoicesFolder)));
    if (!from.exists() || from.canonicalPath() == to.canonicalPath()) return true;
    if (!QDir().mkpath(to.path())) {
        if (error) *error = ProjectFileText::tr("cannot create folder %1").arg(to.path());
        return false;
    }
    for (const QFileInfo& f : from.entryInfoList(QDir::Files)) {
        const QString target = to.filePath(f.fileName());
        if (QFileInfo::exists(target)) continue;
        if (!QFile::copy(f.absoluteFilePath(), target)) {
            if (error)
                *error =
                    ProjectFileText::tr("cannot copy %1 to %2").arg(f.absoluteFilePath(), target);
            return false;
        }
    }
    return true;
}

}  // namespace nava::ui
