// WAV and Y4M: the media formats that need no FFmpeg.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "media/media_error.h"
#include "media/wav.h"
#include "media/y4m.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

AudioBuffer sine(int rate, int channels, double seconds) {
    AudioBuffer a;
    a.sample_rate_hz = rate;
    a.channels = channels;
    const int64_t n = static_cast<int64_t>(rate * seconds);
    for (int64_t i = 0; i < n; ++i)
        for (int c = 0; c < channels; ++c)
            a.samples.push_back(
                static_cast<float>(0.5 * std::sin(2 * M_PI * 440.0 * i / rate + c)));
    return a;
}

}  // namespace

TEST(Wav, Pcm16RoundTripWithinQuantisation) {
    const auto dir = test::scratch_dir("wav_pcm16");
    const AudioBuffer a = sine(16000, 2, 0.25);
    write_wav(dir / "a.wav", a);
    const AudioBuffer b = read_wav(dir / "a.wav");
    EXPECT_EQ(b.sample_rate_hz, 16000);
    EXPECT_EQ(b.channels, 2);
    ASSERT_EQ(b.samples.size(), a.samples.size());
    for (std::size_t i = 0; i < a.samples.size(); ++i)
        EXPECT_NEAR(b.samples[i], a.samples[i], 1.0 / 32767 + 1e-6);
    EXPECT_NEAR(b.duration_s(), 0.25, 1e-9);
}

TEST(Wav, Float32RoundTripIsExactAndPcmClamps) {
    const auto dir = test::scratch_dir("wav_f32");
    AudioBuffer a = sine(48000, 1, 0.01);
    a.samples[0] = 1.7f;  // out of range: float keeps it, PCM clamps it
    write_wav(dir / "f.wav", a, WavSampleFormat::kFloat32);
    EXPECT_EQ(read_wav(dir / "f.wav").samples, a.samples);
    write_wav(dir / "p.wav", a, WavSampleFormat::kPcm16);
    EXPECT_NEAR(read_wav(dir / "p.wav").samples[0], 32767.0 / 32768.0, 1e-6);
}

TEST(Wav, ClearErrorsForBadFiles) {
    const auto dir = test::scratch_dir("wav_errors");
    std::ofstream(dir / "junk.wav") << "this is not audio";
    EXPECT_THROW(read_wav(dir / "junk.wav"), MediaError);
    EXPECT_THROW(read_wav(dir / "absent.wav"), MediaError);
    AudioBuffer empty;
    EXPECT_THROW(write_wav(dir / "e.wav", empty), MediaError);
    EXPECT_FALSE(std::filesystem::exists(dir / "e.wav"));
    // Truncated data chunk: the samples present are kept.
    write_wav(dir / "t.wav", sine(8000, 1, 0.1));
    const auto size = std::filesystem::file_size(dir / "t.wav");
    std::filesystem::resize_file(dir / "t.wav", size - 100);
    EXPECT_EQ(read_wav(dir / "t.wav").samples.size(), 800u - 50u);
}

TEST(Y4m, RoundTripOfFlatColours) {
    const auto dir = test::scratch_dir("y4m_roundtrip");
    VideoBuffer v;
    v.width = 16;
    v.height = 8;
    v.fps = {24, 1};
    const uint8_t colours[3][3] = {{255, 255, 255}, {200, 30, 40}, {10, 120, 220}};
    for (const auto& c : colours)
        for (int i = 0; i < v.width * v.height; ++i)
            v.rgb.insert(v.rgb.end(), c, c + 3);
    write_y4m(dir / "v.y4m", v);
    const VideoBuffer back = read_y4m(dir / "v.y4m");
    EXPECT_EQ(back.width, 16);
    EXPECT_EQ(back.height, 8);
    EXPECT_EQ(back.fps.num, 24);
    ASSERT_EQ(back.frame_count(), 3);
    for (std::size_t i = 0; i < v.rgb.size(); ++i)
        EXPECT_NEAR(back.rgb[i], v.rgb[i], 3) << i;
    EXPECT_NEAR(back.duration_s(), 0.125, 1e-9);
}

TEST(Y4m, RejectsMalformedInput) {
    const auto dir = test::scratch_dir("y4m_errors");
    VideoBuffer none;
    EXPECT_THROW(write_y4m(dir / "n.y4m", none), MediaError);
    std::ofstream(dir / "bad.y4m") << "YUV4MPEG2 W0 H0\n";
    EXPECT_THROW(read_y4m(dir / "bad.y4m"), MediaError);
    std::ofstream(dir / "short.y4m") << "YUV4MPEG2 W4 H4 F24:1 C420jpeg\nFRAME\nabc";
    EXPECT_THROW(read_y4m(dir / "short.y4m"), MediaError);
}
