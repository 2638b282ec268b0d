#include "ui/player/clip_waveform.h"

#include <algorithm>

#include <QMouseEvent>
#include <QPainter>

#include "ui/speakers/voice_analysis.h"

namespace nava::ui {

ClipWaveform::ClipWaveform(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Sound waveform"));
    setToolTip(tr("The clip's sound; click or drag to move the playhead"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize ClipWaveform::sizeHint() const {
    return {480, 56};
}

QSize ClipWaveform::minimumSizeHint() const {
    return {120, 56};
}

void ClipWaveform::setAudio(const nava::media::AudioBuffer& audio, qint64 durationMs) {
    const WaveformPeaks peaks = waveformPeaks(audio, kEnvelopeBuckets);
    m_minima = peaks.minima;
    m_maxima = peaks.maxima;
    m_audioMs = qint64(audio.duration_s() * 1000.0);
    m_durationMs = std::max(durationMs, m_audioMs);
    m_placeholder.clear();
    update();
}

void ClipWaveform::clear(const QString& placeholder) {
    m_minima.clear();
    m_maxima.clear();
    m_audioMs = 0;
    m_durationMs = 0;
    m_positionMs = 0;
    m_placeholder = placeholder;
    update();
}

void ClipWaveform::setPositionMs(qint64 ms) {
    if (ms == m_positionMs) return;
    m_positionMs = ms;
    update();
}

qint64 ClipWaveform::msAt(int x) const {
    if (width() <= 0) return 0;
    return std::clamp<qint64>(qint64(x) * m_durationMs / width(), 0, m_durationMs);
}

int ClipWaveform::xAt(qint64 ms) const {
    return m_durationMs > 0 ? int(ms * width() / m_durationMs) : 0;
}

void ClipWaveform::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), QColor(28, 28, 32));
    if (!hasAudio()) {
        p.setPen(QColor(150, 150, 160));
        p.drawText(rect(), Qt::AlignCenter, m_placeholder);
        return;
    }
    // 1. The envelope: each pixel column takes the extremes of the buckets it covers.
    const int mid = height() / 2;
    const double half = (height() - 6) / 2.0;
    const int audioWidth = xAt(m_audioMs);
    const int buckets = m_maxima.size();
    const QColor played = pal.color(QPalette::Highlight).lighter(120);
    const QColor ahead(120, 160, 200);
    const int playX = xAt(m_positionMs);
    for (int x = 0; x < audioWidth; ++x) {
        const int first = int(qint64(x) * buckets / std::max(1, audioWidth));
        const int last =
            std::max(first + 1, int(qint64(x + 1) * buckets / std::max(1, audioWidth)));
        float lo = 1.0f, hi = -1.0f;
        for (int b = first; b < last && b < buckets; ++b) {
            lo = std::min(lo, m_minima[b]);
            hi = std::max(hi, m_maxima[b]);
        }
        if (hi < lo) continue;
        p.setPen(x <= playX ? played : ahead);
        const int top = mid - int(std::clamp(hi, -1.0f, 1.0f) * half);
        const int bottom = mid - int(std::clamp(lo, -1.0f, 1.0f) * half);
        p.drawLine(x, top, x, std::max(top, bottom));
    }
    p.setPen(QColor(70, 70, 80));
    p.drawLine(audioWidth, mid, width(), mid);  // no sound after the track ends

    // 2. The playhead.
    p.setPen(QPen(QColor(0xff, 0x5a, 0x4f), 2));
    p.drawLine(playX, 0, playX, height());
}

void ClipWaveform::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && m_durationMs > 0)
        Q_EMIT seekRequested(msAt(event->position().toPoint().x()));
}

void ClipWaveform::mouseMoveEvent(QMouseEvent* event) {
    if ((event->buttons() & Qt::LeftButton) && m_durationMs > 0)
        Q_EMIT seekRequested(msAt(event->position().toPoint().x()));
}

}  // namespace nava::ui
