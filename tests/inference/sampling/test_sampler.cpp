// The sampling loop: pipeline-fixture replay (guidance + solvers + first-frame hook), pass
// batching, scale-1 skipping, progress, cancellation, traces.
#include <gtest/gtest.h>

#include <atomic>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/sampling/sampler.h"
#include "tests/inference/sampling/sampling_test_util.h"

using namespace nava::sampling;
using nava::sampling::test::max_abs_diff;
using nava::sampling::test::open_cached;
using nava::sampling::test::pipeline_fixture;

namespace {

const char* pass_name(Pass p) {
    return to_string(p);  // cond / neg / mmask / nospk, as the fixture names them
}

// Velocity of a simple linear toy for loop tests: v = -0.5 x + t/1000.
PassOutputs toy_outputs(const StepInput& in, const std::vector<Pass>& passes) {
    PassOutputs out;
    const double t = in.timestep_value / 1000.0;
    for (Pass p : passes)
        for (Modality m : kModalities)
            if (in.latents.has(m))
                out[p][m] = in.latents[m] * -0.5 + t * (1.0 + 0.1 * static_cast<int>(p));
    return out;
}

Latents toy_latents() {
    Latents l;
    l.video = at::randn({12, 4});
    l.audio = at::randn({5, 3});
    return l;
}

}  // namespace

// Replays the pipeline fixture: the model callback returns the stored DiT outputs of each pass;
// the loop must reproduce the stored guided velocities, solver inputs (incl. the image-to-video
// first-frame overwrite done by the hook) and latents.
TEST(Sampler, ReplaysThePipelineFixture) {
    const auto cfg = nava::io::read_json_file(pipeline_fixture("config.json"));
    const auto& file = open_cached(pipeline_fixture("case.safetensors"));
    const auto& sampling = cfg["sampling"];
    const int64_t steps = sampling["steps"].get<int64_t>();
    const int64_t h = cfg["geometry"]["latent_h"].get<int64_t>();
    const int64_t w = cfg["geometry"]["latent_w"].get<int64_t>();
    int cases = 0;
    for (const auto& [name, c] : cfg["cases"].items()) {
        for (const std::string run : {"out", "out64"}) {
            SCOPED_TRACE(name + "." + run);
            const std::string out = name + "." + run + ".";
            const auto& kw = c["sample_kwargs"];
            GuidanceConfig g;
            g.scales.video_text = kw["video_guidance_scale"].get<double>();
            g.scales.video_align = kw["video_align_guidance_scale"].get<double>();
            g.scales.audio_text = kw["audio_guidance_scale"].get<double>();
            g.scales.audio_align = kw["audio_align_guidance_scale"].get<double>();
            g.scales.timbre = kw["timbre_align_guidance_scale"].get<double>();
            g.align = kw["align_3d_cfg"].get<bool>();
            g.timbre = kw["timbre_cfg"].get<bool>() && c["n_voices"].get<int64_t>() > 0;
            const FlowSampler sampler(unipc_schedule(steps, sampling["shift"].get<double>()),
                                      unipc_schedule(steps, sampling["shift_audio"].get<double>()),
                                      g);
            const at::ScalarType dtype = run == "out" ? at::kFloat : at::kDouble;
            Latents initial;
            const bool has_video = file.header().find(name + ".input.noise_video") != nullptr;
            if (has_video) initial.video = file.tensor(name + ".input.noise_video").to(dtype);
            initial.audio = file.tensor(name + ".input.noise_audio").to(dtype);

            // The passes the reference ran, in order.
            std::vector<std::string> expected_passes;
            for (const auto& call : c["dit_calls_per_step"])
                expected_passes.push_back(call["pass_name"].get<std::string>());

            SamplerCallbacks cb;
            int calls = 0;
            cb.predict = [&](const StepInput& in, const std::vector<Pass>& passes) {
                ++calls;
                std::vector<std::string> names;
                for (Pass p : passes)
                    names.push_back(pass_name(p));
                EXPECT_EQ(names, expected_passes);
                EXPECT_EQ(in.timestep.scalar_type(), at::kLong);
                EXPECT_EQ(in.timestep.item<int64_t>(),
                          file.tensor(out + "timesteps")[in.step].item<int64_t>());
                PassOutputs o;
                for (Pass p : passes)
                    for (Modality m : kModalities)
                        if (in.latents.has(m))
                            o[p][m] = file.tensor(out + "dit_" + pass_name(p) + "_" +
                                                  to_string(m))[in.step];
                return o;
            };
            if (kw["is_i2v"].get<bool>()) {
                const at::Tensor frame =
                    file.tensor(name + ".input.first_frame_latent").reshape({h * w, -1}).to(dtype);
                cb.before_model = [frame](int64_t, Latents& state) {
                    state.video.narrow(0, 0, frame.size(0)).copy_(frame);  // in place
                };
            }
            SamplingTrace trace;
            const SamplingResult result = sampler.run(initial, cb, &trace);
            ASSERT_EQ(result.status, SamplingStatus::completed);
            EXPECT_EQ(calls, steps);  // one batched callback per step
            const double tol = run == "out" ? 2e-6 : 1e-12;
            for (Modality m : kModalities) {
                if (!initial.has(m)) continue;
                const std::string mod = to_string(m);
                EXPECT_LE(max_abs_diff(trace.stack(&StepTrace::guided, m),
                                       file.tensor(out + "guided_" + mod)),
                          tol)
                    << mod;
                EXPECT_LE(max_abs_diff(trace.stack(&StepTrace::solver_input, m),
                                       file.tensor(out + "solver_input_" + mod)),
                          tol)
                    << mod;
                EXPECT_LE(max_abs_diff(trace.stack(&StepTrace::latents, m, true),
                                       file.tensor(out + "latents_" + mod)),
                          tol)
                    << mod;
                EXPECT_LE(max_abs_diff(result.latents[m], file.tensor(out + "final_latent_" + mod)),
                          tol)
                    << mod;
                EXPECT_EQ(result.latents[m].scalar_type(), dtype);
            }
            // The caller's noise is untouched even though the hook wrote into the state.
            if (has_video) {
                EXPECT_TRUE(
                    at::equal(initial.video, file.tensor(name + ".input.noise_video").to(dtype)));
            }
            ++cases;
        }
    }
    EXPECT_GE(cases, 8);
}

