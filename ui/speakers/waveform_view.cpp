#include "ui/speakers/waveform_view.h"

#include <algorithm>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace nava::ui {

WaveformView::WaveformView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Voice waveform"));
    setToolTip(tr("Drag to select a part of the voice; Esc clears the selection"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize WaveformView::sizeHint() const {
    return {320, 72};
}

QSize WaveformView::minimumSizeHint() const {
    return {120, 72};
}

void WaveformView::setAudio(const nava::media::AudioBuffer& audio) {
    m_audio = audio;
    m_durationMs = qint64(audio.duration_s() * 1000.0);
    m_selectionStartMs = m_selectionEndMs = 0;
    m_playheadMs = -1;
    recomputePeaks();
    update();
}

void WaveformView::clear() {
    setAudio({});
}

void WaveformView::setSelection(qint64 startMs, qint64 endMs) {
    startMs = std::clamp<qint64>(startMs, 0, m_durationMs);
    endMs = std::clamp<qint64>(endMs, 0, m_durationMs);
    if (endMs < startMs) std::swap(startMs, endMs);
    if (startMs == m_selectionStartMs && endMs == m_selectionEndMs) return;
    m_selectionStartMs = startMs;
    m_selectionEndMs = endMs;
    update();
    Q_EMIT selectionChanged(startMs, endMs);
}

void WaveformView::setPlayheadMs(qint64 ms) {
    m_playheadMs = ms;
    update();
}

qint64 WaveformView::msAt(int x) const {
    if (width() <= 0) return 0;
    return std::clamp<qint64>(qint64(x) * m_durationMs / width(), 0, m_durationMs);
}

int WaveformView::xAt(qint64 ms) const {
    return m_durationMs > 0 ? int(ms * width() / m_durationMs) : 0;
}

void WaveformView::recomputePeaks() {
    m_peaks = waveformPeaks(m_audio, std::max(1, width()));
}

void WaveformView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    recomputePeaks();
}

void WaveformView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    if (!hasAudio()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter,
                   tr("No voice attached — drop a sound or video file here"));
        return;
    }
    if (hasSelection()) {
        QColor sel = pal.color(QPalette::Highlight);
        sel.setAlpha(70);
        p.fillRect(
            QRect(QPoint(xAt(m_selectionStartMs), 0), QPoint(xAt(m_selectionEndMs), height())),
            sel);
    }
    const int mid = height() / 2;
    const double half = (height() - 6) / 2.0;
    p.setPen(pal.color(QPalette::Text).lighter(150));
    p.drawLine(0, mid, width(), mid);
    p.setPen(pal.color(QPalette::Highlight).darker(110));
    for (int x = 0; x < m_peaks.maxima.size(); ++x) {
        const int top = mid - int(std::clamp(m_peaks.maxima[x], -1.0f, 1.0f) * half);
        const int bottom = mid - int(std::clamp(m_peaks.minima[x], -1.0f, 1.0f) * half);
        p.drawLine(x, top, x, std::max(top, bottom));
    }
    // Marks where the good length (3–10 s) ends.
    p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DashLine));
    for (const qint64 ms : {kShortestGoodVoiceMs, kLongestGoodVoiceMs})
        if (ms < m_durationMs) p.drawLine(xAt(ms), 0, xAt(ms), height());
    if (m_playheadMs >= 0) {
        p.setPen(QPen(QColor(0xd0, 0x30, 0x30), 2));
        p.drawLine(xAt(m_playheadMs), 0, xAt(m_playheadMs), height());
    }
}

void WaveformView::mousePressEvent(QMouseEvent* event) {
    if (!hasAudio() || event->button() != Qt::LeftButton) return;
    m_anchorMs = msAt(event->position().toPoint().x());
    setSelection(m_anchorMs, m_anchorMs);
}

void WaveformView::mouseMoveEvent(QMouseEvent* event) {
    if (m_anchorMs < 0) return;
    setSelection(m_anchorMs, msAt(event->position().toPoint().x()));
}

void WaveformView::mouseReleaseEvent(QMouseEvent*) {
    m_anchorMs = -1;
}

void WaveformView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && hasSelection()) {
        setSelection(0, 0);
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace nava::ui
