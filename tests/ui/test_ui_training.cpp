// The Training tab against a scripted `nava train` (fake_nava): recipes and stages are read,
// the launch recipe carries the studio's choices, progress lines become the plot and the
// progress bar, sample clips appear as they are written, pause waits for a checkpoint and
// resume continues from it, stop stops, a failing trainer is shown with its message, and the
// dataset check runs through the trainer or the studio's own checks. A screenshot of the tab.
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtCharts/QLineSeries>
#include <QtTest/QtTest>

#include "clip_fixtures.h"
#include "media/capabilities.h"
#include "ui/engine/fake_engine_client.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/theme.h"
#include "ui/training/dataset_check.h"
#include "ui/training/training_chart.h"
#include "ui/training/training_events.h"
#include "ui/training/training_panel.h"
#include "ui/training/training_session.h"

using namespace nava::ui;

namespace {

const QString kFakeNava = QStringLiteral(NAVA_FAKE_NAVA_PATH);

QString shotPath(const QString& name) {
    const QString dir = qEnvironmentVariableIsSet("NAVA_TEST_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("NAVA_TEST_SCREENSHOT_DIR")
                            : QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

void writeText(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QJsonObject readJson(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class TrainingTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_runs = 0;

    // A recipe in its own folder; `fake` scripts the trainer.
    QString makeRecipe(int steps, int checkpointEvery, const QJsonObject& fake) {
        const QString folder = m_dir.filePath(QStringLiteral("recipe-%1").arg(++m_runs));
        QJsonObject recipe{
            {QStringLiteral("name"), QStringLiteral("demo")},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("checkpoint_every"), checkpointEvery},
            {QStringLiteral("output_dir"), QStringLiteral("run")},
            {QStringLiteral("optimizer"), QJsonObject{{QStringLiteral("lr"), 1e-4}}},
            {QStringLiteral("stages"),
             QJsonObject{
                 {QStringLiteral("warmup"), QJsonObject{{QStringLiteral("steps"), 8}}},
                 {QStringLiteral("main"),
                  QJsonObject{
                      {QStringLiteral("optimizer"), QJsonObject{{QStringLiteral("lr"), 5e-5}}},
                      {QStringLiteral("init_from_stage"), QStringLiteral("warmup")}}}}},
            {QStringLiteral("fake"), fake},
        };
        const QString file = QDir(folder).filePath(QStringLiteral("recipe.json"));
        writeText(file, QJsonDocument(recipe).toJson());
        return file;
    }

    void configure(TrainingSession& session, const QString& recipe, int ranks = 1) {
        TrainingSetup setup;
        setup.recipeFile = recipe;
        setup.ranks = ranks;
        session.setSetup(setup);
        QVERIFY2(session.recipeInfo().ok, qPrintable(session.recipeInfo().error));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QFileInfo(kFakeNava).isExecutable());
    }

    void parsesProgressLines() {
        const auto step = parseTrainingLine(
            R"({"event":"step","step":12,"steps":100,"loss":0.5,"loss_video":0.3,"loss_audio":0.2,)"
            R"("grad_norm":1.1,"lr":0.0001,"seconds":0.8,"samples_per_s":4,"tokens_per_s":9000,"rss_mib":512})");
        QVERIFY(step);
        QCOMPARE(step->kind, TrainingEventKind::step);
        QCOMPARE(step->step, qint64(12));
        QCOMPARE(step->steps, qint64(100));
        QCOMPARE(step->loss, 0.5);
        QCOMPARE(step->lossAudio, 0.2);
        QCOMPARE(step->lr, 0.0001);
        QCOMPARE(step->rssMib, 512.0);
        const auto done =
            parseTrainingLine(R"({"event":"done","step":100,"export":"/r/model.safetensors"})");
        QCOMPARE(done->kind, TrainingEventKind::done);
        QCOMPARE(done->exportPath, QStringLiteral("/r/model.safetensors"));
        QCOMPARE(parseTrainingLine(R"({"event":"resumed","step":40})")->kind,
                 TrainingEventKind::resumed);
        QCOMPARE(parseTrainingLine(R"({"event":"summary","last_step":3})")->kind,
                 TrainingEventKind::summary);
        // A NaN loss arrives as null.
        QVERIFY(std::isnan(parseTrainingLine(R"({"event":"step","step":1,"loss":null})")->loss));
        QVERIFY(!parseTrainingLine("loading weights..."));
        QVERIFY(!parseTrainingLine("{broken"));
        QVERIFY(!parseTrainingLine(R"({"no_event":1})"));
    }

    void readsRecipesAndStages() {
        const QString recipe = makeRecipe(30, 10, {});
        const RecipeInfo info = readRecipeInfo(recipe);
        QVERIFY(info.ok);
        QCOMPARE(info.name, QStringLiteral("demo"));
        QCOMPARE(info.steps, qint64(30));
        QCOMPARE(info.checkpointEvery, qint64(10));
        QCOMPARE(info.outputDir, QFileInfo(recipe).absoluteDir().filePath(QStringLiteral("run")));
        QCOMPARE(info.stages, (QStringList{QStringLiteral("main"), QStringLiteral("warmup")}));
        QCOMPARE(readRecipeInfo(recipe, QStringLiteral("warmup")).steps, qint64(8));
        // Stages write to their own folders, as `nava train --stage` does.
        const QDir dir = QFileInfo(recipe).absoluteDir();
        QCOMPARE(readRecipeInfo(recipe, QStringLiteral("warmup")).outputDir,
                 dir.filePath(QStringLiteral("run/warmup")));
        QCOMPARE(readRecipeInfo(recipe, QStringLiteral("main")).outputDir,
                 dir.filePath(QStringLiteral("run/main")));
        QVERIFY(!readRecipeInfo(recipe, QStringLiteral("nope")).ok);
        QVERIFY(!readRecipeInfo(m_dir.filePath(QStringLiteral("missing.json"))).ok);
    }

    void launchRecipeCarriesTheChoices() {
        const QString recipe = makeRecipe(4, 0, {{QStringLiteral("step_ms"), 1}});
        TrainingSession session(kFakeNava);
        TrainingSetup setup;
        setup.recipeFile = recipe;
        setup.stage = QStringLiteral("main");
        setup.method = FinetuneMethod::full;
        setup.ranks = 2;
        setup.dataset = m_dir.filePath(QStringLiteral("data.jsonl"));
        session.setSetup(setup);
        QString error;
        QVERIFY2(session.start(true, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::finished, 10000);
        const QStringList args = session.launchArguments();
        QCOMPARE(args.mid(2), (QStringList{QStringLiteral("--nproc"), QStringLiteral("2")}));
        const QJsonObject launched = readJson(session.launchRecipe());
        QCOMPARE(launched.value(QStringLiteral("stage")).toString(), QStringLiteral("main"));
        QCOMPARE(launched.value(QStringLiteral("finetune"))
                     .toObject()
                     .value(QStringLiteral("method"))
                     .toString(),
                 QStringLiteral("full"));
        QCOMPARE(launched.value(QStringLiteral("optimizer"))
                     .toObject()
                     .value(QStringLiteral("lr"))
                     .toDouble(),
                 5e-5);
        QVERIFY(!launched.contains(QStringLiteral("stages")));
        // "main" starts from what "warmup" exported (the launch recipe has no stages to look in).
        QVERIFY(!launched.contains(QStringLiteral("init_from_stage")));
        QCOMPARE(launched.value(QStringLiteral("model"))
                     .toObject()
                     .value(QStringLiteral("weights"))
                     .toString(),
                 QFileInfo(recipe).absoluteDir().filePath(
                     QStringLiteral("run/warmup/model.safetensors")));
        QCOMPARE(launched.value(QStringLiteral("output_dir")).toString(),
                 QFileInfo(recipe).absoluteDir().filePath(QStringLiteral("run/main")));
        QVERIFY(QDir::isAbsolutePath(launched.value(QStringLiteral("output_dir")).toString()));
        QCOMPARE(launched.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("manifest"))
                     .toString(),
                 setup.dataset);
        // What the trainer saw (it echoes the ranks and method in its start line).
        bool sawStart = false;
        for (const TrainingLogLine& line : session.log())
            if (line.text.contains(QStringLiteral("\"ranks\":2")) &&
                line.text.contains(QStringLiteral("\"method\":\"full\"")))
                sawStart = true;
        QVERIFY(sawStart);
    }

    void progressBecomesThePlot() {
        const QString recipe = makeRecipe(
            30, 10, {{QStringLiteral("step_ms"), 10}, {QStringLiteral("samples_every"), 10}});
        TrainingSession session(kFakeNava);
        configure(session, recipe);
        TrainingPanel panel(&session);
        panel.resize(1200, 800);
        panel.show();
        QSignalSpy steps(&session, &TrainingSession::stepRecorded);
        QVERIFY(panel.startAction()->isEnabled());
        panel.startAction()->trigger();
        QCOMPARE(session.state(), TrainingState::running);
        QVERIFY(panel.stopAction()->isEnabled());
        QVERIFY(!panel.startAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::finished, 15000);
        QCOMPARE(steps.size(), 30);
        QCOMPARE(session.history().size(), 30);
        QCOMPARE(panel.chart()->pointCount(), 30);
        QCOMPARE(panel.chart()->learningRateSeries()->count(), 30);
        QCOMPARE(panel.chart()->lossSeries()->at(29).x(), 30.0);
        QCOMPARE(panel.progressBar()->value(), 30);
        QCOMPARE(panel.progressBar()->maximum(), 30);
        QVERIFY(session.exportPath().endsWith(QStringLiteral("run/model.safetensors")));
        QVERIFY(panel.stateLabel()->text().contains(QStringLiteral("model.safetensors")));
        QVERIFY(panel.logView()->toPlainText().contains(QStringLiteral("step 30/30")));
        QVERIFY(panel.startAction()->isEnabled());
        QVERIFY(!panel.pauseAction()->isEnabled());
        if (nava::media::capabilities().ffmpeg) {
            QTRY_COMPARE_WITH_TIMEOUT(session.samples().size(), 3, 3000);
            QTRY_COMPARE_WITH_TIMEOUT(panel.samplesView()->count(), 3, 3000);
            QVERIFY(!panel.samplesView()->item(0)->icon().isNull());
            QSignalSpy open(&panel, &TrainingPanel::openClipRequested);
            Q_EMIT panel.samplesView()->itemActivated(panel.samplesView()->item(0));
            QCOMPARE(open.size(), 1);
            QVERIFY(open.first().first().toString().endsWith(QStringLiteral("step-000010.mp4")));
        }
    }

    void pauseWaitsForACheckpointAndResumeContinues() {
        const QString recipe = makeRecipe(40, 10, {{QStringLiteral("step_ms"), 30}});
        TrainingSession session(kFakeNava);
        configure(session, recipe);
        TrainingPanel panel(&session);
        QString error;
        QVERIFY2(session.start(true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.history().size() >= 3, 10000);
        QVERIFY(panel.pauseAction()->isEnabled());
        panel.pauseAction()->trigger();
        QCOMPARE(session.state(), TrainingState::pausing);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::paused, 15000);
        QVERIFY(!session.isActive());
        // It ran at least up to the checkpoint, not to the end.
        const qint64 pausedAt = session.history().last().step;
        QVERIFY2(pausedAt >= 10 && pausedAt < 40, qPrintable(QString::number(pausedAt)));
        QVERIFY(QFileInfo(QFileInfo(recipe).absoluteDir().filePath(
                              QStringLiteral("run/checkpoints/step-00000010")))
                    .isDir());
        QVERIFY(panel.resumeAction()->isEnabled());

        // Resume: the trainer goes back to its checkpoint; the plot is cut back and continues.
        QSignalSpy cut(&session, &TrainingSession::historyChanged);
        panel.resumeAction()->trigger();
        QCOMPARE(session.state(), TrainingState::running);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::finished, 15000);
        if (pausedAt > 10) QVERIFY(cut.size() >= 1);
        QCOMPARE(session.history().size(), 40);
        for (int i = 0; i < session.history().size(); ++i)
            QCOMPARE(session.history()[i].step, qint64(i + 1));
        QCOMPARE(panel.chart()->pointCount(), 40);
        QVERIFY(panel.logView()->toPlainText().contains(QStringLiteral("resumed after step")));
    }

    void stopEndsTheRunAtOnce() {
        const QString recipe = makeRecipe(500, 0, {{QStringLiteral("step_ms"), 40}});
        TrainingSession session(kFakeNava);
        configure(session, recipe);
        TrainingPanel panel(&session);
        QVERIFY(session.start(true));
        QTRY_VERIFY_WITH_TIMEOUT(session.history().size() >= 2, 10000);
        panel.stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::stopped, 10000);
        QVERIFY(!session.isActive());
        QVERIFY(session.history().last().step < 100);
        QVERIFY(panel.resumeAction()->isEnabled());
        QVERIFY(!panel.errorLabel()->isVisibleTo(&panel));
    }