TEST(Sampler, HookEditsReachTheSolverState) {
    at::manual_seed(4);
    const Latents init = toy_latents();
    const FlowSampler sampler(unipc_schedule(5, 5.0), GuidanceConfig{});
    const at::Tensor pinned = at::full({2, 4}, 0.25);
    SamplerCallbacks cb;
    std::vector<at::Tensor> seen;
    cb.predict = [&](const StepInput& in, const std::vector<Pass>& passes) {
        seen.push_back(in.latents.video.narrow(0, 0, 2).clone());
        return toy_outputs(in, passes);
    };
    cb.before_model = [&](int64_t, Latents& s) { s.video.narrow(0, 0, 2).copy_(pinned); };
    SamplingTrace trace;
    const SamplingResult with_hook = sampler.run(init, cb, &trace);
    ASSERT_EQ(seen.size(), 5u);
    for (int k = 0; k < 5; ++k) {
        EXPECT_TRUE(at::equal(seen[k], pinned));  // the model sees the overwrite ...
        // ... and so does the solver (its input is the overwritten state).
        EXPECT_TRUE(at::equal(trace.steps[k].solver_input.video.narrow(0, 0, 2), pinned));
    }
    // Not re-imposed after the last step.
    EXPECT_FALSE(at::equal(with_hook.latents.video.narrow(0, 0, 2), pinned));
    cb.before_model = nullptr;
    const SamplingResult without = sampler.run(init, cb);
    EXPECT_FALSE(at::allclose(without.latents.video, with_hook.latents.video));
    // Audio has its own solver and does not see the video hook.
    EXPECT_TRUE(at::allclose(without.latents.audio, with_hook.latents.audio));
}

TEST(Sampler, UnitScalesSkipPasses) {
    at::manual_seed(5);
    const Latents init = toy_latents();
    auto count_passes = [&](const GuidanceConfig& g, const Latents& l) {
        const FlowSampler sampler(unipc_schedule(4, 5.0), g);
        int total = 0, calls = 0;
        SamplerCallbacks cb;
        cb.predict = [&](const StepInput& in, const std::vector<Pass>& passes) {
            ++calls;
            total += static_cast<int>(passes.size());
            return toy_outputs(in, passes);
        };
        EXPECT_EQ(sampler.run(l, cb).status, SamplingStatus::completed);
        EXPECT_EQ(calls, 4);
        return total;
    };
    GuidanceConfig g;
    EXPECT_EQ(count_passes(g, init), 4 * 4);
    g.scales.video_text = 1.0;
    g.scales.audio_text = 1.0;
    EXPECT_EQ(count_passes(g, init), 3 * 4);  // no negative pass
    g.align = false;
    g.timbre = false;
    EXPECT_EQ(count_passes(g, init), 1 * 4);  // conditional only
    GuidanceConfig audio_only;
    audio_only.align = false;
    Latents a;
    a.audio = init.audio;
    EXPECT_EQ(count_passes(audio_only, a), 3 * 4);  // cond, neg, nospk
}

