// Broken inputs: each is a MediaError that names the file, never a crash.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <iterator>

#include "media/audio_reader.h"
#include "media/export.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "media/video_reader.h"
#include "tests/media/media_test_util.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

// Runs `f`, expecting a MediaError whose message names `name` and contains `what`.
void expect_media_error(const std::function<void()>& f, const std::string& name,
                        const std::string& what = "") {
    try {
        f();
        ADD_FAILURE() << "no error for " << name;
    } catch (const MediaError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(name), std::string::npos) << msg;
        EXPECT_NE(msg.find(what), std::string::npos) << "expected '" << what << "' in: " << msg;
    }
}

std::vector<uint8_t> read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& p, const std::vector<uint8_t>& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

void truncate_to(const std::filesystem::path& p, double fraction) {
    const auto size = std::filesystem::file_size(p);
    std::filesystem::resize_file(p, static_cast<uintmax_t>(size * fraction));
}

TEST(BrokenInput, MissingEmptyAndGarbageFiles) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("broken_basic");
    const std::string missing = (dir / "missing.mp4").string();
    expect_media_error([&] { probe(missing); }, "missing.mp4", "no such file");
    { std::ofstream(dir / "empty.mp4"); }
    expect_media_error([&] { probe(dir / "empty.mp4"); }, "empty.mp4", "empty");
    expect_media_error([&] { read_video(dir / "empty.mp4"); }, "empty.mp4");
    std::vector<uint8_t> junk(5000);
    for (std::size_t i = 0; i < junk.size(); ++i)
        junk[i] = static_cast<uint8_t>((i * 7919) >> 3);
    write_bytes(dir / "junk.mp4", junk);
    expect_media_error([&] { read_audio(dir / "junk.mp4"); }, "junk.mp4");
    expect_media_error([&] { read_first_frame(dir / "junk.mp4"); }, "junk.mp4");
    // The same in memory.
    auto bytes = std::make_shared<std::vector<uint8_t>>(junk);
    expect_media_error([&] { probe(InputSource::memory(bytes, "pasted data")); }, "pasted data");
    expect_media_error(
        [&] { probe(InputSource::memory(std::make_shared<std::vector<uint8_t>>(), "nothing")); },
        "nothing", "empty");
}

TEST(BrokenInput, TruncatedFiles) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("broken_truncated");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 3.0, {}, {}, 16000, 2);
    ExportOptions o;
    o.preset = "ultrafast";
    // Index at the front (our exports): the data stops early.
    export_mp4(dir / "front.mp4", &clip.video, &clip.audio, o);
    truncate_to(dir / "front.mp4", 0.5);
    expect_media_error([&] { read_video(dir / "front.mp4"); }, "front.mp4");
    expect_media_error([&] { read_audio(dir / "front.mp4"); }, "front.mp4");
    // WAV whose header promises more samples than there are: like read_wav(), the samples
    // present are kept (what a crashed recorder leaves is still worth having).
    export_wav(dir / "cut.wav", clip.audio);
    truncate_to(dir / "cut.wav", 0.5);
    EXPECT_NEAR(read_audio(dir / "cut.wav").duration_s(), 1.5, 0.01);

    if (!media::test::have_ffmpeg_cli()) GTEST_SKIP() << "no ffmpeg command-line tool";
    // Index at the end (plain ffmpeg output): nothing can be read without it.
    ASSERT_TRUE(media::test::run_ffmpeg(
        "-f lavfi -i testsrc=size=64x48:rate=24:duration=3 -c:v libx264 -preset ultrafast " +
        nava::test::shell_quote((dir / "tail.mp4").string())));
    truncate_to(dir / "tail.mp4", 0.6);
    expect_media_error([&] { probe(dir / "tail.mp4"); }, "tail.mp4");
    // Matroska states its duration in the header.
    ASSERT_TRUE(media::test::run_ffmpeg(
        "-f lavfi -i testsrc=size=64x48:rate=24:duration=3 -c:v libx264 -preset ultrafast " +
        nava::test::shell_quote((dir / "cut.mkv").string())));
    truncate_to(dir / "cut.mkv", 0.4);
    expect_media_error([&] { read_video(dir / "cut.mkv"); }, "cut.mkv", "truncated");
}

