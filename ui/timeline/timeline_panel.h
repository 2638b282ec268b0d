// The timeline with its tools: import and export of subtitle/label files, and the span
// problems (no speaker, overlaps, past the clip's end) listed under it.
#pragma once

#include <QPointer>
#include <QWidget>

#include "ui/timeline/subtitle_formats.h"

class QLabel;
class QToolButton;

namespace nava::ui {

class ProjectDocument;
class TimelineView;

class TimelinePanel : public QWidget {
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget* parent = nullptr);

    void setDocument(ProjectDocument* document);
    TimelineView* view() const { return m_view; }
    QLabel* issuesLabel() const { return m_issues; }

    // The file's format comes from its suffix. False with a message (shown inline too).
    bool importFile(const QString& path, QString* error = nullptr);
    bool exportFile(const QString& path, SubtitleFormat format, QString* error = nullptr);

Q_SIGNALS:
    void message(const QString& text);

private:
    void chooseImportFile();
    void chooseExportFile(SubtitleFormat format);
    void refreshIssues();
    void showError(const QString& text);

    QPointer<ProjectDocument> m_document;
    TimelineView* m_view = nullptr;
    QLabel* m_issues = nullptr;
    QString m_lastError;
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace nava::ui
