// Reference voices as the NAVA pipeline prepares them (resample to 16 kHz, average channels,
// first 30 s) plus the user-facing checks (short / long warnings, silence and unreadable-file
// errors). WAV files are written with the media library.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <ATen/ATen.h>

#include "inference/audio/resample.h"
#include "inference/core/error.h"
#include "inference/models/speaker/reference_voice.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "media/wav.h"
#include "tests/inference/speaker/speaker_test_util.h"

using namespace nava::speaker;
using namespace nava::speaker::test;
using nava::media::AudioBuffer;

namespace {

constexpr int64_t kRate = 16000;
constexpr int64_t kMinSamples = 257;

// A voice-like test signal: harmonics of a 140 Hz buzz with a slow envelope.
std::vector<float> voice(int64_t n, int rate, double f0 = 140.0, double gain = 0.3) {
    std::vector<float> out(static_cast<std::size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        double s = 0;
        for (int h = 1; h <= 6; ++h)
            s += std::sin(2 * M_PI * f0 * h * t) / h;
        out[static_cast<std::size_t>(i)] =
            static_cast<float>(gain * s * (0.6 + 0.4 * std::sin(2 * M_PI * 3 * t)));
    }
    return out;
}

AudioBuffer mono(std::vector<float> samples, int rate) {
    AudioBuffer a;
    a.sample_rate_hz = rate;
    a.channels = 1;
    a.samples = std::move(samples);
    return a;
}

at::Tensor as_tensor(const std::vector<float>& v) {
    return at::tensor(at::ArrayRef<float>(v)).unsqueeze(0);  // [1, N]
}

const SpeakerEncoder& fixture_encoder() {
    static const SpeakerEncoder enc = [] {
        const Fixture fx = Fixture::open();
        return SpeakerEncoder(fx.config, *fx.weights);
    }();
    return enc;
}

}  // namespace

TEST(ReferenceVoice, StereoIsAveragedToMono) {
    const int64_t n = 16000;
    const auto left = voice(n, kRate, 140.0);
    const auto right = voice(n, kRate, 210.0, 0.2);
    AudioBuffer stereo;
    stereo.sample_rate_hz = kRate;
    stereo.channels = 2;
    for (int64_t i = 0; i < n; ++i) {
        stereo.samples.push_back(left[static_cast<std::size_t>(i)]);
        stereo.samples.push_back(right[static_cast<std::size_t>(i)]);
    }
    const auto dir = nava::test::scratch_dir("speaker_stereo");
    nava::media::write_wav(dir / "stereo.wav", stereo, nava::media::WavSampleFormat::kFloat32);
    const AudioBuffer read = nava::media::read_wav(dir / "stereo.wav");

    const PreparedVoice p = prepare_reference_audio(read, kRate, kMinSamples, {}, "stereo");
    ASSERT_EQ(p.wave.sizes(), (at::IntArrayRef{1, n}));
    const at::Tensor expected = (as_tensor(left) + as_tensor(right)) / 2;
    EXPECT_LT((p.wave - expected).abs().max().item<double>(), 1e-7);
    EXPECT_EQ(p.source_channels, 2);
    EXPECT_TRUE(p.warnings.empty());
    EXPECT_DOUBLE_EQ(p.duration_s, 1.0);
}

TEST(ReferenceVoice, Input48kIsResampledTo16k) {
    const int64_t n = 48000 * 2 + 7;
    const auto x = voice(n, 48000);
    const PreparedVoice p =
        prepare_reference_audio(mono(x, 48000), kRate, kMinSamples, {}, "48k clip");
    EXPECT_EQ(p.wave.size(1), (n + 2) / 3);  // ceil(n / 3)
    const at::Tensor expected = nava::audio::resample(as_tensor(x), 48000, 16000);
    EXPECT_LT((p.wave - expected).abs().max().item<double>(), 1e-6);
    EXPECT_EQ(p.source_sample_rate_hz, 48000);
    EXPECT_NEAR(p.used_duration_s, 2.0, 1e-3);
    // A 140 Hz buzz keeps its level through the resampler.
    EXPECT_NEAR(p.wave.abs().max().item<double>(), expected.abs().max().item<double>(), 1e-6);
}

TEST(ReferenceVoice, LongClipIsCutTo30sAsIfResampledWhole) {
    // 40 s at 44.1 kHz: the first 30 s equal resampling the whole clip and cutting afterwards.
    const int rate = 44100;
    const int64_t n = static_cast<int64_t>(rate) * 40;
    const auto x = voice(n, rate);
    const PreparedVoice p = prepare_reference_audio(mono(x, rate), kRate, kMinSamples, {}, "long");
    ASSERT_EQ(p.wave.size(1), 480000);
    EXPECT_DOUBLE_EQ(p.used_duration_s, 30.0);
    EXPECT_DOUBLE_EQ(p.duration_s, 40.0);
    const at::Tensor whole = nava::audio::resample(as_tensor(x), rate, 16000).slice(1, 0, 480000);
    EXPECT_LT((p.wave - whole).abs().max().item<double>(), 1e-6);
    ASSERT_EQ(p.warnings.size(), 1u);
    EXPECT_EQ(p.warnings[0].kind, VoiceWarningKind::kTruncated);
    EXPECT_NE(p.warnings[0].message.find("30.00 s"), std::string::npos);
}

