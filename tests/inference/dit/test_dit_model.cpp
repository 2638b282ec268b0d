// DiT construction, configuration, weight loading (prefix, fp8) and behaviour beyond the fixture.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::dit;

namespace {

DitConfig tiny_config() {
    DitConfig c;
    c.dim = 64;
    c.num_heads = 2;
    c.ffn_dim = 96;
    c.num_double_layers = 1;
    c.num_single_layers = 1;
    c.text_len = 8;
    c.text_dim = 16;
    c.vid_in_dim = 4;
    c.vid_out_dim = 4;
    c.audio_in_dim = 6;
    c.audio_out_dim = 6;
    c.speaker_dim = 12;
    return c;
}

DitInputs tiny_inputs(const DitConfig& c, int64_t frames, int64_t audio_len) {
    DitInputs in;
    in.video = {at::randn({c.vid_in_dim, frames, 4, 6})};
    in.audio = {at::randn({audio_len, c.audio_in_dim})};
    in.video_context = {at::randn({5, c.text_dim})};
    in.audio_context = in.video_context;
    in.timestep = at::tensor({500.0});
    return in;
}

}  // namespace

TEST(DitConfig, Nava6bParameterCountAndKeysMatchTheReference) {
    const DitConfig c = nava_6b_config();
    EXPECT_EQ(dit_parameter_count(c), 6296995520LL);
    nn::MetaParameterScope meta;
    DitModel m(c);
    EXPECT_EQ(nn::parameter_count(m), 6296995520LL);

    const auto keys_path = test::fixtures_dir().parent_path() / "specs" / "dit_6b_keys.tsv";
    if (!std::filesystem::exists(keys_path)) GTEST_SKIP() << "specs not available";
    std::map<std::string, std::vector<int64_t>> expected;
    std::ifstream in(keys_path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
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
    std::map<std::string, std::vector<int64_t>> ours;
    for (const auto& p : m.named_parameters())
        ours[p.key()] = p.value().sizes().vec();
    EXPECT_EQ(ours.size(), expected.size());
    for (const auto& [k, shape] : expected) {
        ASSERT_TRUE(ours.count(k)) << "missing " << k;
        EXPECT_EQ(ours[k], shape) << k;
    }
}

TEST(DitConfig, ReadsKwargsAndRejectsUnsupportedValues) {
    const auto kwargs = nlohmann::json::parse(
        R"({"model_type":"ti2v","patch_size":[1,2,2],"dim":96,"num_heads":3,"ffn_dim":128,
            "num_layers":3,"num_double_layers":1,"num_single_layers":2,"text_len":10,
            "text_dim":20,"window_size":[-1,-1],"eps":1e-6})");
    const DitConfig c = dit_config_from_json(kwargs, "k.json");
    EXPECT_EQ(c.dim, 96);
    EXPECT_EQ(c.head_dim(), 32);
    EXPECT_EQ(c.rope_pairs(), (std::array<int64_t, 3>{6, 5, 5}));
    EXPECT_EQ(nava_6b_config().rope_pairs(), (std::array<int64_t, 3>{22, 21, 21}));
    EXPECT_EQ(nava_6b_config().audio_mlp_hidden(), 8192);
    auto bad = kwargs;
    bad["num_layers"] = 4;
    EXPECT_THROW(dit_config_from_json(bad, "k.json"), ConfigError);
    bad = kwargs;
    bad["dim"] = 100;
    EXPECT_THROW(dit_config_from_json(bad, "k.json"), ConfigError);
    bad = kwargs;
    bad["window_size"] = {16, 16};
    EXPECT_THROW(dit_config_from_json(bad, "k.json"), ConfigError);
    // Round trip through JSON.
    const DitConfig back = dit_config_from_json(dit_config_to_json(c), "round-trip");
    EXPECT_EQ(dit_parameter_count(back), dit_parameter_count(c));
}

TEST(DitWeights, ClosedFormCountEqualsModulesForVariousConfigs) {
    for (bool split : {false, true}) {
        for (bool spk : {false, true}) {
            DitConfig c = tiny_config();
            c.no_split_norm_ffn = !split;
            c.add_spk_emb = spk;
            c.patch_size = {1, 2, 3};
            DitModel m(c);
            EXPECT_EQ(nn::parameter_count(m), dit_parameter_count(c)) << split << spk;
        }
    }
}

