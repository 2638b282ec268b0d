#include "ui/training/training_panel.h"

#include <climits>
#include <cmath>

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "media/video_reader.h"
#include "ui/player/clip_export.h"
#include "ui/queue/queue_panel.h"
#include "ui/training/training_chart.h"
#include "ui/training/training_session.h"

namespace nava::ui {
namespace {

constexpr int kSampleThumbWidth = 160;

QPushButton* buttonFor(QAction* action, QWidget* parent) {
    auto* b = new QPushButton(action->icon(), action->text(), parent);
    b->setToolTip(action->toolTip());
    QObject::connect(b, &QPushButton::clicked, action, &QAction::trigger);
    QObject::connect(action, &QAction::changed, b, [b, action] {
        b->setEnabled(action->isEnabled());
        b->setToolTip(action->toolTip());
    });
    b->setEnabled(action->isEnabled());
    return b;
}

QIcon severityIcon(IssueSeverity s, const QStyle* style) {
    switch (s) {
        case IssueSeverity::error:
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case IssueSeverity::warning:
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        case IssueSeverity::info:
            break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}

QString formatNumber(double v, int precision = 3) {
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'g', precision);
}

}  // namespace

TrainingPanel::TrainingPanel(TrainingSession* session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    auto* layout = new QHBoxLayout(this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);

    // 1. Set-up (left): data, recipe, how to train, the run's buttons.
    auto* setupScroll = new QScrollArea(split);
    setupScroll->setWidgetResizable(true);
    setupScroll->setFrameShape(QFrame::NoFrame);
    auto* setup = new QWidget(setupScroll);
    auto* setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 6, 0);

    auto* dataBox = new QGroupBox(tr("Dataset"), setup);
    auto* dataLayout = new QVBoxLayout(dataBox);
    auto* dataRow = new QHBoxLayout;
    m_dataset = new QLineEdit(dataBox);
    m_dataset->setObjectName(QStringLiteral("trainingDataset"));
    m_dataset->setPlaceholderText(tr("Folder of clips with captions, or a manifest"));
    m_dataset->setAccessibleName(tr("Dataset"));
    m_dataset->setToolTip(
        tr("A folder of clips, each with a caption file of the same name "
           "(clip.mp4 + clip.txt), or a JSON / JSON Lines manifest"));
    auto* folderButton = new QPushButton(tr("Folder…"), dataBox);
    folderButton->setToolTip(tr("Choose a folder of clips"));
    auto* manifestButton = new QPushButton(tr("Manifest…"), dataBox);
    manifestButton->setToolTip(tr("Choose a manifest file (JSON or JSON Lines)"));
    dataRow->addWidget(m_dataset, 1);
    dataRow->addWidget(folderButton);
    dataRow->addWidget(manifestButton);
    dataLayout->addLayout(dataRow);
    auto* checkRow = new QHBoxLayout;
    m_validate = new QPushButton(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                 tr("&Check dataset"), dataBox);
    m_validate->setObjectName(QStringLiteral("trainingValidate"));
    m_validate->setToolTip(tr("Check that every clip exists, can be read and has a caption"));
    m_reportSummary = new QLabel(dataBox);
    m_reportSummary->setWordWrap(true);
    checkRow->addWidget(m_validate);
    checkRow->addWidget(m_reportSummary, 1);
    dataLayout->addLayout(checkRow);
    m_report = new QTreeWidget(dataBox);
    m_report->setObjectName(QStringLiteral("trainingReport"));
    m_report->setAccessibleName(tr("Validation report"));
    m_report->setRootIsDecorated(false);
    m_report->setHeaderLabels({tr("Item"), tr("Finding")});
    m_report->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_report->header()->resizeSection(0, 150);
    m_report->setMinimumHeight(120);
    dataLayout->addWidget(m_report, 1);
    setupLayout->addWidget(dataBox, 1);

