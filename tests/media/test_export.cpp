// Export: MP4 round trip (format, A/V sync, drift), recipe metadata, atomic writes and
// cancellation, WAV and PNG.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "media/atomic_file.h"
#include "media/audio_reader.h"
#include "media/export.h"
#include "media/probe.h"
#include "media/video_reader.h"
#include "media/wav.h"
#include "tests/media/media_test_util.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

bool folder_has_only(const std::filesystem::path& dir, const std::vector<std::string>& names) {
    std::size_t count = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        ++count;
        if (std::find(names.begin(), names.end(), e.path().filename().string()) == names.end())
            return false;
    }
    return count == names.size();
}

TEST(Mp4RoundTrip, FormatAndSyncOfFlashesAndClicksOverTenSeconds) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("mp4_sync");
    // The pipeline's output: 16 kHz stereo sound, 24 fps picture; flashes and clicks together at
    // 1 s, 5 s and 9 s.
    const std::vector<int64_t> flashes = {24, 120, 216};
    const std::vector<double> clicks = {1.0, 5.0, 9.0};
    const auto clip =
        media::test::make_sync_clip(128, 72, {24, 1}, 10.0, flashes, clicks, 16000, 2);
    ExportOptions options;
    options.crf = 20;
    options.preset = "veryfast";
    export_mp4(dir / "sync.mp4", &clip.video, &clip.audio, options);

    // 1. Format as requested.
    const MediaInfo info = probe(dir / "sync.mp4");
    ASSERT_NE(info.best_video(), nullptr);
    ASSERT_NE(info.best_audio(), nullptr);
    const StreamInfo& v = *info.best_video();
    const StreamInfo& a = *info.best_audio();
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.pixel_format, "yuv420p");
    EXPECT_EQ(v.width, 128);
    EXPECT_EQ(v.height, 72);
    EXPECT_NEAR(v.fps.value(), 24.0, 1e-9);
    EXPECT_EQ(v.frame_count, 240);
    EXPECT_NEAR(v.duration_s, 10.0, 1e-6);
    EXPECT_EQ(a.codec, "aac");
    EXPECT_EQ(a.sample_rate_hz, 48000);
    EXPECT_EQ(a.channels, 2);
    EXPECT_NEAR(a.duration_s, 10.0, 1e-3);
    EXPECT_NEAR(info.duration_s, 10.0, 0.05);

    // 2. Decoded back: same length, flashes on the same frames.
    VideoDecodeOptions vo;
    vo.fps = {24, 1};
    const VideoBuffer video = read_video(dir / "sync.mp4", vo);
    EXPECT_EQ(video.frame_count(), 240);
    EXPECT_EQ(media::test::find_flashes(video), flashes);
    const AudioBuffer audio = read_audio(dir / "sync.mp4", {48000, 2});
    EXPECT_EQ(audio.frames(), 480000);
    const auto found = media::test::find_clicks(audio);
    ASSERT_EQ(found.size(), clicks.size());

    // 3. Sync within half a frame everywhere; no drift over the 8 s between first and last.
    std::vector<double> offsets;
    for (std::size_t i = 0; i < clicks.size(); ++i) {
        const double flash_s = static_cast<double>(flashes[i]) / 24.0;
        offsets.push_back(found[i] - flash_s);
        EXPECT_LT(std::fabs(offsets.back()), 0.5 / 24.0) << "click " << i;
        EXPECT_LT(std::fabs(found[i] - clicks[i]), 0.002) << "click " << i;  // AAC timing exact
    }
    EXPECT_LT(std::fabs(offsets.back() - offsets.front()), 0.010);
    std::printf("A/V offsets (click - flash): %.2f ms, %.2f ms, %.2f ms\n", offsets[0] * 1e3,
                offsets[1] * 1e3, offsets[2] * 1e3);
}

