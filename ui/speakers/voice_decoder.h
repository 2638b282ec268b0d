// Turning a reference-voice file into samples: WAV through nava::media's own reader, anything
// FFmpeg reads (MP3, FLAC, OGG, M4A, the sound of a video) through media::read_audio. The
// default decoder is the FFmpeg one when the build has FFmpeg.
#pragma once

#include <memory>

#include <QString>
#include <QStringList>

#include "media/buffers.h"

namespace nava::ui {

struct DecodedAudio {
    nava::media::AudioBuffer audio;
    QString error;           // "" on success
    bool fromVideo = false;  // the file is a video: only its sound is the voice
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

// Any audio or video file FFmpeg reads (its best audio stream, at the file's own rate and
// channel count). Voices longer than kMaxVoiceSeconds are cut there.
class FfmpegVoiceDecoder final : public VoiceDecoder {
public:
    static constexpr double kMaxVoiceSeconds = 120.0;
    QStringList nameFilters() const override;
    bool canDecode(const QString& path) const override;
    DecodedAudio decode(const QString& path) const override;
};

std::unique_ptr<VoiceDecoder> makeDefaultVoiceDecoder();

}  // namespace nava::ui
