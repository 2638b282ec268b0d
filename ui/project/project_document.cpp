#include "ui/project/project_document.h"

#include <algorithm>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>
#include <QUuid>

#include "ui/project/project_commands.h"
#include "ui/project/project_file.h"
#include "ui/project/prompt_edits.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"

namespace nava::ui {
namespace {

QString newId(const char* prefix) {
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(8);
}

const QVector<QColor>& speakerPalette() {
    static const QVector<QColor> colors = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
        QColor(0xe1, 0x57, 0x59), QColor(0xb0, 0x7a, 0xa1), QColor(0x76, 0xb7, 0xb2),
        QColor(0xed, 0xc9, 0x48), QColor(0xff, 0x9d, 0xa7),
    };
    return colors;
}

QByteArray readAll(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return QByteArray();
    }
    return file.readAll();
}

}  // namespace

ProjectDocument::ProjectDocument(const QString& stagingDir, QObject* parent)
    : QObject(parent),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_stagingDir(stagingDir),
      m_speakers(new SpeakerModel(this)),
      m_undoStack(new QUndoStack(this)) {
    m_spans = new SpanModel(m_speakers, this);
    m_parsed = parseMarkup(QString());
    connect(m_undoStack, &QUndoStack::indexChanged, this, [this] {
        writeAutosave();
        Q_EMIT fileChanged();
    });
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this] { Q_EMIT fileChanged(); });
}

ProjectDocument::~ProjectDocument() = default;

// --- edits -----------------------------------------------------------------------------------

void ProjectDocument::setPrompt(const QString& raw) {
    if (raw == m_prompt.raw) return;
    m_undoStack->push(
        new PromptCommand(this, m_prompt, carrySpanData(m_prompt, raw), tr("Edit prompt"), true));
}

void ProjectDocument::setPromptState(const PromptState& state, const QString& description,
                                     bool typing) {
    const PromptState normalized = normalizedPromptState(state);
    if (normalized == m_prompt) return;
    m_undoStack->push(new PromptCommand(this, m_prompt, normalized, description, typing));
}

bool ProjectDocument::markSpeech(PlainRange selection, const QString& speakerId) {
    const auto next = nava::ui::markSpeech(m_prompt, selection, speakerId);
    if (!next || *next == m_prompt) return false;
    const QString who = m_speakers->nameOf(speakerId);
    m_undoStack->push(new PromptCommand(
        this, m_prompt, *next, who.isEmpty() ? tr("Mark speech") : tr("Mark speech of %1").arg(who),
        false));
    return true;
}

bool ProjectDocument::unmarkSpeech(PlainRange selection) {
    const auto next = nava::ui::unmarkSpeech(m_prompt, selection);
    if (!next) return false;
    m_undoStack->push(new PromptCommand(this, m_prompt, *next, tr("Unmark speech"), false));
    return true;
}

void ProjectDocument::setSpanSpeaker(int row, const QString& speakerId) {
    if (row < 0 || row >= m_prompt.spans.size() || m_prompt.spans[row].speakerId == speakerId)
        return;
    PromptState next = m_prompt;
    next.spans[row].speakerId = speakerId;
    m_undoStack->push(new PromptCommand(this, m_prompt, next, tr("Assign speaker"), false));
}

void ProjectDocument::setSpanTiming(int row, qint64 startMs, qint64 endMs) {
    if (row < 0 || row >= m_prompt.spans.size()) return;
    startMs = std::max<qint64>(0, startMs);
    endMs = std::max(endMs, startMs + 1);
    PromptState next = m_prompt;
    next.spans[row].startMs = startMs;
    next.spans[row].endMs = endMs;
    if (next == m_prompt) return;
    m_undoStack->push(new PromptCommand(this, m_prompt, next, tr("Move speech"), false));
}

void ProjectDocument::setNegativePrompt(const QString& text) {
    if (text == m_negativePrompt) return;
    m_undoStack->push(new NegativePromptCommand(this, m_negativePrompt, text));
}

QString ProjectDocument::addSpeaker(const QString& name) {
    SpeakerData s;
    s.id = newId("spk-");
    s.name = name.trimmed().isEmpty() ? nextSpeakerName() : name.trimmed();
    s.color = nextSpeakerColor();
    m_undoStack->push(new AddSpeakerCommand(this, s, m_speakers->rowCount()));
    return s.id;
}

