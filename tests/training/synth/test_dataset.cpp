// `nava synth` folders: determinism, resume, manifests, and ground truth that agrees with the
// media written next to it.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"
#include "media/video_reader.h"
#include "media/wav.h"
#include "tests/support/test_support.h"
#include "tests/training/synth/synth_test_util.h"
#include "training/synth/caption.h"
#include "training/synth/dataset.h"
#include "training/synth/render.h"

namespace nava::synth {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::correlation;
using testing::window_rms;

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<json> read_jsonl(const fs::path& p) {
    std::vector<json> out;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

DatasetOptions small_options(const fs::path& dir, int threads) {
    DatasetOptions o;
    o.out_dir = dir;
    o.clips = 6;
    o.holdout = 2;
    o.seed = 3;
    o.threads = threads;
    return o;
}

// One dataset shared by the tests of this suite (made once, ~3 s).
class SynthDataset : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            find_espeak();
        } catch (const SynthError&) {
            return;
        }
        dir_ = new fs::path(nava::test::scratch_dir("synth_dataset"));
        summary_ = generate_dataset(small_options(*dir_, 2), [](const ClipProgress& p) {
            ++progress_lines_;
            EXPECT_EQ(p.total, 8);
        });
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        if (!dir_) GTEST_SKIP() << "espeak-ng is not installed";
    }
    static const fs::path& dir() { return *dir_; }

    static fs::path* dir_;
    static DatasetSummary summary_;
    static int progress_lines_;
};
fs::path* SynthDataset::dir_ = nullptr;
DatasetSummary SynthDataset::summary_;
int SynthDataset::progress_lines_ = 0;

TEST_F(SynthDataset, ManifestListsEveryClipWithItsSpansInCaptionOrder) {
    EXPECT_EQ(summary_.made, 8);
    EXPECT_EQ(progress_lines_, 8);
    const auto records = read_jsonl(dir() / "manifest.jsonl");
    ASSERT_EQ(records.size(), 6u);
    int spans = 0;
    for (const auto& r : records) {
        SCOPED_TRACE(r.dump());
        for (const char* key : {"id", "video", "audio", "caption", "duration", "fps", "width",
                                "height", "speech", "first_frame", "truth"})
            EXPECT_TRUE(r.contains(key)) << key;
        EXPECT_TRUE(r["first_frame"].is_null());
        EXPECT_EQ(r["video"], "clips/" + r["id"].get<std::string>() + ".mp4");
        EXPECT_EQ(r["audio"], "clips/" + r["id"].get<std::string>() + ".wav");
        EXPECT_NEAR(r["duration"].get<double>(), 49.0 / 24.0, 1e-4);
        EXPECT_EQ(r["fps"], 24);
        EXPECT_EQ(r["width"], 128);
        for (const char* key : {"video", "audio", "truth"})
            EXPECT_TRUE(fs::is_regular_file(dir() / r[key].get<std::string>())) << key;
        const json truth = json::parse(read_file(dir() / r["truth"].get<std::string>()));
        EXPECT_EQ(truth["caption"], r["caption"]);
        // Exactly the spoken texts, in speaking order, and nothing else between markers.
        std::vector<std::string> said;
        double previous_end = 0.0;
        for (std::size_t i = 0; i < r["speech"].size(); ++i) {
            const auto& s = r["speech"][i];
            const auto& t = truth["speech"][i];
            EXPECT_EQ(s["speaker"], t["speaker"]);
            EXPECT_EQ(s["start"], t["start_s"]);
            EXPECT_GE(s["start"].get<double>(), previous_end);
            EXPECT_GT(s["end"].get<double>(), s["start"].get<double>());
            EXPECT_LE(s["end"].get<double>(), r["duration"].get<double>());
            previous_end = s["end"].get<double>();
            EXPECT_EQ(s["voice"], "voices/" + s["speaker"].get<std::string>() + "-" +
                                      r["id"].get<std::string>() + ".wav");
            EXPECT_TRUE(fs::is_regular_file(dir() / s["voice"].get<std::string>()));
            said.push_back(t["text"]);
            EXPECT_EQ(truth["span_order"][i], s["speaker"]);
            ++spans;
        }
        EXPECT_EQ(caption_spans(r["caption"]), said);
        const std::string caption = r["caption"];
        std::size_t opens = 0, closes = 0;
        for (std::size_t p = 0; (p = caption.find("<S>", p)) != std::string::npos; ++p)
            ++opens;
        for (std::size_t p = 0; (p = caption.find("<E>", p)) != std::string::npos; ++p)
            ++closes;
        EXPECT_EQ(opens, said.size());
        EXPECT_EQ(closes, said.size());
    }
    EXPECT_GT(spans, 0);

    // Held-out prompts read as the reference's request records and as generation recipes.
    const auto holdout = read_jsonl(dir() / "holdout.jsonl");
    ASSERT_EQ(holdout.size(), 2u);
    for (const auto& h : holdout) {
        EXPECT_EQ(h["id"].get<std::string>().front(), 'h');
        const auto ref = api::request_from_reference_record(h);
        EXPECT_EQ(ref.spans.size(), h["speech"].size());
        const auto req = api::request_from_json(h["request"]);
        EXPECT_EQ(req.prompt, h["caption"]);
        EXPECT_EQ(req.width, 128);
        EXPECT_EQ(req.latent_frames, 13);
        ASSERT_EQ(req.spans.size(), h["speech"].size());
        for (std::size_t i = 0; i < req.spans.size(); ++i) {
            EXPECT_EQ(req.spans[i].speaker_id, h["speech"][i]["speaker"]);
            EXPECT_TRUE(fs::is_regular_file(dir() / req.speakers[i].voice_path));
        }
    }
    const json stats = json::parse(read_file(dir() / "stats.json"));
    EXPECT_EQ(stats["train"]["clips"], 6);
    EXPECT_EQ(stats["holdout"]["clips"], 2);
    EXPECT_NEAR(stats["train"]["total_duration_s"].get<double>(), 6 * 49.0 / 24.0, 1e-3);
}