TEST(Mp4RoundTrip, SelectableAudioRates) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("mp4_rates");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 1.0, {12}, {0.5}, 44100, 1);
    for (int rate : {16000, 44100}) {
        ExportOptions o;
        o.audio_sample_rate_hz = rate;
        o.preset = "ultrafast";
        const auto path = dir / ("r" + std::to_string(rate) + ".mp4");
        export_mp4(path, &clip.video, &clip.audio, o);
        const MediaInfo info = probe(path);
        EXPECT_EQ(info.best_audio()->sample_rate_hz, rate);
        EXPECT_EQ(info.best_audio()->channels, 1);
        const AudioBuffer back = read_audio(path);
        EXPECT_EQ(back.frames(), rate);
        const auto found = media::test::find_clicks(back);
        ASSERT_EQ(found.size(), 1u);
        EXPECT_NEAR(found[0], 0.5, 0.002);
    }
    ExportOptions bad;
    bad.audio_sample_rate_hz = 12345;
    EXPECT_THROW(export_mp4(dir / "bad.mp4", &clip.video, &clip.audio, bad), MediaError);
    EXPECT_FALSE(std::filesystem::exists(dir / "bad.mp4"));
}

TEST(Mp4RoundTrip, PictureOnlySoundOnlyAndLongerSound) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("mp4_partial");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 1.0, {}, {}, 16000, 2);
    export_mp4(dir / "v.mp4", &clip.video, nullptr);
    MediaInfo info = probe(dir / "v.mp4");
    EXPECT_EQ(info.best_audio(), nullptr);
    EXPECT_EQ(info.best_video()->frame_count, 24);

    export_mp4(dir / "a.mp4", nullptr, &clip.audio);
    info = probe(dir / "a.mp4");
    EXPECT_EQ(info.best_video(), nullptr);
    EXPECT_NEAR(info.best_audio()->duration_s, 1.0, 1e-3);

    // The reference does not trim the sound to the picture.
    const auto longer = media::test::make_sync_clip(64, 48, {24, 1}, 2.0, {}, {}, 16000, 2);
    export_mp4(dir / "l.mp4", &clip.video, &longer.audio);
    info = probe(dir / "l.mp4");
    EXPECT_NEAR(info.best_video()->duration_s, 1.0, 1e-6);
    EXPECT_NEAR(info.best_audio()->duration_s, 2.0, 1e-3);
}

#if defined(__GLIBC__)  // M_PERTURB fills fresh allocations
// A small moving picture with texture: a checkered square crossing a gradient while the
// background colour drifts (what the tiny model draws, in the sizes where x264's lookahead
// reads memory it never wrote).
VideoBuffer moving_pattern(int width, int height, int frames) {
    VideoBuffer v;
    v.width = width;
    v.height = height;
    v.fps = {24, 1};
    v.rgb.resize(static_cast<std::size_t>(width) * height * 3 * frames);
    std::size_t i = 0;
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const int sx = (f * 3) % width, sy = (f * 2) % height;
                const bool in_square =
                    x >= sx && x < sx + width / 3 && y >= sy && y < sy + height / 3;
                const bool check = ((x / 4) + (y / 4)) % 2 == 0;
                v.rgb[i++] =
                    static_cast<uint8_t>(in_square ? (check ? 230 : 20) : (x * 255) / width);
                v.rgb[i++] = static_cast<uint8_t>(in_square ? 40 : (y * 255) / height);
                v.rgb[i++] = static_cast<uint8_t>((f * 5 + x + y) % 256);
            }
    return v;
}

// Restores glibc's fill byte for fresh allocations when the test leaves, however it leaves.
struct HeapFill {
    explicit HeapFill(int byte) { ok = mallopt(M_PERTURB, byte) == 1; }
    ~HeapFill() {
        const char* env = std::getenv("MALLOC_PERTURB_");
        mallopt(M_PERTURB, env ? std::atoi(env) : 0);
    }
    bool ok = false;
};

