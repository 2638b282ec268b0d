// The synthetic audio-visual world of NAVA-tiny: plain data describing one clip (what is in it,
// where, who says what in which voice) before and after it is rendered. No torch, no Qt.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace nava::synth {

// Anything that stops a clip or a dataset from being made (missing espeak-ng, unusable output
// folder, bad settings). The message is meant for the user.
class SynthError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
};

// A colour the captions can name ("red", "dark grey").
struct NamedColour {
    std::string name;
    Rgb rgb;
};

enum class Shape { circle, square, triangle };
enum class SizeClass { small, medium, large };
// bounce: gravity pulls it down, it bounces off the floor and the walls.
// fly: no gravity, it travels straight and bounces off every side.
enum class Motion { bounce, fly };

const char* to_string(Shape shape);
const char* to_string(SizeClass size);
const char* to_string(Motion motion);

// Geometry and rates of every clip of a dataset.
struct ClipFormat {
    int width = 128;
    int height = 128;
    int frames = 49;  // 1 + 4k frames match the model's latent grid
    int fps = 24;
    int sample_rate_hz = 16000;

    double duration_s() const { return fps > 0 ? static_cast<double>(frames) / fps : 0.0; }
    int64_t audio_samples() const;  // round(duration · rate)
};

// One espeak-ng voice: the timbre of a speaker.
struct VoiceSpec {
    std::string language = "en-us";  // espeak-ng voice name
    std::string variant = "m1";      // espeak-ng variant (voices/!v/<variant>)
    int pitch = 50;                  // espeak-ng -p, 0..99
    int speed_wpm = 170;             // espeak-ng -s, words per minute

    std::string espeak_name() const { return language + "+" + variant; }
};

// Pixels, x to the right and y downwards; [x0, x1) × [y0, y1).
struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct ObjectSpec {
    Shape shape = Shape::circle;
    NamedColour colour;
    SizeClass size = SizeClass::medium;
    Motion motion = Motion::bounce;
    double radius_px = 10.0;   // nominal size; each shape's extent derives from it
    double x = 0, y = 0;       // centre at t = 0 (px)
    double vx = 0, vy = 0;     // velocity at t = 0 (px/s)
    double restitution = 0.9;  // of the floor (bounce) or every side (fly)
};

struct FaceSpec {
    NamedColour colour;  // the colour names the face and its speaker ("the blue face")
    double x = 0, y = 0;
    double radius_px = 16.0;
    bool speaks = false;
};

// One `<S>…<E>` span: who says it, in which voice, when, and the different words of that
// speaker's reference clip.
struct SpeechLine {
    std::string speaker;  // FaceSpec::colour.name
    std::string text;
    VoiceSpec voice;
    double start_s = 0.0;
    double end_s = 0.0;  // start + duration of the trimmed speech
    std::string reference_text;
};

enum class Split { train, holdout };
const char* to_string(Split split);

// Everything random about one clip, decided up front; rendering it is deterministic.
struct ClipRecipe {
    std::string id;
    Split split = Split::train;
    uint64_t seed = 0;
    int64_t index = 0;
    ClipFormat format;
    NamedColour background;
    Box play_area;  // where objects move (below the faces when there are faces)
    std::vector<ObjectSpec> objects;
    std::vector<FaceSpec> faces;
    std::vector<SpeechLine> speech;  // in time order, which is also the span order
    uint64_t sound_seed = 0;         // noise in the impact sounds
    uint64_t caption_seed = 0;       // wording choices
};

}  // namespace nava::synth
