#include "training/distributed/communicator.h"

#include <ATen/ATen.h>
#include <torch/version.h>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include "inference/core/error.h"
#include "inference/core/torch_compat.h"
#include "nava/build_config.h"

// Gloo's headers come with Debian's LibTorch and the PyTorch wheels; a LibTorch without them
// still builds, and says so when asked for Gloo with several ranks.
#if __has_include(<gloo/algorithm.h>)
#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO
#endif
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#define NAVA_WITH_GLOO 1
#else
#define NAVA_WITH_GLOO 0
#endif

#if NAVA_HAVE_NCCL && TORCH_VERSION_MAJOR >= 2 && __has_include(<nccl.h>)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#define NAVA_WITH_NCCL 1
#else
#define NAVA_WITH_NCCL 0
#endif

namespace nava::train {
namespace {

class ReadyGather final : public PendingGather {
public:
    explicit ReadyGather(at::Tensor full) : full_(std::move(full)) {}
    at::Tensor wait() override { return full_; }

private:
    at::Tensor full_;
};

class SingleProcess final : public Communicator {
public:
    int rank() const override { return 0; }
    int size() const override { return 1; }
    std::string backend_name() const override { return "single"; }
    void all_reduce_sum(at::Tensor&) override { ++counts_.all_reduce; }
    at::Tensor all_gather_flat(const at::Tensor& shard) override {
        ++counts_.all_gather;
        return shard.clone();
    }
    std::unique_ptr<PendingGather> all_gather_flat_start(const at::Tensor& shard) override {
        return std::make_unique<ReadyGather>(all_gather_flat(shard));
    }
    at::Tensor reduce_scatter_flat(const at::Tensor& full) override {
        ++counts_.reduce_scatter;
        return full.clone();
    }
    void broadcast(at::Tensor&, int) override { ++counts_.broadcast; }
    void barrier() override { ++counts_.barrier; }
};

// Both backends share the calling conventions of c10d; only construction and reduce-scatter
// differ.
template <class Group>
class GroupCommunicator final : public Communicator {
public:
    GroupCommunicator(c10::intrusive_ptr<c10d::Store> store, c10::intrusive_ptr<Group> group,
                      int rank, int size, std::string name, bool native_reduce_scatter)
        : store_(std::move(store)),
          group_(std::move(group)),
          rank_(rank),
          size_(size),
          name_(std::move(name)),
          native_reduce_scatter_(native_reduce_scatter) {}

    int rank() const override { return rank_; }
    int size() const override { return size_; }
    std::string backend_name() const override { return name_; }

    void all_reduce_sum(at::Tensor& tensor) override {
        ++counts_.all_reduce;
        counts_.bytes += static_cast<int64_t>(tensor.nbytes());
        std::vector<at::Tensor> t = {tensor};
        wait(group_->allreduce(t), "all-reduce");
    }

    at::Tensor all_gather_flat(const at::Tensor& shard) override {
        return all_gather_flat_start(shard)->wait();
    }

    std::unique_ptr<PendingGather> all_gather_flat_start(const at::Tensor& shard) override {
        ++counts_.all_gather;
        counts_.bytes += static_cast<int64_t>(shard.nbytes());
        auto pending = std::make_unique<Pending>(this);
        pending->input = shard.contiguous();
        pending->full = at::empty({pending->input.numel() * size_}, pending->input.options());
        std::vector<std::vector<at::Tensor>> outputs(1);
        for (int r = 0; r < size_; ++r)
            outputs[0].push_back(
                pending->full.narrow(0, r * pending->input.numel(), pending->input.numel()));
        std::vector<at::Tensor> inputs = {pending->input};
        pending->work = group_->allgather(outputs, inputs);
        return pending;
    }

    at::Tensor reduce_scatter_flat(const at::Tensor& full) override {
        ++counts_.reduce_scatter;
        counts_.bytes += static_cast<int64_t>(full.nbytes());
        const at::Tensor input = full.contiguous();
        const int64_t n = input.numel() / size_;
        if (native_reduce_scatter_) {
            at::Tensor out = at::empty({n}, input.options());
            std::vector<at::Tensor> outputs = {out};
            std::vector<std::vector<at::Tensor>> inputs(1);
            for (int r = 0; r < size_; ++r)
                inputs[0].push_back(input.narrow(0, r * n, n));
            wait(group_->reduce_scatter(outputs, inputs), "reduce-scatter");
            return out;
        }
        // Exchange chunks (chunk r goes to rank r), then sum what arrived.
        at::Tensor received = at::empty_like(input);
        at::Tensor send = input;
        std::vector<int64_t> splits(static_cast<std::size_t>(size_), n);
        wait(group_->alltoall_base(received, send, splits, splits), "reduce-scatter");
        return received.view({size_, n}).sum(0);
    }

    void broadcast(at::Tensor& tensor, int root) override {
        ++counts_.broadcast;
        std::vector<at::Tensor> t = {tensor};
        c10d::BroadcastOptions opts;
        opts.rootRank = root;
        wait(group_->broadcast(t, opts), "broadcast");
    }