    auto* recipeBox = new QGroupBox(tr("Recipe"), setup);
    auto* form = new QFormLayout(recipeBox);
    auto* recipeRow = new QHBoxLayout;
    m_recipe = new QLineEdit(recipeBox);
    m_recipe->setObjectName(QStringLiteral("trainingRecipe"));
    m_recipe->setPlaceholderText(tr("Training recipe (JSON)"));
    m_recipe->setAccessibleName(tr("Recipe file"));
    m_recipe->setToolTip(tr("The recipe: model, data, batch, steps, optimiser, checkpoints"));
    auto* recipeButton = new QPushButton(tr("Browse…"), recipeBox);
    recipeButton->setToolTip(tr("Choose a recipe file"));
    recipeRow->addWidget(m_recipe, 1);
    recipeRow->addWidget(recipeButton);
    auto* recipeLabel = new QLabel(tr("&File:"), recipeBox);
    recipeLabel->setBuddy(m_recipe);
    form->addRow(recipeLabel, recipeRow);
    m_recipeSummary = new QLabel(recipeBox);
    m_recipeSummary->setWordWrap(true);
    m_recipeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(m_recipeSummary);
    m_stage = new QComboBox(recipeBox);
    m_stage->setObjectName(QStringLiteral("trainingStage"));
    m_stage->setToolTip(tr("Which stage of a multi-stage recipe to run"));
    form->addRow(tr("&Stage:"), m_stage);
    auto* methodRow = new QHBoxLayout;
    m_lora = new QRadioButton(tr("&LoRA"), recipeBox);
    m_lora->setToolTip(tr("Train small low-rank adapters: fast, little memory, easy to share"));
    m_full = new QRadioButton(tr("F&ull fine-tune"), recipeBox);
    m_full->setToolTip(tr("Train every weight: the most capable, needs the most memory"));
    m_method = new QButtonGroup(this);
    m_method->addButton(m_lora, int(FinetuneMethod::lora));
    m_method->addButton(m_full, int(FinetuneMethod::full));
    methodRow->addWidget(m_lora);
    methodRow->addWidget(m_full);
    methodRow->addStretch(1);
    form->addRow(tr("Method:"), methodRow);
    m_ranks = new QSpinBox(recipeBox);
    m_ranks->setObjectName(QStringLiteral("trainingRanks"));
    m_ranks->setRange(1, 512);
    m_ranks->setToolTip(tr("Processes to start, one per GPU (nava train --nproc)"));
    form->addRow(tr("&Ranks:"), m_ranks);
    setupLayout->addWidget(recipeBox);

