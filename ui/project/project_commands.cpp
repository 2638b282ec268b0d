#include "ui/project/project_commands.h"

#include <QCoreApplication>
#include <QDateTime>

#include "ui/project/project_document.h"
#include "ui/project/speaker_model.h"

namespace nava::ui {
namespace {

class ProjectCommands {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::ProjectCommands)
};

constexpr qint64 kTypingMergeWindowMs = 1500;

}  // namespace

PromptCommand::PromptCommand(ProjectDocument* document, PromptState before, PromptState after,
                             const QString& text, bool typing, QUndoCommand* parent)
    : QUndoCommand(text, parent),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_typing(typing),
      m_timeMs(QDateTime::currentMSecsSinceEpoch()) {}

void PromptCommand::undo() {
    m_document->applyPromptState(m_before);
}

void PromptCommand::redo() {
    m_document->applyPromptState(m_after);
}

int PromptCommand::id() const {
    return m_typing ? kTypingCommandId : -1;
}

bool PromptCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const PromptCommand*>(other);
    if (!next->m_typing || next->m_timeMs - m_timeMs > kTypingMergeWindowMs) return false;
    m_after = next->m_after;
    m_timeMs = next->m_timeMs;
    return true;
}

NegativePromptCommand::NegativePromptCommand(ProjectDocument* document, QString before,
                                             QString after)
    : QUndoCommand(ProjectCommands::tr("Edit negative prompt")),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)) {}

void NegativePromptCommand::undo() {
    m_document->applyNegativePrompt(m_before);
}

void NegativePromptCommand::redo() {
    m_document->applyNegativePrompt(m_after);
}

bool NegativePromptCommand::mergeWith(const QUndoCommand* other) {
    m_after = static_cast<const NegativePromptCommand*>(other)->m_after;
    return true;
}

SettingsCommand::SettingsCommand(ProjectDocument* document, GenerationSettings before,
                                 GenerationSettings after, const QString& text, int mergeKey)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_mergeKey(mergeKey) {}

void SettingsCommand::undo() {
    m_document->applySettings(m_before);
}

void SettingsCommand::redo() {
    m_document->applySettings(m_after);
}

bool SettingsCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SettingsCommand*>(other);
    if (m_mergeKey < 0 || next->m_mergeKey != m_mergeKey) return false;
    m_after = next->m_after;
    return true;
}

AddSpeakerCommand::AddSpeakerCommand(ProjectDocument* document, SpeakerData speaker, int row,
                                     QUndoCommand* parent)
    : QUndoCommand(ProjectCommands::tr("Add speaker %1").arg(speaker.name), parent),
      m_document(document),
      m_speaker(std::move(speaker)),
      m_row(row) {}

void AddSpeakerCommand::undo() {
    m_document->speakers()->removeSpeaker(m_row);
}

void AddSpeakerCommand::redo() {
    m_document->speakers()->insertSpeaker(m_row, m_speaker);
}

RemoveSpeakerCommand::RemoveSpeakerCommand(ProjectDocument* document, int row,
                                           PromptState promptBefore, PromptState promptAfter)
    : m_document(document),
      m_speaker(document->speakers()->at(row)),
      m_row(row),
      m_promptBefore(std::move(promptBefore)),
      m_promptAfter(std::move(promptAfter)) {
    setText(ProjectCommands::tr("Remove speaker %1").arg(m_speaker.name));
}

void RemoveSpeakerCommand::undo() {
    m_document->speakers()->insertSpeaker(m_row, m_speaker);
    m_document->applyPromptState(m_promptBefore);
}

void RemoveSpeakerCommand::redo() {
    m_document->applyPromptState(m_promptAfter);
    m_document->speakers()->removeSpeaker(m_row);
}

ChangeSpeakerCommand::ChangeSpeakerCommand(ProjectDocument* document, SpeakerData before,
                                           SpeakerData after, const QString& text)
    : QUndoCommand(text),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)) {}

void ChangeSpeakerCommand::undo() {
    apply(m_before);
}

void ChangeSpeakerCommand::redo() {
    apply(m_after);
}

void ChangeSpeakerCommand::apply(const SpeakerData& value) {
    SpeakerModel* model = m_document->speakers();
    model->replaceSpeaker(model->rowOfId(value.id), value);
}

}  // namespace nava::ui
