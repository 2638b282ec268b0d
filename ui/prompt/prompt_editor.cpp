#include "ui/prompt/prompt_editor.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

#include "ui/project/project_document.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/project/validation.h"
#include "ui/prompt/prompt_edits_widgets.h"
#include "ui/prompt/token_counter.h"

namespace nava::ui {
namespace {

QTextEdit::ExtraSelection selectionFor(QTextDocument* doc, int start, int end,
                                       const QTextCharFormat& format) {
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(doc);
    sel.cursor.setPosition(std::clamp(start, 0, doc->characterCount() - 1));
    sel.cursor.setPosition(std::clamp(end, 0, doc->characterCount() - 1), QTextCursor::KeepAnchor);
    sel.format = format;
    return sel;
}

// Replaces the text of an editor after a change made elsewhere (undo, redo, the other view),
// keeping the scroll position and putting the cursor at the end of what changed.
template <class Edit>
void replaceTextKeepingCursor(Edit* edit, const QString& text) {
    const QString old = edit->toPlainText();
    const int scroll = edit->verticalScrollBar()->value();
    int prefix = 0;
    while (prefix < old.size() && prefix < text.size() && old[prefix] == text[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < old.size() - prefix && suffix < text.size() - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    edit->setPlainText(text);
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(int(text.size()) - suffix);
    edit->setTextCursor(cursor);
    edit->verticalScrollBar()->setValue(scroll);
}

}  // namespace

PromptEditor::PromptEditor(QWidget* parent)
    : QWidget(parent), m_estimate(std::make_unique<EstimatingTokenCounter>()) {
    m_counter = m_estimate.get();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // 1. Tool bar: who speaks the selected words.
    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* speaksLabel = new QLabel(tr("Speaker:"), m_toolBar);
    m_speakerPicker = new QComboBox(m_toolBar);
    m_speakerPicker->setObjectName(QStringLiteral("speakerPicker"));
    m_speakerPicker->setMinimumContentsLength(10);
    m_speakerPicker->setToolTip(tr("Who speaks the words you mark"));
    speaksLabel->setBuddy(m_speakerPicker);
    m_markAction = new QAction(tr("Mark speech"), this);
    m_markAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_markAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_markAction->setToolTip(tr("Mark the selected words as spoken by the chosen speaker (%1)")
                                 .arg(m_markAction->shortcut().toString(QKeySequence::NativeText)));
    m_unmarkAction = new QAction(tr("Unmark"), this);
    m_unmarkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_unmarkAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_unmarkAction->setToolTip(
        tr("Turn the selected speech back into scene description (%1)")
            .arg(m_unmarkAction->shortcut().toString(QKeySequence::NativeText)));
    addAction(m_markAction);
    addAction(m_unmarkAction);
    connect(m_markAction, &QAction::triggered, this, [this] { markSelection(); });
    connect(m_unmarkAction, &QAction::triggered, this, [this] { unmarkSelection(); });
    m_toolBar->addWidget(speaksLabel);
    m_toolBar->addWidget(m_speakerPicker);
    m_toolBar->addAction(m_markAction);
    m_toolBar->addAction(m_unmarkAction);
    m_toolBar->addSeparator();
    layout->addWidget(m_toolBar);

    // 2. The two views of the prompt.
    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_marked = new MarkedTextEdit(m_views);
    m_marked->setObjectName(QStringLiteral("markedPrompt"));
    m_marked->setPlaceholderText(
        tr("Describe the scene: who is there, what happens, how it sounds. Select words and "
           "press Mark speech to make someone say them."));
    m_marked->setAccessibleName(tr("Scene prompt"));
    m_marked->setContextMenuPolicy(Qt::CustomContextMenu);
    m_raw = new RawTextEdit(m_views);
    m_raw->setObjectName(QStringLiteral("rawPrompt"));
    m_raw->setAccessibleName(tr("Scene prompt with speech markers"));
    m_raw->setPlaceholderText(tr("The prompt as the model reads it: speech between <S> and <E>."));
    m_views->addTab(m_marked, tr("Marked"));
    m_views->addTab(m_raw, tr("Raw <S>…<E>"));
    m_views->setTabToolTip(0, tr("Spoken words highlighted in their speaker's colour"));
    m_views->setTabToolTip(1, tr("Edit the markers directly; marks follow"));
    layout->addWidget(m_views, 1);
    connect(m_marked->document(), &QTextDocument::contentsChange, this,
            &PromptEditor::onMarkedContentsChange);
    connect(m_raw, &QPlainTextEdit::textChanged, this, &PromptEditor::onRawTextChanged);
    connect(m_marked, &MarkedTextEdit::toolTipRequested, this, &PromptEditor::onMarkedToolTip);
    connect(m_marked, &QWidget::customContextMenuRequested, this,
            &PromptEditor::onMarkedContextMenu);
    connect(m_marked, &QTextEdit::cursorPositionChanged, this, [this] {
        const int row = spanAt(m_marked->textCursor().position());
        if (row >= 0) Q_EMIT spanActivated(row);
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        m_markAction->setEnabled(index == 0);
        m_unmarkAction->setEnabled(index == 0);
    });

    // 3. Counts and problems.
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("promptCounts"));
    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("promptIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    layout->addWidget(m_counts);
    layout->addWidget(m_issues);

    // 4. Negative prompt.
    auto* negativeLabel = new QLabel(tr("&Negative prompt (what to avoid):"), this);
    m_negative = new QPlainTextEdit(this);
    m_negative->setObjectName(QStringLiteral("negativePrompt"));
    m_negative->setUndoRedoEnabled(false);
    m_negative->setTabChangesFocus(true);
    m_negative->setPlaceholderText(tr("Empty: the model's default negative prompt"));
    m_negative->setFixedHeight(m_negative->fontMetrics().lineSpacing() * 3 + 12);
    negativeLabel->setBuddy(m_negative);
    layout->addWidget(negativeLabel);
    layout->addWidget(m_negative);
    connect(m_negative, &QPlainTextEdit::textChanged, this, &PromptEditor::onNegativeChanged);

    setTabOrder(m_marked, m_raw);
    setTabOrder(m_raw, m_negative);
    setDocument(nullptr);
}

PromptEditor::~PromptEditor() = default;

void PromptEditor::setDocument(ProjectDocument* document) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    setEnabled(document != nullptr);
    if (document)
        m_speakerPicker->setModel(document->speakers());
    else
        m_speakerPicker->clear();
    if (document) {
        m_connections << connect(document, &ProjectDocument::promptChanged, this,
                                 &PromptEditor::refreshFromDocument);
        m_connections << connect(document, &ProjectDocument::negativePromptChanged, this,
                                 &PromptEditor::refreshNegative);
        m_connections << connect(document, &ProjectDocument::settingsChanged, this,
                                 &PromptEditor::refreshStatus);
        // Colours and names of speakers show in the highlights and the problems.
        auto* speakers = document->speakers();
        m_connections << connect(speakers, &QAbstractItemModel::dataChanged, this,
                                 &PromptEditor::refreshHighlights);
        m_connections << connect(speakers, &QAbstractItemModel::rowsInserted, this, [this] {
            refreshHighlights();
            if (m_speakerPicker->currentIndex() < 0) m_speakerPicker->setCurrentIndex(0);
        });
        m_connections << connect(speakers, &QAbstractItemModel::rowsRemoved, this,
                                 &PromptEditor::refreshHighlights);
        m_connections << connect(speakers, &QAbstractItemModel::modelReset, this,
                                 &PromptEditor::refreshHighlights);
    }
    refreshFromDocument();
    refreshNegative();
}

void PromptEditor::setTokenCounter(const TokenCounter* counter) {
    m_counter = counter ? counter : m_estimate.get();
    refreshStatus();
}

void PromptEditor::addToolBarAction(QAction* action) {
    m_toolBar->addAction(action);
}

void PromptEditor::showRawView(bool raw) {
    m_views->setCurrentIndex(raw ? 1 : 0);
}

// --- document -> views -----------------------------------------------------------------------

void PromptEditor::refreshFromDocument() {
    const ParsedMarkup parsed = m_document ? m_document->parsedPrompt() : ParsedMarkup();
    const QString raw = m_document ? m_document->prompt() : QString();
    if (m_inMarkedEdit && m_marked->toPlainText() != parsed.plainText) {
        // Typed markers turned into a span: the marked view's text must change, but not from
        // inside its own contentsChange signal.
        QTimer::singleShot(0, this, &PromptEditor::refreshFromDocument);
        return;
    }
    m_applying = true;
    if (m_marked->toPlainText() != parsed.plainText)
        replaceTextKeepingCursor(m_marked, parsed.plainText);
    if (m_raw->toPlainText() != raw) replaceTextKeepingCursor(m_raw, raw);
    m_applying = false;
    m_ranges.clear();
    m_rangeData.clear();
    if (m_document) {
        for (const SpanRow& row : m_document->spans()->rows()) {
            m_ranges.push_back({row.plainStart, row.plainLength});
            m_rangeData.push_back(row.data);
        }
    }
    m_lastPlainLength = parsed.plainText.size();
    refreshHighlights();
}

void PromptEditor::refreshNegative() {
    const QString text = m_document ? m_document->negativePrompt() : QString();
    if (m_negative->toPlainText() == text) return;
    m_applying = true;
    replaceTextKeepingCursor(m_negative, text);
    m_applying = false;
}

void PromptEditor::refreshHighlights() {
    QList<QTextEdit::ExtraSelection> marks;
    if (m_document) {
        const SpeakerModel* speakers = m_document->speakers();
        for (int i = 0; i < m_ranges.size(); ++i) {
            QTextCharFormat format;
            const QString id = m_rangeData.value(i).speakerId;
            QColor color = speakers->colorOf(id);
            color.setAlpha(90);
            format.setBackground(color);
            if (!speakers->byId(id)) {
                format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
                format.setUnderlineColor(QColor(0xd0, 0x30, 0x30));
            } else {
                format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                format.setUnderlineColor(speakers->colorOf(id));
            }
            marks << selectionFor(m_marked->document(), m_ranges[i].start, m_ranges[i].end(),
                                  format);
        }
    }
    m_marked->setExtraSelections(marks);

    // Raw view: the markers themselves, and the broken ones underlined.
    QList<QTextEdit::ExtraSelection> rawMarks;
    if (m_document) {
        const ParsedMarkup& parsed = m_document->parsedPrompt();
        const SpeakerModel* speakers = m_document->speakers();
        for (int i = 0; i < parsed.spans.size(); ++i) {
            QTextCharFormat marker;
            QColor color = speakers->colorOf(m_rangeData.value(i).speakerId);
            marker.setForeground(color.darker(130));
            marker.setFontWeight(QFont::Bold);
            const MarkupSpan& s = parsed.spans[i];
            rawMarks << selectionFor(m_raw->document(), s.rawStart, s.rawStart + 3, marker);
            rawMarks << selectionFor(m_raw->document(), s.rawEnd - 3, s.rawEnd, marker);
        }
        for (const MarkupIssue& issue : parsed.issues) {
            QTextCharFormat bad;
            bad.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            bad.setUnderlineColor(QColor(0xd0, 0x30, 0x30));
            bad.setForeground(QColor(0xd0, 0x30, 0x30));
            rawMarks << selectionFor(m_raw->document(), issue.rawPosition, issue.rawPosition + 3,
                                     bad);
        }
    }
    m_raw->setExtraSelections(rawMarks);
    refreshStatus();
}

void PromptEditor::refreshStatus() {
    if (!m_document) {
        m_counts->clear();
        m_issues->clear();
        return;
    }
    const QString raw = m_document->prompt();
    const int tokens = m_counter->countTokens(raw);
    const int context = m_counter->contextTokens();
    const QString tokenText = m_counter->isEstimate()
                                  ? tr("~%1 / %2 tokens (estimate)").arg(tokens).arg(context)
                                  : tr("%1 / %2 tokens").arg(tokens).arg(context);
    QString counts = tr("Characters: %1").arg(m_document->parsedPrompt().plainText.size()) +
                     QStringLiteral(" · ") + tokenText;
    if (tokens > context) {
        counts +=
            QStringLiteral(" · ") + tr("too long: text past %1 tokens is cut off").arg(context);
        m_counts->setStyleSheet(QStringLiteral("color: #c62828;"));
    } else {
        m_counts->setStyleSheet(QString());
    }
    m_counts->setText(counts);

    QVector<ValidationIssue> issues = validateMarkup(m_document->parsedPrompt());
    const qint64 clipMs = qint64(m_document->settings().durationS * 1000.0);
    // The timeline lists the timing problems; here only what concerns the words.
    for (const ValidationIssue& issue :
         validateSpans(m_document->spans()->rows(), *m_document->speakers(), clipMs))
        if (issue.kind == IssueKind::noSpeaker || issue.kind == IssueKind::tooManyVoices)
            issues << issue;
    QStringList lines;
    for (const ValidationIssue& issue : issues) {
        const bool error = issue.severity == IssueSeverity::error;
        lines << QStringLiteral("<span style=\"color:%1;\">%2 %3</span>")
                     .arg(error ? QStringLiteral("#c62828") : QStringLiteral("#b26a00"),
                          error ? QStringLiteral("&#9940;") : QStringLiteral("&#9888;"),
                          issue.message.toHtmlEscaped());
    }
    m_issues->setText(lines.join(QStringLiteral("<br>")));
    m_issues->setVisible(!lines.isEmpty());
}

// --- views -> document -----------------------------------------------------------------------

void PromptEditor::onMarkedContentsChange(int position, int removed, int added) {
    if (m_applying || !m_document) return;
    const QString plain = m_marked->toPlainText();
    // Whole-document replacements report the implicit final separator too; undo that.
    if (removed > 0 && added > 0 && m_lastPlainLength - removed + added != plain.size()) {
        --removed;
        --added;
    }
    if (removed == added && plain.size() == m_lastPlainLength && removed == 0) return;
    QVector<PlainRange> ranges;
    QVector<SpanData> data;
    for (int i = 0; i < m_ranges.size(); ++i) {
        const int start = mapThroughEdit(m_ranges[i].start, true, position, removed, added);
        const int end = mapThroughEdit(m_ranges[i].end(), false, position, removed, added);
        if (end <= start) continue;  // its words were deleted
        ranges.push_back({std::min(start, int(plain.size())),
                          std::min(end, int(plain.size())) - std::min(start, int(plain.size()))});
        data.push_back(m_rangeData.value(i));
    }
    m_ranges = ranges;
    m_rangeData = data;
    m_lastPlainLength = plain.size();
    PromptState state;
    state.raw = buildMarkup(plain, ranges);
    state.spans = data;
    m_inMarkedEdit = true;
    m_document->setPromptState(state, tr("Edit prompt"), true);
    m_inMarkedEdit = false;
}

void PromptEditor::onRawTextChanged() {
    if (m_applying || !m_document) return;
    m_document->setPrompt(m_raw->toPlainText());
}

void PromptEditor::onNegativeChanged() {
    if (m_applying || !m_document) return;
    m_document->setNegativePrompt(m_negative->toPlainText());
}

bool PromptEditor::markSelection() {
    if (!m_document) return false;
    const QString id = m_speakerPicker->currentData(SpeakerModel::IdRole).toString();
    const QTextCursor cursor = m_marked->textCursor();
    const PlainRange selection{cursor.selectionStart(),
                               cursor.selectionEnd() - cursor.selectionStart()};
    return m_document->markSpeech(selection, id);
}

bool PromptEditor::unmarkSelection() {
    if (!m_document) return false;
    const QTextCursor cursor = m_marked->textCursor();
    return m_document->unmarkSpeech(
        {cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()});
}

void PromptEditor::selectSpan(int row) {
    if (row < 0 || row >= m_ranges.size()) return;
    if (spanAt(m_marked->textCursor().position()) == row) return;
    QTextCursor cursor(m_marked->document());
    cursor.setPosition(m_ranges[row].start);
    cursor.setPosition(m_ranges[row].end(), QTextCursor::KeepAnchor);
    m_marked->setTextCursor(cursor);
}

int PromptEditor::spanAt(int plainPosition) const {
    for (int i = 0; i < m_ranges.size(); ++i)
        if (m_ranges[i].start <= plainPosition && plainPosition < m_ranges[i].end()) return i;
    return -1;
}

void PromptEditor::onMarkedToolTip(int position, const QPoint& globalPos) {
    const int row = spanAt(position);
    if (row < 0 || !m_document) {
        QToolTip::hideText();
        return;
    }
    const QString name = m_document->speakers()->nameOf(m_rangeData.value(row).speakerId);
    QToolTip::showText(globalPos,
                       name.isEmpty() ? tr("Speech without a speaker: choose one and press "
                                           "Mark speech")
                                      : tr("Spoken by %1").arg(name),
                       m_marked);
}

void PromptEditor::onMarkedContextMenu(const QPoint& pos) {
    std::unique_ptr<QMenu> menu(m_marked->createStandardContextMenu(pos));
    if (m_document && m_document->speakers()->rowCount() > 0) {
        menu->addSeparator();
        QMenu* speakAs = menu->addMenu(tr("Mark speech of"));
        const SpeakerModel* speakers = m_document->speakers();
        for (int row = 0; row < speakers->rowCount(); ++row) {
            const SpeakerData& s = speakers->at(row);
            QAction* a = speakAs->addAction(
                speakers->data(speakers->index(row), Qt::DecorationRole).value<QPixmap>(), s.name);
            connect(a, &QAction::triggered, this, [this, row] {
                m_speakerPicker->setCurrentIndex(row);
                markSelection();
            });
        }
        speakAs->setEnabled(m_marked->textCursor().hasSelection());
        menu->addAction(m_unmarkAction);
    }
    menu->exec(m_marked->viewport()->mapToGlobal(pos));
}

}  // namespace nava::ui
