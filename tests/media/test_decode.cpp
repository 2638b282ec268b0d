// Import: every common container/codec, scale policies, frame-rate conversion, seeking, first
// frames and still images.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "media/audio_reader.h"
#include "media/export.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/video_reader.h"
#include "media/wav.h"
#include "tests/media/media_test_util.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

struct ContainerCase {
    const char* name;
    const char* file;
    const char* args;         // ffmpeg output options
    const char* video_codec;  // nullptr = audio only
    const char* audio_codec;
};

// 1 s of a 64x48 test picture at 24 fps and a 440 Hz tone at 44.1 kHz.
const ContainerCase kContainers[] = {
    {"mp4", "c.mp4", "-c:v libx264 -pix_fmt yuv420p -c:a aac", "h264", "aac"},
    {"mov", "c.mov", "-c:v mpeg4 -c:a pcm_s16le", "mpeg4", "pcm_s16le"},
    {"mkv", "c.mkv", "-c:v libx264 -pix_fmt yuv444p -c:a flac", "h264", "flac"},
    {"webm", "c.webm", "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -c:a libopus", "vp9",
     "opus"},
    {"wav", "c.wav", "-vn -c:a pcm_s16le", nullptr, "pcm_s16le"},
    {"flac", "c.flac", "-vn -c:a flac", nullptr, "flac"},
    {"mp3", "c.mp3", "-vn -c:a libmp3lame -b:a 128k", nullptr, "mp3"},
    {"ogg", "c.ogg", "-vn -c:a libvorbis", nullptr, "vorbis"},
};

class Import : public ::testing::TestWithParam<ContainerCase> {};

TEST_P(Import, ProbesAndDecodesPictureAndSound) {
    NAVA_REQUIRE_FFMPEG_CLI();
    const ContainerCase& c = GetParam();
    const auto dir = nava::test::scratch_dir(std::string("import_") + c.name);
    const auto path = dir / c.file;
    ASSERT_TRUE(media::test::run_ffmpeg(
        "-f lavfi -i testsrc=size=64x48:rate=24:duration=1 -f lavfi -i "
        "sine=frequency=440:sample_rate=44100:duration=1 -ac 2 " +
        std::string(c.args) + " " + nava::test::shell_quote(path.string())));

    const MediaInfo info = probe(path);
    EXPECT_NEAR(info.duration_s, 1.0, 0.1) << describe(info);
    ASSERT_NE(info.best_audio(), nullptr);
    EXPECT_EQ(info.best_audio()->codec, c.audio_codec);
    EXPECT_EQ(info.best_audio()->channels, 2);
    if (c.video_codec) {
        ASSERT_NE(info.best_video(), nullptr);
        EXPECT_EQ(info.best_video()->codec, c.video_codec);
        EXPECT_EQ(info.best_video()->width, 64);
        EXPECT_NEAR(info.best_video()->fps.value(), 24.0, 1e-6);

        std::vector<double> pts;
        const VideoBuffer v = read_video(path, {}, &pts);
        EXPECT_EQ(v.width, 64);
        EXPECT_EQ(v.height, 48);
        EXPECT_EQ(v.frame_count(), 24);
        ASSERT_EQ(pts.size(), 24u);
        for (std::size_t i = 0; i < pts.size(); ++i)
            EXPECT_NEAR(pts[i], i / 24.0, 0.008) << i;  // webm: millisecond time stamps
        // testsrc is colourful, not black.
        EXPECT_GT(media::test::frame_mean(v, 0), 40.0);
    } else {
        EXPECT_EQ(info.best_video(), nullptr);
    }

    const AudioBuffer a = read_audio(path, {16000, 1});
    EXPECT_EQ(a.sample_rate_hz, 16000);
    EXPECT_EQ(a.channels, 1);
    EXPECT_NEAR(a.duration_s(), 1.0, 0.06);
    // Lossy codecs keep the tone's pitch.
    AudioBuffer middle = a;
    middle.samples.assign(a.samples.begin() + 2000, a.samples.end() - 2000);
    EXPECT_NEAR(media::test::zero_crossing_frequency(middle), 440.0, 5.0);
}