// The same frames give the same file whatever the heap held before: x264's macroblock-tree
// lookahead reads memory it never wrote (small pictures, and larger ones over 49 frames).
TEST(Mp4RoundTrip, SameFramesGiveTheSameFileWhateverTheHeapHeld) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("mp4_deterministic");
    const std::vector<std::pair<int, int>> sizes = {{64, 64}, {160, 96}, {272, 272}, {480, 480}};
    for (const auto& [w, h] : sizes) {
        const VideoBuffer clip = moving_pattern(w, h, 49);
        std::vector<std::string> files;
        for (const int fill : {0x11, 0xA5, 0x5A}) {
            const auto path = dir / ("clip_" + std::to_string(fill) + ".mp4");
            {
                const HeapFill heap(fill);
                ASSERT_TRUE(heap.ok) << "mallopt(M_PERTURB) refused";
                export_mp4(path, &clip, nullptr);
            }
            files.push_back(nava::test::file_bytes(path));
        }
        ASSERT_FALSE(files[0].empty());
        EXPECT_TRUE(files[0] == files[1]) << w << "x" << h << ": the files differ";
        EXPECT_TRUE(files[0] == files[2]) << w << "x" << h << ": the files differ";
    }
}
#endif

std::string sample_recipe() {
    // Big enough to matter, with characters that must survive (UTF-8, quotes, new lines).
    std::string prompt = "Eine Frau sagt <S>Grüß Gott, \\\"Welt\\\"!<E> — 你好。";
    for (int i = 0; i < 200; ++i)
        prompt += " wind";
    return "{\n  \"nava_recipe\": 1,\n  \"prompt\": \"" + prompt +
           "\",\n  \"seed\": 1234567890123,\n  \"steps\": 50\n}";
}

TEST(Recipe, SurvivesExportAndRemuxing) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("recipe");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 0.5, {}, {}, 16000, 1);
    ExportOptions o;
    o.preset = "ultrafast";
    o.recipe_json = sample_recipe();
    o.metadata["title"] = "a test clip";
    export_mp4(dir / "r.mp4", &clip.video, &clip.audio, o);
    const auto recipe = read_recipe(dir / "r.mp4");
    ASSERT_TRUE(recipe.has_value());
    EXPECT_EQ(*recipe, o.recipe_json);
    EXPECT_EQ(probe(dir / "r.mp4").metadata.at("title"), "a test clip");

    // A file without one.
    export_mp4(dir / "plain.mp4", &clip.video, &clip.audio);
    EXPECT_FALSE(read_recipe(dir / "plain.mp4").has_value());
    // A comment that is not a recipe is not taken for one.
    ExportOptions commented;
    commented.metadata["comment"] = "{\"just\": \"a comment\"}";
    export_mp4(dir / "c.mp4", &clip.video, &clip.audio, commented);
    EXPECT_FALSE(read_recipe(dir / "c.mp4").has_value());

    // Remuxing with tools that keep only standard tags (the comment carries it) or all tags.
    if (!media::test::have_ffmpeg_cli()) GTEST_SKIP() << "no ffmpeg command-line tool";
    for (const char* out : {"remux.mp4", "remux.mov", "remux.mkv"}) {
        ASSERT_TRUE(
            media::test::run_ffmpeg("-i " + nava::test::shell_quote((dir / "r.mp4").string()) +
                                    " -c copy " + nava::test::shell_quote((dir / out).string())));
        const auto again = read_recipe(dir / out);
        ASSERT_TRUE(again.has_value()) << out;
        EXPECT_EQ(*again, o.recipe_json) << out;
    }
}

