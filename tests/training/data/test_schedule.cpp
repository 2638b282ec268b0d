// Batching strategies: the default keeps today's plan; buckets give every rank the same shapes
// at every step; the packer keeps every micro-batch within its cost budget and balances the
// ranks. Plans are pure functions of (seed, step, rank): a fresh schedule (a resumed run, another
// rank) computes the same plan.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "training/data/schedule.h"

using namespace nava::train;

namespace {

SyntheticSpec variable_spec(int64_t samples) {
    SyntheticSpec s;
    s.samples = samples;
    s.video_channels = 2;
    s.video_frames = 8;
    s.min_video_frames = 1;
    s.video_height = 4;
    s.video_width = 4;
    s.audio_channels = 3;
    s.audio_length = 16;
    s.text_dim = 4;
    s.text_length = 3;
    s.seed = 5;
    return s;
}

const std::vector<int64_t> kPatch = {1, 2, 2};

}  // namespace

TEST(Schedule, UniformIsTodaysSampleSchedule) {
    const SampleSchedule old(37, 3, 2, 2, 11);
    const UniformSchedule now(37, 3, 2, 2, 11);
    for (int64_t step = 0; step < 20; ++step)
        for (int64_t rank = 0; rank < 3; ++rank) {
            const MicroBatchPlan plan = now.plan(step, rank);
            ASSERT_EQ(plan.size(), 2u);
            for (int64_t m = 0; m < 2; ++m) {
                const auto slots = old.slots(step, rank, m);
                ASSERT_EQ(plan[m].size(), slots.size());
                for (std::size_t k = 0; k < slots.size(); ++k) {
                    EXPECT_EQ(plan[m][k].slot, slots[k]);
                    EXPECT_EQ(plan[m][k].index, old.index_of_slot(slots[k]));
                }
            }
            EXPECT_EQ(now.global_samples(step), 12);
        }
}

TEST(Schedule, SyntheticVariableLengthsAndGeometry) {
    const SyntheticDataset ds(variable_spec(40));
    std::set<int64_t> frames;
    for (int64_t i = 0; i < ds.size(); ++i) {
        const SampleGeometry g = ds.geometry(i);
        const TrainSample s = ds.get(i);
        EXPECT_EQ(s.video.sizes().vec(), g.video);
        EXPECT_EQ(s.audio.size(0), g.audio_length);
        EXPECT_EQ(g.audio_length, (16 * g.video[1] + 7) / 8);
        EXPECT_EQ(g.tokens(kPatch), g.video[1] * 2 * 2 + g.audio_length);
        frames.insert(g.video[1]);
    }
    EXPECT_GT(frames.size(), 4u);  // lengths really vary
    // The fixed-size dataset is unchanged by the new fields.
    SyntheticSpec fixed = variable_spec(4);
    fixed.min_video_frames = 0;
    EXPECT_EQ(SyntheticDataset(fixed).get(2).video.size(1), 8);
}

TEST(Schedule, BucketsGiveEveryRankTheSameShapesAtEveryStep) {
    const SyntheticDataset ds(variable_spec(120));
    for (int64_t ranks : {2, 3}) {
        const auto schedule = make_schedule({"buckets", {}}, ds, ranks, 2, 2, 7, kPatch);
        const auto* buckets = dynamic_cast<const BucketSchedule*>(schedule.get());
        ASSERT_NE(buckets, nullptr);
        std::map<int64_t, int64_t> chosen;
        std::map<int64_t, int64_t> seen_per_index;
        for (int64_t step = 0; step < 60; ++step) {
            std::set<std::vector<int64_t>> shapes;
            std::set<int64_t> slots;
            for (int64_t rank = 0; rank < ranks; ++rank)
                for (const auto& micro : schedule->plan(step, rank)) {
                    ASSERT_EQ(micro.size(), 2u);
                    for (const auto& s : micro) {
                        shapes.insert(ds.geometry(s.index).video);
                        EXPECT_TRUE(slots.insert(s.slot).second) << "slot used twice";
                        ++seen_per_index[s.index];
                    }
                }
            EXPECT_EQ(shapes.size(), 1u) << "step " << step << " mixes shapes";
            EXPECT_EQ(schedule->global_samples(step), ranks * 4);
            ++chosen[buckets->bucket_at(step)];
        }
        EXPECT_GT(chosen.size(), 3u);  // the step's bucket varies along the run
        // A fresh schedule (resumed run, another process) plans the same, from any step on.
        const auto again = make_schedule({"buckets", {}}, ds, ranks, 2, 2, 7, kPatch);
        for (int64_t step : {59, 3, 17})
            for (int64_t rank = 0; rank < ranks; ++rank) {
                const auto a = schedule->plan(step, rank), b = again->plan(step, rank);
                for (std::size_t m = 0; m < a.size(); ++m)
                    for (std::size_t k = 0; k < a[m].size(); ++k)
                        EXPECT_EQ(a[m][k].index, b[m][k].index);
            }
    }
}

