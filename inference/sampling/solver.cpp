#include "inference/sampling/solver.h"

#include <algorithm>
#include <string>

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::sampling {
namespace {

// Transcendental scalar functions are evaluated by the same ATen float32 kernels the reference
// runs on its 0-dim sigma tensors, so the coefficients agree to the bit.
float log_f32(float x) {
    return at::log(at::scalar_tensor(x, at::kFloat)).item<float>();
}

float expm1_f32(float x) {
    return at::expm1(at::scalar_tensor(x, at::kFloat)).item<float>();
}

// lambda = log(alpha) - log(sigma) with alpha = 1 - sigma (+inf for sigma = 0).
float log_snr(float sigma) {
    return log_f32(1.0f - sigma) - log_f32(sigma);
}

// Coefficients shared by the UniPC predictor and corrector for one interval s0 -> t:
//   x_t = sample_scale * x - x0_scale * m0 - update_scale * (weighted differences)
struct IntervalCoefficients {
    float sample_scale = 0.0f;  // sigma_t / sigma_s0
    float x0_scale = 0.0f;      // alpha_t * (e^{-h} - 1)
    float update_scale = 0.0f;  // alpha_t * B(h); "bh2" takes B(h) = e^{-h} - 1 = h_phi_1
    float h = 0.0f;             // lambda_t - lambda_s0
    float hh = 0.0f;            // -h (data prediction)
    float h_phi_1 = 0.0f;       // e^{-h} - 1 (-1 on the final step, where h = +inf)
    float lambda_s0 = 0.0f;
};

IntervalCoefficients interval(float sigma_t, float sigma_s0) {
    IntervalCoefficients c;
    const float alpha_t = 1.0f - sigma_t;
    c.lambda_s0 = log_snr(sigma_s0);
    c.h = log_snr(sigma_t) - c.lambda_s0;
    c.hh = -c.h;
    c.h_phi_1 = expm1_f32(c.hh);
    c.sample_scale = sigma_t / sigma_s0;
    c.x0_scale = alpha_t * c.h_phi_1;
    c.update_scale = alpha_t * c.h_phi_1;
    return c;
}

// Ratio of the previous interval to this one in log-SNR: r = (lambda_s1 - lambda_s0) / h.
float step_ratio(const IntervalCoefficients& c, float sigma_s1) {
    return (log_snr(sigma_s1) - c.lambda_s0) / c.h;
}

// Order-2 UniC weights: solve [[1, 1], [r, 1]] rho = [b1, b2] with
// b_i = i! * phi_{i+1}(hh) / B(h) (float32 LAPACK solve, like torch.linalg.solve).
std::pair<float, float> corrector_weights(const IntervalCoefficients& c, float r) {
    float h_phi_k = c.h_phi_1 / c.hh - 1.0f;
    const float b1 = (h_phi_k * 1.0f) / c.h_phi_1;  // B(h) = h_phi_1 for bh2
    h_phi_k = h_phi_k / c.hh - 0.5f;
    const float b2 = (h_phi_k * 2.0f) / c.h_phi_1;
    const float r_rows[4] = {1.0f, 1.0f, r, 1.0f};
    const float b_rows[2] = {b1, b2};
    const at::Tensor lhs = at::from_blob(const_cast<float*>(r_rows), {2, 2}, at::kFloat);
    const at::Tensor rhs = at::from_blob(const_cast<float*>(b_rows), {2}, at::kFloat);
    const at::Tensor rho = at::linalg_solve(lhs, rhs).contiguous();
    return {rho.data_ptr<float>()[0], rho.data_ptr<float>()[1]};
}

std::string shape_string(at::IntArrayRef shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// A scalar coefficient as the Scalar ATen multiplies a state tensor with: float32 value, widened
// exactly when the state is float64.
at::Scalar coef(float value) {
    return at::Scalar(static_cast<double>(value));
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Solver::Solver(Schedule schedule) : schedule_(std::move(schedule)) {
    if (!schedule_.sigmas.defined() || schedule_.sigmas.numel() != schedule_.steps + 1)
        throw ConfigError("solver: the schedule must hold steps + 1 sigmas");
}

void Solver::reset() {
    steps_taken_ = 0;
}

std::pair<at::Tensor, at::Tensor> Solver::prepare(const at::Tensor& velocity,
                                                  const at::Tensor& sample) const {
    if (finished())
        throw Error(std::string(to_string(schedule_.kind)) + " solver: all " +
                    std::to_string(schedule_.steps) + " steps have been taken");
    if (!velocity.defined() || !sample.defined())
        throw Error("solver step: velocity and sample must be defined tensors");
    if (velocity.sizes() != sample.sizes())
        throw Error("solver step: the velocity shape " + shape_string(velocity.sizes()) +
                    " differs from the sample shape " + shape_string(sample.sizes()));
    if (!at::isFloatingType(sample.scalar_type()) || !at::isFloatingType(velocity.scalar_type()))
        throw Error("solver step: velocity and sample must be floating-point tensors");
    // The reference hands `.float()` tensors to its solvers; float64 stays float64 (tests).
    const at::ScalarType dtype = sample.scalar_type() == at::kDouble ? at::kDouble : at::kFloat;
    return {velocity.to(dtype), sample.to(dtype)};
}

// ---------------------------------------------------------------------------------------------

FlowUniPCSolver::FlowUniPCSolver(Schedule schedule) : Solver(std::move(schedule)) {}

void FlowUniPCSolver::reset() {
    Solver::reset();
    for (auto& h : history_)
        h = at::Tensor();
    last_sample_ = at::Tensor();
    order_ = 0;
    warm_steps_ = 0;
}

at::Tensor FlowUniPCSolver::step(const at::Tensor& velocity, const at::Tensor& sample_in) {
    auto [v, sample] = prepare(velocity, sample_in);
    const int64_t k = steps_taken_;

    // 1. Data prediction at the current state: x0 = x - sigma_k v.
    const at::Tensor x0 = sample - v * coef(schedule_.sigma(k));

    // 2. UniC: refine the state the previous predictor produced, using the new prediction.
    at::Tensor state = sample;
    if (k > 0 && last_sample_.defined()) state = corrector(x0);

    // 3. Shift the history and choose the predictor order: 1 on the first step (no history)
    //    and on the final step (lower_order_final), 2 otherwise.
    history_[0] = history_[1];
    history_[1] = x0;
    int order = static_cast<int>(std::min<int64_t>(kOrder, schedule_.steps - k));
    order = std::min(order, warm_steps_ + 1);
    order_ = order;
    last_sample_ = state;

    // 4. UniP predictor from sigma_k to sigma_{k+1}.
    at::Tensor next = predictor(state, order);
    warm_steps_ = std::min(warm_steps_ + 1, kOrder);
    ++steps_taken_;
    return next;
}

at::Tensor FlowUniPCSolver::predictor(const at::Tensor& sample, int order) const {
    const int64_t k = steps_taken_;
    const IntervalCoefficients c = interval(schedule_.sigma(k + 1), schedule_.sigma(k));
    const at::Tensor& m0 = history_[1];
    at::Tensor x_t = sample * coef(c.sample_scale) - m0 * coef(c.x0_scale);
    if (order == 2) {
        // Second order with the fixed weight 0.5 on D1 = (m1 - m0) / r.
        const float r = step_ratio(c, schedule_.sigma(k - 1));
        const at::Tensor d1 = (history_[0] - m0) / coef(r);
        x_t = x_t - (d1 * 0.5) * coef(c.update_scale);
    }
    // Final step: sigma_t = 0 gives sample_scale 0 and x0_scale -1, i.e. x_t = m0 exactly.
    return x_t;
}

at::Tensor FlowUniPCSolver::corrector(const at::Tensor& x0_now) const {
    // Interval from sigma_{k-1} (where the last predictor started) to sigma_k; its order is the
    // order that predictor used.
    const int64_t k = steps_taken_;
    const IntervalCoefficients c = interval(schedule_.sigma(k), schedule_.sigma(k - 1));
    const at::Tensor& m0 = history_[1];
    const at::Tensor x_t = last_sample_ * coef(c.sample_scale) - m0 * coef(c.x0_scale);
    const at::Tensor d1_now = x0_now - m0;
    at::Tensor correction;
    if (order_ == 1) {
        correction = d1_now * 0.5;
    } else {
        const float r = step_ratio(c, schedule_.sigma(k - 2));
        const auto [rho_prev, rho_now] = corrector_weights(c, r);
        const at::Tensor d1_prev = (history_[0] - m0) / coef(r);
        correction = d1_prev * coef(rho_prev) + d1_now * coef(rho_now);
    }
    return x_t - correction * coef(c.update_scale);
}

// ---------------------------------------------------------------------------------------------

EulerSolver::EulerSolver(Schedule schedule) : Solver(std::move(schedule)) {}

at::Tensor EulerSolver::step(const at::Tensor& velocity, const at::Tensor& sample_in) {
    auto [v, sample] = prepare(velocity, sample_in);
    const int64_t k = steps_taken_;
    const float delta = schedule_.sigma(k + 1) - schedule_.sigma(k);
    ++steps_taken_;
    return sample + v * coef(delta);
}

std::unique_ptr<Solver> make_solver(const Schedule& schedule) {
    if (schedule.kind == SolverKind::unipc) return std::make_unique<FlowUniPCSolver>(schedule);
    return std::make_unique<EulerSolver>(schedule);
}

}  // namespace nava::sampling