    m_start = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    m_start->setToolTip(tr("Start training (continues from the newest checkpoint, if any)"));
    m_pause = new QAction(style()->standardIcon(QStyle::SP_MediaPause), tr("&Pause"), this);
    m_pause->setToolTip(tr("Stop after the next checkpoint; Resume continues from it"));
    m_resume = new QAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("&Resume"), this);
    m_resume->setToolTip(tr("Start again from the newest checkpoint"));
    m_stop = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("S&top"), this);
    m_stop->setToolTip(tr("Stop now; progress since the last checkpoint is lost"));
    connect(m_start, &QAction::triggered, this, [this] { startRun(true); });
    connect(m_resume, &QAction::triggered, this, [this] { startRun(false); });
    connect(m_pause, &QAction::triggered, m_session, &TrainingSession::pause);
    connect(m_stop, &QAction::triggered, m_session, &TrainingSession::stop);
    auto* runRow = new QHBoxLayout;
    QPushButton* startButton = buttonFor(m_start, setup);
    startButton->setObjectName(QStringLiteral("trainingStart"));
    QPushButton* pauseButton = buttonFor(m_pause, setup);
    QPushButton* resumeButton = buttonFor(m_resume, setup);
    QPushButton* stopButton = buttonFor(m_stop, setup);
    for (QPushButton* b : {startButton, pauseButton, resumeButton, stopButton})
        runRow->addWidget(b);
    setupLayout->addLayout(runRow);
    setupScroll->setWidget(setup);
    setupScroll->setMinimumWidth(400);

    // 2. The run (right): state, progress, plot, samples, log.
    auto* run = new QWidget(split);
    auto* runLayout = new QVBoxLayout(run);
    runLayout->setContentsMargins(6, 0, 0, 0);
    auto* stateRow = new QHBoxLayout;
    m_stateLabel = new QLabel(run);
    m_stateLabel->setObjectName(QStringLiteral("trainingState"));
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    m_stats = new QLabel(run);
    m_stats->setForegroundRole(QPalette::PlaceholderText);
    stateRow->addWidget(m_stateLabel);
    stateRow->addStretch(1);
    stateRow->addWidget(m_stats);
    runLayout->addLayout(stateRow);
    m_progress = new QProgressBar(run);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setAccessibleName(tr("Training progress"));
    runLayout->addWidget(m_progress);
    m_errorLabel = new QLabel(run);
    m_errorLabel->setObjectName(QStringLiteral("trainingError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runLayout->addWidget(m_errorLabel);
    auto* runSplit = new QSplitter(Qt::Vertical, run);
    runSplit->setChildrenCollapsible(false);
    m_chart = new TrainingChart(runSplit);
    auto* bottom = new QSplitter(Qt::Horizontal, runSplit);
    bottom->setChildrenCollapsible(false);
    auto* samplesBox = new QGroupBox(tr("Samples"), bottom);
    auto* samplesLayout = new QVBoxLayout(samplesBox);
    m_samples = new QListWidget(samplesBox);
    m_samples->setObjectName(QStringLiteral("trainingSamples"));
    m_samples->setAccessibleName(tr("Sample clips"));
    m_samples->setToolTip(tr("Clips the trainer renders as it goes; double-click to play"));
    m_samples->setViewMode(QListView::IconMode);
    m_samples->setIconSize(QSize(kSampleThumbWidth, kSampleThumbWidth * 9 / 16));
    m_samples->setResizeMode(QListView::Adjust);
    m_samples->setMovement(QListView::Static);
    m_samples->setWordWrap(true);
    samplesLayout->addWidget(m_samples);
    auto* logBox = new QGroupBox(tr("Log"), bottom);
    auto* logLayout = new QVBoxLayout(logBox);
    m_log = new QPlainTextEdit(logBox);
    m_log->setObjectName(QStringLiteral("trainingLog"));
    m_log->setAccessibleName(tr("Training log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(TrainingSession::kMaxLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    QFont mono = m_log->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_log->setFont(mono);
    logLayout->addWidget(m_log);
    bottom->addWidget(samplesBox);
    bottom->addWidget(logBox);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 1);
    runSplit->addWidget(m_chart);
    runSplit->addWidget(bottom);
    runSplit->setStretchFactor(0, 3);
    runSplit->setStretchFactor(1, 2);
    runLayout->addWidget(runSplit, 1);

    split->addWidget(setupScroll);
    split->addWidget(run);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    layout->addWidget(split);

    // 3. Wiring: widgets edit the session's setup; the session drives everything shown.
    connect(folderButton, &QPushButton::clicked, this, &TrainingPanel::chooseDatasetFolder);
    connect(manifestButton, &QPushButton::clicked, this, &TrainingPanel::chooseManifest);
    connect(recipeButton, &QPushButton::clicked, this, &TrainingPanel::chooseRecipe);
    connect(m_dataset, &QLineEdit::editingFinished, this, &TrainingPanel::pushSetup);
    connect(m_recipe, &QLineEdit::editingFinished, this, &TrainingPanel::pushSetup);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &TrainingPanel::pushSetup);
    connect(m_method, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) pushSetup();
    });
    connect(m_ranks, &QSpinBox::valueChanged, this, &TrainingPanel::pushSetup);
    connect(m_validate, &QPushButton::clicked, this, [this] {
        pushSetup();
        m_session->validate();
    });
    connect(m_samples, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT openClipRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_session, &TrainingSession::setupChanged, this, &TrainingPanel::pullSetup);
    connect(m_session, &TrainingSession::stateChanged, this, &TrainingPanel::onStateChanged);
    connect(m_session, &TrainingSession::stepRecorded, this, &TrainingPanel::onStep);
    connect(m_session, &TrainingSession::historyChanged, this, [this] {
        m_chart->setHistory(m_session->history(), m_session->totalSteps());
        refreshProgress();
    });
    connect(m_session, &TrainingSession::logAppended, this, &TrainingPanel::onLog);
    connect(m_session, &TrainingSession::samplesChanged, this, &TrainingPanel::refreshSamples);
    connect(m_session, &TrainingSession::validationStarted, this, [this] {
        m_validate->setEnabled(false);
        m_reportSummary->setText(tr("Checking…"));
        m_report->clear();
    });
    connect(m_session, &TrainingSession::validationFinished, this, &TrainingPanel::showReport);
    connect(m_session, &TrainingSession::exported, this, [this](const QString& path) {
        Q_EMIT message(tr("Training finished; model written to %1").arg(path));
    });

    setTabOrder(m_dataset, folderButton);
    setTabOrder(folderButton, manifestButton);
    setTabOrder(manifestButton, m_validate);
    setTabOrder(m_validate, m_report);
    setTabOrder(m_report, m_recipe);
    setTabOrder(m_recipe, recipeButton);
    setTabOrder(recipeButton, m_stage);
    setTabOrder(m_stage, m_lora);
    setTabOrder(m_lora, m_full);
    setTabOrder(m_full, m_ranks);
    setTabOrder(m_ranks, startButton);
    setTabOrder(startButton, pauseButton);
    setTabOrder(pauseButton, resumeButton);
    setTabOrder(resumeButton, stopButton);
    setTabOrder(stopButton, m_samples);
    setTabOrder(m_samples, m_log);

    // 4. Show what the session holds already (the panel is rebuilt on a language change).
    pullSetup();
    m_chart->setHistory(m_session->history(), m_session->totalSteps());
    for (const TrainingLogLine& line : m_session->log())
        onLog(line);
    if (m_session->lastReport().completed) showReport(m_session->lastReport());
    refreshSamples();
    onStateChanged();
}

