#include "ui/create_page.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QListView>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/generation/generation_panel.h"
#include "ui/prompt/prompt_editor.h"
#include "ui/prompt/prompt_edits_widgets.h"
#include "ui/speakers/speakers_panel.h"
#include "ui/speakers/waveform_view.h"
#include "ui/timeline/timeline_panel.h"
#include "ui/timeline/timeline_view.h"

namespace nava::ui {

CreatePage::CreatePage(QAction* generateAction, QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    auto* columns = new QSplitter(Qt::Horizontal, this);
    columns->setChildrenCollapsible(false);

    // 1. Left: what happens and who says what, when.
    auto* left = new QSplitter(Qt::Vertical, columns);
    left->setChildrenCollapsible(false);
    m_prompt = new PromptEditor(left);
    m_timeline = new TimelinePanel(left);
    left->addWidget(m_prompt);
    left->addWidget(m_timeline);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    // 2. Right: voices and how to generate.
    auto* right = new QWidget(columns);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    m_speakers = new SpeakersPanel(right);
    rightLayout->addWidget(m_speakers);
    auto* line = new QFrame(right);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    rightLayout->addWidget(line);
    auto* scroll = new QScrollArea(right);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_generation = new GenerationPanel(scroll);
    scroll->setWidget(m_generation);
    rightLayout->addWidget(scroll, 1);
    m_generate = new QToolButton(right);
    m_generate->setObjectName(QStringLiteral("generateButton"));
    m_generate->setDefaultAction(generateAction);
    m_generate->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_generate->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_generate->setMinimumHeight(36);
    QFont big = m_generate->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_generate->setFont(big);
    rightLayout->addWidget(m_generate);
    right->setMinimumWidth(340);

    columns->addWidget(left);
    columns->addWidget(right);
    columns->setStretchFactor(0, 3);
    columns->setStretchFactor(1, 2);
    layout->addWidget(columns);

    // The words in the editor and the blocks on the timeline select each other.
    connect(m_prompt, &PromptEditor::spanActivated, m_timeline->view(), &TimelineView::selectSpan);
    connect(m_timeline->view(), &TimelineView::spanClicked, m_prompt, &PromptEditor::selectSpan);

    // Keyboard order: prompt, negative prompt, speakers, generation settings, Generate.
    setTabOrder(m_prompt->markedView(), m_prompt->negativeView());
    setTabOrder(m_prompt->negativeView(), m_timeline->view());
    setTabOrder(m_timeline->view(), m_speakers->listView());
    setTabOrder(m_speakers->waveform(), m_generation);
    setTabOrder(m_generation, m_generate);
}

void CreatePage::setDocument(ProjectDocument* document) {
    m_prompt->setDocument(document);
    m_speakers->setDocument(document);
    m_timeline->setDocument(document);
    m_generation->setDocument(document);
}

}  // namespace nava::ui
