// Guidance: reference formulas (cfg fixture), anchors, the scale-1 rule and the pass sets.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/sampling/guidance.h"
#include "tests/inference/sampling/sampling_test_util.h"

using namespace nava::sampling;
using nava::sampling::test::max_abs_diff;
using nava::sampling::test::open_cached;
using nava::sampling::test::sampler_fixture;
using nava::sampling::test::sampler_tensor;

namespace {

at::Tensor cfg_in(const std::string& name) {
    return sampler_tensor("cfg.safetensors", name);
}

GuidanceConfig reference_config(bool align, bool timbre) {
    GuidanceConfig g;  // defaults = configs/nava.yaml scales
    g.align = align;
    g.timbre = timbre;
    g.skip_unit_scales = false;
    return g;
}

struct Four {
    at::Tensor c, n, m, r;
};

Four random_four(int64_t rows = 5, int64_t cols = 3) {
    return {at::randn({rows, cols}), at::randn({rows, cols}), at::randn({rows, cols}),
            at::randn({rows, cols})};
}

}  // namespace

TEST(Guidance, NavaYamlScalesMatchTheFixture) {
    // The public fixture's single scale set is configs/nava.yaml = our defaults.
    const auto meta = open_cached(sampler_fixture("cfg.safetensors")).metadata();
    ASSERT_TRUE(meta.count("scales_navayaml"));
    const GuidanceScales defaults;
    const auto j = nava::io::parse_json_text(meta.at("scales_navayaml"), "scales");
    EXPECT_EQ(j["video"].get<double>(), defaults.video_text);
    EXPECT_EQ(j["video_align"].get<double>(), defaults.video_align);
    EXPECT_EQ(j["audio"].get<double>(), defaults.audio_text);
    EXPECT_EQ(j["audio_align"].get<double>(), defaults.audio_align);
    EXPECT_EQ(j["timbre"].get<double>(), defaults.timbre);

    for (int align : {0, 1}) {
        const auto g = reference_config(align, false);
        const at::Tensor video =
            combine(guidance_terms(g, Modality::video), cfg_in("in_eps_cond_vid"),
                    cfg_in("in_eps_uncond_vision"), cfg_in("in_eps_mmask_cond_vid"),
                    cfg_in("in_eps_timbre_uncond_vid"));
        EXPECT_LE(max_abs_diff(video, cfg_in("out_video_navayaml_align" + std::to_string(align))),
                  1e-5);
        for (int timbre : {0, 1}) {
            const auto ga = reference_config(align, timbre);
            const at::Tensor audio =
                combine(guidance_terms(ga, Modality::audio), cfg_in("in_eps_cond_audio"),
                        cfg_in("in_eps_uncond_audio"), cfg_in("in_eps_mmask_cond_audio"),
                        cfg_in("in_eps_timbre_uncond_audio"));
            EXPECT_LE(
                max_abs_diff(audio, cfg_in("out_audio_navayaml_align" + std::to_string(align) +
                                           "_timbre" + std::to_string(timbre))),
                1e-5)
                << align << timbre;
        }
    }
}

TEST(Guidance, AnchorSwitchesFromNegativeToConditional) {
    at::manual_seed(1);
    const Four p = random_four();
    GuidanceTerms text_only;
    text_only.text = 3.0;
    EXPECT_TRUE(at::allclose(combine(text_only, p.c, p.n, {}, {}), p.n + 3.0 * (p.c - p.n)));

    GuidanceTerms with_align = text_only;
    with_align.align = 2.0;
    EXPECT_TRUE(at::allclose(combine(with_align, p.c, p.n, p.m, {}),
                             p.c + 3.0 * (p.c - p.n) + 2.0 * (p.c - p.m)));

    GuidanceTerms all = with_align;
    all.timbre = 1.5;
    EXPECT_TRUE(at::allclose(combine(all, p.c, p.n, p.m, p.r),
                             p.c + 3.0 * (p.c - p.n) + 2.0 * (p.c - p.m) + 1.5 * (p.c - p.r)));

    GuidanceTerms timbre_only;
    timbre_only.timbre = 2.0;
    EXPECT_TRUE(at::allclose(combine(timbre_only, p.c, {}, {}, p.r), p.c + 2.0 * (p.c - p.r)));
    EXPECT_TRUE(at::equal(combine(GuidanceTerms{}, p.c, {}, {}, {}), p.c));
}

TEST(Guidance, VideoNeverUsesTheNoSpeakerPass) {
    GuidanceConfig g;
    const GuidanceTerms v = guidance_terms(g, Modality::video);
    EXPECT_FALSE(v.timbre.has_value());
    EXPECT_TRUE(guidance_terms(g, Modality::audio).timbre.has_value());
}

TEST(Guidance, MissingPredictionIsAnError) {
    GuidanceTerms t;
    t.text = 3.0;
    EXPECT_THROW(combine(t, at::zeros({2}), at::Tensor(), {}, {}), nava::Error);
    EXPECT_THROW(combine(GuidanceTerms{}, at::Tensor(), {}, {}, {}), nava::Error);
}

