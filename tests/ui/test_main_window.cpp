// The studio window opens headless and renders; a screenshot is kept in the build folder.
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTabWidget>
#include <QtTest/QtTest>

#include "ui/main_window.h"

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void opensWithItsWorkspaces() {
        nava::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("NAVA Studio"));
        QTabWidget* tabs = window.tabs();
        QVERIFY(tabs != nullptr);
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Create"));
        QCOMPARE(tabs->tabText(3), QStringLiteral("Training"));
    }

    void savesAScreenshot() {
        nava::ui::MainWindow window;
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
