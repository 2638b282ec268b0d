#include "inference/models/dit/dit_weights.h"

#include <cmath>
#include <sstream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"
#include "inference/models/dit/dit_model.h"

namespace nava::dit {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::string DitLoadResult::summary(const std::string& source_description) const {
    std::ostringstream s;
    s << report.summary(source_description);
    if (!prefix.empty()) s << " (keys under '" << prefix << "')";
    if (fp8.fp8_tensors > 0)
        s << "; " << fp8.fp8_tensors << " fp8 weights (" << fp8.scaled_tensors
          << " with scales) dequantised";
    if (!report.outside_prefix.empty())
        s << "; ignored " << report.outside_prefix.size() << " tensors outside the DiT";
    return s.str();
}

std::string detect_dit_prefix(const io::TensorSource& source) {
    const std::string anchor = "patch_embedding.weight";
    if (source.contains(anchor)) return "";
    if (source.contains("backbone." + anchor)) return "backbone.";
    for (const auto& name : source.names()) {
        if (ends_with(name, "." + anchor)) return name.substr(0, name.size() - anchor.size());
    }
    throw StateDictError(
        source.description() +
        ": not a NAVA DiT checkpoint (no patch_embedding.weight under any prefix)");
}

DitLoadResult load_dit_weights(DitModel& model, const io::TensorSource& source,
                               c10::ScalarType dtype, io::LoadMode mode) {
    DitLoadResult result;
    result.prefix = detect_dit_prefix(source);
    const io::ScaledF8Source dequantised(source);
    result.fp8 = dequantised.summary();
    io::LoadOptions options;
    options.prefix = result.prefix;
    options.dtype = dtype;
    options.mode = mode;
    result.report = io::load_state_dict(model, dequantised, options);
    return result;
}

void init_dit_weights(DitModel& model, uint64_t seed) {
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const double dim = static_cast<double>(model.config().dim);
    for (auto& item : model.named_parameters(/*recurse=*/true)) {
        const std::string& name = item.key();
        at::Tensor p = item.value();
        at::Tensor value;
        if (ends_with(name, "modulation")) {
            value =
                at::randn(p.sizes(), gen, at::TensorOptions().dtype(at::kFloat)) / std::sqrt(dim);
        } else if (name.rfind("head.head.", 0) == 0 || name.rfind("head_audio.head.", 0) == 0 ||
                   ends_with(name, "null_token") || ends_with(name, ".bias")) {
            value = at::zeros(p.sizes(), at::kFloat);
        } else if (p.dim() == 1) {
            value = at::ones(p.sizes(), at::kFloat);  // norm gains
        } else {
            const int64_t fan_out = p.size(0);
            const int64_t fan_in = p.numel() / fan_out;
            const double bound = std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
            value = at::empty(p.sizes(), at::kFloat).uniform_(-bound, bound, gen);
        }
        p.copy_(value.to(p.scalar_type()));
    }
}

}  // namespace nava::dit
