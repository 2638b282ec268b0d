// A reference voice drawn as a waveform; drag to select a region (for trimming and playing).
#pragma once

#include <QWidget>

#include "media/buffers.h"
#include "ui/speakers/voice_analysis.h"

namespace nava::ui {

class WaveformView : public QWidget {
    Q_OBJECT

public:
    explicit WaveformView(QWidget* parent = nullptr);

    void setAudio(const nava::media::AudioBuffer& audio);
    void clear();
    bool hasAudio() const { return m_durationMs > 0; }
    qint64 durationMs() const { return m_durationMs; }

    bool hasSelection() const { return m_selectionEndMs > m_selectionStartMs; }
    qint64 selectionStartMs() const { return m_selectionStartMs; }
    qint64 selectionEndMs() const { return m_selectionEndMs; }
    void setSelection(qint64 startMs, qint64 endMs);
    void setPlayheadMs(qint64 ms);  // < 0 hides it

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void selectionChanged(qint64 startMs, qint64 endMs);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    qint64 msAt(int x) const;
    int xAt(qint64 ms) const;
    void recomputePeaks();

    nava::media::AudioBuffer m_audio;
    WaveformPeaks m_peaks;
    qint64 m_durationMs = 0;
    qint64 m_selectionStartMs = 0;
    qint64 m_selectionEndMs = 0;
    qint64 m_anchorMs = -1;
    qint64 m_playheadMs = -1;
};

}  // namespace nava::ui
