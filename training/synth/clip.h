// One clip made from its recipe: motion, soundtrack, mouths, picture, caption and the reference
// voice clips of its speakers.
#pragma once

#include <string>
#include <vector>

#include "media/buffers.h"
#include "training/synth/motion.h"
#include "training/synth/sound.h"
#include "training/synth/speech.h"
#include "training/synth/types.h"

namespace nava::synth {

struct ReferenceVoice {
    std::string speaker;
    std::string text;
    media::AudioBuffer audio;  // mono, format rate, kReferenceMinS..kReferenceMaxS long
};

struct Clip {
    ClipRecipe recipe;
    MotionResult motion;
    std::vector<std::vector<double>> mouth;  // [face][frame] opening 0..1
    media::VideoBuffer video;
    media::AudioBuffer audio;  // mono, format rate, format.audio_samples() long
    double mix_gain = 1.0;
    double mix_peak = 0.0;
    std::vector<ReferenceVoice> references;  // one per speech line, same order
    std::string caption;
};

// Deterministic given the recipe and espeak-ng's output. Throws SynthError.
Clip build_clip(const ClipRecipe& recipe, SpeechSynth& speech);

// The reference clip of `voice` saying `text`: trimmed speech padded with kReferencePadS of
// silence on both sides, cropped (with a fade) or padded to kReferenceMinS..kReferenceMaxS.
media::AudioBuffer reference_voice(const std::string& text, const VoiceSpec& voice,
                                   SpeechSynth& speech);

// Where a clip's files go, relative to the dataset folder.
struct ClipFiles {
    std::string video;                // clips/<id>.mp4
    std::string audio;                // clips/<id>.wav
    std::string truth;                // clips/<id>.json
    std::vector<std::string> voices;  // voices/<speaker>-<id>.wav, one per speech line
};
ClipFiles clip_files(const ClipRecipe& recipe);

}  // namespace nava::synth
