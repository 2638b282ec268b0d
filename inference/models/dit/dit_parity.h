// Parity components built on the DiT: "dit" (the whole forward, fixture dit/) and
// "speaker_context" (text projection + speaker tokens + row replacement, fixture prompt/).
#pragma once

#include "inference/parity/parity.h"

namespace nava::dit {

parity::Outputs run_dit_parity(const parity::Fixture& fixture);
parity::Outputs run_speaker_context_parity(const parity::Fixture& fixture);

}  // namespace nava::dit
