// Plays a voice clip (or part of it) through Qt Multimedia, only where that is safe: with no
// audio output device, attaching a QAudioOutput crashes some backends, so nothing is created
// and isAvailable() is false.
#pragma once

#include <QObject>

class QMediaPlayer;
class QAudioOutput;
class QTimer;

namespace nava::ui {

class VoicePlayer : public QObject {
    Q_OBJECT

public:
    explicit VoicePlayer(QObject* parent = nullptr);
    ~VoicePlayer() override;

    // Qt Multimedia built in and at least one audio output device present (checked once).
    bool isAvailable() const;
    bool isPlaying() const { return m_playing; }
    void play(const QString& file, qint64 startMs = 0, qint64 endMs = -1);
    void stop();

Q_SIGNALS:
    void playingChanged(bool playing);
    void positionChanged(qint64 ms);

private:
    void setPlaying(bool playing);

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_output = nullptr;
    qint64 m_endMs = -1;
    bool m_playing = false;
    mutable int m_available = -1;  // -1 unknown
};

}  // namespace nava::ui
