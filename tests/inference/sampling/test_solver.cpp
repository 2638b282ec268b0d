// Solvers: toy trajectories of the sampler fixture, the pipeline fixture's solver steps
// (float32 and float64 runs), convergence on a closed-form Gaussian flow.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/sampling/solver.h"
#include "tests/inference/sampling/sampling_test_util.h"

using namespace nava::sampling;
using nava::sampling::test::max_abs_diff;
using nava::sampling::test::open_cached;
using nava::sampling::test::pipeline_fixture;
using nava::sampling::test::sampler_fixture;
using nava::sampling::test::sampler_tensor;

namespace {

struct Run {
    SolverKind kind;
    int64_t steps;
    double shift;
    std::string prefix;
};

std::vector<Run> trajectory_runs() {
    static const std::regex re(R"(^(unipc|euler)_n(\d+)_s([0-9p]+)_x$)");
    std::vector<Run> runs;
    for (const auto& name : open_cached(sampler_fixture("trajectories.safetensors")).names()) {
        std::smatch m;
        if (!std::regex_match(name, m, re)) continue;
        std::string shift = m[3];
        for (char& c : shift)
            if (c == 'p') c = '.';
        runs.push_back({solver_kind_from_string(m[1]), std::stoll(m[2]), std::stod(shift),
                        m[1].str() + "_n" + m[2].str() + "_s" + m[3].str()});
    }
    return runs;
}

// v(x, t) = x @ A + (float32(t) / 1000) b
at::Tensor toy_velocity(const at::Tensor& x, const Schedule& s, int64_t k) {
    static const at::Tensor a = sampler_tensor("trajectories.safetensors", "toy_A");
    static const at::Tensor b = sampler_tensor("trajectories.safetensors", "toy_b");
    const float t = static_cast<float>(s.timestep_value(k));
    return at::matmul(x, a) + b * (t / 1000.0f);
}

}  // namespace

TEST(Solver, ToyTrajectoriesMatchTheReference) {
    const auto runs = trajectory_runs();
    ASSERT_GE(runs.size(), 3u);
    const at::Tensor x_init = sampler_tensor("trajectories.safetensors", "x_init");
    for (const auto& run : runs) {
        SCOPED_TRACE(run.prefix);
        const Schedule s = make_schedule(run.kind, run.steps, run.shift);
        const at::Tensor ref_x = sampler_tensor("trajectories.safetensors", run.prefix + "_x");
        const at::Tensor ref_v = sampler_tensor("trajectories.safetensors", run.prefix + "_v");
        auto solver = make_solver(s);
        at::Tensor x = x_init;
        double worst = 0.0;
        for (int64_t k = 0; k < run.steps; ++k) {
            const at::Tensor v = toy_velocity(x, s, k);
            EXPECT_LE(max_abs_diff(v, ref_v[k]), 1e-5);
            if (run.kind == SolverKind::unipc) {
                // The data prediction the multistep history keeps.
                const at::Tensor ref_x0 =
                    sampler_tensor("trajectories.safetensors", run.prefix + "_x0pred");
                x = solver->step(v, x);
                auto* unipc = dynamic_cast<FlowUniPCSolver*>(solver.get());
                ASSERT_NE(unipc, nullptr);
                EXPECT_LE(max_abs_diff(unipc->last_data_prediction(), ref_x0[k]), 1e-5);
            } else {
                x = solver->step(v, x);
            }
            worst = std::max(worst, max_abs_diff(x, ref_x[k + 1]));
        }
        EXPECT_LE(worst, 1e-5);
        EXPECT_TRUE(solver->finished());
        EXPECT_THROW(solver->step(x, x), nava::Error);
    }
}

TEST(Solver, UniPCOrdersAreOneTwoTwoOne) {
    const Schedule s = unipc_schedule(4, 5.0);
    FlowUniPCSolver solver(s);
    at::Tensor x = at::randn({3, 2}, at::kFloat);
    std::vector<int> orders;
    for (int k = 0; k < 4; ++k) {
        x = solver.step(x * 0.1, x);
        orders.push_back(solver.last_order());
    }
    EXPECT_EQ(orders, (std::vector<int>{1, 2, 2, 1}));

    FlowUniPCSolver one(unipc_schedule(1, 5.0));
    const at::Tensor x0 = at::randn({3, 2});
    const at::Tensor v = at::randn({3, 2});
    const at::Tensor out = one.step(v, x0);
    EXPECT_EQ(one.last_order(), 1);
    // A single step lands on the data prediction x - sigma v.
    EXPECT_TRUE(at::allclose(out, x0 - v * static_cast<double>(one.schedule().sigma(0))));
}

TEST(Solver, FinalUniPCStepReturnsTheDataPrediction) {
    const Schedule s = unipc_schedule(5, 3.0);
    FlowUniPCSolver solver(s);
    at::Tensor x = at::randn({4, 3}, at::kDouble);
    for (int k = 0; k < 5; ++k) {
        const at::Tensor v = at::randn({4, 3}, at::kDouble);
        const at::Tensor next = solver.step(v, x);
        if (k == 4) {
            // Corrected or not, the last step returns x0 = x - sigma_4 v exactly.
            EXPECT_TRUE(at::equal(next, solver.last_data_prediction()));
            EXPECT_TRUE(at::equal(next, x - v * static_cast<double>(s.sigma(4))));
        }
        x = next;
    }
    EXPECT_EQ(x.scalar_type(), at::kDouble);
}

TEST(Solver, ResetRepeatsTheSameTrajectory) {
    const Schedule s = unipc_schedule(6, 5.0);
    FlowUniPCSolver solver(s);
    const at::Tensor x_init = at::randn({5, 2});
    auto integrate = [&] {
        at::Tensor x = x_init;
        for (int k = 0; k < 6; ++k)
            x = solver.step(-x, x);
        return x;
    };
    const at::Tensor first = integrate();
    solver.reset();
    EXPECT_TRUE(at::equal(first, integrate()));
}

