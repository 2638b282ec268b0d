#include "ui/player/player_widget.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "media/audio_reader.h"
#include "media/media_error.h"
#include "media/player.h"
#include "media/probe.h"
#include "ui/player/clip_export.h"
#include "ui/player/clip_waveform.h"
#include "ui/player/frame_view.h"

namespace nava::ui {
namespace {

constexpr int kPlayingTickMs = 8;  // well under a frame at 24-60 fps
constexpr int kPausedTickMs = 30;  // still picks up the frame after a seek quickly
constexpr int kWaveformRateHz = 8000;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

// A slider that jumps to where it is clicked (the default moves by a page) and keeps tracking
// while dragged; every user move is reported through actionTriggered.
class SeekSlider : public QSlider {
public:
    using QSlider::QSlider;

protected:
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() == Qt::LeftButton && maximum() > minimum()) {
            QStyleOptionSlider opt;
            initStyleOption(&opt);
            const QRect handle =
                style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
            if (!handle.contains(event->position().toPoint())) {
                const QRect groove =
                    style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
                const int span = std::max(1, groove.width() - handle.width());
                const int x = int(event->position().x()) - groove.x() - handle.width() / 2;
                setSliderPosition(
                    QStyle::sliderValueFromPosition(minimum(), maximum(), x, span, opt.upsideDown));
                triggerAction(QAbstractSlider::SliderMove);
            }
        }
        QSlider::mousePressEvent(event);
    }
};

QToolButton* controlButton(QWidget* parent, QAction* action) {
    auto* b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setAutoRaise(true);
    b->setIconSize(QSize(22, 22));
    return b;
}

}  // namespace

PlayerWidget::PlayerWidget(QWidget* parent, nava::media::AudioOutputKind output)
    : QWidget(parent), m_outputKind(output) {
    setAccessibleName(tr("Clip player"));
    buildActions();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    // 1. Picture, sound, position.
    m_frameView = new FrameView(this);
    m_frameView->setObjectName(QStringLiteral("playerFrame"));
    m_frameView->setToolTip(
        tr("Click to give the player the keyboard: Space plays and pauses, "
           "the arrow keys step one frame"));
    connect(m_frameView, &FrameView::clicked, this, [this] { m_frameView->setFocus(); });
    m_waveform = new ClipWaveform(this);
    connect(m_waveform, &ClipWaveform::seekRequested, this, &PlayerWidget::seekMs);
    m_slider = new SeekSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("playerSlider"));
    m_slider->setAccessibleName(tr("Position"));
    m_slider->setToolTip(tr("Position in the clip"));
    m_slider->setPageStep(1000);
    m_slider->setSingleStep(100);
    connect(m_slider, &QAbstractSlider::actionTriggered, this,
            [this](int) { seekMs(m_slider->sliderPosition()); });
    layout->addWidget(m_frameView, 1);
    layout->addWidget(m_waveform);
    layout->addWidget(m_slider);

    // 2. Transport, time, volume, saving.
    auto* controls = new QHBoxLayout;
    controls->setSpacing(2);
    QToolButton* startButton = controlButton(this, m_startAction);
    QToolButton* backButton = controlButton(this, m_stepBackAction);
    QToolButton* playButton = controlButton(this, m_playAction);
    playButton->setObjectName(QStringLiteral("playButton"));
    QToolButton* forwardButton = controlButton(this, m_stepForwardAction);
    QToolButton* loopButton = controlButton(this, m_loopAction);
    for (QToolButton* b : {startButton, backButton, playButton, forwardButton, loopButton})
        controls->addWidget(b);
    controls->addSpacing(10);
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("playerTime"));
    QFont mono = m_timeLabel->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_timeLabel->setFont(mono);
    m_frameLabel = new QLabel(this);
    m_frameLabel->setFont(mono);
    m_frameLabel->setForegroundRole(QPalette::PlaceholderText);
    controls->addWidget(m_timeLabel);
    controls->addSpacing(8);
    controls->addWidget(m_frameLabel);
    controls->addStretch(1);
    QToolButton* muteButton = controlButton(this, m_muteAction);
    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("playerVolume"));
    m_volume->setRange(0, 100);
    m_volume->setValue(m_volumePercent);
    m_volume->setFixedWidth(90);
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setToolTip(tr("Volume"));
    connect(m_volume, &QSlider::valueChanged, this, &PlayerWidget::setVolumePercent);
    controls->addWidget(muteButton);
    controls->addWidget(m_volume);
    controls->addSpacing(8);
    m_saveButton = new QToolButton(this);
    m_saveButton->setText(tr("Save"));
    m_saveButton->setToolTip(tr("Save the clip, its sound or the picture on screen"));
    m_saveButton->setAccessibleName(tr("Save"));
    m_saveButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_saveButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_saveButton->setPopupMode(QToolButton::InstantPopup);
    auto* saveMenu = new QMenu(m_saveButton);
    saveMenu->addAction(m_saveClipAction);
    saveMenu->addAction(m_saveSoundAction);
    saveMenu->addAction(m_saveFrameAction);
    m_saveButton->setMenu(saveMenu);
    controls->addWidget(m_saveButton);
    layout->addLayout(controls);

    // 3. Why there is no sound, or what went wrong.
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("playerStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_statusLabel);

    setTabOrder(m_frameView, m_slider);
    setTabOrder(m_slider, startButton);
    setTabOrder(startButton, backButton);
    setTabOrder(backButton, playButton);
    setTabOrder(playButton, forwardButton);
    setTabOrder(forwardButton, loopButton);
    setTabOrder(loopButton, muteButton);
    setTabOrder(muteButton, m_volume);
    setTabOrder(m_volume, m_saveButton);

    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlayerWidget::onTick);
    closeClip();
}

