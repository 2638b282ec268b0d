// Parity component "pipeline": the whole inference composition on the fixture's tiny components
// (fixtures/pipeline): contexts, guidance passes and anchors, both solvers, the first-frame rule,
// decoding — case by case, step by step.
#pragma once

#include <string>

#include "inference/parity/parity.h"
#include "inference/pipeline/composer.h"

namespace nava::pipeline {

parity::Outputs run_pipeline_parity(const parity::Fixture& fixture);

// The pieces, for tests: the fixture's tiny components, and one case composed with its trace.
Components load_fixture_components(const parity::Fixture& fixture);
ComposeResult compose_fixture_case(const parity::Fixture& fixture, const Components& components,
                                   const std::string& case_name, bool batch_passes = true);

}  // namespace nava::pipeline