INSTANTIATE_TEST_SUITE_P(Containers, Import, ::testing::ValuesIn(kContainers),
                         [](const auto& info) { return std::string(info.param.name); });

// A picture whose columns tell where they came from: 80x40, left quarter green, right quarter
// blue, middle white.
std::vector<uint8_t> banded_picture() {
    std::vector<uint8_t> rgb(80 * 40 * 3);
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 80; ++x) {
            uint8_t* p = &rgb[(y * 80 + x) * 3];
            if (x < 20) {
                p[0] = 0, p[1] = 255, p[2] = 0;
            } else if (x >= 60) {
                p[0] = 0, p[1] = 0, p[2] = 255;
            } else {
                p[0] = p[1] = p[2] = 255;
            }
        }
    return rgb;
}

const uint8_t* pixel(const VideoFrame& f, int x, int y) {
    return &f.rgb[(static_cast<std::size_t>(y) * f.width + x) * 3];
}

TEST(ImportImage, PngIsReadExactlyAsAFirstFrame) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("image_png");
    const auto rgb = banded_picture();
    write_png(dir / "p.png", 80, 40, rgb.data());
    const MediaInfo info = probe(dir / "p.png");
    EXPECT_TRUE(info.is_image) << describe(info);
    const VideoFrame f = read_first_frame(dir / "p.png");
    ASSERT_EQ(f.width, 80);
    ASSERT_EQ(f.height, 40);
    EXPECT_EQ(f.rgb, rgb);
    EXPECT_EQ(f.pts_s, 0.0);
    // Names that look like numbered-sequence patterns are still one file.
    write_png(dir / "100%d.png", 80, 40, rgb.data());
    EXPECT_EQ(read_first_frame(dir / "100%d.png").rgb, rgb);
    // A still image read as video is one frame, also at a constant rate.
    VideoDecodeOptions at24;
    at24.fps = {24, 1};
    EXPECT_EQ(read_video(dir / "p.png", at24).frame_count(), 1);
}

TEST(ImportImage, JpegFromTheCommandLineTool) {
    NAVA_REQUIRE_FFMPEG_CLI();
    const auto dir = nava::test::scratch_dir("image_jpg");
    ASSERT_TRUE(media::test::run_ffmpeg("-f lavfi -i color=c=0xC83C28:size=96x64 -frames:v 1 " +
                                        nava::test::shell_quote((dir / "p.jpg").string())));
    VideoDecodeOptions o;
    o.width = 48;
    o.height = 32;
    const VideoFrame f = read_first_frame(dir / "p.jpg", o);
    ASSERT_EQ(f.width, 48);
    const uint8_t* p = pixel(f, 24, 16);
    EXPECT_NEAR(p[0], 0xC8, 6);
    EXPECT_NEAR(p[1], 0x3C, 6);
    EXPECT_NEAR(p[2], 0x28, 6);
}