    void barrier() override {
        ++counts_.barrier;
        wait(group_->barrier(), "barrier");
    }

private:
    using WorkPtr = decltype(std::declval<Group&>().barrier());

    struct Pending final : PendingGather {
        explicit Pending(GroupCommunicator* owner) : owner(owner) {}
        at::Tensor wait() override {
            if (work) {
                owner->wait(work, "all-gather");
                work.reset();
            }
            return full;
        }
        GroupCommunicator* owner;
        at::Tensor input, full;
        WorkPtr work;
    };

    template <class W>
    void wait(const W& work, const char* what) {
        try {
            work->wait();
        } catch (const std::exception& e) {
            throw Error("rank " + std::to_string(rank_) + ": " + what +
                        " failed (another rank stopped or the network failed): " + e.what());
        }
    }

    c10::intrusive_ptr<c10d::Store> store_;
    c10::intrusive_ptr<Group> group_;
    int rank_;
    int size_;
    std::string name_;
    bool native_reduce_scatter_;
};

}  // namespace

c10::Device training_device(const std::string& name, CommBackend backend, const LaunchEnv& env) {
    const int gpus = cuda_device_count();
    auto local_gpu = [&](const std::string& why) {
        if (gpus == 0)
            throw ConfigError(why + ": no CUDA device is available to this build" +
                              (cuda_available() ? "" : " (LibTorch without CUDA, or no GPU)"));
        if (env.local_rank >= gpus)
            throw ConfigError(why + ": local rank " + std::to_string(env.local_rank) +
                              " has no GPU of its own (" + std::to_string(gpus) +
                              " visible); start at most one rank per GPU");
        return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(env.local_rank));
    };
    if (name == "auto") {
        if (backend == CommBackend::nccl) return local_gpu("the NCCL backend");
        if (env.world_size <= 1 && gpus > 0) return local_gpu("device auto");
        return c10::Device(c10::kCPU);
    }
    if (name == "cpu") {
        if (backend == CommBackend::nccl)
            throw ConfigError(
                "the NCCL backend exchanges GPU tensors: train on cuda, or use the gloo backend "
                "on the CPU");
        return c10::Device(c10::kCPU);
    }
    if (name == "cuda") return local_gpu("device cuda");
    if (name.rfind("cuda:", 0) == 0) {
        const std::string digits = name.substr(5);
        if (digits.empty() || digits.size() > 3 ||
            digits.find_first_not_of("0123456789") != std::string::npos)
            throw ConfigError("device '" + name + "': expected cuda:N with a GPU number");
        const int index = std::stoi(digits);
        if (index >= gpus)
            throw ConfigError("device '" + name + "': " + std::to_string(gpus) +
                              " CUDA device(s) visible");
        return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
    }
    throw ConfigError("device must be auto, cpu, cuda or cuda:N, got '" + name + "'");
}

std::shared_ptr<Communicator> Communicator::single() {
    return std::make_shared<SingleProcess>();
}

std::shared_ptr<Communicator> Communicator::connect(const LaunchEnv& env, CommBackend backend,
                                                    std::chrono::seconds timeout) {
    if (env.world_size <= 1 && backend == CommBackend::gloo) return single();
    c10::intrusive_ptr<c10d::Store> store;
    try {
        c10d::TCPStoreOptions opts;
        opts.port = static_cast<std::uint16_t>(env.master_port);
        opts.isServer = env.rank == 0;
        opts.numWorkers = static_cast<std::size_t>(env.world_size);
        opts.waitWorkers = true;
        opts.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        store = c10::make_intrusive<c10d::TCPStore>(env.master_addr, opts);
    } catch (const std::exception& e) {
        throw Error("rank " + std::to_string(env.rank) + ": cannot rendezvous at " +
                    env.master_addr + ":" + std::to_string(env.master_port) + " (" + e.what() +
                    ")");
    }
    if (backend == CommBackend::gloo) {
#if NAVA_WITH_GLOO
        auto options = c10d::ProcessGroupGloo::Options::create();
        options->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
        const bool local = env.master_addr == "127.0.0.1" || env.master_addr == "localhost";
        options->devices.push_back(
            local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                  : c10d::ProcessGroupGloo::createDefaultDevice());
        auto group =
            c10::make_intrusive<c10d::ProcessGroupGloo>(store, env.rank, env.world_size, options);
        return std::make_shared<GroupCommunicator<c10d::ProcessGroupGloo>>(
            store, group, env.rank, env.world_size, "gloo", /*native_reduce_scatter=*/false);
#else
        throw Error("this LibTorch has no Gloo support: use the NCCL backend on GPUs");
#endif
    }
#if NAVA_WITH_NCCL
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
    auto group =
        c10::make_intrusive<c10d::ProcessGroupNCCL>(store, env.rank, env.world_size, options);
    return std::make_shared<GroupCommunicator<c10d::ProcessGroupNCCL>>(
        store, group, env.rank, env.world_size, "nccl", /*native_reduce_scatter=*/true);
#else
    throw Error("this build has no NCCL support (CPU LibTorch): use the Gloo backend");
#endif
}

}  // namespace nava::train
