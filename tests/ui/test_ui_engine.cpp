// The studio on the real engine (LocalEngineClient around pipeline::GenerationEngine), with a
// random-weight tiny package built here (a sentencepiece model trained with spm_train, then
// pipeline::write_random_package): a job runs from the queue to a clip on disk, a running job
// cancels without leaving a file, the event loop stays responsive while the engine computes,
// progress covers every step and carries previews; and without a model package the studio
// says where to get one instead of failing silently.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QtTest>

#include "inference/core/runtime.h"
#include "inference/pipeline/engine.h"
#include "inference/pipeline/random_package.h"
#include "ui/engine/engine_token_counter.h"
#include "ui/engine/local_engine_client.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/main_window.h"
#include "ui/player/player_widget.h"
#include "ui/project/generation_settings.h"
#include "ui/project/project_document.h"
#include "ui/queue/job_queue.h"
#include "ui/queue/queue_panel.h"
#include "ui/settings/app_settings.h"

using namespace nava::ui;

namespace {

constexpr int kJobTimeoutMs = 180000;

nava::api::GenerationRequest request(const QString& out, int steps, uint64_t seed = 5) {
    nava::api::GenerationRequest r;
    r.prompt = "a red ball bounces on the left; the blue face says <S>hello there<E>";
    r.spans = {{"hello there", ""}};
    r.width = 64;
    r.height = 32;
    r.latent_frames = 2;
    r.steps = steps;
    r.seed = seed;
    r.output_path = out.toStdString();
    return r;
}

// A corpus for a small unigram tokenizer: the prompt words in pseudo-random lines.
QByteArray corpus() {
    const char* words[] = {"a",     "red",    "blue",  "ball", "face",    "says",  "hello",
                           "there", "green",  "the",   "on",   "bounces", "left",  "right",
                           "and",   "speaks", "moves", "loud", "softly",  "square"};
    QByteArray text;
    quint32 state = 2024;
    for (int line = 0; line < 300; ++line) {
        for (int w = 0; w < 8; ++w) {
            state = state * 1103515245u + 12345u;
            text += words[(state >> 16) % 20];
            text += ' ';
        }
        text += "<S> hello there <E>\n";
    }
    return text;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

class EngineTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_package;
    QString m_skip;

    QString out(const QString& name) const { return m_dir.filePath(QStringLiteral("out/") + name); }

    // A client with the package open.
    bool load(LocalEngineClient& client) {
        QSignalSpy loaded(&client, &EngineClient::packageLoaded);
        QSignalSpy failed(&client, &EngineClient::packageFailed);
        client.loadPackage(m_package);
        if (!QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 60000))
            return false;
        if (!failed.isEmpty()) qWarning() << "load failed:" << failed[0][1].toString();
        return !loaded.isEmpty();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString spm = QStandardPaths::findExecutable(QStringLiteral("spm_train"));
        if (spm.isEmpty()) {
            m_skip = QStringLiteral("spm_train not installed (apt-get install sentencepiece)");
            return;
        }
        QFile file(m_dir.filePath(QStringLiteral("corpus.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(corpus());
        file.close();
        QProcess train;
        train.start(spm,
                    {QStringLiteral("--input=") + file.fileName(),
                     QStringLiteral("--model_prefix=") + m_dir.filePath(QStringLiteral("spm")),
                     QStringLiteral("--model_type=unigram"), QStringLiteral("--vocab_size=120"),
                     QStringLiteral("--hard_vocab_limit=false"), QStringLiteral("--pad_id=0"),
                     QStringLiteral("--eos_id=1"), QStringLiteral("--bos_id=2"),
                     QStringLiteral("--unk_id=3"), QStringLiteral("--num_threads=1"),
                     QStringLiteral("--minloglevel=2"),
                     // No shell here: the symbols list needs no quoting.
                     QStringLiteral("--user_defined_symbols=<extra_id_0>,<extra_id_1>,"
                                    "<extra_id_2>")});
        QVERIFY(train.waitForFinished(120000));
        QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
        nava::pipeline::RandomPackageSpec spec;
        spec.tokenizer_model = m_dir.filePath(QStringLiteral("spm.model")).toStdString();
        spec.seed = 11;
        m_package = m_dir.filePath(QStringLiteral("package"));
        try {
            nava::pipeline::write_random_package(m_package.toStdString(), spec);
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
    }

    void init() {
        if (!m_skip.isEmpty()) QSKIP(qPrintable(m_skip));
    }

    // (a) Queue → engine → MP4 on disk, with the recipe the engine ran.
    void generatesAClipFromTheQueue() {
        LocalEngineClient client;
        QVERIFY(load(client));
        QVERIFY(client.hasPackage());
        JobQueue queue(&client, QString());
        QSignalSpy queueFinished(&queue, &JobQueue::jobFinished);
        QSignalSpy finished(&client, &EngineClient::finished);
        QSignalSpy failed(&client, &EngineClient::failed);
        const QString path = out(QStringLiteral("one.mp4"));
        const QString id = queue.addJob(QStringLiteral("one"), request(path, 3));
        QCOMPARE(queue.runningJobId(), id);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); },
                                kJobTimeoutMs));
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed[0][1].toString()));
        QCOMPARE(finished[0][0].toString(), id);
        const JobResult result = finished[0][1].value<JobResult>();
        QCOMPARE(QFileInfo(result.outputPath).absoluteFilePath(),
                 QFileInfo(path).absoluteFilePath());
        QVERIFY(QFileInfo(path).size() > 0);
        QVERIFY(result.recipeJson.contains(QStringLiteral("hello there")));
        QVERIFY(result.seconds > 0);
        QCOMPARE(queueFinished.size(), 1);
        QCOMPARE(queue.job(id)->state, JobState::done);
        QCOMPARE(queue.job(id)->outputPath, result.outputPath);
    }

    // (b) Cancel while sampling: the cancelled signal, the queue says so, and no clip appears.
    void cancelsARunningJobWithoutAFile() {
        LocalEngineClient client;
        QVERIFY(load(client));
        JobQueue queue(&client, QString());
        QSignalSpy cancelled(&client, &EngineClient::cancelled);
        QSignalSpy finished(&client, &EngineClient::finished);
        const QString path = out(QStringLiteral("cancelled.mp4"));
        const int steps = 40;
        int stepAtCancel = -1;
        QString id;
        connect(
            &client, &EngineClient::progress, this,
            [&](const QString& jobId, const JobProgress& p) {
                if (jobId == id && stepAtCancel < 0 && p.stageKey == u"denoise" && p.step >= 1) {
                    stepAtCancel = p.step;
                    queue.cancel(jobId);
                }
            });
        id = queue.addJob(QStringLiteral("to cancel"), request(path, steps));
        QVERIFY(QTest::qWaitFor([&] { return !cancelled.isEmpty() || !finished.isEmpty(); },
                                kJobTimeoutMs));
        QVERIFY2(finished.isEmpty(), "the job ran to the end instead of stopping");
        QCOMPARE(cancelled[0][0].toString(), id);
        QVERIFY(stepAtCancel >= 1 && stepAtCancel < steps);
        QCOMPARE(queue.job(id)->state, JobState::cancelled);
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(
            !QFileInfo::exists(QFileInfo(path).dir().filePath(QStringLiteral("cancelled.json"))));
        // The engine is free again: the next job runs.
        QSignalSpy queueFinished(&queue, &JobQueue::jobFinished);
        queue.addJob(QStringLiteral("after"), request(out(QStringLiteral("after.mp4")), 2));
        QVERIFY(QTest::qWaitFor([&] { return !queueFinished.isEmpty(); }, kJobTimeoutMs));
    }

    // (c) The GUI thread keeps running its event loop at 10 ms while the engine computes.
    void eventLoopStaysResponsiveDuringAJob() {
        LocalEngineClient client;
        QVERIFY(load(client));
        JobQueue queue(&client, QString());
        QSignalSpy finished(&client, &EngineClient::finished);
        QSignalSpy failed(&client, &EngineClient::failed);
        std::vector<double> lateMs;
        QElapsedTimer clock;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(10);
        qint64 last = 0;
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.nsecsElapsed();
            lateMs.push_back(std::max(0.0, (now - last) / 1e6 - 10.0));
            last = now;
        });
        clock.start();
        probe.start();
        // Bigger than the other jobs, so that each step is long enough to show a stall.
        auto r = request(out(QStringLiteral("probe.mp4")), 16);
        r.width = 192;
        r.height = 96;
        r.latent_frames = 4;
        queue.addJob(QStringLiteral("probe"), r);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); },
                                kJobTimeoutMs));
        probe.stop();
        QVERIFY(failed.isEmpty());
        QVERIFY2(lateMs.size() >= 10, "the job was too short to measure");
        const double worst = *std::max_element(lateMs.begin(), lateMs.end());
        qInfo("event loop lateness over %d ticks (%.2f s): max %.1f ms, median %.2f ms",
              int(lateMs.size()), clock.elapsed() / 1000.0, worst, median(lateMs));
        QVERIFY2(worst < 100.0, qPrintable(QStringLiteral("max lateness %1 ms").arg(worst)));
    }

    // (d) Every denoising step is reported in order, with the stage named, and previews arrive.
    void reportsEveryStepWithPreviews() {
        LocalEngineClient client;
        QVERIFY(load(client));
        QSignalSpy finished(&client, &EngineClient::finished);
        QSignalSpy failed(&client, &EngineClient::failed);
        std::vector<JobProgress> events;
        connect(&client, &EngineClient::progress, this,
                [&](const QString&, const JobProgress& p) { events.push_back(p); });
        const int steps = 5;
        client.submit(QStringLiteral("steps"), request(out(QStringLiteral("steps.mp4")), steps));
        QVERIFY(events.empty());  // nothing arrives from inside submit()
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); },
                                kJobTimeoutMs));
        QVERIFY(failed.isEmpty());
        QSet<int> denoised;
        int previews = 0;
        int lastStep = 0;
        bool eta = false;
        for (const JobProgress& p : events) {
            QVERIFY(!p.stage.isEmpty());
            QCOMPARE(p.steps, steps);
            QVERIFY2(p.step >= lastStep, "progress went backwards");
            lastStep = p.step;
            if (p.stageKey == u"denoise") denoised.insert(p.step);
            if (!p.preview.isNull()) {
                ++previews;
                QVERIFY(p.preview.width() > 0 && p.preview.height() > 0);
            }
            eta = eta || p.etaSeconds >= 0;
        }
        for (int s = 1; s <= steps; ++s)
            QVERIFY2(denoised.contains(s),
                     qPrintable(QStringLiteral("no event for step %1").arg(s)));
        QVERIFY(previews >= 1);
        QVERIFY(eta);
        QCOMPARE(events.back().step, steps);  // decoding and export count as done sampling
        qInfo("%d progress events, %d with a preview", int(events.size()), previews);
    }

    // A job that names a package which does not load fails with that reason; it does not run
    // on the model that is open.
    void aJobWhosePackageFailsToLoadFails() {
        LocalEngineClient client;
        QVERIFY(load(client));
        QSignalSpy packageFailed(&client, &EngineClient::packageFailed);
        QSignalSpy failed(&client, &EngineClient::failed);
        QSignalSpy finished(&client, &EngineClient::finished);
        auto r = request(out(QStringLiteral("missing.mp4")), 2);
        r.package = m_dir.filePath(QStringLiteral("no-such-package")).toStdString();
        client.submit(QStringLiteral("missing"), r);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty() || !finished.isEmpty(); },
                                kJobTimeoutMs));
        QVERIFY(finished.isEmpty());
        QCOMPARE(packageFailed.size(), 1);
        QVERIFY(failed[0][1].toString().contains(QStringLiteral("no-such-package")));
        QVERIFY(!QFileInfo::exists(out(QStringLiteral("missing.mp4"))));
        // The open package still serves jobs that do not ask for another one.
        client.submit(QStringLiteral("ok"), request(out(QStringLiteral("ok.mp4")), 2));
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kJobTimeoutMs));
        QCOMPARE(client.loadedPackage(), m_package);
    }

    // The prompt editor's count comes from the package's own tokenizer and prompt rules: the
    // number the engine plans with, against the package's own text context.
    void countsTokensWithThePackagesTokenizer() {
        const EngineTokenCounter counter(m_package);
        QVERIFY(!counter.isEstimate());
        nava::pipeline::GenerationEngine engine;
        const auto info = engine.load_package(m_package.toStdString());
        QCOMPARE(counter.contextTokens(), int(info.text_len));
        for (const char* prompt :
             {"a man says <S>hello there<E> in the room",
              "quiet street at night with soft rain and music",
              "<S>hello<E> <S>hello there<E> and the woman speaks to camera"}) {
            nava::api::GenerationRequest r;
            r.prompt = prompt;
            r.width = 64;
            r.height = 32;
            r.duration_s = 0.5;
            const int spans = int(QString::fromUtf8(prompt).count(QStringLiteral("<S>")));
            for (int k = 0; k < spans; ++k)
                r.spans.push_back({"hello", ""});
            const auto plan = engine.plan(r);
            QCOMPARE(counter.countTokens(QString::fromUtf8(prompt)), int(plan.prompt_tokens));
        }
        // A prompt the rules refuse still gets a count (its text as written), not an error.
        QVERIFY(counter.countTokens(QStringLiteral("an unclosed <S>hello")) > 0);
        // A folder that is no package: a clear error, caught by the window (estimate instead).
        QVERIFY_EXCEPTION_THROWN(EngineTokenCounter(m_dir.filePath(QStringLiteral("none"))),
                                 std::exception);
    }
};

