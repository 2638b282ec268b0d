// A dataset wrapper whose background threads load the samples of the coming steps while the
// trainer computes the current one, so that the training loop finds them ready.
//
// The training loop announces the indices it will ask for (prefetch(), in order, typically the
// next steps' plan for this rank); get() then hands out the loaded sample (a hit), waits for one
// that is being loaded, or loads it itself when it was never announced (a miss). An index
// announced twice is loaded twice and handed out twice.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "training/data/dataset.h"

namespace nava::train {

struct PrefetchOptions {
    int threads = 2;         // loader threads
    int64_t capacity = 256;  // samples held ready or in flight at most (announcements beyond
                             // wait in the queue)
};

struct PrefetchStats {
    int64_t hits = 0;    // the sample was ready
    int64_t waits = 0;   // it was being loaded; get() waited for it
    int64_t misses = 0;  // never announced; get() loaded it itself
    double wait_seconds = 0.0;
    int64_t loaded = 0;  // samples loaded by the background threads
};

class PrefetchingDataset : public Dataset {
public:
    PrefetchingDataset(std::shared_ptr<const Dataset> inner, PrefetchOptions options = {});
    ~PrefetchingDataset() override;
    PrefetchingDataset(const PrefetchingDataset&) = delete;
    PrefetchingDataset& operator=(const PrefetchingDataset&) = delete;

    int64_t size() const override { return inner_->size(); }
    TrainSample get(int64_t index) const override;
    SampleGeometry geometry(int64_t index) const override { return inner_->geometry(index); }

    // Queue these indices for loading, in this order.
    void prefetch(const std::vector<int64_t>& indices) const;
    PrefetchStats stats() const;
    // Blocks until nothing is queued or loading (tests).
    void wait_idle() const;

private:
    struct Slot {
        int64_t requested = 0;          // announced and not yet handed out
        std::deque<TrainSample> ready;  // loaded, in load order
        int64_t loading = 0;            // loads in progress
        std::exception_ptr error;       // a failed load, rethrown by get()
    };
    void worker() const;

    std::shared_ptr<const Dataset> inner_;
    PrefetchOptions options_;
    mutable std::mutex mutex_;
    mutable std::condition_variable work_cv_;   // queue changed / stop
    mutable std::condition_variable ready_cv_;  // a load finished
    mutable std::deque<int64_t> queue_;
    mutable std::map<int64_t, Slot> slots_;
    mutable int64_t held_ = 0;  // ready + loading samples
    mutable PrefetchStats stats_;
    bool stop_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace nava::train
