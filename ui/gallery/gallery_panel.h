// The Gallery tab: every clip as a card (filterable by prompt), the player, and the selected
// clip's recipe. Actions: play, re-run (queue the same recipe), restore the recipe into the
// editor, reveal in the file manager, delete (to the trash, after asking), add clips, rescan.
// Re-running and restoring are the main window's business: the panel asks through signals.
#pragma once

#include <QWidget>

#include "media/audio_output.h"

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;
class QTextBrowser;
class QToolBar;

namespace nava::ui {

class GalleryModel;
class PlayerWidget;
enum class ClipRemoval;

class GalleryPanel : public QWidget {
    Q_OBJECT

public:
    GalleryPanel(GalleryModel* model, nava::media::AudioOutputKind output,
                 QWidget* parent = nullptr);

    GalleryModel* model() const { return m_model; }
    PlayerWidget* player() const { return m_player; }
    QListView* listView() const { return m_list; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTextBrowser* detailsView() const { return m_details; }
    QAction* openAction() const { return m_open; }
    QAction* rerunAction() const { return m_rerun; }
    QAction* restoreAction() const { return m_restore; }
    QAction* revealAction() const { return m_reveal; }
    QAction* deleteAction() const { return m_delete; }

    QString currentPath() const;
    void selectClip(const QString& path);
    // Loads the clip into the player (selecting it). False + message shown.
    bool openInPlayer(const QString& path);
    // Without asking: the dialog lives in the Delete action.
    bool deleteClip(const QString& path, ClipRemoval how, QString* error = nullptr);
    // Where "Rescan" looks.
    void setOutputFolder(const QString& folder) { m_outputFolder = folder; }

Q_SIGNALS:
    void rerunRequested(const QString& recipeJson);
    void restoreRequested(const QString& recipeJson);
    void message(const QString& text);

private:
    void refreshActions();
    void refreshDetails();
    void deleteWithConfirmation();
    void addClipsWithDialog();
    void rescan();

    GalleryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QString m_outputFolder;
    QToolBar* m_toolBar = nullptr;
    QLineEdit* m_filter = nullptr;
    QListView* m_list = nullptr;
    QLabel* m_emptyHint = nullptr;
    PlayerWidget* m_player = nullptr;
    QTextBrowser* m_details = nullptr;
    QAction* m_open = nullptr;
    QAction* m_rerun = nullptr;
    QAction* m_restore = nullptr;
    QAction* m_reveal = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_add = nullptr;
    QAction* m_rescan = nullptr;
};

}  // namespace nava::ui