TEST_F(SynthDataset, SameSeedGivesIdenticalFilesAndRerunsResume) {
    const auto other = nava::test::scratch_dir("synth_dataset_again");
    // One thread instead of two: the order clips are made in must not matter.
    generate_dataset(small_options(other, 1));
    for (const char* name : {"manifest.jsonl", "holdout.jsonl", "stats.json", "synth.json"})
        EXPECT_EQ(read_file(dir() / name), read_file(other / name)) << name;
    int wavs = 0;
    for (const auto& entry : fs::recursive_directory_iterator(dir())) {
        if (entry.path().extension() != ".wav" && entry.path().extension() != ".json") continue;
        const auto rel = fs::relative(entry.path(), dir());
        EXPECT_EQ(read_file(entry.path()), read_file(other / rel)) << rel;
        wavs += entry.path().extension() == ".wav";
    }
    EXPECT_GE(wavs, 8);

    // A clip whose truth is missing is made again; the others are skipped.
    fs::remove(other / "clips" / "c000002.json");
    fs::remove(other / "clips" / "c000004.wav");
    const auto again = generate_dataset(small_options(other, 2));
    EXPECT_EQ(again.made, 2);
    EXPECT_EQ(again.skipped, 6);
    EXPECT_EQ(read_file(dir() / "manifest.jsonl"), read_file(other / "manifest.jsonl"));
    EXPECT_EQ(read_file(dir() / "clips/c000004.wav"), read_file(other / "clips/c000004.wav"));
    EXPECT_TRUE(clip_complete(other, "c000002"));
    EXPECT_FALSE(clip_complete(other, "c000099"));

    // More clips later: the first ones stay, the manifest grows.
    auto more = small_options(other, 2);
    more.clips = 7;
    EXPECT_EQ(generate_dataset(more).made, 1);
    const auto records = read_jsonl(other / "manifest.jsonl");
    ASSERT_EQ(records.size(), 7u);
    EXPECT_EQ(records[0].dump(), read_jsonl(dir() / "manifest.jsonl")[0].dump());

    // The folder belongs to its settings.
    auto different = small_options(other, 2);
    different.seed = 4;
    EXPECT_THROW(generate_dataset(different), SynthError);
    different = small_options(other, 2);
    different.format.width = 96;
    EXPECT_THROW(generate_dataset(different), SynthError);
}

