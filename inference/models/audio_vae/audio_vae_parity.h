// The `audio_vae` parity component: the fixture's waveform through NAVA's whole audio path
// (encode, decode, vocoder + BWE, 48 -> 16 kHz), every intermediate the fixture stores.
#pragma once

#include <c10/core/ScalarType.h>

#include "inference/parity/parity.h"

namespace nava::audio_vae {

// Runs in `dtype` (float32 for the parity contract, float64 for tests); keys `out.*`.
parity::Outputs run_audio_vae_chain(const parity::Fixture& fixture, at::ScalarType dtype);

parity::Outputs run_audio_vae_parity(const parity::Fixture& fixture);

}  // namespace nava::audio_vae