    void pauseWithoutCheckpointsStopsNow() {
        const QString recipe = makeRecipe(500, 0, {{QStringLiteral("step_ms"), 40}});
        TrainingSession session(kFakeNava);
        configure(session, recipe);
        QVERIFY(session.start(true));
        QTRY_VERIFY_WITH_TIMEOUT(session.history().size() >= 2, 10000);
        session.pause();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::paused, 10000);
        bool explained = false;
        for (const TrainingLogLine& line : session.log())
            explained |= line.text.contains(QStringLiteral("only at the end"));
        QVERIFY(explained);
    }

    void aFailingTrainerIsShown() {
        const QString recipe =
            makeRecipe(50, 0,
                       {{QStringLiteral("step_ms"), 5},
                        {QStringLiteral("fail_at"), 6},
                        {QStringLiteral("fail_message"), QStringLiteral("CUDA out of memory")}});
        TrainingSession session(kFakeNava);
        configure(session, recipe);
        TrainingPanel panel(&session);
        panel.show();
        QVERIFY(session.start(true));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), TrainingState::failed, 10000);
        QVERIFY(session.lastError().contains(QStringLiteral("CUDA out of memory")));
        QVERIFY(panel.errorLabel()->isVisible());
        QVERIFY(panel.errorLabel()->text().contains(QStringLiteral("CUDA out of memory")));
        QCOMPARE(panel.stateLabel()->text(), QStringLiteral("Failed"));
        QCOMPARE(session.history().size(), 5);
        QVERIFY(panel.resumeAction()->isEnabled());
        bool red = false;
        for (const TrainingLogLine& line : session.log())
            red |= line.error && line.text.contains(QStringLiteral("CUDA out of memory"));
        QVERIFY(red);
    }

    void aMissingTrainerIsReported() {
        TrainingSession session(m_dir.filePath(QStringLiteral("no/such/nava")));
        configure(session, makeRecipe(5, 0, {}));
        QString error;
        QVERIFY(!session.start(true, &error));
        QVERIFY(error.contains(QStringLiteral("not found")));
        QCOMPARE(session.state(), TrainingState::idle);
        TrainingPanel panel(&session);
        panel.startAction()->trigger();
        QVERIFY(panel.errorLabel()->text().contains(QStringLiteral("not found")));
    }

    void validatesThroughTheTrainer() {
        TrainingSession session(kFakeNava);
        TrainingSetup setup;
        setup.dataset = m_dir.filePath(QStringLiteral("dataset-a"));
        session.setSetup(setup);
        TrainingPanel panel(&session);
        QSignalSpy finished(&session, &TrainingSession::validationFinished);
        panel.validateButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        const DatasetReport report = session.lastReport();
        QCOMPARE(report.source, QStringLiteral("nava train --validate-data"));
        QCOMPARE(report.samples, 2);
        QCOMPARE(report.count(IssueSeverity::warning), 1);
        QVERIFY(report.ok());
        QCOMPARE(panel.reportView()->topLevelItemCount(), 2);
        QCOMPARE(panel.reportView()->topLevelItem(0)->text(1), QStringLiteral("no caption"));
        // A dataset the trainer rejects.
        setup.dataset = m_dir.filePath(QStringLiteral("bad-dataset"));
        session.setSetup(setup);
        session.validate();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QVERIFY(!session.lastReport().ok());
    }

    void validatesWithItsOwnChecksOtherwise() {
        if (!nava::media::capabilities().ffmpeg) QSKIP("this build has no FFmpeg");
        // 1. A folder: a good clip, one without caption, one with broken markup, a broken file.
        const QString folder = m_dir.filePath(QStringLiteral("dataset-own"));
        nava::test::writeClip(QDir(folder).filePath(QStringLiteral("a.mp4")), 24, 12, true);
        writeText(QDir(folder).filePath(QStringLiteral("a.txt")), "A dog barks twice.");
        nava::test::writeClip(QDir(folder).filePath(QStringLiteral("b.mp4")), 24, 12, true);
        nava::test::writeClip(QDir(folder).filePath(QStringLiteral("sub/c.mp4")), 24, 12, false);
        writeText(QDir(folder).filePath(QStringLiteral("sub/c.txt")), "She says <S>hello.");
        writeText(QDir(folder).filePath(QStringLiteral("d.mp4")), "not a video");
        writeText(QDir(folder).filePath(QStringLiteral("d.txt")), "Broken.");
        // /bin/true knows no --validate-data: the studio checks for itself.
        TrainingSession session(QStringLiteral("/bin/true"));
        TrainingSetup setup;
        setup.dataset = folder;
        session.setSetup(setup);
        QSignalSpy finished(&session, &TrainingSession::validationFinished);
        session.validate();
        QVERIFY(session.isValidating());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        DatasetReport report = session.lastReport();
        QCOMPARE(report.source, QStringLiteral("studio checks"));
        QCOMPARE(report.samples, 4);
        QCOMPARE(report.captioned, 3);
        auto has = [&](const QString& file, const QString& words, IssueSeverity severity) {
            for (const DatasetIssue& i : report.issues)
                if (i.file.contains(file) && i.message.contains(words) && i.severity == severity)
                    return true;
            return false;
        };
        QVERIFY(has(QStringLiteral("b.mp4"), QStringLiteral("no caption"), IssueSeverity::warning));
        QVERIFY(
            has(QStringLiteral("sub/c.mp4"), QStringLiteral("unpaired"), IssueSeverity::warning));
        QVERIFY(
            has(QStringLiteral("sub/c.mp4"), QStringLiteral("no sound"), IssueSeverity::warning));
        QVERIFY(
            has(QStringLiteral("d.mp4"), QStringLiteral("cannot be read"), IssueSeverity::error));
        QVERIFY(!report.ok());

        // 2. A manifest (JSON Lines): paths relative to it, a missing clip, a bad line.
        const QString manifest = QDir(folder).filePath(QStringLiteral("train.jsonl"));
        writeText(manifest,
                  "{\"video\": \"a.mp4\", \"caption\": \"A dog barks twice.\"}\n"
                  "{\"video\": \"gone.mp4\", \"caption\": \"Nothing.\"}\n"
                  "not json\n"
                  "{\"path\": \"b.mp4\"}\n");
        report = checkDataset(manifest);
        QCOMPARE(report.samples, 4);
        QCOMPARE(report.captioned, 2);
        QVERIFY(has(QStringLiteral("gone.mp4"), QStringLiteral("does not exist"),
                    IssueSeverity::error));
        QVERIFY(has(QStringLiteral("line 3"), QStringLiteral("not a JSON object"),
                    IssueSeverity::error));
        QVERIFY(has(QStringLiteral("b.mp4"), QStringLiteral("no caption"), IssueSeverity::warning));
        // 3. Nothing there.
        report = checkDataset(m_dir.filePath(QStringLiteral("nowhere")));
        QVERIFY(!report.ok());
    }

    void screenshot() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setTheme(Theme::light);
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.filePath(QStringLiteral("data")), kFakeNava,
                           nava::media::AudioOutputKind::timer});
        const QString recipe = makeRecipe(
            60, 20, {{QStringLiteral("step_ms"), 5}, {QStringLiteral("samples_every"), 20}});
        const QString dataset = m_dir.filePath(QStringLiteral("dataset-shot"));
        TrainingSession* session = window.training();
        TrainingSetup setup;
        setup.recipeFile = recipe;
        setup.dataset = dataset;
        setup.ranks = 2;
        session->setSetup(setup);
        QSignalSpy validated(session, &TrainingSession::validationFinished);
        session->validate();
        QTRY_COMPARE_WITH_TIMEOUT(validated.size(), 1, 10000);
        QVERIFY(session->start(true));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), TrainingState::finished, 20000);
        if (nava::media::capabilities().ffmpeg)
            QTRY_COMPARE_WITH_TIMEOUT(window.trainingPanel()->samplesView()->count(), 3, 3000);
        window.tabs()->setCurrentIndex(MainWindow::trainingTab);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(100);
        QVERIFY(window.grab().toImage().save(shotPath(QStringLiteral("training_tab.png"))));
    }
};

QTEST_MAIN(TrainingTest)
#include "test_ui_training.moc"
