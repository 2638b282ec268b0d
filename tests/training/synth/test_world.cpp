// The pieces of the synthetic world: vocabulary, randomness, motion, sounds, mouths, captions,
// and a hand-made clip whose picture and sound are checked against its ground truth.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "media/export.h"
#include "media/video_reader.h"
#include "tests/support/test_support.h"
#include "tests/training/synth/synth_test_util.h"
#include "training/synth/caption.h"
#include "training/synth/clip.h"
#include "training/synth/motion.h"
#include "training/synth/random.h"
#include "training/synth/render.h"
#include "training/synth/sound.h"

namespace nava::synth {
namespace {

using testing::blank_recipe;
using testing::colour_named;
using testing::correlation;
using testing::make_object;
using testing::window_rms;

TEST(SynthVocabulary, SpanPhrasesAreShortAndReferencesShareNoWord) {
    std::set<std::string> span_words;
    for (const auto& p : vocab::span_phrases()) {
        const auto w = vocab::words(p);
        EXPECT_GE(w.size(), 2u) << p;
        EXPECT_LE(w.size(), 5u) << p;
        span_words.insert(w.begin(), w.end());
    }
    for (const auto& s : vocab::reference_sentences())
        for (const auto& w : vocab::words(s))
            EXPECT_EQ(span_words.count(w), 0u) << "'" << w << "' of '" << s << "'";
    // Face colours a caption can name unambiguously.
    std::set<std::string> names;
    for (const auto& c : vocab::face_colours())
        EXPECT_TRUE(names.insert(c.name).second) << c.name;
}

TEST(SynthRandom, StreamsAreReproducibleAndIndependent) {
    Rng a = Rng::derive(5, "train-clip", 3), b = Rng::derive(5, "train-clip", 3);
    Rng c = Rng::derive(5, "train-clip", 4), d = Rng::derive(6, "train-clip", 3);
    int same_c = 0, same_d = 0;
    for (int i = 0; i < 100; ++i) {
        const uint64_t x = a.next();
        EXPECT_EQ(x, b.next());
        same_c += x == c.next();
        same_d += x == d.next();
        const double u = a.uniform();
        b.uniform();
        EXPECT_GE(u, 0.0);
        EXPECT_LT(u, 1.0);
    }
    EXPECT_EQ(same_c, 0);
    EXPECT_EQ(same_d, 0);
    Rng e(1);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 3000; ++i)
        counts[static_cast<std::size_t>(e.below(3))]++;
    for (int n : counts)
        EXPECT_NEAR(n, 1000, 150);
}

TEST(SynthMotion, BouncingObjectHitsTheFloorWhenPhysicsSaysSo) {
    ClipRecipe r = blank_recipe("m");
    const ClipFormat& f = r.format;
    // Dropped from rest: it reaches the floor after sqrt(2 h / g).
    const ObjectSpec o =
        make_object(Shape::circle, "red", SizeClass::medium, Motion::bounce, 64, 30, 0, 0, f);
    r.objects.push_back(o);
    const MotionResult m = simulate_motion(r);
    ASSERT_EQ(m.tracks.size(), 1u);
    ASSERT_EQ(m.tracks[0].y.size(), static_cast<std::size_t>(f.frames));
    ASSERT_FALSE(m.impacts.empty());
    const double g = kGravityHeightsPerS2 * f.height;
    const double fall = (f.height - o.radius_px) - 30.0;
    EXPECT_NEAR(m.impacts[0].time_s, std::sqrt(2 * fall / g), 0.003);
    EXPECT_EQ(m.impacts[0].surface, "floor");
    EXPECT_EQ(m.impacts[0].object, 0);
    // Never leaves the frame; x does not move without horizontal speed.
    for (std::size_t k = 0; k < m.tracks[0].y.size(); ++k) {
        EXPECT_LE(m.tracks[0].y[k], f.height - o.radius_px + 1e-9);
        EXPECT_DOUBLE_EQ(m.tracks[0].x[k], 64.0);
    }
    // Later bounces are softer.
    for (std::size_t i = 1; i < m.impacts.size(); ++i)
        EXPECT_LT(m.impacts[i].strength, m.impacts[i - 1].strength);
}

TEST(SynthMotion, FlyingObjectStaysInsideItsPlayArea) {
    ClipRecipe r = blank_recipe("m");
    FaceSpec face;
    face.x = 64;
    face.y = 25;
    face.radius_px = face_radius(r.format);
    r.faces.push_back(face);
    r.play_area = play_area_for(r.format, r.faces);
    EXPECT_GT(r.play_area.y0, face.y + face.radius_px);
    r.objects.push_back(make_object(Shape::triangle, "blue", SizeClass::large, Motion::fly, 40, 90,
                                    150, -120, r.format));
    const MotionResult m = simulate_motion(r);
    const auto ext = half_extent(r.objects[0]);
    for (std::size_t k = 0; k < m.tracks[0].x.size(); ++k) {
        EXPECT_GE(m.tracks[0].y[k] - ext[1], r.play_area.y0 - 1e-9);
        EXPECT_LE(m.tracks[0].x[k] + ext[0], r.play_area.x1 + 1e-9);
        EXPECT_GE(m.tracks[0].x[k] - ext[0], r.play_area.x0 - 1e-9);
    }
    EXPECT_GE(m.impacts.size(), 2u);
}

TEST(SynthSound, TimbreDependsOnShapeAndSize) {
    const ClipFormat f;
    const auto small =
        make_object(Shape::circle, "red", SizeClass::small, Motion::bounce, 0, 0, 0, 0, f);
    const auto large =
        make_object(Shape::circle, "red", SizeClass::large, Motion::bounce, 0, 0, 0, 0, f);
    const auto square =
        make_object(Shape::square, "red", SizeClass::small, Motion::bounce, 0, 0, 0, 0, f);
    EXPECT_GT(timbre_of(small, f).frequency_hz, timbre_of(large, f).frequency_hz);
    EXPECT_NE(timbre_of(small, f).kind, timbre_of(square, f).kind);
    const auto s = impact_sound(timbre_of(small, f), 1.0, f.sample_rate_hz, 1);
    float peak = 0;
    for (float v : s)
        peak = std::max(peak, std::fabs(v));
    EXPECT_NEAR(peak, kImpactPeak, 1e-4);
    // It decays: the last 10 ms are much quieter than the first 20.
    EXPECT_LT(window_rms(s, s.size() / 16000.0 - 0.01, 1.0, 16000),
              0.05 * window_rms(s, 0.0, 0.02, 16000));
    const auto soft = impact_sound(timbre_of(small, f), 0.5, f.sample_rate_hz, 1);
    EXPECT_NEAR(*std::max_element(soft.begin(), soft.end()), 0.5f * peak, 0.02f);
}

TEST(SynthSound, MouthFollowsTheLoudnessOfItsTrack) {
    ClipFormat f;
    std::vector<float> track(static_cast<std::size_t>(f.audio_samples()), 0.0f);
    // Loud between 0.5 and 1.0 s, half as loud between 1.2 and 1.5 s.
    for (std::size_t i = 0; i < track.size(); ++i) {
        const double t = static_cast<double>(i) / f.sample_rate_hz;
        const float a = t >= 0.5 && t < 1.0 ? 0.4f : t >= 1.2 && t < 1.5 ? 0.2f : 0.0f;
        track[i] = a * static_cast<float>(std::sin(2 * 3.14159265 * 200 * t));
    }
    const auto rms = frame_rms(track, f);
    const auto open = mouth_opening(track, f, 0.8 * *std::max_element(rms.begin(), rms.end()));
    ASSERT_EQ(open.size(), static_cast<std::size_t>(f.frames));
    EXPECT_EQ(open[2], 0.0);                         // 0.08 s: silence
    EXPECT_DOUBLE_EQ(open[18], 1.0);                 // 0.75 s: loud
    EXPECT_NEAR(open[32], 0.2 / (0.8 * 0.4), 0.05);  // 1.33 s: half as loud
    EXPECT_EQ(open[45], 0.0);                        // 1.88 s: silence again
}

TEST(SynthCaption, NamesWhatIsThereAndSpansInSpeechOrder) {
    ClipRecipe r = blank_recipe("c");
    r.objects.push_back(make_object(Shape::square, "yellow", SizeClass::large, Motion::bounce, 20,
                                    80, 10, 0, r.format));
    for (const char* colour : {"purple", "teal"}) {
        FaceSpec face;
        face.colour = colour_named(vocab::face_colours(), colour);
        face.speaks = true;
        r.faces.push_back(face);
    }
    r.faces[0].x = 30;
    r.faces[1].x = 100;
    r.speech = {{"teal", "hello there", {}, 0.2, 0.8, ""},
                {"purple", "good night", {}, 1.0, 1.6, ""}};
    std::set<std::string> captions;
    for (uint64_t seed = 0; seed < 40; ++seed) {
        r.caption_seed = seed;
        const std::string c = make_caption(r);
        captions.insert(c);
        std::string lower = c;
        for (char& ch : lower)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        EXPECT_EQ(caption_spans(c), (std::vector<std::string>{"hello there", "good night"})) << c;
        EXPECT_LT(lower.find("the teal face"), lower.find("the purple face")) << c;
        EXPECT_EQ(lower.find("then the purple face then"), std::string::npos) << c;
        EXPECT_LT(c.find("<S>hello there<E>"), c.find("<S>good night<E>")) << c;
        EXPECT_NE(c.find("yellow"), std::string::npos) << c;
        EXPECT_EQ(c.find("<S><E>"), std::string::npos) << c;
    }
    EXPECT_GT(captions.size(), 20u) << "too little wording variety";
    // A silent face is mentioned without a span.
    r.speech.pop_back();
    r.faces[0].speaks = false;
    r.caption_seed = 3;
    const std::string c = make_caption(r);
    EXPECT_EQ(caption_spans(c), std::vector<std::string>{"hello there"}) << c;
    EXPECT_NE(c.find("purple face"), std::string::npos) << c;
    EXPECT_EQ(caption_spans("a <S>x<E> b <S>y<E> <S>z"), (std::vector<std::string>{"x", "y"}));
}

TEST(SynthSpeech, MissingEspeakIsAClearError) {
    const char* old = std::getenv("PATH");
    const std::string saved = old ? old : "";
    const auto empty = nava::test::scratch_dir("synth_no_espeak");
    ::setenv("PATH", empty.c_str(), 1);
    std::string message;
    try {
        SpeechSynth s(16000);
    } catch (const SynthError& e) {
        message = e.what();
    }
    ::setenv("PATH", saved.c_str(), 1);
    EXPECT_NE(message.find("'espeak-ng' was not found"), std::string::npos) << message;
    EXPECT_NE(message.find("Debian package espeak-ng"), std::string::npos) << message;
    EXPECT_THROW(find_espeak("/no/such/espeak-ng"), SynthError);
}

TEST(SynthSpeech, PhrasesAreTrimmedNormalisedAndVoicesDiffer) {
    NAVA_REQUIRE_ESPEAK();
    SpeechSynth s(16000);
    VoiceSpec a{"en-us", "m3", 35, 170}, b{"en-gb", "f2", 70, 170};
    const auto& x = s.speak("hello there", a);
    const auto& y = s.speak("hello there", b);
    ASSERT_GT(x.size(), 4000u);
    float peak = 0;
    for (float v : x)
        peak = std::max(peak, std::fabs(v));
    EXPECT_NEAR(peak, kSpeechPeak, 1e-3);
    // Trimmed: sound right from the start to the end, not espeak's padding.
    EXPECT_GT(window_rms(x, 0.0, 0.06, 16000), 0.005);
    EXPECT_GT(window_rms(x, x.size() / 16000.0 - 0.08, 10.0, 16000), 0.002);
    EXPECT_NE(x, y);
    EXPECT_EQ(&s.speak("hello there", a), &x) << "second request comes from the cache";
}

// A hand-made clip: the rendered picture (through an MP4 round trip) and sound agree with the
// ground truth the generator reports.
TEST(SynthClip, PictureAndSoundMatchTheTruth) {
    NAVA_REQUIRE_ESPEAK();
    SpeechSynth speech(16000);
    ClipRecipe r = blank_recipe("hand");
    FaceSpec face;
    face.colour = colour_named(vocab::face_colours(), "orange");
    face.radius_px = face_radius(r.format);
    face.x = 40;
    face.y = 26;
    face.speaks = true;
    r.faces.push_back(face);
    r.play_area = play_area_for(r.format, r.faces);
    r.objects.push_back(make_object(Shape::circle, "red", SizeClass::large, Motion::bounce, 90, 70,
                                    -40, 0, r.format));
    SpeechLine line{"orange", "what a lovely day", {"en-us", "f3", 60, 165}, 0.4, 0.0, ""};
    line.end_s = line.start_s + speech.duration_s(line.text, line.voice);
    line.reference_text = "seven ducks paddled across calm blue ponds";
    r.speech.push_back(line);
    const Clip clip = build_clip(r, speech);
    ASSERT_EQ(clip.audio.samples.size(), static_cast<std::size_t>(r.format.audio_samples()));
    ASSERT_EQ(clip.video.frame_count(), r.format.frames);

    const auto dir = nava::test::scratch_dir("synth_hand_clip");
    media::ExportOptions opts;
    opts.audio_sample_rate_hz = 16000;
    media::export_mp4(dir / "hand.mp4", &clip.video, &clip.audio, opts);
    const media::VideoBuffer decoded = media::read_video(dir / "hand.mp4");
    ASSERT_EQ(decoded.frame_count(), r.format.frames);
    ASSERT_EQ(decoded.width, r.format.width);
    const auto pixel = [&](int64_t frame, double x, double y) {
        const auto i = ((frame * decoded.height + static_cast<int64_t>(y)) * decoded.width +
                        static_cast<int64_t>(x)) *
                       3;
        return Rgb{decoded.rgb[static_cast<std::size_t>(i)],
                   decoded.rgb[static_cast<std::size_t>(i + 1)],
                   decoded.rgb[static_cast<std::size_t>(i + 2)]};
    };
    const auto near = [](Rgb a, Rgb b) {
        return std::abs(a.r - b.r) < 40 && std::abs(a.g - b.g) < 40 && std::abs(a.b - b.b) < 40;
    };
    // 1. The ball's colour is where the truth puts it, in every frame; the background where the
    //    ball was 0.4 s earlier (it moved on).
    for (int64_t k = 0; k < r.format.frames; ++k) {
        const double x = clip.motion.tracks[0].x[static_cast<std::size_t>(k)];
        const double y = clip.motion.tracks[0].y[static_cast<std::size_t>(k)];
        EXPECT_TRUE(near(pixel(k, x, y), r.objects[0].colour.rgb)) << "frame " << k;
    }
    EXPECT_TRUE(near(pixel(0, 10, 120), r.background.rgb));
    // 2. The face's colour on its cheek.
    EXPECT_TRUE(near(pixel(0, face.x - 0.7 * face.radius_px, face.y + 0.2 * face.radius_px),
                     face.colour.rgb));

    // 3. The mouth drawn in the decoded video follows the truth's opening, which follows the
    //    loudness of the speech in the sound.
    const MouthShape wide = mouth_shape(face, 1.0);
    std::vector<double> dark(static_cast<std::size_t>(r.format.frames), 0.0);
    for (int64_t k = 0; k < r.format.frames; ++k)
        for (double y = face.y + wide.dy - wide.half_height;
             y <= face.y + wide.dy + wide.half_height; y += 1)
            for (double x = face.x - wide.half_width; x <= face.x + wide.half_width; x += 1) {
                const Rgb p = pixel(k, x, y);
                dark[static_cast<std::size_t>(k)] += (p.r + p.g + p.b) < 200 ? 1.0 : 0.0;
            }
    const auto& truth_mouth = clip.mouth[0];
    EXPECT_GT(correlation(dark, truth_mouth), 0.9);
    std::vector<double> speech_rms;
    for (int64_t k = 0; k < r.format.frames; ++k)
        speech_rms.push_back(window_rms(clip.audio.samples, static_cast<double>(k) / 24,
                                        static_cast<double>(k + 1) / 24, 16000));
    // The sound also holds impacts: compare within the speech interval only.
    std::vector<double> m_in, a_in;
    for (int64_t k = 0; k < r.format.frames; ++k) {
        const double t = (k + 0.5) / 24.0;
        if (t < line.start_s || t > line.end_s) continue;
        bool near_impact = false;
        for (const auto& hit : clip.motion.impacts)
            near_impact = near_impact || (t > hit.time_s - 0.03 && t < hit.time_s + 0.2);
        if (near_impact) continue;
        m_in.push_back(truth_mouth[static_cast<std::size_t>(k)]);
        a_in.push_back(speech_rms[static_cast<std::size_t>(k)]);
    }
    ASSERT_GT(m_in.size(), 6u);
    EXPECT_GT(correlation(m_in, a_in), 0.8);
    for (int64_t k = 0; k < r.format.frames; ++k) {
        const double t = (k + 0.5) / 24.0;
        if (t < line.start_s - 0.05 || t > line.end_s + 0.05) {
            EXPECT_EQ(truth_mouth[static_cast<std::size_t>(k)], 0.0) << "frame " << k;
        }
    }

    // 4. Each impact is heard at its time: the sound's onset, when speech is not on top of it.
    ASSERT_FALSE(clip.motion.impacts.empty());
    int heard = 0;
    for (const auto& hit : clip.motion.impacts) {
        if (hit.time_s > line.start_s - 0.05 && hit.time_s < line.end_s + 0.05) continue;
        // The tail of an impact 0.3 s earlier would still ring in the "before" window.
        bool recent = false;
        for (const auto& other : clip.motion.impacts)
            recent =
                recent || (other.time_s < hit.time_s - 1e-6 && other.time_s > hit.time_s - 0.3);
        if (recent) continue;
        const double before =
            window_rms(clip.audio.samples, hit.time_s - 0.025, hit.time_s - 0.003, 16000);
        const double after = window_rms(clip.audio.samples, hit.time_s, hit.time_s + 0.02, 16000);
        EXPECT_GT(after, 2.0 * before + 0.01 * hit.strength) << "impact at " << hit.time_s;
        ++heard;
    }
    EXPECT_GT(heard, 0);
    // Nothing sounds before the first impact when no one speaks yet.
    const double first = std::min(clip.motion.impacts[0].time_s, line.start_s);
    EXPECT_LT(window_rms(clip.audio.samples, 0.0, first - 0.005, 16000), 1e-3);

    // 5. The reference voice: other words, 2–4 s.
    ASSERT_EQ(clip.references.size(), 1u);
    EXPECT_GE(clip.references[0].audio.duration_s(), kReferenceMinS - 1e-6);
    EXPECT_LE(clip.references[0].audio.duration_s(), kReferenceMaxS + 1e-6);
}

TEST(SynthClip, LoudMixesAreScaledBelowTheCeiling) {
    NAVA_REQUIRE_ESPEAK();
    SpeechSynth speech(16000);
    ClipRecipe r = blank_recipe("loud");
    // Four objects dropped together: their impact sounds add up at the same instant.
    for (int i = 0; i < 4; ++i)
        r.objects.push_back(make_object(Shape::circle, "red", SizeClass::small, Motion::bounce,
                                        20.0 + 25 * i, 20, 0, 0, r.format));
    const Clip clip = build_clip(r, speech);
    EXPECT_LT(clip.mix_gain, 1.0);
    float peak = 0;
    for (float v : clip.audio.samples)
        peak = std::max(peak, std::fabs(v));
    EXPECT_LE(peak, kMixCeiling + 1e-5);
    EXPECT_GT(peak, 0.5f * kMixCeiling);
}

}  // namespace
}  // namespace nava::synth
