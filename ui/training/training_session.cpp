#include "ui/training/training_session.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include "ui/project/project_file.h"

namespace nava::ui {
namespace {

constexpr int kCheckpointPollMs = 250;
constexpr int kSampleScanDelayMs = 300;
constexpr int kHelpTimeoutMs = 15000;
constexpr int kRecentErrorLines = 12;
constexpr char kLaunchRecipeName[] = "studio-recipe.json";

bool readJsonObject(const QString& path, QJsonObject* out, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error =
                TrainingSession::tr("not a recipe (JSON object): %1").arg(parseError.errorString());
        return false;
    }
    *out = doc.object();
    return true;
}

// The recipe as one stage sees it: the stage's keys override the recipe's (objects one level
// deep, so a stage can change `optimizer.lr` without repeating the optimizer).
QJsonObject effectiveRecipe(const QJsonObject& recipe, const QString& stage) {
    QJsonObject out = recipe;
    out.remove(QStringLiteral("stages"));
    if (stage.isEmpty()) return out;
    QJsonObject overrides;
    const QJsonValue stages = recipe.value(QStringLiteral("stages"));
    if (stages.isObject()) {
        overrides = stages.toObject().value(stage).toObject();
    } else {
        for (const QJsonValue& v : stages.toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == stage)
                overrides = v.toObject();
    }
    overrides.remove(QStringLiteral("name"));
    const QString from = overrides.take(QStringLiteral("init_from_stage")).toString();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().isObject() && out.value(it.key()).isObject()) {
            QJsonObject merged = out.value(it.key()).toObject();
            const QJsonObject inner = it.value().toObject();
            for (auto j = inner.begin(); j != inner.end(); ++j)
                merged.insert(j.key(), j.value());
            out.insert(it.key(), merged);
        } else {
            out.insert(it.key(), it.value());
        }
    }
    // As `nava train` reads a staged recipe: a stage without its own output_dir writes to
    // <output_dir>/<stage>, and "init_from_stage" starts from that stage's exported model (the
    // launch recipe has no "stages", so it names the file).
    if (!overrides.contains(QStringLiteral("output_dir"))) {
        const QString parent =
            recipe.value(QStringLiteral("output_dir"))
                .toString(QStringLiteral("runs/") +
                          recipe.value(QStringLiteral("name")).toString(QStringLiteral("run")));
        out.insert(QStringLiteral("output_dir"), parent + QLatin1Char('/') + stage);
    }
    if (!from.isEmpty() && from != stage) {
        QJsonObject model = out.value(QStringLiteral("model")).toObject();
        model.insert(QStringLiteral("weights"),
                     effectiveRecipe(recipe, from).value(QStringLiteral("output_dir")).toString() +
                         QStringLiteral("/model.safetensors"));
        out.insert(QStringLiteral("model"), model);
    }
    out.insert(QStringLiteral("stage"), stage);
    return out;
}

QString resolveAgainst(const QDir& base, const QString& path) {
    return path.isEmpty() ? path : QDir::cleanPath(base.absoluteFilePath(path));
}

QString formatEvent(const TrainingEvent& e) {
    switch (e.kind) {
        case TrainingEventKind::step: {
            QString text = TrainingSession::tr("step %1/%2").arg(e.step).arg(e.steps);
            if (!std::isnan(e.loss)) text += QStringLiteral(" · loss %1").arg(e.loss, 0, 'g', 5);
            if (!std::isnan(e.lr)) text += QStringLiteral(" · lr %1").arg(e.lr, 0, 'g', 3);
            return text;
        }
        case TrainingEventKind::resumed:
            return TrainingSession::tr("resumed after step %1 (%2)").arg(e.step).arg(e.checkpoint);
        case TrainingEventKind::done:
            return TrainingSession::tr("done: model written to %1").arg(e.exportPath);
        default:
            return QString::fromUtf8(QJsonDocument(e.raw).toJson(QJsonDocument::Compact));
    }
}

}  // namespace