// Without any model package: a clear state, not a dead end, in the client and in the window.
class NoPackageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        // The embedded NAVA-tiny would be found in the source tree: say there is no model.
        qputenv("NAVA_PACKAGE", "none");
        qunsetenv("NAVA_STUDIO_ENGINE");
    }
    void cleanupTestCase() { qunsetenv("NAVA_PACKAGE"); }

    void clientSaysWhereToGetAModel() {
        LocalEngineClient client;
        QSignalSpy packageFailed(&client, &EngineClient::packageFailed);
        QSignalSpy failed(&client, &EngineClient::failed);
        client.loadPackage(QString());
        QVERIFY(packageFailed.isEmpty());  // queued, never from inside the call
        QVERIFY(packageFailed.wait(5000));
        QVERIFY(packageFailed[0][1].toString().contains(QStringLiteral("Official weights")));
        client.submit(QStringLiteral("j"), nava::api::GenerationRequest());
        QVERIFY(failed.isEmpty());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed[0][0].toString(), QStringLiteral("j"));
        QVERIFY(failed[0][1].toString().contains(QStringLiteral("Official weights")));
    }

    void windowShowsTheNoModelState() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setOutputFolder(dir.filePath(QStringLiteral("clips")));
        MainWindow window({&settings, nullptr, dir.filePath(QStringLiteral("data"))});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("engineStatus"));
        QVERIFY(label);
        QTRY_VERIFY(label->text().contains(QStringLiteral("No model package")));
        QVERIFY(label->toolTip().contains(QStringLiteral("Official weights")));
        // Generating can still be asked for: the job fails with the explanation.
        window.document()->setPrompt(QStringLiteral("A cat on a roof says <S>Meow<E>."));
        QString error;
        const QString id = window.generate(&error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(window.queue()->job(id)->state, JobState::failed, 5000);
        QVERIFY(window.queue()->job(id)->error.contains(QStringLiteral("Official weights")));
    }
};