TEST(ReferenceVoice, ShortClipWarnsAndSilenceFails) {
    const PreparedVoice p =
        prepare_reference_audio(mono(voice(8000, kRate), kRate), kRate, kMinSamples, {}, "short");
    ASSERT_EQ(p.warnings.size(), 1u);
    EXPECT_EQ(p.warnings[0].kind, VoiceWarningKind::kShortClip);
    EXPECT_NE(p.warnings[0].message.find("0.50 s"), std::string::npos);

    // Exactly 1 s: no warning.
    EXPECT_TRUE(
        prepare_reference_audio(mono(voice(16000, kRate), kRate), kRate, kMinSamples, {}, "1s")
            .warnings.empty());

    std::vector<float> quiet(16000, 0.0f);
    quiet[100] = 5e-5f;  // below -80 dBFS
    try {
        prepare_reference_audio(mono(quiet, kRate), kRate, kMinSamples, {}, "quiet.wav");
        FAIL() << "silence should be rejected";
    } catch (const ReferenceVoiceError& e) {
        EXPECT_NE(std::string(e.what()).find("quiet.wav"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("silent"), std::string::npos);
    }
    EXPECT_THROW(prepare_reference_audio(mono({}, kRate), kRate, kMinSamples, {}, "empty"),
                 ReferenceVoiceError);
    EXPECT_THROW(
        prepare_reference_audio(mono(voice(100, kRate), kRate), kRate, kMinSamples, {}, "tiny"),
        ReferenceVoiceError);
    std::vector<float> bad = voice(4000, kRate);
    bad[10] = std::nanf("");
    EXPECT_THROW(prepare_reference_audio(mono(bad, kRate), kRate, kMinSamples, {}, "nan"),
                 ReferenceVoiceError);
}

TEST(ReferenceVoice, UnreadableFilesNameTheFile) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const auto dir = nava::test::scratch_dir("speaker_unreadable");
    const auto missing = dir / "missing.wav";
    try {
        embed_reference_voice(fixture_encoder(), missing);
        FAIL() << "a missing file should be rejected";
    } catch (const nava::IoError& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos);
    }
    const auto garbage = dir / "garbage.wav";
    std::ofstream(garbage) << "this is not a RIFF file at all";
    try {
        embed_reference_voice(fixture_encoder(), garbage);
        FAIL() << "a corrupt file should be rejected";
    } catch (const nava::IoError& e) {
        EXPECT_NE(std::string(e.what()).find(garbage.string()), std::string::npos);
    }
}

TEST(ReferenceVoice, FixtureWaveThroughAFileGivesTheReferenceEmbedding) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const at::Tensor w = fx.wave().contiguous();
    std::vector<float> samples(w.data_ptr<float>(), w.data_ptr<float>() + w.numel());
    const auto dir = nava::test::scratch_dir("speaker_fixture_wav");
    nava::media::write_wav(dir / "voice.wav", mono(samples, kRate),
                           nava::media::WavSampleFormat::kFloat32);

    const VoiceEmbedding v = embed_reference_voice(fixture_encoder(), dir / "voice.wav");
    ASSERT_EQ(v.embedding.size(), 192u);
    EXPECT_TRUE(v.warnings.empty());
    EXPECT_DOUBLE_EQ(v.duration_s, 2.0);
    EXPECT_EQ(v.source_channels, 1);
    const at::Tensor ours = at::tensor(at::ArrayRef<float>(v.embedding));
    EXPECT_LT(rel_max_err(ours, fx.ref("out64.embedding")[0]), 2e-4);
}

TEST(ReferenceVoice, ShortStereo48kFileEmbedsWithAWarning) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const int64_t n = 48000 * 6 / 10;  // 0.6 s
    const auto l = voice(n, 48000, 120.0), r = voice(n, 48000, 180.0);
    AudioBuffer stereo;
    stereo.sample_rate_hz = 48000;
    stereo.channels = 2;
    for (int64_t i = 0; i < n; ++i) {
        stereo.samples.push_back(l[static_cast<std::size_t>(i)]);
        stereo.samples.push_back(r[static_cast<std::size_t>(i)]);
    }
    const auto dir = nava::test::scratch_dir("speaker_short_stereo");
    nava::media::write_wav(dir / "short.wav", stereo);  // PCM16
    const VoiceEmbedding v = embed_reference_voice(fixture_encoder(), dir / "short.wav");
    ASSERT_EQ(v.embedding.size(), 192u);
    ASSERT_EQ(v.warnings.size(), 1u);
    EXPECT_EQ(v.warnings[0].kind, VoiceWarningKind::kShortClip);
    EXPECT_NEAR(v.used_duration_s, 0.6, 1e-4);

    // Same as embedding the prepared mono 16 kHz waveform directly.
    const PreparedVoice p = prepare_reference_audio(nava::media::read_wav(dir / "short.wav"), kRate,
                                                    kMinSamples, {}, "short");
    const at::Tensor direct = fixture_encoder().embed(p.wave)[0];
    EXPECT_LT(rel_max_err(at::tensor(at::ArrayRef<float>(v.embedding)), direct), 1e-6);
}

TEST(ReferenceVoice, FortySecondFileUsesTheFirstThirty) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const int64_t n = kRate * 40;
    auto x = voice(n, kRate, 130.0);
    // Make the last 10 s a different voice: it must not influence the embedding.
    const auto other = voice(n, kRate, 260.0, 0.5);
    for (int64_t i = kRate * 30; i < n; ++i)
        x[static_cast<std::size_t>(i)] = other[static_cast<std::size_t>(i)];
    const VoiceEmbedding v = embed_reference_audio(fixture_encoder(), mono(x, kRate));
    ASSERT_EQ(v.warnings.size(), 1u);
    EXPECT_EQ(v.warnings[0].kind, VoiceWarningKind::kTruncated);
    EXPECT_DOUBLE_EQ(v.used_duration_s, 30.0);
    const std::vector<float> first(x.begin(), x.begin() + kRate * 30);
    const at::Tensor direct = fixture_encoder().embed(as_tensor(first))[0];
    EXPECT_LT(rel_max_err(at::tensor(at::ArrayRef<float>(v.embedding)), direct), 1e-6);
}
