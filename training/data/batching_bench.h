// Measuring what batching does to the ranks of a job: every rank trains a small DiT on
// variable-length synthetic data under one batching strategy and records, per step, its wall
// time and the part of it spent inside collectives (waiting for the slower ranks included). The
// rest is the rank's own compute; its spread across ranks is the imbalance a strategy causes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "training/data/schedule.h"
#include "training/distributed/communicator.h"

namespace nava::train {

// A communicator that times every collective of the one it wraps.
class TimingCommunicator : public Communicator {
public:
    explicit TimingCommunicator(std::shared_ptr<Communicator> inner);
    int rank() const override { return inner_->rank(); }
    int size() const override { return inner_->size(); }
    std::string backend_name() const override { return inner_->backend_name(); }
    void all_reduce_sum(at::Tensor& tensor) override;
    at::Tensor all_gather_flat(const at::Tensor& shard) override;
    std::unique_ptr<PendingGather> all_gather_flat_start(const at::Tensor& shard) override;
    at::Tensor reduce_scatter_flat(const at::Tensor& full) override;
    void broadcast(at::Tensor& tensor, int root) override;
    void barrier() override;

    double seconds() const { return seconds_; }  // total time inside collectives
    void add_seconds(double s) { seconds_ += s; }

private:
    std::shared_ptr<Communicator> inner_;
    double seconds_ = 0.0;
};

struct BatchingBenchOptions {
    BatchingSpec batching;
    int64_t steps = 12;
    int64_t warmup_steps = 2;  // run first, not recorded
    int64_t batch = 2;
    int64_t accumulation = 1;
    // Synthetic data: latent frames drawn from [min_frames, max_frames] of a height x width grid.
    int64_t samples = 256;
    int64_t min_frames = 1, max_frames = 12;
    int64_t height = 8, width = 8;
    int64_t audio_length = 48;  // at max_frames
    // Model size (a small DiT).
    int64_t dim = 64, heads = 4, ffn = 128, double_layers = 1, single_layers = 2;
    uint64_t seed = 1;
};

struct BenchStep {
    double seconds = 0.0;       // wall time of the step on this rank
    double comm_seconds = 0.0;  // inside collectives
    int64_t samples = 0;        // this rank
    int64_t tokens = 0;         // this rank's DiT tokens
    int64_t global_samples = 0;

    double compute_seconds() const { return seconds - comm_seconds; }
};

// Collective: every rank runs it with the same options.
std::vector<BenchStep> run_batching_bench(std::shared_ptr<Communicator> comm,
                                          const BatchingBenchOptions& options);

struct BatchingSummary {
    std::string strategy;
    int64_t ranks = 0;
    double step_seconds = 0.0;  // mean over steps of the slowest rank's step time
    double compute_max = 0.0;   // mean over steps of the largest per-rank compute
    double compute_min = 0.0;   // ... and the smallest
    double imbalance = 0.0;     // mean over steps of (max - min) / mean compute
    double samples_per_step = 0.0;
    double tokens_per_s = 0.0;  // all ranks' tokens / step time
};

// per_rank[r]: rank r's steps (same count on every rank).
BatchingSummary summarize_batching(const std::string& strategy,
                                   const std::vector<std::vector<BenchStep>>& per_rank);
std::string format_batching_table(const std::vector<BatchingSummary>& rows);

}  // namespace nava::train