TEST(Sampler, SkippedNegativePassGivesTheUnguidedResult) {
    // Text scale 1 without extra terms: identical (up to rounding) to running the negative pass
    // with the reference arithmetic n + 1 (c - n).
    at::manual_seed(6);
    const Latents init = toy_latents();
    GuidanceConfig skip;
    skip.align = false;
    skip.timbre = false;
    skip.scales.video_text = 1.0;
    skip.scales.audio_text = 1.0;
    GuidanceConfig ref = skip;
    ref.skip_unit_scales = false;
    SamplerCallbacks cb;
    cb.predict = toy_outputs;
    const auto a = FlowSampler(euler_schedule(6, 5.0), skip).run(init, cb);
    const auto b = FlowSampler(euler_schedule(6, 5.0), ref).run(init, cb);
    EXPECT_LE(max_abs_diff(a.latents.video, b.latents.video), 1e-5);
    EXPECT_LE(max_abs_diff(a.latents.audio, b.latents.audio), 1e-5);
}

TEST(Sampler, ProgressOncePerStep) {
    const FlowSampler sampler(unipc_schedule(7, 5.0), GuidanceConfig{});
    std::vector<int64_t> reported;
    double last_elapsed = -1.0;
    SamplerCallbacks cb;
    cb.predict = toy_outputs;
    cb.progress = [&](int64_t step, int64_t steps, double elapsed_s) {
        reported.push_back(step);
        EXPECT_EQ(steps, 7);
        EXPECT_GE(elapsed_s, last_elapsed);
        last_elapsed = elapsed_s;
    };
    const SamplingResult r = sampler.run(toy_latents(), cb);
    EXPECT_EQ(reported, (std::vector<int64_t>{1, 2, 3, 4, 5, 6, 7}));
    EXPECT_EQ(r.steps_completed, 7);
    EXPECT_GE(r.elapsed_s, last_elapsed);
}

TEST(Sampler, CancelBetweenStepsReturnsNoLatents) {
    const FlowSampler sampler(unipc_schedule(10, 5.0), GuidanceConfig{});
    std::atomic<bool> stop{false};
    int calls = 0;
    SamplerCallbacks cb;
    cb.predict = [&](const StepInput& in, const std::vector<Pass>& passes) {
        ++calls;
        return toy_outputs(in, passes);
    };
    cb.progress = [&](int64_t step, int64_t, double) {
        if (step == 3) stop = true;
    };
    cb.cancel = cancel_when(stop);
    const SamplingResult r = sampler.run(toy_latents(), cb);
    EXPECT_EQ(r.status, SamplingStatus::cancelled);
    EXPECT_FALSE(r.latents.video.defined());
    EXPECT_FALSE(r.latents.audio.defined());
    EXPECT_EQ(r.steps_completed, 3);
    EXPECT_EQ(calls, 3);
}

TEST(Sampler, CancelDuringTheModelCallback) {
    // A callback that runs its passes one by one polls between them and stops early.
    const FlowSampler sampler(unipc_schedule(10, 5.0), GuidanceConfig{});
    std::atomic<bool> stop{false};
    int passes_run = 0;
    SamplerCallbacks cb;
    cb.cancel = cancel_when(stop);
    cb.predict = [&](const StepInput& in, const std::vector<Pass>& passes) {
        PassOutputs all = toy_outputs(in, passes);
        PassOutputs out;
        for (Pass p : passes) {
            if (in.cancel_requested()) return out;  // incomplete
            out[p] = all[p];
            ++passes_run;
            if (in.step == 1 && p == Pass::negative) stop = true;
        }
        return out;
    };
    int progress = 0;
    cb.progress = [&](int64_t, int64_t, double) { ++progress; };
    const SamplingResult r = sampler.run(toy_latents(), cb);
    EXPECT_EQ(r.status, SamplingStatus::cancelled);
    EXPECT_FALSE(r.latents.video.defined());
    EXPECT_EQ(passes_run, 4 + 2);  // step 0 complete, step 1 stopped after cond + neg
    EXPECT_EQ(progress, 1);
    EXPECT_EQ(r.steps_completed, 1);
}

TEST(Sampler, CancelledBeforeTheFirstStep) {
    const FlowSampler sampler(unipc_schedule(3, 5.0), GuidanceConfig{});
    SamplerCallbacks cb;
    int calls = 0;
    cb.predict = [&](const StepInput& in, const std::vector<Pass>& p) {
        ++calls;
        return toy_outputs(in, p);
    };
    cb.cancel = [] { return true; };
    EXPECT_EQ(sampler.run(toy_latents(), cb).status, SamplingStatus::cancelled);
    EXPECT_EQ(calls, 0);
}

