#include "inference/models/common/layers.h"

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"

#include <ATen/ATen.h>

namespace nava::nn {
namespace {

std::vector<int64_t> fill(std::vector<int64_t> v, std::size_t n, int64_t value) {
    if (v.empty()) return std::vector<int64_t>(n, value);
    if (v.size() == 1 && n > 1) return std::vector<int64_t>(n, v[0]);
    return v;
}

at::ScalarType stats_type(const at::Tensor& x) {
    return x.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
}

thread_local bool t_meta_parameters = false;

}  // namespace

MetaParameterScope::MetaParameterScope() : previous_(t_meta_parameters) {
    t_meta_parameters = true;
}

MetaParameterScope::~MetaParameterScope() {
    t_meta_parameters = previous_;
}

at::Tensor zero_parameter(at::IntArrayRef shape) {
    if (t_meta_parameters)
        return at::empty(shape, at::TensorOptions().dtype(at::kFloat).device(at::kMeta));
    return at::zeros(shape, at::kFloat);
}

int64_t parameter_count(const Module& module) {
    int64_t n = 0;
    for (const auto& p : module.parameters(/*recurse=*/true))
        n += p.numel();
    return n;
}

Linear::Linear(int64_t in, int64_t out, bool with_bias) : in_features(in), out_features(out) {
    weight = register_parameter("weight", zero_parameter({out, in}));
    if (with_bias) bias = register_parameter("bias", zero_parameter({out}));
}

at::Tensor Linear::forward(const at::Tensor& x) const {
    const at::Tensor& w = compact() ? effective_weight(x.scalar_type()) : weight;
    return nava::linear(x, w, bias);
}

void Linear::store_compact(const at::Tensor& codes, const at::Tensor& row_scale,
                           const at::Tensor& table) {
    if (codes.scalar_type() != at::kByte || codes.dim() != 2 || codes.size(0) != out_features ||
        codes.size(1) != in_features)
        throw Error("Linear: compact codes must be uint8 [" + std::to_string(out_features) + ", " +
                    std::to_string(in_features) + "]");
    if (row_scale.numel() != out_features && row_scale.numel() != 1)
        throw Error("Linear: compact storage needs one scale per output row (or one in all)");
    if (table.numel() != 256) throw Error("Linear: the code table must have 256 entries");
    at::NoGradGuard no_grad;
    const auto device = weight.device();
    weight_codes = register_buffer("weight_codes", codes.contiguous().to(device));
    weight_scale = register_buffer(
        "weight_scale",
        row_scale.reshape({-1}).to(at::kFloat).expand({out_features}).contiguous().to(device));
    code_table = register_buffer("code_table", table.reshape({256}).to(at::kFloat).to(device));
    // Release the float weight (the registered parameter shares this tensor).
    weight.set_(at::empty({0}, weight.options()));
}

at::Tensor Linear::effective_weight(at::ScalarType dtype) const {
    if (!compact()) return weight.to(dtype);
    // Codes -> values through the table, then the row scales; in float32, then the call dtype.
    const at::Tensor values = code_table.index_select(0, weight_codes.reshape({-1}).to(at::kInt))
                                  .view(weight_codes.sizes());
    return (values * weight_scale.unsqueeze(1)).to(dtype);
}

LayerNorm::LayerNorm(int64_t d, double e, bool affine) : dim(d), eps(e) {
    if (affine) {
        weight = register_parameter("weight", zero_parameter({d}));
        bias = register_parameter("bias", zero_parameter({d}));
    }
}

at::Tensor LayerNorm::forward(const at::Tensor& x) const {
    const auto st = stats_type(x);
    const auto w = weight.defined() ? c10::optional<at::Tensor>(weight.to(st)) : c10::nullopt;
    const auto b = bias.defined() ? c10::optional<at::Tensor>(bias.to(st)) : c10::nullopt;
    return at::layer_norm(x.to(st), {dim}, w, b, eps).to(x.scalar_type());
}

RMSNorm::RMSNorm(int64_t d, double e) : dim(d), eps(e) {
    weight = register_parameter("weight", zero_parameter({d}));
}

at::Tensor RMSNorm::forward(const at::Tensor& x) const {
    const auto st = stats_type(x);
    const at::Tensor xf = x.to(st);
    const at::Tensor normed = xf * at::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return normed.to(x.scalar_type()) * weight;
}

Conv::Conv(int d, int64_t in, int64_t out, std::vector<int64_t> k, std::vector<int64_t> s,
           std::vector<int64_t> p, bool with_bias, std::vector<int64_t> dil, int64_t g)
    : dims(d),
      kernel(fill(std::move(k), d, 1)),
      stride(fill(std::move(s), d, 1)),
      padding(fill(std::move(p), d, 0)),
      dilation(fill(std::move(dil), d, 1)),
      groups(g) {
    std::vector<int64_t> shape = {out, in / g};
    shape.insert(shape.end(), kernel.begin(), kernel.end());
    weight = register_parameter("weight", zero_parameter(shape));
    if (with_bias) bias = register_parameter("bias", zero_parameter({out}));
}

at::Tensor Conv::forward(const at::Tensor& x) const {
    return nava::convolution(x, weight, bias, stride, padding, dilation, groups);
}

}  // namespace nava::nn
