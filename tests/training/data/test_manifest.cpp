// The three clip-description formats: a folder with captions, our JSONL manifest, the
// reference's training JSONL with `.list` / `.weight` mixing; malformed records become issues,
// unusable description files throw ManifestError naming file and line.
#include <gtest/gtest.h>

#include "tests/training/data/data_test_util.h"
#include "training/data/manifest.h"

using namespace nava::train;
using nava::train::test::write_text;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The reference record layout (one video entry paired with one caption entry).
std::string reference_line(const std::string& id, const std::string& path, double duration,
                           const std::string& text, const std::string& starts,
                           const std::string& ends, bool valid = true) {
    return R"({"data_id": ")" + id + R"(", "video_info": [{"data_path": ")" + path +
           R"(", "fps": 25.0, "duration": )" + std::to_string(duration) +
           R"(, "image_width": 1920, "image_height": 1080)" +
           (valid ? "" : R"(, "is_valid": false)") + R"(}], "text_list": [{"text": ")" + text +
           R"(", "text_type": "caption", "speech_start": )" + starts + R"(, "speech_end": )" +
           ends + "}]}\n";
}

}  // namespace

TEST(Manifest, FolderPairsClipsWithSameNameCaptions) {
    const auto dir = nava::test::scratch_dir("data_manifest_folder");
    write_text(dir / "a.mp4", "x");
    write_text(dir / "a.txt", "  A man says <S>hi<E>.\n");
    write_text(dir / "sub" / "b.MOV", "x");
    write_text(dir / "sub" / "b.txt", "rain");
    write_text(dir / "c.webm", "x");  // no caption
    write_text(dir / "notes.txt", "not a caption of anything");
    const ClipSet set = load_clip_set(dir);
    EXPECT_EQ(set.format, "folder");
    ASSERT_EQ(set.clips.size(), 3u);
    EXPECT_EQ(set.clips[0].id, "a");
    EXPECT_EQ(set.clips[0].caption, "A man says <S>hi<E>.");
    EXPECT_EQ(set.clips[0].audio_source, ClipAudio::from_video);
    EXPECT_EQ(set.clips[1].id, "c");
    EXPECT_EQ(set.clips[1].caption, "");
    EXPECT_EQ(set.clips[2].id, "sub/b");
    EXPECT_EQ(set.clips[2].caption, "rain");
    EXPECT_EQ(set.clips[2].video, dir / "sub" / "b.MOV");
}

TEST(Manifest, NavaJsonlReadsEveryFieldWithPathsRelativeToTheManifest) {
    const auto dir = nava::test::scratch_dir("data_manifest_nava");
    write_text(
        dir / "m.jsonl",
        R"({"id": "c1", "video": "clips/c1.mp4", "audio": "sound/c1.wav", "caption": "x <S>hi<E> y <S>yo<E>", "speech": [{"speaker": "A", "voice": "voices/a.wav", "start": 0.5, "end": 1.5}, {"speaker": 2, "start": 2, "end": 3}], "first_frame": "f.png", "duration": 4.0, "fps": 24, "width": 640, "height": 360})"
        "\n"
        R"({"id": "c2", "video": "/abs/c2.mp4", "audio": null, "caption": "silent"})"
        "\n\n"
        R"({"id": 7, "video": "c3.mp4", "caption": "own sound"})"
        "\n"
        R"({"id": "c4", "audio": "speech.wav", "caption": "<S>only sound<E>"})"
        "\n");
    const ClipSet set = load_clip_set(dir / "m.jsonl");
    EXPECT_EQ(set.format, "nava-jsonl");
    EXPECT_TRUE(set.issues.empty());
    ASSERT_EQ(set.clips.size(), 4u);
    const ClipRecord& c1 = set.clips[0];
    EXPECT_EQ(c1.id, "c1");
    EXPECT_EQ(c1.video, dir / "clips" / "c1.mp4");
    EXPECT_EQ(c1.audio_source, ClipAudio::separate);
    EXPECT_EQ(c1.audio, dir / "sound" / "c1.wav");
    EXPECT_EQ(c1.task, ClipTask::audio_video);
    ASSERT_EQ(c1.speech.size(), 2u);
    EXPECT_EQ(c1.speech[0].speaker, "A");
    EXPECT_EQ(c1.speech[0].voice, dir / "voices" / "a.wav");
    EXPECT_DOUBLE_EQ(c1.speech[0].start_s, 0.5);
    EXPECT_DOUBLE_EQ(c1.speech[0].end_s, 1.5);
    EXPECT_EQ(c1.speech[1].speaker, "2");
    EXPECT_TRUE(c1.speech[1].voice.empty());
    EXPECT_TRUE(c1.speech[1].has_time());
    EXPECT_EQ(c1.first_frame, dir / "f.png");
    EXPECT_DOUBLE_EQ(c1.duration_s, 4.0);
    EXPECT_EQ(c1.width, 640);
    EXPECT_EQ(c1.height, 360);
    EXPECT_EQ(c1.origin, (dir / "m.jsonl").string() + ":1");
    // null audio: video-only; absent audio: the video's own sound; no video: audio-only.
    EXPECT_EQ(set.clips[1].video, fs::path("/abs/c2.mp4"));
    EXPECT_EQ(set.clips[1].audio_source, ClipAudio::none);
    EXPECT_EQ(set.clips[1].task, ClipTask::video);
    EXPECT_EQ(set.clips[2].id, "7");
    EXPECT_EQ(set.clips[2].audio_source, ClipAudio::from_video);
    EXPECT_EQ(set.clips[2].origin, (dir / "m.jsonl").string() + ":4");
    EXPECT_EQ(set.clips[3].task, ClipTask::audio);
    EXPECT_EQ(set.clips[3].audio, dir / "speech.wav");
}