RecipeInfo readRecipeInfo(const QString& recipeFile, const QString& stage) {
    RecipeInfo info;
    QJsonObject recipe;
    if (recipeFile.isEmpty()) {
        info.error = TrainingSession::tr("no recipe chosen");
        return info;
    }
    if (!readJsonObject(recipeFile, &recipe, &info.error)) return info;
    const QJsonValue stages = recipe.value(QStringLiteral("stages"));
    if (stages.isObject()) {
        info.stages = stages.toObject().keys();
    } else {
        for (const QJsonValue& v : stages.toArray()) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            if (!name.isEmpty()) info.stages << name;
        }
    }
    if (!stage.isEmpty() && !info.stages.contains(stage)) {
        info.error = TrainingSession::tr("the recipe has no stage “%1”").arg(stage);
        return info;
    }
    const QJsonObject r = effectiveRecipe(recipe, stage);
    const QDir base = QFileInfo(recipeFile).absoluteDir();
    info.name = r.value(QStringLiteral("name")).toString(QStringLiteral("run"));
    info.steps = qint64(r.value(QStringLiteral("steps")).toDouble(100));
    info.checkpointEvery = qint64(r.value(QStringLiteral("checkpoint_every")).toDouble(0));
    info.outputDir = resolveAgainst(
        base, r.value(QStringLiteral("output_dir")).toString(QStringLiteral("runs/") + info.name));
    info.dataKind = r.value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("kind"))
                        .toString(QStringLiteral("synthetic"));
    info.ok = true;
    return info;
}

// --- set-up ----------------------------------------------------------------------------------

TrainingSession::TrainingSession(const QString& program, QObject* parent)
    : QObject(parent), m_program(program.isEmpty() ? defaultProgram() : program) {
    qRegisterMetaType<nava::ui::TrainingEvent>();
    qRegisterMetaType<nava::ui::TrainingLogLine>();
    qRegisterMetaType<nava::ui::DatasetReport>();
    m_checkpointPoll.setInterval(kCheckpointPollMs);
    connect(&m_checkpointPoll, &QTimer::timeout, this, &TrainingSession::pollCheckpoints);
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (!isActive()) return;
        appendLog(tr("The trainer did not stop in time; killing it."), true);
        signalGroup(SIGKILL);
    });
    m_sampleScan.setSingleShot(true);
    m_sampleScan.setInterval(kSampleScanDelayMs);
    connect(&m_sampleScan, &QTimer::timeout, this, &TrainingSession::scanSamples);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &TrainingSession::scheduleSampleScan);
    m_recipe = readRecipeInfo(QString());
}

TrainingSession::~TrainingSession() {
    // The studio closing ends the run like Stop; the next start resumes from a checkpoint.
    if (isActive()) {
        signalGroup(SIGTERM);
        if (!m_process->waitForFinished(2000)) signalGroup(SIGKILL);
        m_process->waitForFinished(2000);
    }
    if (m_checkThread) m_checkThread->wait();
    if (m_validator) m_validator->kill();
}

QString TrainingSession::defaultProgram() {
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("nava"));
}

void TrainingSession::setProgram(const QString& program) {
    m_program = program.isEmpty() ? defaultProgram() : program;
}

void TrainingSession::setSetup(const TrainingSetup& setup) {
    m_setup = setup;
    m_setup.ranks = std::max(1, setup.ranks);
    m_recipe = readRecipeInfo(m_setup.recipeFile, m_setup.stage);
    Q_EMIT setupChanged();
}

bool TrainingSession::isActive() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString TrainingSession::stateText(TrainingState state) {
    switch (state) {
        case TrainingState::idle:
            return tr("Not started");
        case TrainingState::running:
            return tr("Training");
        case TrainingState::pausing:
            return tr("Pausing after the next checkpoint…");
        case TrainingState::paused:
            return tr("Paused");
        case TrainingState::stopping:
            return tr("Stopping…");
        case TrainingState::stopped:
            return tr("Stopped");
        case TrainingState::finished:
            return tr("Finished");
        case TrainingState::failed:
            return tr("Failed");
    }
    return QString();
}

