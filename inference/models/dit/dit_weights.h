// Loading DiT weights from the official checkpoints (optionally nested under `backbone.`,
// optionally fp8 weight-only) and random initialisation for training from scratch.
#pragma once

#include <cstdint>
#include <string>

#include <c10/core/ScalarType.h>

#include "inference/io/scaled_f8_source.h"
#include "inference/io/state_dict.h"

namespace nava::dit {

class DitModel;

struct DitLoadResult {
    io::LoadReport report;
    std::string prefix;  // key prefix found in the file ("" or e.g. "backbone.")
    io::Fp8Summary fp8;  // fp8-stored weights (dequantised on load) and their scales
    std::string summary(const std::string& source_description) const;
};

// Finds the prefix under which the DiT's keys live in `source` ("" when they are top-level).
std::string detect_dit_prefix(const io::TensorSource& source);

// Loads every parameter (strict by default), converting to `dtype`. fp8 weights are dequantised
// with their scale companions. Throws nava::StateDictError naming missing/unexpected keys.
DitLoadResult load_dit_weights(DitModel& model, const io::TensorSource& source,
                               c10::ScalarType dtype, io::LoadMode mode = io::LoadMode::kStrict);

// Random weights for training from scratch: Xavier-uniform linear and conv weights, zero biases,
// unit norms, modulation tables ~ N(0, 1/D), zero output heads (the model starts by predicting
// zero velocity), zero null speaker token. Deterministic for a seed.
void init_dit_weights(DitModel& model, uint64_t seed);

}  // namespace nava::dit
