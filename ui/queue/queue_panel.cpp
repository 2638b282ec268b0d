#include "ui/queue/queue_panel.h"

#include <cmath>

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QVBoxLayout>

#include "ui/queue/job_queue.h"

namespace nava::ui {
namespace {

constexpr int kRowHeight = 76;
constexpr int kThumbWidth = 112;

QColor stateColor(JobState state, const QPalette& pal) {
    switch (state) {
        case JobState::running:
            return pal.color(QPalette::Highlight);
        case JobState::done:
            return QColor(0x2e, 0x7d, 0x32);
        case JobState::failed:
            return QColor(0xc6, 0x28, 0x28);
        case JobState::cancelled:
            return pal.color(QPalette::PlaceholderText);
        case JobState::pending:
            break;
    }
    return pal.color(QPalette::Text);
}

}  // namespace

QString formatEta(double seconds) {
    if (seconds < 0) return QString();
    const int s = int(std::ceil(seconds));
    if (s < 60) return QueuePanel::tr("%1 s").arg(s);
    return QueuePanel::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

// --- delegate ----------------------------------------------------------------------------

QSize JobDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return {std::max(320, option.rect.width()), kRowHeight};
}

void JobDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const {
    p->save();
    const QPalette& pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    p->fillRect(option.rect,
                index.row() % 2 ? pal.color(QPalette::AlternateBase) : pal.color(QPalette::Base));
    if (selected) {
        // A tint and an accent bar: the state colours stay readable on a selected row.
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(40);
        p->fillRect(option.rect, tint);
        p->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                    pal.color(QPalette::Highlight));
    }
    const QRect r = option.rect.adjusted(8, 6, -8, -6);
    const auto state = JobState(index.data(JobQueue::StateRole).toInt());

    // 1. Thumbnail: the live preview, or a placeholder.
    const QRect thumb(r.left(), r.top(), kThumbWidth, r.height());
    const QImage preview = index.data(JobQueue::PreviewRole).value<QImage>();
    p->fillRect(thumb, QColor(40, 40, 46));
    if (!preview.isNull()) {
        const QImage scaled =
            preview.scaled(thumb.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
        p->drawImage(thumb.center() - QPoint(scaled.width() / 2, scaled.height() / 2), scaled);
    } else {
        p->setPen(QColor(160, 160, 170));
        p->drawText(thumb, Qt::AlignCenter, JobQueue::tr("no preview"));
    }

    // 2. Title, state and details.
    const QRect text = r.adjusted(kThumbWidth + 10, 0, 0, 0);
    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(state == JobState::cancelled ? pal.color(QPalette::PlaceholderText)
                                           : pal.color(QPalette::Text));
    const QFontMetrics boldMetrics(bold);
    const QString stateText = index.data(JobQueue::StateTextRole).toString();
    const int stateWidth = boldMetrics.horizontalAdvance(stateText) + 4;
    p->drawText(QRect(text.left(), text.top(), text.width() - stateWidth - 8, 18),
                Qt::AlignLeft | Qt::AlignVCenter,
                boldMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                       text.width() - stateWidth - 8));
    p->setPen(stateColor(state, pal));
    p->drawText(QRect(text.right() - stateWidth, text.top(), stateWidth, 18),
                Qt::AlignRight | Qt::AlignVCenter, stateText);
    p->setFont(option.font);
    p->setPen(pal.color(QPalette::PlaceholderText));
    const QString error = index.data(JobQueue::ErrorRole).toString();
    const QString output = index.data(JobQueue::OutputRole).toString();
    QString detail = index.data(JobQueue::DetailRole).toString();
    if (state == JobState::failed && !error.isEmpty()) {
        p->setPen(stateColor(state, pal));
        detail = error;
    } else if (state == JobState::done && !output.isEmpty()) {
        detail = output;
    }
    p->drawText(QRect(text.left(), text.top() + 20, text.width(), 18),
                Qt::AlignLeft | Qt::AlignVCenter,
                option.fontMetrics.elidedText(detail, Qt::ElideMiddle, text.width()));