TEST(Guidance, PassSetsFollowTheActiveScales) {
    using P = std::vector<Pass>;
    const P all = {Pass::conditional, Pass::negative, Pass::modality_masked, Pass::no_speaker};
    GuidanceConfig g;  // 3/3/2/2/3, align on, timbre on
    EXPECT_EQ(required_passes(g, true, true), all);
    g.timbre = false;  // no reference voices
    EXPECT_EQ(required_passes(g, true, true),
              (P{Pass::conditional, Pass::negative, Pass::modality_masked}));
    g.align = false;
    EXPECT_EQ(required_passes(g, true, true), (P{Pass::conditional, Pass::negative}));

    // Text scales 1 for both modalities: no negative pass.
    GuidanceConfig t = GuidanceConfig{};
    t.scales.video_text = 1.0;
    t.scales.audio_text = 1.0;
    EXPECT_EQ(required_passes(t, true, true),
              (P{Pass::conditional, Pass::modality_masked, Pass::no_speaker}));
    // Only one modality at 1: the other still needs the pass.
    GuidanceConfig half;
    half.scales.video_text = 1.0;
    EXPECT_EQ(required_passes(half, true, true), all);
    EXPECT_EQ(required_passes(half, true, false), (P{Pass::conditional, Pass::modality_masked}));

    // Every scale 1: one conditional pass.
    GuidanceConfig ones;
    ones.scales = {1.0, 1.0, 1.0, 1.0, 1.0};
    EXPECT_EQ(required_passes(ones, true, true), (P{Pass::conditional}));
    // Reference arithmetic keeps every enabled term.
    ones.skip_unit_scales = false;
    EXPECT_EQ(required_passes(ones, true, true), all);

    // Audio only (text-to-audio): video scales are irrelevant.
    GuidanceConfig t2a;
    t2a.align = false;
    t2a.scales.video_text = 1.0;
    EXPECT_EQ(required_passes(t2a, false, true),
              (P{Pass::conditional, Pass::negative, Pass::no_speaker}));
    t2a.scales.timbre = 1.0;
    EXPECT_EQ(required_passes(t2a, false, true), (P{Pass::conditional, Pass::negative}));
}

TEST(Guidance, SkippingAUnitTextScaleEqualsTheReferenceFormula) {
    // Without extra terms, n + 1 (c - n) = c: the skipped pass changes nothing but rounding.
    const at::Tensor c = cfg_in("in_eps_cond_vid"), n = cfg_in("in_eps_uncond_vision");
    GuidanceConfig skip;
    skip.align = false;
    skip.scales.video_text = 1.0;
    GuidanceConfig ref = skip;
    ref.skip_unit_scales = false;
    const at::Tensor skipped = combine(guidance_terms(skip, Modality::video), c, {}, {}, {});
    const at::Tensor reference = combine(guidance_terms(ref, Modality::video), c, n, {}, {});
    EXPECT_TRUE(at::equal(skipped, c));
    EXPECT_LE(max_abs_diff(skipped, reference), 1e-6);
}

TEST(Guidance, UnitScaleWithExtraTermsDropsOnlyThatTerm) {
    // Documented rule: with the anchor-c formula a scale of 1 removes its term.
    at::manual_seed(2);
    const Four p = random_four();
    GuidanceConfig g;
    g.scales.audio_text = 1.0;  // align 2 and timbre 3 stay
    const at::Tensor out = combine(guidance_terms(g, Modality::audio), p.c, {}, p.m, p.r);
    EXPECT_TRUE(at::allclose(out, p.c + 2.0 * (p.c - p.m) + 3.0 * (p.c - p.r)));

    GuidanceConfig only_text;
    only_text.scales.audio_align = 1.0;
    only_text.scales.timbre = 1.0;
    // Both extra terms gone: back to the classic anchor-n formula.
    const at::Tensor classic =
        combine(guidance_terms(only_text, Modality::audio), p.c, p.n, {}, {});
    EXPECT_TRUE(at::allclose(classic, p.n + 2.0 * (p.c - p.n)));
}

TEST(Guidance, GuideCombinesEveryPresentModality) {
    at::manual_seed(3);
    PassOutputs out;
    const Four v = random_four(4, 6), a = random_four(3, 2);
    for (auto [pass, vt, at_] :
         {std::tuple{Pass::conditional, v.c, a.c}, std::tuple{Pass::negative, v.n, a.n},
          std::tuple{Pass::modality_masked, v.m, a.m}, std::tuple{Pass::no_speaker, v.r, a.r}}) {
        out[pass].video = vt;
        out[pass].audio = at_;
    }
    GuidanceConfig g;
    const Latents guided = guide(g, out);
    EXPECT_TRUE(at::allclose(guided.video, v.c + 3.0 * (v.c - v.n) + 3.0 * (v.c - v.m)));
    EXPECT_TRUE(at::allclose(guided.audio,
                             a.c + 2.0 * (a.c - a.n) + 2.0 * (a.c - a.m) + 3.0 * (a.c - a.r)));
    out[Pass::conditional].video = at::Tensor();  // audio only
    EXPECT_FALSE(guide(g, out).video.defined());
}

TEST(Guidance, ConfigFromJson) {
    const auto j = nlohmann::json::parse(
        R"({"video_guidance_scale": 5.0, "audio_guidance_scale": 4.0, "align_3d_cfg": false,
            "timbre_cfg": true, "timbre_align_guidance_scale": 1.0})");
    const GuidanceConfig g = GuidanceConfig::from_json(nava::io::ConfigReader(j, "test"));
    EXPECT_EQ(g.scales.video_text, 5.0);
    EXPECT_EQ(g.scales.audio_text, 4.0);
    EXPECT_EQ(g.scales.video_align, 3.0);  // default kept
    EXPECT_FALSE(g.align);
    EXPECT_TRUE(g.timbre);
    EXPECT_EQ(g.scales.timbre, 1.0);
    EXPECT_TRUE(g.skip_unit_scales);

    const auto bad = nlohmann::json::parse(R"({"video_guidance_scale": "high"})");
    EXPECT_THROW(GuidanceConfig::from_json(nava::io::ConfigReader(bad, "test")), nava::ConfigError);
}
