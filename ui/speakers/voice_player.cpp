#include "ui/speakers/voice_player.h"

#include <QUrl>

#ifdef NAVA_HAVE_QT_MULTIMEDIA
#include <QAudioDevice>  // before QAudioOutput, which needs it complete in Qt 6.4
#include <QAudioOutput>
#include <QMediaDevices>
#include <QMediaPlayer>
#endif

namespace nava::ui {

VoicePlayer::VoicePlayer(QObject* parent) : QObject(parent) {}

VoicePlayer::~VoicePlayer() = default;

bool VoicePlayer::isAvailable() const {
#ifdef NAVA_HAVE_QT_MULTIMEDIA
    if (m_available < 0) m_available = QMediaDevices::audioOutputs().isEmpty() ? 0 : 1;
    return m_available == 1;
#else
    return false;
#endif
}

void VoicePlayer::play(const QString& file, qint64 startMs, qint64 endMs) {
#ifdef NAVA_HAVE_QT_MULTIMEDIA
    if (!isAvailable()) return;
    if (!m_player) {
        // Created on first use only: the player needs the media backend, the output a device.
        m_player = new QMediaPlayer(this);
        m_output = new QAudioOutput(this);
        m_player->setAudioOutput(m_output);
        connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
            Q_EMIT positionChanged(ms);
            if (m_endMs >= 0 && ms >= m_endMs) stop();
        });
        connect(m_player, &QMediaPlayer::playbackStateChanged, this,
                [this](QMediaPlayer::PlaybackState state) {
                    setPlaying(state == QMediaPlayer::PlayingState);
                });
    }
    m_endMs = endMs;
    m_player->setSource(QUrl::fromLocalFile(file));
    m_player->setPosition(startMs);
    m_player->play();
#else
    Q_UNUSED(file);
    Q_UNUSED(startMs);
    Q_UNUSED(endMs);
#endif
}

void VoicePlayer::stop() {
#ifdef NAVA_HAVE_QT_MULTIMEDIA
    if (m_player) m_player->stop();
#endif
    setPlaying(false);
}

void VoicePlayer::setPlaying(bool playing) {
    if (playing == m_playing) return;
    m_playing = playing;
    if (!playing) Q_EMIT positionChanged(-1);
    Q_EMIT playingChanged(playing);
}

}  // namespace nava::ui
