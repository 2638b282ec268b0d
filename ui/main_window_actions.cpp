// MainWindow: projects (new, open, save, recovery), generation, prompt rewriting, and recipes
// coming back from clips (gallery, dropped files).
#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QRandomGenerator>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUuid>

#include "ui/create_page.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/recipe_restore.h"
#include "ui/generation/generation_panel.h"
#include "ui/main_window.h"
#include "ui/project/prompt_edits.h"
#include "ui/project/request_builder.h"
#include "ui/queue/job_queue.h"
#include "ui/rewrite/prompt_rewriter.h"
#include "ui/rewrite/rewrite_dialog.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/settings/theme.h"

namespace nava::ui {
namespace {

QString projectFilter() {
    return MainWindow::tr("NAVA projects (*.nava)");
}

QStringList droppedClips(const QMimeData* data) {
    QStringList out;
    if (data && data->hasUrls())
        for (const QUrl& url : data->urls())
            if (url.isLocalFile() && GalleryModel::isClipFile(url.toLocalFile()))
                out << url.toLocalFile();
    return out;
}

}  // namespace

// --- projects --------------------------------------------------------------------------------

QString MainWindow::untitledRoot() const {
    return QDir(m_dataDir).filePath(QStringLiteral("untitled"));
}

ProjectDocument* MainWindow::makeUntitledDocument() {
    const QString staging =
        QDir(untitledRoot()).filePath(QUuid::createUuid().toString(QUuid::Id128));
    auto* doc = new ProjectDocument(staging, this);
    GenerationSettings s = doc->settings();
    s.memoryProfile = m_settings->defaultMemoryProfile();
    doc->applySettings(s);  // the starting point, not an edit
    return doc;
}

void MainWindow::setDocument(ProjectDocument* document) {
    ProjectDocument* old = m_document;
    m_document = document;
    m_undoGroup->addStack(document->undoStack());
    m_undoGroup->setActiveStack(document->undoStack());
    connect(document, &ProjectDocument::fileChanged, this, &MainWindow::refreshTitle);
    connect(document, &ProjectDocument::autosaveFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(message), 8000);
    });
    if (m_createPage) m_createPage->setDocument(document);
    if (old) {
        m_undoGroup->removeStack(old->undoStack());
        // A project closed unchanged needs nothing recovered (a modified one was saved or
        // deliberately discarded by maybeSave()).
        if (!old->isModified()) old->discardRecoveryData();
        old->deleteLater();
    }
    refreshTitle();
}

void MainWindow::newProject() {
    setDocument(makeUntitledDocument());
}

bool MainWindow::openProject(const QString& path, OpenChoice choice, QString* error,
                             QStringList* warnings) {
    auto* doc = new ProjectDocument(QString(), this);
    if (!doc->open(path, choice, error, warnings)) {
        delete doc;
        return false;
    }
    setDocument(doc);
    m_settings->addRecentFile(doc->filePath());
    const int restored = m_queue->restoreRecords(doc->queueRecords());
    QString note = tr("Opened %1").arg(doc->displayName());
    if (restored > 0)
        note += QStringLiteral(" · ") + tr("unfinished jobs back in the queue: %1").arg(restored);
    statusBar()->showMessage(note, 6000);
    return true;
}

bool MainWindow::saveProjectAs(const QString& path, QString* error) {
    if (!m_document) return false;
    m_document->setQueueRecords(m_queue->recordsForProject(m_document->id()));
    if (!m_document->save(path, error)) return false;
    m_settings->addRecentFile(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 4000);
    return true;
}

bool MainWindow::save() {
    if (!m_document) return false;
    if (m_document->isUntitled()) return saveAs();
    QString error;
    if (saveProjectAs(m_document->filePath(), &error)) return true;
    QMessageBox::warning(this, tr("Cannot save"), error);
    return false;
}

bool MainWindow::saveAs() {
    if (!m_document) return false;
    const QString start = m_document->isUntitled()
                              ? QDir::home().filePath(tr("Untitled") + QStringLiteral(".nava"))
                              : m_document->filePath();
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save project"), start, projectFilter());
    if (path.isEmpty()) return false;
    QString error;
    if (saveProjectAs(path, &error)) return true;
    QMessageBox::warning(this, tr("Cannot save"), error);
    return false;
}

bool MainWindow::maybeSave() {
    if (!m_document || !m_document->isModified()) return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("Save the changes to %1?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel) return false;
    if (answer == QMessageBox::Save) return save();
    m_document->discardRecoveryData();
    return true;
}

void MainWindow::openWithDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open project"), QString(), projectFilter());
    if (!path.isEmpty()) openInteractive(path);
}

