#include "training/distributed/fsdp.h"

#include <set>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::train {
namespace {

void build_unit(ShardedUnit& unit, const std::vector<std::pair<std::string, at::Tensor>>& params,
                int world, int rank, c10::Device device) {
    int64_t offset = 0;
    for (const auto& [name, p] : params) {
        unit.param_names.push_back(name);
        unit.params.push_back(p);
        unit.shapes.push_back(p.sizes().vec());
        unit.offsets.push_back(offset);
        offset += p.numel();
    }
    unit.numel = offset;
    unit.padded = ((offset + world - 1) / world) * world;
    unit.shard_size = unit.padded / world;
    // Master shard: this rank's slice of the flattened (zero-padded) float32 values.
    const auto f32 = at::TensorOptions().dtype(at::kFloat).device(device);
    at::Tensor flat = at::zeros({unit.padded}, f32);
    for (std::size_t i = 0; i < unit.params.size(); ++i) {
        if (unit.params[i].device() != device)
            throw Error("FSDP: parameter " + unit.param_names[i] + " is on " +
                        unit.params[i].device().str() + ", the shards on " + device.str() +
                        " (move the model first)");
        flat.narrow(0, unit.offsets[i], unit.params[i].numel())
            .copy_(unit.params[i].detach().reshape({-1}).to(at::kFloat));
    }
    unit.master = flat.narrow(0, rank * unit.shard_size, unit.shard_size).clone();
    unit.grad = at::zeros({unit.shard_size}, f32);
}

}  // namespace

FsdpModel::FsdpModel(torch::nn::Module& root,
                     const std::vector<std::pair<std::string, torch::nn::Module*>>& units,
                     std::shared_ptr<Communicator> comm, FsdpOptions options)
    : comm_(std::move(comm)), options_(options) {
    at::NoGradGuard no_grad;
    // Map parameter identity -> full name, so module-owned parameters keep their model names.
    std::vector<std::pair<std::string, at::Tensor>> all;
    for (const auto& p : root.named_parameters(/*recurse=*/true))
        all.emplace_back(p.key(), p.value());
    std::set<const void*> taken;
    for (const auto& [unit_name, module] : units) {
        std::set<const void*> mine;
        for (const auto& p : module->parameters(/*recurse=*/true))
            mine.insert(p.unsafeGetTensorImpl());
        std::vector<std::pair<std::string, at::Tensor>> params;
        for (const auto& [name, p] : all) {
            if (mine.count(p.unsafeGetTensorImpl())) params.emplace_back(name, p);
        }
        ShardedUnit u;
        u.name = unit_name;
        build_unit(u, params, comm_->size(), comm_->rank(), options_.device);
        for (const auto& p : params)
            taken.insert(p.second.unsafeGetTensorImpl());
        units_.push_back(std::move(u));
    }
    std::vector<std::pair<std::string, at::Tensor>> rest;
    for (const auto& [name, p] : all)
        if (!taken.count(p.unsafeGetTensorImpl())) rest.emplace_back(name, p);
    ShardedUnit r;
    r.name = "root";
    build_unit(r, rest, comm_->size(), comm_->rank(), options_.device);
    units_.push_back(std::move(r));
    // Parameters live only as shards from now on.
    for (int64_t i = 0; i < unit_count(); ++i) {
        units_[static_cast<std::size_t>(i)].gathered = true;
        release(i);
    }
}

void FsdpModel::prefetch(int64_t index) {
    if (index < 0 || index >= unit_count()) return;
    ShardedUnit& u = unit(index);
    if (u.gathered || u.pending) return;
    u.pending = comm_->all_gather_flat_start(u.master.to(options_.compute_dtype));
}

void FsdpModel::gather(int64_t index) {
    ShardedUnit& u = unit(index);
    if (u.gathered) return;
    at::NoGradGuard no_grad;
    prefetch(index);
    const at::Tensor full = u.pending->wait();
    u.pending.reset();
    for (std::size_t i = 0; i < u.params.size(); ++i) {
        const int64_t n =
            at::IntArrayRef(u.shapes[i]).empty() ? 1 : c10::multiply_integers(u.shapes[i]);
        u.params[i].set_data(full.narrow(0, u.offsets[i], n).view(u.shapes[i]));
    }
    u.gathered = true;
}

void FsdpModel::release(int64_t index) {
    ShardedUnit& u = unit(index);
    if (!u.gathered) return;
    at::NoGradGuard no_grad;
    for (auto& p : u.params)
        p.set_data(at::empty({0}, p.options()));
    u.gathered = false;
}

void FsdpModel::reduce_gradients(int64_t index, double scale) {
    ShardedUnit& u = unit(index);
    at::NoGradGuard no_grad;
    if (u.frozen) {
        // The same decision on every rank: no collective, stray gradients dropped.
        for (auto& p : u.params)
            p.mutable_grad() = at::Tensor();
        return;
    }
    at::Tensor flat = at::zeros({u.padded}, u.grad.options());
    for (std::size_t i = 0; i < u.params.size(); ++i) {
        at::Tensor& p = u.params[i];
        if (!p.grad().defined()) continue;
        flat.narrow(0, u.offsets[i], p.grad().numel()).copy_(p.grad().reshape({-1}).to(at::kFloat));
        p.mutable_grad() = at::Tensor();
    }
    const at::Tensor shard = comm_->reduce_scatter_flat(flat);
    u.grad.add_(shard, scale);
}

void FsdpModel::zero_grad_shards() {
    for (auto& u : units_)
        u.grad.zero_();
}

double FsdpModel::global_grad_norm_squared() {
    at::Tensor sq = at::zeros({1}, at::TensorOptions().dtype(at::kDouble).device(options_.device));
    for (const auto& u : units_)
        sq += u.grad.to(at::kDouble).pow(2).sum();
    comm_->all_reduce_sum(sq);
    return sq.item<double>();
}

std::vector<std::pair<std::string, at::Tensor>> FsdpModel::full_state() {
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (auto& u : units_) {
        const at::Tensor full = comm_->all_gather_flat(u.master);
        for (std::size_t i = 0; i < u.params.size(); ++i) {
            const int64_t n =
                at::IntArrayRef(u.shapes[i]).empty() ? 1 : c10::multiply_integers(u.shapes[i]);
            out.emplace_back(u.param_names[i],
                             full.narrow(0, u.offsets[i], n)
                                 .view(u.shapes[i])
                                 .to(at::TensorOptions().device(at::kCPU), false, /*copy=*/true));
        }
    }
    return out;
}

int64_t FsdpModel::shard_bytes() const {
    int64_t n = 0;
    for (const auto& u : units_)
        n += (u.master.numel() + u.grad.numel()) * 4;
    return n;
}

int64_t FsdpModel::total_parameter_count() const {
    int64_t n = 0;
    for (const auto& u : units_)
        n += u.numel;
    return n;
}

}  // namespace nava::train
