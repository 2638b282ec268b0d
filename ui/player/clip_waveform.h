// The sound of the open clip as a strip under the picture: peaks computed once from the whole
// track, a playhead, and click/drag to seek.
#pragma once

#include <QVector>
#include <QWidget>

#include "media/buffers.h"

namespace nava::ui {

class ClipWaveform : public QWidget {
    Q_OBJECT

public:
    // Resolution of the stored envelope; painting merges buckets down to the widget's width.
    static constexpr int kEnvelopeBuckets = 2048;

    explicit ClipWaveform(QWidget* parent = nullptr);

    // `durationMs`: of the whole clip (the sound may be shorter than the picture).
    void setAudio(const nava::media::AudioBuffer& audio, qint64 durationMs);
    void clear(const QString& placeholder = QString());
    bool hasAudio() const { return !m_maxima.isEmpty(); }
    void setPositionMs(qint64 ms);
    qint64 positionMs() const { return m_positionMs; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(qint64 ms);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    qint64 msAt(int x) const;
    int xAt(qint64 ms) const;

    QVector<float> m_minima;
    QVector<float> m_maxima;
    qint64 m_audioMs = 0;
    qint64 m_durationMs = 0;
    qint64 m_positionMs = 0;
    QString m_placeholder;
};

}  // namespace nava::ui