void ProjectDocument::renameSpeaker(const QString& id, const QString& name) {
    const SpeakerData* s = m_speakers->byId(id);
    if (!s || name.trimmed().isEmpty() || name.trimmed() == s->name) return;
    SpeakerData after = *s;
    after.name = name.trimmed();
    m_undoStack->push(new ChangeSpeakerCommand(this, *s, after, tr("Rename speaker")));
}

void ProjectDocument::removeSpeaker(const QString& id) {
    const int row = m_speakers->rowOfId(id);
    if (row < 0) return;
    PromptState after = m_prompt;
    for (SpanData& span : after.spans)
        if (span.speakerId == id) span.speakerId.clear();
    m_undoStack->push(new RemoveSpeakerCommand(this, row, m_prompt, after));
}

bool ProjectDocument::attachVoice(const QString& id, const QString& sourceFile, QString* error) {
    const SpeakerData* s = m_speakers->byId(id);
    if (!s) {
        if (error) *error = tr("no such speaker");
        return false;
    }
    QString sha;
    const QString relative = importVoiceFile(sourceFile, projectDir(), &sha, error);
    if (relative.isEmpty()) return false;
    setSpeakerVoice(id, relative, sha, tr("Attach voice to %1").arg(s->name));
    return true;
}

void ProjectDocument::setSpeakerVoice(const QString& id, const QString& relativeFile,
                                      const QString& sha256, const QString& description) {
    const SpeakerData* s = m_speakers->byId(id);
    if (!s || (s->voiceFile == relativeFile && s->voiceSha256 == sha256)) return;
    SpeakerData after = *s;
    after.voiceFile = relativeFile;
    after.voiceSha256 = sha256;
    m_undoStack->push(new ChangeSpeakerCommand(this, *s, after, description));
}

void ProjectDocument::setSettings(const GenerationSettings& settings, const QString& description,
                                  int mergeKey) {
    if (settings == m_settings) return;
    m_undoStack->push(new SettingsCommand(this, m_settings, settings, description, mergeKey));
}

void ProjectDocument::importCues(const QVector<SubtitleCue>& cues) {
    if (cues.isEmpty()) return;
    m_undoStack->beginMacro(tr("Import subtitles"));
    // 1. Speakers by name; unknown names become new speakers.
    QVector<QString> speakerIds;
    for (const SubtitleCue& cue : cues) {
        QString id;
        if (!cue.speaker.trimmed().isEmpty()) {
            const int row = m_speakers->rowOfName(cue.speaker);
            id = row >= 0 ? m_speakers->at(row).id : addSpeaker(cue.speaker);
        }
        speakerIds.push_back(id);
    }
    // 2. The k-th cue replaces the words of the k-th span; extra cues are appended.
    QString plain;
    QVector<PlainRange> ranges;
    QVector<SpanData> data;
    int cursor = 0;
    const QString& oldPlain = m_parsed.plainText;
    for (int k = 0; k < m_parsed.spans.size(); ++k) {
        const MarkupSpan& span = m_parsed.spans[k];
        plain += oldPlain.mid(cursor, span.plainStart - cursor);
        const QString words = k < cues.size() ? cues[k].text : span.text;
        ranges.push_back({int(plain.size()), int(words.size())});
        plain += words;
        data.push_back(k < cues.size() ? SpanData{speakerIds[k], cues[k].startMs, cues[k].endMs}
                                       : m_prompt.spans.value(k));
        cursor = span.plainEnd();
    }
    plain += oldPlain.mid(cursor);
    for (int k = m_parsed.spans.size(); k < cues.size(); ++k) {
        if (!plain.isEmpty() && !plain.back().isSpace()) plain += u' ';
        ranges.push_back({int(plain.size()), int(cues[k].text.size())});
        plain += cues[k].text;
        data.push_back({speakerIds[k], cues[k].startMs, cues[k].endMs});
    }
    PromptState next;
    next.raw = buildMarkup(plain, ranges);
    next.spans = data;
    setPromptState(next, tr("Import subtitles"), false);
    m_undoStack->endMacro();
}

