#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

#include "ui/create_page.h"
#include "ui/engine/engine_token_counter.h"
#include "ui/engine/fake_engine_client.h"
#include "ui/engine/local_engine_client.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/generation/generation_panel.h"
#include "ui/player/player_widget.h"
#include "ui/project/generation_settings.h"
#include "ui/project/project_document.h"
#include "ui/prompt/prompt_editor.h"
#include "ui/queue/job_queue.h"
#include "ui/queue/queue_panel.h"
#include "ui/rewrite/prompt_rewriter.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/theme.h"
#include "ui/speakers/speakers_panel.h"
#include "ui/timeline/timeline_panel.h"
#include "ui/training/training_panel.h"
#include "ui/training/training_session.h"

namespace nava::ui {

MainWindow::MainWindow(QWidget* parent) : MainWindow(StudioContext(), parent) {}

MainWindow::MainWindow(const StudioContext& context, QWidget* parent)
    : QMainWindow(parent),
      m_settings(context.settings),
      m_engine(context.engine),
      m_dataDir(context.dataDir),
      m_audioOutput(context.audioOutput) {
    qRegisterMetaType<nava::ui::JobProgress>();
    qRegisterMetaType<nava::ui::JobResult>();
    qRegisterMetaType<nava::ui::PackageInfo>();
    if (!m_settings) {
        m_ownSettings = std::make_unique<AppSettings>();
        m_settings = m_ownSettings.get();
    }
    if (!m_engine) {
        if (qEnvironmentVariable("NAVA_STUDIO_ENGINE") == u"fake") {
            // The preview engine (screenshots, trying the studio without a model).
            auto fake = std::make_unique<FakeEngineClient>();
            fake->setRenderClips(true);  // the gallery and the player get something to show
            m_ownEngine = std::move(fake);
        } else {
            m_ownEngine = std::make_unique<LocalEngineClient>();
        }
        m_engine = m_ownEngine.get();
    }
    if (m_dataDir.isEmpty())
        m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(m_dataDir);

    m_undoGroup = new QUndoGroup(this);
    m_network = new QNetworkAccessManager(this);
    m_rewriter = new PromptRewriter(m_network, this);
    connect(m_rewriter, &PromptRewriter::finished, this, &MainWindow::onRewriteFinished);
    m_queue = new JobQueue(m_engine, QDir(m_dataDir).filePath(QStringLiteral("queue.json")), this);
    connect(m_engine, &EngineClient::packageLoaded, this, &MainWindow::onPackageLoaded);
    connect(m_engine, &EngineClient::packageFailed, this, &MainWindow::onPackageFailed);
    m_gallery = new GalleryModel(m_dataDir, this);
    m_training = new TrainingSession(context.trainerProgram, this);
    connect(m_queue, &JobQueue::jobFinished, this,
            [this](const QString& id, const QString& output) {
                const QueueJob* job = m_queue->job(id);
                if (!job) return;
                statusBar()->showMessage(tr("Finished: %1").arg(job->title), 8000);
                // Every clip goes to the gallery with the recipe it was made from.
                m_gallery->addClip(
                    output,
                    QString::fromStdString(nava::api::request_to_json_text(job->request, -1)), id);
            });
    connect(m_gallery, &GalleryModel::persistFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Cannot save the gallery: %1").arg(message), 8000);
    });
    connect(m_queue, &JobQueue::jobFailed, this, [this](const QString&, const QString& message) {
        statusBar()->showMessage(tr("A job failed: %1").arg(message), 8000);
    });
    connect(m_queue, &JobQueue::persistFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Cannot save the queue: %1").arg(message), 8000);
    });
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &MainWindow::refreshQueueStatus);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &MainWindow::refreshQueueStatus);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &MainWindow::refreshQueueStatus);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &MainWindow::refreshQueueStatus);

    resize(1280, 800);
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts(QKeySequence::Redo);
    m_generateAction = new QAction(this);
    m_generateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_generateAction, &QAction::triggered, this, [this] {
        QString error;
        if (generate(&error).isEmpty()) QMessageBox::warning(this, tr("Cannot generate"), error);
    });
    m_rewriteAction = new QAction(this);
    m_rewriteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_rewriteAction, &QAction::triggered, this, &MainWindow::startRewrite);

    setDocument(makeUntitledDocument());
    applyLookFromSettings();
    buildUi();
    QString error;
    if (!m_queue->load(&error))
        statusBar()->showMessage(tr("The saved queue could not be read: %1").arg(error), 8000);
    if (!m_gallery->load(&error))
        statusBar()->showMessage(tr("The gallery index could not be read: %1").arg(error), 8000);
    m_gallery->addFinishedJobs(*m_queue);
    // New files in the output folder, once the window is up.
    QTimer::singleShot(0, this, [this] { m_gallery->scanFolderLater(m_settings->outputFolder()); });
    setAcceptDrops(true);
    loadPackage(m_settings->modelPackage());
    if (!m_settings->windowGeometry().isEmpty()) restoreGeometry(m_settings->windowGeometry());
}

