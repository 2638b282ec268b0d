// What a user asks the engine for, as plain data (no torch): the studio, the CLI and the
// recipe stored in every exported clip all speak this struct. Serialised as JSON ("recipe").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace nava::api {

enum class Mode {
    text_to_audio_video,   // prompt -> picture + sound
    image_to_audio_video,  // first frame + prompt -> picture + sound
    text_to_audio,         // prompt -> sound only
};

enum class Solver { unipc, euler };

// A reference voice for one speaker.
struct Speaker {
    std::string id;            // stable identifier, referenced by spans
    std::string name;          // shown to the user
    std::string voice_path;    // audio or video file with the reference voice ("" = none)
    std::string voice_sha256;  // of the voice file's bytes, recorded in recipes
};

// One `<S>…<E>` span of the prompt, in prompt order, and who speaks it.
struct SpeechSpan {
    std::string text;        // the spoken words (without markers)
    std::string speaker_id;  // Speaker::id; "" = no reference voice (the model's null voice)
};

struct GuidanceSettings {
    double video_text = 3.0;
    double video_align = 3.0;
    double audio_text = 2.0;
    double audio_align = 2.0;
    double timbre = 3.0;
    bool align = true;        // run the modality-masked pass
    bool timbre_pass = true;  // run the no-speaker pass (when voices are attached)
};

struct GenerationRequest {
    std::string prompt;           // scene prompt; speech written inline as <S>…<E>
    std::string negative_prompt;  // "" = the model's default negative prompt
    std::vector<Speaker> speakers;
    std::vector<SpeechSpan> spans;  // one per <S>…<E> in the prompt, same order
    std::string first_frame_image;  // image -> audio+video mode
    Mode mode = Mode::text_to_audio_video;
    int width = 1280;
    int height = 704;
    double duration_s = 5.0;
    int latent_frames = 0;  // 0 = derived from duration_s
    double fps = 24.0;
    uint64_t seed = 42;
    int steps = 50;
    double shift = 5.0;
    Solver solver = Solver::unipc;
    GuidanceSettings guidance;
    std::string memory_profile = "auto";
    std::string package;      // model package folder ("" = the embedded default)
    std::string output_path;  // where the clip goes ("" = chosen by the caller)
};

const char* to_string(Mode mode);
const char* to_string(Solver solver);
std::optional<Mode> mode_from_string(const std::string& s);
std::optional<Solver> solver_from_string(const std::string& s);

// Recipe JSON (versioned). from_json accepts partial objects (absent keys keep the defaults)
// and throws std::invalid_argument with a message naming the key for wrong kinds of values.
nlohmann::json to_json(const GenerationRequest& request);
GenerationRequest request_from_json(const nlohmann::json& json);
std::string request_to_json_text(const GenerationRequest& request, int indent = 2);
GenerationRequest request_from_json_text(const std::string& text);

// The reference's request JSONL record ({"prompt"|"text", "image_path", "spk_wavs": [...]}):
// voices bind to spans in order; speakers are created as "S1", "S2", ...
GenerationRequest request_from_reference_record(const nlohmann::json& record);

inline constexpr int kRecipeVersion = 1;

}  // namespace nava::api
