// Fully sharded data parallelism, written on top of Communicator (LibTorch has no C++ FSDP).
//
// Parameters are grouped into units (one per transformer block plus a root unit for everything
// else). Each unit's parameters are flattened into one vector, padded to a multiple of the world
// size, and every rank keeps only its contiguous 1/N shard as float32 "master" weights, with its
// gradient accumulator and optimizer state. Before a unit runs, its full parameters are gathered
// (in the compute dtype) and the module's parameters are pointed at views of that buffer; after
// it ran they are released again. Gradients of a unit are reduce-scattered in float32 straight
// into the shards.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <torch/nn/module.h>

#include "training/distributed/communicator.h"

namespace nava::train {

struct ShardedUnit {
    std::string name;
    std::vector<std::string> param_names;  // names within the whole model
    std::vector<at::Tensor> params;        // the module's parameter tensors (data swapped in/out)
    std::vector<std::vector<int64_t>> shapes;
    std::vector<int64_t> offsets;  // into the flat vector
    int64_t numel = 0;             // real elements
    int64_t padded = 0;            // multiple of the world size
    int64_t shard_size = 0;        // padded / world

    at::Tensor master;  // [shard_size] float32 weights of this rank
    at::Tensor grad;    // [shard_size] float32 accumulated gradient
    // Partial freezing: [shard_size] float32, 1 where the element trains (undefined = all
    // train). `frozen`: nothing of the unit trains; its gradients are never reduced.
    at::Tensor trainable;
    bool frozen = false;
    bool gathered = false;
    std::unique_ptr<PendingGather> pending;
};

struct FsdpOptions {
    at::ScalarType compute_dtype = at::kFloat;  // dtype of gathered parameters (bf16 or f32)
    // Where shards, gradients and gathered parameters live: the module's parameters must
    // already be there (their storage is swapped, never moved across devices).
    c10::Device device = c10::kCPU;
};

class FsdpModel {
public:
    // `units`: for each unit, the name and the modules whose parameters it owns; every remaining
    // parameter of `root` goes into a final unit called "root". The module's current parameter
    // values become the master weights (all ranks must start from the same values).
    FsdpModel(torch::nn::Module& root,
              const std::vector<std::pair<std::string, torch::nn::Module*>>& units,
              std::shared_ptr<Communicator> comm, FsdpOptions options = {});

    int64_t unit_count() const { return static_cast<int64_t>(units_.size()); }
    ShardedUnit& unit(int64_t i) { return units_.at(static_cast<std::size_t>(i)); }
    const ShardedUnit& unit(int64_t i) const { return units_.at(static_cast<std::size_t>(i)); }
    ShardedUnit& root_unit() { return units_.back(); }
    Communicator& comm() { return *comm_; }

    // All-gathers a unit's parameters into the module (compute dtype, requires_grad kept);
    // completes a prefetch of that unit if one is pending.
    void gather(int64_t unit);
    // Starts gathering a unit in the background (no effect if gathered or already pending).
    void prefetch(int64_t unit);
    // Drops the gathered parameters (the module's tensors become empty).
    void release(int64_t unit);
    // Reduce-scatters the module's parameter gradients of a unit (sum over ranks, times `scale`)
    // into its grad shard (accumulating), then clears them.
    void reduce_gradients(int64_t unit, double scale = 1.0);
    void zero_grad_shards();

    // Sum over ranks of the squared gradient norm of all shards (one all-reduce).
    double global_grad_norm_squared();

    // The full, unsharded float32 parameters by name, on the CPU (collective: every rank must
    // call it).
    std::vector<std::pair<std::string, at::Tensor>> full_state();
    // Bytes of this rank's sharded state (master + grad), for memory reports.
    int64_t shard_bytes() const;
    int64_t total_parameter_count() const;

private:
    std::vector<ShardedUnit> units_;
    std::shared_ptr<Communicator> comm_;
    FsdpOptions options_;
};

}  // namespace nava::train
