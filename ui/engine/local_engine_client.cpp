#include "ui/engine/local_engine_client.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMutexLocker>

namespace nava::ui {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList qsList(const std::vector<std::string>& v) {
    QStringList out;
    out.reserve(int(v.size()));
    for (const std::string& s : v)
        out << qs(s);
    return out;
}

// "1.2 M" / "5.9 B" parameters; "" when unknown.
QString parameterCount(int64_t n) {
    if (n <= 0) return QString();
    if (n >= 1'000'000'000) return QStringLiteral("%1 B").arg(double(n) / 1e9, 0, 'f', 1);
    if (n >= 1'000'000) return QStringLiteral("%1 M").arg(double(n) / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 K").arg(double(n) / 1e3, 0, 'f', 1);
}

// Two spellings of one folder count as the same package: switching would reload every weight.
bool samePackage(const QString& a, const QString& b) {
    if (a == b) return true;
    const QString ca = QFileInfo(a).canonicalFilePath();
    return !ca.isEmpty() && ca == QFileInfo(b).canonicalFilePath();
}

}  // namespace

LocalEngineClient::LocalEngineClient(QObject* parent, nava::pipeline::EngineOptions options)
    : EngineClient(parent),
      m_engine(std::make_unique<nava::pipeline::GenerationEngine>(std::move(options))) {
    qRegisterMetaType<nava::ui::JobProgress>();
    qRegisterMetaType<nava::ui::JobResult>();
    qRegisterMetaType<nava::ui::PackageInfo>();

    // Every callback runs on the worker thread and posts to this object's (the GUI) thread.
    // Package infos and results are converted on the worker; progress on the GUI thread, where
    // the job's step count lives. A queued call to a deleted object is dropped, and the
    // destructor stops the worker before this object goes away.
    nava::pipeline::GenerationEngine::Callbacks cb;
    cb.package_loaded = [this](const nava::pipeline::PackageInfo& info) {
        QString requested;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_pendingLoads.isEmpty()) requested = m_pendingLoads.takeFirst();
            m_waitingOnPackage.remove(requested);
        }
        const PackageInfo ui = toUi(info);
        QMetaObject::invokeMethod(
            this, [this, ui, requested] { deliverPackageLoaded(ui, requested); },
            Qt::QueuedConnection);
    };
    cb.package_failed = [this](const std::string& path, const std::string& message) {
        onWorkerPackageFailed(path, message);
    };
    cb.progress = [this](const nava::pipeline::JobProgress& progress) {
        const QString id = qs(progress.job_id);
        QMetaObject::invokeMethod(
            this, [this, id, progress] { deliverProgress(id, progress); }, Qt::QueuedConnection);
    };
    cb.finished = [this](const nava::pipeline::JobResult& result) {
        const QString id = qs(result.job_id);
        const JobResult ui = toUi(result);
        QMetaObject::invokeMethod(
            this,
            [this, id, ui] {
                deliverEnd(id);
                Q_EMIT finished(id, ui);
            },
            Qt::QueuedConnection);
    };
    cb.failed = [this](const std::string& jobId, const std::string& message) {
        const QString id = qs(jobId);
        const QString text = qs(message);
        QMetaObject::invokeMethod(
            this,
            [this, id, text] {
                deliverEnd(id);
                Q_EMIT failed(id, text);
            },
            Qt::QueuedConnection);
    };
    cb.cancelled = [this](const std::string& jobId) {
        const QString id = qs(jobId);
        QString loadError;
        {
            QMutexLocker lock(&m_mutex);
            loadError = m_loadFailures.take(id);
        }
        QMetaObject::invokeMethod(
            this,
            [this, id, loadError] {
                deliverEnd(id);
                // Cancelled by us because its package did not load: that is a failure.
                if (loadError.isEmpty())
                    Q_EMIT cancelled(id);
                else
                    Q_EMIT failed(id, loadError);
            },
            Qt::QueuedConnection);
    };
    m_engine->start(std::move(cb));
}

