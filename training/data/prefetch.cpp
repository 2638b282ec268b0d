#include "training/data/prefetch.h"

#include <chrono>
#include <cstdint>

#include "inference/core/error.h"

namespace nava::train {

PrefetchingDataset::PrefetchingDataset(std::shared_ptr<const Dataset> inner,
                                       PrefetchOptions options)
    : inner_(std::move(inner)), options_(options) {
    if (!inner_) throw ConfigError("prefetching dataset: no dataset");
    if (options_.threads < 1 || options_.capacity < 1)
        throw ConfigError("prefetching dataset: threads and capacity must be positive");
    for (int t = 0; t < options_.threads; ++t)
        threads_.emplace_back([this] { worker(); });
}

PrefetchingDataset::~PrefetchingDataset() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_)
        t.join();
}

void PrefetchingDataset::prefetch(const std::vector<int64_t>& indices) const {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (int64_t i : indices) {
            if (i < 0 || i >= inner_->size())
                throw Error("prefetch: index " + std::to_string(i) + " out of range");
            ++slots_[i].requested;
            queue_.push_back(i);
        }
    }
    work_cv_.notify_all();
}

void PrefetchingDataset::worker() const {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        work_cv_.wait(lock,
                      [&] { return stop_ || (!queue_.empty() && held_ < options_.capacity); });
        if (stop_) return;
        const int64_t index = queue_.front();
        queue_.pop_front();
        Slot& slot = slots_[index];
        ++slot.loading;
        ++held_;
        lock.unlock();
        TrainSample sample;
        std::exception_ptr error;
        try {
            sample = inner_->get(index);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        Slot& done = slots_[index];
        --done.loading;
        if (error) {
            done.error = error;
            --held_;
        } else {
            done.ready.push_back(std::move(sample));
            ++stats_.loaded;
        }
        ready_cv_.notify_all();
    }
}

TrainSample PrefetchingDataset::get(int64_t index) const {
    std::unique_lock<std::mutex> lock(mutex_);
    auto it = slots_.find(index);
    if (it == slots_.end() || it->second.requested == 0) {
        ++stats_.misses;
        lock.unlock();
        return inner_->get(index);
    }
    Slot& slot = it->second;
    if (!slot.ready.empty()) {
        ++stats_.hits;
    } else if (!slot.error && slot.loading == 0) {
        // Queued but not started: load it here rather than wait behind other work.
        for (auto q = queue_.begin(); q != queue_.end(); ++q)
            if (*q == index) {
                queue_.erase(q);
                break;
            }
        --slot.requested;
        if (slot.requested == 0) slots_.erase(it);
        ++stats_.misses;
        lock.unlock();
        return inner_->get(index);
    } else if (!slot.error) {
        ++stats_.waits;
        const auto t0 = std::chrono::steady_clock::now();
        ready_cv_.wait(lock, [&] { return !slot.ready.empty() || slot.error; });
        stats_.wait_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    if (slot.ready.empty() && slot.error) {
        std::exception_ptr error = slot.error;
        slot.error = nullptr;
        --slot.requested;
        if (slot.requested == 0 && slot.loading == 0 && slot.ready.empty()) slots_.erase(index);
        std::rethrow_exception(error);
    }
    TrainSample sample = std::move(slot.ready.front());
    slot.ready.pop_front();
    --slot.requested;
    --held_;
    if (slot.requested == 0 && slot.loading == 0 && slot.ready.empty()) slots_.erase(index);
    lock.unlock();
    work_cv_.notify_all();
    return sample;
}

PrefetchStats PrefetchingDataset::stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
}

void PrefetchingDataset::wait_idle() const {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_cv_.wait(lock, [&] {
        if (!queue_.empty() && held_ < options_.capacity) return false;
        for (const auto& [i, s] : slots_)
            if (s.loading > 0) return false;
        return true;
    });
}

}  // namespace nava::train