TEST(ScalePolicy, CoverCropsTheCentreFitPadsStretchKeepsAll) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("scale_policy");
    const auto rgb = banded_picture();
    write_png(dir / "p.png", 80, 40, rgb.data());
    VideoDecodeOptions o;
    o.width = 40;
    o.height = 40;

    o.policy = ScalePolicy::cover_crop;  // 80x40 -> 80x40 (scale 1), crop columns 20..59
    VideoFrame f = read_first_frame(dir / "p.png", o);
    for (int x : {1, 20, 38})
        EXPECT_GT(pixel(f, x, 20)[0], 240) << "white expected at column " << x;

    o.policy = ScalePolicy::fit_pad;  // scaled to 40x20, 10 rows of padding above and below
    o.pad_rgb = {10, 20, 30};
    f = read_first_frame(dir / "p.png", o);
    EXPECT_EQ(pixel(f, 20, 2)[0], 10);
    EXPECT_EQ(pixel(f, 20, 2)[2], 30);
    EXPECT_EQ(pixel(f, 20, 37)[1], 20);
    EXPECT_GT(pixel(f, 2, 20)[1], 200);  // green band on the left
    EXPECT_LT(pixel(f, 2, 20)[0], 60);
    EXPECT_GT(pixel(f, 37, 20)[2], 200);  // blue band on the right
    EXPECT_GT(pixel(f, 20, 20)[0], 240);  // white middle

    o.policy = ScalePolicy::stretch;  // all bands, full height
    f = read_first_frame(dir / "p.png", o);
    EXPECT_GT(pixel(f, 2, 2)[1], 200);
    EXPECT_LT(pixel(f, 2, 2)[0], 60);
    EXPECT_GT(pixel(f, 37, 37)[2], 200);

    // One dimension given: the other follows the aspect ratio.
    VideoDecodeOptions half;
    half.width = 40;
    EXPECT_EQ(read_first_frame(dir / "p.png", half).height, 20);
    EXPECT_EQ((output_size(1280, 720, {0, 360})), (std::array<int, 2>{640, 360}));
}

// Frames whose grey level encodes their index: frame i has value 16 + 8 i.
VideoBuffer counting_video(int frames, Rational fps) {
    VideoBuffer v;
    v.width = 32;
    v.height = 16;
    v.fps = fps;
    for (int i = 0; i < frames; ++i)
        v.rgb.insert(v.rgb.end(), 32 * 16 * 3, static_cast<uint8_t>(16 + 8 * i));
    return v;
}

int frame_number(const std::vector<uint8_t>& rgb) {
    return static_cast<int>(std::lround((media::test::frame_mean(rgb) - 16.0) / 8.0));
}

TEST(FrameRate, ConversionPicksTheNearestSourceFrame) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("fps_conversion");
    const VideoBuffer src = counting_video(30, {30, 1});  // 1 s at 30 fps
    ExportOptions lossless;
    lossless.crf = 0;
    export_mp4(dir / "c30.mp4", &src, nullptr, lossless);

    VideoDecodeOptions o;
    o.fps = {24, 1};
    VideoReader reader(dir / "c30.mp4", o);
    EXPECT_EQ(reader.fps().value(), 24.0);
    VideoFrame f;
    int count = 0;
    while (reader.read(f)) {
        EXPECT_EQ(f.index, count);
        EXPECT_DOUBLE_EQ(f.pts_s, count / 24.0);
        // The source frame shown: latest i with i/30 <= k/24 + 1/48.
        const int expected = static_cast<int>(std::floor((count / 24.0 + 1.0 / 48.0) * 30 + 1e-9));
        EXPECT_EQ(frame_number(f.rgb), expected) << "output frame " << count;
        ++count;
    }
    EXPECT_EQ(count, 24);

    o.fps = {60, 1};  // up-conversion repeats frames
    const VideoBuffer up = read_video(dir / "c30.mp4", o);
    EXPECT_EQ(up.frame_count(), 60);
}

