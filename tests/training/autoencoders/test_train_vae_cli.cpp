// `nava train-vae` end to end on clips made by `nava synth`: a short run, a resumed run that
// continues to the total, exported files the engine loads.
#include <gtest/gtest.h>

#include <cstdio>

#include <fstream>

#include <ATen/ATen.h>

#include <nlohmann/json.hpp>

#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/pipeline/random_package.h"
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
    r = test::run_command(common + " --steps 3 --resume --eval-frames 9");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("resumed from"), std::string::npos) << r.output;
    // The held-out clips are measured at the asked length, longer than the training clips.
    EXPECT_NE(r.output.find("held-out clips (9 frames)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("held-out PSNR (9 frames)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("step 3/3"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("step 1/3"), std::string::npos) << r.output;

    const nlohmann::json component = read_json(out / "video_vae.component.json");
    EXPECT_EQ(component.at("config").at("scale_inv_std").size(), 48u);
    auto vae = video_vae::load_video_vae(out / component.at("weights").get<std::string>());
    EXPECT_EQ(vae->config().dim, 8);

    // Exported weights evaluated without training (--init, --steps 0): the same quality before
    // and after, objects measured apart from the background.
    const fs::path eval = test::scratch_dir("train_vae_cli_video_eval");
    r = test::run_command(cli() + " train-vae video --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote(eval.string()) + " --init " +
                          test::shell_quote((out / "video_vae.safetensors").string()) +
                          " --frames 5 --size 32 --dim 8 --dec-dim 12 --holdout 1 --steps 0");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("started from the weights of"), std::string::npos) << r.output;
    double before = 0, after = 0, obj_before = 0, obj_after = 0;
    const auto at = r.output.rfind("\nheld-out PSNR ");
    ASSERT_NE(at, std::string::npos) << r.output;
    ASSERT_EQ(std::sscanf(r.output.c_str() + at + 1,
                          "held-out PSNR %lf dB -> %lf dB, object L1 %lf -> %lf", &before, &after,
                          &obj_before, &obj_after),
              4)
        << r.output;
    EXPECT_DOUBLE_EQ(before, after);
    EXPECT_DOUBLE_EQ(obj_before, obj_after);
    EXPECT_GT(obj_after, 0.0);

    // With --resume the checkpoint wins over --init, and the run says so.
    r = test::run_command(cli() + " train-vae video --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote(eval.string()) + " --init " +
                          test::shell_quote((out / "video_vae.safetensors").string()) +
                          " --frames 5 --size 32 --dim 8 --dec-dim 12 --holdout 1 --steps 0 "
                          "--resume");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("--init starts fresh runs only"), std::string::npos) << r.output;

    // A decoder-only run with the motion weight: the decoder learns, the encoder and the latent
    // statistics stay exactly those of --init (a DiT trained on its latents keeps matching).
    // Its clips are longer than those the statistics came from, so statistics computed again
    // would differ.
    const fs::path dec = test::scratch_dir("train_vae_cli_video_decoder");
    const std::string init = test::shell_quote((out / "video_vae.safetensors").string());
    const std::string dec_run = cli() + " train-vae video --data " +
                                test::shell_quote(data.string()) + " --out " +
                                test::shell_quote(dec.string()) +
                                " --frames 9 --size 32 --dim 8 --dec-dim 12 --holdout 1 "
                                "--batch 1 --steps 2 --decoder-only --motion-weight 50";
    r = test::run_command(dec_run + " 2>&1");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("--decoder-only needs --init"), std::string::npos) << r.output;
    r = test::run_command(dec_run + " --init " + init);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("motion weight 50, decoder only"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("moving L1"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("latent statistics kept from"), std::string::npos) << r.output;
    const nlohmann::json dec_component = read_json(dec / "video_vae.component.json");
    EXPECT_EQ(dec_component.at("config").at("scale_mean"), component.at("config").at("scale_mean"));
    EXPECT_EQ(dec_component.at("config").at("scale_inv_std"),
              component.at("config").at("scale_inv_std"));
    auto tuned = video_vae::load_video_vae(dec / "video_vae.safetensors");
    const auto before_params = vae->named_parameters(true);
    int decoder_changed = 0;
    for (const auto& item : tuned->named_parameters(true)) {
        const bool same = at::equal(item.value(), before_params[item.key()]);
        if (item.key().rfind("encoder.", 0) == 0 || item.key().rfind("conv1.", 0) == 0)
            EXPECT_TRUE(same) << item.key();
        else if (!same)
            ++decoder_changed;
    }
    EXPECT_GT(decoder_changed, 0);

    // Resumed with another --init (another encoder): refused before any step or export.
    const fs::path other = test::scratch_dir("train_vae_cli_video_other");
    r = test::run_command(cli() + " train-vae video --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote(other.string()) +
                          " --frames 5 --size 32 --dim 8 --dec-dim 12 --holdout 1 --steps 1 "
                          "--seed 5");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    r = test::run_command(dec_run + " --resume --init " +
                          test::shell_quote((other / "video_vae.safetensors").string()) + " 2>&1");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("its encoder is not the one this decoder-only run keeps"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("wrote "), std::string::npos) << r.output;
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

    // A vocoder on decoded mels needs a VAE that has learnt something: a clear error, no run.
    const fs::path none = test::scratch_dir("train_vae_cli_audio_decoded");
    const auto bad =
        test::run_command(cli() + " train-vae audio --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote(none.string()) +
                          " --steps 0 --vocoder-steps 1 --vocoder-on-decoded --segment 2560 "
                          "--batch 1 --holdout 1 2>&1");
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.output.find("--vocoder-on-decoded needs a trained audio VAE"), std::string::npos)
        << bad.output;
    EXPECT_FALSE(fs::exists(none / "audio_vae.safetensors"));
}

