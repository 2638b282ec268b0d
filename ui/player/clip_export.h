// Saving parts of a clip from the player: the clip itself (an exact copy, so the recipe in its
// metadata stays), its sound as WAV, the picture on screen as PNG. Every function writes
// atomically (all or nothing) and returns false with a message instead of throwing.
#pragma once

#include <QImage>
#include <QString>

namespace nava::media {
struct VideoFrame;
}

namespace nava::ui {

bool copyClipFile(const QString& source, const QString& target, QString* error);
bool exportClipSound(const QString& source, const QString& target, QString* error);
bool exportFramePng(const nava::media::VideoFrame& frame, const QString& target, QString* error);

// A deep copy of a decoded RGB frame as an image.
QImage frameToImage(const nava::media::VideoFrame& frame);

// "1:05.25" (minutes:seconds.hundredths); hours are added for long media.
QString formatClipTime(qint64 ms);

}  // namespace nava::ui
