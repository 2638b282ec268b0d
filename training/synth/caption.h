// Plain-English captions of a clip, written from its recipe with some wording variety: objects
// (size, colour, shape, motion, where, sometimes their sound), faces and, inline as <S>…<E>, what
// each face says, in the order the speech occurs.
#pragma once

#include <string>
#include <vector>

#include "training/synth/types.h"

namespace nava::synth {

// The caption of `recipe` (wording drawn from recipe.caption_seed).
std::string make_caption(const ClipRecipe& recipe);

// The texts between <S> and <E>, in order (unterminated markers are ignored).
std::vector<std::string> caption_spans(const std::string& caption);

// "on the left" / "in the middle" / "on the right" for a horizontal position.
std::string where_phrase(double x, int width);

}  // namespace nava::synth
