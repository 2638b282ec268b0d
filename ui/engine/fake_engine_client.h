// An engine stand-in driven by a timer: steps tick at a fixed interval, progress carries an
// ETA and a small synthetic preview, jobs can be cancelled mid-step or made to fail on demand.
// Used by the tests and by the studio until the real engine adapter exists. By default it
// writes no clip (results name the requested output path); with setRenderClips(true) it writes
// a small preview clip there (a painted scene with a tone, the recipe in its metadata), so that
// the gallery and the player have something to show.
#pragma once

#include <QHash>
#include <QQueue>
#include <QTimer>

#include "ui/engine/engine_client.h"

namespace nava::ui {

class FakeEngineClient : public EngineClient {
    Q_OBJECT

public:
    explicit FakeEngineClient(QObject* parent = nullptr);

    void loadPackage(const QString& path) override;
    void submit(const QString& jobId, const nava::api::GenerationRequest& request) override;
    void cancel(const QString& jobId) override;

    void setStepIntervalMs(int ms);
    void setRenderClips(bool render) { m_renderClips = render; }
    // Steps per job; 0 (default) uses the request's `steps`.
    void setStepsOverride(int steps) { m_stepsOverride = steps; }
    // The job fails with `message` when it reaches `step` ("" job id: every job).
    void failAtStep(const QString& jobId, int step, const QString& message);

    QString runningJob() const { return m_running; }
    int currentStep() const { return m_step; }
    QStringList submittedJobs() const { return m_submitted; }

private:
    struct Pending {
        QString id;
        nava::api::GenerationRequest request;
    };
    struct Failure {
        int step = 0;
        QString message;
    };

    void startNext();
    void onTick();
    QImage previewFor(int step) const;
    // The preview clip at the request's output path; false + message when it cannot be written.
    bool renderClip(QString* error) const;

    QTimer m_timer;
    QQueue<Pending> m_queue;
    QString m_running;
    nava::api::GenerationRequest m_request;
    int m_step = 0;
    int m_steps = 0;
    int m_stepsOverride = 0;
    bool m_renderClips = false;
    QHash<QString, Failure> m_failures;
    QStringList m_submitted;
};

}  // namespace nava::ui
