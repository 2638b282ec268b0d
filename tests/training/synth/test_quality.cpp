// The quality measures of `nava bench quality`, applied to the world's own clips: a clip made by
// the world must score as perfectly synchronised, with its speech inside the spans and every
// named colour present; the same clip with its sound delayed must show the delay.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"
#include "training/autoencoders/clips.h"
#include "training/synth/dataset.h"
#include "training/synth/quality.h"
#include "training/synth/speech.h"

namespace nava::synth {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct WorldCase {
    json truth;
    QualityClip clip;
    std::vector<at::Tensor> voices;
};

class QualityOnWorldClips : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            find_espeak();
        } catch (const SynthError&) {
            return;
        }
        const fs::path dir = nava::test::scratch_dir("synth_quality");
        DatasetOptions o;
        o.out_dir = dir;
        o.clips = 0;
        o.holdout = 8;
        o.seed = 5;
        o.format.width = 64;
        o.format.height = 64;
        o.format.frames = 49;
        o.threads = 2;
        generate_dataset(o);
        cases_ = new std::vector<WorldCase>();
        std::ifstream in(dir / "holdout.jsonl");
        std::string line;
        while (std::getline(in, line)) {
            const json rec = json::parse(line);
            WorldCase c;
            std::ifstream t(dir / rec.at("truth").get<std::string>());
            c.truth = json::parse(t);
            autoencoders::VideoClipOptions vo;
            vo.frames = 49;
            c.clip.video =
                autoencoders::load_video_clip(dir / rec.at("video").get<std::string>(), vo);
            c.clip.audio =
                autoencoders::load_audio_clip(dir / rec.at("audio").get<std::string>(), 16000, 1)
                    .flatten();
            for (const auto& v : c.truth["files"]["voices"])
                c.voices.push_back(
                    autoencoders::load_audio_clip(dir / v.get<std::string>(), 16000, 1).flatten());
            cases_->push_back(std::move(c));
        }
    }
    static void TearDownTestSuite() {
        delete cases_;
        cases_ = nullptr;
    }
    void SetUp() override {
        if (!cases_) GTEST_SKIP() << "espeak-ng is not installed";
    }
    static std::vector<WorldCase>* cases_;
};
std::vector<WorldCase>* QualityOnWorldClips::cases_ = nullptr;

TEST_F(QualityOnWorldClips, WorldClipsScoreAsSynchronisedAndFaithful) {
    int speech_cases = 0, sync_cases = 0, colours = 0, pitched_spans = 0;
    for (const auto& c : *cases_) {
        const CaseQuality q = measure_case(c.truth, c.clip, c.voices, {}, &c.clip);
        SCOPED_TRACE(c.truth.at("caption").get<std::string>());
        EXPECT_EQ(q.colours_present, q.colours);
        colours += q.colours;
        // Per colour: one entry per named object and face colour, each one present.
        int named = 0;
        for (const auto& [name, n] : q.colours_by_name) {
            EXPECT_EQ(n[1], n[0]) << name;
            named += n[0];
        }
        EXPECT_EQ(named, q.colours);
        EXPECT_EQ(q.mouths_moving, q.mouths);  // every speaking face's mouth moves
        if (q.sync_cue == "mouth") {
            ++sync_cases;
            EXPECT_GT(q.mouths, 0);
            ASSERT_TRUE(q.sync_offset_ms.has_value());
            EXPECT_LE(std::abs(*q.sync_offset_ms), 1000.0 / 24.0 + 1e-9);
            EXPECT_GT(q.sync_correlation, 0.5);
        }
        for (double e : q.pitch_errors_semitones)
            EXPECT_EQ(e, 0.0);
        pitched_spans += static_cast<int>(q.pitch_errors_semitones.size());
        if (!c.truth.at("speech").empty()) {
            ++speech_cases;
            ASSERT_TRUE(q.span_adherence.has_value());
            EXPECT_GT(*q.span_adherence, 0.6);
            // the world's own timing is among those searched, and drawn timings average below
            // the best one
            ASSERT_TRUE(q.span_adherence_best_timing && q.span_adherence_redrawn);
            EXPECT_GE(*q.span_adherence_best_timing, *q.span_adherence);
            EXPECT_LE(*q.span_adherence_redrawn, *q.span_adherence_best_timing);
        } else {
            EXPECT_FALSE(q.span_adherence.has_value());
        }
    }
    EXPECT_GT(speech_cases, 0);
    EXPECT_GT(sync_cases, 0);
    EXPECT_GT(colours, 0);
    EXPECT_GE(pitched_spans, speech_cases);  // espeak's voices are voiced: a pitch per span
}