TEST(TrainVaeCli, AudioRunFromExportedWeightsTrainsTheVocoderAndKeepsTheLatents) {
    const fs::path data = synth_folder();
    if (data.empty()) GTEST_SKIP() << "nava synth could not make clips (espeak-ng missing?)";
    const fs::path out = test::scratch_dir("train_vae_cli_audio_init");
    const std::string common = cli() + " train-vae audio --data " +
                               test::shell_quote(data.string()) +
                               " --segment 2560 --batch 1 --holdout 1 --log-every 1";
    auto r = test::run_command(common + " --out " + test::shell_quote((out / "a").string()) +
                               " --steps 2");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const fs::path first = out / "a" / "audio_vae.safetensors";

    // A run in out/<sub> that starts from `first`.
    auto from_first = [&](const char* sub, const std::string& args) {
        return test::run_command(common + " --out " + test::shell_quote((out / sub).string()) +
                                 " --init " + test::shell_quote(first.string()) + " " + args);
    };
    r = from_first("b", "--steps 0 --vocoder-steps 1");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("started from the weights of"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("statistics of its starting weights are kept"), std::string::npos)
        << r.output;
    EXPECT_NE(r.output.find("semitones"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("vocoder step 1/1"), std::string::npos) << r.output;

    audio_vae::CodecOptions co;
    const auto a = audio_vae::load_audio_codec(first, co);
    const auto b = audio_vae::load_audio_codec(out / "b" / "audio_vae.safetensors", co);
    const auto& sa = *a->audio_vae->per_channel_statistics;
    const auto& sb = *b->audio_vae->per_channel_statistics;
    EXPECT_TRUE(at::equal(sa.mean_of_means, sb.mean_of_means));
    EXPECT_TRUE(at::equal(sa.std_of_means, sb.std_of_means));
    const auto pa = a->audio_vae->named_parameters();
    const auto pb = b->audio_vae->named_parameters();
    ASSERT_EQ(pa.size(), pb.size());
    for (const auto& item : pa)
        EXPECT_TRUE(at::equal(item.value(), pb[item.key()])) << item.key();
    // The vocoder took its step.
    const auto va = a->vocoder->parameters(), vb = b->vocoder->parameters();
    ASSERT_EQ(va.size(), vb.size());
    bool moved = false;
    for (std::size_t i = 0; i < va.size(); ++i)
        moved = moved || !at::equal(va[i], vb[i]);
    EXPECT_TRUE(moved);

    // Weights of another shape (VAE and vocoder): a clear message.
    nlohmann::json shallower = audio_vae::tiny_checkpoint_config();
    shallower["audio_vae"]["model"]["params"]["ddconfig"]["num_res_blocks"] = 1;
    shallower["vocoder"]["vocoder"]["upsample_initial_channel"] = 64;
    r = from_first("c", "--steps 0 --config " + test::shell_quote(shallower.dump()));
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("VAE and vocoder configs differ"), std::string::npos) << r.output;

    // A wider vocoder for the same latents: the VAE and its statistics from the file, the
    // vocoder new at the width asked for.
    r = from_first("d", "--steps 0 --vocoder-steps 1 --vocoder-channels 64");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("the vocoder is new"), std::string::npos) << r.output;
    const auto d = audio_vae::load_audio_codec(out / "d" / "audio_vae.safetensors", co);
    EXPECT_EQ(d->vocoder->config().vocoder.upsample_initial_channel, 64);
    EXPECT_TRUE(at::equal(d->audio_vae->per_channel_statistics->mean_of_means, sa.mean_of_means));
    const auto pd = d->audio_vae->named_parameters();
    for (const auto& item : pa)
        EXPECT_TRUE(at::equal(item.value(), pd[item.key()])) << item.key();
    // The other way round: a new (shallower) VAE for the file's vocoder, whose pitch through
    // the new VAE is reported after the VAE steps.
    nlohmann::json new_vae = audio_vae::tiny_checkpoint_config();
    new_vae["audio_vae"]["model"]["params"]["ddconfig"]["num_res_blocks"] = 1;
    r = from_first("f", "--steps 1 --config " + test::shell_quote(new_vae.dump()));
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("the VAE is new"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("pitch error through the VAE"), std::string::npos) << r.output;

    // A width the upsampling stages cannot halve: a clear message.
    r = from_first("e", "--steps 0 --vocoder-steps 1 --vocoder-channels 20");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("multiple of 8"), std::string::npos) << r.output;
}

