#include "training/lora/lora.h"

#include <algorithm>
#include <cmath>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/module.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "training/distributed/communicator.h"
#include "training/distributed/fsdp.h"
#include "training/optim/adamw.h"

namespace nava::train {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t p = s.find(sep, start);
        out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + 1;
    }
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::vector<std::string> string_list(const nlohmann::json& j, const std::string& label) {
    if (!j.is_array()) throw ConfigError(label + " must be a list of names");
    std::vector<std::string> out;
    for (const auto& v : j) {
        if (!v.is_string()) throw ConfigError(label + " must be a list of names");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

double LoraOptions::scale() const {
    if (rank <= 0) return 0.0;
    return alpha > 0.0 ? alpha / static_cast<double>(rank) : 1.0;
}

void LoraOptions::validate(const std::string& label) const {
    if (rank < 0 || rank > 4096) throw ConfigError(label + ": lora.rank must be in [0, 4096]");
    if (alpha < 0.0) throw ConfigError(label + ": lora.alpha must be >= 0");
    if (export_mode != "merged" && export_mode != "adapter" && export_mode != "both")
        throw ConfigError(label + ": lora.export must be 'merged', 'adapter' or 'both'");
    for (const auto& p : projections)
        if (p != "q" && p != "k" && p != "v" && p != "o")
            throw ConfigError(label + ": lora.projections takes q, k, v, o; got '" + p + "'");
    for (const auto& a : attention)
        if (a != "self_attn" && a != "cross_attn")
            throw ConfigError(label + ": lora.attention takes self_attn, cross_attn; got '" + a +
                              "'");
    for (int64_t b : blocks)
        if (b < 0) throw ConfigError(label + ": lora.blocks must be block indices >= 0");
}

LoraOptions LoraOptions::from_json(const nlohmann::json& json, const std::string& label) {
    io::ConfigReader r(json, label);
    LoraOptions o;
    o.rank = r.get_int("rank", o.rank);
    o.alpha = r.get_double("alpha", o.alpha);
    if (r.has("projections"))
        o.projections = string_list(json.at("projections"), label + ".projections");
    if (r.has("attention")) o.attention = string_list(json.at("attention"), label + ".attention");
    o.audio = r.get_bool("audio", o.audio);
    if (r.has("blocks") && !(json.at("blocks").is_string() && json.at("blocks") == "all"))
        o.blocks = r.get_int_list("blocks");
    o.export_mode = r.get_string("export", o.export_mode);
    o.seed = static_cast<uint64_t>(r.get_int("seed", 0));
    o.validate(label);
    return o;
}

nlohmann::json LoraOptions::to_json() const {
    return {{"rank", rank},           {"alpha", alpha}, {"projections", projections},
            {"attention", attention}, {"audio", audio}, {"blocks", blocks},
            {"export", export_mode},  {"seed", seed}};
}

bool is_lora_target(const std::string& name, int64_t block, const LoraOptions& options) {
    if (!options.enabled()) return false;
    if (!options.blocks.empty() &&
        std::find(options.blocks.begin(), options.blocks.end(), block) == options.blocks.end())
        return false;
    // "<blocks>.<i>.<attention>.<projection>.weight"
    const auto parts = split(name, '.');
    if (parts.size() < 3 || parts.back() != "weight") return false;
    std::string proj = parts[parts.size() - 2];
    const std::string& attn = parts[parts.size() - 3];
    const std::string audio_suffix = "_audio";
    if (proj.size() > audio_suffix.size() &&
        proj.compare(proj.size() - audio_suffix.size(), audio_suffix.size(), audio_suffix) == 0) {
        if (!options.audio) return false;
        proj.resize(proj.size() - audio_suffix.size());
    }
    return contains(options.attention, attn) && contains(options.projections, proj);
}

LoraAdapter::LoraAdapter(FsdpModel& fsdp, LoraOptions options)
    : fsdp_(fsdp), options_(std::move(options)) {
    by_unit_.resize(static_cast<std::size_t>(fsdp_.unit_count()));
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options_.seed * 7919 + 17);
    // The root unit (last) holds no blocks.
    for (int64_t u = 0; u + 1 < fsdp_.unit_count(); ++u) {
        const ShardedUnit& unit = fsdp_.unit(u);
        for (std::size_t p = 0; p < unit.param_names.size(); ++p) {
            if (!is_lora_target(unit.param_names[p], u, options_)) continue;
            const auto& shape = unit.shapes[p];
            if (shape.size() != 2) continue;
            LoraLayer l;
            l.module = unit.param_names[p].substr(0, unit.param_names[p].size() - 7);
            l.unit = u;
            l.param = static_cast<int64_t>(p);
            const int64_t out = shape[0], in = shape[1];
            // A like a Linear's default (uniform ±1/sqrt(in)), B zero: the delta starts at 0.
            const double bound = 1.0 / std::sqrt(static_cast<double>(in));
            l.a = at::rand({options_.rank, in}, gen, at::TensorOptions().dtype(at::kFloat))
                      .mul_(2 * bound)
                      .sub_(bound)
                      .to(unit.master.device());
            l.b = at::zeros({out, options_.rank}, unit.master.options());
            l.grad_a = at::zeros_like(l.a);
            l.grad_b = at::zeros_like(l.b);
            l.m_a = at::zeros_like(l.a);
            l.v_a = at::zeros_like(l.a);
            l.m_b = at::zeros_like(l.b);
            l.v_b = at::zeros_like(l.b);
            by_unit_[static_cast<std::size_t>(u)].push_back(static_cast<int64_t>(layers_.size()));
            layers_.push_back(std::move(l));
        }
    }
    if (layers_.empty())
        throw ConfigError(
            "lora: no attention projection matches (check lora.blocks / projections / "
            "attention)");
}

int64_t LoraAdapter::parameter_count() const {
    int64_t n = 0;
    for (const auto& l : layers_)
        n += l.a.numel() + l.b.numel();
    return n;
}

bool LoraAdapter::adapts(int64_t unit, int64_t param) const {
    if (unit < 0 || unit >= static_cast<int64_t>(by_unit_.size())) return false;
    for (int64_t i : by_unit_[static_cast<std::size_t>(unit)])
        if (layers_[static_cast<std::size_t>(i)].param == param) return true;
    return false;
}

void LoraAdapter::apply(int64_t unit) {
    if (unit < 0 || unit >= static_cast<int64_t>(by_unit_.size())) return;
    at::NoGradGuard no_grad;
    ShardedUnit& u = fsdp_.unit(unit);
    const double s = options_.scale();
    for (int64_t i : by_unit_[static_cast<std::size_t>(unit)]) {
        const LoraLayer& l = layers_[static_cast<std::size_t>(i)];
        at::Tensor& w = u.params[static_cast<std::size_t>(l.param)];
        // [out, r] @ [r, in] -> [out, in]
        w.add_(at::matmul(l.b, l.a).mul_(s).to(w.scalar_type()));
    }
}

void LoraAdapter::collect_gradients(int64_t unit) {
    if (unit < 0 || unit >= static_cast<int64_t>(by_unit_.size())) return;
    at::NoGradGuard no_grad;
    ShardedUnit& u = fsdp_.unit(unit);
    const double s = options_.scale();
    for (int64_t i : by_unit_[static_cast<std::size_t>(unit)]) {
        LoraLayer& l = layers_[static_cast<std::size_t>(i)];
        at::Tensor& w = u.params[static_cast<std::size_t>(l.param)];
        if (!w.grad().defined()) continue;
        const at::Tensor g = w.grad().to(at::kFloat);  // [out, in] = dL/dW'
        l.grad_a.add_(at::matmul(l.b.t(), g), s);      // [r, in]
        l.grad_b.add_(at::matmul(g, l.a.t()), s);      // [out, r]
        w.mutable_grad() = at::Tensor();
    }
}

void LoraAdapter::zero_grad() {
    for (auto& l : layers_) {
        l.grad_a.zero_();
        l.grad_b.zero_();
    }
}

void LoraAdapter::reduce_gradients(Communicator& comm, double scale) {
    // One flat all-reduce for the whole adapter.
    std::vector<at::Tensor> parts;
    for (const auto& l : layers_) {
        parts.push_back(l.grad_a.reshape({-1}));
        parts.push_back(l.grad_b.reshape({-1}));
    }
    at::Tensor flat = at::cat(parts);
    comm.all_reduce_sum(flat);
    if (scale != 1.0) flat.mul_(scale);
    int64_t offset = 0;
    for (auto& l : layers_) {
        l.grad_a.copy_(flat.narrow(0, offset, l.grad_a.numel()).view_as(l.grad_a));
        offset += l.grad_a.numel();
        l.grad_b.copy_(flat.narrow(0, offset, l.grad_b.numel()).view_as(l.grad_b));
        offset += l.grad_b.numel();
    }
}

double LoraAdapter::grad_norm_squared() const {
    double sq = 0.0;
    for (const auto& l : layers_)
        sq += l.grad_a.to(at::kDouble).pow(2).sum().item<double>() +
              l.grad_b.to(at::kDouble).pow(2).sum().item<double>();
    return sq;
}

void LoraAdapter::scale_gradients(double factor) {
    for (auto& l : layers_) {
        l.grad_a.mul_(factor);
        l.grad_b.mul_(factor);
    }
}

void LoraAdapter::step(const AdamWOptions& o, double lr) {
    at::NoGradGuard no_grad;
    ++steps_;
    const double bc1 = 1.0 - std::pow(o.beta1, static_cast<double>(steps_));
    const double bc2 = 1.0 - std::pow(o.beta2, static_cast<double>(steps_));
    auto update = [&](at::Tensor& p, const at::Tensor& g, at::Tensor& m, at::Tensor& v) {
        if (o.weight_decay != 0.0) p.mul_(1.0 - lr * o.weight_decay);
        m.mul_(o.beta1).add_(g, 1.0 - o.beta1);
        v.mul_(o.beta2).addcmul_(g, g, 1.0 - o.beta2);
        p.addcdiv_(m, (v / bc2).sqrt_().add_(o.eps), -lr / bc1);
    };
    for (auto& l : layers_) {
        update(l.a, l.grad_a, l.m_a, l.v_a);
        update(l.b, l.grad_b, l.m_b, l.v_b);
    }
}

std::vector<std::pair<std::string, at::Tensor>> LoraAdapter::state() const {
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (const auto& l : layers_) {
        const std::string p = "lora." + l.module + ".";
        out.emplace_back(p + "a", l.a);
        out.emplace_back(p + "b", l.b);
        out.emplace_back(p + "m_a", l.m_a);
        out.emplace_back(p + "v_a", l.v_a);
        out.emplace_back(p + "m_b", l.m_b);
        out.emplace_back(p + "v_b", l.v_b);
    }
    return out;
}

void LoraAdapter::load_state(const std::vector<std::pair<std::string, at::Tensor>>& state,
                             int64_t steps) {
    at::NoGradGuard no_grad;
    auto find = [&](const std::string& name) -> const at::Tensor& {
        for (const auto& [n, t] : state)
            if (n == name) return t;
        throw FormatError("checkpoint has no LoRA tensor " + name +
                          " (was it written with other lora settings?)");
    };
    for (auto& l : layers_) {
        const std::string p = "lora." + l.module + ".";
        for (auto [suffix, t] : {std::pair<const char*, at::Tensor*>{"a", &l.a},
                                 {"b", &l.b},
                                 {"m_a", &l.m_a},
                                 {"v_a", &l.v_a},
                                 {"m_b", &l.m_b},
                                 {"v_b", &l.v_b}}) {
            const at::Tensor& src = find(p + suffix);
            if (src.sizes() != t->sizes())
                throw FormatError("checkpoint LoRA tensor " + p + suffix +
                                  " has another shape (a different lora.rank?)");
            t->copy_(src);
        }
    }
    steps_ = steps;
}

std::vector<std::pair<std::string, at::Tensor>> LoraAdapter::adapter_tensors() const {
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (const auto& l : layers_) {
        out.emplace_back(l.module + ".lora_A.weight", l.a);
        out.emplace_back(l.module + ".lora_B.weight", l.b);
    }
    return out;
}

void LoraAdapter::merge_into(std::vector<std::pair<std::string, at::Tensor>>& state) const {
    at::NoGradGuard no_grad;
    const double s = options_.scale();
    for (const auto& l : layers_) {
        bool found = false;
        for (auto& [name, t] : state) {
            if (name != l.module + ".weight") continue;
            t = t + at::matmul(l.b, l.a).mul_(s).to(t.scalar_type());
            found = true;
        }
        if (!found) throw Error("lora: the model has no weight " + l.module + ".weight");
    }
}

void save_lora_adapter(const std::filesystem::path& path, const LoraAdapter& adapter) {
    std::vector<io::NamedTensor> tensors;
    for (const auto& [name, t] : adapter.adapter_tensors())
        tensors.push_back({name, t.contiguous(), std::nullopt});
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    const auto& o = adapter.options();
    io::save_safetensors(path, tensors,
                         {{"format", "nava-lora"},
                          {"lora_rank", std::to_string(o.rank)},
                          {"lora_alpha", std::to_string(o.alpha > 0.0 ? o.alpha : double(o.rank))},
                          {"lora_options", o.to_json().dump()}});
}

void merge_lora_adapter(torch::nn::Module& model, const std::filesystem::path& adapter) {
    const auto file = io::SafetensorsFile::open(adapter);
    const auto meta = file->metadata();
    const auto rank_it = meta.find("lora_rank");
    const auto alpha_it = meta.find("lora_alpha");
    if (rank_it == meta.end() || alpha_it == meta.end())
        throw FormatError(adapter.string() +
                          ": not a LoRA adapter (no lora_rank / lora_alpha metadata)");
    const double rank = std::stod(rank_it->second);
    const double scale = std::stod(alpha_it->second) / rank;
    auto params = model.named_parameters(/*recurse=*/true);
    at::NoGradGuard no_grad;
    const std::string a_suffix = ".lora_A.weight";
    for (const auto& name : file->names()) {
        if (name.size() <= a_suffix.size() ||
            name.compare(name.size() - a_suffix.size(), a_suffix.size(), a_suffix) != 0)
            continue;
        const std::string module = name.substr(0, name.size() - a_suffix.size());
        const at::Tensor a = file->tensor(name).to(at::kFloat);
        const at::Tensor b = file->tensor(module + ".lora_B.weight").to(at::kFloat);
        at::Tensor* w = params.find(module + ".weight");
        if (!w)
            throw FormatError(adapter.string() + ": the model has no weight " + module + ".weight");
        if (b.size(0) != w->size(0) || a.size(1) != w->size(1) || a.size(0) != b.size(1))
            throw FormatError(adapter.string() + ": " + module +
                              " shapes do not match the model's weight");
        w->add_(at::matmul(b, a).mul_(scale).to(w->device(), w->scalar_type()));
    }
}

}  // namespace nava::train
