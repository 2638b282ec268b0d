// Audio codec training: VAE overfit on a fixed batch, a vocoder step that lowers its STFT loss,
// exact resume, export -> the engine's load_audio_codec, better reconstruction than untrained.
#include <gtest/gtest.h>

#include <cmath>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/synthetic.h"
#include "media/wav.h"
#include "tests/support/test_support.h"
#include "training/autoencoders/audio_codec_trainer.h"
#include "training/autoencoders/clips.h"

namespace nava::autoencoders {
namespace {

AudioCodecTrainOptions options() {
    AudioCodecTrainOptions o;
    o.model_config = audio_vae::tiny_checkpoint_config();
    o.vae_lr = 2e-3;
    o.vocoder_lr = 1e-3;
    o.seed = 5;
    return o;
}

// Decaying tones ("impacts") and a chirp, stereo: [B, 2, n].
at::Tensor test_waves(int64_t batch, int64_t n, double shift) {
    const at::Tensor t = at::arange(n, at::kFloat).div(16000.0).view({1, 1, n});
    const at::Tensor b = at::arange(batch, at::kFloat).view({batch, 1, 1});
    const at::Tensor tone =
        at::sin(2 * M_PI * (440.0 + 110.0 * b + shift) * t) * at::exp(-t * 12.0) * 0.5;
    const at::Tensor chirp = at::sin(2 * M_PI * (200.0 + 3000.0 * t) * t) * 0.2;
    return (tone + chirp).expand({batch, 2, n}).contiguous();
}

int64_t segment() {
    const auto cfg = audio_vae::AudioCodecConfig::from_checkpoint_json(
        audio_vae::tiny_checkpoint_config(), "tiny");
    return audio_segment_samples(cfg.vae, 2600);
}

TEST(AudioCodecTrainer, SegmentLengthGivesWholeLatentFrames) {
    const auto cfg = audio_vae::AudioCodecConfig::from_checkpoint_json(
        audio_vae::tiny_checkpoint_config(), "tiny");
    const int64_t n = audio_segment_samples(cfg.vae, 2600);
    EXPECT_EQ(n, 2560);  // hop 160 x 4 (two time halvings) x 4
    const int64_t frames = 1 + n / cfg.vae.mel.hop_length;
    EXPECT_EQ(cfg.vae.decoded_frames(cfg.vae.latent_frames(frames)), frames);
    EXPECT_EQ(audio_segment_samples(cfg.vae, 10), 640);
}

// As for the video VAE: a fresh posterior's noise is small next to its means.
TEST(AudioCodecTrainer, FreshPosteriorIsNarrow) {
    AudioCodecTrainer trainer(options());
    at::NoGradGuard no_grad;
    const at::Tensor mel = trainer.mel_of(test_waves(1, segment(), 0.0));
    const auto enc = trainer.codec().audio_vae->encoder->forward(mel);
    const double noise_std = (0.5 * enc.logvar).exp().mean().item<double>();
    EXPECT_LT(noise_std, 0.1);
    EXPECT_GT(enc.mean_raw.std().item<double>(), 10.0 * noise_std);
}

TEST(AudioCodecTrainer, VaeOverfitsAFixedBatch) {
    AudioCodecTrainer trainer(options());
    const at::Tensor batch = test_waves(2, segment(), 0.0);
    const double before = trainer.mel_reconstruction_l1(batch);
    double first = 0.0, last = 0.0;
    for (int i = 0; i < 25; ++i) {
        const VaeStepStats s = trainer.vae_step(batch);
        ASSERT_TRUE(std::isfinite(s.loss));
        if (i == 0) first = s.reconstruction;
        last = s.reconstruction;
    }
    EXPECT_LT(last, 0.6 * first) << first << " -> " << last;
    EXPECT_LT(trainer.mel_reconstruction_l1(batch), 0.6 * before);
}

TEST(AudioCodecTrainer, VocoderStepsLowerTheStftLoss) {
    AudioCodecTrainer trainer(options());
    const at::Tensor batch = test_waves(1, 1280, 30.0);
    const double before = trainer.vocoder_loss(batch);
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(std::isfinite(trainer.vocoder_step(batch).loss));
    EXPECT_EQ(trainer.vocoder_steps(), 6);
    EXPECT_EQ(trainer.vae_steps(), 0);
    EXPECT_LT(trainer.vocoder_loss(batch), before);
}

// The loss also judges the channels' mix. Two targets whose channels have the same magnitudes
// (in phase, and one channel negated) give the vocoder the same mel, so the same output, and
// the per-channel terms the same value; only the mix (the in-phase sum, the negated one's
// silence) tells them apart.
TEST(AudioCodecTrainer, VocoderLossJudgesTheChannelsMix) {
    for (const bool main_only : {false, true}) {
        AudioCodecTrainOptions o = options();
        o.vocoder_main_only = main_only;
        AudioCodecTrainer trainer(o);
        const at::Tensor in_phase = test_waves(1, 1280, 30.0);
        const at::Tensor opposed =
            at::cat({in_phase.narrow(1, 0, 1), -in_phase.narrow(1, 1, 1)}, 1);
        ASSERT_TRUE(at::allclose(trainer.mel_of(in_phase), trainer.mel_of(opposed), 1e-5, 1e-5));
        const double a = trainer.vocoder_loss(in_phase), b = trainer.vocoder_loss(opposed);
        EXPECT_GT(std::abs(a - b), 0.05 * std::max(a, b))
            << a << " vs " << b << ", main only " << main_only;
    }
}

// Main generator only: the bandwidth extension keeps its weights, the main generator learns,
// and the choice travels with the checkpoint.
TEST(AudioCodecTrainer, MainOnlyVocoderStepsLeaveTheBandwidthExtension) {
    const auto dir = test::scratch_dir("audio_codec_main_only");
    AudioCodecTrainOptions o = options();
    o.vocoder_main_only = true;
    AudioCodecTrainer trainer(o);
    AudioCodecTrainer untouched(o);
    const at::Tensor batch = test_waves(1, 1280, 30.0);
    const double before = trainer.vocoder_loss(batch);
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(std::isfinite(trainer.vocoder_step(batch).loss));
    EXPECT_LT(trainer.vocoder_loss(batch), before);
    const auto start = untouched.codec().named_parameters(true);
    int64_t kept = 0, moved = 0;
    for (const auto& item : trainer.codec().named_parameters(true)) {
        const bool same = at::equal(item.value(), start[item.key()]);
        if (item.key().rfind("vocoder.bwe_generator.", 0) == 0) {
            EXPECT_TRUE(same) << item.key();
            ++kept;
        } else if (item.key().rfind("vocoder.vocoder.", 0) == 0) {
            moved += same ? 0 : 1;
        }
    }
    EXPECT_GT(kept, 0);
    EXPECT_GT(moved, 0);
    trainer.save_checkpoint(dir / "ckpt.safetensors");
    const auto resumed = AudioCodecTrainer::from_checkpoint(dir / "ckpt.safetensors");
    EXPECT_TRUE(resumed->options().vocoder_main_only);
    EXPECT_FALSE(resumed->options().vocoder_on_decoded);
}

// On decoded mels the vocoder reads the VAE's reconstruction: another input (so another
// loss) for the same weights, and the VAE does not learn from the vocoder's steps.
TEST(AudioCodecTrainer, VocoderCanLearnFromTheVaesReconstruction) {
    const auto dir = test::scratch_dir("audio_codec_on_decoded");
    AudioCodecTrainOptions o = options();
    AudioCodecTrainer on_true(o);
    o.vocoder_on_decoded = true;
    AudioCodecTrainer on_decoded(o);
    const at::Tensor batch = test_waves(1, segment(), 30.0);
    EXPECT_GT(std::abs(on_true.vocoder_loss(batch) - on_decoded.vocoder_loss(batch)), 1e-3);
    const auto start = on_true.codec().named_parameters(true);
    ASSERT_TRUE(std::isfinite(on_decoded.vocoder_step(batch).loss));
    for (const auto& item : on_decoded.codec().named_parameters(true))
        if (item.key().rfind("audio_vae.", 0) == 0)
            EXPECT_TRUE(at::equal(item.value(), start[item.key()])) << item.key();
    on_decoded.save_checkpoint(dir / "ckpt.safetensors");
    EXPECT_TRUE(
        AudioCodecTrainer::from_checkpoint(dir / "ckpt.safetensors")->options().vocoder_on_decoded);
}

// A parameter the loss did not reach keeps its value: its old moments do not move it on (a
// vocoder trained in parts, a resumed run that now trains fewer of them).
TEST(AudioCodecTrainer, AdamLeavesParametersWithoutGradients) {
    at::Tensor a = at::ones({3}).requires_grad_(true), b = at::ones({3}).requires_grad_(true);
    Adam adam({{"a", a}, {"b", b}}, AdamOptions());
    (a * 2.0 + b * 3.0).sum().backward();
    adam.step(0.1);
    const at::Tensor b_after_first = b.detach().clone();
    EXPECT_FALSE(at::equal(b_after_first, at::ones({3})));
    (a * 2.0).sum().backward();  // b takes no part
    adam.step(0.1);
    EXPECT_TRUE(at::equal(b.detach(), b_after_first));
    EXPECT_EQ(adam.steps(), 2);
}

// The codec learns from sound conditioned as the engine conditions it: a mono file is repeated
// into both channels at its own level (FFmpeg's stereo mix would put it 3 dB down in each), and
// a stereo file keeps its channels.
TEST(AudioCodecTrainer, ClipsLoadAsTheEngineConditionsThem) {
    const auto dir = test::scratch_dir("audio_codec_clip_channels");
    media::AudioBuffer mono;
    mono.sample_rate_hz = 16000;
    mono.channels = 1;
    for (int i = 0; i < 1600; ++i)
        mono.samples.push_back(0.5f * static_cast<float>(std::sin(2.0 * M_PI * 220.0 * i / 16000)));
    media::write_wav(dir / "mono.wav", mono);
    const at::Tensor m = load_audio_clip_as_engine(dir / "mono.wav", 16000, 2);
    ASSERT_EQ(m.sizes(), (at::IntArrayRef{2, 1600}));
    const at::Tensor want = at::tensor(mono.samples);
    EXPECT_LT((m[0] - want).abs().max().item<double>(), 1e-4);
    EXPECT_TRUE(at::equal(m[0], m[1]));

    media::AudioBuffer stereo = mono;
    stereo.channels = 2;
    stereo.samples.clear();
    for (float v : mono.samples) {
        stereo.samples.push_back(v);
        stereo.samples.push_back(-0.5f * v);
    }
    media::write_wav(dir / "stereo.wav", stereo);
    const at::Tensor s = load_audio_clip_as_engine(dir / "stereo.wav", 16000, 2);
    EXPECT_LT((s[0] - want).abs().max().item<double>(), 1e-4);
    EXPECT_LT((s[1] + 0.5 * want).abs().max().item<double>(), 1e-4);
}

// The pitch check compares voiced stretches only: silence and noise have none.
TEST(AudioCodecTrainer, VocoderPitchErrorNeedsVoicedInput) {
    AudioCodecTrainer trainer(options());
    EXPECT_EQ(trainer.vocoder_pitch_error(at::zeros({2, 2, segment()})), -1.0);
    const auto none = trainer.vocoder_pitch(at::zeros({2, 2, segment()}));
    EXPECT_EQ(none.stretches, 0);
    EXPECT_EQ(none.within_semitone, -1.0);
    at::manual_seed(1);
    EXPECT_EQ(trainer.vocoder_pitch_error(at::randn({1, 2, segment()}) * 0.3), -1.0);
}

TEST(AudioCodecTrainer, MultiResolutionStftLossIsZeroOnlyForEqualSignals) {
    const at::Tensor x = test_waves(1, 4096, 0.0);
    EXPECT_LT(multi_resolution_stft_loss(x, x).item<double>(), 1e-5);
    EXPECT_GT(multi_resolution_stft_loss(x * 0.5, x).item<double>(), 0.1);
}

TEST(AudioCodecTrainer, ResumeContinuesIdentically) {
    const auto dir = test::scratch_dir("audio_codec_resume");
    const at::Tensor a = test_waves(1, segment(), 0.0), b = test_waves(1, segment(), 50.0);
    AudioCodecTrainer straight(options());
    straight.vae_step(a);
    straight.vocoder_step(a.narrow(2, 0, 1280));
    straight.save_checkpoint(dir / "ckpt.safetensors");
    straight.vae_step(b);
    const double loss_straight = straight.vae_step(a).loss;

    auto resumed = AudioCodecTrainer::from_checkpoint(dir / "ckpt.safetensors");
    EXPECT_EQ(resumed->vae_steps(), 1);
    EXPECT_EQ(resumed->vocoder_steps(), 1);
    resumed->vae_step(b);
    EXPECT_DOUBLE_EQ(resumed->vae_step(a).loss, loss_straight);
    const auto p2 = resumed->codec().named_parameters(true);
    for (const auto& item : straight.codec().named_parameters(true))
        EXPECT_TRUE(at::equal(item.value(), p2[item.key()])) << item.key();
}

TEST(AudioCodecTrainer, ExportLoadsThroughTheEngineAndBeatsUntrained) {
    const auto dir = test::scratch_dir("audio_codec_export");
    const at::Tensor batch = test_waves(2, segment(), 0.0);
    AudioCodecTrainer untrained(options());
    AudioCodecTrainer trainer(options());
    for (int i = 0; i < 25; ++i)
        trainer.vae_step(batch);
    trainer.set_latent_statistics({batch});
    const nlohmann::json component = trainer.export_codec(dir);
    EXPECT_EQ(component.at("weights"), "audio_vae.safetensors");

    audio_vae::CodecOptions co;
    co.with_encoder = true;
    const auto loaded = audio_vae::load_audio_codec(dir / "audio_vae.safetensors", co);
    // Normalised latents of the data the statistics came from: zero mean, unit std.
    const audio_vae::EncodeResult enc = loaded->encode_traced(batch, 16000);
    EXPECT_LT(enc.encoder.latent.mean().abs().item<double>(), 0.05);
    EXPECT_NEAR(enc.encoder.latent.std(/*unbiased=*/false).item<double>(), 1.0, 0.1);
    const at::Tensor mel = loaded->decode_mel(enc.tokens);
    const double l1_trained = (mel - enc.mel).abs().mean().item<double>();
    EXPECT_NEAR(l1_trained, trainer.mel_reconstruction_l1(batch), 1e-4);
    EXPECT_LT(l1_trained, 0.6 * untrained.mel_reconstruction_l1(batch));
    // The decoder-only load the generator does works on the same file; the whole decode chain
    // gives a bounded stereo waveform.
    co.with_encoder = false;
    const auto decoder_only = audio_vae::load_audio_codec(dir / "audio_vae.safetensors", co);
    const auto wave = decoder_only->decode(enc.tokens).waveform;
    EXPECT_EQ(wave.size(1), 2);
    EXPECT_LE(wave.abs().max().item<double>(), 0.99 + 1e-6);
}

TEST(AudioCodecTrainer, StartsFromExportedWeightsWithIdentityStatisticsAndKeepsTheirs) {
    const auto dir = test::scratch_dir("audio_codec_init");
    const at::Tensor batch = test_waves(2, segment(), 0.0);
    AudioCodecTrainer first(options());
    first.vae_step(batch);
    first.set_latent_statistics({batch});
    first.export_codec(dir / "first");
    const auto& fs0 = *first.codec().audio_vae->per_channel_statistics;
    ASSERT_GT(fs0.mean_of_means.abs().max().item<double>(), 0.0);

    AudioCodecTrainer next(options());
    next.load_weights(dir / "first" / "audio_vae.safetensors");
    const auto p1 = first.codec().named_parameters(true);
    for (const auto& item : next.codec().named_parameters(true))
        EXPECT_TRUE(at::equal(item.value(), p1[item.key()])) << item.key();
    // Training sees identity statistics, as a fresh trainer does (the VAE step decodes the raw
    // posterior sample), and the same reconstruction as the weights it started from.
    auto& stats = *next.codec().audio_vae->per_channel_statistics;
    EXPECT_EQ(stats.mean_of_means.abs().max().item<double>(), 0.0);
    EXPECT_EQ((stats.std_of_means - 1.0).abs().max().item<double>(), 0.0);
    EXPECT_NEAR(next.mel_reconstruction_l1(batch), first.mel_reconstruction_l1(batch), 1e-5);
    ASSERT_TRUE(next.has_kept_statistics());

    // The kept statistics travel with a checkpoint and come back for the export.
    next.vocoder_step(batch.narrow(2, 0, 1280));
    next.save_checkpoint(dir / "ckpt.safetensors");
    auto resumed = AudioCodecTrainer::from_checkpoint(dir / "ckpt.safetensors");
    ASSERT_TRUE(resumed->has_kept_statistics());
    resumed->restore_kept_statistics();
    const auto& rs = *resumed->codec().audio_vae->per_channel_statistics;
    EXPECT_TRUE(at::allclose(rs.mean_of_means, fs0.mean_of_means));
    EXPECT_TRUE(at::allclose(rs.std_of_means, fs0.std_of_means));

    // A fresh trainer keeps nothing.
    AudioCodecTrainer fresh(options());
    EXPECT_FALSE(fresh.has_kept_statistics());
    EXPECT_THROW(fresh.restore_kept_statistics(), Error);
}

// A vocoder of another width can be trained for exported weights: the VAE (and its statistics)
// comes from the file, the vocoder is the trainer's own fresh one; and the other way round.
TEST(AudioCodecTrainer, TakesOnlyThePartWhoseConfigMatches) {
    const auto dir = test::scratch_dir("audio_codec_init_vae_only");
    const at::Tensor batch = test_waves(2, segment(), 0.0);
    AudioCodecTrainer first(options());
    first.vae_step(batch);
    first.vocoder_step(batch.narrow(2, 0, 1280));
    first.set_latent_statistics({batch});
    first.export_codec(dir);

    AudioCodecTrainOptions wider = options();
    auto& main = wider.model_config["vocoder"]["vocoder"];
    main["upsample_initial_channel"] = 2 * main["upsample_initial_channel"].get<int64_t>();
    AudioCodecTrainer next(wider);
    AudioCodecTrainer untouched(wider);
    EXPECT_EQ(next.load_weights(dir / "audio_vae.safetensors"), AudioCodecTrainer::InitParts::vae);
    EXPECT_TRUE(next.has_kept_statistics());
    const auto from_file = first.codec().named_parameters(true);
    const auto fresh = untouched.codec().named_parameters(true);
    int64_t vae = 0, vocoder = 0;
    for (const auto& item : next.codec().named_parameters(true)) {
        if (item.key().rfind("audio_vae.", 0) == 0) {
            EXPECT_TRUE(at::equal(item.value(), from_file[item.key()])) << item.key();
            ++vae;
        } else {
            EXPECT_TRUE(at::equal(item.value(), fresh[item.key()])) << item.key();
            ++vocoder;
        }
    }
    EXPECT_GT(vae, 0);
    EXPECT_GT(vocoder, 0);
    EXPECT_NEAR(next.mel_reconstruction_l1(batch), first.mel_reconstruction_l1(batch), 1e-5);
    // The wider vocoder trains and exports with the file's latent statistics.
    EXPECT_TRUE(std::isfinite(next.vocoder_step(batch.narrow(2, 0, 1280)).loss));
    next.restore_kept_statistics();
    next.export_codec(dir / "wider");
    const auto source = io::open_tensor_source(dir / "wider" / "audio_vae.safetensors");
    EXPECT_EQ(audio_vae::checkpoint_config(*source), wider.model_config);

    // Another VAE for the same vocoder: the vocoder from the file, the VAE fresh, no statistics.
    AudioCodecTrainOptions other_vae = options();
    other_vae.model_config["audio_vae"]["model"]["params"]["ddconfig"]["num_res_blocks"] = 1;
    AudioCodecTrainer new_vae(other_vae);
    AudioCodecTrainer new_vae_untouched(other_vae);
    EXPECT_EQ(new_vae.load_weights(dir / "audio_vae.safetensors"),
              AudioCodecTrainer::InitParts::vocoder);
    EXPECT_FALSE(new_vae.has_kept_statistics());
    const auto fresh_vae = new_vae_untouched.codec().named_parameters(true);
    for (const auto& item : new_vae.codec().named_parameters(true)) {
        const bool from_vae = item.key().rfind("audio_vae.", 0) == 0;
        EXPECT_TRUE(
            at::equal(item.value(), from_vae ? fresh_vae[item.key()] : from_file[item.key()]))
            << item.key();
    }

    // Both differ: refused.
    AudioCodecTrainOptions neither = other_vae;
    neither.model_config["vocoder"] = wider.model_config["vocoder"];
    AudioCodecTrainer refused(neither);
    EXPECT_THROW(refused.load_weights(dir / "audio_vae.safetensors"), Error);
}

}  // namespace
}  // namespace nava::autoencoders
