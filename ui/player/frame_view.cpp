#include "ui/player/frame_view.h"

#include <QMouseEvent>
#include <QPainter>

namespace nava::ui {

FrameView::FrameView(QWidget* parent) : QWidget(parent) {
    // Clicking the picture gives the player the keyboard (Space, arrows).
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Video"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize FrameView::sizeHint() const {
    return {640, 360};
}

QSize FrameView::minimumSizeHint() const {
    return {160, 90};
}

void FrameView::setFrame(const QImage& frame) {
    m_frame = frame;
    update();
}

void FrameView::setPlaceholder(const QString& text) {
    m_placeholder = text;
    update();
}

void FrameView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(16, 16, 18));
    if (m_frame.isNull()) {
        p.setPen(QColor(170, 170, 180));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
    } else {
        const QSize scaled = m_frame.size().scaled(size(), Qt::KeepAspectRatio);
        const QRect target(QPoint((width() - scaled.width()) / 2, (height() - scaled.height()) / 2),
                           scaled);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(target, m_frame);
    }
    if (hasFocus()) {
        QColor ring = palette().color(QPalette::Highlight);
        ring.setAlpha(160);
        p.setPen(QPen(ring, 2));
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void FrameView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) Q_EMIT clicked();
    QWidget::mousePressEvent(event);
}

}  // namespace nava::ui
