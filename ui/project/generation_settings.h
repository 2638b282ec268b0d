// The generation settings of a project, and the model's grids they must fall on.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include "inference/api/request.h"

namespace nava::ui {

enum class SeedMode { fixed, increment, random };

struct GenerationSettings {
    nava::api::Mode mode = nava::api::Mode::text_to_audio_video;
    QString firstFrameImage;  // image for the first-frame mode (absolute path)
    int width = 1280;
    int height = 704;
    double durationS = 5.0;  // always on the latent grid (see snapDuration)
    qint64 seed = 42;        // 0 .. 2^31-1, exact in JSON and in spin boxes
    SeedMode seedMode = SeedMode::fixed;
    int steps = 50;
    nava::api::Solver solver = nava::api::Solver::unipc;
    double shift = 5.0;
    nava::api::GuidanceSettings guidance;
    QString memoryProfile = QStringLiteral("auto");
    QString package;  // model package folder; "" = the embedded default

    bool operator==(const GenerationSettings& o) const;
    bool operator!=(const GenerationSettings& o) const { return !(*this == o); }
};

// Video runs at 24 fps and the video VAE compresses time 4x, so a clip of s seconds has
// 6·s + 1 latent frames (24·s + 1 video frames). Durations snap to whole latent frames.
inline constexpr double kVideoFps = 24.0;
inline constexpr int kLatentFramesPerSecond = 6;
inline constexpr double kMinDurationS = 1.0;
inline constexpr double kMaxDurationS = 20.0;
inline constexpr qint64 kMaxSeed = 2147483647;

struct DurationOnGrid {
    double seconds = 0.0;
    int latentFrames = 0;
    int videoFrames = 0;
};

DurationOnGrid snapDuration(double seconds);

struct ResolutionPreset {
    QString aspect;  // "16:9", "9:16", "1:1", "4:3"
    int width = 0;
    int height = 0;
};

// Sizes are multiples of 32 (16x spatial compression x 2x2 patches); 1280x704 is the model's
// native 16:9 size.
const QVector<ResolutionPreset>& resolutionPresets();
QStringList aspectRatios();

// "auto" and the named memory profiles of the engine (see specs/release.md).
QStringList memoryProfileNames();

QJsonObject settingsToJson(const GenerationSettings& settings);
GenerationSettings settingsFromJson(const QJsonObject& json);  // absent keys keep defaults

QString seedModeName(SeedMode mode);
SeedMode seedModeFromName(const QString& name);

}  // namespace nava::ui
