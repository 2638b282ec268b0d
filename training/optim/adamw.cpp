#include "training/optim/adamw.h"

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "training/distributed/fsdp.h"

namespace nava::train {

ShardedAdamW::ShardedAdamW(const FsdpModel& model, AdamWOptions options) : options_(options) {
    for (int64_t i = 0; i < model.unit_count(); ++i) {
        exp_avg_.push_back(at::zeros_like(model.unit(i).master));
        exp_avg_sq_.push_back(at::zeros_like(model.unit(i).master));
    }
}

void ShardedAdamW::step(FsdpModel& model, double lr) {
    at::NoGradGuard no_grad;
    ++step_;
    const double bc1 = 1.0 - std::pow(options_.beta1, static_cast<double>(step_));
    const double bc2 = 1.0 - std::pow(options_.beta2, static_cast<double>(step_));
    for (int64_t i = 0; i < model.unit_count(); ++i) {
        ShardedUnit& u = model.unit(i);
        at::Tensor& m = exp_avg_[static_cast<std::size_t>(i)];
        at::Tensor& v = exp_avg_sq_[static_cast<std::size_t>(i)];
        if (u.frozen) continue;
        // Decoupled weight decay (trainable elements only), then the Adam moments and the
        // bias-corrected update (zero where the gradient always is).
        if (options_.weight_decay != 0.0) {
            if (u.trainable.defined())
                u.master.sub_(u.master * u.trainable, lr * options_.weight_decay);
            else
                u.master.mul_(1.0 - lr * options_.weight_decay);
        }
        m.mul_(options_.beta1).add_(u.grad, 1.0 - options_.beta1);
        v.mul_(options_.beta2).addcmul_(u.grad, u.grad, 1.0 - options_.beta2);
        const at::Tensor denom = (v / bc2).sqrt_().add_(options_.eps);
        u.master.addcdiv_(m, denom, -lr / bc1);
    }
}

std::vector<std::pair<std::string, at::Tensor>> ShardedAdamW::state(const FsdpModel& model) const {
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (int64_t i = 0; i < model.unit_count(); ++i) {
        out.emplace_back(model.unit(i).name + ".exp_avg", exp_avg_[static_cast<std::size_t>(i)]);
        out.emplace_back(model.unit(i).name + ".exp_avg_sq",
                         exp_avg_sq_[static_cast<std::size_t>(i)]);
    }
    return out;
}

void ShardedAdamW::load_state(const FsdpModel& model,
                              const std::vector<std::pair<std::string, at::Tensor>>& state,
                              int64_t steps) {
    for (int64_t i = 0; i < model.unit_count(); ++i) {
        for (const auto& [name, t] : state) {
            if (name == model.unit(i).name + ".exp_avg")
                exp_avg_[static_cast<std::size_t>(i)].copy_(t);
            if (name == model.unit(i).name + ".exp_avg_sq")
                exp_avg_sq_[static_cast<std::size_t>(i)].copy_(t);
        }
    }
    step_ = steps;
}

int64_t ShardedAdamW::state_bytes() const {
    int64_t n = 0;
    for (std::size_t i = 0; i < exp_avg_.size(); ++i)
        n += (exp_avg_[i].numel() + exp_avg_sq_[i].numel()) * 4;
    return n;
}

ShardedEma::ShardedEma(const FsdpModel& model, double decay) : decay_(decay) {
    if (decay < 0.0 || decay >= 1.0) throw ConfigError("EMA decay must be in [0, 1)");
    for (int64_t i = 0; i < model.unit_count(); ++i)
        shadow_.push_back(model.unit(i).master.clone());
}

void ShardedEma::update(const FsdpModel& model) {
    at::NoGradGuard no_grad;
    for (int64_t i = 0; i < model.unit_count(); ++i)
        shadow_[static_cast<std::size_t>(i)].mul_(decay_).add_(model.unit(i).master, 1.0 - decay_);
}

}  // namespace nava::train
