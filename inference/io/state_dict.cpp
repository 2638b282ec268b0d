#include "inference/io/state_dict.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include "inference/core/error.h"
#include "inference/io/tensor_source.h"

namespace nava::io {
namespace {

std::string shape_string(const std::vector<int64_t>& shape) {
    std::ostringstream s;
    s << '[';
    for (std::size_t i = 0; i < shape.size(); ++i)
        s << (i ? ", " : "") << shape[i];
    s << ']';
    return s.str();
}

bool has_suffix(const std::string& s, const std::vector<std::string>& suffixes) {
    for (const auto& suf : suffixes) {
        if (s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0)
            return true;
    }
    return false;
}

}  // namespace

std::string LoadReport::summary(const std::string& source_description) const {
    std::ostringstream s;
    s << source_description << ": loaded " << loaded.size() << " tensors";
    if (complete()) return s.str();
    auto list = [&](const char* title, const std::vector<std::string>& names) {
        if (names.empty()) return;
        s << "\n  " << title << " (" << names.size() << "):";
        const std::size_t shown = std::min<std::size_t>(names.size(), 20);
        for (std::size_t i = 0; i < shown; ++i)
            s << "\n    " << names[i];
        if (shown < names.size()) s << "\n    ... and " << names.size() - shown << " more";
    };
    list("missing from the file", missing);
    list("in the file but not in the model", unexpected);
    if (!wrong_shape.empty()) {
        s << "\n  wrong shape (" << wrong_shape.size() << "):";
        for (const auto& m : wrong_shape)
            s << "\n    " << m.name << ": model " << shape_string(m.expected) << ", file "
              << shape_string(m.found);
    }
    return s.str();
}

LoadReport load_state_dict(torch::nn::Module& module, const TensorSource& source,
                           const LoadOptions& options) {
    LoadReport report;
    at::NoGradGuard no_grad;

    std::vector<std::pair<std::string, at::Tensor>> targets;
    for (const auto& item : module.named_parameters(/*recurse=*/true))
        targets.emplace_back(item.key(), item.value());
    for (const auto& item : module.named_buffers(/*recurse=*/true))
        targets.emplace_back(item.key(), item.value());

    std::set<std::string> consumed;
    for (auto& [name, target] : targets) {
        const std::string key = options.prefix + name;
        const auto meta = source.info(key);
        if (!meta) {
            report.missing.push_back(name);
            continue;
        }
        consumed.insert(key);
        if (meta->shape != target.sizes().vec()) {
            report.wrong_shape.push_back({name, target.sizes().vec(), meta->shape});
            continue;
        }
        const at::ScalarType want = options.dtype ? *options.dtype : target.scalar_type();
        at::Tensor value = source.tensor_as(key, want);
        // Without a conversion the value is a view of the source's storage: copy it unless the
        // caller asked to keep the mapping.
        const bool is_view = meta->dtype != DType::F8_E4M3 && meta->dtype != DType::F8_E5M2 &&
                             storage_scalar_type(meta->dtype) == want;
        if (value.device() != target.device()) {
            value = value.to(target.device());
        } else if (is_view && !options.zero_copy) {
            value = value.clone();
        }
        target.set_data(value);
        report.loaded.push_back(name);
    }

    for (const auto& key : source.names()) {
        if (consumed.count(key)) continue;
        if (key.compare(0, options.prefix.size(), options.prefix) != 0) {
            report.outside_prefix.push_back(key);
        } else if (has_suffix(key, options.side_suffixes)) {
            report.side.push_back(key);
        } else {
            report.unexpected.push_back(key);
        }
    }

    if (options.mode == LoadMode::kStrict && !report.complete())
        throw StateDictError(report.summary(source.description()));
    return report;
}

}  // namespace nava::io
