// The gallery: clips come in from files (their recipe read back), the output folder and the
// queue's finished jobs; the index and thumbnails persist; clips go (forgotten, deleted); a
// recipe restores into the editor as one undo step (speakers and voices included); the panel's
// actions; the main window re-runs a recipe and restores one from a clip dropped onto it, and
// says clearly when a file has no recipe; a screenshot of the tab.
#include <QAction>
#include <QDir>
#include <QDropEvent>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>
#include <QtTest/QtTest>

#include "clip_fixtures.h"
#include "media/wav.h"
#include "ui/create_page.h"
#include "ui/engine/fake_engine_client.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/recipe_restore.h"
#include "ui/main_window.h"
#include "ui/player/player_widget.h"
#include "ui/project/project_document.h"
#include "ui/project/project_file.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/queue/job_queue.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/theme.h"

using namespace nava::ui;
using nava::media::AudioOutputKind;

namespace {

QString shotPath(const QString& name) {
    const QString dir = qEnvironmentVariableIsSet("NAVA_TEST_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("NAVA_TEST_SCREENSHOT_DIR")
                            : QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

const char kPrompt[] =
    "A chef in a busy kitchen turns to the camera and says <S>Dinner is served!<E> while pans "
    "sizzle behind her.";

nava::api::GenerationRequest makeRequest(const QString& voice, uint64_t seed = 1234) {
    nava::api::GenerationRequest r;
    r.prompt = kPrompt;
    r.negative_prompt = "blurry";
    QString sha;
    if (!voice.isEmpty()) sha = sha256OfFile(voice);
    r.speakers.push_back({"s1", "Maya", voice.toStdString(), sha.toStdString()});
    r.spans.push_back({"Dinner is served!", "s1"});
    r.width = 640;
    r.height = 352;
    r.duration_s = 3.0;
    r.seed = seed;
    r.steps = 30;
    r.shift = 4.0;
    r.guidance.video_text = 4.5;
    r.output_path = "/somewhere/else/clip.mp4";
    return r;
}

}  // namespace

class GalleryTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_voice;
    QString m_clip;       // with a recipe
    QString m_plainClip;  // without one
    QString m_recipe;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_voice = path(QStringLiteral("maya.wav"));
        nava::media::write_wav(m_voice.toStdString(), nava::test::tone(4.0, 16000, 210.0));
        m_recipe = QString::fromStdString(nava::api::request_to_json_text(makeRequest(m_voice)));
        m_clip = path(QStringLiteral("clips/chef.mp4"));
        m_plainClip = path(QStringLiteral("clips/plain.mp4"));
        QDir().mkpath(path(QStringLiteral("clips")));
        nava::test::writeClip(m_clip, 24, 12, true, m_recipe.toStdString());
        nava::test::writeClip(m_plainClip, 12, 12, false, std::string(), 2);
    }

