// The picture of the player: the current frame scaled to fit (letterboxed on black), or a
// short text when there is no picture (sound-only clips, nothing opened).
#pragma once

#include <QImage>
#include <QWidget>

namespace nava::ui {

class FrameView : public QWidget {
    Q_OBJECT

public:
    explicit FrameView(QWidget* parent = nullptr);

    void setFrame(const QImage& frame);
    QImage frame() const { return m_frame; }
    // Shown centred when there is no frame.
    void setPlaceholder(const QString& text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QImage m_frame;
    QString m_placeholder;
};

}  // namespace nava::ui