TEST(Manifest, NavaJsonlMalformedRecordsBecomeIssuesWithTheirLine) {
    const auto dir = nava::test::scratch_dir("data_manifest_nava_bad");
    write_text(dir / "m.jsonl",
               "{not json\n"
               "[1, 2]\n"
               R"({"id": "b", "video": "v.mp4", "audio": 3, "caption": "x"})"
               "\n"
               R"({"id": "c", "caption": "nothing to play"})"
               "\n"
               R"({"id": "d", "video": "v.mp4", "caption": "x", "speech": {"start": 1}})"
               "\n"
               R"({"id": "e", "video": "v.mp4", "caption": 5})"
               "\n"
               R"({"id": "ok", "video": "v.mp4", "caption": "fine"})"
               "\n");
    const ClipSet set = load_clip_set(dir / "m.jsonl");
    ASSERT_EQ(set.clips.size(), 1u);
    EXPECT_EQ(set.clips[0].id, "ok");
    ASSERT_EQ(set.issues.size(), 6u);
    EXPECT_TRUE(contains(set.issues[0].message, "not JSON"));
    EXPECT_EQ(set.issues[0].origin, (dir / "m.jsonl").string() + ":1");
    EXPECT_TRUE(contains(set.issues[1].message, "not a JSON object"));
    EXPECT_EQ(set.issues[2].id, "b");
    EXPECT_TRUE(contains(set.issues[2].message, "\"audio\""));
    EXPECT_TRUE(contains(set.issues[3].message, "neither"));
    EXPECT_TRUE(contains(set.issues[4].message, "\"speech\""));
    EXPECT_TRUE(contains(set.issues[5].message, "\"caption\""));
    EXPECT_THROW(load_clip_set(dir / "missing.jsonl"), ManifestError);
}

TEST(Manifest, ReferenceJsonlPairsVideoAndTextEntries) {
    const auto dir = nava::test::scratch_dir("data_manifest_reference");
    write_text(dir / "videos" / "v1.mp4", "x");
    std::string lines =
        reference_line("r1", "/data/job/videos/v1.mp4", 3.0, "says <S>a<E> and <S>b<E>",
                       "[0.0, 2.2]", "[2.0, 3.0]") +
        reference_line("r2", "videos/v1.mp4", 5.7, "no speech", "[]", "[]") +
        reference_line("r3", "videos/v1.mp4", 2.0, "x", "[]", "[]", /*valid=*/false) +
        R"({"data_id": "r4", "video_info": [{"data_path": "a"}, {"data_path": "b"}], "text_list": [{"text": "one"}]})"
        "\n" +
        R"({"data_id": "r5", "video_info": [{"data_path": "a"}], "text_list": [{"text": "<S>x<E>", "speech_start": [0.0, 1.0], "speech_end": [1.0]}]})"
        "\n";
    write_text(dir / "train.jsonl", lines);
    ManifestOptions options;
    options.path_map = {{"/data/job", dir.string()}};
    const ClipSet set = load_clip_set(dir / "train.jsonl", options);
    EXPECT_EQ(set.format, "reference-jsonl");
    ASSERT_EQ(set.clips.size(), 2u);
    const ClipRecord& r1 = set.clips[0];
    EXPECT_EQ(r1.id, "r1");
    EXPECT_EQ(r1.video, dir / "videos" / "v1.mp4");  // rewritten by the path map
    EXPECT_EQ(r1.audio_source, ClipAudio::from_video);
    EXPECT_DOUBLE_EQ(r1.duration_s, 3.0);
    EXPECT_DOUBLE_EQ(r1.fps, 25.0);
    EXPECT_EQ(r1.width, 1920);
    ASSERT_EQ(r1.speech.size(), 2u);
    EXPECT_DOUBLE_EQ(r1.speech[1].start_s, 2.2);
    EXPECT_DOUBLE_EQ(r1.speech[1].end_s, 3.0);
    EXPECT_TRUE(r1.speech[1].voice.empty());
    EXPECT_EQ(set.clips[1].video, dir / "videos" / "v1.mp4");  // relative: the file's folder
    ASSERT_EQ(set.issues.size(), 3u);
    EXPECT_TRUE(contains(set.issues[0].message, "is_valid"));
    EXPECT_TRUE(contains(set.issues[1].message, "differ in length"));
    EXPECT_TRUE(contains(set.issues[2].message, "speech_start and speech_end"));
}