QVector<SubtitleCue> ProjectDocument::exportCues() const {
    QVector<SubtitleCue> cues;
    for (const SpanRow& row : m_spans->rows())
        cues.push_back({row.data.startMs, row.data.endMs, m_speakers->nameOf(row.data.speakerId),
                        row.text.simplified()});
    return cues;
}

// --- appliers ----------------------------------------------------------------------------

void ProjectDocument::applyPromptState(const PromptState& state) {
    m_prompt = normalizedPromptState(state);
    m_parsed = parseMarkup(m_prompt.raw);
    m_spans->setRows(spanRows(m_prompt));
    Q_EMIT promptChanged();
}

void ProjectDocument::applyNegativePrompt(const QString& text) {
    m_negativePrompt = text;
    Q_EMIT negativePromptChanged();
}

void ProjectDocument::applySettings(const GenerationSettings& settings) {
    m_settings = settings;
    Q_EMIT settingsChanged();
}

QColor ProjectDocument::nextSpeakerColor() const {
    for (const QColor& c : speakerPalette()) {
        const auto& list = m_speakers->speakers();
        if (std::none_of(list.begin(), list.end(),
                         [&](const SpeakerData& s) { return s.color == c; }))
            return c;
    }
    return speakerPalette()[m_speakers->rowCount() % speakerPalette().size()];
}

QString ProjectDocument::nextSpeakerName() const {
    for (int n = 1;; ++n) {
        const QString name = tr("Speaker %1").arg(n);
        if (m_speakers->rowOfName(name) < 0) return name;
    }
}

// --- files -----------------------------------------------------------------------------------

QString ProjectDocument::projectDir() const {
    return m_filePath.isEmpty() ? m_stagingDir : QFileInfo(m_filePath).absolutePath();
}

QString ProjectDocument::displayName() const {
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).completeBaseName();
}

bool ProjectDocument::isModified() const {
    return m_recovered || !m_undoStack->isClean();
}

QString ProjectDocument::voicePath(const SpeakerData& speaker) const {
    return speaker.voiceFile.isEmpty() ? QString() : QDir(projectDir()).filePath(speaker.voiceFile);
}

ProjectSnapshot ProjectDocument::snapshot() const {
    ProjectSnapshot s;
    s.id = m_id;
    s.prompt = m_prompt;
    s.negativePrompt = m_negativePrompt;
    s.speakers = m_speakers->speakers();
    s.settings = m_settings;
    s.queue = m_queueRecords;
    return s;
}

bool ProjectDocument::save(const QString& pathIn, QString* error) {
    QString path = QFileInfo(pathIn).absoluteFilePath();
    if (QFileInfo(path).suffix() != QLatin1String(kProjectSuffix))
        path += u'.' + QLatin1String(kProjectSuffix);
    const QString newDir = QFileInfo(path).absolutePath();
    const QString oldDir = projectDir();
    const QString oldAutosave = autosavePath();
    const bool wasUntitled = isUntitled();
    // Voices move with the project (the whole folder: undo may bring back an older clip).
    if (!copyVoicesFolder(oldDir, newDir, error)) return false;
    if (!writeFileAtomically(path, projectToJson(snapshot()), error)) return false;
    m_filePath = path;
    m_recovered = false;
    QFile::remove(oldAutosave);
    QFile::remove(autosavePath());
    if (wasUntitled && !m_stagingDir.isEmpty() &&
        QDir(oldDir).canonicalPath() != QDir(newDir).canonicalPath()) {
        // The staging copies now live in the project folder.
        QDir(QDir(m_stagingDir).filePath(QLatin1String(kVoicesFolder))).removeRecursively();
        QDir().rmdir(m_stagingDir);
    }
    m_undoStack->setClean();
    Q_EMIT fileChanged();
    return true;
}

void ProjectDocument::restore(const ProjectSnapshot& s) {
    m_loading = true;
    m_undoStack->clear();
    m_id = s.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : s.id;
    m_speakers->resetSpeakers(s.speakers);
    applyPromptState(s.prompt);
    applyNegativePrompt(s.negativePrompt);
    applySettings(s.settings);
    m_queueRecords = s.queue;
    m_loading = false;
}