TEST(BrokenInput, CorruptDataInTheMiddle) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("broken_corrupt");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 2.0, {}, {}, 16000, 2);
    ExportOptions o;
    o.preset = "ultrafast";
    export_mp4(dir / "c.mp4", &clip.video, &clip.audio, o);
    auto bytes = read_bytes(dir / "c.mp4");
    // Overwrite the second half with noise: decoders either conceal or fail, cleanly.
    uint32_t x = 12345;
    for (std::size_t i = bytes.size() / 2; i < bytes.size(); ++i) {
        x = x * 1664525u + 1013904223u;
        bytes[i] = static_cast<uint8_t>(x >> 24);
    }
    write_bytes(dir / "c.mp4", bytes);
    for (int pass = 0; pass < 2; ++pass) {
        try {
            if (pass == 0) read_video(dir / "c.mp4");
            if (pass == 1) read_audio(dir / "c.mp4");
        } catch (const MediaError& e) {
            EXPECT_NE(std::string(e.what()).find("c.mp4"), std::string::npos) << e.what();
        }
    }
}

TEST(BrokenInput, UnsupportedCodec) {
    NAVA_REQUIRE_FFMPEG_CLI();
    const auto dir = nava::test::scratch_dir("broken_codec");
    // An AVI whose video four-character code names no known codec.
    ASSERT_TRUE(media::test::run_ffmpeg(
        "-f lavfi -i testsrc=size=64x48:rate=24:duration=0.5 -c:v mpeg4 -vtag FMP4 " +
        nava::test::shell_quote((dir / "x.avi").string())));
    auto bytes = read_bytes(dir / "x.avi");
    int patched = 0;
    for (std::size_t i = 0; i + 4 <= bytes.size(); ++i)
        if (std::equal(bytes.begin() + i, bytes.begin() + i + 4, "FMP4")) {
            std::copy_n("QQZZ", 4, bytes.begin() + i);
            ++patched;
        }
    ASSERT_GT(patched, 0);
    write_bytes(dir / "x.avi", bytes);
    const MediaInfo info = probe(dir / "x.avi");  // probing still works and says so
    ASSERT_EQ(info.streams.size(), 1u);
    EXPECT_FALSE(info.streams[0].decodable);
    expect_media_error([&] { VideoReader r(dir / "x.avi"); }, "x.avi", "unsupported codec");
}

TEST(BrokenInput, MissingStreamsAndEmptyClips) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("broken_streams");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 0.5, {}, {}, 16000, 1);
    export_mp4(dir / "silent.mp4", &clip.video, nullptr);
    export_wav(dir / "sound.wav", clip.audio);
    expect_media_error([&] { read_audio(dir / "silent.mp4"); }, "silent.mp4", "no audio stream");
    expect_media_error([&] { AudioReader r(dir / "silent.mp4"); }, "silent.mp4", "no audio");
    expect_media_error([&] { read_first_frame(dir / "sound.wav"); }, "sound.wav",
                       "no video stream");

    // A 0-length clip: a valid file with no samples in it.
    AudioBuffer nothing;
    nothing.sample_rate_hz = 16000;
    nothing.channels = 1;
    export_wav(dir / "zero.wav", nothing);
    expect_media_error([&] { read_audio(dir / "zero.wav"); }, "zero.wav", "no samples");
    if (!media::test::have_ffmpeg_cli()) GTEST_SKIP() << "no ffmpeg command-line tool";
    ASSERT_TRUE(media::test::run_ffmpeg(
        "-f lavfi -i testsrc=size=64x48:rate=24 -f lavfi -i sine -t 0 -c:v libx264 -c:a aac " +
        nava::test::shell_quote((dir / "zero.mp4").string())));
    expect_media_error([&] { read_video(dir / "zero.mp4"); }, "zero.mp4", "empty clip");
    expect_media_error([&] { read_audio(dir / "zero.mp4"); }, "zero.mp4", "empty clip");
}

}  // namespace
