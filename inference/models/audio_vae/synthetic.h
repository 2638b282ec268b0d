// Synthetic audio codecs for benchmarks and tests: checkpoint-style configs (the tiny one of
// the parity fixture and the real LTX-2.3 one as documented) and deterministic random weights
// with sane fixed filters, so that the network produces bounded signals.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "inference/models/audio_vae/audio_codec.h"

namespace nava::audio_vae {

// Checkpoint-style config with ch 32, ch_mult (1,2,2), z 2; vocoder 32 ch, rates (5,4,8);
// BWE 32 ch, rates (6,5,8): the parity fixture's architecture.
nlohmann::json tiny_checkpoint_config();
// The LTX-2.3 configuration (ch 128, ch_mult (1,2,4), z 8; vocoder 1536 ch, rates
// (5,2,2,2,2,2); BWE 512 ch, rates (6,5,2,2,2)), about 180 M parameters.
nlohmann::json real_checkpoint_config();

// Fills every parameter and buffer: convs ~ N(0, 1/fan_in), biases ~ N(0, 0.05²), SnakeBeta
// logs ~ N(0, 0.3²), statistics mean ~ N(0, 0.3²) / std ~ U(0.5, 1.5), a windowed-sinc
// half-band filter for the anti-aliasing buffers, DFT x periodic Hann STFT bases and a slaney
// mel basis for the BWE, and scaled-down conv_post weights.
void randomize_weights(AudioCodec& codec, uint64_t seed);

}  // namespace nava::audio_vae
