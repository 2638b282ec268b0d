// The generation queue with the fake engine: jobs run in order one at a time with progress,
// ETA and previews; cancelling stops a running job mid-run; pause, reorder and "run next"
// change what runs; the queue survives a crash (the running job runs again) and a restart.
#include <memory>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include "ui/engine/fake_engine_client.h"
#include "ui/queue/job_queue.h"

using namespace nava::ui;

namespace {

nava::api::GenerationRequest request(int steps, uint64_t seed = 1) {
    nava::api::GenerationRequest r;
    r.prompt = "A lighthouse at dusk, waves crash.";
    r.steps = steps;
    r.seed = seed;
    return r;
}

bool waitForState(const JobQueue& queue, const QString& id, JobState state, int timeoutMs = 5000) {
    return QTest::qWaitFor(
        [&] {
            const QueueJob* j = queue.job(id);
            return j && j->state == state;
        },
        timeoutMs);
}

}  // namespace

class QueueTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void runsJobsInOrderWithProgress() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(5);
        JobQueue queue(&engine, QString());
        QSignalSpy finished(&queue, &JobQueue::jobFinished);
        QSignalSpy progress(&engine, &EngineClient::progress);
        const QString a = queue.addJob(QStringLiteral("first"), request(4));
        const QString b = queue.addJob(QStringLiteral("second"), request(3));
        QCOMPARE(queue.runningJobId(), a);
        QCOMPARE(queue.job(b)->state, JobState::pending);
        QVERIFY(waitForState(queue, b, JobState::done));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished[0][0].toString(), a);
        QCOMPARE(progress.size(), 7);
        const JobProgress last = progress.last()[1].value<JobProgress>();
        QCOMPARE(last.step, 3);
        QCOMPARE(last.steps, 3);
        QCOMPARE(last.etaSeconds, 0.0);
        QVERIFY(!last.preview.isNull());
        const QModelIndex row = queue.index(queue.rowOf(a));
        QCOMPARE(row.data(JobQueue::ProgressRole).toDouble(), 1.0);
        QVERIFY(!row.data(JobQueue::PreviewRole).value<QImage>().isNull());
    }

    void cancelsARunningJobMidRun() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(20);
        JobQueue queue(&engine, QString());
        const QString a = queue.addJob(QStringLiteral("long"), request(1000));
        const QString b = queue.addJob(QStringLiteral("next"), request(2));
        QVERIFY(QTest::qWaitFor([&] { return queue.job(a)->step >= 2; }, 5000));
        queue.cancel(a);
        QVERIFY(waitForState(queue, a, JobState::cancelled));
        QVERIFY(queue.job(a)->step < 1000);
        // The engine stopped: no further steps of the cancelled job.
        const int stepAtCancel = queue.job(a)->step;
        QVERIFY(waitForState(queue, b, JobState::done));
        QCOMPARE(queue.job(a)->step, stepAtCancel);
        // Cancelling a waiting job needs no engine round trip.
        queue.setPaused(true);
        const QString c = queue.addJob(QStringLiteral("waiting"), request(2));
        queue.cancel(c);
        QCOMPARE(queue.job(c)->state, JobState::cancelled);
    }

    void reportsEngineFailures() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(5);
        engine.failAtStep(QString(), 2, QStringLiteral("out of memory"));
        JobQueue queue(&engine, QString());
        QSignalSpy failed(&queue, &JobQueue::jobFailed);
        const QString a = queue.addJob(QStringLiteral("doomed"), request(5));
        QVERIFY(waitForState(queue, a, JobState::failed));
        QCOMPARE(queue.job(a)->error, QStringLiteral("out of memory"));
        QCOMPARE(failed.size(), 1);
    }

    void pausesReordersAndRunsNext() {
        FakeEngineClient engine;
        engine.setStepIntervalMs(5);
        JobQueue queue(&engine, QString());
        queue.setPaused(true);
        const QString a = queue.addJob(QStringLiteral("a"), request(2));
        const QString b = queue.addJob(QStringLiteral("b"), request(2));
        const QString c = queue.addJob(QStringLiteral("c"), request(2));
        QTest::qWait(30);
        QVERIFY(queue.runningJobId().isEmpty());
        QVERIFY(engine.submittedJobs().isEmpty());
        queue.move(2, 1);  // a c b
        QCOMPARE(queue.jobs()[1].id, c);
        queue.runNext(b);  // b a c
        QCOMPARE(queue.jobs()[0].id, b);
        QCOMPARE(queue.jobs()[1].id, a);
        queue.setPaused(false);
        QVERIFY(waitForState(queue, c, JobState::done));
        QCOMPARE(engine.submittedJobs(), (QStringList{b, a, c}));
    }

    void survivesACrashAndARestart() {
        const QString store = m_dir.filePath(QStringLiteral("queue.json"));
        QString runningId, waitingId, doneId;
        {
            FakeEngineClient engine;
            engine.setStepIntervalMs(5);
            JobQueue queue(&engine, store);
            QVERIFY(queue.load());
            doneId = queue.addJob(QStringLiteral("done"), request(1, 11));
            QVERIFY(waitForState(queue, doneId, JobState::done));
            engine.setStepIntervalMs(10000);  // the next job is still running at the "crash"
            runningId = queue.addJob(QStringLiteral("running"), request(50, 12));
            waitingId = queue.addJob(QStringLiteral("waiting"), request(2, 13));
            QVERIFY(QTest::qWaitFor([&] { return engine.runningJob() == runningId; }, 2000));
            QCOMPARE(queue.job(runningId)->state, JobState::running);
            // Crash: the objects go away without any shutdown step.
        }
        FakeEngineClient engine;
        engine.setStepIntervalMs(5);
        JobQueue restored(&engine, store);
        restored.setPaused(true);  // inspect before anything runs
        QString error;
        QVERIFY2(restored.load(&error), qPrintable(error));
        QCOMPARE(restored.rowCount(), 3);
        QCOMPARE(restored.job(doneId)->state, JobState::done);
        QCOMPARE(restored.job(runningId)->state, JobState::pending);
        QVERIFY(restored.job(runningId)->interrupted);
        QCOMPARE(restored.job(runningId)->request.seed, 12u);
        QCOMPARE(restored.job(runningId)->request.steps, 50);
        QCOMPARE(restored.jobs()[2].id, waitingId);  // order kept
        // A paused queue stays paused after a restart until resumed.
        JobQueue again(&engine, store);
        QVERIFY(again.load());
        QVERIFY(again.isPaused());
        again.setPaused(false);
        QVERIFY(waitForState(again, waitingId, JobState::done));
        QCOMPARE(again.job(runningId)->state, JobState::done);
    }

    void rejectsADamagedStoreFile() {
        const QString store = m_dir.filePath(QStringLiteral("damaged.json"));
        QFile f(store);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        FakeEngineClient engine;
        JobQueue queue(&engine, store);
        QString error;
        QVERIFY(!queue.load(&error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(queue.rowCount(), 0);
        QVERIFY(QFile::exists(store + QStringLiteral(".damaged")));
    }

    void keepsProjectRecords() {
        FakeEngineClient engine;
        JobQueue queue(&engine, QString());
        queue.setPaused(true);
        queue.addJob(QStringLiteral("p1"), request(2), QStringLiteral("project-1"));
        queue.addJob(QStringLiteral("other"), request(2), QStringLiteral("project-2"));
        const QJsonArray records = queue.recordsForProject(QStringLiteral("project-1"));
        QCOMPARE(records.size(), 1);
        JobQueue fresh(&engine, QString());
        fresh.setPaused(true);
        QCOMPARE(fresh.restoreRecords(records), 1);
        QCOMPARE(fresh.restoreRecords(records), 0);  // already there
        QCOMPARE(fresh.jobs()[0].title, QStringLiteral("p1"));
    }
};

QTEST_GUILESS_MAIN(QueueTest)
#include "test_ui_queue.moc"