TEST_F(SynthDataset, TruthAgreesWithTheDecodedMedia) {
    int object_checks = 0, face_checks = 0, mouth_checks = 0, impact_checks = 0;
    for (const auto& r : read_jsonl(dir() / "manifest.jsonl")) {
        const json truth = json::parse(read_file(dir() / r["truth"].get<std::string>()));
        SCOPED_TRACE(truth["id"].get<std::string>());
        const media::VideoBuffer video = media::read_video(dir() / r["video"].get<std::string>());
        const media::AudioBuffer audio = media::read_wav(dir() / r["audio"].get<std::string>());
        const int frames = truth["frames"];
        ASSERT_EQ(video.frame_count(), frames);
        ASSERT_EQ(audio.sample_rate_hz, 16000);
        ASSERT_EQ(audio.channels, 1);
        ASSERT_EQ(audio.frames(), std::llround(truth["duration_s"].get<double>() * 16000));
        const auto pixel = [&](int k, double x, double y) {
            const auto xi = std::clamp(static_cast<int>(x), 0, video.width - 1);
            const auto yi = std::clamp(static_cast<int>(y), 0, video.height - 1);
            const std::size_t i =
                ((static_cast<std::size_t>(k) * video.height + yi) * video.width + xi) * 3;
            return std::array<int, 3>{video.rgb[i], video.rgb[i + 1], video.rgb[i + 2]};
        };
        const auto near = [](std::array<int, 3> p, const json& rgb) {
            for (int c = 0; c < 3; ++c)
                if (std::abs(p[c] - rgb[c].get<int>()) >= 40) return false;
            return true;
        };

        // Objects: their colour at their centre, unless another object covers it.
        const auto& objects = truth["objects"];
        for (std::size_t i = 0; i < objects.size(); ++i) {
            for (int k = 0; k < frames; ++k) {
                const double x = objects[i]["x"][k], y = objects[i]["y"][k];
                bool covered = false;
                for (std::size_t j = i + 1; j < objects.size(); ++j)
                    covered = covered || std::hypot(x - objects[j]["x"][k].get<double>(),
                                                    y - objects[j]["y"][k].get<double>()) <
                                             2.5 * objects[j]["radius_px"].get<double>();
                if (covered) continue;
                EXPECT_TRUE(near(pixel(k, x, y), objects[i]["rgb"]))
                    << "object " << i << " frame " << k;
                ++object_checks;
            }
        }

        // Faces: colour on the cheek; the mouth drawn follows the truth's opening, which is shut
        // outside the speaker's own speech.
        const auto& faces = truth["faces"];
        for (const auto& face : faces) {
            const double fx = face["x"], fy = face["y"], radius = face["radius_px"];
            EXPECT_TRUE(near(pixel(0, fx - 0.7 * radius, fy + 0.2 * radius), face["rgb"]));
            ++face_checks;
            FaceSpec spec;
            spec.radius_px = radius;
            const MouthShape wide = mouth_shape(spec, 1.0);
            std::vector<double> dark, open;
            for (int k = 0; k < frames; ++k) {
                double n = 0;
                for (double y = fy + wide.dy - wide.half_height;
                     y <= fy + wide.dy + wide.half_height; ++y)
                    for (double x = fx - wide.half_width; x <= fx + wide.half_width; ++x) {
                        const auto p = pixel(k, x, y);
                        n += p[0] + p[1] + p[2] < 200 ? 1 : 0;
                    }
                dark.push_back(n);
                open.push_back(face["mouth_open"][k]);
            }
            const std::string speaker = face["speaker"];
            double start = 1e9, end = -1;
            for (const auto& s : truth["speech"])
                if (s["speaker"] == speaker) {
                    start = s["start_s"];
                    end = s["end_s"];
                }
            EXPECT_EQ(face["speaks"].get<bool>(), end > 0);
            for (int k = 0; k < frames; ++k) {
                const double t = (k + 0.5) / truth["fps"].get<double>();
                if (t < start - 0.05 || t > end + 0.05) {
                    EXPECT_EQ(open[k], 0.0) << "frame " << k;
                }
            }
            if (end > 0) {
                EXPECT_GT(*std::max_element(open.begin(), open.end()), 0.9);
                EXPECT_GT(correlation(dark, open), 0.85) << speaker;
                ++mouth_checks;
            }
        }

        // Impacts: an onset in the lossless sound at each listed time (away from speech and
        // from other impacts).
        std::vector<double> impacts;
        for (const auto& t : truth["impact_times_s"])
            impacts.push_back(t);
        for (const auto& o : truth["objects"])
            for (const auto& hit : o["impacts"]) {
                const double t = hit["time_s"];
                bool clear = t > 0.03 && t < r["duration"].get<double>() - 0.03 &&
                             hit["strength"].get<double>() > 0.25;
                for (const auto& s : truth["speech"])
                    clear = clear && (t < s["start_s"].get<double>() - 0.05 ||
                                      t > s["end_s"].get<double>() + 0.05);
                for (double other : impacts)
                    clear = clear && (other >= t - 1e-6 || other < t - 0.3);
                if (!clear) continue;
                const double before = window_rms(audio.samples, t - 0.025, t - 0.003, 16000);
                const double after = window_rms(audio.samples, t, t + 0.02, 16000);
                EXPECT_GT(after, 2.0 * before) << "impact at " << t;
                EXPECT_GT(after, 0.01);
                ++impact_checks;
            }
    }
    EXPECT_GT(object_checks, 0);
    EXPECT_GT(face_checks, 0);
    EXPECT_GT(mouth_checks, 0);
    EXPECT_GT(impact_checks, 0);
}