TEST(DitWeights, LoadsBackbonePrefixAndDequantisesFp8WithScales) {
    const DitConfig c = tiny_config();
    DitModel source(c);
    init_dit_weights(source, 7);
    // Write the state dict nested under "backbone.", the block FFN input weights as fp8 + scale.
    std::vector<io::NamedTensor> tensors;
    int fp8_count = 0;
    for (const auto& p : source.named_parameters()) {
        const std::string name = "backbone." + p.key();
        if (p.key().find("ffn.0.weight") != std::string::npos) {
            auto [bits, scale] = io::quantize_f8_e4m3_rows(p.value());
            tensors.push_back({name, bits, io::DType::F8_E4M3});
            tensors.push_back({name + "_scale", scale.to(at::kBFloat16), std::nullopt});
            ++fp8_count;
        } else {
            tensors.push_back({name, p.value().detach(), std::nullopt});
        }
    }
    tensors.push_back({"vae.extra", at::zeros({2}), std::nullopt});
    const auto dir = test::scratch_dir("dit_fp8_prefix");
    io::save_safetensors(dir / "NAVA_fp8.safetensors", tensors);

    const auto file = io::open_tensor_source(dir / "NAVA_fp8.safetensors");
    DitModel loaded(c);
    const auto result = load_dit_weights(loaded, *file, at::kFloat);
    EXPECT_EQ(result.prefix, "backbone.");
    EXPECT_EQ(result.fp8.fp8_tensors, fp8_count);
    EXPECT_EQ(result.fp8.scaled_tensors, fp8_count);
    EXPECT_EQ(result.report.outside_prefix, std::vector<std::string>{"vae.extra"});
    EXPECT_NE(result.summary("f").find("fp8 weights"), std::string::npos);
    // fp8 weights are close (E4M3 relative step 1/8 at most), everything else exact.
    const auto a = source.named_parameters(), b = loaded.named_parameters();
    for (const auto& p : a) {
        const at::Tensor other = b[p.key()];
        if (p.key().find("ffn.0.weight") != std::string::npos) {
            const double rel =
                ((other - p.value()).abs().max() / p.value().abs().max()).item<double>();
            EXPECT_LT(rel, 0.07) << p.key();
            EXPECT_GT(rel, 0.0) << p.key();
        } else {
            EXPECT_TRUE(at::equal(other, p.value())) << p.key();
        }
    }
}

TEST(DitWeights, MissingKeysAreNamed) {
    const DitConfig c = tiny_config();
    DitModel m(c);
    init_dit_weights(m, 1);
    std::vector<io::NamedTensor> tensors;
    for (const auto& p : m.named_parameters())
        if (p.key() != "head.modulation")
            tensors.push_back({p.key(), p.value().detach(), std::nullopt});
    const auto dir = test::scratch_dir("dit_missing");
    io::save_safetensors(dir / "w.safetensors", tensors);
    DitModel target(c);
    try {
        load_dit_weights(target, *io::open_tensor_source(dir / "w.safetensors"), at::kFloat);
        FAIL();
    } catch (const StateDictError& e) {
        EXPECT_NE(std::string(e.what()).find("head.modulation"), std::string::npos);
    }
}

TEST(DitModel, AudioOnlyVideoOnlyAndBatchedPassesAreConsistent) {
    at::NoGradGuard no_grad;
    at::manual_seed(0);
    const DitConfig c = tiny_config();
    DitModel m(c);
    init_dit_weights(m, 3);
    // Non-zero heads so that the outputs depend on everything.
    for (auto& p : m.named_parameters())
        if (p.key().rfind("head", 0) == 0) p.value().normal_(0, 0.1);
    const DitInputs in = tiny_inputs(c, 3, 7);
    const DitOutputs both = m.forward(in);
    ASSERT_EQ(both.video.size(), 1u);
    EXPECT_EQ(both.video[0].sizes(), in.video[0].sizes());
    EXPECT_EQ(both.audio[0].sizes(), in.audio[0].sizes());

    // Text-to-audio: no video at all.
    DitInputs audio_only = in;
    audio_only.video.clear();
    audio_only.video_context.clear();
    const DitOutputs a = m.forward(audio_only);
    EXPECT_TRUE(a.video.empty());
    EXPECT_EQ(a.audio[0].sizes(), in.audio[0].sizes());
    EXPECT_FALSE(at::allclose(a.audio[0], both.audio[0]));  // video tokens influenced audio

    // Modality masking isolates the audio stream from the video tokens completely.
    DitInputs masked = in;
    masked.modality_masking = true;
    DitInputs masked_other_video = masked;
    masked_other_video.video = {at::randn_like(in.video[0])};
    EXPECT_FALSE(at::allclose(m.forward(masked).audio[0], both.audio[0]));
    EXPECT_TRUE(at::allclose(m.forward(masked).audio[0], m.forward(masked_other_video).audio[0],
                             1e-5, 1e-6));

    // Two passes in one batch (different contexts) equal the same passes run separately.
    DitInputs pair = in;
    const at::Tensor other_ctx = at::randn({3, c.text_dim});
    pair.video = {in.video[0], in.video[0]};
    pair.audio = {in.audio[0], in.audio[0]};
    pair.video_context = {in.video_context[0], other_ctx};
    pair.audio_context = pair.video_context;
    DitInputs second = in;
    second.video_context = {other_ctx};
    second.audio_context = second.video_context;
    const DitOutputs batched = m.forward(pair);
    EXPECT_TRUE(at::allclose(batched.video[0], both.video[0], 1e-4, 1e-5));
    EXPECT_TRUE(at::allclose(batched.video[1], m.forward(second).video[0], 1e-4, 1e-5));
}