// A new user's first clip with the embedded NAVA-tiny: the studio opens it by default, a new
// project takes its picture size, a prompt with two speakers and their voices generates while
// the window stays responsive, and the clip lands in the gallery with its recipe.
class NavaTinyWalkthroughTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qunsetenv("NAVA_PACKAGE");
        qunsetenv("NAVA_STUDIO_ENGINE");
        if (nava::pipeline::default_package_path().empty())
            QSKIP("NAVA-tiny is not in this checkout");
    }

    void firstClipWithTwoSpeakers() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setOutputFolder(dir.filePath(QStringLiteral("clips")));
        MainWindow window({&settings, nullptr, dir.filePath(QStringLiteral("data"))});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* label = window.statusBar()->findChild<QLabel*>(QStringLiteral("engineStatus"));
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("nava-tiny")), 30000);
        // The untouched project took the model's own picture size and length.
        ProjectDocument* doc = window.document();
        QCOMPARE(doc->settings().width, 64);
        QCOMPARE(doc->settings().height, 64);
        QVERIFY(doc->settings().durationS <= 2.5);
        QVERIFY(!doc->isModified());

        // Two speakers with the package's demo voices; one span each.
        const QString voices = QString::fromStdString(nava::pipeline::default_package_path()) +
                               QStringLiteral("/voices/");
        doc->setPrompt(QStringLiteral(
            "A white background. The orange face says <S>hello there<E>. The blue face replies "
            "<S>nice to meet you<E>. A small red ball bounces on the floor."));
        const QString ada = doc->addSpeaker(QStringLiteral("Ada"));
        const QString bram = doc->addSpeaker(QStringLiteral("Bram"));
        QString error;
        QVERIFY2(doc->attachVoice(ada, voices + QStringLiteral("ada.wav"), &error),
                 qPrintable(error));
        QVERIFY2(doc->attachVoice(bram, voices + QStringLiteral("bram.wav"), &error),
                 qPrintable(error));
        doc->setSpanSpeaker(0, ada);
        doc->setSpanSpeaker(1, bram);
        GenerationSettings s = doc->settings();
        s.steps = 6;  // quick
        doc->setSettings(s, QStringLiteral("steps"));

        // Generate; the event loop stays responsive while the engine works.
        const QString id = window.generate(&error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, worst = 0;
        QTimer probe;
        probe.setInterval(10);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last - 10);
            last = now;
        });
        probe.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.queue()->job(id)->state == JobState::done ||
                                     window.queue()->job(id)->state == JobState::failed,
                                 120000);
        probe.stop();
        QCOMPARE(window.queue()->job(id)->state, JobState::done);
        QVERIFY2(worst < 100, qPrintable(QStringLiteral("event loop %1 ms late").arg(worst)));
        qInfo("NAVA-tiny walk-through: clip in %lld ms, event loop at most %lld ms late",
              clock.elapsed(), worst);

        // The clip is in the gallery with the recipe it was made from.
        QTRY_VERIFY(window.gallery()->rowCount() > 0);
        const QString clip = window.queue()->job(id)->outputPath;
        QVERIFY(QFileInfo::exists(clip));

        // The README's pictures of NAVA-tiny at work: the prompt, and the finished job.
        const QString shots = qEnvironmentVariableIsSet("NAVA_TEST_SCREENSHOT_DIR")
                                  ? qEnvironmentVariable("NAVA_TEST_SCREENSHOT_DIR")
                                  : QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
        QDir().mkpath(shots);
        window.resize(1280, 720);
        QTest::qWait(50);
        QVERIFY(window.grab().toImage().save(QDir(shots).filePath("nava_tiny_create.png")));
        window.tabs()->setCurrentIndex(1);
        window.queuePanel()->selectJob(id);
        QTest::qWait(300);  // the preview shows the clip's first frame
        QVERIFY(window.grab().toImage().save(QDir(shots).filePath("nava_tiny_queue.png")));

        // Watch it: the gallery's player opens the clip at the project's length and plays.
        window.tabs()->setCurrentIndex(MainWindow::galleryTab);
        QVERIFY(window.galleryPanel()->openInPlayer(clip));
        PlayerWidget* player = window.galleryPanel()->player();
        QVERIFY(player->hasClip());
        QVERIFY2(std::abs(player->durationMs() - qint64(doc->settings().durationS * 1000)) <= 50,
                 qPrintable(QStringLiteral("clip lasts %1 ms").arg(player->durationMs())));
        QTRY_COMPARE_WITH_TIMEOUT(player->currentFrame().width(), doc->settings().width, 3000);
        player->setMuted(true);
        player->play();
        QTRY_VERIFY_WITH_TIMEOUT(player->currentFrameIndex() >= 6, 5000);
        player->pause();
        // Export: a copy of the clip, its sound and the frame on screen.
        const QString exported = dir.filePath(QStringLiteral("export/first clip.mp4"));
        QDir().mkpath(QFileInfo(exported).absolutePath());
        QVERIFY2(player->saveClipCopy(exported, &error), qPrintable(error));
        QCOMPARE(QFileInfo(exported).size(), QFileInfo(clip).size());
        const QString sound = dir.filePath(QStringLiteral("export/first clip.wav"));
        QVERIFY2(player->saveSound(sound, &error), qPrintable(error));
        QVERIFY(QFileInfo(sound).size() > 44);
        const QString frame = dir.filePath(QStringLiteral("export/frame.png"));
        QVERIFY2(player->saveFrame(frame, &error), qPrintable(error));
        QCOMPARE(QImage(frame).width(), doc->settings().width);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    nava::init_runtime();  // as the studio does: every core for the engine
    int status = 0;
    {
        NoPackageTest t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        EngineTest t;
        status |= QTest::qExec(&t, argc, argv);
    }
    {
        NavaTinyWalkthroughTest t;
        status |= QTest::qExec(&t, argc, argv);
    }
    return status;
}

#include "test_ui_engine.moc"
