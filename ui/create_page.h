// The Create tab: prompt editor and timeline on the left; speakers, generation settings and the
// Generate button on the right.
#pragma once

#include <QWidget>

class QAction;
class QToolButton;

namespace nava::ui {

class GenerationPanel;
class ProjectDocument;
class PromptEditor;
class SpeakersPanel;
class TimelinePanel;

class CreatePage : public QWidget {
    Q_OBJECT

public:
    explicit CreatePage(QAction* generateAction, QWidget* parent = nullptr);

    void setDocument(ProjectDocument* document);

    PromptEditor* promptEditor() const { return m_prompt; }
    SpeakersPanel* speakersPanel() const { return m_speakers; }
    TimelinePanel* timelinePanel() const { return m_timeline; }
    GenerationPanel* generationPanel() const { return m_generation; }
    QToolButton* generateButton() const { return m_generate; }

private:
    PromptEditor* m_prompt = nullptr;
    SpeakersPanel* m_speakers = nullptr;
    TimelinePanel* m_timeline = nullptr;
    GenerationPanel* m_generation = nullptr;
    QToolButton* m_generate = nullptr;
};

}  // namespace nava::ui
