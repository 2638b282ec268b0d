// Flow-matching integrators. One solver object per modality holds that modality's multistep
// history; the sampling loop calls step() once per schedule step with the guided velocity.
// Solvers see tensors only: no model, no guidance.
#pragma once

#include <cstdint>
#include <memory>

#include <ATen/core/Tensor.h>

#include "inference/sampling/schedule.h"

namespace nava::sampling {

class Solver {
public:
    explicit Solver(Schedule schedule);
    virtual ~Solver() = default;
    Solver(const Solver&) = delete;
    Solver& operator=(const Solver&) = delete;

    // Advances the state from schedule step k = steps_taken() to k + 1. `velocity` is the
    // (guided) model output v at `sample`; both have the same shape and a float32 or float64
    // dtype (the state keeps its dtype; bfloat16/half inputs are computed in float32 as the
    // reference's `.float()` does). Throws when the schedule is exhausted.
    virtual at::Tensor step(const at::Tensor& velocity, const at::Tensor& sample) = 0;

    // Forgets the history so the same schedule can be integrated again.
    virtual void reset();

    const Schedule& schedule() const { return schedule_; }
    int64_t steps_taken() const { return steps_taken_; }
    bool finished() const { return steps_taken_ >= schedule_.steps; }

protected:
    // Validates the arguments of step() and returns them in the computation dtype.
    std::pair<at::Tensor, at::Tensor> prepare(const at::Tensor& velocity,
                                              const at::Tensor& sample) const;

    Schedule schedule_;
    int64_t steps_taken_ = 0;
};

// FlowUniPC multistep solver (UniPC with B(h) = expm1(-h) "bh2", solver order 2, data
// prediction x0 = x - sigma v, lower order on the first and the final step, UniC corrector on
// every step after the first, final sigma 0 so the last step returns the data prediction).
// The scalar coefficients are computed from the float32 sigmas in float32 (2x2 corrector solve
// included), then applied to the state in its own dtype, as the reference does.
// The step index is an internal counter. (The reference locates its first step by searching the
// timestep in its list and takes the second match when the value repeats, which only happens for
// very long schedules with integer timesteps and then overruns its sigma list; not replicated.)
class FlowUniPCSolver final : public Solver {
public:
    static constexpr int kOrder = 2;

    explicit FlowUniPCSolver(Schedule schedule);
    at::Tensor step(const at::Tensor& velocity, const at::Tensor& sample) override;
    void reset() override;

    // The data prediction x0 = x - sigma v of the last step (debugging / fixtures).
    const at::Tensor& last_data_prediction() const { return history_[kOrder - 1]; }
    // Predictor order used by the last step (1 or 2).
    int last_order() const { return order_; }

private:
    at::Tensor corrector(const at::Tensor& x0_now) const;
    at::Tensor predictor(const at::Tensor& sample, int order) const;

    at::Tensor history_[kOrder];  // data predictions, oldest first
    at::Tensor last_sample_;      // the (corrected) state the last predictor started from
    int order_ = 0;               // predictor order of the last step
    int warm_steps_ = 0;          // steps whose prediction is in the history, capped at kOrder
};

// Euler: x <- x + v (sigma_{k+1} - sigma_k), sigma after the last step = 0.
class EulerSolver final : public Solver {
public:
    explicit EulerSolver(Schedule schedule);
    at::Tensor step(const at::Tensor& velocity, const at::Tensor& sample) override;
};

// The solver that matches the schedule's kind.
std::unique_ptr<Solver> make_solver(const Schedule& schedule);

}  // namespace nava::sampling
