// Validation of real (tiny) media: every clip is accepted with its probed facts and bucket, or
// rejected with the reason a user can act on; the printed report lists them.
#include <gtest/gtest.h>

#include "tests/training/data/data_test_util.h"
#include "training/data/manifest.h"
#include "training/data/validation.h"

using namespace nava::train;
using namespace nava::train::test;

namespace {

const ClipVerdict& verdict(const ValidationReport& r, const std::string& id) {
    for (const auto& c : r.clips)
        if (c.id == id) return c;
    throw std::runtime_error("no verdict for " + id);
}

BucketOptions small_buckets() {
    BucketOptions b;
    b.resolution = 0;
    b.size_scale = 2;
    b.fps = 8;
    b.frame_buckets = {5, 9};
    b.min_frames = 5;
    b.max_frames = 24;
    return b;
}

}  // namespace

TEST(Validation, ReportsEveryRejectedClipWithItsReason) {
    if (!have_ffmpeg()) GTEST_SKIP() << "needs FFmpeg to write and probe MP4";
    const auto dir = nava::test::scratch_dir("data_validation");
    make_clip(dir / "good.mp4", 1.5, 64, 36);
    make_clip(dir / "short.mp4", 0.25, 64, 36);
    make_clip(dir / "long.mp4", 4.0, 64, 36);
    make_clip(dir / "silent.mp4", 1.0, 36, 64, 24, /*with_audio=*/false);
    write_text(dir / "broken.mp4", "this is not a video");
    nava::media::write_wav(dir / "voice.wav", tone(1.0));
    write_text(
        dir / "m.jsonl",
        R"({"id": "good", "video": "good.mp4", "caption": "a man says <S>hi<E>", "speech": [{"voice": "voice.wav"}]})"
        "\n"
        R"({"id": "timed", "video": "good.mp4", "caption": "<S>a<E> <S>b<E>", "speech": [{"start": 0.1, "end": 0.6}, {"start": 0.7, "end": 1.2}]})"
        "\n"
        R"({"id": "short", "video": "short.mp4", "caption": "quick"})"
        "\n"
        R"({"id": "long", "video": "long.mp4", "caption": "slow"})"
        "\n"
        R"({"id": "silent", "video": "silent.mp4", "caption": "no sound here"})"
        "\n"
        R"({"id": "nocap", "video": "good.mp4", "caption": "   "})"
        "\n"
        R"({"id": "markers", "video": "good.mp4", "caption": "she says <S>hello"})"
        "\n"
        R"({"id": "count", "video": "good.mp4", "caption": "<S>a<E>", "speech": [{"start": 0, "end": 1}, {"start": 1, "end": 2}]})"
        "\n"
        R"({"id": "voice", "video": "good.mp4", "caption": "<S>a<E>", "speech": [{"voice": "nobody.wav"}]})"
        "\n"
        R"({"id": "time", "video": "good.mp4", "caption": "<S>a<E>", "speech": [{"start": 1.0, "end": 0.5}]})"
        "\n"
        R"({"id": "broken", "video": "broken.mp4", "caption": "x"})"
        "\n"
        R"({"id": "missing", "video": "gone.mp4", "caption": "x"})"
        "\n"
        R"({"id": "good", "video": "good.mp4", "caption": "the same id again"})"
        "\n"
        R"({"id": "frame", "video": "good.mp4", "caption": "x", "first_frame": "nope.png"})"
        "\n"
        "garbage\n");
    ValidationOptions options;
    options.buckets = small_buckets();
    const ValidationReport report = validate_clips(load_clip_set(dir / "m.jsonl"), options);

    EXPECT_EQ(report.accepted_count(), 3);  // good, timed, silent
    EXPECT_EQ(report.rejected_count(), 12);
    const ClipVerdict& good = verdict(report, "good");
    ASSERT_TRUE(good.accepted);
    EXPECT_EQ(good.media.width, 64);
    EXPECT_EQ(good.media.height, 36);
    EXPECT_NEAR(good.media.duration_s, 1.5, 0.1);
    EXPECT_TRUE(good.media.has_audio);
    EXPECT_EQ(good.bucket.key(), "av:9x16x32");  // 12 frames at 8 fps -> 9; 16:9 -> 32x16
    EXPECT_EQ(good.bucket.audio_length, 29);     // ceil(9 / 8 * 25)
    EXPECT_TRUE(verdict(report, "timed").accepted);
    const ClipVerdict& silent = verdict(report, "silent");
    ASSERT_TRUE(silent.accepted);
    EXPECT_EQ(silent.record.task, ClipTask::video);   // no sound: video-only, audio loss masked
    EXPECT_EQ(silent.bucket.key(), "video:5x32x16");  // portrait
    ASSERT_FALSE(silent.warnings.empty());
    EXPECT_NE(silent.warnings[0].find("video-only"), std::string::npos);

    auto reason = [&](const std::string& id) {
        const ClipVerdict& v = verdict(report, id);
        EXPECT_FALSE(v.accepted) << id;
        return v.problems.empty() ? RejectReason::malformed_record : v.problems.front().reason;
    };
    EXPECT_EQ(reason("short"), RejectReason::too_short);
    EXPECT_EQ(reason("long"), RejectReason::too_long);
    EXPECT_EQ(reason("nocap"), RejectReason::no_caption);
    EXPECT_EQ(reason("markers"), RejectReason::unbalanced_markers);
    EXPECT_EQ(reason("count"), RejectReason::speech_count_mismatch);
    EXPECT_EQ(reason("voice"), RejectReason::voice_missing);
    EXPECT_EQ(reason("time"), RejectReason::bad_speech_time);
    EXPECT_EQ(reason("broken"), RejectReason::unreadable);
    EXPECT_EQ(reason("missing"), RejectReason::missing_file);
    EXPECT_EQ(reason("frame"), RejectReason::first_frame_missing);
    // The second "good" is a duplicate; the garbage line is a malformed record.
    int duplicates = 0, malformed = 0;
    for (const auto& c : report.clips) {
        if (c.accepted || c.problems.empty()) continue;
        duplicates += c.problems.front().reason == RejectReason::duplicate_id;
        malformed += c.problems.front().reason == RejectReason::malformed_record;
    }
    EXPECT_EQ(duplicates, 1);
    EXPECT_EQ(malformed, 1);

    const std::string text = report.format_text();
    EXPECT_NE(text.find("3 accepted, 12 rejected"), std::string::npos) << text;
    EXPECT_NE(text.find("REJECTED short"), std::string::npos) << text;
    EXPECT_NE(text.find("too short"), std::string::npos);
    EXPECT_NE(text.find("nobody.wav"), std::string::npos);
    EXPECT_NE(text.find("bucket av:9x16x32: 2"), std::string::npos) << text;
    EXPECT_EQ(report.rejections_by_reason().at(RejectReason::too_short), 1);
}

TEST(Validation, WithoutProbingOnlyTheDescriptionsAreChecked) {
    ClipSet set;
    set.format = "nava-jsonl";
    ClipRecord a;
    a.id = "a";
    a.video = "/nowhere/a.mp4";
    a.caption = "<S>hi<E>";
    a.duration_s = 2.0;
    a.width = 1280;
    a.height = 720;
    set.clips.push_back(a);
    ClipRecord b = a;
    b.id = "b";
    b.width = 0;  // size unknown without the file
    set.clips.push_back(b);
    ValidationOptions o;
    o.probe_media = false;
    const auto report = validate_clips(set, o);
    EXPECT_TRUE(report.clips[0].accepted);
    EXPECT_EQ(report.clips[0].bucket.frames, 33);
    ASSERT_FALSE(report.clips[0].warnings.empty());  // a span without voice or timing
    EXPECT_FALSE(report.clips[1].accepted);
    EXPECT_EQ(report.clips[1].problems.front().reason, RejectReason::unreadable);
}
