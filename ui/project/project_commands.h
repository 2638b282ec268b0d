// One QUndoCommand per kind of project edit. Each holds the values before and after, so undo
// and redo are exact; the document applies them through its apply*() functions and models.
#pragma once

#include <QUndoCommand>

#include "ui/project/generation_settings.h"
#include "ui/project/project_types.h"

namespace nava::ui {

class ProjectDocument;

enum CommandId {
    kTypingCommandId = 1,
    kNegativePromptCommandId,
    kSettingsCommandId,
};

// The prompt and its spans: typing, marking/unmarking speech, a span's speaker or times,
// an accepted rewrite. Consecutive typing within a short time merges into one step.
class PromptCommand : public QUndoCommand {
public:
    PromptCommand(ProjectDocument* document, PromptState before, PromptState after,
                  const QString& text, bool typing, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    PromptState m_before;
    PromptState m_after;
    bool m_typing;
    qint64 m_timeMs;
};

class NegativePromptCommand : public QUndoCommand {
public:
    NegativePromptCommand(ProjectDocument* document, QString before, QString after);
    void undo() override;
    void redo() override;
    int id() const override { return kNegativePromptCommandId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    QString m_before;
    QString m_after;
};

// A change of generation settings; changes of the same field (mergeKey >= 0) in a row merge,
// so dragging a slider is one undo step.
class SettingsCommand : public QUndoCommand {
public:
    SettingsCommand(ProjectDocument* document, GenerationSettings before, GenerationSettings after,
                    const QString& text, int mergeKey);
    void undo() override;
    void redo() override;
    int id() const override { return kSettingsCommandId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    ProjectDocument* m_document;
    GenerationSettings m_before;
    GenerationSettings m_after;
    int m_mergeKey;
};

class AddSpeakerCommand : public QUndoCommand {
public:
    AddSpeakerCommand(ProjectDocument* document, SpeakerData speaker, int row,
                      QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ProjectDocument* m_document;
    SpeakerData m_speaker;
    int m_row;
};

// Removing a speaker also clears it from the spans it spoke; undo gives both back.
class RemoveSpeakerCommand : public QUndoCommand {
public:
    RemoveSpeakerCommand(ProjectDocument* document, int row, PromptState promptBefore,
                         PromptState promptAfter);
    void undo() override;
    void redo() override;

private:
    ProjectDocument* m_document;
    SpeakerData m_speaker;
    int m_row;
    PromptState m_promptBefore;
    PromptState m_promptAfter;
};

// Rename, new colour, attached or trimmed voice: the speaker's data before and after.
class ChangeSpeakerCommand : public QUndoCommand {
public:
    ChangeSpeakerCommand(ProjectDocument* document, SpeakerData before, SpeakerData after,
                         const QString& text);
    void undo() override;
    void redo() override;

private:
    void apply(const SpeakerData& value);
    ProjectDocument* m_document;
    SpeakerData m_before;
    SpeakerData m_after;
};

}  // namespace nava::ui
