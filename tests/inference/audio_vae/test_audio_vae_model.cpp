// Audio VAE model structure and behaviour: config reading and its errors, the real checkpoint's
// key names and shapes, token layout, channel adaptation, causality, other configurations,
// weight loading (full and decoder-only) and the pipeline fixture's decode chain.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/audio_vae_bench.h"
#include "inference/models/audio_vae/latent_layout.h"
#include "inference/models/audio_vae/synthetic.h"
#include "inference/models/common/layers.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::audio_vae;

namespace {

nlohmann::json& dd(nlohmann::json& c) {
    return c["audio_vae"]["model"]["params"]["ddconfig"];
}

AudioCodecConfig parse(const nlohmann::json& c) {
    return AudioCodecConfig::from_checkpoint_json(c, "test config");
}

std::string config_error(const nlohmann::json& c) {
    try {
        parse(c);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

std::map<std::string, std::vector<int64_t>> named_shapes(torch::nn::Module& m) {
    std::map<std::string, std::vector<int64_t>> out;
    for (const auto& p : m.named_parameters(true))
        out[p.key()] = p.value().sizes().vec();
    for (const auto& b : m.named_buffers(true))
        out[b.key()] = b.value().sizes().vec();
    return out;
}

int64_t numel_under(torch::nn::Module& m, const std::string& prefix, bool buffers) {
    int64_t n = 0;
    for (const auto& p : m.named_parameters(true))
        if (p.key().rfind(prefix, 0) == 0) n += p.value().numel();
    if (buffers)
        for (const auto& b : m.named_buffers(true))
            if (b.key().rfind(prefix, 0) == 0) n += b.value().numel();
    return n;
}

std::shared_ptr<AudioCodec> random_codec(const nlohmann::json& config, at::ScalarType dtype,
                                         uint64_t seed = 7) {
    CodecOptions o;
    o.dtype = dtype;
    auto c = std::make_shared<AudioCodec>(parse(config), o);
    randomize_weights(*c, seed);
    return c;
}

at::Tensor noise_wave(int64_t channels, int64_t samples, uint64_t seed) {
    at::Generator g = at::detail::createCPUGenerator(seed);
    return at::randn({1, channels, samples}, g, at::kFloat).mul(0.2);
}

}  // namespace

TEST(AudioVaeConfig, ReadsTheFixtureCheckpointConfig) {
    const auto c = parse(tiny_checkpoint_config());
    EXPECT_EQ(c.vae.ch, 32);
    EXPECT_EQ(c.vae.ch_mult, (std::vector<int64_t>{1, 2, 2}));
    EXPECT_EQ(c.vae.z_channels, 2);
    EXPECT_EQ(c.vae.latent_mel_bins(), 16);
    EXPECT_EQ(c.vae.token_channels(), 32);
    EXPECT_EQ(c.vae.causality_axis, CausalityAxis::kHeight);
    EXPECT_EQ(c.vae.mel.n_fft, 1024);  // code defaults: no preprocessing block
    EXPECT_EQ(c.vae.mel.hop_length, 160);
    EXPECT_DOUBLE_EQ(c.vae.mel.f_max, 8000.0);
    EXPECT_EQ(c.vae.latent_frames(101), 26);
    EXPECT_EQ(c.vae.latent_frames(138), 35);
    EXPECT_EQ(c.vae.decoded_frames(26), 101);
    EXPECT_EQ(c.vocoder.vocoder.in_channels, 128);
    EXPECT_EQ(c.vocoder.vocoder.hop_length(), 160);
    EXPECT_TRUE(c.vocoder.vocoder.apply_final_activation);
    EXPECT_FALSE(c.vocoder.vocoder.use_tanh_at_final);
    EXPECT_FALSE(c.vocoder.bwe.apply_final_activation);
    EXPECT_EQ(c.vocoder.bwe.hop_length(), 240);
    EXPECT_EQ(c.vocoder.bwe_stage.ratio(), 3);
}

TEST(AudioVaeConfig, PreprocessingBlockOverridesTheStftDefaults) {
    auto j = tiny_checkpoint_config();
    j["audio_vae"]["preprocessing"] = {{"stft", {{"filter_length", 512}, {"hop_length", 128}}}};
    dd(j).erase("mel_bins");
    j["audio_vae"]["preprocessing"]["mel"] = {{"n_mel_channels", 32}};
    dd(j)["ch"] = 16;  // z 2 x 8 latent bins
    const auto c = parse(j);
    EXPECT_EQ(c.vae.mel.n_fft, 512);
    EXPECT_EQ(c.vae.mel.hop_length, 128);
    EXPECT_EQ(c.vae.mel.mel_bins, 32);
    EXPECT_EQ(c.vocoder.vocoder.in_channels, 64);
}

TEST(AudioVaeConfig, UnimplementedOptionsAreClearErrors) {
    auto j = tiny_checkpoint_config();
    dd(j)["norm_type"] = "group";
    EXPECT_NE(config_error(j).find("norm_type 'group'"), std::string::npos);
    j = tiny_checkpoint_config();
    dd(j).erase("mid_block_add_attention");  // reference default: attention on
    EXPECT_NE(config_error(j).find("mid_block_add_attention"), std::string::npos);
    j = tiny_checkpoint_config();
    dd(j)["attn_resolutions"] = {64};  // level 2 of resolution 256
    EXPECT_NE(config_error(j).find("attn_resolutions"), std::string::npos);
    j = tiny_checkpoint_config();
    dd(j)["causality_axis"] = "diagonal";
    EXPECT_NE(config_error(j).find("causality_axis"), std::string::npos);
    j = tiny_checkpoint_config();
    dd(j)["z_channels"] = 4;  // 4 x 16 != ch 32
    EXPECT_NE(config_error(j).find("per-channel statistics"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"].erase("bwe");
    EXPECT_NE(config_error(j).find("single-stage vocoder"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"]["vocoder"]["resblock"] = "1";
    EXPECT_NE(config_error(j).find("'resblock'"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"]["bwe"]["activation"] = "snake";
    EXPECT_NE(config_error(j).find("'activation'"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"]["bwe"]["upsample_rates"] = {6, 5, 4};
    EXPECT_NE(config_error(j).find("hop_length x ratio"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"]["vocoder"]["resblock_dilation_sizes"] = {{1, 3}, {1, 3, 5}, {1, 3, 5}};
    EXPECT_NE(config_error(j).find("3 dilations"), std::string::npos);
    j = tiny_checkpoint_config();
    j["vocoder"]["bwe"].erase("n_fft");
    EXPECT_NE(config_error(j).find("n_fft"), std::string::npos);
}

TEST(AudioVaeConfig, NullCausalityMeansSymmetricPadding) {
    auto j = tiny_checkpoint_config();
    dd(j)["causality_axis"] = nullptr;
    const auto c = parse(j);
    EXPECT_EQ(c.vae.causality_axis, CausalityAxis::kNone);
    EXPECT_EQ(c.vae.decoded_frames(26), 104);
    EXPECT_EQ(c.vae.latent_frames(101), 25);
}

TEST(AudioVaeKeys, RealConfigHasTheCheckpointsTensorCounts) {
    CodecOptions o;
    o.device = c10::Device(c10::kMeta);  // no memory for ~180 M parameters
    AudioCodec codec(parse(real_checkpoint_config()), o);
    EXPECT_EQ(named_shapes(codec).size(), 1329u);
    // Totals documented for the real checkpoint.
    EXPECT_EQ(numel_under(codec, "audio_vae.encoder.", false), 21333008);
    EXPECT_EQ(numel_under(codec, "audio_vae.decoder.", false), 31915138);
    EXPECT_EQ(numel_under(codec, "vocoder.vocoder.", false), 115075032);
    EXPECT_EQ(numel_under(codec, "vocoder.bwe_generator.", false), 13462416);
    // Filters and STFT/mel bases; the latent statistics (2 x 128) are counted apart.
    int64_t buffers = 0;
    for (const auto& b : codec.named_buffers(true))
        buffers += b.value().numel();
    EXPECT_EQ(numel_under(codec, "audio_vae.per_channel_statistics.", true), 256);
    EXPECT_EQ(buffers - 256, 547584);
}

TEST(AudioVaeKeys, TinyConfigHasTheFixturesParameterCounts) {
    // report.json of the fixture: encoder 512,900, decoder 733,282, vocoder 160,520.
    CodecOptions o;
    o.device = c10::Device(c10::kMeta);
    AudioCodec codec(parse(tiny_checkpoint_config()), o);
    EXPECT_EQ(numel_under(codec, "audio_vae.encoder.", false), 512900);
    EXPECT_EQ(numel_under(codec, "audio_vae.decoder.", false), 733282);
    EXPECT_EQ(numel_under(codec, "vocoder.", false), 160520);
}

TEST(AudioVaeKeys, RealConfigMatchesTheCheckpointKeyList) {
    const auto tsv =
        test::fixtures_dir().parent_path() / "specs" / "ltx23_audio_vae_vocoder_keys.tsv";
    if (!std::filesystem::exists(tsv)) GTEST_SKIP() << "no key list at " << tsv;
    std::map<std::string, std::vector<int64_t>> expected;
    std::ifstream in(tsv);
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        ASSERT_NE(tab, std::string::npos) << line;
        std::vector<int64_t> shape;
        std::string dims = line.substr(tab + 1);
        for (char& ch : dims)
            if (ch == '[' || ch == ']' || ch == ',') ch = ' ';
        std::istringstream s(dims);
        int64_t d;
        while (s >> d)
            shape.push_back(d);
        expected[line.substr(0, tab)] = shape;
    }
    ASSERT_EQ(expected.size(), 1329u);

    CodecOptions o;
    o.device = c10::Device(c10::kMeta);
    AudioCodec codec(parse(real_checkpoint_config()), o);
    const auto ours = named_shapes(codec);
    for (const auto& [name, shape] : expected) {
        auto it = ours.find(name);
        if (it == ours.end()) {
            ADD_FAILURE() << "missing " << name;
            continue;
        }
        EXPECT_EQ(it->second, shape) << name;
    }
    for (const auto& [name, shape] : ours)
        EXPECT_TRUE(expected.count(name)) << "extra " << name;

    // Decoder-only: exactly the keys without the encoder's.
    o.with_encoder = false;
    AudioCodec decoder_only(parse(real_checkpoint_config()), o);
    std::size_t encoder_keys = 0;
    for (const auto& [name, shape] : expected)
        encoder_keys += name.rfind("audio_vae.encoder.", 0) == 0;
    EXPECT_EQ(named_shapes(decoder_only).size(), expected.size() - encoder_keys);
}

TEST(AudioVaeLayout, TokenChannelIsLatentChannelTimesBinsPlusBin) {
    const at::Tensor latent = at::arange(2 * 3 * 5 * 4, at::kFloat).reshape({2, 3, 5, 4});
    const at::Tensor tokens = latent_to_tokens(latent);  // [2, 12, 5]
    ASSERT_EQ(tokens.sizes(), (at::IntArrayRef{2, 12, 5}));
    for (int64_t z = 0; z < 3; ++z)
        for (int64_t f = 0; f < 4; ++f)
            EXPECT_TRUE(at::equal(tokens.select(1, z * 4 + f), latent.select(1, z).select(2, f)));
    EXPECT_TRUE(at::equal(tokens_to_latent(tokens, 3), latent));
    EXPECT_THROW(tokens_to_latent(tokens, 5), Error);
}

TEST(AudioVaeLayout, ChannelAdaptationFollowsNava) {
    const at::Tensor mono = at::randn({1, 1, 50});
    const at::Tensor stereo = adapt_channels(mono, 2);
    EXPECT_TRUE(at::equal(stereo.select(1, 0), mono.select(1, 0)));
    EXPECT_TRUE(at::equal(stereo.select(1, 1), mono.select(1, 0)));

    const double g = 1.0 / std::sqrt(2.0);
    const at::Tensor s51 = at::randn({1, 6, 40}, at::kDouble);  // L R C LFE Ls Rs
    const at::Tensor d = adapt_channels(s51, 2);
    auto ch = [&](int64_t i) { return s51.select(1, i); };
    EXPECT_TRUE(at::allclose(d.select(1, 0), ch(0) + g * ch(2) + g * ch(4)));
    EXPECT_TRUE(at::allclose(d.select(1, 1), ch(1) + g * ch(2) + g * ch(5)));
    const at::Tensor s71 = at::randn({1, 8, 40}, at::kDouble);
    auto c7 = [&](int64_t i) { return s71.select(1, i); };
    EXPECT_TRUE(at::allclose(adapt_channels(s71, 2).select(1, 1),
                             c7(1) + g * c7(2) + g * c7(5) + g * c7(7)));
    const at::Tensor quad = at::randn({1, 4, 40}, at::kDouble);  // unknown layout: dual mono
    const at::Tensor dq = adapt_channels(quad, 2);
    EXPECT_TRUE(at::allclose(dq.select(1, 0), quad.mean(1)));
    EXPECT_TRUE(at::allclose(dq.select(1, 1), quad.mean(1)));
}

TEST(AudioVaeBehaviour, EncoderAndDecoderAreCausalInTime) {
    at::NoGradGuard no_grad;
    const auto c = random_codec(tiny_checkpoint_config(), at::kDouble);
    // Encoder: changing the spectrogram from frame 60 on leaves latents before frame 15 alone.
    const at::Tensor mel = at::randn({1, 2, 101, 64}, at::kDouble);
    at::Tensor mel2 = mel.clone();
    mel2.narrow(2, 60, 41).normal_();
    const auto a = c->audio_vae->encoder->forward(mel).latent;
    const auto b = c->audio_vae->encoder->forward(mel2).latent;
    EXPECT_TRUE(at::equal(a.narrow(2, 0, 15), b.narrow(2, 0, 15)));
    EXPECT_FALSE(at::equal(a, b));
    // Decoder: latent frame 20 on only affects mel frames from 4·20 - 3 on.
    const at::Tensor tokens = at::randn({1, 32, 26}, at::kDouble);
    at::Tensor tokens2 = tokens.clone();
    tokens2.narrow(2, 20, 6).normal_();
    const at::Tensor m1 = c->decode_mel(tokens);
    const at::Tensor m2 = c->decode_mel(tokens2);
    EXPECT_TRUE(at::equal(m1.narrow(2, 0, 77), m2.narrow(2, 0, 77)));
    EXPECT_FALSE(at::equal(m1.narrow(2, 77, 24), m2.narrow(2, 77, 24)));
}

TEST(AudioVaeBehaviour, OtherConfigurationsRunWithConsistentShapes) {
    // Wider/narrower, two levels, other z, shorter vocoders: shapes follow the config.
    auto j = tiny_checkpoint_config();
    dd(j)["ch"] = 96;  // z 3 x 32 latent bins
    dd(j)["ch_mult"] = {1, 3};
    dd(j)["z_channels"] = 3;
    dd(j)["num_res_blocks"] = 1;
    j["vocoder"]["vocoder"]["upsample_initial_channel"] = 16;
    j["vocoder"]["vocoder"]["upsample_rates"] = {10, 16};
    j["vocoder"]["vocoder"]["upsample_kernel_sizes"] = {20, 32};
    j["vocoder"]["vocoder"]["resblock_kernel_sizes"] = {3, 5};
    j["vocoder"]["vocoder"]["resblock_dilation_sizes"] = {{1, 2, 3}, {1, 3, 5}};
    j["vocoder"]["bwe"]["upsample_initial_channel"] = 8;
    j["vocoder"]["bwe"]["upsample_rates"] = {240};
    j["vocoder"]["bwe"]["upsample_kernel_sizes"] = {480};
    const auto c = random_codec(j, at::kFloat);
    at::NoGradGuard no_grad;
    const at::Tensor wave = noise_wave(2, 7000, 3);
    const auto enc = c->encode_traced(wave, 16000);
    const int64_t frames = 1 + 7000 / 160;  // 44
    EXPECT_EQ(enc.mel.sizes(), (at::IntArrayRef{1, 2, frames, 64}));
    EXPECT_EQ(enc.tokens.sizes(), (at::IntArrayRef{1, 96, (frames - 1) / 2 + 1}));
    const auto dec = c->decode(enc.tokens, true);
    // Two levels decode 2T' - 1 frames; the reference pads them with zeros to its fixed 4T' - 3.
    const int64_t decoded = 2 * enc.tokens.size(2) - 1;
    const int64_t mel_frames = 4 * enc.tokens.size(2) - 3;
    EXPECT_EQ(dec.mel.sizes(), (at::IntArrayRef{1, 2, mel_frames, 64}));
    EXPECT_TRUE(at::equal(dec.mel.narrow(2, decoded, mel_frames - decoded),
                          at::zeros({1, 2, mel_frames - decoded, 64})));
    EXPECT_GT(dec.mel.narrow(2, 0, decoded).abs().min().item<double>(), 0.0);
    EXPECT_EQ(dec.wav_vocoder.sizes(), (at::IntArrayRef{1, 2, 3 * 160 * mel_frames}));
    EXPECT_EQ(dec.waveform.sizes(), (at::IntArrayRef{1, 2, 160 * mel_frames}));
    EXPECT_LE(dec.waveform.abs().max().item<double>(), 0.99);
    EXPECT_TRUE(at::isfinite(dec.waveform).all().item<bool>());
}

TEST(AudioVaeBehaviour, BatchItemsAreIndependentAndFloat32TracksFloat64) {
    at::NoGradGuard no_grad;
    const auto c64 = random_codec(tiny_checkpoint_config(), at::kDouble);
    const auto c32 = random_codec(tiny_checkpoint_config(), at::kFloat);
    const at::Tensor a = noise_wave(2, 4000, 11);
    const at::Tensor b = noise_wave(1, 4000, 12);  // mono: duplicated
    const at::Tensor batch = at::cat({a, adapt_channels(b, 2)}, 0).to(at::kDouble);
    const at::Tensor tokens = c64->encode(batch, 16000);
    ASSERT_EQ(tokens.size(0), 2);
    EXPECT_LT((tokens[1] - c64->encode(b.to(at::kDouble), 16000)[0]).abs().max().item<double>(),
              1e-10);
    const auto d64 = c64->decode(tokens);
    const auto d1 = c64->decode(tokens.narrow(0, 0, 1));
    EXPECT_LT((d64.waveform[0] - d1.waveform[0]).abs().max().item<double>(), 1e-10);
    const auto d32 = c32->decode(tokens.to(at::kFloat));
    EXPECT_LT((d32.mel - d64.mel).abs().max().item<double>(), 1e-4);
    EXPECT_LT((d32.waveform - d64.waveform).abs().max().item<double>(), 2e-3);
}

// The two halves of the chain on their own: the encoder's log-mel input, and everything after
// the decoder's mel (what `--autoencoded vocoder` sends a clip through).
TEST(AudioVaeBehaviour, LogMelAndVocodeAreTheChainsOwnSteps) {
    at::NoGradGuard no_grad;
    const auto codec = random_codec(tiny_checkpoint_config(), at::kFloat);
    const at::Tensor wave = noise_wave(1, 4000, 7);
    const audio_vae::EncodeResult enc = codec->encode_traced(wave, 16000);
    EXPECT_TRUE(at::equal(codec->log_mel(wave, 16000), enc.mel));
    // another rate goes through the same resampling
    const at::Tensor at_8k = noise_wave(1, 2000, 8);
    EXPECT_EQ(codec->log_mel(at_8k, 8000).size(2), codec->encode_traced(at_8k, 8000).mel.size(2));
    const auto whole = codec->decode(enc.tokens);
    const auto after = codec->vocode(whole.mel);
    EXPECT_TRUE(at::equal(after.waveform, whole.waveform));
    EXPECT_TRUE(at::equal(after.wav_vocoder, whole.wav_vocoder));
    // straight from the true mel: a waveform of the input's length, another sound
    const auto direct = codec->vocode(enc.mel);
    EXPECT_EQ(direct.waveform.size(2), 160 * enc.mel.size(2));
    EXPECT_LE(direct.waveform.abs().max().item<double>(), 0.99 + 1e-6);
    EXPECT_THROW(codec->log_mel(at::zeros({2, 2, 3, 4000}), 16000), Error);
}

TEST(AudioVaeBehaviour, Bfloat16VaeStaysCloseToFloat32) {
    at::NoGradGuard no_grad;
    const auto c32 = random_codec(tiny_checkpoint_config(), at::kFloat);
    const auto cbf = random_codec(tiny_checkpoint_config(), at::kBFloat16);
    EXPECT_EQ(cbf->audio_vae->decoder->conv_in->conv->weight.scalar_type(), at::kBFloat16);
    EXPECT_EQ(cbf->vocoder->vocoder->conv_pre->weight.scalar_type(), at::kFloat);
    const at::Tensor wave = noise_wave(2, 4000, 5);
    const at::Tensor t32 = c32->encode(wave, 16000);
    const at::Tensor tbf = cbf->encode(wave, 16000);
    EXPECT_EQ(tbf.scalar_type(), at::kBFloat16);
    const double scale = t32.abs().max().item<double>();
    EXPECT_LT((tbf.to(at::kFloat) - t32).abs().max().item<double>(), 0.1 * scale);
    const auto d = cbf->decode(t32);
    EXPECT_EQ(d.waveform.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::isfinite(d.waveform).all().item<bool>());
}

TEST(AudioVaeLoading, DecoderOnlyFromThePipelineFixtureReproducesItsAudio) {
    const auto dir = test::fixtures_dir() / "pipeline";
    const auto weights = io::SafetensorsFile::open(dir / "weights.safetensors");
    const auto config = checkpoint_config(*weights, "audio_vae_config");
    CodecOptions o;
    o.with_encoder = false;
    o.dtype = at::kDouble;
    const auto codec = load_audio_codec(*weights, config, o, "audio_vae.");
    EXPECT_FALSE(codec->has_encoder());
    EXPECT_THROW(codec->encode(at::zeros({2, 1000}), 16000), Error);
    // With the encoder asked for, the same file is incomplete.
    o.with_encoder = true;
    EXPECT_THROW(load_audio_codec(*weights, config, o, "audio_vae."), StateDictError);

    at::NoGradGuard no_grad;
    const auto cases = io::SafetensorsFile::open(dir / "case.safetensors");
    for (const std::string c : {"a", "d"}) {
        SCOPED_TRACE(c);
        // The final flat audio latent [L, C] becomes tokens [1, C, L].
        const at::Tensor latent = cases->tensor(c + ".out64.final_latent_audio").to(at::kDouble);
        const auto dec = codec->decode(latent.t().unsqueeze(0));
        const at::Tensor expect = cases->tensor(c + ".out64.audio").to(at::kDouble);
        ASSERT_EQ(dec.waveform.squeeze(0).sizes(), expect.sizes());
        EXPECT_LT((dec.waveform.squeeze(0) - expect).abs().max().item<double>(), 1e-8);
    }
}

TEST(AudioVaeLoading, MissingOrMisshapenTensorsAreNamed) {
    const auto dir = test::scratch_dir("audio_vae_bad_weights");
    const auto codec = random_codec(tiny_checkpoint_config(), at::kFloat);
    std::vector<io::NamedTensor> tensors;
    for (const auto& p : codec->named_parameters(true)) {
        if (p.key() == "vocoder.vocoder.conv_post.weight") continue;  // dropped
        at::Tensor v = p.value();
        if (p.key() == "audio_vae.decoder.conv_in.conv.bias") v = at::zeros({7});  // wrong shape
        tensors.push_back({p.key(), v, std::nullopt});
    }
    for (const auto& b : codec->named_buffers(true))
        tensors.push_back({b.key(), b.value(), std::nullopt});
    tensors.push_back({"vocoder.stray.weight", at::zeros({1}), std::nullopt});
    io::save_safetensors(dir / "w.safetensors", tensors,
                         {{"config", tiny_checkpoint_config().dump()}});
    try {
        load_audio_codec(dir / "w.safetensors", CodecOptions{});
        FAIL() << "expected StateDictError";
    } catch (const StateDictError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("conv_post.weight"), std::string::npos) << m;
        EXPECT_NE(m.find("conv_in.conv.bias"), std::string::npos) << m;
        EXPECT_NE(m.find("vocoder.stray.weight"), std::string::npos) << m;
    }
    // Without metadata there is no config to build from.
    io::save_safetensors(dir / "nometa.safetensors", {{"x", at::zeros({1}), std::nullopt}});
    EXPECT_THROW(load_audio_codec(dir / "nometa.safetensors", CodecOptions{}), ConfigError);
}

TEST(AudioVaeBench, ReportsEveryStageWithShapeTimeAndMemory) {
    BenchOptions o;
    o.seconds = {0.25};
    o.repetitions = 1;
    const BenchReport r = run_bench(o);
    EXPECT_EQ(r.parameters, 1406702);
    ASSERT_EQ(r.rows.size(), 5u);
    const std::vector<std::string> stages = {"encode", "decode", "vocoder", "resample",
                                             "decode total"};
    // 4000 samples -> 26 mel frames -> 7 latents -> 25 decoded frames -> 4000 / 12000 samples.
    const std::vector<std::string> shapes = {"[1,32,7]", "[1,2,25,64]", "[1,2,12000]", "[1,2,4000]",
                                             "[1,2,4000]"};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(r.rows[i].stage, stages[i]);
        EXPECT_EQ(r.rows[i].shape, shapes[i]);
        EXPECT_GT(r.rows[i].median_ms, 0.0);
        EXPECT_GE(r.rows[i].peak_mib, 0.0);  // Linux: /proc/self/status is there
    }
    o.config = "/no/such/config.json";
    EXPECT_THROW(run_bench(o), IoError);
}
