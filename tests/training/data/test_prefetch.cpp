// The prefetching loader: announced samples are loaded in the background (several at once) and
// handed out without waiting; unannounced ones are loaded on demand; errors reach the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "training/data/prefetch.h"

using namespace nava::train;
using Clock = std::chrono::steady_clock;

namespace {

// A dataset whose samples take `delay` to load; counts loads and the peak of parallel loads.
class SlowDataset : public Dataset {
public:
    explicit SlowDataset(std::chrono::milliseconds delay) : delay_(delay) {}
    int64_t size() const override { return 100; }
    TrainSample get(int64_t index) const override {
        const int now = ++active_;
        int peak = peak_.load();
        while (now > peak && !peak_.compare_exchange_weak(peak, now)) {
        }
        std::this_thread::sleep_for(delay_);
        --active_;
        ++loads_;
        if (index == 13) throw nava::IoError("sample 13 is damaged");
        TrainSample s;
        s.index = index;
        s.context = at::full({1, 1}, static_cast<double>(index));
        return s;
    }
    mutable std::atomic<int> loads_{0}, active_{0}, peak_{0};

private:
    std::chrono::milliseconds delay_;
};

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

TEST(Prefetch, AnnouncedSamplesAreReadyWhenAskedFor) {
    auto inner = std::make_shared<SlowDataset>(std::chrono::milliseconds(40));
    PrefetchOptions o;
    o.threads = 4;
    PrefetchingDataset ds(inner, o);
    const std::vector<int64_t> next = {5, 6, 7, 8, 9, 10, 11, 12};
    const auto t0 = Clock::now();
    ds.prefetch(next);
    ds.wait_idle();
    // Four loaders in parallel: 8 loads of 40 ms take about 80 ms, not 320 ms.
    EXPECT_LT(seconds_since(t0), 0.25);
    EXPECT_GE(inner->peak_.load(), 2);
    const auto t1 = Clock::now();
    for (int64_t i : next)
        EXPECT_EQ(ds.get(i).context.item<double>(), static_cast<double>(i));
    EXPECT_LT(seconds_since(t1), 0.03);  // no load on the caller's thread
    const PrefetchStats s = ds.stats();
    EXPECT_EQ(s.hits, 8);
    EXPECT_EQ(s.misses, 0);
    EXPECT_EQ(s.loaded, 8);
    EXPECT_EQ(inner->loads_.load(), 8);
}

TEST(Prefetch, UnannouncedRepeatedAndFailingSamples) {
    auto inner = std::make_shared<SlowDataset>(std::chrono::milliseconds(5));
    PrefetchingDataset ds(inner, {2, 16});
    EXPECT_EQ(ds.get(3).context.item<double>(), 3.0);  // never announced: loaded on demand
    EXPECT_EQ(ds.stats().misses, 1);
    ds.prefetch({4, 4, 13});  // a sample twice (small buckets repeat), one that fails
    ds.wait_idle();
    EXPECT_EQ(ds.get(4).context.item<double>(), 4.0);
    EXPECT_EQ(ds.get(4).context.item<double>(), 4.0);
    EXPECT_THROW(ds.get(13), nava::IoError);
    EXPECT_EQ(ds.stats().hits, 2);
    EXPECT_EQ(inner->loads_.load(), 4);
    EXPECT_EQ(ds.get(4).context.item<double>(), 4.0);  // both handed out: a fresh load
    EXPECT_EQ(ds.stats().misses, 2);
    EXPECT_THROW(ds.prefetch({100}), nava::Error);
}

TEST(Prefetch, TheTrainingLoopPatternNeverWaitsWhenLoadingIsFasterThanAStep) {
    // Steps of 4 samples; loading one takes 10 ms, a "training step" 30 ms: with two steps
    // announced ahead, every sample after the first step is a hit.
    auto inner = std::make_shared<SlowDataset>(std::chrono::milliseconds(10));
    PrefetchingDataset ds(inner, {2, 64});
    auto step_indices = [](int64_t step) {
        std::vector<int64_t> v;
        for (int64_t k = 0; k < 4; ++k)
            v.push_back((step * 4 + k) % 100 == 13 ? 14 : (step * 4 + k) % 100);
        return v;
    };
    int64_t announced = 0;
    PrefetchStats after_first;
    for (int64_t step = 0; step < 8; ++step) {
        if (step == 1) after_first = ds.stats();
        for (; announced < step + 3; ++announced)
            ds.prefetch(step_indices(announced));
        for (int64_t i : step_indices(step))
            (void)ds.get(i);
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    // Only the very first step may wait or load itself; every later sample is ready.
    const PrefetchStats s = ds.stats();
    EXPECT_EQ(s.hits - after_first.hits, 7 * 4);
    EXPECT_EQ(s.misses, after_first.misses);
    EXPECT_EQ(s.waits, after_first.waits);
}
