// Turning a reference-voice file into samples. WAV is read by nava::media today; FFmpeg import
// (MP3, FLAC, the audio track of a video) plugs in as another VoiceDecoder.
#pragma once

#include <memory>

#include <QString>
#include <QStringList>

#include "media/buffers.h"

namespace nava::ui {

struct DecodedAudio {
    nava::media::AudioBuffer audio;
    QString error;  // "" on success
    bool ok() const { return error.isEmpty(); }
};

class VoiceDecoder {
public:
    virtual ~VoiceDecoder() = default;
    virtual QStringList nameFilters() const = 0;  // for file dialogs: "*.wav", …
    virtual bool canDecode(const QString& path) const = 0;
    virtual DecodedAudio decode(const QString& path) const = 0;  // never throws
};

class WavVoiceDecoder final : public VoiceDecoder {
public:
    QStringList nameFilters() const override;
    bool canDecode(const QString& path) const override;
    DecodedAudio decode(const QString& path) const override;
};

std::unique_ptr<VoiceDecoder> makeDefaultVoiceDecoder();

}  // namespace nava::ui
