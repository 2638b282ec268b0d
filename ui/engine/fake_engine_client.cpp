#include "ui/engine/fake_engine_client.h"

#include <algorithm>
#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>

#include "media/capabilities.h"
#include "media/export.h"

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
        info.description = m_renderClips ? tr("Simulated generation: clips are painted previews")
                                         : tr("Simulated generation: no clip is rendered yet");
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
    p.stageKey = QStringLiteral("denoise");
    p.step = m_step;
    p.steps = m_steps;
    p.etaSeconds = (m_steps - m_step) * m_timer.interval() / 1000.0;
    p.preview = previewFor(m_step);
    Q_EMIT progress(id, p);
    if (m_step < m_steps) return;
    m_timer.stop();
    m_running.clear();
    QString renderError;
    if (m_renderClips && !renderClip(&renderError)) {
        Q_EMIT failed(id, renderError);
        startNext();
        return;
    }
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

bool FakeEngineClient::renderClip(QString* error) const {
    const QString path = QString::fromStdString(m_request.output_path);
    if (path.isEmpty()) return true;
    const bool picture = m_request.mode != nava::api::Mode::text_to_audio;
    if (picture && !nava::media::capabilities().ffmpeg) return true;  // nothing to encode with
    const double seconds = std::clamp(m_request.duration_s, 0.5, 20.0);
    const uint seed = uint(m_request.seed);

    // 1. Sound: syllable-like bursts at a seed-chosen pitch over a soft hum.
    nava::media::AudioBuffer audio;
    audio.sample_rate_hz = 48000;
    audio.channels = 1;
    const double pitch = 140.0 + (seed % 9) * 15.0;
    const int samples = int(seconds * audio.sample_rate_hz);
    audio.samples.resize(size_t(samples));
    for (int i = 0; i < samples; ++i) {
        const double t = double(i) / audio.sample_rate_hz;
        const double syllables = std::pow(std::max(0.0, std::sin(2 * M_PI * 2.3 * t)), 2);
        audio.samples[size_t(i)] = float(0.3 * syllables * std::sin(2 * M_PI * pitch * t) +
                                         0.04 * std::sin(2 * M_PI * 55.0 * t));
    }

    // 2. Picture: the preview scene, small, with the sun crossing the sky.
    nava::media::VideoBuffer video;
    if (picture) {
        const int w = 320;
        const int h =
            std::max(2, (w * std::max(1, m_request.height) / std::max(1, m_request.width)) & ~1);
        video.width = w;
        video.height = h;
        video.fps = {24, 1};
        const int frames = std::max(1, int(std::lround(seconds * 24)));
        video.rgb.reserve(size_t(frames) * size_t(w) * size_t(h) * 3);
        const QColor sky = QColor::fromHsv(int(seed % 360), 120, 230);
        const QColor ground = QColor::fromHsv(int((seed / 7) % 360), 160, 110);
        QImage image(w, h, QImage::Format_RGB888);
        for (int f = 0; f < frames; ++f) {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.fillRect(0, 0, w, h * 6 / 10, sky);
            painter.fillRect(0, h * 6 / 10, w, h - h * 6 / 10, ground);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 230, 150));
            const double x = w * (0.15 + 0.7 * f / std::max(1, frames - 1));
            painter.drawEllipse(QPointF(x, h * 0.3), h * 0.12, h * 0.12);
            painter.end();
            for (int y = 0; y < h; ++y) {
                const uchar* line = image.constScanLine(y);
                video.rgb.insert(video.rgb.end(), line, line + w * 3);
            }
        }
    }

    // 3. The file, with the recipe in it.
    QDir().mkpath(QFileInfo(path).absolutePath());
    try {
        const std::filesystem::path file(QFile::encodeName(path).toStdString());
        if (picture) {
            nava::media::ExportOptions options;
            options.preset = "veryfast";
            options.recipe_json = nava::api::request_to_json_text(m_request, -1);
            nava::media::export_mp4(file, &video, &audio, options);
        } else {
            nava::media::export_wav(file, audio);
        }
    } catch (const std::exception& e) {
        if (error)
            *error = tr("Cannot write the preview clip: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

}  // namespace nava::ui
