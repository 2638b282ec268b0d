// The clip player on clips made here: it opens on the first frame, play advances the clock,
// pause holds it, seeks land on the right frame, frame steps move by one picture (buttons and
// arrow keys), loop wraps to the start, the end stops the transport; saving the clip, its sound
// and the frame on screen; sound-only clips and unreadable files; a screenshot.
#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "clip_fixtures.h"
#include "media/export.h"
#include "media/wav.h"
#include "ui/player/clip_export.h"
#include "ui/player/clip_waveform.h"
#include "ui/player/frame_view.h"
#include "ui/player/player_widget.h"

using namespace nava::ui;
using nava::media::AudioOutputKind;
using nava::test::frameIndexOf;

namespace {

QString shotPath(const QString& name) {
    const QString dir = qEnvironmentVariableIsSet("NAVA_TEST_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("NAVA_TEST_SCREENSHOT_DIR")
                            : QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

}  // namespace

class PlayerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;   // 2 s, 24 fps, with sound
    QString m_short;  // 1 s, 24 fps, with sound
    QString m_sound;  // WAV

    // A player on screen (the poll timer runs only while it is visible).
    std::unique_ptr<PlayerWidget> shownPlayer() {
        auto player = std::make_unique<PlayerWidget>(nullptr, AudioOutputKind::timer);
        player->resize(640, 480);
        player->show();
        // Shortcuts reach only the active window.
        if (!QTest::qWaitForWindowActive(player.get())) qWarning("the player window is not active");
        return player;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        m_short = m_dir.filePath(QStringLiteral("short.mp4"));
        m_sound = m_dir.filePath(QStringLiteral("sound.wav"));
        nava::test::writeClip(m_clip, 48, 24, true, R"({"prompt":"a test clip","seed":7})");
        nava::test::writeClip(m_short, 24, 24, true);
        nava::media::write_wav(m_sound.toStdString(), nava::test::tone(1.5, 16000));
    }

    void opensPausedOnTheFirstFrame() {
        auto player = shownPlayer();
        QString error;
        QVERIFY2(player->openClip(m_clip, &error), qPrintable(error));
        QVERIFY(player->hasClip());
        QVERIFY(!player->isPlaying());
        QCOMPARE(player->frameCount(), qint64(48));
        QCOMPARE(player->frameRate(), 24.0);
        QVERIFY(std::abs(player->durationMs() - 2000) <= 30);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(0), 3000);
        QCOMPARE(frameIndexOf(player->currentFrame()), 0);
        QCOMPARE(player->currentFrame().width(), nava::test::kClipWidth);
        QVERIFY(player->waveform()->hasAudio());
        // No sound device in the test: the player says so.
        QVERIFY(!player->soundStatus().isEmpty());
        QVERIFY(
            player->findChild<QLabel*>(QStringLiteral("playerStatus"))->isVisibleTo(player.get()));
    }