    // 3. Progress bar with step and time left.
    if (state == JobState::running || state == JobState::done) {
        const QRect bar(text.left(), text.bottom() - 16, text.width(), 14);
        const double fraction = index.data(JobQueue::ProgressRole).toDouble();
        p->setPen(Qt::NoPen);
        p->setBrush(pal.color(QPalette::Mid).lighter(130));
        p->drawRoundedRect(bar, 3, 3);
        p->setBrush(stateColor(state, pal));
        p->drawRoundedRect(QRect(bar.left(), bar.top(), int(bar.width() * fraction), bar.height()),
                           3, 3);
        if (state == JobState::running) {
            const int step = index.data(JobQueue::StepRole).toInt();
            const int steps = index.data(JobQueue::StepsRole).toInt();
            QString label = index.data(JobQueue::StageRole).toString();
            if (steps > 0) label += QStringLiteral(" %1/%2").arg(step).arg(steps);
            const QString eta = formatEta(index.data(JobQueue::EtaSecondsRole).toDouble());
            if (!eta.isEmpty()) label += QStringLiteral(" · ") + JobQueue::tr("%1 left").arg(eta);
            QFont small = option.font;
            small.setPointSizeF(small.pointSizeF() * 0.85);
            p->setFont(small);
            p->setPen(fraction > 0.5 ? QColor(255, 255, 255) : pal.color(QPalette::Text));
            p->drawText(bar, Qt::AlignCenter, label);
        }
    }
    p->restore();
}

// --- panel -------------------------------------------------------------------------------

QueuePanel::QueuePanel(JobQueue* queue, QWidget* parent) : QWidget(parent), m_queue(queue) {
    auto* layout = new QVBoxLayout(this);
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    auto action = [this](QStyle::StandardPixmap icon, const QString& text, const QString& tip) {
        QAction* a = m_toolBar->addAction(style()->standardIcon(icon), text);
        a->setToolTip(tip);
        return a;
    };
    m_pause = action(QStyle::SP_MediaPause, tr("Pause queue"),
                     tr("Start no new jobs; the running one finishes"));
    m_pause->setCheckable(true);
    m_runNext = action(QStyle::SP_MediaSeekForward, tr("Run next"),
                       tr("Run the selected job as soon as the current one ends"));
    m_up = action(QStyle::SP_ArrowUp, tr("Up"), tr("Move the selected job earlier"));
    m_down = action(QStyle::SP_ArrowDown, tr("Down"), tr("Move the selected job later"));
    m_cancel = action(QStyle::SP_BrowserStop, tr("Cancel"),
                      tr("Cancel the selected job, also while it runs"));
    m_remove = action(QStyle::SP_TrashIcon, tr("Remove"), tr("Remove the selected job"));
    m_clear = action(QStyle::SP_DialogResetButton, tr("Clear finished"),
                     tr("Remove finished, failed and cancelled jobs"));
    layout->addWidget(m_toolBar);

    auto* splitter = new QSplitter(this);
    m_list = new QListView(splitter);
    m_list->setObjectName(QStringLiteral("queueList"));
    m_list->setAccessibleName(tr("Generation jobs"));
    m_list->setModel(queue);
    m_list->setItemDelegate(new JobDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* side = new QWidget(splitter);
    auto* sideLayout = new QVBoxLayout(side);
    m_preview = new QLabel(side);
    m_preview->setObjectName(QStringLiteral("queuePreview"));
    m_preview->setMinimumSize(320, 180);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setStyleSheet(QStringLiteral("background: #28282e; color: #a0a0aa;"));
    m_details = new QLabel(side);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    sideLayout->addWidget(m_preview);
    sideLayout->addWidget(m_details, 1);
    splitter->addWidget(m_list);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_pause, &QAction::toggled, queue, &JobQueue::setPaused);
    connect(queue, &JobQueue::pausedChanged, this, [this](bool paused) {
        m_pause->setChecked(paused);
        m_pause->setText(paused ? tr("Resume queue") : tr("Pause queue"));
        m_pause->setIcon(
            style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    });
    connect(m_runNext, &QAction::triggered, this, [this] { m_queue->runNext(currentJobId()); });
    connect(m_up, &QAction::triggered, this, [this] {
        const QString id = currentJobId();
        const int row = m_queue->rowOf(id);
        m_queue->move(row, row - 1);
        selectJob(id);
    });
    connect(m_down, &QAction::triggered, this, [this] {
        const QString id = currentJobId();
        const int row = m_queue->rowOf(id);
        m_queue->move(row, row + 1);
        selectJob(id);
    });
    connect(m_cancel, &QAction::triggered, this, [this] { m_queue->cancel(currentJobId()); });
    connect(m_remove, &QAction::triggered, this, [this] { m_queue->remove(currentJobId()); });
    connect(m_clear, &QAction::triggered, queue, &JobQueue::clearFinished);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        refreshActions();
        refreshDetails();
    });
    connect(queue, &QAbstractItemModel::rowsInserted, this, &QueuePanel::refreshActions);
    connect(queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::refreshActions);
    connect(queue, &QAbstractItemModel::rowsMoved, this, &QueuePanel::refreshActions);
    connect(queue, &QAbstractItemModel::modelReset, this, &QueuePanel::refreshActions);
    connect(queue, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const int row = m_list->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    refreshActions();
                    refreshDetails();
                }
            });
    m_pause->setChecked(queue->isPaused());
    refreshActions();
    refreshDetails();
}

