// The generation queue: jobs in order, run one at a time through an EngineClient, persisted to
// a JSON file on every change so that a crash or restart loses nothing (a job that was running
// comes back as pending and runs again).
//
// It is a list model: views show it directly; row order is run order for pending jobs.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QVector>

#include "inference/api/request.h"

namespace nava::ui {

class EngineClient;
struct JobProgress;
struct JobResult;

enum class JobState { pending, running, done, failed, cancelled };

struct QueueJob {
    QString id;
    QString title;
    QString projectId;
    QString projectPath;
    nava::api::GenerationRequest request;
    JobState state = JobState::pending;
    QDateTime created;
    bool interrupted = false;  // was running when the studio stopped; runs again
    bool cancelRequested = false;
    // Live progress (not persisted).
    QString stage;
    int step = 0;
    int steps = 0;
    double etaSeconds = -1;
    QImage preview;
    // Outcome.
    QString outputPath;
    QString error;
};

class JobQueue : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        StateRole,  // JobState as int
        StateTextRole,
        ProgressRole,  // 0..1
        StageRole,
        StepRole,
        StepsRole,
        EtaSecondsRole,
        PreviewRole,
        OutputRole,
        ErrorRole,
        DetailRole,  // one line: mode, size, duration, seed, steps
    };

    // `storePath` "" = not persisted.
    JobQueue(EngineClient* engine, const QString& storePath, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Reads the store file (if any); the queue writes it only after this. Running jobs become
    // pending again. False + message when the file exists but cannot be read (it is kept as
    // "<file>.damaged" and the queue starts empty). A queue paused before load stays paused.
    bool load(QString* error = nullptr);

    QString addJob(const QString& title, const nava::api::GenerationRequest& request,
                   const QString& projectId = QString(), const QString& projectPath = QString());

    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    void move(int from, int to);      // reorder rows
    void runNext(const QString& id);  // makes a pending job the next to run
    void cancel(const QString& id);   // pending: at once; running: asks the engine
    void remove(const QString& id);   // any job except the running one
    void clearFinished();             // removes done, failed and cancelled jobs

    const QVector<QueueJob>& jobs() const { return m_jobs; }
    int rowOf(const QString& id) const;
    const QueueJob* job(const QString& id) const;
    QString runningJobId() const;

    // The records of one project's jobs (for its .nava file), and re-adding the unfinished ones
    // of a project file that the queue does not hold.
    QJsonArray recordsForProject(const QString& projectId) const;
    int restoreRecords(const QJsonArray& records);

    static QString stateText(JobState state);

Q_SIGNALS:
    void pausedChanged(bool paused);
    void jobFinished(const QString& id, const QString& outputPath);
    void jobFailed(const QString& id, const QString& message);
    void persistFailed(const QString& message);

private:
    void onProgress(const QString& id, const JobProgress& progress);
    void onFinished(const QString& id, const JobResult& result);
    void onFailed(const QString& id, const QString& message);
    void onCancelled(const QString& id);
    void startNextIfIdle();
    void changed(int row);
    void persist();
    QJsonObject toRecord(const QueueJob& job) const;
    bool fromRecord(const QJsonObject& record, QueueJob* job) const;

    QPointer<EngineClient> m_engine;
    QString m_storePath;
    QVector<QueueJob> m_jobs;
    bool m_paused = false;
    bool m_loaded = false;
};

}  // namespace nava::ui