TEST(Schedule, BucketsVisitEverySampleOfABucketBeforeRepeating) {
    std::vector<std::string> keys;
    for (int i = 0; i < 24; ++i)
        keys.push_back(i < 16 ? "big" : "small");
    const BucketSchedule s(keys, 2, 1, 2, 3);  // global batch 4
    std::map<std::string, std::vector<int64_t>> taken;
    for (int64_t step = 0; step < 6; ++step)
        for (int64_t rank = 0; rank < 2; ++rank)
            for (const auto& micro : s.plan(step, rank))
                for (const auto& x : micro)
                    taken[keys[static_cast<std::size_t>(x.index)]].push_back(x.index);
    for (const auto& [key, list] : taken) {
        const int64_t size = key == "big" ? 16 : 8;
        std::set<int64_t> first(
            list.begin(),
            list.begin() + std::min<int64_t>(size, static_cast<int64_t>(list.size())));
        EXPECT_EQ(static_cast<int64_t>(first.size()),
                  std::min<int64_t>(size, static_cast<int64_t>(list.size())))
            << key;
    }
}

TEST(Schedule, PackerKeepsMicroBatchesWithinBudgetAndBalancesRanks) {
    const SyntheticDataset ds(variable_spec(400));
    for (double p : {1.5, 2.0}) {
        BatchingSpec spec;
        spec.strategy = "packed";
        spec.packing.cost_exponent = p;
        const int64_t ranks = 3, accumulation = 2, batch = 2;
        const auto schedule = make_schedule(spec, ds, ranks, accumulation, batch, 9, kPatch);
        const auto* packed = dynamic_cast<const PackedSchedule*>(schedule.get());
        ASSERT_NE(packed, nullptr);
        // Budget: `batch` samples of the longest length.
        int64_t longest = 0;
        for (int64_t i = 0; i < ds.size(); ++i)
            longest = std::max(longest, ds.geometry(i).tokens(kPatch));
        EXPECT_DOUBLE_EQ(packed->budget(), batch * std::pow(double(longest), p));
        double worst_imbalance = 0.0;
        int64_t samples = 0;
        std::set<int64_t> slots;
        for (int64_t step = 0; step < 40; ++step) {
            std::vector<double> rank_cost(ranks, 0.0);
            int64_t step_samples = 0;
            for (int64_t rank = 0; rank < ranks; ++rank) {
                const auto plan = schedule->plan(step, rank);
                ASSERT_EQ(plan.size(), static_cast<std::size_t>(accumulation));
                for (const auto& micro : plan) {
                    ASSERT_FALSE(micro.empty());
                    EXPECT_LE(packed->cost(micro), packed->budget() * (1 + 1e-12));
                    rank_cost[rank] += packed->cost(micro);
                    step_samples += static_cast<int64_t>(micro.size());
                    for (const auto& s : micro)
                        EXPECT_TRUE(slots.insert(s.slot).second);
                }
            }
            EXPECT_EQ(schedule->global_samples(step), step_samples);
            samples += step_samples;
            const double hi = *std::max_element(rank_cost.begin(), rank_cost.end());
            const double lo = *std::min_element(rank_cost.begin(), rank_cost.end());
            worst_imbalance = std::max(worst_imbalance, (hi - lo) / hi);
        }
        // Short samples pack more per micro-batch than the fixed batch would hold.
        EXPECT_GT(samples, 40 * ranks * accumulation * batch);
        EXPECT_LT(worst_imbalance, 0.5) << "p = " << p;
        // Deterministic: a fresh packer plans the same steps.
        const auto again = make_schedule(spec, ds, ranks, accumulation, batch, 9, kPatch);
        for (int64_t rank = 0; rank < ranks; ++rank) {
            const auto a = schedule->plan(25, rank), b = again->plan(25, rank);
            for (std::size_t m = 0; m < a.size(); ++m) {
                ASSERT_EQ(a[m].size(), b[m].size());
                for (std::size_t k = 0; k < a[m].size(); ++k)
                    EXPECT_EQ(a[m][k].slot, b[m][k].slot);
            }
        }
    }
}

TEST(Schedule, PackerNeverMixesModalityFamiliesInAStep) {
    std::vector<int64_t> tokens;
    std::vector<std::string> family;
    for (int i = 0; i < 60; ++i) {
        tokens.push_back(10 + (i * 7) % 50);
        family.push_back(i % 3 == 0 ? "audio" : "av");
    }
    const PackedSchedule s(tokens, family, 2, 1, 2, 1, {});
    for (int64_t step = 0; step < 20; ++step) {
        std::set<std::string> families;
        for (int64_t rank = 0; rank < 2; ++rank)
            for (const auto& micro : s.plan(step, rank))
                for (const auto& x : micro)
                    families.insert(family[static_cast<std::size_t>(x.index)]);
        EXPECT_EQ(families.size(), 1u) << "step " << step;
    }
}

TEST(Schedule, UnknownStrategyAndBadOptionsAreRefused) {
    const SyntheticDataset ds(variable_spec(8));
    EXPECT_THROW(make_schedule({"fancy", {}}, ds, 1, 1, 1, 0, kPatch), nava::ConfigError);
    BatchingSpec bad;
    bad.strategy = "packed";
    bad.packing.cost_exponent = 0.5;
    EXPECT_THROW(make_schedule(bad, ds, 1, 1, 1, 0, kPatch), nava::ConfigError);
    EXPECT_THROW(BatchingSpec::from_json(nlohmann::json{{"strategy", "x"}}, "b"),
                 nava::ConfigError);
    EXPECT_EQ(BatchingSpec::from_json(nlohmann::json("buckets"), "b").strategy, "buckets");
}
