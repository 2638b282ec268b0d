// The Queue tab: every job with its state, progress, ETA and live preview; pause/resume the
// queue, reorder, run a job next, cancel (also mid-run), remove and clear finished jobs.
#pragma once

#include <QStyledItemDelegate>
#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QToolBar;

namespace nava::ui {

class JobQueue;

class JobDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

// "1 min 05 s", "12 s": remaining time for people.
QString formatEta(double seconds);

class QueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit QueuePanel(JobQueue* queue, QWidget* parent = nullptr);

    QListView* listView() const { return m_list; }
    QAction* pauseAction() const { return m_pause; }
    QAction* cancelAction() const { return m_cancel; }
    QString currentJobId() const;
    void selectJob(const QString& id);

private:
    void refreshActions();
    void refreshDetails();

    JobQueue* m_queue = nullptr;
    QToolBar* m_toolBar = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_details = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_runNext = nullptr;
    QAction* m_up = nullptr;
    QAction* m_down = nullptr;
    QAction* m_cancel = nullptr;
    QAction* m_remove = nullptr;
    QAction* m_clear = nullptr;
};

}  // namespace nava::ui