void ProjectDocument::checkVoices(QStringList* warnings) const {
    if (!warnings) return;
    for (const SpeakerData& s : m_speakers->speakers()) {
        if (s.voiceFile.isEmpty()) continue;
        const QString path = voicePath(s);
        if (!QFileInfo::exists(path)) {
            *warnings << tr("The voice of %1 is missing: %2").arg(s.name, s.voiceFile);
            continue;
        }
        const QString sha = sha256OfFile(path);
        if (!s.voiceSha256.isEmpty() && sha != s.voiceSha256)
            *warnings
                << tr("The voice of %1 changed since it was attached: %2").arg(s.name, s.voiceFile);
    }
}

bool ProjectDocument::open(const QString& pathIn, OpenChoice choice, QString* error,
                           QStringList* warnings) {
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    const QString source =
        choice == OpenChoice::autosave && QFileInfo::exists(autosavePathFor(path))
            ? autosavePathFor(path)
            : path;
    QString readError;
    const QByteArray bytes = readAll(source, &readError);
    if (bytes.isEmpty()) {
        if (error) *error = readError.isEmpty() ? tr("the file is empty") : readError;
        return false;
    }
    ProjectSnapshot s;
    if (!projectFromJson(bytes, &s, error)) return false;
    m_filePath = path;
    m_recovered = source != path;
    restore(s);
    checkVoices(warnings);
    writeAutosave();  // keeps a restored autosave, drops one the user declined
    Q_EMIT fileChanged();
    return true;
}

bool ProjectDocument::openRecoveredUntitled(const QString& autosaveFile, QString* error,
                                            QStringList* warnings) {
    QString readError;
    const QByteArray bytes = readAll(autosaveFile, &readError);
    ProjectSnapshot s;
    if (bytes.isEmpty()) {
        if (error) *error = readError.isEmpty() ? tr("the file is empty") : readError;
        return false;
    }
    if (!projectFromJson(bytes, &s, error)) return false;
    m_filePath.clear();
    m_stagingDir = QFileInfo(autosaveFile).absolutePath();
    m_recovered = true;
    restore(s);
    checkVoices(warnings);
    Q_EMIT fileChanged();
    return true;
}

QString ProjectDocument::autosavePath() const {
    if (m_filePath.isEmpty())
        return m_stagingDir.isEmpty()
                   ? QString()
                   : QDir(m_stagingDir).filePath(QLatin1String(kUntitledAutosaveName));
    return autosavePathFor(m_filePath);
}

void ProjectDocument::writeAutosave() {
    if (m_loading) return;
    const QString path = autosavePath();
    if (path.isEmpty()) return;
    if (!isModified()) {
        QFile::remove(path);  // the saved file is the whole truth
        return;
    }
    QString error;
    if (!writeFileAtomically(path, projectToJson(snapshot()), &error)) Q_EMIT autosaveFailed(error);
}

void ProjectDocument::discardRecoveryData() {
    QFile::remove(autosavePath());
    if (isUntitled() && !m_stagingDir.isEmpty()) {
        QDir(QDir(m_stagingDir).filePath(QLatin1String(kVoicesFolder))).removeRecursively();
        QDir().rmdir(m_stagingDir);
    }
}

QString autosavePathFor(const QString& projectFile) {
    const QFileInfo info(projectFile);
    return info.absoluteDir().filePath(u'.' + info.fileName() + QStringLiteral(".autosave"));
}

QStringList findUntitledAutosaves(const QString& untitledRoot) {
    QFileInfoList found;
    const QDir root(untitledRoot);
    for (const QFileInfo& dir : root.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QFileInfo file(QDir(dir.absoluteFilePath()).filePath(kUntitledAutosaveName));
        if (file.exists()) found << file;
    }
    std::sort(found.begin(), found.end(), [](const QFileInfo& a, const QFileInfo& b) {
        return a.lastModified() > b.lastModified();
    });
    QStringList out;
    for (const QFileInfo& f : found)
        out << f.absoluteFilePath();
    return out;
}

bool hasRecoverableAutosave(const QString& projectFile) {
    const QString side = autosavePathFor(projectFile);
    if (!QFileInfo::exists(side)) return false;
    return readAll(side, nullptr) != readAll(projectFile, nullptr);
}

}  // namespace nava::ui
