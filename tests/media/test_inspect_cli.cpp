// `nava inspect` on media files: streams and the recipe, as a user runs it.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"
#include "media/export.h"
#include "tests/media/media_test_util.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

nava::test::ProcessResult nava_cli(const std::string& args) {
    return nava::test::run_command(nava::test::shell_quote(NAVA_CLI_PATH) + " " + args + " 2>&1");
}

#define NAVA_REQUIRE_CLI()                                                         \
    do {                                                                           \
        if (!std::filesystem::exists(NAVA_CLI_PATH))                               \
            GTEST_SKIP() << "the nava CLI is not built (" << NAVA_CLI_PATH << ")"; \
    } while (0)

TEST(InspectCli, PrintsStreamsAndTheRecipe) {
    NAVA_REQUIRE_FFMPEG();
    NAVA_REQUIRE_CLI();
    const auto dir = nava::test::scratch_dir("inspect_cli");
    api::GenerationRequest request;
    request.prompt = "A lighthouse keeper says <S>Storm's coming.<E> Waves crash.";
    request.spans = {{"Storm's coming.", "S1"}};
    request.speakers = {{"S1", "Keeper", "voices/keeper.wav", "ab12"}};
    request.seed = 777;
    request.width = 64;
    request.height = 48;
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 0.5, {}, {}, 16000, 2);
    ExportOptions o;
    o.preset = "ultrafast";
    o.recipe_json = api::request_to_json_text(request);
    export_mp4(dir / "clip.mp4", &clip.video, &clip.audio, o);

    auto r = nava_cli("inspect " + nava::test::shell_quote((dir / "clip.mp4").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const char* expected : {"stream 0: video h264", "64x48", "yuv420p", "24.000 fps",
                                 "stream 1: audio aac", "48000 Hz", "stereo", "recipe:",
                                 "\"nava_recipe\": 1", "Storm's coming.", "\"seed\": 777"})
        EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;

    r = nava_cli("inspect --json " + nava::test::shell_quote((dir / "clip.mp4").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto doc = nlohmann::json::parse(r.output);
    EXPECT_EQ(doc["streams"][0]["codec"], "h264");
    EXPECT_EQ(doc["streams"][1]["sample_rate_hz"], 48000);
    // The recipe read back is the request that was stored.
    const auto back = api::request_from_json(doc["recipe"]);
    EXPECT_EQ(back.prompt, request.prompt);
    EXPECT_EQ(back.seed, 777u);
    ASSERT_EQ(back.speakers.size(), 1u);
    EXPECT_EQ(back.speakers[0].voice_path, "voices/keeper.wav");
}

TEST(InspectCli, FilesWithoutRecipeAndBrokenFiles) {
    NAVA_REQUIRE_FFMPEG();
    NAVA_REQUIRE_CLI();
    const auto dir = nava::test::scratch_dir("inspect_cli_plain");
    const auto clip = media::test::make_sync_clip(16, 16, {24, 1}, 0.25, {}, {}, 16000, 1);
    export_wav(dir / "sound.wav", clip.audio);
    auto r = nava_cli("inspect " + nava::test::shell_quote((dir / "sound.wav").string()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("audio pcm_s16le"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("recipe: none"), std::string::npos) << r.output;

    std::ofstream(dir / "broken.mp4") << "not a video";
    r = nava_cli("inspect " + nava::test::shell_quote((dir / "broken.mp4").string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("broken.mp4"), std::string::npos) << r.output;
}

}  // namespace