TEST(TrainVaeCli, RejectsBadFrameCounts) {
    const auto bad_eval =
        test::run_command(cli() + " train-vae video --data x --out y --eval-frames 10");
    EXPECT_EQ(bad_eval.exit_code, 2) << bad_eval.output;
    EXPECT_NE(bad_eval.output.find("--eval-frames"), std::string::npos) << bad_eval.output;
    const auto r = test::run_command(cli() + " train-vae video --data x --out y --frames 6");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("1 + 4k"), std::string::npos) << r.output;
}

TEST(TrainVaeCli, RejectsAnUnknownDevice) {
    const auto r = test::run_command(cli() + " train-vae video --data x --out y --device tpu");
    EXPECT_NE(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("device must be auto, cpu, cuda or cuda:N"), std::string::npos)
        << r.output;
}

}  // namespace
}  // namespace nava::autoencoders

namespace nava::autoencoders {
namespace {

// A world with enough speech spans for a contrastive batch (made once).
fs::path speech_folder() {
    static const fs::path dir = [] {
        const fs::path d = test::scratch_dir("train_speaker_cli_synth");
        const auto r = test::run_command(cli() + " synth --out " + test::shell_quote(d.string()) +
                                         " --clips 24 --width 32 --height 32 --frames 33 "
                                         "--seed 4 --threads 2 --quiet");
        if (r.exit_code != 0) return fs::path();
        return d;
    }();
    return dir;
}

TEST(TrainVaeCli, SpeakerRunResumesAndExportsAnEncoderTheEngineLoads) {
    const fs::path data = speech_folder();
    if (data.empty()) GTEST_SKIP() << "nava synth could not make clips (espeak-ng missing?)";
    const fs::path out = test::scratch_dir("train_speaker_cli");
    const fs::path init = out / "init.safetensors";
    pipeline::write_random_speaker_encoder(init, pipeline::tiny_speaker_config(), 3);
    const std::string base =
        cli() + " train-vae speaker --data " + test::shell_quote(data.string()) + " --init " +
        test::shell_quote(init.string()) + " --out " + test::shell_quote((out / "run").string()) +
        " --batch 4 --holdout 4 --crop 0.5 --log-every 1";
    const auto r1 = test::run_command(base + " --steps 3 2>&1");
    ASSERT_EQ(r1.exit_code, 0) << r1.output;
    EXPECT_NE(r1.output.find("step 3/3"), std::string::npos) << r1.output;
    EXPECT_NE(r1.output.find("held-out pair accuracy"), std::string::npos) << r1.output;
    // The loss is finite (float32 gradients of this model overflowed; the trainer uses float64).
    EXPECT_EQ(r1.output.find("nan"), std::string::npos) << r1.output;
    EXPECT_EQ(r1.output.find("inf "), std::string::npos) << r1.output;

    const auto r2 = test::run_command(base + " --steps 5 --resume 2>&1");
    ASSERT_EQ(r2.exit_code, 0) << r2.output;
    EXPECT_NE(r2.output.find("start step 3"), std::string::npos) << r2.output;
    EXPECT_NE(r2.output.find("step 5/5"), std::string::npos) << r2.output;

    const auto enc = speaker::SpeakerEncoder::load(out / "run" / "speaker_encoder.safetensors");
    EXPECT_EQ(enc.embed_dim(), pipeline::tiny_speaker_config().at("embed_dim").get<int64_t>());
    const at::Tensor e = enc.embed(at::randn({8000}) * 0.1);
    EXPECT_TRUE(at::isfinite(e).all().item<bool>());
    // Trained weights differ from the starting ones.
    const auto start = speaker::SpeakerEncoder::load(init);
    EXPECT_FALSE(
        at::allclose(start.embed(at::ones({8000}) * 0.1), enc.embed(at::ones({8000}) * 0.1)));

    // Without starting weights: one clear line.
    const auto bad =
        test::run_command(cli() + " train-vae speaker --data " + test::shell_quote(data.string()) +
                          " --out " + test::shell_quote((out / "bad").string()) + " 2>&1");
    EXPECT_NE(bad.exit_code, 0);
    EXPECT_NE(bad.output.find("--init"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace nava::autoencoders
