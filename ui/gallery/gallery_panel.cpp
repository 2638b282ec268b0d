#include "ui/gallery/gallery_panel.h"

#include <algorithm>

#include <QAction>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/gallery/gallery_delegate.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/recipe_restore.h"
#include "ui/player/frame_view.h"
#include "ui/player/player_widget.h"

namespace nava::ui {

GalleryPanel::GalleryPanel(GalleryModel* model, nava::media::AudioOutputKind output,
                           QWidget* parent)
    : QWidget(parent), m_model(model) {
    auto* layout = new QVBoxLayout(this);

    // 1. Actions on the selected clip.
    auto action = [this](const QString& text, const QString& tip, QStyle::StandardPixmap icon,
                         const QKeySequence& key = QKeySequence()) {
        auto* a = new QAction(style()->standardIcon(icon), text, this);
        a->setToolTip(
            key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        addAction(a);
        return a;
    };
    m_open = action(tr("Play"), tr("Open the clip in the player"), QStyle::SP_MediaPlay);
    m_rerun = action(tr("Re-run"), tr("Queue the same recipe again (same seed, same settings)"),
                     QStyle::SP_BrowserReload, QKeySequence(Qt::CTRL | Qt::Key_R));
    m_restore = action(tr("Restore recipe"),
                       tr("Put this clip's prompt, speakers and settings into the editor "
                          "(one undo step)"),
                       QStyle::SP_ArrowBack, QKeySequence(Qt::CTRL | Qt::Key_E));
    m_reveal = action(tr("Show in folder"), tr("Open the folder that holds the clip"),
                      QStyle::SP_DirOpenIcon);
    m_delete = action(tr("Delete…"), tr("Move the clip to the trash or remove it from the gallery"),
                      QStyle::SP_TrashIcon, QKeySequence(QKeySequence::Delete));
    m_add = action(tr("Add clips…"), tr("Add video or sound files to the gallery"),
                   QStyle::SP_FileDialogNewFolder);
    m_rescan = action(tr("Rescan"), tr("Look for new clips in the output folder"),
                      QStyle::SP_FileDialogContentsView, QKeySequence(Qt::Key_F5));
    m_open->setObjectName(QStringLiteral("galleryOpen"));
    m_rerun->setObjectName(QStringLiteral("galleryRerun"));
    m_restore->setObjectName(QStringLiteral("galleryRestore"));
    connect(m_open, &QAction::triggered, this, [this] { openInPlayer(currentPath()); });
    connect(m_rerun, &QAction::triggered, this, [this] {
        const int row = m_model->rowOfPath(currentPath());
        if (row >= 0 && !m_model->at(row).recipeJson.isEmpty())
            Q_EMIT rerunRequested(m_model->at(row).recipeJson);
    });
    connect(m_restore, &QAction::triggered, this, [this] {
        const int row = m_model->rowOfPath(currentPath());
        if (row >= 0 && !m_model->at(row).recipeJson.isEmpty())
            Q_EMIT restoreRequested(m_model->at(row).recipeJson);
    });
    connect(m_reveal, &QAction::triggered, this, [this] {
        const QString path = currentPath();
        if (!path.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
    });
    connect(m_delete, &QAction::triggered, this, &GalleryPanel::deleteWithConfirmation);
    connect(m_add, &QAction::triggered, this, &GalleryPanel::addClipsWithDialog);
    connect(m_rescan, &QAction::triggered, this, &GalleryPanel::rescan);

    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    for (QAction* a : {m_open, m_rerun, m_restore, m_reveal, m_delete})
        m_toolBar->addAction(a);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_add);
    m_toolBar->addAction(m_rescan);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("galleryFilter"));
    m_filter->setPlaceholderText(tr("Filter by prompt…"));
    m_filter->setAccessibleName(tr("Filter clips"));
    m_filter->setToolTip(tr("Show only clips whose prompt contains these words"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    auto* top = new QHBoxLayout;
    top->addWidget(m_toolBar, 1);
    top->addWidget(m_filter);
    layout->addLayout(top);

    // 2. The cards.
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(GalleryModel::PromptRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_list = new QListView(left);
    m_list->setObjectName(QStringLiteral("galleryList"));
    m_list->setAccessibleName(tr("Clips"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setGridSize(QSize(GalleryDelegate::kCardWidth, GalleryDelegate::kCardHeight));
    m_list->setItemDelegate(new GalleryDelegate(m_list));
    m_list->setModel(m_proxy);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (QAction* a : {m_open, m_rerun, m_restore, m_reveal, m_delete})
        m_list->addAction(a);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex& index) {
        openInPlayer(index.data(GalleryModel::PathRole).toString());
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        refreshActions();
        refreshDetails();
    });
    m_emptyHint = new QLabel(
        tr("No clips yet. Clips you generate appear here; you can also add files or drop a "
           "clip made by NAVA Studio onto the window to restore its recipe."),
        left);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    leftLayout->addWidget(m_emptyHint);
    leftLayout->addWidget(m_list, 1);

    // 3. The player and the selected clip's recipe.
    auto* right = new QSplitter(Qt::Vertical, split);
    right->setChildrenCollapsible(false);
    m_player = new PlayerWidget(right, output);
    connect(m_player, &PlayerWidget::message, this, &GalleryPanel::message);
    m_details = new QTextBrowser(right);
    m_details->setObjectName(QStringLiteral("galleryDetails"));
    m_details->setAccessibleName(tr("Recipe"));
    m_details->setOpenLinks(false);
    right->addWidget(m_player);
    right->addWidget(m_details);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({520, 560});
    layout->addWidget(split, 1);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, [this] { refreshActions(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { refreshActions(); });
    connect(m_proxy, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& first, const QModelIndex& last, const QList<int>& roles) {
                refreshActions();
                // A new thumbnail elsewhere must not reset the recipe the user is reading.
                const int current = m_list->currentIndex().row();
                const bool onlyPicture =
                    !roles.isEmpty() && std::all_of(roles.begin(), roles.end(), [](int r) {
                        return r == GalleryModel::ThumbnailRole || r == Qt::DecorationRole;
                    });
                if (!onlyPicture && current >= first.row() && current <= last.row())
                    refreshDetails();
            });

    setTabOrder(m_filter, m_list);
    setTabOrder(m_list, m_player);
    setTabOrder(m_player, m_details);
    refreshActions();
    refreshDetails();
}

QString GalleryPanel::currentPath() const {
    return m_list->currentIndex().data(GalleryModel::PathRole).toString();
}

void GalleryPanel::selectClip(const QString& path) {
    const int row = m_model->rowOfPath(path);
    if (row < 0) return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row));
    if (!index.isValid()) {
        m_filter->clear();  // the filter hid it
        m_list->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row)));
    } else {
        m_list->setCurrentIndex(index);
    }
    m_list->scrollTo(m_list->currentIndex());
}

