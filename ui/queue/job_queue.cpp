#include "ui/queue/job_queue.h"

#include <QFile>
#include <QJsonDocument>
#include <QUuid>

#include "ui/engine/engine_client.h"
#include "ui/project/project_file.h"

namespace nava::ui {
namespace {

QString stateKey(JobState s) {
    switch (s) {
        case JobState::pending:
            return QStringLiteral("pending");
        case JobState::running:
            return QStringLiteral("running");
        case JobState::done:
            return QStringLiteral("done");
        case JobState::failed:
            return QStringLiteral("failed");
        case JobState::cancelled:
            return QStringLiteral("cancelled");
    }
    return QStringLiteral("pending");
}

JobState stateFromKey(const QString& key) {
    if (key == u"running") return JobState::running;
    if (key == u"done") return JobState::done;
    if (key == u"failed") return JobState::failed;
    if (key == u"cancelled") return JobState::cancelled;
    return JobState::pending;
}

bool isFinished(JobState s) {
    return s == JobState::done || s == JobState::failed || s == JobState::cancelled;
}

}  // namespace

JobQueue::JobQueue(EngineClient* engine, const QString& storePath, QObject* parent)
    : QAbstractListModel(parent), m_engine(engine), m_storePath(storePath) {
    connect(engine, &EngineClient::progress, this, &JobQueue::onProgress);
    connect(engine, &EngineClient::finished, this, &JobQueue::onFinished);
    connect(engine, &EngineClient::failed, this, &JobQueue::onFailed);
    connect(engine, &EngineClient::cancelled, this, &JobQueue::onCancelled);
}

QString JobQueue::stateText(JobState state) {
    switch (state) {
        case JobState::pending:
            return tr("Waiting");
        case JobState::running:
            return tr("Running");
        case JobState::done:
            return tr("Done");
        case JobState::failed:
            return tr("Failed");
        case JobState::cancelled:
            return tr("Cancelled");
    }
    return QString();
}

int JobQueue::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_jobs.size();
}

QVariant JobQueue::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_jobs.size()) return {};
    const QueueJob& j = m_jobs.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return j.title;
        case Qt::ToolTipRole:
            return j.error.isEmpty() ? QString::fromStdString(j.request.prompt) : j.error;
        case IdRole:
            return j.id;
        case StateRole:
            return int(j.state);
        case StateTextRole:
            return j.interrupted && j.state == JobState::pending
                       ? tr("Waiting (interrupted, will run again)")
                       : stateText(j.state);
        case ProgressRole:
            if (j.state == JobState::done) return 1.0;
            return j.steps > 0 ? double(j.step) / j.steps : 0.0;
        case StageRole:
            return j.stage;
        case StepRole:
            return j.step;
        case StepsRole:
            return j.steps;
        case EtaSecondsRole:
            return j.etaSeconds;
        case PreviewRole:
            return j.preview;
        case OutputRole:
            return j.outputPath;
        case ErrorRole:
            return j.error;
        case DetailRole: {
            const auto& r = j.request;
            const QString size = r.mode == nava::api::Mode::text_to_audio
                                     ? tr("audio only")
                                     : QStringLiteral("%1×%2").arg(r.width).arg(r.height);
            return tr("%1 · %2 s · seed %3 · %4 steps")
                .arg(size)
                .arg(r.duration_s, 0, 'f', 2)
                .arg(qulonglong(r.seed))
                .arg(r.steps);
        }
        default:
            return {};
    }
}

QString JobQueue::addJob(const QString& title, const nava::api::GenerationRequest& request,
                         const QString& projectId, const QString& projectPath) {
    QueueJob job;
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.title = title;
    job.request = request;
    job.projectId = projectId;
    job.projectPath = projectPath;
    job.created = QDateTime::currentDateTimeUtc();
    beginInsertRows(QModelIndex(), m_jobs.size(), m_jobs.size());
    m_jobs.push_back(job);
    endInsertRows();
    persist();
    startNextIfIdle();
    return job.id;
}

void JobQueue::setPaused(bool paused) {
    if (paused == m_paused) return;
    m_paused = paused;
    persist();
    Q_EMIT pausedChanged(paused);
    startNextIfIdle();
}

void JobQueue::move(int from, int to) {
    if (from < 0 || from >= m_jobs.size() || to < 0 || to >= m_jobs.size() || from == to) return;
    // beginMoveRows counts the destination before the move.
    if (!beginMoveRows(QModelIndex(), from, from, QModelIndex(), to > from ? to + 1 : to)) return;
    m_jobs.move(from, to);
    endMoveRows();
    persist();
}

