// Which samples each rank trains on at each step. Every plan is a pure function of (seed, step,
// rank) and the samples' shapes, so all ranks compute the same global plan without talking to
// each other, and a resumed run continues exactly where it stopped.
//
// Strategies:
//   uniform  - today's SampleSchedule: a shuffled epoch, fixed batch; shapes mix freely, so a
//              rank with long samples makes the others wait at every collective.
//   buckets  - length/aspect buckets: the step's bucket is drawn from a generator seeded by the
//              step (probability proportional to the bucket's size), and the whole global batch
//              comes from it: every rank gets identical shapes.
//   packed   - cost-balanced packing: micro-batches of similar-length samples whose cost
//              batch × max_tokens^p (attention is quadratic in the sequence) stays within one
//              budget; each step takes ranks × accumulation micro-batches of near-equal cost,
//              spread over the ranks so that their sums match. The batch size varies per step.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "training/data/dataset.h"

namespace nava::train {

struct ScheduledSample {
    int64_t slot = 0;   // unique global sample number: seeds the sample's noise and dropouts
    int64_t index = 0;  // dataset index
};

// This rank's micro-batches of one step: always accumulation() of them (some may be empty).
using MicroBatchPlan = std::vector<std::vector<ScheduledSample>>;

class BatchSchedule {
public:
    virtual ~BatchSchedule() = default;
    virtual std::string name() const = 0;
    virtual MicroBatchPlan plan(int64_t step, int64_t rank) const = 0;
    // Samples of the step over all ranks (the step's loss is their mean).
    virtual int64_t global_samples(int64_t step) const = 0;
    int64_t ranks() const { return ranks_; }
    int64_t accumulation() const { return accumulation_; }

protected:
    BatchSchedule(int64_t ranks, int64_t accumulation);
    int64_t ranks_ = 1;
    int64_t accumulation_ = 1;
};

// Today's behaviour (the default).
class UniformSchedule : public BatchSchedule {
public:
    UniformSchedule(int64_t dataset_size, int64_t ranks, int64_t accumulation, int64_t batch,
                    uint64_t seed);
    std::string name() const override { return "uniform"; }
    MicroBatchPlan plan(int64_t step, int64_t rank) const override;
    int64_t global_samples(int64_t) const override { return schedule_.global_batch(); }

private:
    SampleSchedule schedule_;
    mutable std::mutex mutex_;  // SampleSchedule caches its permutation
};

class BucketSchedule : public BatchSchedule {
public:
    // bucket_of[i]: the bucket key of dataset index i.
    BucketSchedule(const std::vector<std::string>& bucket_of, int64_t ranks, int64_t accumulation,
                   int64_t batch, uint64_t seed);
    std::string name() const override { return "buckets"; }
    MicroBatchPlan plan(int64_t step, int64_t rank) const override;
    int64_t global_samples(int64_t) const override { return global_batch(); }

    int64_t global_batch() const { return ranks_ * accumulation_ * batch_; }
    const std::vector<std::string>& bucket_keys() const { return keys_; }
    // Index into bucket_keys() of the bucket step `step` draws from.
    int64_t bucket_at(int64_t step) const;

private:
    int64_t member_at(int64_t bucket, int64_t position) const;
    // Number of samples bucket `b` handed out before `step` (replayed from step 0, cached).
    int64_t cursor_before(int64_t step, int64_t bucket) const;

    int64_t batch_ = 1;
    uint64_t seed_ = 0;
    std::vector<std::string> keys_;
    std::vector<std::vector<int64_t>> members_;  // dataset indices per bucket
    std::vector<double> cumulative_;             // normalised cumulative bucket weights
    mutable std::mutex mutex_;
    mutable std::vector<std::vector<int64_t>> cursors_;  // per-bucket cursors every 1024 steps
    mutable std::map<std::pair<int64_t, int64_t>, std::vector<int64_t>> permutations_;
};

struct PackingOptions {
    double cost_exponent = 2.0;  // p in batch × max_tokens^p (1.5–2)
    // Budget per micro-batch = batch × reference_tokens^p: as expensive as `batch` samples of
    // `reference_tokens` (0 = the longest sample of the dataset).
    int64_t reference_tokens = 0;
    int64_t window = 0;  // samples considered together (0 = 16 × ranks × accumulation × batch)
};

class PackedSchedule : public BatchSchedule {
public:
    // tokens[i], family[i]: DiT tokens and modality family ("av", "video", "audio", ...) of
    // dataset index i. Samples of different families never share a step.
    PackedSchedule(const std::vector<int64_t>& tokens, const std::vector<std::string>& family,
                   int64_t ranks, int64_t accumulation, int64_t batch, uint64_t seed,
                   const PackingOptions& options);
    std::string name() const override { return "packed"; }
    MicroBatchPlan plan(int64_t step, int64_t rank) const override;
    int64_t global_samples(int64_t step) const override;

    double budget() const { return budget_; }
    double cost_exponent() const { return options_.cost_exponent; }
    // Cost of a micro-batch: size × (longest tokens)^p.
    double cost(const std::vector<ScheduledSample>& micro) const;

private:
    struct Step {
        std::vector<std::vector<ScheduledSample>> micro;  // [rank * accumulation + m]
        int64_t samples = 0;
    };
    const Step& step_at(int64_t step) const;
    void build_next_chunk() const;
    int64_t stream_index(int64_t position) const;

    std::vector<int64_t> tokens_;
    std::vector<std::string> family_;
    int64_t batch_ = 1;
    uint64_t seed_ = 0;
    PackingOptions options_;
    double budget_ = 0.0;
    int64_t window_ = 0;
    mutable std::mutex mutex_;
    mutable std::vector<Step> steps_;
    mutable std::vector<ScheduledSample> carry_;
    mutable int64_t next_position_ = 0;
    mutable int64_t chunks_ = 0;
    mutable int64_t cached_epoch_ = -1;
    mutable std::vector<int64_t> permutation_;
};

struct BatchingSpec {
    std::string strategy = "uniform";  // "uniform", "buckets" or "packed"
    PackingOptions packing;

    // {"strategy", "cost_exponent", "reference_tokens", "window"}
    static BatchingSpec from_json(const nlohmann::json& json, const std::string& label);
    nlohmann::json to_json() const;
};

// The schedule for a dataset. `patch`: the DiT's (t, h, w) patch, for token counts.
std::unique_ptr<BatchSchedule> make_schedule(const BatchingSpec& spec, const Dataset& dataset,
                                             int64_t ranks, int64_t accumulation, int64_t batch,
                                             uint64_t seed, const std::vector<int64_t>& patch);

// A deterministic permutation of 0..n-1 for a seed (Fisher-Yates on splitmix64).
std::vector<int64_t> seeded_permutation(int64_t n, uint64_t seed);

}  // namespace nava::train
