// Validation samples: `nava train` with a "validation" section writes clips made by the
// generation pipeline with the EMA weights every N steps, announced as progress events.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/pipeline/random_package.h"
#include "media/capabilities.h"
#include "media/probe.h"
#include "tests/support/test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

TEST(ValidationSamples, WrittenEveryNStepsWithTheBasePackage) {
    if (!nava::media::capabilities().ffmpeg) GTEST_SKIP() << "built without FFmpeg";
    if (nava::test::run_command("command -v spm_train >/dev/null 2>&1").exit_code != 0)
        GTEST_SKIP() << "spm_train not installed (apt-get install sentencepiece)";
    const auto dir = nava::test::scratch_dir("train_validation_samples");
    std::string corpus;
    for (int i = 0; i < 200; ++i)
        corpus += "a red ball bounces and a face says hello " + std::to_string(i % 13) + "\n";
    std::ofstream(dir / "corpus.txt") << corpus;
    const auto spm = nava::test::run_command(
        "spm_train --input=" + nava::test::shell_quote((dir / "corpus.txt").string()) +
        " --model_prefix=" + nava::test::shell_quote((dir / "spm").string()) +
        " --vocab_size=60 --hard_vocab_limit=false --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3"
        " --num_threads=1 --minloglevel=2 --user_defined_symbols=" +
        nava::test::shell_quote("<extra_id_0>,<extra_id_1>,<extra_id_2>"));
    ASSERT_EQ(spm.exit_code, 0) << spm.output;
    nava::pipeline::RandomPackageSpec spec;
    spec.tokenizer_model = dir / "spm.model";
    nava::pipeline::write_random_package(dir / "base", spec);
    const json manifest = json::parse(std::ifstream(dir / "base" / "manifest.json"));
    const json dit = manifest["components"]["dit"]["config"];

    // The model trained is the base package's DiT architecture, on synthetic latents.
    const json recipe = {{"name", "samples"},
                         {"model", {{"config", dit}}},
                         {"data",
                          {{"kind", "synthetic"},
                           {"samples", 4},
                           {"video_frames", 2},
                           {"video_height", 2},
                           {"video_width", 2},
                           {"audio_length", 3},
                           {"text_length", 4},
                           {"speakers", 1}}},
                         {"steps", 4},
                         {"validation",
                          {{"every", 2},
                           {"package", (dir / "base").string()},
                           {"prompts", {"a red ball bounces", "a face says <S>hello<E>"}},
                           {"steps", 2},
                           {"width", 64},
                           {"height", 32},
                           {"duration_s", 0.2}}},
                         {"output_dir", (dir / "run").string()}};
    std::ofstream(dir / "recipe.json") << recipe.dump(1);
    const auto r =
        nava::test::run_command(nava::test::shell_quote(NAVA_CLI_PATH) + " train " +
                                nava::test::shell_quote((dir / "recipe.json").string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    int events = 0;
    for (std::size_t at = r.output.find("\"event\":\"sample\""); at != std::string::npos;
         at = r.output.find("\"event\":\"sample\"", at + 1))
        ++events;
    EXPECT_EQ(events, 4) << r.output;  // 2 prompts at steps 2 and 4
    for (const char* name : {"step-00000002_1.mp4", "step-00000002_2.mp4", "step-00000004_1.mp4",
                             "step-00000004_2.mp4"}) {
        const fs::path clip = dir / "run" / "samples" / name;
        ASSERT_TRUE(fs::exists(clip)) << name << "\n" << r.output;
        const auto info = nava::media::probe(nava::media::InputSource(clip));
        ASSERT_NE(info.best_video(), nullptr);
        EXPECT_EQ(info.best_video()->width, 64);
    }
    // Recipe mistakes are reported up front.
    json bad = recipe;
    bad["validation"].erase("package");
    std::ofstream(dir / "bad.json") << bad.dump(1);
    const auto b =
        nava::test::run_command(nava::test::shell_quote(NAVA_CLI_PATH) + " train " +
                                nava::test::shell_quote((dir / "bad.json").string()) + " 2>&1");
    EXPECT_NE(b.exit_code, 0);
    EXPECT_NE(b.output.find("validation"), std::string::npos) << b.output;
}

}  // namespace
