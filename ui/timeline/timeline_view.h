// The spans on a time axis: one lane per speaker (and one for speech nobody speaks yet), each
// span a block with its words. Drag a block to move it, its edges to change start or end;
// arrow keys nudge the selected span. Overlaps within a lane and speech without a speaker are
// drawn as problems; the clip's end is marked.
#pragma once

#include <QPointer>
#include <QWidget>

namespace nava::ui {

class ProjectDocument;

class TimelineView : public QWidget {
    Q_OBJECT

public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setDocument(ProjectDocument* document);
    int selectedSpan() const { return m_selected; }
    void selectSpan(int row);  // highlights it; no signal

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Geometry, exposed for tests.
    QRect spanRect(int row) const;
    int laneCount() const;

Q_SIGNALS:
    void spanClicked(int row);  // the user picked a span (mouse or keyboard)

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    enum class Drag { none, move, start, end };

    QStringList laneIds() const;  // speaker ids in order, then "" when needed
    int laneOf(const QString& speakerId) const;
    qint64 visibleMs() const;
    double pixelsPerMs() const;
    int xAt(qint64 ms) const;
    qint64 msAt(int x) const;
    int spanAtPoint(const QPoint& p, Drag* drag) const;
    void onModelChanged();

    QPointer<ProjectDocument> m_document;
    int m_selected = -1;
    Drag m_drag = Drag::none;
    int m_dragRow = -1;
    qint64 m_dragOriginMs = 0;
    qint64 m_previewStartMs = 0;
    qint64 m_previewEndMs = 0;
    QList<QMetaObject::Connection> m_connections;
};

}  // namespace nava::ui
