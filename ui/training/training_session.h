// One fine-tuning run as the studio drives it: the setup (dataset, recipe, stage, method,
// ranks), the `nava train` process (one launcher; `--nproc N` starts the ranks, all in one
// process group so that signals reach every rank), its parsed progress, log and sample clips,
// and the dataset validation. Owned by the main window, so a run outlives the widgets that
// show it (they are rebuilt when the language changes).
//
// Pause = stop after the next checkpoint: the studio waits for a new step folder under
// `<output_dir>/checkpoints/`, then interrupts the ranks (SIGINT). Resume starts the same
// command again; the trainer continues from its newest checkpoint. Stop interrupts at once
// (SIGTERM, SIGKILL after a grace period).
#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>
#include <QTimer>
#include <QVector>

#include "ui/training/dataset_check.h"
#include "ui/training/training_events.h"

class QThread;

namespace nava::ui {

enum class TrainingState { idle, running, pausing, paused, stopping, stopped, finished, failed };
enum class FinetuneMethod { lora, full };

struct TrainingSetup {
    QString dataset;     // folder or manifest ("" = the recipe's own data)
    QString recipeFile;  // the recipe JSON
    QString stage;       // one of the recipe's stages ("" = the recipe as it is)
    FinetuneMethod method = FinetuneMethod::lora;
    int ranks = 1;
};

// What the studio reads from a recipe file to set up and follow a run.
struct RecipeInfo {
    bool ok = false;
    QString error;
    QString name;
    qint64 steps = 0;
    qint64 checkpointEvery = 0;  // 0 = only at the end
    QString outputDir;           // absolute
    QString dataKind;
    QStringList stages;  // names, in the recipe's order
};

// `stage`: read the recipe as that stage sees it (its overrides applied).
RecipeInfo readRecipeInfo(const QString& recipeFile, const QString& stage = QString());

struct TrainingLogLine {
    QString text;
    bool error = false;  // from stderr, or the studio's own failure notes
};

class TrainingSession : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxLogLines = 5000;
    static constexpr int kStopGraceMs = 8000;

    // `program`: the `nava` executable ("" = defaultProgram()).
    explicit TrainingSession(const QString& program = QString(), QObject* parent = nullptr);
    ~TrainingSession() override;

    // `nava` next to the running executable (the studio and the CLI are installed together).
    static QString defaultProgram();
    QString program() const { return m_program; }
    void setProgram(const QString& program);

    const TrainingSetup& setup() const { return m_setup; }
    void setSetup(const TrainingSetup& setup);
    const RecipeInfo& recipeInfo() const { return m_recipe; }

    TrainingState state() const { return m_state; }
    bool isActive() const;  // a process is running
    QString lastError() const { return m_lastError; }

    // Writes the launch recipe into the run folder and starts `nava train RECIPE --nproc N`.
    // `fresh`: forget the plotted history (a new run); else the plot continues.
    bool start(bool fresh, QString* error = nullptr);
    bool resume(QString* error = nullptr) { return start(false, error); }
    void pause();
    void stop();

    // The launch recipe of the last start ("" before).
    QString launchRecipe() const { return m_launchRecipe; }
    QStringList launchArguments() const { return m_arguments; }

    const QVector<TrainingEvent>& history() const { return m_history; }  // step events
    qint64 totalSteps() const { return m_totalSteps; }
    double etaSeconds() const;  // < 0 unknown
    const QVector<TrainingLogLine>& log() const { return m_log; }
    QStringList samples() const { return m_samples; }
    QString exportPath() const { return m_exportPath; }

    // Dataset validation: `nava train --validate-data TARGET` when the trainer offers it, else
    // the studio's own checks (in a worker thread). Answers with validationFinished.
    void validate();
    bool isValidating() const { return m_validating; }
    const DatasetReport& lastReport() const { return m_report; }

    static QString stateText(TrainingState state);

Q_SIGNALS:
    void stateChanged(nava::ui::TrainingState state);
    void stepRecorded(const nava::ui::TrainingEvent& event);
    void historyChanged();  // cleared or cut back (resumed from an earlier step)
    void logAppended(const nava::ui::TrainingLogLine& line);
    void samplesChanged();
    void setupChanged();
    void validationStarted();
    void validationFinished(const nava::ui::DatasetReport& report);
    void exported(const QString& path);

private:
    void setState(TrainingState state);
    void appendLog(const QString& text, bool error);
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    void handleEvent(const TrainingEvent& event);
    void signalGroup(int signal);
    qint64 newestCheckpointStep() const;
    void pollCheckpoints();
    void scheduleSampleScan();
    void scanSamples();
    void watchRunFolder();
    bool writeLaunchRecipe(QString* path, QString* error) const;
    void finishValidation(const DatasetReport& report);
    void runOwnCheck(const QString& target);

    QString m_program;
    TrainingSetup m_setup;
    RecipeInfo m_recipe;
    TrainingState m_state = TrainingState::idle;
    QString m_lastError;
    QProcess* m_process = nullptr;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrBuffer;
    QStringList m_recentErrors;
    QString m_launchRecipe;
    QStringList m_arguments;
    bool m_sawDone = false;
    qint64 m_pauseAfterCheckpoint = -1;
    QTimer m_checkpointPoll;
    QTimer m_killTimer;
    QTimer m_sampleScan;
    QFileSystemWatcher m_watcher;

    QVector<TrainingEvent> m_history;
    qint64 m_totalSteps = 0;
    QVector<TrainingLogLine> m_log;
    QStringList m_samples;
    QString m_exportPath;

    bool m_validating = false;
    DatasetReport m_report;
    QPointer<QProcess> m_validator;
    QPointer<QThread> m_checkThread;
    QHash<QString, bool> m_validateSupport;  // per program
};

}  // namespace nava::ui

Q_DECLARE_METATYPE(nava::ui::TrainingEvent)
Q_DECLARE_METATYPE(nava::ui::TrainingLogLine)
Q_DECLARE_METATYPE(nava::ui::DatasetReport)
