// The clip player: picture and sound in sync, driven by nava::media::Player (the sound output's
// position is the master clock; a timer on the GUI thread polls for the frame that is due).
// Play/pause, seek (slider or waveform), loop, frame steps, volume, the time; saving the clip,
// its sound or the picture on screen. Without a sound device the clip plays silently in real
// time and the player says why.
//
// Keyboard (while the player has focus): Space play/pause, Left/Right one frame, Home start,
// L loop, M mute.
#pragma once

#include <memory>

#include <QTimer>
#include <QWidget>

#include "media/audio_output.h"

class QAction;
class QLabel;
class QSlider;
class QToolButton;

namespace nava::media {
class Player;
}

namespace nava::ui {

class ClipWaveform;
class FrameView;

class PlayerWidget : public QWidget {
    Q_OBJECT

public:
    explicit PlayerWidget(QWidget* parent = nullptr, nava::media::AudioOutputKind output =
                                                         nava::media::AudioOutputKind::automatic);
    ~PlayerWidget() override;

    // Opens a clip (MP4 and the other media files FFmpeg reads, WAV for sound-only clips),
    // paused on its first frame. False + message (and the player empty) when it cannot.
    bool openClip(const QString& path, QString* error = nullptr);
    void closeClip();
    QString clipPath() const { return m_path; }
    bool hasClip() const;

    bool isPlaying() const;
    bool isLooping() const;
    qint64 positionMs() const;
    qint64 durationMs() const { return m_durationMs; }
    double frameRate() const { return m_fps; }
    qint64 frameCount() const { return m_frameCount; }
    // Index of the picture on screen (-1: none yet) and the picture itself.
    qint64 currentFrameIndex() const { return m_frameIndex; }
    QImage currentFrame() const;
    // Why nothing is heard ("" when the sound plays).
    QString soundStatus() const { return m_soundStatus; }

    void play();
    void pause();
    void togglePlay();
    void seekMs(qint64 ms);
    void stepFrames(int frames);  // pauses first
    void setLooping(bool loop);
    void setVolumePercent(int percent);  // 0..100
    void setMuted(bool muted);

    // The exports behind the Save actions, without dialogs.
    bool saveClipCopy(const QString& target, QString* error);
    bool saveSound(const QString& target, QString* error);
    bool saveFrame(const QString& target, QString* error);

    QAction* playAction() const { return m_playAction; }
    QAction* stepBackAction() const { return m_stepBackAction; }
    QAction* stepForwardAction() const { return m_stepForwardAction; }
    QAction* loopAction() const { return m_loopAction; }
    QAction* muteAction() const { return m_muteAction; }
    QAction* saveClipAction() const { return m_saveClipAction; }
    QAction* saveSoundAction() const { return m_saveSoundAction; }
    QAction* saveFrameAction() const { return m_saveFrameAction; }
    QSlider* seekSlider() const { return m_slider; }
    FrameView* frameView() const { return m_frameView; }
    ClipWaveform* waveform() const { return m_waveform; }

Q_SIGNALS:
    void clipChanged(const QString& path);
    void playingChanged(bool playing);
    void message(const QString& text);  // for the status bar

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void buildActions();
    void onTick();
    void refreshTimer();
    void refreshControls();
    void refreshTime(qint64 positionMs);
    void showError(const QString& text);
    void saveInteractive(int kind);

    nava::media::AudioOutputKind m_outputKind;
    std::unique_ptr<nava::media::Player> m_player;
    QTimer m_timer;
    QString m_path;
    qint64 m_durationMs = 0;
    double m_fps = 24.0;
    qint64 m_frameCount = 0;
    qint64 m_frameIndex = -1;
    bool m_hasVideo = false;
    bool m_hasAudio = false;
    bool m_wasPlaying = false;
    bool m_muted = false;
    int m_volumePercent = 100;
    QString m_soundStatus;
    QString m_lastSaveDir;

    FrameView* m_frameView = nullptr;
    ClipWaveform* m_waveform = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_timeLabel = nullptr;
    QLabel* m_frameLabel = nullptr;
    QLabel* m_statusLabel = nullptr;
    QSlider* m_volume = nullptr;
    QToolButton* m_saveButton = nullptr;
    QAction* m_playAction = nullptr;
    QAction* m_stepBackAction = nullptr;
    QAction* m_stepForwardAction = nullptr;
    QAction* m_startAction = nullptr;
    QAction* m_loopAction = nullptr;
    QAction* m_muteAction = nullptr;
    QAction* m_saveClipAction = nullptr;
    QAction* m_saveSoundAction = nullptr;
    QAction* m_saveFrameAction = nullptr;
};

}  // namespace nava::ui
