// Screenshots for people to look at: the Create tab of a two-speaker project with marked speech,
// voices and a timeline, and the Queue tab while a job runs (live preview, progress, ETA).
// Saved as PNGs under the build folder's screenshots/.
#include <cmath>

#include <QDir>
#include <QListView>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "media/wav.h"
#include "ui/create_page.h"
#include "ui/engine/fake_engine_client.h"
#include "ui/main_window.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/queue/job_queue.h"
#include "ui/queue/queue_panel.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/theme.h"
#include "ui/speakers/speakers_panel.h"

using namespace nava::ui;

namespace {

void writeVoice(const QString& path, double seconds, double pitchHz) {
    // A syllable-like tone burst pattern, so the waveform looks like speech.
    nava::media::AudioBuffer audio;
    audio.sample_rate_hz = 16000;
    audio.channels = 1;
    const int n = int(seconds * audio.sample_rate_hz);
    for (int i = 0; i < n; ++i) {
        const double t = double(i) / audio.sample_rate_hz;
        const double envelope = std::pow(std::max(0.0, std::sin(2 * M_PI * 2.7 * t)), 2) *
                                (0.55 + 0.45 * std::sin(2 * M_PI * 0.31 * t));
        audio.samples.push_back(float(0.6 * envelope * std::sin(2 * M_PI * pitchHz * t) +
                                      0.15 * envelope * std::sin(2 * M_PI * 3 * pitchHz * t)));
    }
    nava::media::write_wav(path.toStdString(), audio);
}

QString shotPath(const QString& name) {
    const QString dir = qEnvironmentVariableIsSet("NAVA_TEST_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("NAVA_TEST_SCREENSHOT_DIR")
                            : QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

bool hasContent(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 6)
        for (int x = 0; x < image.width(); x += 6)
            colours.insert(image.pixel(x, y));
    return colours.size() > 20;
}

}  // namespace

class ScreenshotsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void buildScene(MainWindow& window) {
        ProjectDocument* doc = window.document();
        const QString maya = doc->addSpeaker(QStringLiteral("Maya"));
        const QString leo = doc->addSpeaker(QStringLiteral("Leo"));
        writeVoice(m_dir.filePath(QStringLiteral("maya.wav")), 6.5, 220);
        writeVoice(m_dir.filePath(QStringLiteral("leo.wav")), 2.4, 130);
        QString error;
        doc->attachVoice(maya, m_dir.filePath(QStringLiteral("maya.wav")), &error);
        doc->attachVoice(leo, m_dir.filePath(QStringLiteral("leo.wav")), &error);
        doc->setPrompt(QStringLiteral(
            "Late evening in a small bakery, warm light over flour-dusted counters. Maya, a "
            "young baker with her hair tied back, slides a tray of bread into the oven and says "
            "Just five more minutes, I promise. Leo leans on the counter, smiling: You said "
            "that an hour ago. The oven door clanks shut, a kettle starts to whistle, rain "
            "taps on the window. Medium shot, slow push-in."));
        const QString p = doc->parsedPrompt().plainText;
        auto mark = [&](const QString& words, const QString& id) {
            const int at = doc->parsedPrompt().plainText.indexOf(words);
            doc->markSpeech({at, int(words.size())}, id);
        };
        Q_UNUSED(p);
        mark(QStringLiteral("Just five more minutes, I promise."), maya);
        mark(QStringLiteral("You said that an hour ago."), leo);
        doc->setSpanTiming(0, 600, 2700);
        doc->setSpanTiming(1, 3100, 4900);
        doc->setNegativePrompt(QStringLiteral("blurry, distorted voices, background music"));
        window.createPage()->speakersPanel()->selectSpeaker(maya);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createTab() {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        settings.setTheme(Theme::light);
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, m_dir.filePath(QStringLiteral("data1"))});
        buildScene(window);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        const QImage shot = window.grab().toImage();
        QVERIFY(hasContent(shot));
        QVERIFY(shot.save(shotPath(QStringLiteral("create_tab.png"))));
    }

    void createTabDark() {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings-dark.ini")));
        settings.setTheme(Theme::dark);
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, m_dir.filePath(QStringLiteral("data3"))});
        buildScene(window);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        const QImage shot = window.grab().toImage();
        QVERIFY(hasContent(shot));
        QVERIFY(shot.save(shotPath(QStringLiteral("create_tab_dark.png"))));
    }

    void queueTabRunning() {
        AppSettings settings(m_dir.filePath(QStringLiteral("settings2.ini")));
        settings.setOutputFolder(m_dir.filePath(QStringLiteral("out")));
        settings.setTheme(Theme::light);
        FakeEngineClient engine;
        engine.setStepIntervalMs(40);
        MainWindow window({&settings, &engine, m_dir.filePath(QStringLiteral("data2"))});
        buildScene(window);
        GenerationSettings s = window.document()->settings();
        s.seedMode = SeedMode::increment;
        s.steps = 8;
        window.document()->setSettings(s, QStringLiteral("steps"));
        QString error;
        const QString first = window.generate(&error);
        QVERIFY2(!first.isEmpty(), qPrintable(error));
        QVERIFY(QTest::qWaitFor([&] { return window.queue()->job(first)->state == JobState::done; },
                                5000));
        s = window.document()->settings();
        s.steps = 50;
        window.document()->setSettings(s, QStringLiteral("steps"));
        const QString running = window.generate(&error);
        window.generate(&error);
        const QString cancelled = window.generate(&error);
        window.queue()->cancel(cancelled);
        window.tabs()->setCurrentIndex(1);
        window.queuePanel()->selectJob(running);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return window.queue()->job(running)->step >= 20; }, 8000));
        engine.setStepIntervalMs(100000);  // hold still for the picture
        QTest::qWait(30);
        const QImage shot = window.grab().toImage();
        QVERIFY(hasContent(shot));
        QVERIFY(shot.save(shotPath(QStringLiteral("queue_tab.png"))));
    }
};

QTEST_MAIN(ScreenshotsTest)
#include "test_ui_screenshots.moc"
