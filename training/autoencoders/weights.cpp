#include "training/autoencoders/weights.h"

#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/module.h>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/io/state_dict.h"
#include "inference/io/tensor_source.h"

namespace nava::autoencoders {

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

void init_weights(torch::nn::Module& module, uint64_t seed) {
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& item : module.named_parameters(/*recurse=*/true)) {
        at::Tensor p = item.value();
        at::Tensor value;
        if (ends_with(item.key(), "gamma")) {  // RMS norm gains, [C, 1, 1(, 1)]
            value = at::ones(p.sizes(), at::kFloat);
        } else if (p.dim() >= 2) {
            const double fan_in = static_cast<double>(p.numel() / p.size(0));
            value = at::randn(p.sizes(), gen, at::TensorOptions().dtype(at::kFloat)) /
                    std::sqrt(fan_in);
        } else {
            value = at::zeros(p.sizes(), at::kFloat);
        }
        p.copy_(value.to(p.scalar_type()));
    }
}

void narrow_posterior(torch::nn::Module& module, const std::string& bias_name, int64_t z_channels,
                      double log_var) {
    at::NoGradGuard no_grad;
    for (auto& item : module.named_parameters(/*recurse=*/true)) {
        if (item.key() != bias_name) continue;
        at::Tensor b = item.value();
        if (b.dim() != 1 || b.size(0) != 2 * z_channels)
            throw Error(bias_name + ": expected " + std::to_string(2 * z_channels) +
                        " entries (mean and log-variance of " + std::to_string(z_channels) +
                        " channels)");
        b.narrow(0, z_channels, z_channels).fill_(log_var);
        return;
    }
    throw Error("narrow_posterior: the model has no parameter " + bias_name);
}

NamedParameters trainable_parameters(torch::nn::Module& module) {
    NamedParameters out;
    for (auto& item : module.named_parameters(/*recurse=*/true)) {
        at::Tensor p = item.value();
        p.requires_grad_(true);
        out.emplace_back(item.key(), p);
    }
    return out;
}

std::vector<io::NamedTensor> named_state(torch::nn::Module& module, const std::string& prefix) {
    std::vector<io::NamedTensor> out;
    for (const auto& item : module.named_parameters(true))
        out.push_back(
            {prefix + item.key(), item.value().detach().to(at::kCPU).contiguous(), std::nullopt});
    for (const auto& item : module.named_buffers(true))
        out.push_back(
            {prefix + item.key(), item.value().detach().to(at::kCPU).contiguous(), std::nullopt});
    return out;
}

void load_named_state(torch::nn::Module& module, const io::TensorSource& source,
                      const std::string& prefix) {
    io::LoadOptions o;
    o.prefix = prefix;
    o.mode = io::LoadMode::kStrict;
    io::load_state_dict(module, source, o);
}

nlohmann::json read_trainer_metadata(const io::TensorSource& source, const std::string& kind) {
    const auto meta = source.metadata();
    const auto it = meta.find("trainer");
    if (it == meta.end())
        throw Error(source.description() + ": not a trainer checkpoint (no 'trainer' metadata)");
    const nlohmann::json j =
        io::parse_json_text(it->second, source.description() + " metadata 'trainer'");
    if (j.value("kind", std::string()) != kind)
        throw Error(source.description() + ": checkpoint of kind '" +
                    j.value("kind", std::string("?")) + "', expected '" + kind + "'");
    return j;
}

nlohmann::json adam_to_json(const AdamOptions& o) {
    return {{"beta1", o.beta1},
            {"beta2", o.beta2},
            {"eps", o.eps},
            {"weight_decay", o.weight_decay},
            {"grad_clip", o.grad_clip}};
}

AdamOptions adam_from_json(const nlohmann::json& j) {
    AdamOptions o;
    o.beta1 = j.at("beta1").get<double>();
    o.beta2 = j.at("beta2").get<double>();
    o.eps = j.at("eps").get<double>();
    o.weight_decay = j.at("weight_decay").get<double>();
    o.grad_clip = j.at("grad_clip").get<double>();
    return o;
}

}  // namespace nava::autoencoders