void TrainingSession::setState(TrainingState state) {
    if (state == m_state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TrainingSession::appendLog(const QString& text, bool error) {
    const TrainingLogLine line{text, error};
    m_log.push_back(line);
    if (m_log.size() > kMaxLogLines) m_log.remove(0, m_log.size() - kMaxLogLines);
    Q_EMIT logAppended(line);
}

// --- launching -------------------------------------------------------------------------------

bool TrainingSession::writeLaunchRecipe(QString* path, QString* error) const {
    QJsonObject recipe;
    if (!readJsonObject(m_setup.recipeFile, &recipe, error)) return false;
    QJsonObject r = effectiveRecipe(recipe, m_setup.stage);
    const QDir base = QFileInfo(m_setup.recipeFile).absoluteDir();
    // 1. The launch recipe lives in the run folder: relative paths must not change meaning.
    r.insert(QStringLiteral("output_dir"), m_recipe.outputDir);
    QJsonObject model = r.value(QStringLiteral("model")).toObject();
    if (model.contains(QStringLiteral("weights")))
        model.insert(QStringLiteral("weights"),
                     resolveAgainst(base, model.value(QStringLiteral("weights")).toString()));
    if (!model.isEmpty()) r.insert(QStringLiteral("model"), model);
    QJsonObject data = r.value(QStringLiteral("data")).toObject();
    if (data.contains(QStringLiteral("cache_dir")))
        data.insert(QStringLiteral("cache_dir"),
                    resolveAgainst(base, data.value(QStringLiteral("cache_dir")).toString()));
    // 2. The studio's choices.
    if (!m_setup.dataset.isEmpty()) {
        const QString dataset = QFileInfo(m_setup.dataset).absoluteFilePath();
        if (m_recipe.dataKind == u"cache" && QFileInfo(dataset).isDir())
            data.insert(QStringLiteral("cache_dir"), dataset);
        else
            data.insert(QStringLiteral("manifest"), dataset);
    }
    if (!data.isEmpty()) r.insert(QStringLiteral("data"), data);
    r.insert(QStringLiteral("finetune"),
             QJsonObject{{QStringLiteral("method"), m_setup.method == FinetuneMethod::lora
                                                        ? QStringLiteral("lora")
                                                        : QStringLiteral("full")}});
    // 3. Next to the checkpoints it belongs to.
    if (!QDir().mkpath(m_recipe.outputDir)) {
        if (error) *error = tr("cannot create the run folder %1").arg(m_recipe.outputDir);
        return false;
    }
    const QString file = QDir(m_recipe.outputDir).filePath(QLatin1String(kLaunchRecipeName));
    if (!writeFileAtomically(file, QJsonDocument(r).toJson(QJsonDocument::Indented), error))
        return false;
    *path = file;
    return true;
}

bool TrainingSession::start(bool fresh, QString* error) {
    auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (isActive()) return fail(tr("a run is already going"));
    if (!m_recipe.ok) return fail(m_recipe.error);
    const QFileInfo program(m_program);
    if (!program.isFile() || !program.isExecutable())
        return fail(tr("the trainer was not found: %1 (it is installed next to the studio)")
                        .arg(m_program));
    QString launch, writeError;
    if (!writeLaunchRecipe(&launch, &writeError)) return fail(writeError);

    if (fresh) {
        m_history.clear();
        m_log.clear();
        m_exportPath.clear();
        m_totalSteps = m_recipe.steps;
        Q_EMIT historyChanged();
    }
    m_launchRecipe = launch;
    m_arguments = {QStringLiteral("train"), launch, QStringLiteral("--nproc"),
                   QString::number(m_setup.ranks)};
    m_sawDone = false;
    m_recentErrors.clear();
    m_lastError.clear();
    m_stdoutBuffer.clear();
    m_stderrBuffer.clear();
    if (m_totalSteps <= 0) m_totalSteps = m_recipe.steps;

    if (m_process) m_process->deleteLater();
    m_process = new QProcess(this);
    m_process->setWorkingDirectory(m_recipe.outputDir);
    // Its own process group: the ranks the launcher starts get our signals too.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &TrainingSession::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &TrainingSession::onStderr);
    connect(m_process, &QProcess::finished, this, &TrainingSession::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &TrainingSession::onProcessError);
    // Views refresh once the process is really there (isActive() follows it).
    connect(m_process, &QProcess::started, this, [this] { Q_EMIT stateChanged(m_state); });
    appendLog(QStringLiteral("$ %1 %2").arg(m_program, m_arguments.join(u' ')), false);
    m_process->start(m_program, m_arguments);
    setState(TrainingState::running);
    watchRunFolder();
    scanSamples();
    return true;
}

void TrainingSession::signalGroup(int sig) {
    if (!m_process) return;
    const qint64 pid = m_process->processId();
    if (pid <= 0) return;
    if (::kill(-pid_t(pid), sig) != 0) ::kill(pid_t(pid), sig);
}

void TrainingSession::pause() {
    if (m_state != TrainingState::running || !isActive()) return;
    setState(TrainingState::pausing);
    if (m_recipe.checkpointEvery <= 0) {
        appendLog(tr("This recipe writes checkpoints only at the end: stopping now. The next "
                     "start continues from the newest checkpoint there is."),
                  false);
        signalGroup(SIGINT);
        m_killTimer.start(kStopGraceMs);
        return;
    }
    m_pauseAfterCheckpoint = newestCheckpointStep();
    appendLog(tr("Pausing after the next checkpoint (checkpoint interval %1)…")
                  .arg(m_recipe.checkpointEvery),
              false);
    m_checkpointPoll.start();
}

void TrainingSession::stop() {
    if (!isActive()) return;
    m_checkpointPoll.stop();
    setState(TrainingState::stopping);
    appendLog(tr("Stopping…"), false);
    signalGroup(SIGTERM);
    m_killTimer.start(kStopGraceMs);
}

qint64 TrainingSession::newestCheckpointStep() const {
    const QDir dir(QDir(m_recipe.outputDir).filePath(QStringLiteral("checkpoints")));
    qint64 newest = -1;
    // Complete step folders only: partial ones are hidden until they are renamed into place.
    for (const QString& name : dir.entryList({QStringLiteral("step-*")}, QDir::Dirs)) {
        bool ok = false;
        const qint64 step = name.mid(5).toLongLong(&ok);
        if (ok) newest = std::max(newest, step);
    }
    return newest;
}

void TrainingSession::pollCheckpoints() {
    if (m_state != TrainingState::pausing || !isActive()) {
        m_checkpointPoll.stop();
        return;
    }
    const qint64 newest = newestCheckpointStep();
    if (newest <= m_pauseAfterCheckpoint) return;
    m_checkpointPoll.stop();
    appendLog(tr("Checkpoint after step %1 written; pausing.").arg(newest), false);
    signalGroup(SIGINT);
    m_killTimer.start(kStopGraceMs);
}

// --- what the trainer says -------------------------------------------------------------------

void TrainingSession::onStdout() {
    m_stdoutBuffer += m_process->readAllStandardOutput();
    int newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdoutBuffer.left(newline);
        m_stdoutBuffer.remove(0, newline + 1);
        if (line.trimmed().isEmpty()) continue;
        if (const auto event = parseTrainingLine(line))
            handleEvent(*event);
        else
            appendLog(QString::fromUtf8(line).trimmed(), false);
    }
}

void TrainingSession::onStderr() {
    m_stderrBuffer += m_process->readAllStandardError();
    int newline;
    while ((newline = m_stderrBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderrBuffer.left(newline)).trimmed();
        m_stderrBuffer.remove(0, newline + 1);
        if (line.isEmpty()) continue;
        m_recentErrors << line;
        while (m_recentErrors.size() > kRecentErrorLines)
            m_recentErrors.removeFirst();
        appendLog(line, true);
    }
}

void TrainingSession::handleEvent(const TrainingEvent& e) {
    switch (e.kind) {
        case TrainingEventKind::step: {
            if (e.steps > 0) m_totalSteps = e.steps;
            // A step at or before the last plotted one: the run went back to a checkpoint.
            if (!m_history.isEmpty() && e.step <= m_history.last().step) {
                while (!m_history.isEmpty() && m_history.last().step >= e.step)
                    m_history.removeLast();
                Q_EMIT historyChanged();
            }
            m_history.push_back(e);
            Q_EMIT stepRecorded(e);
            scheduleSampleScan();
            break;
        }
        case TrainingEventKind::resumed: {
            const qint64 before = m_history.size();
            while (!m_history.isEmpty() && m_history.last().step > e.step)
                m_history.removeLast();
            if (m_history.size() != before) Q_EMIT historyChanged();
            break;
        }
        case TrainingEventKind::done:
            m_sawDone = true;
            m_exportPath = e.exportPath;
            Q_EMIT exported(e.exportPath);
            break;
        default:
            break;
    }
    appendLog(formatEvent(e), false);
}

void TrainingSession::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_killTimer.stop();
    m_checkpointPoll.stop();
    // Lines without a final newline.
    m_stdoutBuffer += '\n';
    m_stderrBuffer += '\n';
    onStdout();
    onStderr();
    const bool ok = status == QProcess::NormalExit && exitCode == 0;
    const qint64 step = m_history.isEmpty() ? 0 : m_history.last().step;
    switch (m_state) {
        case TrainingState::pausing:
            appendLog(
                tr("Paused after step %1. Resume continues from the newest checkpoint.").arg(step),
                false);
            setState(ok && m_sawDone ? TrainingState::finished : TrainingState::paused);
            break;
        case TrainingState::stopping:
            appendLog(tr("Stopped after step %1.").arg(step), false);
            setState(TrainingState::stopped);
            break;
        default:
            if (ok) {
                setState(TrainingState::finished);
            } else {
                m_lastError = !m_recentErrors.isEmpty() ? m_recentErrors.last()
                              : status == QProcess::CrashExit
                                  ? tr("the trainer crashed")
                                  : tr("the trainer exited with status %1").arg(exitCode);
                appendLog(tr("Training failed: %1").arg(m_lastError), true);
                setState(TrainingState::failed);
            }
    }
    scanSamples();
}

