// The studio's only door to the engine: plain requests in, plain progress and results out.
//
// Contract for every implementation:
// - All functions are called on the GUI thread and return at once; work happens elsewhere
//   (a worker thread, another process, or timers for the fake).
// - Signals are delivered on the GUI thread, queued: never from inside submit()/cancel()/
//   loadPackage() themselves, so a receiver may call back into the client safely.
// - Jobs run one after another in submission order. After submit(jobId, …) exactly one of
//   finished / failed / cancelled arrives for that job, preceded by zero or more progress.
// - cancel(jobId) on a queued job cancels it at once; on a running job the engine stops at the
//   next step boundary (a job that completes first reports finished). Unknown ids are ignored.
// - loadPackage(path) answers with packageLoaded or packageFailed; "" means the embedded model.
#pragma once

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include "inference/api/request.h"

namespace nava::ui {

struct PackageInfo {
    QString path;                 // "" = the embedded default model
    QString name;                 // e.g. "NAVA-6B (fp8)"
    QString description;          // one line for the status bar
    QStringList modes;            // "t2av", "i2av", "t2a"
    bool voicesSupported = true;  // the package can clone voices (has a speaker encoder)
    // The package's own generation defaults (0 = none): a small model knows small pictures.
    int defaultWidth = 0, defaultHeight = 0, defaultSteps = 0;
    double defaultDurationS = 0.0;
    double defaultShift = 5.0;
    nava::api::Solver defaultSolver = nava::api::Solver::unipc;
    nava::api::GuidanceSettings defaultGuidance;
    QStringList warnings;  // e.g. files that are missing but optional
};

struct JobProgress {
    QString stage;               // "encoding text", "sampling", "decoding video", … (shown)
    QString stageKey;            // the engine's name: "text", "denoise", …; may be empty
    int step = 0;                // 1-based step within `steps`
    int steps = 0;               // 0 when the stage has no steps
    double etaSeconds = -1;      // < 0: unknown
    double elapsedSeconds = -1;  // since the job started; < 0: unknown
    QImage preview;              // low-resolution frame of the current estimate; may be null
};

struct JobResult {
    QString outputPath;      // the clip (MP4, or WAV for audio-only)
    QString recipeJson;      // the request as run (nava::api recipe JSON)
    QStringList extraFiles;  // sidecar recipe, separate audio, …
    QStringList warnings;    // e.g. the size was rounded
    double seconds = -1;     // how long the job took; < 0: unknown
};

class EngineClient : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~EngineClient() override;

    virtual void loadPackage(const QString& path) = 0;
    virtual void submit(const QString& jobId, const nava::api::GenerationRequest& request) = 0;
    virtual void cancel(const QString& jobId) = 0;

Q_SIGNALS:
    void packageLoaded(const nava::ui::PackageInfo& info);
    void packageFailed(const QString& path, const QString& message);
    void progress(const QString& jobId, const nava::ui::JobProgress& progress);
    void finished(const QString& jobId, const nava::ui::JobResult& result);
    void failed(const QString& jobId, const QString& message);
    void cancelled(const QString& jobId);
};

}  // namespace nava::ui

Q_DECLARE_METATYPE(nava::ui::PackageInfo)
Q_DECLARE_METATYPE(nava::ui::JobProgress)
Q_DECLARE_METATYPE(nava::ui::JobResult)
