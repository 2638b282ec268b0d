// `nava-studio`: the desktop application.
#include <QApplication>
#include <QTimer>

#include "app/common/openmp_policy.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
    nava::app::ensure_passive_openmp(argc, argv);
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
