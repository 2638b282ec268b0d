// The embedded NAVA-tiny package as a user gets it: it opens as the default package, generates
// the example project deterministically for a seed (and differently for another seed), and the
// quality benchmark runs on two held-out prompts and reports every measure.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"
#include "inference/pipeline/engine.h"
#include "media/audio_reader.h"
#include "media/video_reader.h"
#include "media/wav.h"
#include "media/y4m.h"
#include "tests/support/test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kPackage = fs::path(NAVA_SOURCE_DIR) / "assets/models/nava-tiny";
const fs::path kDemo = fs::path(NAVA_SOURCE_DIR) / "assets/examples/demo.json";

json read_json(const fs::path& p) {
    std::ifstream in(p);
    return json::parse(in);
}

// The demo project as a request, its voice paths resolved, at few steps (speed).
nava::api::GenerationRequest demo_request(uint64_t seed) {
    nava::api::GenerationRequest r = nava::api::request_from_json(read_json(kDemo));
    for (auto& s : r.speakers)
        if (!s.voice_path.empty()) s.voice_path = (kDemo.parent_path() / s.voice_path).string();
    r.steps = 4;
    r.seed = seed;
    return r;
}

struct Decoded {
    std::vector<uint8_t> pixels;
    std::vector<float> samples;  // interleaved
    int channels = 0;
};

Decoded decode(const std::string& path) {
    Decoded d;
    d.pixels = nava::media::read_video(path).rgb;
    const auto audio = nava::media::read_audio(path);
    d.samples = audio.samples;
    d.channels = audio.channels;
    return d;
}

TEST(NavaTiny, PackageIsTheDefaultAndSmall) {
    ASSERT_TRUE(fs::exists(kPackage / "manifest.json")) << "NAVA-tiny is missing";
    uintmax_t bytes = 0;
    for (const auto& e : fs::recursive_directory_iterator(kPackage))
        if (e.is_regular_file()) bytes += e.file_size();
    EXPECT_LE(bytes, 60u * 1000 * 1000);

    nava::pipeline::GenerationEngine engine;
    const auto info = engine.load_package(kPackage.string());
    EXPECT_EQ(info.name, "nava-tiny");
    EXPECT_TRUE(info.voices_supported);
    EXPECT_GT(info.dit_parameters, 0);
    EXPECT_GT(info.default_width, 0);
    EXPECT_TRUE(info.warnings.empty()) << info.warnings.front();

    // The example project plans against it: two speakers, two spans, a voice each.
    const auto plan = engine.plan(demo_request(1));
    EXPECT_EQ(plan.speech_spans, 2);
    EXPECT_EQ(plan.voices, 2);
    EXPECT_GT(plan.video_frames, 0);
    EXPECT_GT(plan.audio_tokens, 0);
}

TEST(NavaTiny, GeneratesDeterministicallyForASeed) {
    if (!fs::exists(kPackage / "manifest.json")) GTEST_SKIP() << "NAVA-tiny is missing";
    const fs::path dir = nava::test::scratch_dir("nava_tiny_generate");
    nava::pipeline::GenerationEngine engine;
    engine.load_package(kPackage.string());
    auto run = [&](uint64_t seed, const std::string& name) {
        auto r = demo_request(seed);
        r.output_path = (dir / name).string();
        return engine.generate(name, r, {}).output_path;
    };
    const Decoded a = decode(run(5, "a.mp4"));
    const Decoded b = decode(run(5, "b.mp4"));
    const Decoded c = decode(run(6, "c.mp4"));
    ASSERT_FALSE(a.pixels.empty());
    ASSERT_FALSE(a.samples.empty());
    EXPECT_EQ(a.pixels, b.pixels);
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_NE(a.pixels, c.pixels);

    // The sound survives a mono mix (a phone speaker, one earbud): its two channels are not in
    // opposite phase. (The first vocoders' were: the mix kept a quarter of the level.)
    ASSERT_EQ(a.channels, 2);
    double left = 0.0, right = 0.0, mix = 0.0;
    for (std::size_t i = 0; i + 1 < a.samples.size(); i += 2) {
        const double l = a.samples[i], r = a.samples[i + 1];
        left += l * l;
        right += r * r;
        mix += 0.25 * (l + r) * (l + r);
    }
    ASSERT_GT(left + right, 0.0);
    EXPECT_GT(std::sqrt(mix), 0.7 * std::sqrt(0.5 * (left + right)))
        << "the mono mix cancels the stereo sound";
}

