// The prompt editor: the scene prompt with spoken words highlighted in their speaker's colour
// ("Marked" view) and the same prompt with `<S>…<E>` markers ("Raw" view), kept in sync both
// ways through the project document; the negative prompt; character and token counts against
// the text encoder's context; marker and span problems shown inline.
#pragma once

#include <QPointer>
#include <QWidget>

#include "ui/project/project_types.h"
#include "ui/prompt/span_markup.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QToolBar;
class QToolButton;
class QAction;

namespace nava::ui {

class MarkedTextEdit;
class ProjectDocument;
class RawTextEdit;
class TokenCounter;
class EstimatingTokenCounter;

class PromptEditor : public QWidget {
    Q_OBJECT

public:
    explicit PromptEditor(QWidget* parent = nullptr);
    ~PromptEditor() override;

    void setDocument(ProjectDocument* document);
    // The real tokenizer plugs in here (not owned); nullptr returns to the estimate.
    void setTokenCounter(const TokenCounter* counter);
    void addToolBarAction(QAction* action);  // e.g. "Rewrite", owned by the window

    MarkedTextEdit* markedView() const { return m_marked; }
    RawTextEdit* rawView() const { return m_raw; }
    QPlainTextEdit* negativeView() const { return m_negative; }
    QComboBox* speakerPicker() const { return m_speakerPicker; }
    QAction* markAction() const { return m_markAction; }
    QAction* unmarkAction() const { return m_unmarkAction; }
    void showRawView(bool raw);

    // Marks the marked view's selection for the speaker chosen in the picker.
    bool markSelection();
    bool unmarkSelection();
    void selectSpan(int row);  // selects the span's words in the marked view

Q_SIGNALS:
    void spanActivated(int row);  // the cursor entered span `row` in the marked view

private:
    void refreshFromDocument();
    void refreshNegative();
    void refreshHighlights();
    void refreshStatus();
    void onMarkedContentsChange(int position, int removed, int added);
    void onRawTextChanged();
    void onNegativeChanged();
    void onMarkedToolTip(int position, const QPoint& globalPos);
    void onMarkedContextMenu(const QPoint& pos);
    int spanAt(int plainPosition) const;

    QPointer<ProjectDocument> m_document;
    const TokenCounter* m_counter = nullptr;
    std::unique_ptr<EstimatingTokenCounter> m_estimate;

    QToolBar* m_toolBar = nullptr;
    QComboBox* m_speakerPicker = nullptr;
    QAction* m_markAction = nullptr;
    QAction* m_unmarkAction = nullptr;
    QTabWidget* m_views = nullptr;
    MarkedTextEdit* m_marked = nullptr;
    RawTextEdit* m_raw = nullptr;
    QPlainTextEdit* m_negative = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_issues = nullptr;

    // Span ranges of the marked view's text as last synchronised, with their data; edits in
    // the marked view move them (mapThroughEdit) before the document hears of the change.
    QVector<PlainRange> m_ranges;
    QVector<SpanData> m_rangeData;
    int m_lastPlainLength = 0;
    bool m_applying = false;
    bool m_inMarkedEdit = false;  // the marked view's QTextDocument is mid-change
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace nava::ui
