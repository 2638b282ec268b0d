// `nava-studio`: the desktop application.
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "app/common/openmp_policy.h"
#include "ui/main_window.h"

int main(int argc, char** argv) {
    nava::app::ensure_passive_openmp(argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("NAVA Studio"));
    QApplication::setOrganizationName(QStringLiteral("NAVA Studio"));
    QApplication::setApplicationVersion(QStringLiteral(NAVA_STUDIO_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("nava"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    nava::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
