#include "ui/timeline/timeline_panel.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/project/project_document.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/project/validation.h"
#include "ui/timeline/timeline_view.h"

namespace nava::ui {

TimelinePanel::TimelinePanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    header->addWidget(new QLabel(tr("<b>Timeline</b>"), this));
    header->addStretch(1);
    auto* importButton = new QToolButton(this);
    importButton->setText(tr("Import…"));
    importButton->setToolTip(
        tr("Read speech and timing from SRT, WebVTT, ASS or Audacity label files"));
    importButton->setAutoRaise(true);
    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Write the speech as subtitles or labels"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    exportButton->setAutoRaise(true);
    auto* exportMenu = new QMenu(exportButton);
    const QList<QPair<QString, SubtitleFormat>> formats = {
        {tr("SubRip (.srt)"), SubtitleFormat::srt},
        {tr("WebVTT (.vtt)"), SubtitleFormat::webVtt},
        {tr("Advanced SubStation (.ass)"), SubtitleFormat::ass},
        {tr("Audacity labels (.txt)"), SubtitleFormat::audacityLabels}};
    for (const auto& [label, format] : formats) {
        const SubtitleFormat f = format;
        connect(exportMenu->addAction(label), &QAction::triggered, this,
                [this, f] { chooseExportFile(f); });
    }
    exportButton->setMenu(exportMenu);
    header->addWidget(importButton);
    header->addWidget(exportButton);
    layout->addLayout(header);
    connect(importButton, &QToolButton::clicked, this, &TimelinePanel::chooseImportFile);

    m_view = new TimelineView(this);
    m_view->setObjectName(QStringLiteral("timelineView"));
    layout->addWidget(m_view, 1);
    m_issues = new QLabel(this);
    m_issues->setObjectName(QStringLiteral("timelineIssues"));
    m_issues->setWordWrap(true);
    m_issues->setTextFormat(Qt::RichText);
    layout->addWidget(m_issues);
    setDocument(nullptr);
}

void TimelinePanel::setDocument(ProjectDocument* document) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    m_lastError.clear();
    setEnabled(document != nullptr);
    m_view->setDocument(document);
    if (document) {
        m_connections << connect(document, &ProjectDocument::promptChanged, this,
                                 &TimelinePanel::refreshIssues);
        m_connections << connect(document, &ProjectDocument::settingsChanged, this,
                                 &TimelinePanel::refreshIssues);
        m_connections << connect(document->speakers(), &QAbstractItemModel::dataChanged, this,
                                 &TimelinePanel::refreshIssues);
        m_connections << connect(document->speakers(), &QAbstractItemModel::rowsRemoved, this,
                                 &TimelinePanel::refreshIssues);
    }
    refreshIssues();
}

bool TimelinePanel::importFile(const QString& path, QString* error) {
    auto fail = [&](const QString& text) {
        if (error) *error = text;
        showError(text);
        return false;
    };
    if (!m_document) return fail(tr("No project is open."));
    const auto format = subtitleFormatForPath(path);
    if (!format)
        return fail(tr("%1: unknown kind of file (use .srt, .vtt, .ass or .txt)")
                        .arg(QFileInfo(path).fileName()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("%1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    const SubtitleParseResult parsed = parseSubtitles(*format, QString::fromUtf8(file.readAll()));
    if (!parsed.ok()) {
        return fail(parsed.errorLine > 0
                        ? tr("%1, line %2: %3")
                              .arg(QFileInfo(path).fileName())
                              .arg(parsed.errorLine)
                              .arg(parsed.error)
                        : tr("%1: %2").arg(QFileInfo(path).fileName(), parsed.error));
    }
    if (parsed.cues.isEmpty())
        return fail(tr("%1 holds no speech").arg(QFileInfo(path).fileName()));
    m_lastError.clear();
    m_document->importCues(parsed.cues);
    Q_EMIT message(tr("Imported lines of speech: %1").arg(parsed.cues.size()));
    return true;
}

bool TimelinePanel::exportFile(const QString& path, SubtitleFormat format, QString* error) {
    if (!m_document) return false;
    QSaveFile file(path);
    const QByteArray bytes = writeSubtitles(format, m_document->exportCues()).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const QString text = tr("%1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        if (error) *error = text;
        showError(text);
        return false;
    }
    Q_EMIT message(tr("Exported %1").arg(QFileInfo(path).fileName()));
    return true;
}

void TimelinePanel::chooseImportFile() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import speech"), QString(),
                                     tr("Subtitles and labels (*.srt *.vtt *.ass *.ssa *.txt)") +
                                         QStringLiteral(";;") + tr("All files (*)"));
    if (!path.isEmpty()) importFile(path);
}

void TimelinePanel::chooseExportFile(SubtitleFormat format) {
    const QString suffix = subtitleSuffix(format);
    QString name = m_document ? m_document->displayName() : QStringLiteral("speech");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export speech"), name + u'.' + suffix, QStringLiteral("*.") + suffix);
    if (!path.isEmpty()) exportFile(path, format);
}

void TimelinePanel::showError(const QString& text) {
    m_lastError = text;
    refreshIssues();
    Q_EMIT message(text);
}

void TimelinePanel::refreshIssues() {
    QStringList lines;
    if (!m_lastError.isEmpty())
        lines << QStringLiteral("<span style=\"color:#c62828;\">&#9940; %1</span>")
                     .arg(m_lastError.toHtmlEscaped());
    if (m_document) {
        const qint64 clipMs = qint64(m_document->settings().durationS * 1000.0);
        for (const ValidationIssue& issue :
             validateSpans(m_document->spans()->rows(), *m_document->speakers(), clipMs)) {
            if (issue.kind == IssueKind::tooManyVoices) continue;  // shown by the prompt editor
            lines << QStringLiteral("<span style=\"color:#b26a00;\">&#9888; %1</span>")
                         .arg(issue.message.toHtmlEscaped());
        }
    }
    m_issues->setText(lines.join(QStringLiteral("<br>")));
    m_issues->setVisible(!lines.isEmpty());
}

}  // namespace nava::ui