// --- set-up ----------------------------------------------------------------------------------

void TrainingPanel::pushSetup() {
    if (m_pulling) return;
    TrainingSetup s = m_session->setup();
    s.dataset = m_dataset->text().trimmed();
    s.recipeFile = m_recipe->text().trimmed();
    s.stage = m_stage->currentData().toString();
    s.method = FinetuneMethod(m_method->checkedId() < 0 ? 0 : m_method->checkedId());
    s.ranks = m_ranks->value();
    if (s.recipeFile != m_session->setup().recipeFile) s.stage.clear();
    m_session->setSetup(s);
}

void TrainingPanel::pullSetup() {
    m_pulling = true;
    const TrainingSetup& s = m_session->setup();
    m_dataset->setText(s.dataset);
    m_recipe->setText(s.recipeFile);
    m_stage->clear();
    m_stage->addItem(tr("Whole recipe"), QString());
    for (const QString& stage : m_session->recipeInfo().stages)
        m_stage->addItem(stage, stage);
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(s.stage)));
    m_stage->setEnabled(m_stage->count() > 1 && !m_session->isActive());
    (s.method == FinetuneMethod::lora ? m_lora : m_full)->setChecked(true);
    m_ranks->setValue(s.ranks);
    m_pulling = false;
    refreshRecipeSummary();
    onStateChanged();
}

