// The LibTorch compatibility layer and runtime set-up.
#include <gtest/gtest.h>

#include <thread>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include "inference/core/benchmark.h"
#include "inference/core/runtime.h"
#include "inference/core/torch_compat.h"

using namespace nava;

TEST(Attention, FusedPathEqualsStepByStepReference) {
    at::manual_seed(3);
    const at::Tensor q = at::randn({2, 3, 5, 8});
    const at::Tensor k = at::randn({2, 3, 7, 8});
    const at::Tensor v = at::randn({2, 3, 7, 8});
    const at::Tensor fused = attention(q, k, v);
    const at::Tensor scores =
        at::matmul(q.to(at::kDouble), k.to(at::kDouble).transpose(-2, -1)) / std::sqrt(8.0);
    const at::Tensor manual = at::matmul(at::softmax(scores, -1), v.to(at::kDouble));
    EXPECT_LT((fused.to(at::kDouble) - manual).abs().max().item<double>(), 1e-5);
    EXPECT_LT((attention_reference(q, k, v).to(at::kDouble) - manual).abs().max().item<double>(),
              1e-5);
}

TEST(Attention, ScaleAndBooleanMask) {
    at::manual_seed(4);
    const at::Tensor q = at::randn({1, 2, 4, 6});
    const at::Tensor k = at::randn({1, 2, 5, 6});
    const at::Tensor v = at::randn({1, 2, 5, 6});
    // Only the first three keys are visible.
    const at::Tensor keep = at::arange(5).lt(3).reshape({1, 1, 1, 5}).expand({1, 1, 4, 5});
    const at::Tensor got = attention(q, k, v, keep, 1.0);
    const at::Tensor expect = attention_reference(q.narrow(2, 0, 4), k.narrow(2, 0, 3),
                                                  v.narrow(2, 0, 3), std::nullopt, 1.0);
    EXPECT_LT((got - expect).abs().max().item<double>(), 1e-5);
    // float64 stays float64.
    const at::Tensor d = attention(q.to(at::kDouble), k.to(at::kDouble), v.to(at::kDouble));
    EXPECT_EQ(d.scalar_type(), at::kDouble);
}

TEST(Runtime, SetsTheIntraOpThreadCount) {
    const auto info = init_runtime(2);
    EXPECT_EQ(info.intra_op_threads, 2);
    EXPECT_EQ(at::get_num_threads(), 2);
    const auto all = init_runtime(0);
    EXPECT_GE(all.intra_op_threads, 1);
    EXPECT_FALSE(info.torch_version.empty());
}

TEST(Benchmark, MedianOfRepetitions) {
    int calls = 0;
    const auto t = bench::time_ms([&] { ++calls; }, 2, 5);
    EXPECT_EQ(calls, 7);
    EXPECT_EQ(t.repetitions, 5);
    EXPECT_LE(t.min_ms, t.median_ms);
    EXPECT_LE(t.median_ms, t.max_ms);
    const auto peak = bench::measure_matmul_peak(at::kFloat, 64, c10::Device(c10::kCPU), 3);
    EXPECT_GT(peak.gflops, 0.0);
    EXPECT_EQ(bench::parse_dtype("bf16"), at::kBFloat16);
    EXPECT_THROW(bench::parse_dtype("int4"), std::exception);
}