void TrainingSession::onProcessError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    m_lastError = tr("cannot start %1: %2").arg(m_program, m_process->errorString());
    appendLog(m_lastError, true);
    setState(TrainingState::failed);
}

double TrainingSession::etaSeconds() const {
    if (m_history.isEmpty() || m_totalSteps <= 0) return -1;
    double sum = 0.0;
    int n = 0;
    for (int i = m_history.size() - 1; i >= 0 && n < 20; --i) {
        if (std::isnan(m_history[i].seconds)) continue;
        sum += m_history[i].seconds;
        ++n;
    }
    if (n == 0) return -1;
    return std::max<qint64>(0, m_totalSteps - m_history.last().step) * sum / n;
}

// --- sample clips ----------------------------------------------------------------------------

void TrainingSession::watchRunFolder() {
    const QString run = m_recipe.outputDir;
    const QString samples = QDir(run).filePath(QStringLiteral("samples"));
    QStringList wanted;
    for (const QString& dir : {run, samples})
        if (QFileInfo(dir).isDir()) wanted << dir;
    const QStringList watched = m_watcher.directories();
    for (const QString& dir : watched)
        if (!wanted.contains(dir)) m_watcher.removePath(dir);
    for (const QString& dir : wanted)
        if (!watched.contains(dir)) m_watcher.addPath(dir);
}