LocalEngineClient::~LocalEngineClient() {
    m_engine->stop();
}

QString LocalEngineClient::noPackageMessage() {
    return tr(
        "No model package found. Download the official weights (Hugging Face repository "
        "ernie-research/NAVA; see the README, section \"Official weights\"), add their "
        "folder under Settings → Model folders, then choose it under Model on the Create "
        "tab and press Load. Or set NAVA_PACKAGE to a package folder before starting the "
        "studio.");
}

QString LocalEngineClient::stageText(const QString& key) {
    if (key == u"load") return tr("loading the model");
    if (key == u"text") return tr("encoding text");
    if (key == u"voices") return tr("encoding voices");
    if (key == u"denoise") return tr("sampling");
    if (key == u"decode_video") return tr("decoding video");
    if (key == u"decode_audio") return tr("decoding audio");
    if (key == u"export") return tr("writing the clip");
    return key;
}

PackageInfo LocalEngineClient::toUi(const nava::pipeline::PackageInfo& info) {
    PackageInfo out;
    out.path = qs(info.path);
    out.name = info.name.empty() ? QDir(out.path).dirName() : qs(info.name);
    const bool video = info.default_width > 0 && info.default_height > 0;
    out.modes =
        video ? QStringList{QStringLiteral("t2av"), QStringLiteral("i2av"), QStringLiteral("t2a")}
              : QStringList{QStringLiteral("t2a")};
    out.voicesSupported = info.voices_supported;
    out.warnings = qsList(info.warnings);
    out.defaultWidth = info.default_width;
    out.defaultHeight = info.default_height;
    out.defaultSteps = info.default_steps;
    out.defaultDurationS = info.default_duration_s;
    out.defaultShift = info.default_shift;
    out.defaultSolver = info.default_solver;
    out.defaultGuidance = info.default_guidance;
    QStringList parts;
    const QString params = parameterCount(info.dit_parameters);
    if (!params.isEmpty()) parts << tr("%1 parameters").arg(params);
    if (video) parts << QStringLiteral("%1×%2").arg(info.default_width).arg(info.default_height);
    if (info.default_steps > 0) parts << tr("%n steps", nullptr, info.default_steps);
    if (info.fp8_available) parts << QStringLiteral("fp8");
    if (!info.voices_supported) parts << tr("no voice cloning");
    parts << out.path;
    out.description = parts.join(QStringLiteral(" · "));
    return out;
}

JobResult LocalEngineClient::toUi(const nava::pipeline::JobResult& result) {
    JobResult out;
    out.outputPath = qs(result.output_path);
    out.recipeJson = qs(result.recipe_json);
    out.extraFiles = qsList(result.extra_files);
    out.warnings = qsList(result.warnings);
    out.seconds = result.seconds;
    return out;
}

JobProgress LocalEngineClient::toUi(const nava::pipeline::JobProgress& p, int requestSteps) {
    JobProgress out;
    out.stageKey = qs(p.stage);
    out.stage = stageText(out.stageKey);
    out.elapsedSeconds = p.elapsed_s;
    if (p.stage == "denoise") {
        out.step = int(p.step);
        out.steps = int(p.steps);
        out.etaSeconds = p.eta_s;
    } else {
        const bool before = p.stage == "load" || p.stage == "text" || p.stage == "voices";
        out.steps = requestSteps;
        out.step = before ? 0 : requestSteps;
        out.etaSeconds = -1;
    }
    const size_t expected = size_t(p.preview_width) * size_t(p.preview_height) * 3;
    if (p.preview_width > 0 && p.preview_height > 0 && p.preview_rgb.size() >= expected) {
        const QImage view(p.preview_rgb.data(), p.preview_width, p.preview_height,
                          p.preview_width * 3, QImage::Format_RGB888);
        out.preview = view.copy();  // owns its pixels; the engine's buffer goes away
    }
    return out;
}