void MainWindow::openInteractive(const QString& path) {
    if (!maybeSave()) return;
    OpenChoice choice = OpenChoice::savedFile;
    if (hasRecoverableAutosave(path)) {
        const QDateTime when = QFileInfo(autosavePathFor(path)).lastModified();
        if (QMessageBox::question(this, tr("Recover changes"),
                                  tr("%1 has unsaved changes from %2 (the studio did not close "
                                     "normally). Restore them?")
                                      .arg(QFileInfo(path).fileName(),
                                           QLocale().toString(when, QLocale::ShortFormat))) ==
            QMessageBox::Yes)
            choice = OpenChoice::autosave;
    }
    QString error;
    QStringList warnings;
    if (!openProject(path, choice, &error, &warnings)) {
        m_settings->removeRecentFile(path);
        QMessageBox::warning(this, tr("Cannot open"), tr("%1: %2").arg(path, error));
        return;
    }
    if (!warnings.isEmpty()) QMessageBox::warning(this, tr("Voice clips"), warnings.join(u'\n'));
}

void MainWindow::fillRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_settings->recentFiles();
    for (const QString& file : files)
        m_recentMenu
            ->addAction(QFileInfo(file).fileName(), this, [this, file] { openInteractive(file); })
            ->setToolTip(file);
    if (files.isEmpty()) m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