TEST_F(QualityOnWorldClips, DelayedSoundShowsAsOffsetAndLeavesTheSpans) {
    int checked = 0;
    for (const auto& c : *cases_) {
        const CaseQuality q0 = measure_case(c.truth, c.clip, c.voices, {}, &c.clip);
        if (q0.sync_cue != "mouth") continue;
        // Delay the sound by 4 frames (167 ms).
        QualityClip late = c.clip;
        const int64_t shift = 4 * 16000 / 24;
        late.audio = at::cat({at::zeros({shift}), c.clip.audio.slice(0, 0, -shift)});
        const CaseQuality q = measure_case(c.truth, late, c.voices, {}, &c.clip);
        ASSERT_TRUE(q.sync_offset_ms.has_value());
        EXPECT_NEAR(*q.sync_offset_ms, 4 * 1000.0 / 24.0, 1000.0 / 24.0 + 1e-9);
        // Silence: no span measure, no sync.
        QualityClip silent = c.clip;
        silent.audio = at::zeros_like(c.clip.audio);
        const CaseQuality qs = measure_case(c.truth, silent, c.voices, {}, &c.clip);
        EXPECT_FALSE(qs.span_adherence.has_value());
        EXPECT_FALSE(qs.sync_offset_ms.has_value());
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

// A caption names a face's side only sometimes, so a generated face may stand elsewhere than
// the world's: the sync measure finds it by its colour.
TEST_F(QualityOnWorldClips, AFaceElsewhereKeepsItsSync) {
    int moved = 0;
    for (const auto& c : *cases_) {
        if (c.truth.at("faces").size() != 1) continue;
        const CaseQuality q0 = measure_case(c.truth, c.clip, c.voices, {}, &c.clip);
        if (q0.sync_cue != "mouth") continue;
        // the whole picture shifted by 40 % of its width (wrapping round): the face stands in
        // another of the world's three places, its mouth box empty at the truth's
        const int64_t w = c.clip.video.size(3);
        const double x = c.truth.at("faces")[0].at("x").get<double>();
        const int64_t shift = x < 0.5 * static_cast<double>(w) ? (4 * w) / 10 : -(4 * w) / 10;
        QualityClip elsewhere = c.clip;
        elsewhere.video = at::roll(c.clip.video, {shift}, {3});
        const std::vector<double> at_truth = mouth_signal(c.truth, c.clip.video);
        const std::vector<double> found = mouth_signal(c.truth, elsewhere.video);
        ASSERT_EQ(found.size(), at_truth.size());
        for (std::size_t t = 0; t < found.size(); ++t)
            EXPECT_NEAR(found[t], at_truth[t], 0.05) << "frame " << t;
        const CaseQuality q = measure_case(c.truth, elsewhere, c.voices, {}, &c.clip);
        EXPECT_EQ(q.mouths_moving, 1);
        ASSERT_TRUE(q.sync_offset_ms.has_value());
        EXPECT_LE(std::abs(*q.sync_offset_ms), 1000.0 / 24.0 + 1e-9);
        EXPECT_GT(q.sync_correlation, 0.5);
        // the first picture held still: the face is there, its mouth does not move
        QualityClip still = c.clip;
        still.video = c.clip.video.slice(1, 0, 1).expand_as(c.clip.video).contiguous();
        const CaseQuality qs = measure_case(c.truth, still, c.voices, {}, &c.clip);
        EXPECT_EQ(qs.mouths, 1);
        EXPECT_EQ(qs.mouths_moving, 0);
        ++moved;
    }
    EXPECT_GT(moved, 0) << "no held-out case with one speaking face";
}

TEST_F(QualityOnWorldClips, MissingColoursAndWrongVoicesAreCounted) {
    for (const auto& c : *cases_) {
        // A grey picture has none of the named colours.
        QualityClip grey = c.clip;
        grey.video = at::zeros_like(c.clip.video);
        const CaseQuality q = measure_case(c.truth, grey, c.voices, {}, &c.clip);
        EXPECT_EQ(q.colours_present, 0) << c.truth.at("caption");
        for (const auto& [name, n] : q.colours_by_name) {
            EXPECT_GT(n[0], 0) << name;
            EXPECT_EQ(n[1], 0) << name;
        }
    }
    // Timbre: an embedder that maps everything to the same vector cannot tell voices apart (a
    // tie is not a success); one that looks at the loudness of the exact recording can.
    int spans = 0;
    for (const auto& c : *cases_) {
        if (c.truth.at("speech").size() < 2) continue;
        const CaseQuality q = measure_case(
            c.truth, c.clip, c.voices, [](const at::Tensor&) { return at::ones({4}); }, &c.clip);
        EXPECT_EQ(q.timbre_correct, 0);
        spans += q.timbre_spans;
    }
    if (spans == 0) GTEST_SKIP() << "no two-speaker prompt among the held-out cases";
}

// A harmonic voice at 180 Hz (falling slightly), a pulse train at the vocoder's frame rate
// (100 Hz), noise and silence.
TEST(QualitySignals, PitchIsTheVoicesFundamental) {
    const int rate = 16000;
    const at::Tensor t = at::arange(rate, at::kDouble).div(rate);
    const at::Tensor f0 = 180.0 - 10.0 * t;
    const at::Tensor phase = 2.0 * M_PI * at::cumsum(f0, 0) / rate;
    at::Tensor voice = at::zeros_like(t);
    for (int h = 1; h <= 8; ++h)
        voice = voice + at::sin(phase * h) / h;
    const auto voiced = median_pitch_hz(voice, rate, 0.0, 1.0);
    ASSERT_TRUE(voiced.has_value());
    EXPECT_NEAR(*voiced, 175.0, 3.0);
    // only a stretch of it: the start of the voice
    EXPECT_NEAR(*median_pitch_hz(voice, rate, 0.0, 0.2), 179.0, 3.0);

    const at::Tensor pulses = (at::arange(rate, at::kLong) % 160 == 0).to(at::kDouble);
    EXPECT_NEAR(*median_pitch_hz(pulses, rate, 0.1, 0.9), 100.0, 1.0);

    auto gen = at::make_generator<at::CPUGeneratorImpl>(3);
    EXPECT_FALSE(median_pitch_hz(at::randn({rate}, gen, at::kDouble), rate, 0.0, 1.0).has_value());
    EXPECT_FALSE(median_pitch_hz(at::zeros({rate}), rate, 0.0, 1.0).has_value());
    EXPECT_FALSE(median_pitch_hz(voice, rate, 0.5, 0.52).has_value());  // shorter than a window

    // Per span against the world clip: the pulse train is 10 semitones below the voice.
    json truth = {{"speech", {{{"start_s", 0.1}, {"end_s", 0.9}, {"speaker", "a"}}}}};
    QualityClip world, clip;
    world.audio = voice.to(at::kFloat);
    clip.audio = pulses.to(at::kFloat);
    const CaseQuality q = measure_case(truth, clip, {}, {}, &world);
    ASSERT_EQ(q.pitch_errors_semitones.size(), 1u);
    EXPECT_NEAR(q.pitch_errors_semitones[0], 12.0 * std::log2(175.0 / 100.0), 0.4);
    EXPECT_NEAR(measure_case(truth, world, {}, {}, &world).pitch_errors_semitones.at(0), 0.0, 1e-9);
    EXPECT_TRUE(measure_case(truth, clip, {}, {}, nullptr).pitch_errors_semitones.empty());
}

TEST(QualitySignals, BestLagFindsAShiftAndRefusesConstants) {
    std::vector<double> a(40, 0.0), b(40, 0.0);
    for (int t = 0; t < 40; ++t)
        a[static_cast<std::size_t>(t)] = std::sin(t * 0.7) + (t % 7 == 0 ? 2.0 : 0.0);
    for (int t = 0; t < 40; ++t)
        b[static_cast<std::size_t>(t)] = t >= 3 ? a[static_cast<std::size_t>(t - 3)] : 0.0;
    double r = 0.0;
    const auto lag = best_lag(a, b, 6, &r);
    ASSERT_TRUE(lag.has_value());
    EXPECT_EQ(*lag, 3);
    EXPECT_GT(r, 0.95);
    EXPECT_FALSE(best_lag(a, std::vector<double>(40, 1.0), 6).has_value());

    std::vector<CaseQuality> cases(3);
    cases[0].sync_offset_ms = -40.0;
    cases[1].sync_offset_ms = 10.0;
    cases[2].sync_offset_ms = 100.0;
    cases[0].span_adherence = 0.5;
    cases[1].timbre_spans = 2;
    cases[1].timbre_correct = 1;
    cases[2].colours = 4;
    cases[2].colours_present = 3;
    cases[2].colours_by_name = {{"red object", {2, 1}}, {"pink face", {2, 2}}};
    cases[1].colours_by_name = {{"red object", {1, 1}}};
    cases[0].sync_cue = "mouth";
    cases[1].sync_cue = "impact";
    cases[2].sync_cue = "impact";
    const QualitySummary s = summarize(cases);
    EXPECT_DOUBLE_EQ(s.median_abs_sync_ms, 40.0);
    EXPECT_DOUBLE_EQ(s.median_abs_sync_mouth_ms, 40.0);
    EXPECT_EQ(s.sync_mouth_cases, 1);
    EXPECT_DOUBLE_EQ(s.median_abs_sync_impact_ms, 55.0);
    EXPECT_EQ(s.sync_impact_cases, 2);
    EXPECT_DOUBLE_EQ(s.span_adherence, 0.5);
    EXPECT_DOUBLE_EQ(s.timbre_accuracy, 0.5);
    EXPECT_DOUBLE_EQ(s.median_pitch_error, -1.0);
    cases[0].pitch_errors_semitones = {4.0, 0.5};
    cases[2].pitch_errors_semitones = {1.0};
    const QualitySummary sp = summarize(cases);
    EXPECT_EQ(sp.pitch_spans, 3);
    EXPECT_DOUBLE_EQ(sp.median_pitch_error, 1.0);
    EXPECT_DOUBLE_EQ(s.colour_adherence, 0.75);
    ASSERT_EQ(s.colours_by_name.size(), 2u);
    EXPECT_EQ(s.colours_by_name.at("red object"), (std::array<int, 2>{3, 2}));
    EXPECT_EQ(s.colours_by_name.at("pink face"), (std::array<int, 2>{2, 2}));
    const nlohmann::json red = s.to_json().at("colours_by_name").at("red object");
    EXPECT_EQ(red.at("named"), 3);
    EXPECT_EQ(red.at("present"), 2);
    // one value of a measure gives no interval for a mean, a whole-range one for a median
    EXPECT_FALSE(s.span_interval.valid());
    EXPECT_DOUBLE_EQ(s.sync_interval.low, 10.0);
    EXPECT_DOUBLE_EQ(s.sync_interval.high, 100.0);
    EXPECT_TRUE(s.timbre_interval.valid());
}

// The prompt does not say when a line is spoken: a clip that speaks the line at another time than
// the world drew is outside the world's window but inside a timing the world could have drawn.
TEST(Quality, SpanTimingViewsSeparateWhenFromHowLong) {
    const int rate = 16000;
    const int64_t n = 49 * rate / 24;
    const at::Tensor t = at::arange(n, at::kDouble).div(rate);
    const at::Tensor tone = at::sin(2.0 * M_PI * 1000.0 * t);
    json truth = {{"speech", {{{"start_s", 0.2}, {"end_s", 0.7}, {"speaker", "a"}}}}};
    QualityClip late, everywhere;
    late.audio = (tone * ((t >= 1.2) & (t < 1.7)).to(at::kDouble)).to(at::kFloat);
    everywhere.audio = tone.to(at::kFloat);

    const CaseQuality q = measure_case(truth, late, {}, {}, nullptr);
    ASSERT_TRUE(q.span_adherence && q.span_adherence_redrawn && q.span_adherence_best_timing);
    EXPECT_LT(*q.span_adherence, 0.05);              // not when the world spoke it
    EXPECT_GT(*q.span_adherence_best_timing, 0.95);  // but a line of the right length
    EXPECT_GT(*q.span_adherence_redrawn, 0.1);       // some drawn timings meet it
    EXPECT_LT(*q.span_adherence_redrawn, 0.7);

    // speech all through the clip fits no timing of a half-second line
    const CaseQuality e = measure_case(truth, everywhere, {}, {}, nullptr);
    ASSERT_TRUE(e.span_adherence_best_timing.has_value());
    EXPECT_LT(*e.span_adherence_best_timing, 0.45);
    EXPECT_NEAR(*e.span_adherence_redrawn, *e.span_adherence, 0.05);  // timing does not matter

    // the best timing is never below the world's own
    json early = truth;
    QualityClip on_time;
    on_time.audio = (tone * ((t >= 0.2) & (t < 0.7)).to(at::kDouble)).to(at::kFloat);
    const CaseQuality o = measure_case(early, on_time, {}, {}, nullptr);
    EXPECT_GT(*o.span_adherence, 0.95);
    EXPECT_GE(*o.span_adherence_best_timing, *o.span_adherence);

    const QualitySummary s = summarize({q, e});
    EXPECT_EQ(s.span_cases, 2);
    EXPECT_NEAR(s.span_adherence_best_timing,
                0.5 * (*q.span_adherence_best_timing + *e.span_adherence_best_timing), 1e-12);
    EXPECT_TRUE(s.span_best_timing_interval.valid());
}

TEST(Quality, IntervalsSayHowFarAFewCasesCanBeTrusted) {
    // Wilson: 7 of 14 spans cannot tell binding from chance; 90 of 100 can
    const Interval95 few = share_interval(7, 14);
    EXPECT_LT(few.low, 0.30);
    EXPECT_GT(few.high, 0.70);
    EXPECT_NEAR(few.low + few.high, 1.0, 1e-12);  // symmetric at one half
    const Interval95 many = share_interval(90, 100);
    EXPECT_GT(many.low, 0.80);
    EXPECT_LT(many.high, 0.95);
    EXPECT_GT(share_interval(0, 10).high, 0.2);  // none correct is not proof of zero
    EXPECT_DOUBLE_EQ(share_interval(0, 10).low, 0.0);
    EXPECT_DOUBLE_EQ(share_interval(10, 10).high, 1.0);
    EXPECT_FALSE(share_interval(0, 0).valid());

    // median: order statistics around the middle, narrowing as values accumulate
    std::vector<double> v;
    for (int i = 100; i >= 1; --i)
        v.push_back(i);  // unsorted on purpose
    const Interval95 m = median_interval(v);
    EXPECT_DOUBLE_EQ(m.low, 40.0);  // the textbook ranks for 100 values: 40 and 61
    EXPECT_DOUBLE_EQ(m.high, 61.0);
    EXPECT_FALSE(median_interval({}).valid());

    // mean of shares: -+ 1.96 standard errors, kept inside [0, 1]
    const Interval95 s = mean_share_interval({0.2, 0.4, 0.6, 0.8});
    const double half = 1.96 * std::sqrt(0.2 / 3.0 / 4.0);  // squared deviations sum to 0.2
    EXPECT_NEAR(s.low, 0.5 - half, 1e-12);
    EXPECT_NEAR(s.high, 0.5 + half, 1e-12);
    const Interval95 top = mean_share_interval({1.0, 1.0, 0.9});
    EXPECT_DOUBLE_EQ(top.high, 1.0);
}

}  // namespace
}  // namespace nava::synth
