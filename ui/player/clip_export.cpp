#include "ui/player/clip_export.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "media/audio_reader.h"
#include "media/export.h"
#include "media/video_reader.h"

namespace nava::ui {
namespace {

class ExportText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::ExportText)
};

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

}  // namespace

bool copyClipFile(const QString& source, const QString& target, QString* error) {
    if (QFileInfo(source).canonicalFilePath() == QFileInfo(target).canonicalFilePath() &&
        QFileInfo::exists(target)) {
        if (error) *error = ExportText::tr("the copy would replace the clip itself");
        return false;
    }
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) *error = in.errorString();
        return false;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error) *error = out.errorString();
        return false;
    }
    QByteArray chunk;
    while (!(chunk = in.read(1 << 20)).isEmpty()) {
        if (out.write(chunk) != chunk.size()) {
            if (error) *error = out.errorString();
            out.cancelWriting();
            return false;
        }
    }
    if (in.error() != QFile::NoError) {
        if (error) *error = in.errorString();
        out.cancelWriting();
        return false;
    }
    if (!out.commit()) {
        if (error) *error = out.errorString();
        return false;
    }
    return true;
}

bool exportClipSound(const QString& source, const QString& target, QString* error) {
    try {
        const nava::media::AudioBuffer audio = nava::media::read_audio(toPath(source));
        nava::media::export_wav(toPath(target), audio);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

bool exportFramePng(const nava::media::VideoFrame& frame, const QString& target, QString* error) {
    if (frame.width <= 0 || frame.height <= 0 || frame.rgb.empty()) {
        if (error) *error = ExportText::tr("there is no picture on screen");
        return false;
    }
    try {
        nava::media::write_png(toPath(target), frame.width, frame.height, frame.rgb.data());
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

QImage frameToImage(const nava::media::VideoFrame& frame) {
    if (frame.width <= 0 || frame.height <= 0 ||
        frame.rgb.size() < size_t(frame.width) * size_t(frame.height) * 3)
        return QImage();
    return QImage(frame.rgb.data(), frame.width, frame.height, frame.width * 3,
                  QImage::Format_RGB888)
        .copy();
}

QString formatClipTime(qint64 ms) {
    ms = std::max<qint64>(0, ms);
    const qint64 hundredths = (ms / 10) % 100;
    const qint64 seconds = (ms / 1000) % 60;
    const qint64 minutes = (ms / 60000) % 60;
    const qint64 hours = ms / 3600000;
    const QString tail = QStringLiteral("%1.%2")
                             .arg(seconds, 2, 10, QChar(u'0'))
                             .arg(hundredths, 2, 10, QChar(u'0'));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QChar(u'0')).arg(tail);
    return QStringLiteral("%1:%2").arg(minutes).arg(tail);
}

}  // namespace nava::ui