    void addsClipsWithTheirRecipeAndPersists() {
        const QString data = path(QStringLiteral("data-persist"));
        {
            GalleryModel model(data);
            QVERIFY(model.load());
            QString error;
            QVERIFY2(model.addClip(m_clip, QString(), QString(), &error), qPrintable(error));
            QCOMPARE(model.rowCount(), 1);
            const GalleryItem& item = model.at(0);
            QCOMPARE(item.path, QFileInfo(m_clip).absoluteFilePath());
            QVERIFY(item.recipeJson.contains(QStringLiteral("Dinner is served!")));
            QVERIFY(item.prompt.startsWith(QStringLiteral("A chef in a busy kitchen")));
            QVERIFY(!item.prompt.contains(QStringLiteral("<S>")));
            QCOMPARE(item.seed, qint64(1234));
            QVERIFY(std::abs(item.durationMs - 2000) <= 30);
            QCOMPARE(item.width, nava::test::kClipWidth);
            QVERIFY(item.hasAudio);
            QVERIFY(model.index(0)
                        .data(GalleryModel::DetailRole)
                        .toString()
                        .contains(QStringLiteral("seed 1234")));
            // The thumbnail is made on the event loop and cached on disk.
            QVERIFY(model.thumbnail(0).isNull());
            QTRY_VERIFY_WITH_TIMEOUT(!model.thumbnail(0).isNull(), 5000);
            QCOMPARE(model.thumbnail(0).width(), 320);
            QCOMPARE(QDir(QDir(data).filePath(QStringLiteral("thumbnails")))
                         .entryList(QDir::Files)
                         .size(),
                     1);
            // Adding the same file again updates it instead of doubling it.
            QVERIFY(model.addClip(m_clip));
            QCOMPARE(model.rowCount(), 1);
            QVERIFY(model.addClip(m_plainClip));
            QCOMPARE(model.rowCount(), 2);
            QVERIFY(model.at(model.rowOfPath(m_plainClip)).recipeJson.isEmpty());
            QVERIFY(
                !model.addClip(path(QStringLiteral("nothing.mp4")), QString(), QString(), &error));
            QVERIFY(error.contains(QStringLiteral("does not exist")));
        }
        GalleryModel reloaded(data);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.rowCount(), 2);
        const int row = reloaded.rowOfPath(m_clip);
        QVERIFY(row >= 0);
        QCOMPARE(reloaded.at(row).prompt.left(24), QStringLiteral("A chef in a busy kitchen"));
        QCOMPARE(reloaded.at(row).seed, qint64(1234));
        QVERIFY(reloaded.at(row).created.isValid());
        // The cached thumbnail is used at once.
        QVERIFY(!reloaded.thumbnail(row).isNull());
    }

    void damagedIndexIsKeptAsideAndStartsEmpty() {
        const QString data = path(QStringLiteral("data-damaged"));
        QDir().mkpath(data);
        QFile f(QDir(data).filePath(QStringLiteral("gallery.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ not json");
        f.close();
        GalleryModel model(data);
        QString error;
        QVERIFY(!model.load(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("gallery.json.damaged"))));
    }

    void scansTheOutputFolder() {
        const QString folder = path(QStringLiteral("scan"));
        QDir().mkpath(folder);
        QFile::copy(m_clip, QDir(folder).filePath(QStringLiteral("a.mp4")));
        QFile::copy(m_plainClip, QDir(folder).filePath(QStringLiteral("b.mp4")));
        QFile notes(QDir(folder).filePath(QStringLiteral("notes.txt")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a clip");
        notes.close();
        GalleryModel model{QString()};
        QVERIFY(model.load());
        QCOMPARE(model.scanFolder(folder), 2);
        QCOMPARE(model.scanFolder(folder), 0);
        // The window's way: a file per turn of the event loop.
        GalleryModel later{QString()};
        QVERIFY(later.load());
        later.scanFolderLater(folder);
        QVERIFY(later.isScanning());
        QCOMPARE(later.rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(later.rowCount(), 2, 5000);
        QVERIFY(!later.isScanning());
        QVERIFY(!model.at(model.rowOfPath(QDir(folder).filePath(QStringLiteral("a.mp4"))))
                     .recipeJson.isEmpty());
    }

    void takesTheQueuesFinishedJobs() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(1);
        JobQueue queue(&engine, QString());
        QVERIFY(queue.load());
        nava::api::GenerationRequest r = makeRequest(m_voice, 99);
        r.steps = 3;
        const QString done = path(QStringLiteral("queue-out.mp4"));
        QFile::copy(m_plainClip, done);  // the fake engine renders nothing: the clip is ready
        r.output_path = done.toStdString();
        const QString id = queue.addJob(QStringLiteral("chef"), r);
        nava::api::GenerationRequest lost = r;
        lost.output_path = path(QStringLiteral("never-written.mp4")).toStdString();
        queue.addJob(QStringLiteral("lost"), lost);
        QTRY_VERIFY_WITH_TIMEOUT(queue.jobs().size() == 2 &&
                                     queue.jobs()[0].state == JobState::done &&
                                     queue.jobs()[1].state == JobState::done,
                                 5000);
        GalleryModel model{QString()};
        QVERIFY(model.load());
        QCOMPARE(model.addFinishedJobs(queue), 2);
        QCOMPARE(model.addFinishedJobs(queue), 0);
        const GalleryItem& item = model.at(model.rowOfPath(done));
        QCOMPARE(item.jobId, id);
        QCOMPARE(item.seed, qint64(99));  // the job's recipe, not the file's (it has none)
        QVERIFY(item.exists);
        // A job whose clip is missing stays re-runnable from its recipe.
        const GalleryItem& missing =
            model.at(model.rowOfPath(QString::fromStdString(lost.output_path)));
        QVERIFY(!missing.exists);
        QCOMPARE(missing.width, 640);
        QVERIFY(!model.index(model.rowOfPath(QString::fromStdString(lost.output_path)))
                     .data(GalleryModel::ExistsRole)
                     .toBool());
    }

    void removesClipsAsAsked() {
        const QString data = path(QStringLiteral("data-remove"));
        const QString keep = path(QStringLiteral("remove/keep.mp4"));
        const QString gone = path(QStringLiteral("remove/gone.mp4"));
        QDir().mkpath(path(QStringLiteral("remove")));
        QFile::copy(m_plainClip, keep);
        QFile::copy(m_plainClip, gone);
        GalleryModel model(data);
        QVERIFY(model.load());
        QVERIFY(model.addClip(keep));
        QVERIFY(model.addClip(gone));
        QString error;
        QVERIFY(model.removeClip(keep, ClipRemoval::forget, &error));
        QVERIFY(QFile::exists(keep));
        QVERIFY(model.removeClip(gone, ClipRemoval::deleteFile, &error));
        QVERIFY(!QFile::exists(gone));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.removeClip(gone, ClipRemoval::forget, &error));
        GalleryModel reloaded(data);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.rowCount(), 0);
    }

    void restoresARecipeAsOneUndoStep() {
        ProjectDocument doc(path(QStringLiteral("project-restore")));
        doc.setPrompt(QStringLiteral("An old prompt."));
        const GenerationSettings before = doc.settings();
        const int steps = doc.undoStack()->count();
        nava::api::GenerationRequest request;
        QString error;
        QVERIFY2(parseRecipe(m_recipe, &request, &error), qPrintable(error));
        const QStringList warnings = restoreRecipe(doc, request);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

        QCOMPARE(doc.prompt(), QString::fromUtf8(kPrompt));
        QCOMPARE(doc.negativePrompt(), QStringLiteral("blurry"));
        const int maya = doc.speakers()->rowOfName(QStringLiteral("Maya"));
        QVERIFY(maya >= 0);
        const SpeakerData speaker = doc.speakers()->at(maya);
        QVERIFY(!speaker.voiceFile.isEmpty());
        QCOMPARE(speaker.voiceSha256, sha256OfFile(m_voice));
        QVERIFY(QFile::exists(doc.voicePath(speaker)));
        QCOMPARE(doc.spans()->rowCount(), 1);
        QCOMPARE(doc.spans()->at(0).data.speakerId, speaker.id);
        QCOMPARE(doc.settings().seed, qint64(1234));
        QCOMPARE(doc.settings().seedMode, SeedMode::fixed);
        QCOMPARE(doc.settings().steps, 30);
        QCOMPARE(doc.settings().width, 640);
        QCOMPARE(doc.settings().durationS, 3.0);
        QCOMPARE(doc.settings().shift, 4.0);
        QCOMPARE(doc.settings().guidance.video_text, 4.5);

        // One step back undoes all of it.
        QCOMPARE(doc.undoStack()->count(), steps + 1);
        doc.undoStack()->undo();
        QCOMPARE(doc.prompt(), QStringLiteral("An old prompt."));
        QCOMPARE(doc.speakers()->rowOfName(QStringLiteral("Maya")), -1);
        QVERIFY(doc.settings() == before);
        doc.undoStack()->redo();
        QCOMPARE(doc.prompt(), QString::fromUtf8(kPrompt));
        QCOMPARE(doc.spans()->at(0).data.speakerId,
                 doc.speakers()->at(doc.speakers()->rowOfName(QStringLiteral("Maya"))).id);
    }

    void restoringSaysWhichVoicesAreMissing() {
        ProjectDocument doc(path(QStringLiteral("project-missing")));
        const nava::api::GenerationRequest request =
            makeRequest(path(QStringLiteral("gone/voice.wav")));
        const QStringList warnings = restoreRecipe(doc, request);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(QStringLiteral("Maya")));
        QVERIFY(warnings.first().contains(QStringLiteral("gone/voice.wav")));
        // The rest is restored all the same.
        QCOMPARE(doc.prompt(), QString::fromUtf8(kPrompt));
        QVERIFY(doc.speakers()->rowOfName(QStringLiteral("Maya")) >= 0);
    }

    void readsRecipesFromClips() {
        QString json, error;
        QVERIFY(readRecipeFromClip(m_clip, &json, &error));
        QCOMPARE(json, m_recipe);
        QVERIFY(!readRecipeFromClip(m_plainClip, &json, &error));
        QVERIFY(error.contains(QStringLiteral("holds no NAVA recipe")));
        QVERIFY(!readRecipeFromClip(path(QStringLiteral("nothing.mp4")), &json, &error));
        QVERIFY(error.contains(QStringLiteral("cannot be read")));
        nava::api::GenerationRequest request;
        QVERIFY(!parseRecipe(QStringLiteral("[1, 2]"), &request, &error));
    }

    void panelShowsDetailsAndOffersTheActions() {
        GalleryModel model{QString()};
        QVERIFY(model.load());
        QVERIFY(model.addClip(m_clip));
        QVERIFY(model.addClip(m_plainClip));
        GalleryPanel panel(&model, AudioOutputKind::timer);
        panel.resize(1100, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.selectClip(m_clip);
        QCOMPARE(panel.currentPath(), QFileInfo(m_clip).absoluteFilePath());
        QVERIFY(panel.detailsView()->toPlainText().contains(QStringLiteral("Maya")));
        QVERIFY(panel.detailsView()->toPlainText().contains(QStringLiteral("1234")));
        QVERIFY(panel.rerunAction()->isEnabled());
        QVERIFY(panel.restoreAction()->isEnabled());

        QSignalSpy rerun(&panel, &GalleryPanel::rerunRequested);
        QSignalSpy restore(&panel, &GalleryPanel::restoreRequested);
        panel.rerunAction()->trigger();
        panel.restoreAction()->trigger();
        QCOMPARE(rerun.size(), 1);
        QCOMPARE(rerun.first().first().toString(), m_recipe);
        QCOMPARE(restore.size(), 1);

        panel.openAction()->trigger();
        QCOMPARE(panel.player()->clipPath(), QFileInfo(m_clip).absoluteFilePath());

        // A clip without a recipe: nothing to re-run, and the details say why.
        panel.selectClip(m_plainClip);
        QVERIFY(!panel.rerunAction()->isEnabled());
        QVERIFY(!panel.restoreAction()->isEnabled());
        QVERIFY(panel.detailsView()->toPlainText().contains(QStringLiteral("no recipe")));

        // The filter finds clips by their prompt.
        panel.filterEdit()->setText(QStringLiteral("kitchen"));
        QCOMPARE(panel.listView()->model()->rowCount(), 1);
        panel.filterEdit()->clear();
        QCOMPARE(panel.listView()->model()->rowCount(), 2);

        // Deleting the clip in the player closes it there first.
        const QString victim = path(QStringLiteral("victim.mp4"));
        QFile::copy(m_clip, victim);
        QVERIFY(model.addClip(victim));
        QVERIFY(panel.openInPlayer(victim));
        QVERIFY(panel.deleteClip(victim, ClipRemoval::deleteFile));
        QVERIFY(!panel.player()->hasClip());
        QVERIFY(!QFile::exists(victim));
    }

    void windowRerunsAndRestoresRecipes() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setOutputFolder(dir.filePath(QStringLiteral("out")));
        FakeEngineClient engine;
        engine.setStepIntervalMs(100000);
        MainWindow window({&settings, &engine, dir.filePath(QStringLiteral("data")), QString(),
                           AudioOutputKind::timer});
        // 1. Re-run: the same recipe into a new file.
        QString error;
        const QString id = window.rerunRecipe(m_recipe, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        const QueueJob* job = window.queue()->job(id);
        QCOMPARE(job->request.seed, uint64_t(1234));
        QCOMPARE(job->request.prompt, std::string(kPrompt));
        QVERIFY(QString::fromStdString(job->request.output_path)
                    .startsWith(dir.filePath(QStringLiteral("out"))));
        QVERIFY(window.rerunRecipe(QStringLiteral("nonsense"), &error).isEmpty());

        // 2. Restore through the gallery panel: into the project, on the Create tab.
        window.gallery()->addClip(m_clip);
        window.tabs()->setCurrentIndex(MainWindow::galleryTab);
        window.galleryPanel()->selectClip(m_clip);
        window.galleryPanel()->restoreAction()->trigger();
        QCOMPARE(window.document()->prompt(), QString::fromUtf8(kPrompt));
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::createTab));
        window.undoAction()->trigger();
        QVERIFY(window.document()->prompt().isEmpty());
    }

    void dropRestoresTheRecipeOfAClip() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.filePath(QStringLiteral("data")), QString(),
                           AudioOutputKind::timer});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(MainWindow::queueTab);
        auto drop = [&](const QString& file) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(file)});
            QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                                  Qt::NoModifier);
            QApplication::sendEvent(&window, &enter);
            QDropEvent event(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(&window, &event);
            return enter.isAccepted();
        };
        // A text file is not offered to the window at all.
        QVERIFY(!drop(path(QStringLiteral("notes.txt"))));

        QVERIFY(drop(m_clip));
        QCOMPARE(window.document()->prompt(), QString::fromUtf8(kPrompt));
        QCOMPARE(window.document()->settings().seed, qint64(1234));
        QCOMPARE(window.tabs()->currentIndex(), int(MainWindow::createTab));
        window.undoAction()->trigger();
        QVERIFY(window.document()->prompt().isEmpty());

        // A clip without a recipe: a clear message, the project untouched.
        QVERIFY(drop(m_plainClip));
        QVERIFY(window.document()->prompt().isEmpty());
        QMessageBox* notice = nullptr;
        QTRY_VERIFY((notice = window.findChild<QMessageBox*>(QStringLiteral("studioNotice"))));
        QVERIFY(notice->text().contains(QStringLiteral("holds no NAVA recipe")));
        QVERIFY(notice->text().contains(QStringLiteral("plain.mp4")));
        notice->close();
    }

    void finishedJobsAppearInTheGallery() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setOutputFolder(dir.filePath(QStringLiteral("out")));
        FakeEngineClient engine;
        engine.setStepIntervalMs(1);
        MainWindow window({&settings, &engine, dir.filePath(QStringLiteral("data")), QString(),
                           AudioOutputKind::timer});
        window.document()->setPrompt(QStringLiteral("A red kite over green hills."));
        GenerationSettings s = window.document()->settings();
        s.steps = 2;
        window.document()->setSettings(s, QStringLiteral("steps"));
        QString error;
        const QString id = window.generate(&error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(window.queue()->job(id)->state, JobState::done, 5000);
        const int row = window.gallery()->rowOfPath(window.queue()->job(id)->outputPath);
        QVERIFY(row >= 0);
        QCOMPARE(window.gallery()->at(row).prompt, QStringLiteral("A red kite over green hills."));
        QCOMPARE(window.gallery()->at(row).jobId, id);
    }

    void thePreviewEngineWritesClipsWithTheirRecipe() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(1);
        engine.setRenderClips(true);
        JobQueue queue(&engine, QString());
        QVERIFY(queue.load());
        nava::api::GenerationRequest r = makeRequest(m_voice, 5);
        r.steps = 2;
        r.duration_s = 1.0;
        r.output_path = path(QStringLiteral("preview/out.mp4")).toStdString();
        const QString id = queue.addJob(QStringLiteral("preview"), r);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->state, JobState::done, 10000);
        const QString file = QString::fromStdString(r.output_path);
        QVERIFY(QFile::exists(file));
        QString json, error;
        QVERIFY2(readRecipeFromClip(file, &json, &error), qPrintable(error));
        nava::api::GenerationRequest back;
        QVERIFY(parseRecipe(json, &back, &error));
        QCOMPARE(back.seed, uint64_t(5));
        GalleryModel model{QString()};
        QVERIFY(model.load());
        QCOMPARE(model.addFinishedJobs(queue), 1);
        QVERIFY(model.at(0).exists);
        QCOMPARE(model.at(0).width, 320);
        QVERIFY(std::abs(model.at(0).durationMs - 1000) <= 50);
    }

    void screenshot() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setTheme(Theme::light);
        settings.setOutputFolder(dir.filePath(QStringLiteral("out")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.filePath(QStringLiteral("data")), QString(),
                           AudioOutputKind::timer});
        const char* prompts[] = {
            "Morning on a fishing pier, gulls overhead, an old man says <S>They always come "
            "back at dawn.<E>",
            "A violinist on a rainy street corner plays a slow waltz, umbrellas drift past.",
            "Two friends laugh in a cable car above snowy peaks; one says <S>Don't look down!<E>",
            "Close-up of a kettle on a gas stove, steam curling, a whistle rises.",
        };
        QStringList clips;
        for (int i = 0; i < 4; ++i) {
            nava::api::GenerationRequest r = makeRequest(m_voice, 100 + uint64_t(i));
            r.prompt = prompts[i];
            r.spans.clear();
            const QString file = dir.filePath(QStringLiteral("out/clip-%1.mp4").arg(i));
            QDir().mkpath(dir.filePath(QStringLiteral("out")));
            nava::test::writeClip(file, 24 + 12 * i, 12, i != 3, nava::api::request_to_json_text(r),
                                  i);
            clips << file;
        }
        QTRY_COMPARE_WITH_TIMEOUT(window.gallery()->rowCount(), 4, 5000);  // the folder scan
        window.tabs()->setCurrentIndex(MainWindow::galleryTab);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.galleryPanel()->openInPlayer(clips[0]));
        window.galleryPanel()->player()->seekMs(1000);
        QTRY_VERIFY_WITH_TIMEOUT(window.galleryPanel()->player()->currentFrameIndex() == 12, 3000);
        for (int row = 0; row < 4; ++row)
            window.gallery()->thumbnail(row);
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.gallery()->thumbnail(0).isNull() && !window.gallery()->thumbnail(3).isNull(),
            5000);
        QTest::qWait(50);
        QVERIFY(window.grab().toImage().save(shotPath(QStringLiteral("gallery_tab.png"))));
    }
};

QTEST_MAIN(GalleryTest)
#include "test_ui_gallery.moc"