PlayerWidget::~PlayerWidget() = default;

void PlayerWidget::buildActions() {
    auto make = [this](const QString& text, const QKeySequence& key, QStyle::StandardPixmap icon) {
        auto* a = new QAction(style()->standardIcon(icon), text, this);
        if (!key.isEmpty()) a->setShortcut(key);
        // Only while the player (or one of its controls) has focus: Space and the arrows mean
        // other things in text fields and lists elsewhere.
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(
            key.isEmpty() ? text : tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        addAction(a);
        return a;
    };
    m_playAction = make(tr("Play"), QKeySequence(Qt::Key_Space), QStyle::SP_MediaPlay);
    m_playAction->setObjectName(QStringLiteral("playAction"));
    connect(m_playAction, &QAction::triggered, this, &PlayerWidget::togglePlay);
    m_stepBackAction =
        make(tr("Previous frame"), QKeySequence(Qt::Key_Left), QStyle::SP_MediaSeekBackward);
    connect(m_stepBackAction, &QAction::triggered, this, [this] { stepFrames(-1); });
    m_stepForwardAction =
        make(tr("Next frame"), QKeySequence(Qt::Key_Right), QStyle::SP_MediaSeekForward);
    connect(m_stepForwardAction, &QAction::triggered, this, [this] { stepFrames(1); });
    m_startAction =
        make(tr("Go to start"), QKeySequence(Qt::Key_Home), QStyle::SP_MediaSkipBackward);
    connect(m_startAction, &QAction::triggered, this, [this] { seekMs(0); });
    m_loopAction = make(tr("Loop"), QKeySequence(Qt::Key_L), QStyle::SP_BrowserReload);
    m_loopAction->setCheckable(true);
    connect(m_loopAction, &QAction::toggled, this, &PlayerWidget::setLooping);
    m_muteAction = make(tr("Mute"), QKeySequence(Qt::Key_M), QStyle::SP_MediaVolume);
    m_muteAction->setCheckable(true);
    connect(m_muteAction, &QAction::toggled, this, &PlayerWidget::setMuted);
    m_saveClipAction = make(tr("Save clip as MP4…"), QKeySequence(), QStyle::SP_DialogSaveButton);
    connect(m_saveClipAction, &QAction::triggered, this, [this] { saveInteractive(0); });
    m_saveSoundAction = make(tr("Save sound as WAV…"), QKeySequence(), QStyle::SP_MediaVolume);
    connect(m_saveSoundAction, &QAction::triggered, this, [this] { saveInteractive(1); });
    m_saveFrameAction =
        make(tr("Save frame as PNG…"), QKeySequence(), QStyle::SP_FileDialogContentsView);
    connect(m_saveFrameAction, &QAction::triggered, this, [this] { saveInteractive(2); });
}

// --- opening ---------------------------------------------------------------------------------

bool PlayerWidget::hasClip() const {
    return m_player != nullptr;
}

bool PlayerWidget::openClip(const QString& pathIn, QString* error) {
    closeClip();
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    try {
        // 1. What the file holds: the timeline and frame grid come from the probe.
        const nava::media::MediaInfo info = nava::media::probe(toPath(path));
        const nava::media::StreamInfo* video = info.best_video();
        const nava::media::StreamInfo* audio = info.best_audio();
        m_hasVideo = video && video->decodable && !video->attached_picture && !info.is_image;
        m_hasAudio = audio && audio->decodable;
        if (!m_hasVideo && !m_hasAudio)
            throw nava::media::MediaError(
                tr("no picture or sound this build can decode").toStdString());
        m_fps = m_hasVideo && video->fps.value() > 0 ? video->fps.value() : 24.0;
        const double videoS =
            m_hasVideo && video->duration_s > 0 ? video->duration_s : info.duration_s;
        m_frameCount = m_hasVideo ? std::max<qint64>(1, std::llround(videoS * m_fps)) : 0;
        m_durationMs = qint64(std::llround(info.duration_s * 1000.0));

        // 2. The playback engine.
        nava::media::PlayerOptions options;
        options.output = m_outputKind;
        m_player = std::make_unique<nava::media::Player>(options);
        m_player->open(toPath(path));
        m_player->set_loop(m_loopAction->isChecked());
        setVolumePercent(m_volumePercent);
        if (m_durationMs <= 0) m_durationMs = qint64(m_player->duration_s() * 1000.0);

        // 3. The waveform, once, from the whole track (a low rate is plenty for drawing).
        if (m_hasAudio) {
            nava::media::AudioDecodeOptions decode;
            decode.sample_rate_hz = kWaveformRateHz;
            decode.channels = 1;
            m_waveform->setAudio(nava::media::read_audio(toPath(path), decode), m_durationMs);
        } else {
            m_waveform->clear(tr("This clip has no sound"));
        }
    } catch (const std::exception& e) {
        const QString message = QString::fromUtf8(e.what());
        closeClip();
        showError(tr("Cannot play %1: %2").arg(QFileInfo(path).fileName(), message));
        if (error) *error = message;
        return false;
    }
    m_path = path;

    // 4. Sound: say why nothing will be heard.
    const QString output = QString::fromStdString(m_player->output_name());
    const QString reason = QString::fromStdString(m_player->output_fallback_reason());
    if (!m_hasAudio)
        m_soundStatus = tr("This clip has no sound.");
    else if (output.startsWith(QLatin1String("timer")))
        m_soundStatus = reason.isEmpty()
                            ? tr("Sound is off: the player runs on a silent clock.")
                            : tr("No sound: %1. The clip plays silently in real time.").arg(reason);
    else
        m_soundStatus.clear();
    m_statusLabel->setText(m_soundStatus);
    m_statusLabel->setToolTip(output.isEmpty() ? QString() : tr("Sound output: %1").arg(output));
    m_statusLabel->setForegroundRole(QPalette::PlaceholderText);
    m_statusLabel->setVisible(!m_soundStatus.isEmpty());
    m_frameView->setPlaceholder(m_hasVideo ? QString() : tr("Sound only"));
    m_slider->setRange(0, int(std::min<qint64>(m_durationMs, INT_MAX)));
    refreshControls();
    refreshTime(0);
    refreshTimer();
    Q_EMIT clipChanged(m_path);
    return true;
}

void PlayerWidget::closeClip() {
    const bool had = m_player != nullptr;
    m_player.reset();
    m_timer.stop();
    m_path.clear();
    m_durationMs = 0;
    m_frameCount = 0;
    m_frameIndex = -1;
    m_hasAudio = m_hasVideo = false;
    m_soundStatus.clear();
    m_frameView->setFrame(QImage());
    m_frameView->setPlaceholder(tr("Open a clip from the gallery to play it here"));
    m_waveform->clear();
    m_slider->setRange(0, 0);
    m_statusLabel->clear();
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setVisible(false);
    refreshTime(0);
    refreshControls();
    if (m_wasPlaying) {
        m_wasPlaying = false;
        Q_EMIT playingChanged(false);
    }
    if (had) Q_EMIT clipChanged(QString());
}

void PlayerWidget::showError(const QString& text) {
    m_statusLabel->setText(text);
    m_statusLabel->setForegroundRole(QPalette::WindowText);
    m_statusLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_statusLabel->setVisible(true);
    Q_EMIT message(text);
}

// --- transport -------------------------------------------------------------------------------

bool PlayerWidget::isPlaying() const {
    return m_player && m_player->state() == nava::media::PlayerState::playing;
}

bool PlayerWidget::isLooping() const {
    return m_loopAction->isChecked();
}

qint64 PlayerWidget::positionMs() const {
    return m_player ? qint64(std::llround(m_player->position_s() * 1000.0)) : 0;
}

QImage PlayerWidget::currentFrame() const {
    return m_frameView->frame();
}

void PlayerWidget::play() {
    if (!m_player) return;
    m_player->play();
    refreshControls();
    refreshTimer();
}

void PlayerWidget::pause() {
    if (!m_player) return;
    m_player->pause();
    refreshControls();
    refreshTimer();
}

void PlayerWidget::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void PlayerWidget::seekMs(qint64 ms) {
    if (!m_player) return;
    // The end of a video is the middle of its last frame: that frame stays on screen (a seek to
    // the very end would find no picture left to show).
    qint64 last = m_durationMs;
    if (m_hasVideo && m_frameCount > 0)
        last = std::min(last, qint64((double(m_frameCount) - 0.5) * 1000.0 / m_fps));
    ms = std::clamp<qint64>(ms, 0, last);
    m_player->seek(ms / 1000.0);
    refreshTime(ms);
    refreshTimer();
}

void PlayerWidget::stepFrames(int frames) {
    if (!m_player || !m_hasVideo || frames == 0) return;
    pause();
    // Frame k is on screen from k/fps until (k+1)/fps: land just inside it, so that rounding
    // never shows its neighbour.
    const qint64 from =
        m_frameIndex >= 0 ? m_frameIndex : qint64(std::floor(positionMs() / 1000.0 * m_fps));
    const qint64 target =
        std::clamp<qint64>(from + frames, 0, std::max<qint64>(0, m_frameCount - 1));
    const double epsilonS = std::min(0.001, 0.25 / m_fps);
    m_player->seek(target / m_fps + epsilonS);
    m_frameIndex = target;
    refreshTime(qint64(std::llround((target / m_fps + epsilonS) * 1000.0)));
    refreshTimer();
}

void PlayerWidget::setLooping(bool loop) {
    if (m_loopAction->isChecked() != loop) {
        m_loopAction->setChecked(loop);  // comes back here through toggled
        return;
    }
    if (m_player) m_player->set_loop(loop);
}

void PlayerWidget::setVolumePercent(int percent) {
    m_volumePercent = std::clamp(percent, 0, 100);
    if (m_volume && m_volume->value() != m_volumePercent) m_volume->setValue(m_volumePercent);
    // Loudness follows roughly the square of the slider (a linear gain crowds the top end).
    const double v = m_volumePercent / 100.0;
    if (m_player) m_player->set_volume(m_muted ? 0.0f : float(v * v));
}

void PlayerWidget::setMuted(bool muted) {
    if (m_muteAction->isChecked() != muted) {
        m_muteAction->setChecked(muted);
        return;
    }
    m_muted = muted;
    m_muteAction->setIcon(
        style()->standardIcon(muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    setVolumePercent(m_volumePercent);
}

// --- the clock -------------------------------------------------------------------------------

void PlayerWidget::refreshTimer() {
    if (!m_player || !isVisible()) {
        m_timer.stop();
        return;
    }
    const int interval = isPlaying() ? kPlayingTickMs : kPausedTickMs;
    if (!m_timer.isActive() || m_timer.interval() != interval) m_timer.start(interval);
}

void PlayerWidget::onTick() {
    if (!m_player) return;
    // 1. The picture whose time has come.
    if (const auto frame = m_player->poll_frame()) {
        m_frameView->setFrame(frameToImage(*frame));
        m_frameIndex = std::clamp<qint64>(qint64(std::floor(frame->pts_s * m_fps + 1e-6)), 0,
                                          std::max<qint64>(0, m_frameCount - 1));
    }
    // 2. Position, state changes (the end of the clip pauses the transport).
    const auto state = m_player->state();
    if (state == nava::media::PlayerState::error) {
        showError(tr("Playback stopped: %1").arg(QString::fromStdString(m_player->error())));
        m_player->pause();
    }
    refreshTime(positionMs());
    const bool playing = state == nava::media::PlayerState::playing;
    if (playing != m_wasPlaying) refreshControls();
    refreshTimer();
}

void PlayerWidget::refreshTime(qint64 positionMs) {
    if (!m_slider->isSliderDown()) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::min<qint64>(positionMs, INT_MAX)));
    }
    m_waveform->setPositionMs(positionMs);
    m_timeLabel->setText(
        QStringLiteral("%1 / %2").arg(formatClipTime(positionMs), formatClipTime(m_durationMs)));
    m_frameLabel->setText(m_hasVideo && m_frameIndex >= 0
                              ? tr("frame %1 / %2").arg(m_frameIndex + 1).arg(m_frameCount)
                              : QString());
}

