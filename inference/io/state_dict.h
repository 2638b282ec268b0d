// Loading named tensors into a torch::nn::Module by name, with a report of what did not fit.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <c10/core/ScalarType.h>

namespace torch::nn {
class Module;
}

namespace nava::io {

class TensorSource;

enum class LoadMode {
    kStrict,   // any missing, unexpected or wrong-shaped key is an error
    kLenient,  // load what fits, report the rest
};

struct LoadOptions {
    // Source keys carry this prefix (e.g. "backbone." in the official DiT checkpoint).
    std::string prefix;
    LoadMode mode = LoadMode::kStrict;
    // Convert parameters to this dtype while loading; otherwise each keeps its current dtype.
    std::optional<c10::ScalarType> dtype;
    // Let parameters alias the file mapping when no conversion is needed (no copy, pages are
    // read on first use). Only sensible for inference.
    bool zero_copy = false;
    // Source keys ending with one of these suffixes are recognised but not loaded (e.g. the
    // "_scale" companions of fp8 weights, handled by the caller); they are listed separately.
    std::vector<std::string> side_suffixes;
};

struct ShapeMismatch {
    std::string name;
    std::vector<int64_t> expected;
    std::vector<int64_t> found;
};

struct LoadReport {
    std::vector<std::string> loaded;
    std::vector<std::string> missing;         // in the module, not in the source
    std::vector<std::string> unexpected;      // under the prefix in the source, not in the module
    std::vector<std::string> side;            // matched a side suffix
    std::vector<std::string> outside_prefix;  // source keys that do not start with the prefix
    std::vector<ShapeMismatch> wrong_shape;

    bool complete() const { return missing.empty() && unexpected.empty() && wrong_shape.empty(); }
    // Multi-line description listing every problem by name.
    std::string summary(const std::string& source_description) const;
};

// Copies every parameter and buffer of `module` (names as `named_parameters()` gives them) from
// `source`. Strict mode throws nava::StateDictError with the full report when incomplete.
LoadReport load_state_dict(torch::nn::Module& module, const TensorSource& source,
                           const LoadOptions& options = {});

}  // namespace nava::io
