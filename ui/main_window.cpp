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
#include <QUndoGroup>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

#include "ui/create_page.h"
#include "ui/engine/fake_engine_client.h"
#include "ui/generation/generation_panel.h"
#include "ui/prompt/prompt_editor.h"
#include "ui/queue/job_queue.h"
#include "ui/queue/queue_panel.h"
#include "ui/rewrite/prompt_rewriter.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/theme.h"
#include "ui/speakers/speakers_panel.h"
#include "ui/timeline/timeline_panel.h"

namespace nava::ui {
namespace {

QWidget* placeholderPage(const QString& text, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* layout = new QVBoxLayout(page);
    auto* label = new QLabel(text, page);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
    return page;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(StudioContext(), parent) {}

MainWindow::MainWindow(const StudioContext& context, QWidget* parent)
    : QMainWindow(parent),
      m_settings(context.settings),
      m_engine(context.engine),
      m_dataDir(context.dataDir) {
    qRegisterMetaType<nava::ui::JobProgress>();
    qRegisterMetaType<nava::ui::JobResult>();
    qRegisterMetaType<nava::ui::PackageInfo>();
    if (!m_settings) {
        m_ownSettings = std::make_unique<AppSettings>();
        m_settings = m_ownSettings.get();
    }
    if (!m_engine) {
        // Until the real engine adapter exists, the studio runs on the preview engine.
        m_ownEngine = std::make_unique<FakeEngineClient>();
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
    connect(m_engine, &EngineClient::packageFailed, this,
            [this](const QString&, const QString& message) {
                statusBar()->showMessage(tr("Model not loaded: %1").arg(message), 8000);
            });
    connect(m_queue, &JobQueue::jobFinished, this, [this](const QString& id, const QString&) {
        if (const QueueJob* job = m_queue->job(id))
            statusBar()->showMessage(tr("Finished: %1").arg(job->title), 8000);
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
    m_engine->loadPackage(QString());
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
    connect(m_createPage->generationPanel(), &GenerationPanel::loadPackageRequested, m_engine,
            &EngineClient::loadPackage);
    connect(m_createPage->speakersPanel(), &SpeakersPanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_createPage->timelinePanel(), &TimelinePanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    addAction(m_createPage->speakersPanel()->playAction());
    m_queuePanel = new QueuePanel(m_queue, m_tabs);
    m_tabs->addTab(m_createPage, tr("Create"));
    m_tabs->addTab(m_queuePanel, tr("Queue"));
    m_tabs->addTab(placeholderPage(tr("Every clip you make is kept here."), m_tabs), tr("Gallery"));
    m_tabs->addTab(placeholderPage(tr("Fine-tune the model on your own footage."), m_tabs),
                   tr("Training"));
    m_tabs->setCurrentIndex(currentTab);
    setCentralWidget(m_tabs);

    if (!m_engineLabel) {
        m_engineLabel = new QLabel(this);
        m_jobLabel = new QLabel(this);
        statusBar()->addPermanentWidget(m_jobLabel);
        statusBar()->addPermanentWidget(m_engineLabel);
    }
    m_engineLabel->setText(m_engineStatus);
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

void MainWindow::onPackageLoaded(const PackageInfo& info) {
    m_engineStatus = info.name;
    m_engineLabel->setText(info.name);
    m_engineLabel->setToolTip(info.description);
    statusBar()->showMessage(tr("Model ready: %1").arg(info.name), 5000);
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