TEST_F(SynthDataset, ReferenceVoicesSayOtherWordsInTheSpeakersVoice) {
    int voices = 0;
    for (const char* list : {"manifest.jsonl", "holdout.jsonl"}) {
        for (const auto& r : read_jsonl(dir() / list)) {
            const json truth = json::parse(read_file(dir() / r["truth"].get<std::string>()));
            std::set<std::string> seen_voices;
            for (const auto& s : truth["speech"]) {
                const auto span = vocab::words(s["text"]);
                const auto ref = vocab::words(s["reference_text"]);
                for (const auto& w : ref)
                    EXPECT_EQ(std::count(span.begin(), span.end(), w), 0) << w;
                const auto wav = media::read_wav(dir() / s["reference_file"].get<std::string>());
                EXPECT_EQ(wav.sample_rate_hz, 16000);
                EXPECT_GE(wav.duration_s(), kReferenceMinS - 1e-3);
                EXPECT_LE(wav.duration_s(), kReferenceMaxS + 1e-3);
                EXPECT_GT(window_rms(wav.samples, 0.0, 10.0, 16000), 0.02);
                // Two speakers of one clip never share a voice.
                EXPECT_TRUE(seen_voices.insert(s["voice"].dump()).second);
                ++voices;
            }
        }
    }
    EXPECT_GT(voices, 0);
}

TEST(SynthOptions, BadSettingsAreRefused) {
    ClipFormat f;
    f.width = 127;
    EXPECT_THROW(validate_format(f), SynthError);
    f = ClipFormat{};
    f.fps = 0;
    EXPECT_THROW(validate_format(f), SynthError);
    EXPECT_NO_THROW(validate_format(ClipFormat{}));
    DatasetOptions o;
    o.out_dir = nava::test::scratch_dir("synth_bad_options");
    o.clips = -1;
    EXPECT_THROW(generate_dataset(o), SynthError);
}

#ifdef NAVA_CLI_PATH
TEST(SynthCli, HelpAndClearErrors) {
    if (!fs::exists(NAVA_CLI_PATH)) GTEST_SKIP() << "nava CLI not built";
    const std::string cli = nava::test::shell_quote(NAVA_CLI_PATH);
    auto r = nava::test::run_command(cli + " synth --help");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("--holdout"), std::string::npos) << r.output;
    const auto dir = nava::test::scratch_dir("synth_cli");
    // espeak-ng missing from PATH: one line naming the package, no clip files.
    r = nava::test::run_command("PATH=" + nava::test::shell_quote((dir / "empty").string()) + " " +
                                cli + " synth --out " +
                                nava::test::shell_quote((dir / "out").string()) + " --clips 1");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("espeak-ng"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("apt-get install espeak-ng"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "out" / "manifest.jsonl"));
    r = nava::test::run_command(cli + " synth --out " +
                                nava::test::shell_quote((dir / "odd").string()) +
                                " --clips 1 --width 127");
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("even"), std::string::npos) << r.output;
    r = nava::test::run_command(cli + " synth --clips 1");
    EXPECT_EQ(r.exit_code, 2) << r.output;
}

TEST(SynthCli, MakesAClipWithAProgressLine) {
    if (!fs::exists(NAVA_CLI_PATH)) GTEST_SKIP() << "nava CLI not built";
    NAVA_REQUIRE_ESPEAK();
    const auto dir = nava::test::scratch_dir("synth_cli_run");
    const std::string cmd = nava::test::shell_quote(NAVA_CLI_PATH) + " synth --out " +
                            nava::test::shell_quote(dir.string()) +
                            " --clips 2 --seed 9 --frames 25 --width 64 --height 64 --threads 2";
    auto r = nava::test::run_command(cmd);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("[1/2] c00000"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("2 made"), std::string::npos) << r.output;
    EXPECT_EQ(read_jsonl(dir / "manifest.jsonl").size(), 2u);
    r = nava::test::run_command(cmd);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("already complete"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("0 made, 2 already complete"), std::string::npos) << r.output;
}
#endif

}  // namespace
}  // namespace nava::synth
