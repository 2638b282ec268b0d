// The soundtrack: one short sound per impact whose timbre tells the object (shape -> kind of
// sound, size -> pitch), the speech lines at their start times, and the mouth opening of each
// face from the loudness of its own speech.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "training/synth/motion.h"
#include "training/synth/types.h"

namespace nava::synth {

// How an object sounds when it hits something.
struct Timbre {
    std::string kind;         // "tone" (circle), "thud" (square), "clink" (triangle)
    double frequency_hz = 0;  // fundamental; lower for bigger objects
    double decay_s = 0;       // time constant of the exponential decay
};
Timbre timbre_of(const ObjectSpec& object, const ClipFormat& format);

// Peak level of a full-strength impact sound.
inline constexpr float kImpactPeak = 0.35f;
// The mix is scaled down when its peak would pass this.
inline constexpr float kMixCeiling = 0.9f;

// One impact's sound (mono, at the format's rate), peak kImpactPeak × strength.
std::vector<float> impact_sound(const Timbre& timbre, double strength, int sample_rate_hz,
                                uint64_t noise_seed);

struct Soundtrack {
    std::vector<float> mix;                         // the clip's audio, format.audio_samples()
    std::vector<std::vector<float>> speech_tracks;  // per speech line, placed, before the gain
    double gain = 1.0;                              // applied to the sum to stay below the ceiling
    double peak = 0.0;                              // of `mix`
};

// `speech_audio[i]` is the synthesised audio of recipe.speech[i] (placed at its start_s).
Soundtrack mix_soundtrack(const ClipRecipe& recipe, const MotionResult& motion,
                          const std::vector<std::vector<float>>& speech_audio);

// Mouth opening per video frame (0 closed .. 1 wide) from the RMS of `track` over each frame's
// duration, relative to `reference_rms` (the speaker's loud level).
std::vector<double> mouth_opening(const std::vector<float>& track, const ClipFormat& format,
                                  double reference_rms);

// RMS of `samples` over each video frame's duration (frame n covers [n/fps, (n+1)/fps)).
std::vector<double> frame_rms(const std::vector<float>& samples, const ClipFormat& format);

}  // namespace nava::synth
