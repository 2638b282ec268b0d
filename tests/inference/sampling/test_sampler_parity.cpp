// The sampler parity runner derives its cases from the output keys: a synthetic fixture with
// other step counts, shifts, toy sizes and scale sets (like the hidden variants).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/parity/parity.h"
#include "inference/sampling/flow_matching.h"
#include "inference/sampling/solver.h"
#include "tests/inference/sampling/sampling_test_util.h"

using namespace nava::sampling;
using nava::sampling::test::max_abs_diff;
using nava::sampling::test::sampler_tensor;

namespace {

void write_manifest(const std::filesystem::path& dir, const std::vector<std::string>& outputs) {
    nlohmann::json m;
    m["component"] = "sampler";
    m["files"] = {{"cfg", "cfg.safetensors"},
                  {"schedules", "schedules.safetensors"},
                  {"trajectories", "trajectories.safetensors"}};
    m["inputs"] = nlohmann::json::array();
    m["outputs"] = nlohmann::json::object();
    for (const auto& o : outputs)
        m["outputs"][o] = {{"atol", 1e-5}, {"rtol", 1e-5}};
    std::ofstream(dir / "manifest.json") << m.dump(1);
}

}  // namespace

TEST(SamplerParity, HiddenVariantStyleKeysAreDerivedFromNames) {
    const auto dir = nava::test::scratch_dir("sampler_parity_variant");
    at::manual_seed(21);
    // Toy of another size.
    const at::Tensor a = at::randn({3, 3}) * 0.3, b = at::randn({3}), x_init = at::randn({5, 3});
    nava::io::save_safetensors(
        dir / "trajectories.safetensors",
        {{"toy_A", a, std::nullopt}, {"toy_b", b, std::nullopt}, {"x_init", x_init, std::nullopt}});
    nava::io::save_safetensors(dir / "schedules.safetensors",
                               {{"placeholder", at::zeros({1}), std::nullopt}});
    std::vector<nava::io::NamedTensor> cfg;
    for (const char* n : {"in_eps_cond_vid", "in_eps_uncond_vision", "in_eps_mmask_cond_vid",
                          "in_eps_timbre_uncond_vid", "in_eps_cond_audio", "in_eps_uncond_audio",
                          "in_eps_mmask_cond_audio", "in_eps_timbre_uncond_audio"})
        cfg.push_back({n, sampler_tensor("cfg.safetensors", n), std::nullopt});
    // A second scale set whose name contains underscores and whose timbre scale is 1 (the CLI's
    // --timbre_cfg default): the reference still adds 1 * (c - r).
    nava::io::save_safetensors(
        dir / "cfg.safetensors", cfg,
        {{"scales_cli_fallback",
          R"({"name": "cli_fallback", "video": 5.0, "video_align": 5.0, "audio": 4.0, )"
          R"("audio_align": 4.0, "timbre": 1.0})"}});
    write_manifest(dir, {"schedules:unipc_n7_s2p5_timesteps", "schedules:unipc_n7_s2p5_sigmas",
                         "schedules:euler_n3_s0p5_sigmas", "schedules:euler_n3_s0p5_timesteps",
                         "schedules:train_s3_weights", "trajectories:unipc_n6_s2p0_x",
                         "trajectories:unipc_n6_s2p0_x0pred", "trajectories:euler_n5_s7p5_x",
                         "trajectories:euler_n5_s7p5_v", "cfg:out_video_cli_fallback_align1",
                         "cfg:out_audio_cli_fallback_align0_timbre1",
                         "cfg:out_audio_cli_fallback_align1_timbre0"});

    std::ostringstream log;
    const auto result = nava::parity::run_fixture(dir, dir / "out.safetensors", log);
    ASSERT_TRUE(result.all_pass) << log.str();
    const auto out = nava::io::SafetensorsFile::open(dir / "out.safetensors");
    auto get = [&](const std::string& k) { return out->tensor(k); };

    const Schedule u = unipc_schedule(7, 2.5);
    EXPECT_TRUE(at::equal(get("schedules:unipc_n7_s2p5_timesteps"), u.timesteps.to(at::kFloat)));
    EXPECT_TRUE(at::equal(get("schedules:unipc_n7_s2p5_sigmas"), u.sigmas));
    const Schedule e = euler_schedule(3, 0.5);
    EXPECT_TRUE(at::equal(get("schedules:euler_n3_s0p5_sigmas"), e.sigmas.narrow(0, 0, 3)));
    EXPECT_TRUE(at::equal(get("schedules:euler_n3_s0p5_timesteps"), e.timesteps));
    EXPECT_TRUE(at::equal(get("schedules:train_s3_weights"),
                          FlowMatching(FlowMatchingConfig{3.0, true}).weights()));

    // Trajectories, integrated here step by step with the solvers directly.
    for (auto [kind, steps, shift, tag] :
         {std::tuple{SolverKind::unipc, 6, 2.0, std::string("unipc_n6_s2p0")},
          std::tuple{SolverKind::euler, 5, 7.5, std::string("euler_n5_s7p5")}}) {
        const Schedule s = make_schedule(kind, steps, shift);
        auto solver = make_solver(s);
        std::vector<at::Tensor> xs{x_init}, vs, x0s;
        at::Tensor x = x_init;
        for (int k = 0; k < steps; ++k) {
            const float t = static_cast<float>(s.timestep_value(k));
            const at::Tensor v = at::matmul(x, a) + b * (t / 1000.0f);
            x0s.push_back(x - v * static_cast<double>(s.sigma(k)));
            x = solver->step(v, x);
            xs.push_back(x);
            vs.push_back(v);
        }
        const at::Tensor got_x = get("trajectories:" + tag + "_x");
        EXPECT_EQ(got_x.sizes(), (at::IntArrayRef{steps + 1, 5, 3}));
        EXPECT_TRUE(at::equal(got_x, at::stack(xs))) << tag;
        if (kind == SolverKind::unipc)
            EXPECT_TRUE(at::equal(get("trajectories:" + tag + "_x0pred"), at::stack(x0s)));
        else
            EXPECT_TRUE(at::equal(get("trajectories:" + tag + "_v"), at::stack(vs)));
    }

    // Guidance with the reference arithmetic (timbre 1 kept as a term).
    auto in = [](const char* n) { return sampler_tensor("cfg.safetensors", n); };
    const at::Tensor cv = in("in_eps_cond_vid"), nv = in("in_eps_uncond_vision"),
                     mv = in("in_eps_mmask_cond_vid");
    EXPECT_LE(max_abs_diff(get("cfg:out_video_cli_fallback_align1"),
                           cv + 5.0 * (cv - nv) + 5.0 * (cv - mv)),
              1e-5);
    const at::Tensor ca = in("in_eps_cond_audio"), na = in("in_eps_uncond_audio"),
                     ma = in("in_eps_mmask_cond_audio"), ra = in("in_eps_timbre_uncond_audio");
    EXPECT_LE(max_abs_diff(get("cfg:out_audio_cli_fallback_align0_timbre1"),
                           ca + 4.0 * (ca - na) + 1.0 * (ca - ra)),
              1e-5);
    EXPECT_LE(max_abs_diff(get("cfg:out_audio_cli_fallback_align1_timbre0"),
                           ca + 4.0 * (ca - na) + 4.0 * (ca - ma)),
              1e-5);
}

TEST(SamplerParity, UnknownKeysAndMissingScaleSetsAreErrors) {
    const auto dir = nava::test::scratch_dir("sampler_parity_errors");
    nava::io::save_safetensors(dir / "cfg.safetensors", {{"x", at::zeros({1}), std::nullopt}});
    nava::io::save_safetensors(dir / "schedules.safetensors",
                               {{"x", at::zeros({1}), std::nullopt}});
    nava::io::save_safetensors(dir / "trajectories.safetensors",
                               {{"x", at::zeros({1}), std::nullopt}});
    std::ostringstream log;
    write_manifest(dir, {"schedules:ddim_n5_s1p0_timesteps"});
    EXPECT_THROW(nava::parity::run_fixture(dir, dir / "o.safetensors", log), nava::FormatError);
    write_manifest(dir, {"cfg:out_video_missing_align0"});
    EXPECT_THROW(nava::parity::run_fixture(dir, dir / "o.safetensors", log), nava::FormatError);
    write_manifest(dir, {"schedules:unipc_n0_s5p0_timesteps"});
    EXPECT_THROW(nava::parity::run_fixture(dir, dir / "o.safetensors", log), nava::ConfigError);
}
