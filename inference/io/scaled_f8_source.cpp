#include "inference/io/scaled_f8_source.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include "inference/core/error.h"

namespace nava::io {
namespace {

bool is_f8(DType d) {
    return d == DType::F8_E4M3 || d == DType::F8_E5M2;
}

}  // namespace

std::vector<std::string> ScaledF8Source::scale_candidates(const std::string& weight_name) {
    std::vector<std::string> out = {weight_name + "_scale", weight_name + ".scale",
                                    weight_name + "_scale_inv"};
    const std::string suffix = ".weight";
    if (weight_name.size() > suffix.size() &&
        weight_name.compare(weight_name.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const std::string base = weight_name.substr(0, weight_name.size() - suffix.size());
        out.push_back(base + ".scale");
        out.push_back(base + ".scale_weight");
        out.push_back(base + ".weight_scale_inv");
    }
    return out;
}

ScaledF8Source::ScaledF8Source(const TensorSource& inner) : inner_(inner) {
    for (const auto& name : inner_.names()) {
        const auto meta = inner_.info(name);
        if (!meta || !is_f8(meta->dtype)) continue;
        ++summary_.fp8_tensors;
        for (const auto& candidate : scale_candidates(name)) {
            if (!inner_.contains(candidate)) continue;
            scale_of_[name] = candidate;
            inverse_[candidate] = candidate.find("scale_inv") != std::string::npos;
            hidden_[candidate] = true;
            ++summary_.scaled_tensors;
            break;
        }
    }
    summary_.scale_tensors = static_cast<int64_t>(hidden_.size());
}

std::vector<std::string> ScaledF8Source::names() const {
    std::vector<std::string> out;
    for (const auto& n : inner_.names())
        if (!hidden_.count(n)) out.push_back(n);
    return out;
}

std::optional<TensorInfo> ScaledF8Source::info(const std::string& name) const {
    if (hidden_.count(name)) return std::nullopt;
    auto meta = inner_.info(name);
    if (meta && is_f8(meta->dtype)) {
        meta->dtype = DType::F32;
        meta->size_bytes *= 4;
    }
    return meta;
}

std::string ScaledF8Source::scale_of(const std::string& name) const {
    auto it = scale_of_.find(name);
    return it == scale_of_.end() ? std::string() : it->second;
}

at::Tensor ScaledF8Source::tensor(const std::string& name) const {
    const auto meta = inner_.info(name);
    if (!meta || hidden_.count(name))
        throw Error(description() + ": no tensor named '" + name + "'");
    if (!is_f8(meta->dtype)) return inner_.tensor(name);
    at::Tensor value = decode_f8(inner_.tensor(name), meta->dtype);  // float32
    auto it = scale_of_.find(name);
    if (it == scale_of_.end()) return value;
    at::Tensor scale = inner_.tensor_as(it->second, at::kFloat);
    // Per-tensor, per-row ([rows] or [rows, 1]) or full-shape scales broadcast over the weight.
    if (scale.dim() == 1 && value.dim() > 1 && scale.size(0) == value.size(0)) {
        std::vector<int64_t> shape(static_cast<std::size_t>(value.dim()), 1);
        shape[0] = scale.size(0);
        scale = scale.reshape(shape);
    }
    return inverse_.at(it->second) ? value / scale : value * scale;
}

std::pair<at::Tensor, at::Tensor> quantize_f8_e4m3_rows(const at::Tensor& weight) {
    const at::Tensor w = weight.to(at::kFloat).contiguous();
    const at::Tensor rows = w.reshape({w.size(0), -1});
    // One scale per row maps the row's largest magnitude onto the largest finite code (448).
    const at::Tensor scale = rows.abs().amax(1).clamp_min(1e-12) / 448.0f;  // [rows]
    const at::Tensor scaled = (rows / scale.unsqueeze(1)).contiguous();
    at::Tensor bits = at::empty(scaled.sizes(), at::TensorOptions().dtype(at::kByte));
    const float* src = scaled.data_ptr<float>();
    uint8_t* dst = bits.data_ptr<uint8_t>();
    const int64_t n = scaled.numel();
    at::parallel_for(0, n, 1 << 16, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            dst[i] = float_to_f8_e4m3fn(src[i]);
    });
    return {bits.reshape(w.sizes()), scale};
}

}  // namespace nava::io
