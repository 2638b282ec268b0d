// The studio's top-level window: Create, Queue, Gallery and Training tabs; File/Edit/Generate/
// View/Help menus; the status bar. It owns the open project, the job queue, the gallery, the
// training session and the services it is given (settings, engine) — or defaults for them —
// and passes them down; no singletons. A clip made by NAVA dropped onto the window brings its
// recipe back into the editor.
#pragma once

#include <memory>

#include <QMainWindow>
#include <QPointer>
#include <QTranslator>

#include "media/audio_output.h"
#include "ui/project/project_document.h"

class QAction;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QTabWidget;
class QUndoGroup;

namespace nava::ui {

class AppSettings;
class CreatePage;
class TokenCounter;
class EngineClient;
class GalleryModel;
class GalleryPanel;
class JobQueue;
class PromptRewriter;
class QueuePanel;
class TrainingPanel;
class TrainingSession;
struct PackageInfo;
struct RewriteOutcome;

struct StudioContext {
    AppSettings* settings = nullptr;  // not owned; nullptr: the user's settings
    // Not owned. nullptr: the real engine in this process (LocalEngineClient), or the preview
    // engine (FakeEngineClient, writes painted clips) when NAVA_STUDIO_ENGINE=fake.
    EngineClient* engine = nullptr;
    QString dataDir;         // queue and untitled projects; "": the app data folder
    QString trainerProgram;  // `nava` for training; "": next to the studio
    // Sound output of the clip player (tests use the silent timer).
    nava::media::AudioOutputKind audioOutput = nava::media::AudioOutputKind::automatic;
};

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const StudioContext& context, QWidget* parent = nullptr);
    ~MainWindow() override;

    QTabWidget* tabs() const { return m_tabs; }
    CreatePage* createPage() const { return m_createPage; }
    QueuePanel* queuePanel() const { return m_queuePanel; }
    GalleryPanel* galleryPanel() const { return m_galleryPanel; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    GalleryModel* gallery() const { return m_gallery; }
    TrainingSession* training() const { return m_training; }
    ProjectDocument* document() const { return m_document; }
    JobQueue* queue() const { return m_queue; }
    AppSettings* settings() const { return m_settings; }
    QAction* generateAction() const { return m_generateAction; }
    QAction* rewriteAction() const { return m_rewriteAction; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }

    // File operations without dialogs (the menu actions add the dialogs around them).
    void newProject();
    // `warnings`: missing or changed voice clips (the project opens anyway).
    bool openProject(const QString& path, OpenChoice choice, QString* error = nullptr,
                     QStringList* warnings = nullptr);
    bool saveProjectAs(const QString& path, QString* error = nullptr);
    // Adds the current project state to the queue; returns the job id, or "" with a message.
    QString generate(QString* error = nullptr);
    // Queues a recipe again (a new output file); returns the job id, or "" with a message.
    QString rerunRecipe(const QString& recipeJson, QString* error = nullptr);
    // Puts a recipe into the open project (one undo step). `warnings`: voices that could not
    // be restored exactly.
    bool restoreRecipeJson(const QString& recipeJson, QString* error = nullptr,
                           QStringList* warnings = nullptr);
    // The same for the recipe stored in a clip (what dropping a clip on the window does).
    bool restoreRecipeFromFile(const QString& path, QString* error = nullptr,
                               QStringList* warnings = nullptr);

    enum Tab { createTab = 0, queueTab = 1, galleryTab = 2, trainingTab = 3 };

    // At start-up: offers to restore untitled projects left by a crash.
    void offerRecovery();
    // "" follows the system; otherwise "en", "de", "zh_CN".
    void setLanguage(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void scheduleRebuild();
    void setDocument(ProjectDocument* document);
    ProjectDocument* makeUntitledDocument();
    QString untitledRoot() const;
    bool maybeSave();
    bool save();
    bool saveAs();
    void openWithDialog();
    void openInteractive(const QString& path);
    void fillRecentMenu();
    void showSettings();
    void startRewrite();
    void onRewriteFinished(const RewriteOutcome& outcome);
    void onPackageLoaded(const PackageInfo& info);
    void onPackageFailed(const QString& path, const QString& message);
    void loadPackage(const QString& path);
    void refreshEngineStatus();
    void showModelHelp();
    void refreshTitle();
    void refreshRewriteAction();
    void refreshQueueStatus();
    void applyLookFromSettings();
    void restoreRecipeWithDialog();
    void showNotice(const QString& title, const QString& text);
    void openClipInPlayer(const QString& path);

    std::unique_ptr<AppSettings> m_ownSettings;
    std::unique_ptr<EngineClient> m_ownEngine;
    std::unique_ptr<TokenCounter> m_tokenCounter;  // the loaded package's tokenizer
    AppSettings* m_settings = nullptr;
    EngineClient* m_engine = nullptr;
    QString m_dataDir;
    nava::media::AudioOutputKind m_audioOutput = nava::media::AudioOutputKind::automatic;
    JobQueue* m_queue = nullptr;
    GalleryModel* m_gallery = nullptr;
    TrainingSession* m_training = nullptr;
    QPointer<ProjectDocument> m_document;
    QUndoGroup* m_undoGroup = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    PromptRewriter* m_rewriter = nullptr;
    QTranslator m_translator;
    QTranslator m_qtTranslator;
    // The model as the status bar shows it: its name once loaded, else why there is none.
    QString m_packageName;
    QString m_packageDescription;
    QString m_packageError;  // "" unless the last load failed
    bool m_packageLoading = false;

    QTabWidget* m_tabs = nullptr;
    CreatePage* m_createPage = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    GalleryPanel* m_galleryPanel = nullptr;
    TrainingPanel* m_trainingPanel = nullptr;
    QMenu* m_recentMenu = nullptr;
    QLabel* m_engineLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QAction* m_generateAction = nullptr;
    QAction* m_rewriteAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    bool m_uiBuilt = false;
    bool m_rebuildPending = false;
};

}  // namespace nava::ui
