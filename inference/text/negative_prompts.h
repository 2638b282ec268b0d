// The fixed negative prompts of the reference pipeline (exact strings; they are cleaned and
// tokenized like any prompt).
#pragma once

#include <string_view>
#include <vector>

namespace nava::text {

enum class NegativePrompt {
    VideoMmdit,        // joint model (MMDiT config): video terms + audio-artefact terms
    VideoNonMmdit,     // video terms only
    Audio,             // audio-only mode
    Dmd2TeacherVideo,  // the DMD2 distillation teacher
};

std::string_view negative_prompt(NegativePrompt which);

// Stable names used in configs and fixtures ("video_mmdit", "video_non_mmdit", "audio",
// "dmd2_teacher_video").
std::string_view negative_prompt_name(NegativePrompt which);
const std::vector<NegativePrompt>& all_negative_prompts();

}  // namespace nava::text
