#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace nava::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("NAVA Studio"));
    resize(1280, 800);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(placeholderPage(tr("Write a scene prompt, mark who speaks, attach voices.")),
                   tr("Create"));
    m_tabs->addTab(placeholderPage(tr("Generation jobs appear here.")), tr("Queue"));
    m_tabs->addTab(placeholderPage(tr("Every clip you make is kept here.")), tr("Gallery"));
    m_tabs->addTab(placeholderPage(tr("Fine-tune the model on your own footage.")), tr("Training"));
    setCentralWidget(m_tabs);

    buildMenus();
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About NAVA Studio"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About NAVA Studio"),
                           tr("NAVA Studio makes short clips whose picture and sound are "
                              "generated together."));
    });
}

QWidget* MainWindow::placeholderPage(const QString& text) {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* label = new QLabel(text, page);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
    return page;
}

}  // namespace nava::ui