TEST(Manifest, ReferenceListMixesDatasetsByTheirWeightFile) {
    // The reference layout: data/x.list names files relative to the repository root.
    const auto root = nava::test::scratch_dir("data_manifest_list");
    write_text(root / "data" / "av_set1" / "train.json",
               reference_line("a1", "v.mp4", 3, "one", "[]", "[]") +
                   reference_line("a2", "v.mp4", 3, "two", "[]", "[]"));
    write_text(root / "data" / "av_set2" / "train.json",
               reference_line("b1", "v.mp4", 3, "three", "[]", "[]"));
    write_text(
        root / "data" / "speech_tts" / "train.json",
        R"({"data_id": "t1", "audio_splits_info": [{"data_path": "s.wav", "duration": 2.0}], "text_list": [{"text": "plain words"}]})"
        "\n");
    write_text(root / "data" / "mix.list",
               "0\tdata/av_set1/train.json\n1\tdata/av_set2/train.json\n"
               "2\tspeech_tts\tdata/speech_tts/train.json\n3\tdata/other/train.json\n");
    write_text(root / "data" / "mix.weight",
               "av_set1\t1\ttext_to_av\nav_set2\t2\ttext_to_av\nspeech_tts\t0.5\ttext_to_audio\n");
    const ClipSet set = load_clip_set(root / "data" / "mix.list");
    EXPECT_EQ(set.format, "reference-list");
    ASSERT_EQ(set.clips.size(), 4u);
    EXPECT_EQ(set.clips[0].source, "av_set1");
    EXPECT_EQ(set.clips[2].source, "av_set2");
    EXPECT_EQ(set.clips[0].video, root / "data" / "av_set1" / "v.mp4");
    const ClipRecord& tts = set.clips[3];
    EXPECT_EQ(tts.source, "speech_tts");
    EXPECT_EQ(tts.task, ClipTask::audio);
    EXPECT_TRUE(tts.tts);
    EXPECT_EQ(tts.audio, root / "data" / "speech_tts" / "s.wav");
    ASSERT_EQ(set.sources.size(), 3u);
    EXPECT_EQ(set.sources[1].name, "av_set2");
    EXPECT_DOUBLE_EQ(set.sources[1].weight, 2.0);
    EXPECT_EQ(set.sources[2].task, ClipTask::audio);
    // data/other matches no weight line: reported, not fatal.
    ASSERT_EQ(set.issues.size(), 1u);
    EXPECT_TRUE(contains(set.issues[0].message, "data/other/train.json"));

    // Another weight file for the same list (the reference's *_mix.weight).
    write_text(root / "data" / "only2.weight", "av_set2\t1\ttext_to_av\n");
    ManifestOptions o;
    o.weights_file = root / "data" / "only2.weight";
    EXPECT_EQ(load_clip_set(root / "data" / "mix.list", o).clips.size(), 1u);
}

TEST(Manifest, BrokenListOrWeightFilesThrowNamingTheLine) {
    const auto dir = nava::test::scratch_dir("data_manifest_list_bad");
    write_text(dir / "a.list", "0\tx.json\n");
    auto message = [&]() -> std::string {
        try {
            load_clip_set(dir / "a.list");
        } catch (const ManifestError& e) {
            return e.what();
        }
        return "";
    };
    EXPECT_TRUE(contains(message(), "a.weight"));  // missing weight file
    write_text(dir / "a.weight", "x\t1\n");
    EXPECT_TRUE(contains(message(), "a.weight:1"));
    write_text(dir / "a.weight", "x\tmany\ttext_to_av\n");
    EXPECT_TRUE(contains(message(), "not a number"));
    write_text(dir / "a.weight", "x\t1\ttext_to_image\n");
    EXPECT_TRUE(contains(message(), "text_to_image"));
    write_text(dir / "a.weight", "x\t1\ttext_to_av\n");
    write_text(dir / "a.list", "0\tx.json\tsomething\textra\n");
    EXPECT_TRUE(contains(message(), "a.list:1"));
    write_text(dir / "a.list", "0\tx.json\n");
    EXPECT_TRUE(contains(message(), "x.json"));  // the listed file is missing
}
