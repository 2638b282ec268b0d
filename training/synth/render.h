// The picture: a plain background, cartoon faces (disc, eyes, a mouth that opens with the
// face's speech) and the moving objects on top, anti-aliased by analytic pixel coverage.
#pragma once

#include <vector>

#include "media/buffers.h"
#include "training/synth/motion.h"
#include "training/synth/types.h"

namespace nava::synth {

// Colour of an open mouth (and of the eyes' pupils).
inline constexpr Rgb kMouthColour{50, 16, 20};

// Mouth geometry of a face, relative to its centre: centre offset and half sizes (px) at a
// given opening (0..1). Exposed so that tests and benchmarks can look at the mouth.
struct MouthShape {
    double dy = 0, half_width = 0, half_height = 0;
};
MouthShape mouth_shape(const FaceSpec& face, double opening);

// `mouth[f][k]` is the opening of face f in frame k.
media::VideoBuffer render_video(const ClipRecipe& recipe, const MotionResult& motion,
                                const std::vector<std::vector<double>>& mouth);

}  // namespace nava::synth
