// The composition on the pipeline fixture's tiny components, beyond the parity outputs: every
// debug tensor of the reference (pass outputs, contexts as attended, solver inputs), batched
// against one-pass-per-forward evaluation, and shapes the fixture does not cover.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/parity/parity.h"
#include "inference/pipeline/composer.h"
#include "inference/pipeline/pipeline_parity.h"
#include "inference/sampling/sampler.h"
#include "tests/support/test_support.h"

namespace {

using namespace nava;
using sampling::Modality;
using sampling::Pass;
using sampling::StepTrace;

class ComposeFixture : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        const auto dir = test::fixtures_dir() / "pipeline";
        if (!std::filesystem::exists(dir / "manifest.json")) return;
        fixture_ = std::make_unique<parity::Fixture>(parity::Fixture::open(dir));
        components_ =
            std::make_unique<pipeline::Components>(pipeline::load_fixture_components(*fixture_));
    }
    static void TearDownTestSuite() {
        components_.reset();
        fixture_.reset();
    }
    void SetUp() override {
        if (!fixture_) GTEST_SKIP() << "pipeline fixture not found";
    }
    static double max_err(const at::Tensor& a, const at::Tensor& b) {
        EXPECT_EQ(a.sizes(), b.sizes());
        if (a.sizes() != b.sizes()) return 1e30;
        return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
    }
    static std::unique_ptr<parity::Fixture> fixture_;
    static std::unique_ptr<pipeline::Components> components_;
};
std::unique_ptr<parity::Fixture> ComposeFixture::fixture_;
std::unique_ptr<pipeline::Components> ComposeFixture::components_;

const char* kPassNames[] = {"cond", "neg", "mmask", "nospk"};

TEST_F(ComposeFixture, EveryReferenceIntermediateMatches) {
    for (const std::string name : {"a", "b", "c", "d"}) {
        SCOPED_TRACE("case " + name);
        if (!fixture_->find(name + ".out.timesteps")) continue;
        const auto r = pipeline::compose_fixture_case(*fixture_, *components_, name);
        const std::string o = name + ".out.";
        EXPECT_LT(max_err(r.context_prompt, fixture_->tensor(o + "context_prompt")), 5e-5);
        EXPECT_LT(max_err(r.context_negative_video, fixture_->tensor(o + "context_neg_video")),
                  5e-5);
        EXPECT_LT(max_err(r.context_negative_audio, fixture_->tensor(o + "context_neg_audio")),
                  5e-5);
        EXPECT_EQ(max_err(r.timesteps, fixture_->tensor(o + "timesteps")), 0.0);
        int passes_seen = 0;
        for (int i = 0; i < sampling::kPassCount; ++i) {
            const auto ref_ctx = fixture_->find(o + "dit_context_step0_" + kPassNames[i]);
            // A pass runs exactly when the reference ran it.
            EXPECT_EQ(ref_ctx.has_value(), r.step0_context[i].defined()) << kPassNames[i];
            if (!ref_ctx || !r.step0_context[i].defined()) continue;
            ++passes_seen;
            EXPECT_LT(max_err(r.step0_context[i], *ref_ctx), 5e-5) << kPassNames[i];
            for (const auto& [label, m] :
                 {std::pair<std::string, Modality>{"video", Modality::video},
                  {"audio", Modality::audio}}) {
                const auto ref = fixture_->find(o + "dit_" + kPassNames[i] + "_" + label);
                if (!ref) continue;
                EXPECT_LT(max_err(r.trace.stack_raw(static_cast<Pass>(i), m), *ref), 1e-4)
                    << kPassNames[i] << " " << label;
            }
        }
        EXPECT_GE(passes_seen, 2);
        for (const auto& [label, m] : {std::pair<std::string, Modality>{"video", Modality::video},
                                       {"audio", Modality::audio}}) {
            const auto ref = fixture_->find(o + "solver_input_" + label);
            if (!ref) continue;
            EXPECT_LT(max_err(r.trace.stack(&StepTrace::solver_input, m), *ref), 2e-4) << label;
            EXPECT_LT(max_err(label == "video" ? r.sigmas_video : r.sigmas_audio,
                              fixture_->tensor(o + "sigmas_" + label)),
                      1e-7);
        }
        if (const auto mel = fixture_->find(o + "audio_mel_decoded")) {
            EXPECT_LT(max_err(r.audio_mel, *mel), 1e-3);
        }
        if (const auto raw = fixture_->find(o + "video_raw_unclamped")) {
            EXPECT_LT(max_err(r.video_raw, *raw), 2e-4);
        }
    }
}

