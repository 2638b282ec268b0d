// The table of parity components this build implements. Each engine component adds one line.
#include "inference/parity/parity.h"

#include "inference/models/video_vae/video_vae_parity.h"

namespace nava::parity {

const std::vector<Component>& implemented_components() {
    static const std::vector<Component> table = {
        {"video_vae", video_vae::run_video_vae_parity},
    };
    return table;
}

const std::vector<std::string>& known_components() {
    static const std::vector<std::string> names = {
        "dit", "sampler", "t5", "speaker_context", "speaker", "video_vae", "audio_vae", "pipeline",
    };
    return names;
}

}  // namespace nava::parity
