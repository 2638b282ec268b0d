#include "training/autoencoders/adam.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/tensor_source.h"

namespace nava::autoencoders {

Adam::Adam(NamedParameters params, AdamOptions options)
    : params_(std::move(params)), options_(options) {
    for (const auto& [name, p] : params_) {
        m_.push_back(at::zeros_like(p, at::kFloat));
        v_.push_back(at::zeros_like(p, at::kFloat));
    }
}

void Adam::zero_grad() {
    for (auto& [name, p] : params_)
        if (p.grad().defined()) p.mutable_grad() = at::Tensor();
}

double Adam::step(double lr) {
    at::NoGradGuard no_grad;
    // 1. global gradient norm, clipping factor
    double sq = 0.0;
    for (const auto& [name, p] : params_)
        if (p.grad().defined()) sq += p.grad().to(at::kDouble).pow(2).sum().item<double>();
    const double norm = std::sqrt(sq);
    const double clip =
        options_.grad_clip > 0.0 && norm > options_.grad_clip ? options_.grad_clip / norm : 1.0;

    // 2. moments and bias-corrected update (decoupled weight decay)
    ++step_;
    const double bc1 = 1.0 - std::pow(options_.beta1, static_cast<double>(step_));
    const double bc2 = 1.0 - std::pow(options_.beta2, static_cast<double>(step_));
    for (std::size_t i = 0; i < params_.size(); ++i) {
        at::Tensor& p = params_[i].second;
        // A parameter the loss did not reach keeps its value and its moments.
        if (!p.grad().defined()) continue;
        const at::Tensor g = p.grad().to(at::kFloat) * clip;
        m_[i].mul_(options_.beta1).add_(g, 1.0 - options_.beta1);
        v_[i].mul_(options_.beta2).addcmul_(g, g, 1.0 - options_.beta2);
        const at::Tensor update = (m_[i] / bc1) / ((v_[i] / bc2).sqrt() + options_.eps);
        if (options_.weight_decay > 0.0) p.mul_(1.0 - lr * options_.weight_decay);
        p.sub_(update.to(p.scalar_type()), lr);
    }
    zero_grad();
    return norm;
}

std::vector<io::NamedTensor> Adam::state(const std::string& prefix) const {
    std::vector<io::NamedTensor> out;
    for (std::size_t i = 0; i < params_.size(); ++i) {
        out.push_back({prefix + "m." + params_[i].first, m_[i].cpu().contiguous(), std::nullopt});
        out.push_back({prefix + "v." + params_[i].first, v_[i].cpu().contiguous(), std::nullopt});
    }
    return out;
}

void Adam::load_state(const io::TensorSource& source, const std::string& prefix, int64_t steps) {
    for (std::size_t i = 0; i < params_.size(); ++i) {
        for (auto* moment : {&m_[i], &v_[i]}) {
            const std::string name = prefix + (moment == &m_[i] ? "m." : "v.") + params_[i].first;
            if (!source.contains(name))
                throw Error(source.description() + ": optimizer state '" + name + "' is missing");
            const at::Tensor t = source.tensor_as(name, at::kFloat);
            if (t.sizes() != moment->sizes())
                throw Error(source.description() + ": optimizer state '" + name +
                            "' has another shape than the parameter");
            moment->copy_(t);
        }
    }
    step_ = steps;
}

}  // namespace nava::autoencoders