void TrainingPanel::chooseDatasetFolder() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Dataset folder"), m_dataset->text());
    if (dir.isEmpty()) return;
    m_dataset->setText(dir);
    pushSetup();
}

void TrainingPanel::chooseManifest() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Dataset manifest"), QFileInfo(m_dataset->text()).absolutePath(),
        tr("Manifests (*.jsonl *.json);;All files (*)"));
    if (file.isEmpty()) return;
    m_dataset->setText(file);
    pushSetup();
}

void TrainingPanel::chooseRecipe() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Training recipe"),
                                                      QFileInfo(m_recipe->text()).absolutePath(),
                                                      tr("Recipes (*.json);;All files (*)"));
    if (file.isEmpty()) return;
    m_recipe->setText(file);
    pushSetup();
}

void TrainingPanel::refreshRecipeSummary() {
    const RecipeInfo& info = m_session->recipeInfo();
    if (m_session->setup().recipeFile.isEmpty()) {
        m_recipeSummary->setText(tr("Choose the recipe to train with."));
        return;
    }
    if (!info.ok) {
        m_recipeSummary->setText(QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                                     .arg(info.error.toHtmlEscaped()));
        return;
    }
    const QString checkpoints = info.checkpointEvery > 0
                                    ? tr("checkpoint interval %1").arg(info.checkpointEvery)
                                    : tr("a checkpoint at the end only");
    m_recipeSummary->setText(tr("<b>%1</b>: %2 steps, %3<br>Run folder: %4")
                                 .arg(info.name.toHtmlEscaped())
                                 .arg(info.steps)
                                 .arg(checkpoints, info.outputDir.toHtmlEscaped()));
}

void TrainingPanel::startRun(bool fresh) {
    pushSetup();
    QString error;
    m_startError.clear();
    if (!m_session->start(fresh, &error)) {
        m_startError = tr("Cannot start: %1").arg(error);
        onStateChanged();
        Q_EMIT message(m_startError);
        return;
    }
    if (fresh) {
        m_log->clear();
        for (const TrainingLogLine& line : m_session->log())
            onLog(line);
    }
}

// --- the run ---------------------------------------------------------------------------------

void TrainingPanel::onStateChanged() {
    const TrainingState state = m_session->state();
    const bool active = m_session->isActive();
    const bool ready = m_session->recipeInfo().ok;
    m_start->setEnabled(!active && ready);
    m_pause->setEnabled(state == TrainingState::running && active);
    m_resume->setEnabled(!active && ready &&
                         (state == TrainingState::paused || state == TrainingState::stopped ||
                          state == TrainingState::failed));
    m_stop->setEnabled(active);
    for (QWidget* w : std::initializer_list<QWidget*>{m_dataset, m_recipe, m_lora, m_full, m_ranks})
        w->setEnabled(!active);
    m_stage->setEnabled(!active && m_stage->count() > 1);
    m_validate->setEnabled(!m_session->isValidating());
    m_stateLabel->setText(TrainingSession::stateText(state));
    const bool failed = state == TrainingState::failed;
    m_errorLabel->setText(failed ? tr("Training failed: %1").arg(m_session->lastError())
                                 : m_startError);
    m_errorLabel->setVisible(!m_errorLabel->text().isEmpty());
    if (state == TrainingState::finished && !m_session->exportPath().isEmpty())
        m_stateLabel->setText(tr("Finished: model written to %1").arg(m_session->exportPath()));
    refreshRecipeSummary();
    refreshProgress();
}

void TrainingPanel::onStep(const TrainingEvent& step) {
    m_chart->addStep(step);
    refreshProgress();
}

