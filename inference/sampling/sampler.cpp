#include "inference/sampling/sampler.h"

#include <chrono>
#include <memory>
#include <string>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/sampling/solver.h"

namespace nava::sampling {

CancelFn cancel_when(const std::atomic<bool>& flag) {
    return [&flag] { return flag.load(std::memory_order_relaxed); };
}

at::Tensor SamplingTrace::stack(Latents StepTrace::*field, Modality modality,
                                bool initial_row) const {
    std::vector<at::Tensor> rows;
    if (initial_row && initial.has(modality)) rows.push_back(initial[modality]);
    for (const auto& s : steps)
        if ((s.*field).has(modality)) rows.push_back((s.*field)[modality]);
    return rows.empty() ? at::Tensor() : at::stack(rows);
}

at::Tensor SamplingTrace::stack_raw(Pass pass, Modality modality) const {
    std::vector<at::Tensor> rows;
    for (const auto& s : steps)
        if (s.raw[pass].has(modality)) rows.push_back(s.raw[pass][modality]);
    return rows.empty() ? at::Tensor() : at::stack(rows);
}

FlowSampler::FlowSampler(Schedule schedule, GuidanceConfig guidance)
    : FlowSampler(schedule, schedule, std::move(guidance)) {}

FlowSampler::FlowSampler(Schedule video_schedule, Schedule audio_schedule, GuidanceConfig guidance)
    : video_schedule_(std::move(video_schedule)),
      audio_schedule_(std::move(audio_schedule)),
      guidance_(std::move(guidance)) {
    if (video_schedule_.steps != audio_schedule_.steps)
        throw ConfigError(
            "sampler: video and audio schedules must have the same number of steps (" +
            std::to_string(video_schedule_.steps) + " vs " + std::to_string(audio_schedule_.steps) +
            ")");
    if (video_schedule_.kind != audio_schedule_.kind)
        throw ConfigError("sampler: video and audio schedules must use the same solver");
    check_schedule_arguments(video_schedule_.steps, video_schedule_.shift);
    guidance_.validate();
}

const Schedule& FlowSampler::schedule(Modality modality) const {
    return modality == Modality::video ? video_schedule_ : audio_schedule_;
}

std::vector<Pass> FlowSampler::passes(bool has_video, bool has_audio) const {
    return required_passes(guidance_, has_video, has_audio);
}

namespace {

// Every requested pass must carry a prediction of the state's shape for each present modality.
void check_outputs(const PassOutputs& out, const std::vector<Pass>& passes, const Latents& state,
                   int64_t step) {
    for (Pass p : passes)
        for (Modality m : kModalities) {
            if (!state.has(m)) continue;
            const at::Tensor& v = out[p][m];
            const std::string where = std::string("sampler step ") + std::to_string(step) +
                                      ": the model callback's '" + to_string(p) + "' " +
                                      to_string(m) + " prediction";
            if (!v.defined()) throw Error(where + " is missing");
            if (v.sizes() != state[m].sizes()) throw Error(where + " has the wrong shape");
        }
}

Latents clone(const Latents& l) {
    Latents c;
    for (Modality m : kModalities)
        if (l.has(m)) c[m] = l[m].clone();
    return c;
}

}  // namespace

SamplingResult FlowSampler::run(const Latents& initial, const SamplerCallbacks& callbacks,
                                SamplingTrace* trace) const {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(clock::now() - start).count(); };

    if (!callbacks.predict) throw Error("sampler: a model callback (predict) is required");
    if (!initial.has(Modality::video) && !initial.has(Modality::audio))
        throw Error("sampler: no initial latents (neither video nor audio)");

    // 1. Solver state per modality; the states start as copies so the caller's noise survives
    //    the before-model hook's in-place edits.
    Latents state;
    std::unique_ptr<Solver> solvers[2];
    for (Modality m : kModalities) {
        if (!initial.has(m)) continue;
        if (!at::isFloatingType(initial[m].scalar_type()))
            throw Error(std::string("sampler: the initial ") + to_string(m) +
                        " latents must be floating-point");
        state[m] = initial[m].clone();
        solvers[static_cast<int>(m)] = make_solver(schedule(m));
    }
    const bool has_video = state.has(Modality::video);
    const Schedule& model_schedule = schedule(has_video ? Modality::video : Modality::audio);
    const std::vector<Pass> passes = this->passes(has_video, state.has(Modality::audio));
    if (trace) {
        trace->initial = clone(initial);
        trace->steps.clear();
    }

    SamplingResult result;
    auto cancelled = [&] {
        result.status = SamplingStatus::cancelled;
        result.latents = Latents();
        result.elapsed_s = elapsed();
        return result;
    };
    const CancelFn& cancel = callbacks.cancel;
    auto cancel_requested = [&] { return cancel && cancel(); };

    const int64_t steps = model_schedule.steps;
    for (int64_t k = 0; k < steps; ++k) {
        if (cancel_requested()) return cancelled();

        // 2. Hook (i2v first-frame overwrite) on the solver states themselves.
        if (callbacks.before_model) callbacks.before_model(k, state);

        // 3. All guidance passes of this step in one callback.
        StepInput input;
        input.step = k;
        input.steps = steps;
        input.timestep = model_schedule.timestep(k);
        input.timestep_value = model_schedule.timestep_value(k);
        input.sigma = model_schedule.sigma(k);
        input.latents = state;
        input.cancel = &callbacks.cancel;
        PassOutputs outputs = callbacks.predict(input, passes);
        if (cancel_requested()) return cancelled();
        check_outputs(outputs, passes, state, k);

        // 4. Guidance, then one solver step per modality.
        const Latents guided = guide(guidance_, outputs);
        Latents next;
        for (Modality m : kModalities)
            if (state.has(m)) next[m] = solvers[static_cast<int>(m)]->step(guided[m], state[m]);

        if (trace) {
            StepTrace t;
            t.solver_input = clone(state);
            for (Pass p : passes)
                t.raw[p] = clone(outputs[p]);
            t.guided = clone(guided);
            t.latents = clone(next);
            trace->steps.push_back(std::move(t));
        }
        state = std::move(next);
        result.steps_completed = k + 1;
        if (callbacks.progress) callbacks.progress(k + 1, steps, elapsed());
    }

    result.status = SamplingStatus::completed;
    result.latents = state;
    result.elapsed_s = elapsed();
    return result;
}

}  // namespace nava::sampling
