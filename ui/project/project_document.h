// One open project: its state, the models views show, the undo stack every edit goes through,
// saving/opening `.nava` files and the autosave side file that survives a crash.
//
// Edits (the public verbs below) each push one QUndoCommand; the commands call the apply*()
// functions and the models' mutators. Views never change state any other way.
#pragma once

#include <QJsonArray>
#include <QObject>
#include <QStringList>

#include "ui/project/generation_settings.h"
#include "ui/project/project_types.h"
#include "ui/prompt/span_markup.h"
#include "ui/timeline/subtitle_formats.h"

class QUndoStack;

namespace nava::ui {

class SpeakerModel;
class SpanModel;
struct ProjectSnapshot;

enum class OpenChoice { savedFile, autosave };

class ProjectDocument : public QObject {
    Q_OBJECT

public:
    // `stagingDir`: the folder of an untitled project (voice clips, autosave) until it is saved.
    explicit ProjectDocument(const QString& stagingDir, QObject* parent = nullptr);
    ~ProjectDocument() override;

    // --- state --------------------------------------------------------------------------
    QString id() const { return m_id; }
    const PromptState& promptState() const { return m_prompt; }
    QString prompt() const { return m_prompt.raw; }
    const ParsedMarkup& parsedPrompt() const { return m_parsed; }
    QString negativePrompt() const { return m_negativePrompt; }
    const GenerationSettings& settings() const { return m_settings; }
    SpeakerModel* speakers() const { return m_speakers; }
    SpanModel* spans() const { return m_spans; }
    QUndoStack* undoStack() const { return m_undoStack; }
    // Job records kept in the project file; set by the owner before saving (not an edit).
    QJsonArray queueRecords() const { return m_queueRecords; }
    void setQueueRecords(const QJsonArray& records) { m_queueRecords = records; }

    // --- edits (one undo step each) -------------------------------------------------------
    void setPrompt(const QString& raw);  // raw text edited: span data follows the words
    void setPromptState(const PromptState& state, const QString& description, bool typing);
    bool markSpeech(PlainRange selection, const QString& speakerId);
    bool unmarkSpeech(PlainRange selection);
    void setSpanSpeaker(int row, const QString& speakerId);
    void setSpanTiming(int row, qint64 startMs, qint64 endMs);
    void setNegativePrompt(const QString& text);
    QString addSpeaker(const QString& name = QString());  // returns the new id
    void renameSpeaker(const QString& id, const QString& name);
    void removeSpeaker(const QString& id);
    bool attachVoice(const QString& id, const QString& sourceFile, QString* error);
    void setSpeakerVoice(const QString& id, const QString& relativeFile, const QString& sha256,
                         const QString& description);
    void setSettings(const GenerationSettings& settings, const QString& description,
                     int mergeKey = -1);
    // Subtitle cues become the spans: texts, speakers (created by name when new) and times.
    void importCues(const QVector<SubtitleCue>& cues);
    QVector<SubtitleCue> exportCues() const;

    // --- files ----------------------------------------------------------------------------
    QString filePath() const { return m_filePath; }
    QString stagingDir() const { return m_stagingDir; }
    QString projectDir() const;  // where relative voice paths point
    QString displayName() const;
    bool isUntitled() const { return m_filePath.isEmpty(); }
    bool isModified() const;
    QString voicePath(const SpeakerData& speaker) const;  // absolute; "" without a voice

    bool save(const QString& path, QString* error);
    // Opens a project file (or its autosave, if chosen). `warnings` lists missing or changed
    // voice clips. The undo history starts empty.
    bool open(const QString& path, OpenChoice choice, QString* error, QStringList* warnings);
    // Restores an untitled project from its autosave (found by findUntitledAutosaves).
    bool openRecoveredUntitled(const QString& autosaveFile, QString* error, QStringList* warnings);

    QString autosavePath() const;
    void writeAutosave();
    // After an intentional close without saving: nothing is left to recover.
    void discardRecoveryData();

    // --- used by undo commands -----------------------------------------------------------------
    void applyPromptState(const PromptState& state);
    void applyNegativePrompt(const QString& text);
    void applySettings(const GenerationSettings& settings);

Q_SIGNALS:
    void promptChanged();
    void negativePromptChanged();
    void settingsChanged();
    void fileChanged();  // path or modified state
    void autosaveFailed(const QString& message);

private:
    void restore(const ProjectSnapshot& snapshot);
    void checkVoices(QStringList* warnings) const;
    ProjectSnapshot snapshot() const;
    QColor nextSpeakerColor() const;
    QString nextSpeakerName() const;

    QString m_id;
    QString m_stagingDir;
    QString m_filePath;
    PromptState m_prompt;
    ParsedMarkup m_parsed;
    QString m_negativePrompt;
    GenerationSettings m_settings;
    QJsonArray m_queueRecords;
    SpeakerModel* m_speakers = nullptr;
    SpanModel* m_spans = nullptr;
    QUndoStack* m_undoStack = nullptr;
    bool m_recovered = false;  // state came from an autosave: modified until saved
    bool m_loading = false;    // no autosave while a file is being restored
};

// The side file next to a project: "<dir>/.<name>.nava.autosave".
QString autosavePathFor(const QString& projectFile);
inline constexpr char kUntitledAutosaveName[] = "untitled.nava.autosave";
// "<root>/<any>/untitled.nava.autosave" files, newest first.
QStringList findUntitledAutosaves(const QString& untitledRoot);
// True when the project has an autosave whose content differs from the saved file.
bool hasRecoverableAutosave(const QString& projectFile);

}  // namespace nava::ui
