#include "ui/speakers/voice_decoder.h"

#include <QFile>
#include <QFileInfo>

#include "media/audio_reader.h"
#include "media/capabilities.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/wav.h"

namespace nava::ui {

QStringList WavVoiceDecoder::nameFilters() const {
    return {QStringLiteral("*.wav"), QStringLiteral("*.wave")};
}

bool WavVoiceDecoder::canDecode(const QString& path) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"wav" || suffix == u"wave";
}

DecodedAudio WavVoiceDecoder::decode(const QString& path) const {
    DecodedAudio out;
    try {
        out.audio = nava::media::read_wav(std::filesystem::path(path.toStdString()));
        if (out.audio.frames() == 0) out.error = QStringLiteral("%1: no audio samples").arg(path);
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

QStringList FfmpegVoiceDecoder::nameFilters() const {
    return {QStringLiteral("*.wav"), QStringLiteral("*.flac"), QStringLiteral("*.mp3"),
            QStringLiteral("*.ogg"), QStringLiteral("*.oga"),  QStringLiteral("*.opus"),
            QStringLiteral("*.m4a"), QStringLiteral("*.aac"),  QStringLiteral("*.mp4"),
            QStringLiteral("*.mov"), QStringLiteral("*.mkv"),  QStringLiteral("*.webm")};
}

bool FfmpegVoiceDecoder::canDecode(const QString& path) const {
    const std::string suffix = QFileInfo(path).suffix().toLower().toStdString();
    return nava::media::capabilities().ffmpeg && nava::media::is_media_extension(suffix) &&
           !QStringList({QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                         QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("gif")})
                .contains(QString::fromStdString(suffix));
}

DecodedAudio FfmpegVoiceDecoder::decode(const QString& path) const {
    DecodedAudio out;
    const std::filesystem::path file(QFile::encodeName(path).toStdString());
    try {
        const nava::media::MediaInfo info = nava::media::probe(file);
        const auto* video = info.best_video();
        out.fromVideo = video && !video->attached_picture && !info.is_image;
        out.audio = nava::media::read_audio(file, {}, kMaxVoiceSeconds);
        if (out.audio.frames() == 0) out.error = QStringLiteral("%1: no audio samples").arg(path);
    } catch (const std::exception& e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

std::unique_ptr<VoiceDecoder> makeDefaultVoiceDecoder() {
    if (nava::media::capabilities().ffmpeg) return std::make_unique<FfmpegVoiceDecoder>();
    return std::make_unique<WavVoiceDecoder>();
}

}  // namespace nava::ui