void MainWindow::offerRecovery() {
    const QStringList found = findUntitledAutosaves(untitledRoot());
    if (found.isEmpty()) return;
    const QDateTime when = QFileInfo(found.first()).lastModified();
    const auto answer = QMessageBox::question(
        this, tr("Recover unsaved project"),
        tr("An unsaved project from %1 was left behind when the studio did not close normally. "
           "Restore it?")
            .arg(QLocale().toString(when, QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
        auto* doc = new ProjectDocument(QString(), this);
        QString error;
        QStringList warnings;
        if (doc->openRecoveredUntitled(found.first(), &error, &warnings)) {
            setDocument(doc);
            statusBar()->showMessage(tr("Unsaved project restored"), 6000);
            return;
        }
        delete doc;
        QMessageBox::warning(this, tr("Cannot restore"), error);
    } else {
        ProjectDocument discarded(QFileInfo(found.first()).absolutePath());
        discarded.discardRecoveryData();
    }
}

void MainWindow::showSettings() {
    SettingsDialog dialog(m_settings, this);
    const QString language = m_settings->language();
    if (dialog.exec() != QDialog::Accepted) return;
    applyTheme(m_settings->theme());
    m_createPage->generationPanel()->setModelFolders(m_settings->modelFolders());
    m_galleryPanel->setOutputFolder(m_settings->outputFolder());
    refreshRewriteAction();
    if (m_settings->language() != language) setLanguage(m_settings->language());
}

// --- generation ------------------------------------------------------------------------------

QString MainWindow::generate(QString* error) {
    if (!m_document) return QString();
    // 1. The seed this job uses, by the project's seed policy.
    GenerationSettings s = m_document->settings();
    qint64 seed = s.seed;
    if (s.seedMode == SeedMode::random) seed = QRandomGenerator::global()->bounded(kMaxSeed);

    // 2. Where the clip goes.
    const bool audioOnly = s.mode == nava::api::Mode::text_to_audio;
    const QString folder = m_settings->outputFolder();
    const QString name =
        QStringLiteral("%1-%2-s%3.%4")
            .arg(m_document->displayName(),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
            .arg(seed)
            .arg(audioOnly ? QStringLiteral("wav") : QStringLiteral("mp4"));
    const RequestBuild build = buildRequest(*m_document, seed, QDir(folder).filePath(name));
    if (!build.ok()) {
        if (error) *error = build.errors.join(u'\n');
        return QString();
    }
    QDir().mkpath(folder);

    // 3. Queue it; an incrementing seed moves on for the next job.
    QString title = m_document->parsedPrompt().plainText.simplified();
    if (title.size() > 60) title = title.left(59) + QChar(0x2026);
    const QString id =
        m_queue->addJob(title, build.request, m_document->id(), m_document->filePath());
    if (s.seedMode == SeedMode::increment) {
        s.seed = std::min<qint64>(kMaxSeed, s.seed + 1);
        m_document->setSettings(s, tr("Next seed"));
    }
    statusBar()->showMessage(
        build.warnings.isEmpty()
            ? tr("Queued: %1").arg(title)
            : tr("Queued with warnings: %1").arg(build.warnings.join(QStringLiteral("; "))),
        6000);
    return id;
}

void MainWindow::startRewrite() {
    if (!m_document || m_rewriter->isBusy()) return;
    m_rewriter->setEndpoint(m_settings->rewriteEndpoint());
    m_rewriter->start(m_document->prompt());
    refreshRewriteAction();
    statusBar()->showMessage(tr("Rewriting the prompt…"));
}

void MainWindow::onRewriteFinished(const RewriteOutcome& outcome) {
    refreshRewriteAction();
    statusBar()->clearMessage();
    if (outcome.status == RewriteStatus::aborted) return;
    if (outcome.status == RewriteStatus::networkError ||
        outcome.status == RewriteStatus::badResponse) {
        QMessageBox::warning(this, tr("Rewrite failed"), outcome.message);
        return;
    }
    RewriteDialog dialog(outcome, this);
    if (dialog.exec() != QDialog::Accepted || !m_document) return;
    // The prompt may have changed meanwhile: only apply onto the prompt that was rewritten.
    if (m_document->prompt() != outcome.original) {
        QMessageBox::information(this, tr("Rewrite"),
                                 tr("The prompt changed while it was being rewritten; the "
                                    "rewrite was not applied."));
        return;
    }
    m_document->setPromptState(carrySpanData(m_document->promptState(), outcome.rewritten),
                               tr("Rewrite prompt"), false);
}

// --- recipes back from clips ---------------------------------------------------------------

QString MainWindow::rerunRecipe(const QString& recipeJson, QString* error) {
    nava::api::GenerationRequest request;
    if (!parseRecipe(recipeJson, &request, error)) return QString();
    // A new file: the clip the recipe came from stays as it is.
    const bool audioOnly = request.mode == nava::api::Mode::text_to_audio;
    const QString folder = m_settings->outputFolder();
    const QString name =
        QStringLiteral("rerun-%1-s%2.%3")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
            .arg(qulonglong(request.seed))
            .arg(audioOnly ? QStringLiteral("wav") : QStringLiteral("mp4"));
    QDir().mkpath(folder);
    request.output_path = QDir(folder).filePath(name).toStdString();
    QString title = recipePlainPrompt(request);
    if (title.size() > 60) title = title.left(59) + QChar(0x2026);
    const QString id = m_queue->addJob(title, request);
    statusBar()->showMessage(tr("Queued again: %1").arg(title), 6000);
    return id;
}

bool MainWindow::restoreRecipeJson(const QString& recipeJson, QString* error,
                                   QStringList* warnings) {
    if (!m_document) return false;
    nava::api::GenerationRequest request;
    if (!parseRecipe(recipeJson, &request, error)) return false;
    const QStringList notes = restoreRecipe(*m_document, request);
    if (warnings) *warnings = notes;
    statusBar()->showMessage(tr("Recipe restored; Undo takes it back"), 6000);
    return true;
}

bool MainWindow::restoreRecipeFromFile(const QString& path, QString* error, QStringList* warnings) {
    QString json;
    if (!readRecipeFromClip(path, &json, error)) return false;
    return restoreRecipeJson(json, error, warnings);
}

void MainWindow::restoreRecipeWithDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Restore recipe from clip"), m_settings->outputFolder(),
        tr("Clips (*.mp4 *.mov *.mkv *.webm *.wav);;All files (*)"));
    if (path.isEmpty()) return;
    QString error;
    QStringList warnings;
    if (!restoreRecipeFromFile(path, &error, &warnings)) {
        QMessageBox::warning(this, tr("Cannot restore the recipe"), error);
        return;
    }
    m_tabs->setCurrentWidget(m_createPage);
    if (!warnings.isEmpty())
        QMessageBox::information(this, tr("Recipe restored"), warnings.join(u'\n'));
}

void MainWindow::showNotice(const QString& title, const QString& text) {
    // Not modal: a drop must not block the drag source, and tests can close it.
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("studioNotice"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void MainWindow::openClipInPlayer(const QString& path) {
    m_tabs->setCurrentWidget(m_galleryPanel);
    m_galleryPanel->openInPlayer(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedClips(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QStringList clips = droppedClips(event->mimeData());
    if (clips.isEmpty()) return;
    event->acceptProposedAction();
    QString error;
    QStringList warnings;
    if (!restoreRecipeFromFile(clips.first(), &error, &warnings)) {
        statusBar()->showMessage(tr("No recipe restored"), 6000);
        showNotice(tr("Cannot restore a recipe"), error);
        return;
    }
    m_tabs->setCurrentWidget(m_createPage);
    statusBar()->showMessage(
        tr("Recipe restored from %1; Undo takes it back").arg(QFileInfo(clips.first()).fileName()),
        8000);
    if (!warnings.isEmpty()) showNotice(tr("Recipe restored"), warnings.join(u'\n'));
}

}  // namespace nava::ui
