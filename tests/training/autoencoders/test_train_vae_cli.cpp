// `nava train-vae` end to end on clips made by `nava synth`: a short run, a resumed run that
// continues to the total, exported files the engine loads.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/video_vae/video_vae.h"
#include "tests/support/test_support.h"

namespace nava::autoencoders {
namespace {

namespace fs = std::filesystem;

std::string cli() {
    return test::shell_quote(NAVA_CLI_PATH);
}

// Four tiny clips (3 trained, 1 held out), made once per test program.
fs::path synth_folder() {
    static const fs::path dir = [] {
        const fs::path d = test::scratch_dir("train_vae_cli_synth");
        const auto r = test::run_command(cli() + " synth --out " + test::shell_quote(d.string()) +
                                         " --clips 4 --width 32 --height 32 --frames 9 "
                                         "--threads 2 --quiet");
        if (r.exit_code != 0) return fs::path();
        return d;
    }();
    return dir;
}

nlohmann::json read_json(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in);
}

TEST(TrainVaeCli, VideoRunResumesAndExports) {
    const fs::path data = synth_folder();
    if (data.empty()) GTEST_SKIP() << "nava synth could not make clips (espeak-ng missing?)";
    const fs::path out = test::scratch_dir("train_vae_cli_video");
    const std::string common = cli() + " train-vae video --data " +
                               test::shell_quote(data.string()) + " --out " +
                               test::shell_quote(out.string()) +
                               " --frames 5 --size 32 --dim 8 --dec-dim 12 --holdout 1 "
                               "--batch 1 --log-every 1 --checkpoint-every 2";
    auto r = test::run_command(common + " --steps 2");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("step 2/2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("steps/s"), std::string::npos) << r.output;
    r = test::run_command(common + " --steps 3 --resume");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("resumed from"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("step 3/3"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("step 1/3"), std::string::npos) << r.output;

    const nlohmann::json component = read_json(out / "video_vae.component.json");
    EXPECT_EQ(component.at("config").at("scale_inv_std").size(), 48u);
    auto vae = video_vae::load_video_vae(out / component.at("weights").get<std::string>());
    EXPECT_EQ(vae->config().dim, 8);
}

TEST(TrainVaeCli, AudioRunExports) {
    const fs::path data = synth_folder();
    if (data.empty()) GTEST_SKIP() << "nava synth could not make clips (espeak-ng missing?)";
    const fs::path out = test::scratch_dir("train_vae_cli_audio");
    const auto r =
        test::run_command(cli() + " train-vae audio --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote(out.string()) +
                          " --steps 2 --vocoder-steps 1 --segment 2560 --batch 1 "
                          "--holdout 1 --log-every 1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("vae step 2/2"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("vocoder step 1/1"), std::string::npos) << r.output;
    audio_vae::CodecOptions co;
    const auto codec = audio_vae::load_audio_codec(out / "audio_vae.safetensors", co);
    EXPECT_TRUE(codec->has_encoder());
}

TEST(TrainVaeCli, RejectsBadFrameCounts) {
    const auto r = test::run_command(cli() + " train-vae video --data x --out y --frames 6");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("1 + 4k"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace nava::autoencoders
