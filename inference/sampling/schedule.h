// Flow-matching noise schedules: the shift map, the FlowUniPC and Euler inference schedules and
// the 1000-point training grid. Built with the reference's precision so that integer timesteps
// match exactly and sigmas match to the float32 bit.
#pragma once

#include <cstdint>
#include <string>

#include <ATen/core/Tensor.h>

namespace nava::sampling {

// Which integrator walks the schedule.
enum class SolverKind {
    unipc,  // FlowUniPC multistep, order 2, bh2, data prediction (the reference default)
    euler,  // plain Euler on the FlowMatchScheduler grid (`scheduler_unipc: false`)
};

const char* to_string(SolverKind kind);
// "unipc" / "euler"; ConfigError otherwise.
SolverKind solver_kind_from_string(const std::string& name);

// Number of points of the training timestep grid (the reference's num_train_timesteps).
inline constexpr int64_t kTrainTimesteps = 1000;
// Smallest sigma of the FlowMatchScheduler grid (Euler and training).
inline constexpr double kFlowMatchSigmaMin = 0.003 / 1.002;

// The timestep shift s' = k s / (1 + (k - 1) s) in double precision.
double shift_sigma(double sigma, double shift);
// The same map as the reference evaluates it on a float32 tensor: k and (k - 1) are rounded to
// float32 first, every operation rounds to float32.
float shift_sigma_f32(float sigma, double shift);

// Throws ConfigError unless steps >= 1 and shift is finite and > 0.
void check_schedule_arguments(int64_t steps, double shift);

// An inference schedule: what the model sees at each step and the sigmas the solver integrates.
struct Schedule {
    SolverKind kind = SolverKind::unipc;
    int64_t steps = 0;
    double shift = 1.0;
    // [steps] timesteps handed to the model: int64 (truncated) for UniPC, float32 for Euler.
    at::Tensor timesteps;
    // [steps + 1] float32 solver sigmas; sigmas[steps] == 0 (the step after the last one lands
    // on clean data). The reference Euler scheduler stores only the first `steps` of these.
    at::Tensor sigmas;

    // sigma_k as float32 (k in [0, steps]).
    float sigma(int64_t k) const;
    // Timestep k as a double (exact for both dtypes).
    double timestep_value(int64_t k) const;
    // Timestep k as a 0-dim tensor of the schedule's timestep dtype.
    at::Tensor timestep(int64_t k) const;
};

// FlowUniPC schedule as `FlowUniPCMultistepScheduler(shift).set_timesteps(steps)` builds it:
// sigma_max = shift(float32(0.999)) from the training grid (float32), N+1 points spaced linearly
// (float64) from sigma_max to 0, last dropped, shifted again (float64); timesteps =
// trunc(1000 sigma) as int64; sigmas stored as float32 with a final 0.
Schedule unipc_schedule(int64_t steps, double shift);

// Euler schedule as the reference FlowMatchScheduler(shift, sigma_min = 0.003/1.002,
// extra_one_step) builds it: float32 linspace(1, sigma_min, N+1) with the last point dropped,
// shifted (float32), timesteps = 1000 sigma (float32).
Schedule euler_schedule(int64_t steps, double shift);

// Dispatches on `kind`.
Schedule make_schedule(SolverKind kind, int64_t steps, double shift);

}  // namespace nava::sampling