TEST(Sampler, TraceRecordsEveryStep) {
    at::manual_seed(8);
    const FlowSampler sampler(euler_schedule(3, 5.0), GuidanceConfig{});
    SamplerCallbacks cb;
    cb.predict = toy_outputs;
    SamplingTrace trace;
    const Latents init = toy_latents();
    const SamplingResult r = sampler.run(init, cb, &trace);
    ASSERT_EQ(trace.steps.size(), 3u);
    EXPECT_EQ(trace.stack(&StepTrace::latents, Modality::video, true).sizes(),
              (at::IntArrayRef{4, 12, 4}));
    EXPECT_EQ(trace.stack_raw(Pass::no_speaker, Modality::audio).sizes(),
              (at::IntArrayRef{3, 5, 3}));
    // Video uses no timbre term, but the pass ran and its video output is recorded.
    EXPECT_EQ(trace.stack_raw(Pass::no_speaker, Modality::video).sizes(),
              (at::IntArrayRef{3, 12, 4}));
    EXPECT_TRUE(at::equal(trace.steps[2].latents.audio, r.latents.audio));
    EXPECT_TRUE(at::equal(trace.initial.video, init.video));
    // Euler: latents_{k+1} = solver_input_k + guided_k (sigma_{k+1} - sigma_k).
    const Schedule s = euler_schedule(3, 5.0);
    for (int k = 0; k < 3; ++k) {
        const auto& st = trace.steps[k];
        EXPECT_TRUE(
            at::allclose(st.latents.video,
                         st.solver_input.video +
                             st.guided.video * static_cast<double>(s.sigma(k + 1) - s.sigma(k))));
    }
}

TEST(Sampler, BadCallbackOutputsAndInputsAreErrors) {
    const FlowSampler sampler(unipc_schedule(3, 5.0), GuidanceConfig{});
    SamplerCallbacks cb;
    EXPECT_THROW(sampler.run(toy_latents(), cb), nava::Error);  // no predict
    cb.predict = [](const StepInput& in, const std::vector<Pass>& passes) {
        PassOutputs o = toy_outputs(in, passes);
        o[Pass::negative].audio = at::Tensor();
        return o;
    };
    EXPECT_THROW(sampler.run(toy_latents(), cb), nava::Error);
    cb.predict = [](const StepInput& in, const std::vector<Pass>& passes) {
        PassOutputs o = toy_outputs(in, passes);
        o[Pass::conditional].video = at::zeros({1, 1});
        return o;
    };
    EXPECT_THROW(sampler.run(toy_latents(), cb), nava::Error);
    cb.predict = toy_outputs;
    EXPECT_THROW(sampler.run(Latents{}, cb), nava::Error);
    EXPECT_THROW(FlowSampler(unipc_schedule(3, 5.0), unipc_schedule(4, 5.0), GuidanceConfig{}),
                 nava::ConfigError);
    EXPECT_THROW(FlowSampler(unipc_schedule(3, 5.0), euler_schedule(3, 5.0), GuidanceConfig{}),
                 nava::ConfigError);
}

TEST(Sampler, EulerTimestepsAreFloat) {
    const FlowSampler sampler(euler_schedule(4, 5.0), GuidanceConfig{});
    SamplerCallbacks cb;
    std::vector<double> ts;
    cb.predict = [&](const StepInput& in, const std::vector<Pass>& p) {
        EXPECT_EQ(in.timestep.scalar_type(), at::kFloat);
        ts.push_back(in.timestep.item<double>());
        return toy_outputs(in, p);
    };
    Latents a;
    a.audio = at::randn({3, 2});
    sampler.run(a, cb);
    EXPECT_DOUBLE_EQ(ts.front(), 1000.0);
    EXPECT_EQ(ts.size(), 4u);
}

TEST(Sampler, BFloat16PredictionsIntegrateInFloat32) {
    // A bf16 model: guidance runs in the predictions' dtype, the solver state stays float32
    // (the reference's `.float()` before every solver step).
    at::manual_seed(9);
    const Latents init = toy_latents();
    const FlowSampler sampler(unipc_schedule(8, 5.0), GuidanceConfig{});
    SamplerCallbacks f32;
    f32.predict = toy_outputs;
    SamplerCallbacks bf16;
    bf16.predict = [](const StepInput& in, const std::vector<Pass>& passes) {
        PassOutputs o = toy_outputs(in, passes);
        for (Pass p : passes)
            for (Modality m : kModalities)
                o[p][m] = o[p][m].to(at::kBFloat16);
        return o;
    };
    const SamplingResult a = sampler.run(init, f32);
    const SamplingResult b = sampler.run(init, bf16);
    EXPECT_EQ(b.latents.video.scalar_type(), at::kFloat);
    EXPECT_EQ(b.latents.audio.scalar_type(), at::kFloat);
    EXPECT_LE(max_abs_diff(a.latents.video, b.latents.video), 0.1);
    EXPECT_GT(max_abs_diff(a.latents.video, b.latents.video), 0.0);  // bf16 rounding is visible
}
