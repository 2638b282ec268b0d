// Collectives between the ranks of a training job, on c10d process groups (Gloo for CPU tensors,
// NCCL for CUDA tensors). The flat all-gather and reduce-scatter that FSDP needs are provided
// on every backend (Gloo in LibTorch 1.13 has neither: they are built from allgather and
// alltoall). A world of one needs no process group and every collective is local.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include "training/distributed/launch_env.h"

namespace nava::train {

enum class CommBackend { gloo, nccl };

// Where this rank trains. `name`: "cpu"; "cuda" (this rank's local GPU, LOCAL_RANK) or
// "cuda:N"; "auto": the local GPU under NCCL, or when a single process trains on a machine with
// CUDA, otherwise the CPU. Throws nava::ConfigError for a device this build or machine lacks, and
// for NCCL on the CPU.
c10::Device training_device(const std::string& name, CommBackend backend, const LaunchEnv& env);

struct CollectiveCounts {
    int64_t all_gather = 0;
    int64_t reduce_scatter = 0;
    int64_t all_reduce = 0;
    int64_t broadcast = 0;
    int64_t barrier = 0;
    int64_t bytes = 0;  // payload bytes sent by this rank (approximate)
};

// A collective started without waiting for it (prefetching the next unit's parameters).
class PendingGather {
public:
    virtual ~PendingGather() = default;
    // Blocks until complete and returns the gathered [size * n] tensor.
    virtual at::Tensor wait() = 0;
};

class Communicator {
public:
    virtual ~Communicator() = default;

    // Joins the job described by `env` (TCPStore rendezvous at MASTER_ADDR:MASTER_PORT, rank 0
    // hosts it). Throws nava::Error naming the address when the rendezvous fails or times out.
    static std::shared_ptr<Communicator> connect(const LaunchEnv& env, CommBackend backend,
                                                 std::chrono::seconds timeout);
    // A world of one process.
    static std::shared_ptr<Communicator> single();

    virtual int rank() const = 0;
    virtual int size() const = 0;
    virtual std::string backend_name() const = 0;

    // In-place sum over all ranks.
    virtual void all_reduce_sum(at::Tensor& tensor) = 0;
    // [n] on every rank -> [size * n] with rank r's shard at [r*n, (r+1)*n).
    virtual at::Tensor all_gather_flat(const at::Tensor& shard) = 0;
    // The same, returning at once; the transfer overlaps with the caller's computation.
    virtual std::unique_ptr<PendingGather> all_gather_flat_start(const at::Tensor& shard) = 0;
    // [size * n] on every rank -> [n]: the sum over ranks of chunk `rank`.
    virtual at::Tensor reduce_scatter_flat(const at::Tensor& full) = 0;
    virtual void broadcast(at::Tensor& tensor, int root) = 0;
    virtual void barrier() = 0;

    const CollectiveCounts& counts() const { return counts_; }
    void reset_counts() { counts_ = {}; }

protected:
    CollectiveCounts counts_;
};

}  // namespace nava::train