    void automaticOutputPlaysOrSaysWhyNot() {
        // The studio's own choice: PortAudio's device when there is one, else the timer clock
        // with the reason shown (machines for tests have no sound card).
        PlayerWidget player(nullptr, AudioOutputKind::automatic);
        player.setMuted(true);
        player.show();
        QVERIFY(player.openClip(m_clip));
        if (!player.soundStatus().isEmpty())
            QVERIFY2(player.soundStatus().startsWith(QStringLiteral("No sound: ")),
                     qPrintable(player.soundStatus()));
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.positionMs() > 300, 4000);
    }

    void playAdvancesAndPauseHolds() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_clip));
        player->play();
        QVERIFY(player->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(player->positionMs() > 400, 4000);
        QTRY_VERIFY_WITH_TIMEOUT(player->currentFrameIndex() >= 8, 2000);
        player->pause();
        QVERIFY(!player->isPlaying());
        const qint64 held = player->positionMs();
        QTest::qWait(300);
        QVERIFY2(std::abs(player->positionMs() - held) <= 60,
                 qPrintable(QStringLiteral("%1 vs %2").arg(player->positionMs()).arg(held)));
        // The picture follows the clock: within two frames of it.
        const qint64 expected = player->positionMs() * 24 / 1000;
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->currentFrameIndex() - expected) <= 2, 2000);
        QVERIFY(std::abs(frameIndexOf(player->currentFrame()) - player->currentFrameIndex()) <= 1);
    }

    void seekLandsOnTheFrame() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_clip));
        player->seekMs(1000);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(24), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(frameIndexOf(player->currentFrame()), 24, 2000);
        QVERIFY(std::abs(player->positionMs() - 1000) <= 20);
        QCOMPARE(player->seekSlider()->value(), int(player->positionMs()));
        // Back to an earlier frame.
        player->seekMs(250);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(6), 3000);
        // Past the end: clamped to the last frame.
        player->seekMs(60000);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(47), 3000);
    }

    void framesStepOneByOne() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_clip));
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(0), 3000);
        player->stepForwardAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(frameIndexOf(player->currentFrame()), 1, 2000);
        QCOMPARE(player->currentFrameIndex(), qint64(1));
        // The arrow keys do the same while the player has the keyboard.
        player->frameView()->setFocus();
        QTest::keyClick(player->frameView(), Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(frameIndexOf(player->currentFrame()), 2, 2000);
        QTest::keyClick(player->frameView(), Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(frameIndexOf(player->currentFrame()), 3, 2000);
        QTest::keyClick(player->frameView(), Qt::Key_Left);
        QTRY_COMPARE_WITH_TIMEOUT(frameIndexOf(player->currentFrame()), 2, 2000);
        QCOMPARE(player->currentFrameIndex(), qint64(2));
        // Stepping while playing pauses first.
        player->play();
        player->stepBackAction()->trigger();
        QVERIFY(!player->isPlaying());
        // Never before the first frame.
        player->seekMs(0);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(0), 3000);
        player->stepBackAction()->trigger();
        QTest::qWait(100);
        QCOMPARE(frameIndexOf(player->currentFrame()), 0);
    }

    void spaceTogglesPlayback() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_clip));
        player->frameView()->setFocus();
        QTest::keyClick(player->frameView(), Qt::Key_Space);
        QVERIFY(player->isPlaying());
        QCOMPARE(player->playAction()->text(), QStringLiteral("Pause"));
        QTest::keyClick(player->frameView(), Qt::Key_Space);
        QVERIFY(!player->isPlaying());
        QCOMPARE(player->playAction()->text(), QStringLiteral("Play"));
    }

    void loopWrapsToTheStart() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_short));
        player->setLooping(true);
        QVERIFY(player->loopAction()->isChecked());
        player->seekMs(700);
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->positionMs() >= 800, 3000);
        // It comes round to the start and goes on playing.
        QTRY_VERIFY_WITH_TIMEOUT(player->positionMs() < 400, 4000);
        QVERIFY(player->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(player->currentFrameIndex() < 10, 2000);
    }

    void theEndStopsTheTransportWithoutLoop() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_short));
        player->seekMs(800);
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(!player->isPlaying(), 4000);
        QTRY_COMPARE_WITH_TIMEOUT(player->playAction()->text(), QStringLiteral("Play"), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(23), 2000);
        // Play again starts over.
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying() && player->positionMs() < 500, 2000);
    }

    void savesClipSoundAndFrame() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_clip));
        player->seekMs(500);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(12), 3000);
        QString error;
        // 1. The clip, byte for byte (its recipe with it).
        const QString copy = m_dir.filePath(QStringLiteral("saved/copy.mp4"));
        QDir().mkpath(QFileInfo(copy).absolutePath());
        QVERIFY2(player->saveClipCopy(copy, &error), qPrintable(error));
        QFile a(m_clip), b(copy);
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        QCOMPARE(QString::fromStdString(*nava::media::read_recipe(copy.toStdString())),
                 QStringLiteral(R"({"prompt":"a test clip","seed":7})"));
        QVERIFY(!player->saveClipCopy(m_clip, &error));  // never over itself
        // 2. The sound as WAV, as long as the clip.
        const QString wav = m_dir.filePath(QStringLiteral("saved/sound.wav"));
        QVERIFY2(player->saveSound(wav, &error), qPrintable(error));
        const auto sound = nava::media::read_wav(wav.toStdString());
        QVERIFY(std::abs(sound.duration_s() - 2.0) < 0.05);
        // 3. The picture on screen, at full size.
        const QString png = m_dir.filePath(QStringLiteral("saved/frame.png"));
        QVERIFY2(player->saveFrame(png, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(nava::test::kClipWidth, nava::test::kClipHeight));
        QCOMPARE(frameIndexOf(image), 12);
    }

    void playsSoundOnlyClips() {
        auto player = shownPlayer();
        QVERIFY(player->openClip(m_sound));
        QCOMPARE(player->frameCount(), qint64(0));
        QVERIFY(!player->stepForwardAction()->isEnabled());
        QVERIFY(!player->saveFrameAction()->isEnabled());
        QVERIFY(player->saveSoundAction()->isEnabled());
        QVERIFY(player->waveform()->hasAudio());
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->positionMs() > 300, 3000);
    }

    void refusesWhatItCannotPlay() {
        auto player = shownPlayer();
        const QString text = m_dir.filePath(QStringLiteral("notes.mp4"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a video");
        f.close();
        QString error;
        QVERIFY(!player->openClip(text, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!player->hasClip());
        QVERIFY(!player->playAction()->isEnabled());
        // And it recovers with a good clip.
        QVERIFY(player->openClip(m_clip, &error));
        QVERIFY(player->playAction()->isEnabled());
    }

    void formatsTimes() {
        QCOMPARE(formatClipTime(0), QStringLiteral("0:00.00"));
        QCOMPARE(formatClipTime(65250), QStringLiteral("1:05.25"));
        QCOMPARE(formatClipTime(3723000), QStringLiteral("1:02:03.00"));
    }

    void screenshot() {
        auto player = std::make_unique<PlayerWidget>(nullptr, AudioOutputKind::timer);
        player->resize(720, 520);
        player->show();
        QVERIFY(QTest::qWaitForWindowExposed(player.get()));
        QVERIFY(player->openClip(m_clip));
        player->setLooping(true);
        player->seekMs(1250);
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrameIndex(), qint64(30), 3000);
        QTest::qWait(50);
        const QImage shot = player->grab().toImage();
        QVERIFY(shot.save(shotPath(QStringLiteral("player.png"))));
    }
};

QTEST_MAIN(PlayerTest)
#include "test_ui_player.moc"