TEST(NavaTiny, QualityBenchRunsOnTwoCases) {
    if (!fs::exists(kPackage / "manifest.json")) GTEST_SKIP() << "NAVA-tiny is missing";
    if (nava::test::run_command("command -v espeak-ng >/dev/null 2>&1").exit_code != 0)
        GTEST_SKIP() << "espeak-ng is not installed (the bench makes its held-out world)";
    const fs::path dir = nava::test::scratch_dir("nava_tiny_bench");
    const auto r = nava::test::run_command(
        std::string(NAVA_CLI_PATH) + " bench quality --package " +
        nava::test::shell_quote(kPackage.string()) + " --cases 2 --steps 4 --out " +
        nava::test::shell_quote((dir / "out").string()) + " --json " +
        nava::test::shell_quote((dir / "q.json").string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("median |sync offset|"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("timbre binding"), std::string::npos);
    EXPECT_NE(r.output.find("pitch error"), std::string::npos);
    EXPECT_NE(r.output.find("timing redrawn"), std::string::npos);
    EXPECT_NE(r.output.find("best timing"), std::string::npos);
    const json q = read_json(dir / "q.json");
    EXPECT_TRUE(q.at("generated").contains("median_pitch_error_semitones"));
    EXPECT_TRUE(q.at("generated").contains("span_adherence_best_timing"));
    // a share's interval holds its value (the colours are counted in every case)
    const json& colour = q.at("generated").at("interval95").at("colour_adherence");
    if (!colour.is_null()) {
        EXPECT_LE(colour.at(0).get<double>(),
                  q.at("generated").at("colour_adherence").get<double>());
        EXPECT_GE(colour.at(1).get<double>(),
                  q.at("generated").at("colour_adherence").get<double>());
    }
    ASSERT_EQ(q.at("cases").size(), 2u);
    EXPECT_EQ(q.at("generated").at("cases"), 2);
    EXPECT_GT(q.at("seconds_per_clip").get<double>(), 0.0);
    for (const auto& c : q.at("cases")) {
        EXPECT_TRUE(fs::exists(c.at("clip").get<std::string>()));
        // The world's own clips are the calibration: every named colour is there, every
        // voiced span has its own pitch.
        EXPECT_EQ(c.at("world").at("colours_present"), c.at("world").at("colours"));
        for (const auto& e : c.at("world").at("pitch_errors_semitones"))
            EXPECT_EQ(e.get<double>(), 0.0);
    }

    // --reuse measures the same clips again without making them; another seed makes new ones.
    const std::string again = std::string(NAVA_CLI_PATH) + " bench quality --package " +
                              nava::test::shell_quote(kPackage.string()) +
                              " --cases 2 --steps 4 --reuse --out " +
                              nava::test::shell_quote((dir / "out").string()) + " --json " +
                              nava::test::shell_quote((dir / "again.json").string());
    const auto r2 = nava::test::run_command(again + " 2>&1");
    ASSERT_EQ(r2.exit_code, 0) << r2.output;
    EXPECT_NE(r2.output.find("2 clips made by an earlier run"), std::string::npos) << r2.output;
    const json q2 = read_json(dir / "again.json");
    EXPECT_EQ(q2.at("reused_clips"), 2);
    EXPECT_EQ(q2.at("generated"), q.at("generated"));
    EXPECT_TRUE(q2.at("seconds_per_clip").is_null());
    // a clip older than the package's files is another model's: made again
    const fs::path clip = q.at("cases")[0].at("clip").get<std::string>();
    fs::last_write_time(clip,
                        fs::last_write_time(kPackage / "manifest.json") - std::chrono::hours(1));
    const auto r4 = nava::test::run_command(again + " 2>&1");
    ASSERT_EQ(r4.exit_code, 0) << r4.output;
    EXPECT_EQ(read_json(dir / "again.json").at("reused_clips"), 1) << r4.output;
    const auto r3 = nava::test::run_command(again + " --seed 1 2>&1");
    ASSERT_EQ(r3.exit_code, 0) << r3.output;
    EXPECT_EQ(read_json(dir / "again.json").at("reused_clips"), 0);

    // Bad input: a clear message and a non-zero exit.
    const auto bad = nava::test::run_command(
        std::string(NAVA_CLI_PATH) + " bench quality --package /nonexistent --cases 2 2>&1");
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.output.find("nonexistent"), std::string::npos) << bad.output;
}

TEST(NavaTiny, QualityBenchMeasuresTheAutoencodersAndTakesGuidance) {
    if (!fs::exists(kPackage / "manifest.json")) GTEST_SKIP() << "NAVA-tiny is missing";
    if (nava::test::run_command("command -v espeak-ng >/dev/null 2>&1").exit_code != 0)
        GTEST_SKIP() << "espeak-ng is not installed (the bench makes its held-out world)";
    const fs::path dir = nava::test::scratch_dir("nava_tiny_bench_autoencoded");
    const std::string bench = std::string(NAVA_CLI_PATH) + " bench quality --package " +
                              nava::test::shell_quote(kPackage.string()) + " --cases 2 --steps 1";
    const auto r =
        nava::test::run_command(bench + " --autoencoded both --video-scale 4.5 --no-timbre --out " +
                                nava::test::shell_quote((dir / "out").string()) + " --json " +
                                nava::test::shell_quote((dir / "q.json").string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("autoenc. both"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("timbre, vocoded voices"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("guidance: video 4.5"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("no timbre pass"), std::string::npos) << r.output;

    const json q = read_json(dir / "q.json");
    EXPECT_EQ(q.at("autoencoded").at("part"), "both");
    const json& ae = q.at("autoencoded").at("summary");
    EXPECT_EQ(ae.at("cases"), 2);
    // The round trip keeps some of the named colours (a VAE that decodes the background alone
    // keeps none), and both voice judgements are there.
    EXPECT_GT(ae.at("colour_adherence").get<double>(), 0.0) << ae.dump();
    EXPECT_TRUE(q.at("autoencoded").contains("timbre_vocoded_voices"));
    // the held-out world is made with the package's training world settings
    const json world = read_json(kPackage / "manifest.json").at("about").at("world");
    for (const auto& c : q.at("cases")) {
        ASSERT_TRUE(c.contains("autoencoded"));
        ASSERT_TRUE(c.contains("timbre_vocoded_voices"));
        // The round trip's sound is there, as long as the clip and not silent.
        const fs::path clip = c.at("clip").get<std::string>();
        const fs::path sound = clip.parent_path() / (clip.stem().string() + ".autoencoded.wav");
        ASSERT_TRUE(fs::exists(sound)) << sound;
        const nava::media::AudioBuffer a = nava::media::read_wav(sound);
        EXPECT_EQ(a.sample_rate_hz, 16000);
        EXPECT_NEAR(a.duration_s(), 49.0 / 24.0, 0.1);
        float peak = 0.0f;
        for (float v : a.samples)
            peak = std::max(peak, std::abs(v));
        EXPECT_GT(peak, 0.01f) << "the round trip came back silent";
        // And its pictures, as measured: the clip's size and length, not one flat colour.
        const fs::path frames = clip.parent_path() / (clip.stem().string() + ".autoencoded.y4m");
        ASSERT_TRUE(fs::exists(frames)) << frames;
        const nava::media::VideoBuffer vb = nava::media::read_y4m(frames);
        EXPECT_EQ(vb.width, world.at("width").get<int>());
        EXPECT_EQ(vb.height, world.at("height").get<int>());
        EXPECT_EQ(vb.frame_count(), world.at("frames").get<int64_t>());
        const auto [lo, hi] = std::minmax_element(vb.rgb.begin(), vb.rgb.end());
        EXPECT_GT(int(*hi) - int(*lo), 32) << "the round trip's pictures are flat";
    }

    // The vocoder alone (the audio VAE skipped): its own sound, not the whole round trip's.
    const auto v =
        nava::test::run_command(bench + " --cases 1 --autoencoded vocoder --no-timbre --out " +
                                nava::test::shell_quote((dir / "vocoder").string()) + " --json " +
                                nava::test::shell_quote((dir / "v.json").string()) + " 2>&1");
    ASSERT_EQ(v.exit_code, 0) << v.output;
    EXPECT_NE(v.output.find("autoenc. vocoder"), std::string::npos) << v.output;
    const json vq = read_json(dir / "v.json");
    EXPECT_EQ(vq.at("autoencoded").at("part"), "vocoder");
    ASSERT_EQ(vq.at("cases").size(), 1u);
    const fs::path vclip = vq.at("cases")[0].at("clip").get<std::string>();
    const fs::path qclip = q.at("cases")[0].at("clip").get<std::string>();
    ASSERT_EQ(vclip.filename(), qclip.filename());  // the same held-out clip
    const auto vocoded =
        nava::media::read_wav(vclip.parent_path() / (vclip.stem().string() + ".autoencoded.wav"));
    const auto round_trip =
        nava::media::read_wav(qclip.parent_path() / (qclip.stem().string() + ".autoencoded.wav"));
    ASSERT_EQ(vocoded.samples.size(), round_trip.samples.size());
    EXPECT_FALSE(fs::exists(vclip.parent_path() / (vclip.stem().string() + ".autoencoded.y4m")))
        << "the vocoder-only run sends no picture through the video VAE";
    double differ = 0.0;
    for (std::size_t i = 0; i < vocoded.samples.size(); ++i)
        differ = std::max(differ, double(std::abs(vocoded.samples[i] - round_trip.samples[i])));
    EXPECT_GT(differ, 1e-3) << "the vocoder-only sound is the whole round trip's";

    // A part that does not exist: a clear message before any work.
    const auto bad =
        nava::test::run_command(bench + " --autoencoded colour --out " +
                                nava::test::shell_quote((dir / "bad").string()) + " 2>&1");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.output.find("both, video, audio or vocoder"), std::string::npos) << bad.output;
    EXPECT_FALSE(fs::exists(dir / "bad"));
}

}  // namespace
