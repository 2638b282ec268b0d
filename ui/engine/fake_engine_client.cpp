#include "ui/engine/fake_engine_client.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>

namespace nava::ui {

FakeEngineClient::FakeEngineClient(QObject* parent) : EngineClient(parent) {
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &FakeEngineClient::onTick);
}

void FakeEngineClient::setStepIntervalMs(int ms) {
    m_timer.setInterval(std::max(1, ms));
}

void FakeEngineClient::failAtStep(const QString& jobId, int step, const QString& message) {
    m_failures.insert(jobId, {step, message});
}

void FakeEngineClient::loadPackage(const QString& path) {
    // Answer later, as a real engine would (signals are never emitted from inside a call).
    QTimer::singleShot(0, this, [this, path] {
        if (!path.isEmpty() && !QFileInfo(path).isDir()) {
            Q_EMIT packageFailed(path, tr("%1 is not a model package folder").arg(path));
            return;
        }
        PackageInfo info;
        info.path = path;
        info.name = path.isEmpty() ? tr("Preview engine") : QDir(path).dirName();
        info.description = tr("Simulated generation: no clip is rendered yet");
        info.modes = {QStringLiteral("t2av"), QStringLiteral("i2av"), QStringLiteral("t2a")};
        Q_EMIT packageLoaded(info);
    });
}

void FakeEngineClient::submit(const QString& jobId, const nava::api::GenerationRequest& request) {
    m_submitted << jobId;
    m_queue.enqueue({jobId, request});
    if (m_running.isEmpty()) QTimer::singleShot(0, this, &FakeEngineClient::startNext);
}

void FakeEngineClient::cancel(const QString& jobId) {
    if (jobId == m_running) {
        m_timer.stop();
        m_running.clear();
        QTimer::singleShot(0, this, [this, jobId] {
            Q_EMIT cancelled(jobId);
            startNext();
        });
        return;
    }
    for (int i = 0; i < m_queue.size(); ++i) {
        if (m_queue[i].id == jobId) {
            m_queue.removeAt(i);
            QTimer::singleShot(0, this, [this, jobId] { Q_EMIT cancelled(jobId); });
            return;
        }
    }
}

void FakeEngineClient::startNext() {
    if (!m_running.isEmpty() || m_queue.isEmpty()) return;
    const Pending next = m_queue.dequeue();
    m_running = next.id;
    m_request = next.request;
    m_step = 0;
    m_steps = m_stepsOverride > 0 ? m_stepsOverride : std::max(1, next.request.steps);
    m_timer.start();
}

void FakeEngineClient::onTick() {
    if (m_running.isEmpty()) return;
    ++m_step;
    const QString id = m_running;
    const Failure failure = m_failures.value(id, m_failures.value(QString()));
    if (failure.step > 0 && m_step >= failure.step) {
        m_timer.stop();
        m_running.clear();
        Q_EMIT failed(id, failure.message);
        startNext();
        return;
    }
    JobProgress p;
    p.stage = tr("sampling");
    p.step = m_step;
    p.steps = m_steps;
    p.etaSeconds = (m_steps - m_step) * m_timer.interval() / 1000.0;
    p.preview = previewFor(m_step);
    Q_EMIT progress(id, p);
    if (m_step < m_steps) return;
    m_timer.stop();
    m_running.clear();
    JobResult result;
    result.outputPath = QString::fromStdString(m_request.output_path);
    result.recipeJson = QString::fromStdString(nava::api::request_to_json_text(m_request));
    Q_EMIT finished(id, result);
    startNext();
}

QImage FakeEngineClient::previewFor(int step) const {
    // A small frame that sharpens as steps go by: noise fading into a seed-coloured scene.
    const int w = 96;
    const int h = std::max(16, w * std::max(1, m_request.height) / std::max(1, m_request.width));
    QImage image(w, h, QImage::Format_RGB32);
    const double clarity = double(step) / std::max(1, m_steps);
    const uint seed = uint(m_request.seed);
    const QColor sky = QColor::fromHsv(int(seed % 360), 120, 230);
    const QColor ground = QColor::fromHsv(int((seed / 7) % 360), 160, 110);
    quint32 noise = seed * 2654435761u + 1;
    for (int y = 0; y < h; ++y) {
        QRgb* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const QColor base = y < h * 0.6 ? sky : ground;
        for (int x = 0; x < w; ++x) {
            noise = noise * 1664525u + 1013904223u;
            const int n = int(noise >> 24);
            auto mix = [&](int c) { return int(c * clarity + n * (1.0 - clarity)); };
            line[x] = qRgb(mix(base.red()), mix(base.green()), mix(base.blue()));
        }
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor sun(255, 230, 150);
    sun.setAlphaF(clarity);
    painter.setBrush(sun);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPointF(w * 0.72, h * 0.3), h * 0.14, h * 0.14);
    return image;
}

}  // namespace nava::ui