void TrainingPanel::refreshProgress() {
    const qint64 total = std::max<qint64>(1, m_session->totalSteps());
    const auto& history = m_session->history();
    const qint64 step = history.isEmpty() ? 0 : history.last().step;
    m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
    m_progress->setValue(int(std::min<qint64>(step, total)));
    QString text = tr("step %1 of %2").arg(step).arg(m_session->totalSteps());
    const double eta = m_session->etaSeconds();
    if (m_session->isActive() && eta >= 0)
        text += QStringLiteral(" · ") + tr("%1 left").arg(formatEta(eta));
    m_progress->setFormat(text);
    if (history.isEmpty()) {
        m_stats->clear();
        return;
    }
    const TrainingEvent& last = history.last();
    QStringList parts;
    parts << tr("loss %1").arg(formatNumber(last.loss, 4));
    if (!std::isnan(last.samplesPerS))
        parts << tr("%1 samples/s").arg(formatNumber(last.samplesPerS));
    if (!std::isnan(last.tokensPerS)) parts << tr("%1 tokens/s").arg(formatNumber(last.tokensPerS));
    if (!std::isnan(last.rssMib)) parts << tr("%1 MiB").arg(formatNumber(last.rssMib, 5));
    m_stats->setText(parts.join(QStringLiteral(" · ")));
}

void TrainingPanel::onLog(const TrainingLogLine& line) {
    if (line.error)
        m_log->appendHtml(QStringLiteral("<span style=\"color:#c62828\">%1</span>")
                              .arg(line.text.toHtmlEscaped()));
    else
        m_log->appendPlainText(line.text);
}

void TrainingPanel::showReport(const DatasetReport& report) {
    m_validate->setEnabled(true);
    m_report->clear();
    for (const DatasetIssue& issue : report.issues) {
        auto* item = new QTreeWidgetItem(m_report);
        item->setIcon(0, severityIcon(issue.severity, style()));
        item->setText(0, issue.file.isEmpty() ? severityText(issue.severity) : issue.file);
        item->setText(1, issue.message);
        item->setToolTip(1, issue.message);
        item->setToolTip(0, issue.file);
    }
    const int errors = report.count(IssueSeverity::error);
    const int warnings = report.count(IssueSeverity::warning);
    QString summary = tr("%1 clips, %2 with captions").arg(report.samples).arg(report.captioned);
    if (report.totalSeconds > 0)
        summary += QStringLiteral(", ") + tr("%1 min").arg(report.totalSeconds / 60.0, 0, 'f', 1);
    summary += QStringLiteral(" · ") + tr("errors: %1, warnings: %2").arg(errors).arg(warnings);
    m_reportSummary->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span><br><small>%3</small>")
            .arg(errors > 0 ? QStringLiteral("#c62828") : QStringLiteral("#2e7d32"),
                 summary.toHtmlEscaped(), tr("checked by: %1").arg(report.source).toHtmlEscaped()));
}

void TrainingPanel::refreshSamples() {
    const QStringList samples = m_session->samples();
    // Keep the items (and their thumbnails) of samples that are still there.
    for (int i = m_samples->count() - 1; i >= 0; --i)
        if (!samples.contains(m_samples->item(i)->data(Qt::UserRole).toString()))
            delete m_samples->takeItem(i);
    for (int i = 0; i < samples.size(); ++i) {
        const QString& path = samples[i];
        bool present = false;
        for (int j = 0; j < m_samples->count() && !present; ++j)
            present = m_samples->item(j)->data(Qt::UserRole).toString() == path;
        if (present) continue;
        auto* item = new QListWidgetItem(QFileInfo(path).completeBaseName());
        item->setData(Qt::UserRole, path);
        item->setToolTip(path);
        try {
            nava::media::VideoDecodeOptions options;
            options.width = kSampleThumbWidth;
            const QImage image = frameToImage(nava::media::read_first_frame(
                std::filesystem::path(QFile::encodeName(path).toStdString()), options));
            if (!image.isNull()) item->setIcon(QIcon(QPixmap::fromImage(image)));
        } catch (const std::exception&) {
            item->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
        }
        m_samples->insertItem(std::min(i, m_samples->count()), item);
    }
}

}  // namespace nava::ui
