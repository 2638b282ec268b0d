// Clips made in the tests themselves (media::export_mp4): each frame a flat colour whose red
// channel tells its index, so a test can see which frame is on screen; a tone for sound.
#pragma once

#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QString>

#include "media/export.h"
#include "media/wav.h"

namespace nava::test {

inline constexpr int kClipWidth = 160;
inline constexpr int kClipHeight = 96;
inline constexpr int kRedStep = 5;  // red = 10 + index * kRedStep

inline int redOfFrame(int index) {
    return 10 + index * kRedStep;
}

// The frame index a picture shows (by its centre pixel), -1 when it is not one of ours.
inline int frameIndexOf(const QImage& image) {
    if (image.isNull()) return -1;
    const QColor c = image.pixelColor(image.width() / 2, image.height() / 2);
    return int(std::lround((c.red() - 10) / double(kRedStep)));
}

inline nava::media::AudioBuffer tone(double seconds, int rate = 48000, double hz = 330.0) {
    nava::media::AudioBuffer audio;
    audio.sample_rate_hz = rate;
    audio.channels = 2;
    const int n = int(seconds * rate);
    for (int i = 0; i < n; ++i) {
        const double t = double(i) / rate;
        const double envelope = 0.25 + 0.2 * std::sin(2 * M_PI * 1.5 * t);
        const float v = float(envelope * std::sin(2 * M_PI * hz * t));
        audio.samples.push_back(v);
        audio.samples.push_back(v);
    }
    return audio;
}

// `hue` tints the picture (green/blue) so that gallery cards differ.
inline void writeClip(const QString& path, int frames, int fps, bool withSound,
                      const std::string& recipe = std::string(), int hue = 0) {
    nava::media::VideoBuffer video;
    video.width = kClipWidth;
    video.height = kClipHeight;
    video.fps = {fps, 1};
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < kClipHeight; ++y)
            for (int x = 0; x < kClipWidth; ++x) {
                // A horizon and a sun for the eye; the centre stays flat for frameIndexOf.
                const bool sky = y < kClipHeight * 6 / 10;
                const int sunX = 20 + f * 3, sunY = 22;
                const bool sun = (x - sunX) * (x - sunX) + (y - sunY) * (y - sunY) < 90;
                const bool centre =
                    std::abs(x - kClipWidth / 2) < 14 && std::abs(y - kClipHeight / 2) < 10;
                uint8_t r = uint8_t(redOfFrame(f)), g, b;
                if (centre) {
                    g = 128;
                    b = 128;
                } else if (sun) {
                    r = 255;
                    g = 220;
                    b = 120;
                } else if (sky) {
                    g = uint8_t((120 + hue * 40) % 256);
                    b = uint8_t((200 + hue * 25) % 256);
                } else {
                    g = uint8_t((70 + hue * 30) % 256);
                    b = 60;
                }
                video.rgb.push_back(r);
                video.rgb.push_back(g);
                video.rgb.push_back(b);
            }
    const nava::media::AudioBuffer audio = tone(double(frames) / fps);
    QDir().mkpath(QFileInfo(path).absolutePath());
    nava::media::ExportOptions options;
    options.preset = "ultrafast";
    options.crf = 10;
    options.recipe_json = recipe;
    nava::media::export_mp4(QFile::encodeName(path).toStdString(), &video,
                            withSound ? &audio : nullptr, options);
}

}  // namespace nava::test
