// The studio's top-level window: one tab per workspace (create, queue, gallery, training).
#pragma once

#include <QMainWindow>

class QTabWidget;

namespace nava::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }

private:
    void buildMenus();
    QWidget* placeholderPage(const QString& text);

    QTabWidget* m_tabs = nullptr;
};

}  // namespace nava::ui