void PlayerWidget::refreshControls() {
    const bool open = m_player != nullptr;
    const bool playing = isPlaying();
    m_playAction->setEnabled(open);
    m_playAction->setText(playing ? tr("Pause") : tr("Play"));
    m_playAction->setIcon(
        style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playAction->setToolTip(tr("%1 (%2)").arg(
        m_playAction->text(), m_playAction->shortcut().toString(QKeySequence::NativeText)));
    m_stepBackAction->setEnabled(open && m_hasVideo);
    m_stepForwardAction->setEnabled(open && m_hasVideo);
    m_startAction->setEnabled(open);
    m_loopAction->setEnabled(open);
    m_muteAction->setEnabled(open && m_hasAudio);
    m_volume->setEnabled(open && m_hasAudio);
    m_slider->setEnabled(open);
    m_saveButton->setEnabled(open);
    m_saveClipAction->setEnabled(open);
    m_saveSoundAction->setEnabled(open && m_hasAudio);
    m_saveFrameAction->setEnabled(open && m_hasVideo);
    if (playing != m_wasPlaying) {
        m_wasPlaying = playing;
        Q_EMIT playingChanged(playing);
    }
}

void PlayerWidget::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refreshTimer();
}

void PlayerWidget::hideEvent(QHideEvent* event) {
    // Out of sight, out of earshot: a clip does not go on playing behind another tab.
    if (isPlaying()) pause();
    m_timer.stop();
    QWidget::hideEvent(event);
}

