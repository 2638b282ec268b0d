// Drawing one clip's recipe: background, objects and their start states, faces, who speaks
// which phrase in which voice and when. Speech durations come from espeak-ng itself, so lines
// are placed to fit the clip without overlapping.
#pragma once

#include <cstdint>
#include <string>

#include "training/synth/random.h"
#include "training/synth/speech.h"
#include "training/synth/types.h"

namespace nava::synth {

// "c000042" (training) / "h000007" (held out).
std::string clip_id(Split split, int64_t index);

// Silence kept before the first and after the last speech line, and between two lines (s).
inline constexpr double kSpeechLeadS = 0.08;
inline constexpr double kSpeechTailS = 0.06;
inline constexpr double kSpeechGapS = 0.10;

// Reference voice clips last between these (s), silence padding included.
inline constexpr double kReferenceMinS = 2.0;
inline constexpr double kReferenceMaxS = 4.0;
inline constexpr double kReferencePadS = 0.1;

// A deterministic function of (format, seed, split, index) and espeak-ng's output. Faces that
// cannot fit their line into the clip stay silent.
ClipRecipe plan_clip(const ClipFormat& format, uint64_t seed, Split split, int64_t index,
                     SpeechSynth& speech);

// Geometry helpers shared with hand-made recipes (tests).
double face_radius(const ClipFormat& format);
double object_radius(SizeClass size, const ClipFormat& format);
// Where objects move: below the faces when there are any, else the whole frame.
Box play_area_for(const ClipFormat& format, const std::vector<FaceSpec>& faces);

// Places lines of the given durations in [kSpeechLeadS, duration − kSpeechTailS] with at least
// kSpeechGapS between them, spreading the slack by `rng`; false when they do not fit.
bool place_speech(std::vector<SpeechLine>& lines, const std::vector<double>& durations_s,
                  double clip_duration_s, Rng& rng);

}  // namespace nava::synth
