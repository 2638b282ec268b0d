// Parity runner of the "speaker" fixture (ReDimNet front-end, stages, pooling, embedding).
#pragma once

#include "inference/parity/parity.h"

namespace nava::speaker {

// Builds the encoder from the fixture's `config` metadata and weights (float32), runs it on
// `input.wav` and returns out.features, out.stem, out.stage{i}, out.agg, out.pooled,
// out.pooled_bn and out.embedding.
parity::Outputs run_speaker_parity(const parity::Fixture& fixture);

}  // namespace nava::speaker
