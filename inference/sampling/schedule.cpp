#include "inference/sampling/schedule.h"

#include <cmath>
#include <vector>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/sampling/rounding.h"

namespace nava::sampling {

const char* to_string(SolverKind kind) {
    switch (kind) {
        case SolverKind::unipc:
            return "unipc";
        case SolverKind::euler:
            return "euler";
    }
    return "?";
}

SolverKind solver_kind_from_string(const std::string& name) {
    if (name == "unipc") return SolverKind::unipc;
    if (name == "euler") return SolverKind::euler;
    throw ConfigError("unknown solver '" + name + "' (expected 'unipc' or 'euler')");
}

double shift_sigma(double sigma, double shift) {
    // Same operation order as the reference's NumPy expression `k*s / (1 + (k-1)*s)`.
    const double num = rounded(shift * sigma);
    const double den = 1.0 + rounded((shift - 1.0) * sigma);
    return num / den;
}

float shift_sigma_f32(float sigma, double shift) {
    // The reference applies the map to a float32 tensor with Python-float scalars: the scalars
    // `k` and `k - 1` (computed in double) are rounded to float32 by the kernel.
    const float k = static_cast<float>(shift);
    const float k_minus_1 = static_cast<float>(shift - 1.0);
    const float num = rounded(k * sigma);
    const float den = 1.0f + rounded(k_minus_1 * sigma);
    return num / den;
}

void check_schedule_arguments(int64_t steps, double shift) {
    if (steps < 1)
        throw ConfigError("sampling steps must be at least 1 (got " + std::to_string(steps) + ")");
    if (!std::isfinite(shift) || shift <= 0.0)
        throw ConfigError("the timestep shift must be a finite number > 0 (got " +
                          std::to_string(shift) + ")");
}

namespace {

void check_index(int64_t k, int64_t size, const char* what) {
    if (k < 0 || k >= size)
        throw Error(std::string("schedule: ") + what + " index " + std::to_string(k) +
                    " outside [0, " + std::to_string(size) + ")");
}

}  // namespace

float Schedule::sigma(int64_t k) const {
    check_index(k, sigmas.numel(), "sigma");
    return sigmas.data_ptr<float>()[k];
}

double Schedule::timestep_value(int64_t k) const {
    check_index(k, timesteps.numel(), "timestep");
    if (timesteps.scalar_type() == at::kLong)
        return static_cast<double>(timesteps.data_ptr<int64_t>()[k]);
    return static_cast<double>(timesteps.data_ptr<float>()[k]);
}

at::Tensor Schedule::timestep(int64_t k) const {
    check_index(k, timesteps.numel(), "timestep");
    return timesteps.select(0, k).clone();
}

Schedule unipc_schedule(int64_t steps, double shift) {
    check_schedule_arguments(steps, shift);
    // 1. The constructor's training grid 1 - linspace(1, 1/1000, 1000)[::-1] starts at 0.999
    //    and ends at 0; after the float32 shift its ends are sigma_max and sigma_min = 0.
    const double sigma_max =
        shift_sigma_f32(static_cast<float>(1.0 - 1.0 / kTrainTimesteps), shift);
    const double sigma_min = 0.0;

    // 2. set_timesteps: NumPy linspace (i * step + start, float64) over N+1 points, the last
    //    (= sigma_min) dropped, then the shift map once more in float64.
    const double step = (sigma_min - sigma_max) / static_cast<double>(steps);
    Schedule s;
    s.kind = SolverKind::unipc;
    s.steps = steps;
    s.shift = shift;
    s.timesteps = at::empty({steps}, at::kLong);
    s.sigmas = at::empty({steps + 1}, at::kFloat);
    auto* t = s.timesteps.data_ptr<int64_t>();
    auto* sig = s.sigmas.data_ptr<float>();
    for (int64_t i = 0; i < steps; ++i) {
        const double spaced = rounded(static_cast<double>(i) * step) + sigma_max;
        const double shifted = shift_sigma(spaced, shift);
        const double time = shifted * static_cast<double>(kTrainTimesteps);
        t[i] = static_cast<int64_t>(time);  // truncation toward zero, as astype(int64)
        sig[i] = static_cast<float>(shifted);
    }
    sig[steps] = 0.0f;
    return s;
}

Schedule euler_schedule(int64_t steps, double shift) {
    check_schedule_arguments(steps, shift);
    // The reference computes the start as sigma_min + (sigma_max - sigma_min) * strength in
    // double with sigma_max = 1 and strength 1; torch.linspace then works in float32.
    const double sigma_min = kFlowMatchSigmaMin;
    const double sigma_start = sigma_min + (1.0 - sigma_min) * 1.0;
    const at::Tensor grid =
        at::linspace(sigma_start, sigma_min, steps + 1, at::TensorOptions().dtype(at::kFloat))
            .narrow(0, 0, steps);
    // Same tensor operations as the reference so that the float32 rounding agrees.
    const at::Tensor shifted =
        at::div(at::mul(grid, shift), at::add(at::mul(grid, shift - 1.0), 1.0));

    Schedule s;
    s.kind = SolverKind::euler;
    s.steps = steps;
    s.shift = shift;
    s.timesteps = at::mul(shifted, static_cast<double>(kTrainTimesteps)).contiguous();
    s.sigmas = at::cat({shifted, at::zeros({1}, at::kFloat)}).contiguous();
    return s;
}

Schedule make_schedule(SolverKind kind, int64_t steps, double shift) {
    return kind == SolverKind::unipc ? unipc_schedule(steps, shift) : euler_schedule(steps, shift);
}

}  // namespace nava::sampling