TEST(DitModel, PerSampleMaskingInOneBatchEqualsSeparateCalls) {
    at::NoGradGuard no_grad;
    const DitConfig c = tiny_config();
    DitModel m(c);
    init_dit_weights(m, 9);
    for (auto& p : m.named_parameters())
        if (p.key().rfind("head", 0) == 0) p.value().normal_(0, 0.1);
    const DitInputs one = tiny_inputs(c, 2, 5);
    DitInputs masked = one;
    masked.modality_masking = true;
    DitInputs pair = one;
    pair.video = {one.video[0], one.video[0], one.video[0]};
    pair.audio = {one.audio[0], one.audio[0], one.audio[0]};
    pair.video_context = {one.video_context[0], one.video_context[0], one.video_context[0]};
    pair.audio_context = pair.video_context;
    pair.masked_samples = {false, true, false};
    const DitOutputs batched = m.forward(pair);
    const DitOutputs joint = m.forward(one), alone = m.forward(masked);
    EXPECT_TRUE(at::allclose(batched.audio[0], joint.audio[0], 1e-4, 1e-5));
    EXPECT_TRUE(at::allclose(batched.audio[1], alone.audio[0], 1e-4, 1e-5));
    EXPECT_TRUE(at::allclose(batched.video[2], joint.video[0], 1e-4, 1e-5));
    EXPECT_FALSE(at::allclose(alone.audio[0], joint.audio[0], 1e-4, 1e-5));
}

TEST(DitModel, SpeakerTokensReplaceContextRowsAndNullRows) {
    at::NoGradGuard no_grad;
    const DitConfig c = tiny_config();
    DitModel m(c);
    init_dit_weights(m, 5);
    for (auto& p : m.named_parameters())
        if (p.key().find("null_token") != std::string::npos) p.value().normal_();
    DitInputs in = tiny_inputs(c, 1, 3);
    in.speaker_embeddings = at::cat({at::randn({1, c.speaker_dim}), at::zeros({1, c.speaker_dim})});
    in.speaker_positions = std::vector<std::vector<int64_t>>{{1, 4}};
    const ContextOutputs ctx = m.context_for(in);
    EXPECT_TRUE(at::allclose(ctx.context[0][1], ctx.speaker_tokens[0]));
    EXPECT_TRUE(at::allclose(ctx.context[0][4], m.speaker_embedding()->null_token[0]));
    EXPECT_TRUE(at::equal(ctx.context[0][2], ctx.projected[0][2]));
    // Two voices for three positions cannot be bound.
    in.speaker_positions = std::vector<std::vector<int64_t>>{{1, 2, 4}};
    EXPECT_THROW(m.context_for(in), Error);
    // One voice is broadcast.
    in.speaker_embeddings = at::randn({1, c.speaker_dim});
    const ContextOutputs one = m.context_for(in);
    EXPECT_TRUE(at::allclose(one.context[0][1], one.context[0][4]));
    // Without voices the video-path context is used and nothing is replaced.
    in.speaker_embeddings.reset();
    EXPECT_TRUE(at::equal(m.context_for(in).context, m.context_for(in).projected));
}

TEST(DitModel, RejectsBadInputsWithClearMessages) {
    const DitConfig c = tiny_config();
    DitModel m(c);
    DitInputs in = tiny_inputs(c, 2, 4);
    in.video = {at::randn({c.vid_in_dim, 2, 5, 6})};  // odd height
    EXPECT_THROW(m.forward(in), Error);
    in = tiny_inputs(c, 2, 4);
    in.audio = {at::randn({4, c.audio_in_dim + 1})};
    EXPECT_THROW(m.forward(in), Error);
    in = tiny_inputs(c, 2, 4);
    in.video_context = {at::randn({c.text_len + 1, c.text_dim})};
    in.audio_context = in.video_context;
    EXPECT_THROW(m.forward(in), Error);
}