MainWindow::~MainWindow() {
    // Panels hold the document; let them go before it does.
    delete m_tabs;
    m_tabs = nullptr;
}

void MainWindow::applyLookFromSettings() {
    applyTheme(m_settings->theme());
    setLanguage(m_settings->language());
}

// --- building the window -----------------------------------------------------------------

void MainWindow::buildUi() {
    // Rebuilt from scratch on a language change: all state lives in the document, the queue
    // and the settings, so the widgets can simply be made again in the new language.
    const int currentTab = m_tabs ? m_tabs->currentIndex() : 0;
    const QString playing = m_galleryPanel ? m_galleryPanel->player()->clipPath() : QString();
    const qint64 playingAtMs = m_galleryPanel ? m_galleryPanel->player()->positionMs() : 0;
    const QString selectedClip = m_galleryPanel ? m_galleryPanel->currentPath() : QString();
    delete m_tabs;
    m_undoAction->setText(tr("&Undo"));
    m_redoAction->setText(tr("&Redo"));
    m_generateAction->setText(tr("Generate"));
    m_generateAction->setToolTip(
        tr("Add the current project to the queue (%1)")
            .arg(m_generateAction->shortcut().toString(QKeySequence::NativeText)));
    m_rewriteAction->setText(tr("Rewrite…"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_createPage = new CreatePage(m_generateAction, m_tabs);
    m_createPage->promptEditor()->addToolBarAction(m_rewriteAction);
    m_createPage->generationPanel()->setModelFolders(m_settings->modelFolders());
    m_createPage->setDocument(m_document);
    connect(m_createPage->generationPanel(), &GenerationPanel::loadPackageRequested, this,
            [this](const QString& path) {
                // The chosen model is also the one opened at the next start.
                m_settings->setModelPackage(path);
                loadPackage(path);
            });
    connect(m_createPage->speakersPanel(), &SpeakersPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_createPage->timelinePanel(), &TimelinePanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    addAction(m_createPage->speakersPanel()->playAction());
    m_queuePanel = new QueuePanel(m_queue, m_tabs);
    m_galleryPanel = new GalleryPanel(m_gallery, m_audioOutput, m_tabs);
    m_galleryPanel->setOutputFolder(m_settings->outputFolder());
    connect(m_galleryPanel, &GalleryPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_galleryPanel, &GalleryPanel::rerunRequested, this, [this](const QString& recipe) {
        QString error;
        if (rerunRecipe(recipe, &error).isEmpty())
            QMessageBox::warning(this, tr("Cannot re-run"), error);
    });
    connect(m_galleryPanel, &GalleryPanel::restoreRequested, this, [this](const QString& recipe) {
        QString error;
        QStringList warnings;
        if (!restoreRecipeJson(recipe, &error, &warnings)) {
            QMessageBox::warning(this, tr("Cannot restore the recipe"), error);
            return;
        }
        m_tabs->setCurrentWidget(m_createPage);
        if (!warnings.isEmpty()) showNotice(tr("Recipe restored"), warnings.join(u'\n'));
    });
    m_trainingPanel = new TrainingPanel(m_training, m_tabs);
    connect(m_trainingPanel, &TrainingPanel::openClipRequested, this,
            &MainWindow::openClipInPlayer);
    connect(m_trainingPanel, &TrainingPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_tabs->addTab(m_createPage, tr("Create"));
    m_tabs->addTab(m_queuePanel, tr("Queue"));
    m_tabs->addTab(m_galleryPanel, tr("Gallery"));
    m_tabs->addTab(m_trainingPanel, tr("Training"));
    m_tabs->setTabToolTip(createTab, tr("Write the scene, mark who speaks, generate"));
    m_tabs->setTabToolTip(queueTab, tr("Jobs waiting, running and done"));
    m_tabs->setTabToolTip(galleryTab, tr("Every clip you made: play, re-run, restore its recipe"));
    m_tabs->setTabToolTip(trainingTab, tr("Fine-tune the model on your own footage"));
    m_tabs->setCurrentIndex(currentTab);
    if (!selectedClip.isEmpty()) m_galleryPanel->selectClip(selectedClip);
    if (!playing.isEmpty() && m_galleryPanel->openInPlayer(playing))
        m_galleryPanel->player()->seekMs(playingAtMs);
    setCentralWidget(m_tabs);

    if (!m_engineLabel) {
        m_engineLabel = new QLabel(this);
        m_engineLabel->setObjectName(QStringLiteral("engineStatus"));
        m_engineLabel->setTextFormat(Qt::RichText);
        connect(m_engineLabel, &QLabel::linkActivated, this, &MainWindow::showModelHelp);
        m_jobLabel = new QLabel(this);
        statusBar()->addPermanentWidget(m_jobLabel);
        statusBar()->addPermanentWidget(m_engineLabel);
    }
    refreshEngineStatus();
    buildMenus();
    refreshTitle();
    refreshRewriteAction();
    refreshQueueStatus();
    statusBar()->showMessage(tr("Ready"), 3000);
    m_uiBuilt = true;
}

void MainWindow::buildMenus() {
    menuBar()->clear();
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New project"), this, [this] {
        if (maybeSave()) newProject();
    });
    newAction->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open…"), this, &MainWindow::openWithDialog)
        ->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("&Save"), this, &MainWindow::save)->setShortcut(QKeySequence::Save);
    file->addAction(tr("Save &as…"), this, &MainWindow::saveAs)->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* restore = file->addAction(tr("Restore recipe from &clip…"), this,
                                       &MainWindow::restoreRecipeWithDialog);
    restore->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    restore->setToolTip(
        tr("Bring the prompt, speakers and settings of a clip made by NAVA Studio "
           "back into the editor (you can also drop the clip onto the window)"));
    file->addSeparator();
    file->addAction(tr("Se&ttings…"), this, &MainWindow::showSettings)
        ->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_createPage->promptEditor()->markAction());
    edit->addAction(m_createPage->promptEditor()->unmarkAction());

    QMenu* generation = menuBar()->addMenu(tr("&Generate"));
    generation->addAction(m_generateAction);
    generation->addAction(m_rewriteAction);
    generation->addAction(m_createPage->speakersPanel()->playAction());
    generation->addSeparator();
    generation->addAction(m_queuePanel->pauseAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList tabNames = {tr("&Create"), tr("&Queue"), tr("&Gallery"), tr("&Training")};
    for (int i = 0; i < tabNames.size(); ++i) {
        QAction* a = view->addAction(tabNames[i], this, [this, i] { m_tabs->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    for (const QString& code : AppSettings::languages()) {
        QAction* a = language->addAction(languageDisplayName(code));
        a->setCheckable(true);
        a->setChecked(code == m_settings->language());
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            m_settings->setLanguage(code);
            setLanguage(code);
        });
    }
    QMenu* theme = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(theme);
    const QList<QPair<QString, Theme>> themeItems = {
        {tr("System"), Theme::system}, {tr("Light"), Theme::light}, {tr("Dark"), Theme::dark}};
    for (const auto& [label, value] : themeItems) {
        const Theme t = value;
        QAction* a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(t == m_settings->theme());
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, t] {
            m_settings->setTheme(t);
            applyTheme(t);
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Getting a &model…"), this, &MainWindow::showModelHelp);
    help->addAction(tr("&About NAVA Studio"), this, [this] {
        QMessageBox::about(this, tr("About NAVA Studio"),
                           tr("NAVA Studio makes short clips whose picture and sound are "
                              "generated together."));
    });
}

void MainWindow::setLanguage(const QString& code) {
    QApplication::removeTranslator(&m_translator);
    QApplication::removeTranslator(&m_qtTranslator);
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    if (code != u"en") {
        if (m_translator.load(locale, QStringLiteral("nava"), QStringLiteral("_"),
                              QStringLiteral(":/i18n")))
            QApplication::installTranslator(&m_translator);
        if (m_qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&m_qtTranslator);
    }
    // Switching back to untranslated English sends no LanguageChange: rebuild in any case.
    scheduleRebuild();
}

void MainWindow::scheduleRebuild() {
    // Later, not now: this may run inside a menu action that the rebuild deletes, and several
    // translators change in a row.
    if (!m_uiBuilt || m_rebuildPending) return;
    m_rebuildPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_rebuildPending = false;
            buildUi();
        },
        Qt::QueuedConnection);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) scheduleRebuild();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (m_training->isActive() &&
        QMessageBox::question(this, tr("Training is running"),
                              tr("Quitting stops the training run. The next start continues "
                                 "from its newest checkpoint. Quit anyway?"),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->sync();
    event->accept();
}

// --- status ----------------------------------------------------------------------------------

void MainWindow::refreshTitle() {
    if (!m_document) return;
    setWindowTitle(QStringLiteral("%1[*] — %2").arg(m_document->displayName(), tr("NAVA Studio")));
    setWindowModified(m_document->isModified());
}

void MainWindow::refreshRewriteAction() {
    const bool configured = m_settings->rewriteEndpoint().isConfigured();
    m_rewriteAction->setEnabled(configured && !m_rewriter->isBusy());
    m_rewriteAction->setToolTip(
        configured ? tr("Let a language model expand the prompt into one cinematic paragraph; "
                        "spoken parts stay as written")
                   : tr("Set a rewrite endpoint in Settings to enable Rewrite"));
}

void MainWindow::loadPackage(const QString& path) {
    m_packageLoading = true;
    refreshEngineStatus();
    m_engine->loadPackage(path);
}

void MainWindow::onPackageLoaded(const PackageInfo& info) {
    m_packageLoading = false;
    m_packageName = info.name;
    m_packageDescription = info.description;
    m_packageError.clear();
    // A new, untouched project takes the package's own defaults as its starting point (NAVA-tiny
    // knows 64x64 pictures of 2 s; the full model's 1280x704 would be slow and meaningless
    // there). Not an edit: nothing to undo, nothing unsaved. Saved projects keep their settings.
    const GenerationSettings untouched;
    GenerationSettings current = document()->settings();
    current.package = untouched.package;
    if (document()->filePath().isEmpty() && !document()->isModified() && current == untouched &&
        info.defaultWidth > 0 && info.defaultHeight > 0) {
        GenerationSettings s = document()->settings();
        s.width = info.defaultWidth;
        s.height = info.defaultHeight;
        if (info.defaultDurationS >= kMinDurationS)
            s.durationS = snapDuration(info.defaultDurationS).seconds;
        if (info.defaultSteps > 0) s.steps = info.defaultSteps;
        s.shift = info.defaultShift;
        s.solver = info.defaultSolver;
        s.guidance = info.defaultGuidance;
        document()->applySettings(s);
    }
    // Exact token counts from the package's tokenizer; the estimate when it cannot be read.
    try {
        auto counter = std::make_unique<EngineTokenCounter>(info.path);
        m_createPage->promptEditor()->setTokenCounter(counter.get());
        m_tokenCounter = std::move(counter);
    } catch (const std::exception&) {
        m_createPage->promptEditor()->setTokenCounter(nullptr);
        m_tokenCounter.reset();
    }
    refreshEngineStatus();
    statusBar()->showMessage(tr("Model ready: %1").arg(info.name), 5000);
    if (!info.warnings.isEmpty())
        statusBar()->showMessage(
            tr("Model ready: %1 (%2)").arg(info.name, info.warnings.join(QStringLiteral("; "))),
            8000);
}

void MainWindow::onPackageFailed(const QString& path, const QString& message) {
    m_packageLoading = false;
    // The engine keeps a model it had; without one, jobs fail with the same explanation.
    m_packageError = path.isEmpty() ? message
                                    : tr("The model package %1 could not be loaded: %2")
                                          .arg(QDir::toNativeSeparators(path), message);
    refreshEngineStatus();
    statusBar()->showMessage(m_packageName.isEmpty() ? tr("No model: %1").arg(m_packageError)
                                                     : tr("Model not loaded: %1").arg(message),
                             10000);
}

void MainWindow::refreshEngineStatus() {
    if (!m_engineLabel) return;
    QString text;
    QString tip;
    if (m_packageLoading && m_packageName.isEmpty()) {
        text = tr("Loading the model…");
    } else if (!m_packageName.isEmpty()) {
        text = m_packageName.toHtmlEscaped();
        tip = m_packageDescription;
        if (!m_packageError.isEmpty()) tip += QStringLiteral("\n") + m_packageError;
    } else if (!m_packageError.isEmpty()) {
        // Not a dead end: the label is a link to what to do.
        text = QStringLiteral("<a href=\"help:model\">%1</a>")
                   .arg(tr("No model package").toHtmlEscaped());
        tip = m_packageError;
    }
    m_engineLabel->setText(text);
    m_engineLabel->setToolTip(tip);
}

void MainWindow::showModelHelp() {
    QString text = LocalEngineClient::noPackageMessage();
    if (!m_packageName.isEmpty())
        text = tr("The model in use: %1 (%2).").arg(m_packageName, m_packageDescription) +
               QStringLiteral("\n\n") + text;
    else if (!m_packageError.isEmpty() && m_packageError != text)
        text = m_packageError + QStringLiteral("\n\n") + text;
    showNotice(tr("Getting a model"), text);
}

void MainWindow::refreshQueueStatus() {
    if (!m_tabs) return;
    int waiting = 0;
    for (const QueueJob& job : m_queue->jobs())
        if (job.state == JobState::pending || job.state == JobState::running) ++waiting;
    m_tabs->setTabText(1, waiting > 0 ? tr("Queue (%1)").arg(waiting) : tr("Queue"));
    const QueueJob* running = m_queue->job(m_queue->runningJobId());
    if (!running) {
        m_jobLabel->setText(m_queue->isPaused() ? tr("Queue paused") : QString());
        return;
    }
    QString text = tr("Generating %1/%2").arg(running->step).arg(running->steps);
    if (running->etaSeconds >= 0)
        text += QStringLiteral(" · ") + tr("%1 left").arg(formatEta(running->etaSeconds));
    text += QStringLiteral("  |");
    m_jobLabel->setText(text);
}

}  // namespace nava::ui