TEST_F(ComposeFixture, BatchedPassesEqualOnePassPerForward) {
    const auto batched = pipeline::compose_fixture_case(*fixture_, *components_, "a", true);
    const auto single = pipeline::compose_fixture_case(*fixture_, *components_, "a", false);
    // One DiT forward per step instead of one per pass, same numbers.
    EXPECT_LT(batched.dit_forwards, single.dit_forwards);
    EXPECT_EQ(batched.dit_samples, single.dit_samples);
    // Only float32 rounding of differently blocked matrix products (the fixture's deliberate
    // composition mistakes move these latents by 0.5 or more).
    EXPECT_LT(max_err(batched.final_video, single.final_video), 5e-5);
    EXPECT_LT(max_err(batched.final_audio, single.final_audio), 5e-5);
}

// Geometry the public fixture does not have (odd latent sizes need padding inside the DiT), a
// null voice (all-zero row) and one voice broadcast to two spans.
TEST_F(ComposeFixture, OddGeometryNullVoiceAndBroadcastVoice) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
    pipeline::ComposeInputs in;
    in.prompt = {fixture_->tensor("a.input.prompt_ids"), fixture_->tensor("a.input.prompt_mask")};
    in.negative_video = {fixture_->tensor("a.input.neg_video_ids"),
                         fixture_->tensor("a.input.neg_video_mask")};
    in.negative_audio = {fixture_->tensor("a.input.neg_audio_ids"),
                         fixture_->tensor("a.input.neg_audio_mask")};
    const at::Tensor pos = fixture_->tensor("a.input.spk_pos").to(at::kLong).contiguous();
    in.speaker_positions.assign(pos.data_ptr<int64_t>(), pos.data_ptr<int64_t>() + pos.numel());
    in.frames = 2;
    in.height = 3;
    in.width = 5;
    in.noise_video = at::randn({in.frames * in.height * in.width, 48}, gen);
    in.audio_length = 7;
    in.noise_audio = at::randn({7, fixture_->tensor("a.input.noise_audio").size(1)}, gen);
    pipeline::ComposeSettings st;
    st.steps = 3;
    st.shift_video = st.shift_audio = 3.0;

    const at::Tensor voice = fixture_->tensor("a.input.spk_embs").narrow(0, 0, 1).to(at::kFloat);
    in.speaker_embeddings = voice;  // one voice, two spans
    const auto broadcast = pipeline::compose(*components_, in, st);
    ASSERT_EQ(broadcast.status, sampling::SamplingStatus::completed);
    EXPECT_EQ(broadcast.video.sizes(), (at::IntArrayRef{3, 5, 48, 80}));
    EXPECT_TRUE(at::isfinite(broadcast.video).all().item<bool>());
    EXPECT_EQ(broadcast.audio.size(0), 2);

    in.speaker_embeddings = at::cat({voice, voice});  // the same voice given twice
    const auto twice = pipeline::compose(*components_, in, st);
    EXPECT_LT(max_err(broadcast.final_audio, twice.final_audio), 1e-6);

    in.speaker_embeddings = at::zeros_like(voice);  // null voice
    const auto null_voice = pipeline::compose(*components_, in, st);
    EXPECT_TRUE(at::isfinite(null_voice.final_audio).all().item<bool>());
    EXPECT_GT(max_err(null_voice.final_audio, broadcast.final_audio), 1e-4);

    in.speaker_embeddings = at::cat({voice, voice, voice}).index({at::indexing::Slice(0, 3)});
    in.speaker_positions = {in.speaker_positions[0]};  // more voices than spans: extras dropped
    EXPECT_NO_THROW(pipeline::compose(*components_, in, st));
}

TEST_F(ComposeFixture, CancelStopsBeforeDecoding) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    pipeline::ComposeInputs in;
    in.prompt = {fixture_->tensor("d.input.prompt_ids"), fixture_->tensor("d.input.prompt_mask")};
    in.negative_video = {fixture_->tensor("d.input.neg_video_ids"),
                         fixture_->tensor("d.input.neg_video_mask")};
    in.negative_audio = {fixture_->tensor("d.input.neg_audio_ids"),
                         fixture_->tensor("d.input.neg_audio_mask")};
    in.audio_length = 5;
    in.noise_audio = at::randn({5, fixture_->tensor("d.input.noise_audio").size(1)}, gen);
    pipeline::ComposeSettings st;
    st.steps = 6;
    int steps_seen = 0;
    pipeline::ComposeCallbacks cb;
    cb.progress = [&](pipeline::Stage s, int64_t step, int64_t, double) {
        if (s == pipeline::Stage::denoise) steps_seen = static_cast<int>(step);
    };
    cb.cancel = [&] { return steps_seen >= 2; };
    const auto r = pipeline::compose(*components_, in, st, cb);
    EXPECT_EQ(r.status, sampling::SamplingStatus::cancelled);
    EXPECT_FALSE(r.audio.defined());
    EXPECT_LT(steps_seen, 6);
}

}  // namespace
