// What this build of the media library can do.
#pragma once

#include <string>

namespace nava::media {

struct Capabilities {
    bool ffmpeg = false;     // MP4/MOV/MKV/... import and export
    bool portaudio = false;  // audio playback
    std::string ffmpeg_version;
    std::string portaudio_version;
};

Capabilities capabilities();

}  // namespace nava::media
