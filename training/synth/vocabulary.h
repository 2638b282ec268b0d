// The closed world the generator draws from: colours, spoken phrases, reference sentences and
// espeak-ng voices. Span phrases and reference sentences share no word, so a model can only bind
// a reference voice to its span through timbre.
#pragma once

#include <string>
#include <vector>

#include "training/synth/types.h"

namespace nava::synth::vocab {

const std::vector<NamedColour>& backgrounds();
const std::vector<NamedColour>& object_colours();  // red, green, blue, yellow
const std::vector<NamedColour>& face_colours();    // orange, purple, pink, teal, blue, green

// Short phrases (2–5 words, lower case, no punctuation) spoken inside <S>…<E>.
const std::vector<std::string>& span_phrases();
// Sentences (6–9 words) for reference voice clips; no word in common with any span phrase.
const std::vector<std::string>& reference_sentences();

// espeak-ng voices (languages) and variants that sound clearly different.
const std::vector<std::string>& voice_languages();
const std::vector<std::string>& voice_variants();

// Words of a phrase (split on spaces, lower case).
std::vector<std::string> words(const std::string& text);

}  // namespace nava::synth::vocab