TEST(Seek, VideoAndAudioContinueAtTheTarget) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("seek");
    const VideoBuffer src = counting_video(28, {24, 1});
    AudioBuffer tone;
    tone.sample_rate_hz = 16000;
    tone.channels = 1;
    for (int i = 0; i < 16000; ++i)
        tone.samples.push_back(static_cast<float>(0.5 * std::sin(2 * M_PI * 250.0 * i / 16000)));
    ExportOptions lossless;
    lossless.crf = 0;
    export_mp4(dir / "s.mp4", &src, &tone, lossless);
    write_wav(dir / "s.wav", tone);

    VideoDecodeOptions o;
    o.fps = {24, 1};
    VideoReader video(dir / "s.mp4", o);
    VideoFrame f;
    ASSERT_TRUE(video.read(f));
    video.seek(0.5);  // frame 12, between key frames
    ASSERT_TRUE(video.read(f));
    EXPECT_EQ(f.index, 12);
    EXPECT_DOUBLE_EQ(f.pts_s, 0.5);
    EXPECT_EQ(frame_number(f.rgb), 12);
    video.seek(0.51);  // not on a frame: the next frame
    ASSERT_TRUE(video.read(f));
    EXPECT_EQ(f.index, 13);
    EXPECT_EQ(frame_number(f.rgb), 13);
    video.seek(0.0);
    ASSERT_TRUE(video.read(f));
    EXPECT_EQ(frame_number(f.rgb), 0);

    // Native rate: the frame on screen at the target comes first.
    VideoReader native(dir / "s.mp4");
    native.seek(0.51);
    ASSERT_TRUE(native.read(f));
    EXPECT_NEAR(f.pts_s, 0.5, 1e-6);
    EXPECT_EQ(frame_number(f.rgb), 12);

    // Audio: sample-exact on PCM, time stamps on both.
    AudioReader wav(dir / "s.wav");
    wav.seek(0.25);
    AudioChunk chunk;
    ASSERT_TRUE(wav.read(chunk, 100));
    EXPECT_DOUBLE_EQ(chunk.start_s, 0.25);
    ASSERT_EQ(chunk.frames(), 100);
    for (int i = 0; i < 100; ++i)
        EXPECT_NEAR(chunk.samples[i], tone.samples[4000 + i], 1.0 / 16000);
    ASSERT_TRUE(wav.read(chunk, 100));
    EXPECT_DOUBLE_EQ(chunk.start_s, 0.25 + 100.0 / 16000);

    AudioReader aac(dir / "s.mp4", {16000, 1});
    aac.seek(0.5);
    ASSERT_TRUE(aac.read(chunk, 1600));
    EXPECT_DOUBLE_EQ(chunk.start_s, 0.5);
    // A 250 Hz tone at 16 kHz: phase continues from the seek point.
    double err = 0;
    for (int i = 0; i < 1600; ++i)
        err = std::max(err,
                       static_cast<double>(std::fabs(chunk.samples[i] - tone.samples[8000 + i])));
    EXPECT_LT(err, 0.05);
}

TEST(StreamingRead, ChunksAreContiguousAndMatchReadAll) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("streaming");
    AudioBuffer tone;
    tone.sample_rate_hz = 22050;
    tone.channels = 2;
    for (int i = 0; i < 22050 * 2; ++i)
        for (int c = 0; c < 2; ++c)
            tone.samples.push_back(static_cast<float>(0.3 * std::sin(0.01 * i + c)));
    write_wav(dir / "t.wav", tone);
    AudioReader reader(dir / "t.wav", {48000, 2});
    AudioChunk chunk;
    double expected_start = 0;
    std::vector<float> all;
    while (reader.read(chunk, 1000)) {
        EXPECT_NEAR(chunk.start_s, expected_start, 1e-9);
        EXPECT_LE(chunk.frames(), 1000);
        expected_start += static_cast<double>(chunk.frames()) / 48000;
        all.insert(all.end(), chunk.samples.begin(), chunk.samples.end());
    }
    const AudioBuffer whole = read_audio(dir / "t.wav", {48000, 2});
    EXPECT_EQ(all, whole.samples);
    EXPECT_NEAR(whole.duration_s(), 2.0, 1e-3);
}

TEST(MemoryInput, ProbesAndDecodesBytes) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("memory_input");
    const VideoBuffer src = counting_video(6, {24, 1});
    export_mp4(dir / "m.mp4", &src, nullptr);
    std::ifstream in(dir / "m.mp4", std::ios::binary);
    auto bytes = std::make_shared<std::vector<uint8_t>>((std::istreambuf_iterator<char>(in)),
                                                        std::istreambuf_iterator<char>());
    const auto source = InputSource::memory(bytes, "dropped clip");
    EXPECT_EQ(probe(source).best_video()->codec, "h264");
    EXPECT_EQ(read_video(source).frame_count(), 6);
    EXPECT_EQ(probe(source).label, "dropped clip");
}

}  // namespace
