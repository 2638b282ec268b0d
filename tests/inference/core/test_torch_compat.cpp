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

// bf16 products on the CPU: with native bf16 kernels LibTorch accumulates in float32; without
// them (CPUs before AVX-512) our helpers compute in float32 and round the result — either way a
// long dot product stays within bf16 rounding of the exact one.
TEST(Bf16OnCpu, ProductsAccumulateInFloat32WithOrWithoutNativeKernels) {
    at::manual_seed(5);
    const at::Tensor x = at::randn({8, 1024}).to(at::kBFloat16);
    const at::Tensor w = at::randn({16, 1024}).to(at::kBFloat16);
    const at::Tensor b = at::randn({16}).to(at::kBFloat16);
    const at::Tensor exact = at::linear(x.to(at::kDouble), w.to(at::kDouble), b.to(at::kDouble));
    const at::Tensor img = at::randn({1, 64, 12, 12}).to(at::kBFloat16);
    const at::Tensor kernel = at::randn({4, 64, 3, 3}).to(at::kBFloat16);
    const at::Tensor exact_conv = at::conv2d(img.to(at::kDouble), kernel.to(at::kDouble), {}, 1, 1);
    auto rel = [](const at::Tensor& got, const at::Tensor& want) {
        return ((got.to(at::kDouble) - want).abs().max() / want.abs().max()).item<double>();
    };
    const bool own = cpu_native_bf16();
    for (bool native : {false, true}) {
        if (native && !own) continue;  // native kernels cannot be asked of a CPU without them
        set_cpu_native_bf16_for_testing(native);
        SCOPED_TRACE(native ? "native bf16" : "float32 emulation");
        const at::Tensor y = nava::linear(x, w, b);
        EXPECT_EQ(y.scalar_type(), at::kBFloat16);
        EXPECT_LT(rel(y, exact), 1e-2);
        const at::Tensor m = nava::matmul(x, w.t());
        EXPECT_LT(rel(m, exact - b.to(at::kDouble)), 1e-2);
        at::Tensor out = at::empty({8, 16}, x.options());
        nava::mm_out(out, x, w.t());
        EXPECT_TRUE(at::equal(out, m));
        const at::Tensor c = nava::convolution(img, kernel, {}, {1, 1}, {1, 1}, {1, 1}, 1);
        EXPECT_EQ(c.scalar_type(), at::kBFloat16);
        EXPECT_LT(rel(c, exact_conv), 1e-2);
        const at::Tensor q = x.view({1, 1, 8, 1024}).narrow(3, 0, 64);
        const at::Tensor a = attention(q, q, q);
        EXPECT_EQ(a.scalar_type(), at::kBFloat16);
        EXPECT_LT((a.to(at::kFloat) -
                   attention_reference(q.to(at::kFloat), q.to(at::kFloat), q.to(at::kFloat)))
                      .abs()
                      .max()
                      .item<double>(),
                  0.05);
        if (!native) {
            // The emulation is exactly float32 arithmetic rounded to bf16.
            EXPECT_TRUE(
                at::equal(y, at::linear(x.to(at::kFloat), w.to(at::kFloat), b.to(at::kFloat))
                                 .to(at::kBFloat16)));
        }
    }
    set_cpu_native_bf16_for_testing(std::nullopt);
    EXPECT_EQ(cpu_native_bf16(), own);
    // float32 is untouched.
    const at::Tensor xf = x.to(at::kFloat), wf = w.to(at::kFloat);
    EXPECT_TRUE(at::equal(nava::linear(xf, wf, {}), at::linear(xf, wf)));
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