QString QueuePanel::currentJobId() const {
    return m_list->currentIndex().data(JobQueue::IdRole).toString();
}

void QueuePanel::selectJob(const QString& id) {
    const int row = m_queue->rowOf(id);
    if (row >= 0) m_list->setCurrentIndex(m_queue->index(row));
}

void QueuePanel::refreshActions() {
    const QueueJob* job = m_queue->job(currentJobId());
    const int row = job ? m_queue->rowOf(job->id) : -1;
    const bool pending = job && job->state == JobState::pending;
    const bool running = job && job->state == JobState::running;
    m_runNext->setEnabled(pending);
    m_up->setEnabled(job && row > 0);
    m_down->setEnabled(job && row + 1 < m_queue->rowCount());
    m_cancel->setEnabled(pending || (running && !job->cancelRequested));
    m_remove->setEnabled(job && !running);
    m_clear->setEnabled(m_queue->rowCount() > 0);
}

void QueuePanel::refreshDetails() {
    const QueueJob* job = m_queue->job(currentJobId());
    if (!job) {
        m_preview->setPixmap(QPixmap());
        m_preview->setText(m_queue->rowCount() == 0
                               ? tr("No jobs yet: press Generate on the Create tab.")
                               : tr("Select a job to see it here."));
        m_details->clear();
        return;
    }
    if (!job->preview.isNull())
        m_preview->setPixmap(QPixmap::fromImage(job->preview.scaled(
            m_preview->size() - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    else
        m_preview->setText(tr("The preview appears once sampling starts."));
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(job->title.toHtmlEscaped());
    lines << m_queue->index(m_queue->rowOf(job->id)).data(JobQueue::DetailRole).toString();
    lines << QString::fromStdString(job->request.prompt).toHtmlEscaped();
    if (!job->outputPath.isEmpty()) lines << tr("Output: %1").arg(job->outputPath.toHtmlEscaped());
    if (!job->error.isEmpty())
        lines << QStringLiteral("<span style=\"color:#c62828;\">%1</span>")
                     .arg(job->error.toHtmlEscaped());
    m_details->setText(lines.join(QStringLiteral("<br>")));
}

}  // namespace nava::ui
