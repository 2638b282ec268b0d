// The real engine in this process: a nava::pipeline::GenerationEngine running every job on its
// own worker thread. The engine's callbacks arrive on that thread; this client re-posts them to
// the GUI thread as queued calls (the plain structs travel by value) and converts them into the
// ui structs there, so the event loop never waits on a denoising step.
//
// Packages: loadPackage("") opens the default package (pipeline::default_package_path():
// $NAVA_PACKAGE, else the embedded NAVA-tiny). When there is none, packageFailed carries
// noPackageMessage() (where to get the weights) and jobs fail with the same message until a
// package loads. A request naming another package than the current one loads it first; if that
// load fails, the job fails with the load error instead of running on the wrong model.
#pragma once

#include <QHash>
#include <QMutex>
#include <QStringList>

#include <memory>

#include "inference/pipeline/engine.h"
#include "ui/engine/engine_client.h"

namespace nava::ui {

class LocalEngineClient : public EngineClient {
    Q_OBJECT

public:
    explicit LocalEngineClient(QObject* parent = nullptr,
                               nava::pipeline::EngineOptions options = {});
    // Cancels the running job and waits for the worker (at most one denoising pass).
    ~LocalEngineClient() override;

    void loadPackage(const QString& path) override;
    void submit(const QString& jobId, const nava::api::GenerationRequest& request) override;
    void cancel(const QString& jobId) override;

    // The package the engine has open ("" while none is), and the last one asked for.
    QString loadedPackage() const { return m_loadedPath; }
    QString requestedPackage() const { return m_requestedPath; }
    bool hasPackage() const { return !m_loadedPath.isEmpty(); }

    // What to tell a user who has no model package: where the weights come from.
    static QString noPackageMessage();
    // The user-visible name of an engine stage ("denoise" → "sampling"); unknown ones as given.
    static QString stageText(const QString& stageKey);

    // Conversions between the engine's plain structs and the ui structs (public for tests).
    static PackageInfo toUi(const nava::pipeline::PackageInfo& info);
    static JobResult toUi(const nava::pipeline::JobResult& result);
    // `requestSteps`: the job's denoising steps. Stages before sampling report step 0, stages
    // after it report every step done, so that step/steps moves forward through the whole job.
    static JobProgress toUi(const nava::pipeline::JobProgress& progress, int requestSteps);

private:
    struct Job {
        int steps = 0;      // denoising steps of the request
        double eta = -1.0;  // the last estimate while sampling
    };
    // Worker-thread side of the callbacks.
    void onWorkerPackageFailed(const std::string& path, const std::string& message);
    // GUI-thread side.
    void deliverPackageLoaded(const PackageInfo& info, const QString& requestedPath);
    void deliverPackageFailed(const QString& path, const QString& message);
    void deliverProgress(const QString& jobId, const nava::pipeline::JobProgress& progress);
    void deliverEnd(const QString& jobId);

    std::unique_ptr<nava::pipeline::GenerationEngine> m_engine;
    QString m_loadedPath;        // GUI thread
    QString m_requestedPath;     // GUI thread: the last path sent to the engine to load
    QString m_lastLoadError;     // GUI thread
    QHash<QString, Job> m_jobs;  // GUI thread: submitted and not yet ended

    // Shared with the worker: jobs queued behind a package load, and the jobs whose load
    // failed (their cancellation is reported as a failure with this message).
    QMutex m_mutex;
    QStringList m_pendingLoads;                      // paths sent to load, oldest first
    QHash<QString, QStringList> m_waitingOnPackage;  // path → job ids
    QHash<QString, QString> m_loadFailures;          // job id → message
};

}  // namespace nava::ui
