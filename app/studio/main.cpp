// `nava-studio`: the desktop application.
#include <QApplication>
#include <QTimer>

#include "app/common/openmp_policy.h"
#include "inference/core/runtime.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
    nava::app::ensure_passive_openmp(argc, argv);
    // The engine's threads: NAVA_NUM_THREADS, else OMP_NUM_THREADS, else every core. The GUI
    // thread stays responsive anyway: the engine runs on its own worker thread.
    nava::init_runtime();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("NAVA Studio"));
    QApplication::setOrganizationName(QStringLiteral("NAVA Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NAVA_STUDIO_VERSION));

    // Language, theme, queue and engine are set up by the window from the user's settings.
    nava::ui::MainWindow window;
    window.show();
    QTimer::singleShot(0, &window, &nava::ui::MainWindow::offerRecovery);
    return QApplication::exec();
}
