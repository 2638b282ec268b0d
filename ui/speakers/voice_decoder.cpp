#include "ui/speakers/voice_decoder.h"

#include <QFileInfo>

#include "media/media_error.h"
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

std::unique_ptr<VoiceDecoder> makeDefaultVoiceDecoder() {
    return std::make_unique<WavVoiceDecoder>();
}

}  // namespace nava::ui