// --- saving ----------------------------------------------------------------------------------

bool PlayerWidget::saveClipCopy(const QString& target, QString* error) {
    if (!m_player) return false;
    return copyClipFile(m_path, target, error);
}

bool PlayerWidget::saveSound(const QString& target, QString* error) {
    if (!m_player || !m_hasAudio) return false;
    return exportClipSound(m_path, target, error);
}

bool PlayerWidget::saveFrame(const QString& target, QString* error) {
    if (!m_player) return false;
    const auto frame = m_player->current_frame();
    if (!frame) {
        if (error) *error = tr("there is no picture on screen");
        return false;
    }
    return exportFramePng(*frame, target, error);
}

void PlayerWidget::saveInteractive(int kind) {
    if (!m_player) return;
    pause();
    const QFileInfo clip(m_path);
    const QString dir = m_lastSaveDir.isEmpty() ? clip.absolutePath() : m_lastSaveDir;
    QString suggested, filter, title;
    switch (kind) {
        case 0:
            title = tr("Save clip");
            suggested = clip.completeBaseName() + QStringLiteral("-copy.") +
                        (clip.suffix().isEmpty() ? QStringLiteral("mp4") : clip.suffix());
            filter = tr("Video (*.mp4 *.mov *.mkv)");
            break;
        case 1:
            title = tr("Save sound");
            suggested = clip.completeBaseName() + QStringLiteral(".wav");
            filter = tr("WAV audio (*.wav)");
            break;
        default:
            title = tr("Save frame");
            suggested = clip.completeBaseName() +
                        QStringLiteral("-frame%1.png").arg(std::max<qint64>(0, m_frameIndex) + 1);
            filter = tr("PNG image (*.png)");
            break;
    }
    const QString target =
        QFileDialog::getSaveFileName(this, title, QDir(dir).filePath(suggested), filter);
    if (target.isEmpty()) return;
    m_lastSaveDir = QFileInfo(target).absolutePath();
    QString error;
    const bool ok = kind == 0   ? saveClipCopy(target, &error)
                    : kind == 1 ? saveSound(target, &error)
                                : saveFrame(target, &error);
    if (ok)
        Q_EMIT message(tr("Saved %1").arg(target));
    else
        showError(tr("Cannot save %1: %2").arg(QFileInfo(target).fileName(), error));
}

}  // namespace nava::ui
