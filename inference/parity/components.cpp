// The table of parity components this build implements. Each engine component adds one line.
#include "inference/parity/parity.h"

#include "inference/models/audio_vae/audio_vae_parity.h"

namespace nava::parity {

const std::vector<Component>& implemented_components() {
    static const std::vector<Component> table = {
        {"audio_vae", audio_vae::run_audio_vae_parity},
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