bool GalleryPanel::openInPlayer(const QString& path) {
    if (path.isEmpty()) return false;
    selectClip(path);
    if (!QFileInfo::exists(path)) {
        Q_EMIT message(tr("The clip is missing: %1").arg(path));
        return false;
    }
    if (m_player->clipPath() == QFileInfo(path).absoluteFilePath()) return true;
    QString error;
    if (!m_player->openClip(path, &error)) return false;
    m_player->frameView()->setFocus();
    return true;
}

bool GalleryPanel::deleteClip(const QString& path, ClipRemoval how, QString* error) {
    if (how != ClipRemoval::forget && m_player->clipPath() == QFileInfo(path).absoluteFilePath())
        m_player->closeClip();
    return m_model->removeClip(path, how, error);
}

void GalleryPanel::deleteWithConfirmation() {
    const QString path = currentPath();
    if (path.isEmpty()) return;
    const QString name = QFileInfo(path).fileName();
    QMessageBox box(QMessageBox::Question, tr("Delete clip"),
                    tr("Move “%1” to the trash, or only remove it from the gallery?").arg(name),
                    QMessageBox::Cancel, this);
    QPushButton* trash = box.addButton(tr("Move to trash"), QMessageBox::DestructiveRole);
    QPushButton* forget = box.addButton(tr("Remove from gallery"), QMessageBox::ActionRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    QString error;
    if (box.clickedButton() == forget) {
        deleteClip(path, ClipRemoval::forget, &error);
        return;
    }
    if (box.clickedButton() != trash) return;
    if (deleteClip(path, ClipRemoval::trash, &error)) {
        Q_EMIT message(tr("Moved to the trash: %1").arg(name));
        return;
    }
    // No trash on this system (or on this drive): deleting for good needs a second yes.
    if (QMessageBox::warning(
            this, tr("Delete clip"), tr("%1\n\nDelete “%2” permanently?").arg(error, name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!deleteClip(path, ClipRemoval::deleteFile, &error))
        QMessageBox::warning(this, tr("Delete clip"), error);
}

void GalleryPanel::addClipsWithDialog() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add clips"), m_outputFolder,
        tr("Video and sound (*.mp4 *.mov *.mkv *.webm *.wav *.flac *.mp3 *.ogg *.m4a)"));
    QStringList failures;
    for (const QString& file : files) {
        QString error;
        if (!m_model->addClip(file, QString(), QString(), &error)) failures << error;
    }
    if (!files.isEmpty()) selectClip(files.first());
    if (!failures.isEmpty())
        QMessageBox::warning(this, tr("Add clips"), failures.join(QLatin1Char('\n')));
}

void GalleryPanel::rescan() {
    m_model->refreshExistence();
    const int added = m_model->scanFolder(m_outputFolder);
    Q_EMIT message(tr("New clips found: %1").arg(added));
}

void GalleryPanel::refreshActions() {
    const QString path = currentPath();
    const int row = m_model->rowOfPath(path);
    const bool has = row >= 0;
    const bool exists = has && m_model->at(row).exists;
    const bool recipe = has && !m_model->at(row).recipeJson.isEmpty();
    m_open->setEnabled(exists);
    m_rerun->setEnabled(recipe);
    m_restore->setEnabled(recipe);
    m_reveal->setEnabled(exists);
    m_delete->setEnabled(has);
    m_rescan->setEnabled(!m_outputFolder.isEmpty());
    const QString noRecipe = tr("This clip carries no recipe");
    m_rerun->setStatusTip(has && !recipe ? noRecipe : QString());
    const bool empty = m_model->rowCount() == 0;
    m_emptyHint->setVisible(empty);
}

void GalleryPanel::refreshDetails() {
    const QString path = currentPath();
    const int row = m_model->rowOfPath(path);
    if (row < 0) {
        m_details->setHtml(QStringLiteral("<p style=\"color:gray\">%1</p>")
                               .arg(tr("Select a clip to see how it was made.").toHtmlEscaped()));
        return;
    }
    const GalleryItem& item = m_model->at(row);
    QString html = QStringLiteral("<h3>%1</h3>").arg(QFileInfo(path).fileName().toHtmlEscaped());
    html +=
        QStringLiteral("<p style=\"color:gray\">%1 · %2</p>")
            .arg(
                QLocale().toString(item.created.toLocalTime(), QLocale::LongFormat).toHtmlEscaped(),
                m_model->data(m_model->index(row), GalleryModel::DetailRole)
                    .toString()
                    .toHtmlEscaped());
    if (!item.exists)
        html += QStringLiteral("<p style=\"color:#c62828\">%1</p>")
                    .arg(tr("The file is missing. The recipe can still be re-run or restored.")
                             .toHtmlEscaped());
    nava::api::GenerationRequest request;
    if (item.recipeJson.isEmpty() || !parseRecipe(item.recipeJson, &request, nullptr)) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("This clip carries no recipe: it was not made by NAVA Studio, or "
                            "its metadata was removed.")
                             .toHtmlEscaped());
    } else {
        html += recipeSummaryHtml(request);
        const QByteArray pretty =
            QJsonDocument::fromJson(item.recipeJson.toUtf8()).toJson(QJsonDocument::Indented);
        html += QStringLiteral("<h4>%1</h4><pre style=\"font-size:small\">%2</pre>")
                    .arg(tr("Recipe (JSON)").toHtmlEscaped(),
                         QString::fromUtf8(pretty).toHtmlEscaped());
    }
    html += QStringLiteral("<p style=\"color:gray\">%1</p>").arg(path.toHtmlEscaped());
    m_details->setHtml(html);
}

}  // namespace nava::ui