void TrainingSession::scheduleSampleScan() {
    if (!m_sampleScan.isActive()) m_sampleScan.start();
}

void TrainingSession::scanSamples() {
    watchRunFolder();  // the samples folder may have appeared
    QStringList found;
    if (m_recipe.ok) {
        const QDir dir(QDir(m_recipe.outputDir).filePath(QStringLiteral("samples")));
        for (const QFileInfo& f :
             dir.entryInfoList({QStringLiteral("*.mp4")}, QDir::Files, QDir::Name))
            found << f.absoluteFilePath();
    }
    if (found == m_samples) return;
    m_samples = found;
    Q_EMIT samplesChanged();
}

// --- validation ------------------------------------------------------------------------------

void TrainingSession::validate() {
    if (m_validating) return;
    const QString target = m_setup.dataset.isEmpty() ? m_setup.recipeFile : m_setup.dataset;
    m_validating = true;
    Q_EMIT validationStarted();
    if (target.isEmpty()) {
        DatasetReport report;
        report.source = tr("studio checks");
        report.completed = true;
        report.issues.push_back(
            {IssueSeverity::error, QString(), tr("Choose a dataset folder or manifest first.")});
        finishValidation(report);
        return;
    }
    auto withSupport = [this, target](bool supported) {
        if (!supported) {
            if (m_setup.dataset.isEmpty()) {
                DatasetReport report;
                report.source = tr("studio checks");
                report.completed = true;
                report.issues.push_back(
                    {IssueSeverity::error, QString(),
                     tr("This trainer cannot check a recipe's data; choose the dataset folder "
                        "or manifest to check it here.")});
                finishValidation(report);
                return;
            }
            runOwnCheck(target);
            return;
        }
        auto* process = new QProcess(this);
        m_validator = process;
        connect(
            process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus) {
                DatasetReport report;
                report.source = QStringLiteral("nava train --validate-data");
                report.completed = true;
                const QList<QByteArray> lines = process->readAllStandardOutput().split('\n');
                for (const QByteArray& raw : lines) {
                    const QByteArray line = raw.trimmed();
                    if (line.isEmpty()) continue;
                    const QJsonDocument doc = QJsonDocument::fromJson(line);
                    if (!doc.isObject()) {
                        report.issues.push_back(
                            {IssueSeverity::info, QString(), QString::fromUtf8(line)});
                        continue;
                    }
                    const QJsonObject o = doc.object();
                    if (o.contains(QStringLiteral("samples")))
                        report.samples = o.value(QStringLiteral("samples")).toInt();
                    if (o.contains(QStringLiteral("captioned")))
                        report.captioned = o.value(QStringLiteral("captioned")).toInt();
                    const QString message = o.value(QStringLiteral("message")).toString();
                    if (message.isEmpty()) continue;
                    const QString level =
                        o.value(QStringLiteral("severity"))
                            .toString(o.value(QStringLiteral("level")).toString());
                    const IssueSeverity severity = level == u"error"     ? IssueSeverity::error
                                                   : level == u"warning" ? IssueSeverity::warning
                                                                         : IssueSeverity::info;
                    report.issues.push_back(
                        {severity, o.value(QStringLiteral("file")).toString(), message});
                }
                for (const QByteArray& raw : process->readAllStandardError().split('\n'))
                    if (!raw.trimmed().isEmpty())
                        report.issues.push_back(
                            {IssueSeverity::error, QString(), QString::fromUtf8(raw.trimmed())});
                if (code != 0 && report.count(IssueSeverity::error) == 0)
                    report.issues.push_back(
                        {IssueSeverity::error, QString(),
                         tr("the trainer found the data unusable (exit status %1)").arg(code)});
                process->deleteLater();
                finishValidation(report);
            });
        connect(process, &QProcess::errorOccurred, this,
                [this, process, target](QProcess::ProcessError e) {
                    if (e != QProcess::FailedToStart) return;
                    process->deleteLater();
                    runOwnCheck(target);
                });
        process->start(m_program,
                       {QStringLiteral("train"), QStringLiteral("--validate-data"), target});
    };

    // Does this trainer offer --validate-data? Its help says so (asked once per program).
    const auto known = m_validateSupport.constFind(m_program);
    if (known != m_validateSupport.constEnd()) {
        withSupport(*known);
        return;
    }
    auto* help = new QProcess(this);
    help->setProcessChannelMode(QProcess::MergedChannels);
    const QString program = m_program;
    auto answered = std::make_shared<bool>(false);
    auto answer = [this, help, program, withSupport, answered](bool supported) {
        if (*answered) return;
        *answered = true;
        m_validateSupport.insert(program, supported);
        help->deleteLater();
        withSupport(supported);
    };
    connect(help, &QProcess::finished, this, [help, answer](int, QProcess::ExitStatus) {
        answer(help->readAll().contains("--validate-data"));
    });
    connect(help, &QProcess::errorOccurred, this, [answer](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) answer(false);
    });
    QTimer::singleShot(kHelpTimeoutMs, help, [help, answer] {
        help->kill();
        answer(false);
    });
    help->start(program, {QStringLiteral("train"), QStringLiteral("--help")});
}

void TrainingSession::runOwnCheck(const QString& target) {
    auto result = std::make_shared<DatasetReport>();
    QThread* thread = QThread::create([result, target] { *result = checkDataset(target); });
    m_checkThread = thread;
    connect(thread, &QThread::finished, this, [this, thread, result] {
        thread->deleteLater();
        finishValidation(*result);
    });
    thread->start();
}

void TrainingSession::finishValidation(const DatasetReport& report) {
    m_validating = false;
    m_report = report;
    Q_EMIT validationFinished(report);
}

}  // namespace nava::ui