void JobQueue::runNext(const QString& id) {
    const int row = rowOf(id);
    if (row < 0 || m_jobs[row].state != JobState::pending) return;
    int firstPending = 0;
    while (firstPending < m_jobs.size() && m_jobs[firstPending].state != JobState::pending)
        ++firstPending;
    // Keep it behind jobs that are already finished or running, ahead of every pending one.
    move(row, firstPending);
    startNextIfIdle();
}

void JobQueue::cancel(const QString& id) {
    const int row = rowOf(id);
    if (row < 0) return;
    QueueJob& job = m_jobs[row];
    if (job.state == JobState::pending) {
        job.state = JobState::cancelled;
        changed(row);
        persist();
    } else if (job.state == JobState::running && !job.cancelRequested) {
        job.cancelRequested = true;
        job.stage = tr("cancelling");
        changed(row);
        if (m_engine) m_engine->cancel(id);
    }
}

void JobQueue::remove(const QString& id) {
    const int row = rowOf(id);
    if (row < 0 || m_jobs[row].state == JobState::running) return;
    beginRemoveRows(QModelIndex(), row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
    persist();
}

void JobQueue::clearFinished() {
    for (int row = m_jobs.size() - 1; row >= 0; --row) {
        if (!isFinished(m_jobs[row].state)) continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_jobs.removeAt(row);
        endRemoveRows();
    }
    persist();
}

int JobQueue::rowOf(const QString& id) const {
    for (int i = 0; i < m_jobs.size(); ++i)
        if (m_jobs[i].id == id) return i;
    return -1;
}

const QueueJob* JobQueue::job(const QString& id) const {
    const int row = rowOf(id);
    return row >= 0 ? &m_jobs[row] : nullptr;
}

QString JobQueue::runningJobId() const {
    for (const QueueJob& j : m_jobs)
        if (j.state == JobState::running) return j.id;
    return QString();
}

void JobQueue::startNextIfIdle() {
    if (m_paused || !m_engine || !runningJobId().isEmpty()) return;
    for (int row = 0; row < m_jobs.size(); ++row) {
        QueueJob& job = m_jobs[row];
        if (job.state != JobState::pending) continue;
        job.state = JobState::running;
        job.stage = tr("starting");
        job.step = 0;
        job.steps = job.request.steps;
        job.etaSeconds = -1;
        job.error.clear();
        changed(row);
        persist();
        m_engine->submit(job.id, job.request);
        return;
    }
}

void JobQueue::onProgress(const QString& id, const JobProgress& progress) {
    const int row = rowOf(id);
    if (row < 0) return;
    QueueJob& job = m_jobs[row];
    if (!job.cancelRequested) job.stage = progress.stage;
    job.step = progress.step;
    job.steps = progress.steps;
    job.etaSeconds = progress.etaSeconds;
    if (!progress.preview.isNull()) job.preview = progress.preview;
    changed(row);
}

void JobQueue::onFinished(const QString& id, const JobResult& result) {
    const int row = rowOf(id);
    if (row < 0) return;
    QueueJob& job = m_jobs[row];
    job.state = JobState::done;
    job.outputPath = result.outputPath;
    job.stage.clear();
    job.etaSeconds = 0;
    job.interrupted = false;
    changed(row);
    persist();
    Q_EMIT jobFinished(id, result.outputPath);
    startNextIfIdle();
}

void JobQueue::onFailed(const QString& id, const QString& message) {
    const int row = rowOf(id);
    if (row < 0) return;
    QueueJob& job = m_jobs[row];
    job.state = JobState::failed;
    job.error = message;
    job.stage.clear();
    changed(row);
    persist();
    Q_EMIT jobFailed(id, message);
    startNextIfIdle();
}

void JobQueue::onCancelled(const QString& id) {
    const int row = rowOf(id);
    if (row < 0) return;
    QueueJob& job = m_jobs[row];
    job.state = JobState::cancelled;
    job.stage.clear();
    job.etaSeconds = -1;
    changed(row);
    persist();
    startNextIfIdle();
}

void JobQueue::changed(int row) {
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

QJsonObject JobQueue::toRecord(const QueueJob& j) const {
    const QByteArray recipe =
        QByteArray::fromStdString(nava::api::request_to_json_text(j.request, -1));
    return QJsonObject{
        {QStringLiteral("id"), j.id},
        {QStringLiteral("title"), j.title},
        {QStringLiteral("project_id"), j.projectId},
        {QStringLiteral("project_path"), j.projectPath},
        {QStringLiteral("state"), stateKey(j.state)},
        {QStringLiteral("created"), j.created.toString(Qt::ISODateWithMs)},
        {QStringLiteral("interrupted"), j.interrupted},
        {QStringLiteral("output"), j.outputPath},
        {QStringLiteral("error"), j.error},
        {QStringLiteral("request"), QJsonDocument::fromJson(recipe).object()},
    };
}

bool JobQueue::fromRecord(const QJsonObject& o, QueueJob* j) const {
    j->id = o.value(QStringLiteral("id")).toString();
    if (j->id.isEmpty()) return false;
    try {
        const QByteArray recipe =
            QJsonDocument(o.value(QStringLiteral("request")).toObject()).toJson();
        j->request = nava::api::request_from_json_text(recipe.toStdString());
    } catch (const std::exception&) {
        return false;
    }
    j->title = o.value(QStringLiteral("title")).toString();
    j->projectId = o.value(QStringLiteral("project_id")).toString();
    j->projectPath = o.value(QStringLiteral("project_path")).toString();
    j->state = stateFromKey(o.value(QStringLiteral("state")).toString());
    j->created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    j->interrupted = o.value(QStringLiteral("interrupted")).toBool();
    j->outputPath = o.value(QStringLiteral("output")).toString();
    j->error = o.value(QStringLiteral("error")).toString();
    if (j->state == JobState::running) {
        j->state = JobState::pending;  // the studio stopped while it ran
        j->interrupted = true;
    }
    return true;
}

void JobQueue::persist() {
    // Before load() the file holds the previous session's jobs: never overwrite it unread.
    if (m_storePath.isEmpty() || !m_loaded) return;
    QJsonArray jobs;
    for (const QueueJob& j : m_jobs)
        jobs.append(toRecord(j));
    const QJsonObject root{{QStringLiteral("nava_queue"), 1},
                           {QStringLiteral("paused"), m_paused},
                           {QStringLiteral("jobs"), jobs}};
    QString error;
    if (!writeFileAtomically(m_storePath, QJsonDocument(root).toJson(QJsonDocument::Compact),
                             &error))
        Q_EMIT persistFailed(error);
}

bool JobQueue::load(QString* error) {
    m_loaded = true;
    if (m_storePath.isEmpty() || !QFile::exists(m_storePath)) {
        persist();
        return true;
    }
    QFile file(m_storePath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) *error = tr("the queue file is damaged: %1").arg(parseError.errorString());
        // Keep the damaged file for inspection; the queue goes on from what it holds now.
        QFile::remove(m_storePath + QStringLiteral(".damaged"));
        QFile::rename(m_storePath, m_storePath + QStringLiteral(".damaged"));
        persist();
        return false;
    }
    // Stored jobs come first; jobs added before load() (none, usually) follow.
    QVector<QueueJob> jobs;
    for (const QJsonValue& v : doc.object().value(QStringLiteral("jobs")).toArray()) {
        QueueJob j;
        if (fromRecord(v.toObject(), &j) && rowOf(j.id) < 0) jobs.push_back(j);
    }
    beginResetModel();
    m_jobs = jobs + m_jobs;
    endResetModel();
    const bool paused = m_paused || doc.object().value(QStringLiteral("paused")).toBool();
    if (paused != m_paused) {
        m_paused = paused;
        Q_EMIT pausedChanged(m_paused);
    }
    persist();
    startNextIfIdle();
    return true;
}

QJsonArray JobQueue::recordsForProject(const QString& projectId) const {
    QJsonArray out;
    for (const QueueJob& j : m_jobs)
        if (!projectId.isEmpty() && j.projectId == projectId) out.append(toRecord(j));
    return out;
}

int JobQueue::restoreRecords(const QJsonArray& records) {
    int added = 0;
    for (const QJsonValue& v : records) {
        QueueJob j;
        if (!fromRecord(v.toObject(), &j) || rowOf(j.id) >= 0 || j.state != JobState::pending)
            continue;
        beginInsertRows(QModelIndex(), m_jobs.size(), m_jobs.size());
        m_jobs.push_back(j);
        endInsertRows();
        ++added;
    }
    if (added > 0) {
        persist();
        startNextIfIdle();
    }
    return added;
}

}  // namespace nava::ui
