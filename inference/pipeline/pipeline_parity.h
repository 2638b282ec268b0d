// Parity component "pipeline": the whole inference composition on the fixture's tiny components
// (fixtures/pipeline): contexts, guidance passes and anchors, both solvers, the first-frame rule,
// decoding — case by case, step by step.
#pragma once

#include "inference/parity/parity.h"

namespace nava::pipeline {

parity::Outputs run_pipeline_parity(const parity::Fixture& fixture);

}  // namespace nava::pipeline
