#include "media/capabilities.h"

#include "nava/build_config.h"

#if NAVA_HAVE_FFMPEG
extern "C" {
#include <libavformat/avformat.h>
}
#endif
#if NAVA_HAVE_PORTAUDIO
#include <portaudio.h>
#endif

namespace nava::media {

Capabilities capabilities() {
    Capabilities c;
#if NAVA_HAVE_FFMPEG
    c.ffmpeg = true;
    c.ffmpeg_version = av_version_info();
#endif
#if NAVA_HAVE_PORTAUDIO
    c.portaudio = true;
    c.portaudio_version = Pa_GetVersionText();
#endif
    return c;
}

}  // namespace nava::media
