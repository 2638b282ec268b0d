// Validation samples during training: the current (EMA) DiT exported, joined with the base
// package's other components, and run through the generation engine on the recipe's prompts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "training/recipe.h"

namespace nava::train {

class DitTrainer;

// Collective (every rank calls it; rank 0 generates). Returns the clips written (rank 0).
std::vector<std::filesystem::path> write_validation_samples(const Recipe& recipe, int64_t step,
                                                            DitTrainer& trainer, bool leader);

}  // namespace nava::train
