// The table of parity components this build implements. Each engine component adds one line.
#include "inference/parity/parity.h"

#include "inference/models/audio_vae/audio_vae_parity.h"
#include "inference/models/dit/dit_parity.h"
#include "inference/models/speaker/speaker_parity.h"
#include "inference/models/t5/t5_parity.h"
#include "inference/models/video_vae/video_vae_parity.h"
#include "inference/pipeline/pipeline_parity.h"
#include "inference/sampling/sampler_parity.h"

namespace nava::parity {

const std::vector<Component>& implemented_components() {
    static const std::vector<Component> table = {
        {"dit", dit::run_dit_parity},
        {"speaker_context", dit::run_speaker_context_parity},
        {"sampler", sampling::run_sampler_parity},
        {"t5", t5::run_t5_parity},
        {"speaker", speaker::run_speaker_parity},
        {"audio_vae", audio_vae::run_audio_vae_parity},
        {"video_vae", video_vae::run_video_vae_parity},
        {"pipeline", pipeline::run_pipeline_parity},
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