TEST(AtomicExport, CancelledOrFailedExportLeavesNoFile) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("atomic_export");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 2.0, {}, {}, 16000, 2);

    // Cancelled through the flag (set from the progress callback after 10 frames).
    std::atomic<bool> cancel{false};
    ExportOptions o;
    o.preset = "ultrafast";
    o.cancel = &cancel;
    int calls = 0;
    o.progress = [&](double fraction) {
        EXPECT_GT(fraction, 0.0);
        EXPECT_LE(fraction, 1.0);
        if (++calls == 10) cancel = true;
        return true;
    };
    EXPECT_THROW(export_mp4(dir / "c.mp4", &clip.video, &clip.audio, o), ExportCancelled);
    EXPECT_EQ(calls, 10);
    EXPECT_TRUE(folder_has_only(dir, {}));

    // Cancelled by the progress callback's answer, over an existing file: the old one stays.
    { std::ofstream(dir / "keep.mp4") << "previous export"; }
    ExportOptions p;
    p.preset = "ultrafast";
    p.progress = [](double fraction) { return fraction < 0.5; };
    EXPECT_THROW(export_mp4(dir / "keep.mp4", &clip.video, &clip.audio, p), ExportCancelled);
    EXPECT_TRUE(folder_has_only(dir, {"keep.mp4"}));
    std::ifstream kept(dir / "keep.mp4");
    std::string text;
    std::getline(kept, text);
    EXPECT_EQ(text, "previous export");

    // Failing: odd frame size, unwritable folder, nothing to write.
    VideoBuffer odd = clip.video;
    odd.width = 63;
    odd.rgb.resize(static_cast<std::size_t>(63) * 48 * 3 * 2);
    EXPECT_THROW(export_mp4(dir / "odd.mp4", &odd, nullptr), MediaError);
    EXPECT_THROW(export_mp4(dir / "no" / "such" / "dir.mp4", &clip.video, nullptr), MediaError);
    EXPECT_THROW(export_mp4(dir / "empty.mp4", nullptr, nullptr), MediaError);
    EXPECT_TRUE(folder_has_only(dir, {"keep.mp4"}));

    // Incremental writer destroyed before finish(): nothing left.
    {
        Mp4Writer w(dir / "w.mp4", {64, 48, {24, 1}, 16000, 2}, o);
        cancel = false;
        w.write_video_frame(clip.video.rgb.data());
        EXPECT_TRUE(std::filesystem::exists(temporary_path_for(dir / "w.mp4")));
    }
    EXPECT_TRUE(folder_has_only(dir, {"keep.mp4"}));
}

TEST(WavExport, ConvertsTheRate) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("wav_export");
    const auto clip = media::test::make_sync_clip(16, 16, {24, 1}, 1.0, {}, {0.25, 0.75}, 48000, 2);
    export_wav(dir / "a.wav", clip.audio, 16000);
    const AudioBuffer back = read_wav(dir / "a.wav");
    EXPECT_EQ(back.sample_rate_hz, 16000);
    EXPECT_EQ(back.channels, 2);
    EXPECT_EQ(back.frames(), 16000);
    const auto found = media::test::find_clicks(back, 0.2);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_NEAR(found[0], 0.25, 0.001);
    EXPECT_NEAR(found[1], 0.75, 0.001);
}

TEST(PngExport, FrameRoundTripIsLossless) {
    const auto dir = nava::test::scratch_dir("png_export");
    VideoBuffer v;
    v.width = 33;
    v.height = 7;
    for (int f = 0; f < 2; ++f)
        for (int i = 0; i < 33 * 7 * 3; ++i)
            v.rgb.push_back(static_cast<uint8_t>((i * 7 + f * 100) & 0xff));
    export_png(dir / "f1.png", v, 1);
    EXPECT_THROW(export_png(dir / "f9.png", v, 9), MediaError);
    EXPECT_FALSE(std::filesystem::exists(dir / "f9.png"));
    std::ifstream in(dir / "f1.png", std::ios::binary);
    char magic[8] = {};
    in.read(magic, 8);
    EXPECT_EQ(std::string(magic + 1, 3), "PNG");
    if (!capabilities().ffmpeg) return;  // nothing to read it back with
    const VideoFrame back = read_first_frame(dir / "f1.png");
    EXPECT_EQ(back.rgb, std::vector<uint8_t>(v.rgb.begin() + 33 * 7 * 3, v.rgb.end()));
}

}  // namespace