void LocalEngineClient::loadPackage(const QString& path) {
    QString resolved = path;
    if (resolved.isEmpty()) resolved = qs(nava::pipeline::default_package_path());
    if (resolved.isEmpty()) {
        // Nothing to load: say so (queued, as the contract wants) and where to get a model.
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT packageFailed(QString(), noPackageMessage()); },
            Qt::QueuedConnection);
        return;
    }
    m_requestedPath = resolved;
    QMutexLocker lock(&m_mutex);
    m_pendingLoads << resolved;
    m_engine->submit_load(resolved.toStdString());
}

void LocalEngineClient::submit(const QString& jobId, const nava::api::GenerationRequest& request) {
    const QString package = qs(request.package);
    if (!package.isEmpty() && !samePackage(package, m_requestedPath)) loadPackage(package);
    if (m_requestedPath.isEmpty()) {
        const QString message = m_lastLoadError.isEmpty()
                                    ? noPackageMessage()
                                    : tr("No model package is loaded: %1").arg(m_lastLoadError);
        QMetaObject::invokeMethod(
            this, [this, jobId, message] { Q_EMIT failed(jobId, message); }, Qt::QueuedConnection);
        return;
    }
    m_jobs.insert(jobId, Job{request.steps, -1.0});
    // Behind a load that has not answered yet: if it fails, so does this job. Submitted under
    // the lock, so that the worker's cancellation on a failed load always finds it queued.
    QMutexLocker lock(&m_mutex);
    if (m_pendingLoads.contains(m_requestedPath)) m_waitingOnPackage[m_requestedPath] << jobId;
    m_engine->submit(jobId.toStdString(), request);
}

void LocalEngineClient::cancel(const QString& jobId) {
    if (!m_jobs.contains(jobId)) return;
    m_engine->cancel(jobId.toStdString());
}

void LocalEngineClient::onWorkerPackageFailed(const std::string& path, const std::string& message) {
    const QString requested = qs(path);
    const QString text = qs(message);
    {
        // The jobs queued behind this load must not run on whatever model is open instead:
        // cancel them now (they are still queued), and report the cancellation as this failure.
        QMutexLocker lock(&m_mutex);
        m_pendingLoads.removeOne(requested);
        for (const QString& id : m_waitingOnPackage.take(requested)) {
            m_loadFailures.insert(id, tr("The model package %1 could not be loaded: %2")
                                          .arg(QDir::toNativeSeparators(requested), text));
            m_engine->cancel(id.toStdString());
        }
    }
    QMetaObject::invokeMethod(
        this, [this, requested, text] { deliverPackageFailed(requested, text); },
        Qt::QueuedConnection);
}

void LocalEngineClient::deliverPackageLoaded(const PackageInfo& info, const QString& requested) {
    m_loadedPath = requested.isEmpty() ? info.path : requested;
    m_lastLoadError.clear();
    Q_EMIT packageLoaded(info);
}

void LocalEngineClient::deliverPackageFailed(const QString& path, const QString& message) {
    // The engine keeps the model it had: later jobs go to that one again.
    if (path == m_requestedPath) m_requestedPath = m_loadedPath;
    m_lastLoadError = message;
    Q_EMIT packageFailed(path, message);
}

void LocalEngineClient::deliverProgress(const QString& jobId,
                                        const nava::pipeline::JobProgress& progress) {
    const auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) return;  // ended already
    JobProgress ui = toUi(progress, it->steps);
    // Preview events carry no ETA of their own: keep showing the last one.
    if (ui.stageKey == u"denoise") {
        if (ui.etaSeconds < 0)
            ui.etaSeconds = it->eta;
        else
            it->eta = ui.etaSeconds;
    }
    Q_EMIT this->progress(jobId, ui);
}

void LocalEngineClient::deliverEnd(const QString& jobId) {
    m_jobs.remove(jobId);
}

}  // namespace nava::ui
