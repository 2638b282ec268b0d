// The data steps of a recipe in one place (used by `nava train --validate-data / --preprocess`
// and the studio): read the clip descriptions named by `data.source`, check them, and encode
// the accepted ones into `data.cache_dir`.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include <c10/core/Device.h>

#include "training/preprocess/preprocessor.h"
#include "training/recipe.h"

namespace nava::train {

// Reads and validates `recipe.data.source`. Throws ManifestError / ConfigError when the source
// cannot be read at all (a missing folder or file, a malformed `.list` / `.weight`).
ValidationReport validate_recipe_data(const Recipe& recipe, bool probe_media = true);

struct PrepareOptions {
    int workers = 0;  // 0 = the recipe's preprocess_workers
    c10::Device device = c10::Device(c10::kCPU);
    EncoderFactory make_encoders;  // null = the recipe's encoder files
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int64_t done, int64_t total, const std::string& id)> progress;
};

PreprocessReport preprocess_recipe_data(const Recipe& recipe, const ValidationReport& report,
                                        const PrepareOptions& options = {});

}  // namespace nava::train
