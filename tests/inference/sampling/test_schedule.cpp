// Schedules: FlowUniPC / Euler / training grid against the reference fixture, argument checks.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/sampling/flow_matching.h"
#include "inference/sampling/schedule.h"
#include "tests/inference/sampling/sampling_test_util.h"

using namespace nava::sampling;
using nava::sampling::test::max_abs_diff;
using nava::sampling::test::open_cached;
using nava::sampling::test::sampler_fixture;
using nava::sampling::test::sampler_tensor;

namespace {

std::vector<int64_t> ints(const at::Tensor& t) {
    const at::Tensor c = t.contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}

struct Tag {
    SolverKind kind;
    int64_t steps;
    double shift;
    std::string prefix;  // "<solver>_<tag>"
};

// Every <solver>_n<steps>_s<shift>_timesteps key of schedules.safetensors.
std::vector<Tag> schedule_tags() {
    static const std::regex re(R"(^(unipc|euler)_n(\d+)_s([0-9p]+)_timesteps$)");
    std::vector<Tag> tags;
    for (const auto& name : open_cached(sampler_fixture("schedules.safetensors")).names()) {
        std::smatch m;
        if (!std::regex_match(name, m, re)) continue;
        std::string shift = m[3];
        for (char& c : shift)
            if (c == 'p') c = '.';
        tags.push_back({solver_kind_from_string(m[1]), std::stoll(m[2]), std::stod(shift),
                        m[1].str() + "_n" + m[2].str() + "_s" + m[3].str()});
    }
    return tags;
}

}  // namespace

TEST(Schedule, FixtureListsBothSolvers) {
    const auto tags = schedule_tags();
    int unipc = 0, euler = 0;
    for (const auto& t : tags)
        (t.kind == SolverKind::unipc ? unipc : euler)++;
    EXPECT_GE(unipc, 2);
    EXPECT_GE(euler, 2);
}

TEST(Schedule, UniPCMatchesReferenceExactly) {
    for (const auto& t : schedule_tags()) {
        if (t.kind != SolverKind::unipc) continue;
        SCOPED_TRACE(t.prefix);
        const Schedule s = unipc_schedule(t.steps, t.shift);
        const at::Tensor ref_t = sampler_tensor("schedules.safetensors", t.prefix + "_timesteps");
        const at::Tensor ref_s = sampler_tensor("schedules.safetensors", t.prefix + "_sigmas");
        ASSERT_EQ(s.timesteps.scalar_type(), at::kLong);
        EXPECT_TRUE(at::equal(s.timesteps, ref_t));  // integers, bit-exact
        ASSERT_EQ(s.sigmas.scalar_type(), at::kFloat);
        EXPECT_TRUE(at::equal(s.sigmas, ref_s));  // float32, bit-exact
        EXPECT_EQ(s.sigma(t.steps), 0.0f);
    }
}

TEST(Schedule, EulerMatchesReference) {
    for (const auto& t : schedule_tags()) {
        if (t.kind != SolverKind::euler) continue;
        SCOPED_TRACE(t.prefix);
        const Schedule s = euler_schedule(t.steps, t.shift);
        const at::Tensor ref_t = sampler_tensor("schedules.safetensors", t.prefix + "_timesteps");
        const at::Tensor ref_s = sampler_tensor("schedules.safetensors", t.prefix + "_sigmas");
        ASSERT_EQ(s.timesteps.scalar_type(), at::kFloat);
        EXPECT_LE(max_abs_diff(s.sigmas.narrow(0, 0, t.steps), ref_s), 2e-7);
        EXPECT_LE(max_abs_diff(s.timesteps, ref_t), 2e-4);
        EXPECT_EQ(s.sigmas.size(0), t.steps + 1);
        EXPECT_EQ(s.sigma(t.steps), 0.0f);
    }
}

TEST(Schedule, PipelineFourStepExample) {
    // pipeline README: 4 steps, shift 5 -> [999, 937, 833, 624].
    const Schedule s = unipc_schedule(4, 5.0);
    EXPECT_EQ(ints(s.timesteps), (std::vector<int64_t>{999, 937, 833, 624}));
    EXPECT_NEAR(s.sigma(1), 0.937453, 1e-6);
    EXPECT_NEAR(s.sigma(3), 0.624937, 1e-6);
}

