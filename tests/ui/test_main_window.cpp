// The studio window opens headless with its workspaces, menus and shortcuts, turns the project
// into queued jobs, and a screenshot is kept in the build folder.
#include <QAction>
#include <QDir>
#include <QImage>
#include <QMenuBar>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest/QtTest>

#include "ui/engine/fake_engine_client.h"
#include "ui/main_window.h"
#include "ui/project/speaker_model.h"
#include "ui/queue/job_queue.h"
#include "ui/settings/app_settings.h"

using namespace nava::ui;

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensWithItsWorkspaces() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("NAVA Studio")));
        QTabWidget* tabs = window.tabs();
        QVERIFY(tabs != nullptr);
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Create"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("Training"));
        QStringList menus;
        for (QAction* a : window.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"),
                                     QStringLiteral("&Generate"), QStringLiteral("&View"),
                                     QStringLiteral("&Help")}));
    }

    void hasShortcutsForTheMainActions() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.path()});
        QCOMPARE(window.generateAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
        QCOMPARE(window.undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(window.redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));
        // Without an endpoint, Rewrite is off and says why.
        QVERIFY(!window.rewriteAction()->isEnabled());
        QVERIFY(window.rewriteAction()->toolTip().contains(QStringLiteral("Settings")));
        settings.setRewriteEndpoint({QUrl(QStringLiteral("http://127.0.0.1:9/v1")), {}, {}});
        MainWindow configured({&settings, &engine, dir.path()});
        QVERIFY(configured.rewriteAction()->isEnabled());
    }

    void queuesTheProjectAsAJob() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        settings.setOutputFolder(dir.filePath(QStringLiteral("out")));
        FakeEngineClient engine;
        engine.setStepIntervalMs(2);
        MainWindow window({&settings, &engine, dir.path()});
        ProjectDocument* doc = window.document();
        QString error;
        QVERIFY(window.generate(&error).isEmpty());  // empty prompt
        QVERIFY(!error.isEmpty());
        doc->setPrompt(QStringLiteral("A cat sits on a roof and says <S>Meow<E>."));
        GenerationSettings s = doc->settings();
        s.seedMode = SeedMode::increment;
        s.seed = 10;
        s.steps = 3;
        doc->setSettings(s, QStringLiteral("test"));
        const QString id = window.generate(&error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(window.document()->settings().seed, 11);  // incremented for the next job
        const QueueJob* job = window.queue()->job(id);
        QVERIFY(job);
        QCOMPARE(job->request.seed, 10u);
        QVERIFY(QString::fromStdString(job->request.output_path)
                    .startsWith(dir.filePath(QStringLiteral("out"))));
        QVERIFY(QTest::qWaitFor([&] { return window.queue()->job(id)->state == JobState::done; },
                                5000));
        QVERIFY(window.tabs()->tabText(1).startsWith(QStringLiteral("Queue")));
    }

    void savesAndReopensProjects() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.path()});
        window.document()->setPrompt(QStringLiteral("Waves. <S>Hello<E>"));
        window.document()->addSpeaker(QStringLiteral("Ann"));
        const QString path = dir.filePath(QStringLiteral("p/scene.nava"));
        QString error;
        QVERIFY2(window.saveProjectAs(path, &error), qPrintable(error));
        QCOMPARE(settings.recentFiles().value(0), path);
        window.newProject();
        QCOMPARE(window.document()->prompt(), QString());
        QVERIFY(window.openProject(path, OpenChoice::savedFile, &error));
        QCOMPARE(window.document()->prompt(), QStringLiteral("Waves. <S>Hello<E>"));
        QCOMPARE(window.document()->speakers()->rowCount(), 1);
        // Undo/redo act on the open project.
        window.document()->setPrompt(QStringLiteral("changed"));
        window.undoAction()->trigger();
        QCOMPARE(window.document()->prompt(), QStringLiteral("Waves. <S>Hello<E>"));
        window.redoAction()->trigger();
        QCOMPARE(window.document()->prompt(), QStringLiteral("changed"));
    }

    void switchesLanguageByRebuildingTheWidgets() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.path()});
        window.document()->setPrompt(QStringLiteral("Rain. <S>Hi<E>"));
        window.tabs()->setCurrentIndex(1);
        QTabWidget* before = window.tabs();
        QPointer<QTabWidget> watch(before);
        window.setLanguage(QStringLiteral("de"));
        QVERIFY(QTest::qWaitFor([&] { return watch.isNull(); }, 2000));
        // New widgets, same project, same tab.
        QVERIFY(window.tabs() != nullptr);
        QCOMPARE(window.tabs()->count(), 4);
        QCOMPARE(window.tabs()->currentIndex(), 1);
        auto* raw = window.findChild<QPlainTextEdit*>(QStringLiteral("rawPrompt"));
        QVERIFY(raw);
        QCOMPARE(raw->toPlainText(), QStringLiteral("Rain. <S>Hi<E>"));
        window.setLanguage(QStringLiteral("en"));
        QTest::qWait(20);
        QCOMPARE(window.tabs()->count(), 4);
    }

    void undoShortcutReachesTheProjectFromTheEditor() {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
        FakeEngineClient engine;
        MainWindow window({&settings, &engine, dir.path()});
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* marked = window.findChild<QTextEdit*>(QStringLiteral("markedPrompt"));
        QVERIFY(marked);
        marked->setFocus();
        QTest::keyClicks(marked, QStringLiteral("Sea"));
        QCOMPARE(window.document()->prompt(), QStringLiteral("Sea"));
        QTest::keyClick(marked, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window.document()->prompt(), QString());
        QCOMPARE(marked->toPlainText(), QString());
        QTest::keyClick(marked, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(marked->toPlainText(), QStringLiteral("Sea"));
        // Typing markers in the marked view makes a span once the pair is complete.
        QTest::keyClicks(marked, QStringLiteral(" <S>hi<E>"));
        QTRY_COMPARE(marked->toPlainText(), QStringLiteral("Sea hi"));
        QCOMPARE(window.document()->prompt(), QStringLiteral("Sea <S>hi<E>"));
    }

    void savesAScreenshot() {
        MainWindow window;
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QPixmap shot = window.grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), QSize(1024, 640));
        const QString dir = QStringLiteral(NAVA_TEST_SCREENSHOT_DIR);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir + QStringLiteral("/main_window.png");
        QVERIFY(shot.save(path));
        // The saved image is not a blank canvas: the window drew its tabs and labels.
        const QImage image(path);
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 8)
            for (int x = 0; x < image.width(); x += 8)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 2, "screenshot has almost no content");
    }
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