TEST(Solver, RejectsMismatchedShapesAndNonFloat) {
    FlowUniPCSolver solver(unipc_schedule(3, 5.0));
    EXPECT_THROW(solver.step(at::zeros({2, 3}), at::zeros({3, 2})), nava::Error);
    EXPECT_THROW(solver.step(at::zeros({2, 3}, at::kLong), at::zeros({2, 3}, at::kLong)),
                 nava::Error);
    EXPECT_EQ(solver.steps_taken(), 0);
}

// The pipeline fixture stores, per step, the state handed to each solver and the guided velocity;
// feeding them to our solvers must give its latents (float32 run and float64 run, whose
// coefficients are float32 as well).
TEST(Solver, PipelineFixtureSolverStepsMatch) {
    const auto cfg = nava::io::read_json_file(pipeline_fixture("config.json"));
    const auto& file = open_cached(pipeline_fixture("case.safetensors"));
    const int64_t steps = cfg["sampling"]["steps"].get<int64_t>();
    const double shift_video = cfg["sampling"]["shift"].get<double>();
    const double shift_audio = cfg["sampling"]["shift_audio"].get<double>();
    int checked = 0;
    for (const auto& [name, c] : cfg["cases"].items()) {
        for (const std::string run : {"out", "out64"}) {
            for (const std::string mod : {"video", "audio"}) {
                const std::string prefix = name + "." + run + ".";
                if (!file.header().find(prefix + "latents_" + mod)) continue;
                SCOPED_TRACE(prefix + mod);
                const Schedule s =
                    unipc_schedule(steps, mod == "video" ? shift_video : shift_audio);
                EXPECT_TRUE(at::equal(s.timesteps, file.tensor(prefix + "timesteps")));
                EXPECT_TRUE(at::equal(s.sigmas, file.tensor(prefix + "sigmas_" + mod)));
                const at::Tensor inputs = file.tensor(prefix + "solver_input_" + mod);
                const at::Tensor guided = file.tensor(prefix + "guided_" + mod);
                const at::Tensor latents = file.tensor(prefix + "latents_" + mod);
                FlowUniPCSolver solver(s);
                double worst = 0.0;
                for (int64_t k = 0; k < steps; ++k) {
                    const at::Tensor next = solver.step(guided[k], inputs[k]);
                    EXPECT_EQ(next.scalar_type(), latents.scalar_type());
                    worst = std::max(worst, max_abs_diff(next, latents[k + 1]));
                }
                // The reference and an independent re-implementation agree bit for bit here;
                // allow one float32 ulp of the largest latents.
                EXPECT_LE(worst, run == "out" ? 2e-6 : 1e-12) << "max abs diff " << worst;
                ++checked;
            }
        }
    }
    EXPECT_GE(checked, 4);
}

namespace {

// Gaussian data x0 ~ N(mu, tau^2) per element, noise N(0, 1): along x_s = (1-s) x0 + s eps the
// exact velocity field is linear, v(x, s) = (sigma'(s) / sigma(s)) (x - (1-s) mu) - mu with
// sigma(s)^2 = (1-s)^2 tau^2 + s^2, and the flow maps x(s0) = (1-s0) mu + sigma(s0) z to
// x(0) = mu + tau z.
struct GaussianFlow {
    at::Tensor mu, tau;

    at::Tensor velocity(const at::Tensor& x, double s) const {
        const at::Tensor var = (1 - s) * (1 - s) * tau * tau + s * s;
        const at::Tensor dvar_half = s - (1 - s) * tau * tau;  // sigma * sigma'
        return dvar_half / var * (x - (1 - s) * mu) - mu;
    }
    at::Tensor start(const at::Tensor& z, double s0) const {
        return (1 - s0) * mu + at::sqrt((1 - s0) * (1 - s0) * tau * tau + s0 * s0) * z;
    }
    at::Tensor end(const at::Tensor& z) const { return mu + tau * z; }
};

double integrate_error(SolverKind kind, int64_t steps, const GaussianFlow& flow,
                       const at::Tensor& z) {
    const Schedule s = make_schedule(kind, steps, 3.0);
    auto solver = make_solver(s);
    at::Tensor x = flow.start(z, s.sigma(0));
    for (int64_t k = 0; k < steps; ++k)
        x = solver->step(flow.velocity(x, s.sigma(k)), x);
    return max_abs_diff(x, flow.end(z));
}

}  // namespace

TEST(Solver, EulerAndUniPCConvergeOnALinearFlow) {
    at::manual_seed(7);
    GaussianFlow flow{at::randn({64}, at::kDouble), at::rand({64}, at::kDouble) * 0.5 + 0.1};
    const at::Tensor z = at::randn({64}, at::kDouble);
    std::vector<double> euler, unipc;
    for (int64_t steps : {10, 20, 40, 80}) {
        euler.push_back(integrate_error(SolverKind::euler, steps, flow, z));
        unipc.push_back(integrate_error(SolverKind::unipc, steps, flow, z));
        EXPECT_LT(unipc.back(), euler.back()) << steps;  // second order beats first order
    }
    // Observed orders on the last doubling: Euler ~1 (error halves), UniPC ~2 (quarters).
    const double euler_ratio = euler[2] / euler[3];
    const double unipc_ratio = unipc[2] / unipc[3];
    EXPECT_GT(euler_ratio, 1.7);
    EXPECT_LT(euler_ratio, 2.6);
    EXPECT_GT(unipc_ratio, 3.2);
    EXPECT_LT(unipc[3], 1e-2);
    EXPECT_LT(euler[3], 6e-2);
}