TEST(Schedule, FiftyStepsShiftFiveStartsAndEndsLikeTheSpec) {
    const Schedule s = unipc_schedule(50, 5.0);
    const auto t = ints(s.timesteps);
    EXPECT_EQ(t[0], 999);
    EXPECT_EQ(t[1], 995);
    EXPECT_EQ(t[2], 991);
    EXPECT_EQ(t[48], 172);
    EXPECT_EQ(t[49], 92);
}

TEST(Schedule, AnyStepCountAndShiftGivesAMonotoneSchedule) {
    for (SolverKind kind : {SolverKind::unipc, SolverKind::euler})
        for (int64_t steps : {1, 2, 3, 7, 33, 100})
            for (double shift : {0.25, 1.0, 2.5, 5.0, 12.0}) {
                const Schedule s = make_schedule(kind, steps, shift);
                ASSERT_EQ(s.timesteps.size(0), steps);
                ASSERT_EQ(s.sigmas.size(0), steps + 1);
                const at::Tensor sig = s.sigmas;
                EXPECT_TRUE((sig.narrow(0, 0, steps) > sig.narrow(0, 1, steps)).all().item<bool>())
                    << to_string(kind) << " " << steps << " " << shift;
                EXPECT_LE(s.sigma(0), 1.0f);
                EXPECT_GT(s.sigma(steps - 1), 0.0f);
            }
}

TEST(Schedule, OneStepSchedules) {
    const Schedule u = unipc_schedule(1, 5.0);
    EXPECT_EQ(ints(u.timesteps), (std::vector<int64_t>{999}));
    const Schedule e = euler_schedule(1, 5.0);
    EXPECT_FLOAT_EQ(e.sigma(0), 1.0f);
    EXPECT_FLOAT_EQ(e.timestep_value(0), 1000.0);
}

TEST(Schedule, RejectsBadArguments) {
    for (SolverKind kind : {SolverKind::unipc, SolverKind::euler}) {
        EXPECT_THROW(make_schedule(kind, 0, 5.0), nava::ConfigError);
        EXPECT_THROW(make_schedule(kind, -3, 5.0), nava::ConfigError);
        EXPECT_THROW(make_schedule(kind, 10, 0.0), nava::ConfigError);
        EXPECT_THROW(make_schedule(kind, 10, -1.0), nava::ConfigError);
        EXPECT_THROW(make_schedule(kind, 10, std::numeric_limits<double>::quiet_NaN()),
                     nava::ConfigError);
        EXPECT_THROW(make_schedule(kind, 10, std::numeric_limits<double>::infinity()),
                     nava::ConfigError);
    }
    EXPECT_THROW(solver_kind_from_string("ddim"), nava::ConfigError);
    try {
        unipc_schedule(0, 5.0);
    } catch (const nava::ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("at least 1"), std::string::npos);
    }
}

TEST(Schedule, ShiftMapProperties) {
    EXPECT_DOUBLE_EQ(shift_sigma(0.0, 5.0), 0.0);
    EXPECT_DOUBLE_EQ(shift_sigma(1.0, 5.0), 1.0);
    EXPECT_DOUBLE_EQ(shift_sigma(0.3, 1.0), 0.3);
    EXPECT_GT(shift_sigma(0.5, 5.0), 0.5);  // shift > 1 spends more steps at high noise
    EXPECT_LT(shift_sigma(0.5, 0.5), 0.5);
    // The float32 map the reference's constructor uses: sigma_max for shift 5 (fixture metadata).
    EXPECT_EQ(static_cast<double>(shift_sigma_f32(0.999f, 5.0)), 0.9997997879981995);
}

TEST(TrainingGrid, MatchesReferenceGridAndWeights) {
    const FlowMatching fm(FlowMatchingConfig{5.0, true});
    EXPECT_LE(max_abs_diff(fm.sigmas(), sampler_tensor("schedules.safetensors", "train_s5_sigmas")),
              2e-7);
    EXPECT_LE(
        max_abs_diff(fm.timesteps(), sampler_tensor("schedules.safetensors", "train_s5_timesteps")),
        2e-4);
    EXPECT_LE(
        max_abs_diff(fm.weights(), sampler_tensor("schedules.safetensors", "train_s5_weights")),
        1e-6);
}
