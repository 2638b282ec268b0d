// Configurations the fixture does not cover (other widths, stage layouts, block types, pooling
// heads, optional layers): the modules carry the reference key names and shapes, load strictly,
// and run consistently in float32 and float64 for several batch sizes and lengths.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "inference/models/speaker/speaker_encoder.h"
#include "tests/inference/speaker/speaker_test_util.h"

using namespace nava::speaker;
using namespace nava::speaker::test;
using nlohmann::json;

namespace {

// A small model: F = 24, C = 8, three stages.
json small_config() {
    return json::parse(R"({"F": 24, "C": 8,
      "stages_setup": [[1, 1, 1, [[3, 3]], 4], [2, 2, 1, [[3, 3]], 8], [3, 1, 1, [[3, 3]], 4]],
      "group_divisor": 4, "embed_dim": 32})");
}

std::map<std::string, std::vector<int64_t>> shapes_of(const ReDimNet& model) {
    std::map<std::string, std::vector<int64_t>> out;
    for (const auto& p : model.named_parameters(true))
        out[p.key()] = p.value().sizes().vec();
    for (const auto& b : model.named_buffers(true))
        out[b.key()] = b.value().sizes().vec();
    return out;
}

// Builds the encoder with random weights in float32 and float64 and checks shapes and the
// agreement of the two precisions for a batch of `batch` waveforms of `samples` samples.
void check_runs(const ReDimNetConfig& config, int64_t batch, int64_t samples) {
    const MapSource src = random_weights(config, 7);
    const SpeakerEncoder f32(config, src, at::kFloat);
    const SpeakerEncoder f64(config, src, at::kDouble);
    at::manual_seed(3);
    const at::Tensor wave = (at::rand({batch, samples}) - 0.5) * 0.6;
    ReDimNetTrace t32, t64;
    const at::Tensor out32 = f32.forward(wave, &t32);
    const at::Tensor out64 = f64.forward(wave, &t64);
    const int64_t frames = 1 + samples / config.mel.hop_length;
    EXPECT_EQ(t32.features.sizes(), (at::IntArrayRef{batch, config.F, frames}));
    EXPECT_EQ(t32.stages.size(), config.stages.size());
    for (const auto& s : t32.stages)
        EXPECT_EQ(s.sizes(), (at::IntArrayRef{batch, config.width(), frames}));
    EXPECT_EQ(t32.pooled.sizes(), (at::IntArrayRef{batch, config.pool_out_dim()}));
    EXPECT_EQ(out32.size(0), batch);
    EXPECT_TRUE(at::isfinite(out32).all().item<bool>());
    // float32 vs float64 differ by the float32 front-end constants and arithmetic only.
    EXPECT_LT(rel_max_err(t32.pooled_bn, t64.pooled_bn), 2e-4);
    EXPECT_LT(rel_max_err(out32, out64), 2e-4);
    // Rows are independent of each other.
    if (batch > 1)
        EXPECT_LT(rel_max_err(f32.embed(wave.slice(0, 1, 2)), out32.slice(0, 1, 2)), 1e-4);
}

}  // namespace

TEST(RedimnetVariants, SmallModelKeysAndShapes) {
    const auto c = ReDimNetConfig::from_json(small_config(), "small");
    const auto shapes = shapes_of(ReDimNet(c));
    using V = std::vector<int64_t>;
    EXPECT_EQ(shapes.at("backbone.stem.0.weight"), (V{8, 1, 3, 3}));
    EXPECT_EQ(shapes.at("backbone.stage0.0.w"), (V{1, 1, 1, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.0.w"), (V{1, 2, 192, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.2.weight"), (V{16, 8, 2, 1}));
    EXPECT_EQ(shapes.at("backbone.stage2.2.weight"), (V{48, 16, 3, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.4.conv_block.dwconvs.0.weight"), (V{16, 4, 3, 3}));
    EXPECT_EQ(shapes.at("backbone.stage1.6.red_dim_conv.0.weight"), (V{24, 192, 1}));
    EXPECT_EQ(shapes.at("backbone.stage2.5.tcm.0.conv.weight"), (V{48, 1, 59}));
    EXPECT_EQ(shapes.at("backbone.stage2.5.tcm.1.feed_forward.intermediate_dense.weight"),
              (V{96, 48}));
    EXPECT_EQ(shapes.at("backbone.fin_wght1d.w"), (V{1, 4, 192, 1}));
    EXPECT_EQ(shapes.at("pool.linear1.weight"), (V{128, 192, 1}));
    EXPECT_EQ(shapes.at("linear.weight"), (V{32, 384}));
    EXPECT_EQ(shapes.at("spec.torchfbank.2.mel_scale.fb"), (V{257, 24}));
    EXPECT_EQ(shapes.at("bn.num_batches_tracked"), (V{}));
    check_runs(c, 2, 8000);
}

TEST(RedimnetVariants, GlobalContextAttentivePooling) {
    json j = small_config();
    j["global_context_att"] = true;
    const auto c = ReDimNetConfig::from_json(j, "gca");
    EXPECT_EQ(shapes_of(ReDimNet(c)).at("pool.linear1.weight"),
              (std::vector<int64_t>{128, 576, 1}));
    check_runs(c, 3, 5000);
}

TEST(RedimnetVariants, StatisticsPoolingHeads) {
    for (const char* name : {"TSTP", "TAP", "TMAP", "TSDP"}) {
        SCOPED_TRACE(name);
        json j = small_config();
        j["pooling_func"] = name;
        const auto c = ReDimNetConfig::from_json(j, name);
        const auto shapes = shapes_of(ReDimNet(c));
        EXPECT_EQ(shapes.count("pool.linear1.weight"), 0u);
        const int64_t out = std::string(name) == "TSTP" ? 384 : 192;
        EXPECT_EQ(shapes.at("bn.weight"), (std::vector<int64_t>{out}));
        check_runs(c, 1, 3300);
    }
}

TEST(RedimnetVariants, MultiHeadPoolingHeads) {
    json j = small_config();
    j["pooling_func"] = "MHASTP";
    auto c = ReDimNetConfig::from_json(j, "mhastp");
    auto shapes = shapes_of(ReDimNet(c));
    EXPECT_EQ(shapes.at("pool.heads_att_trans.1.att_0.weight"), (std::vector<int64_t>{64, 96, 1}));
    EXPECT_EQ(shapes.at("pool.heads_att_trans.1.att_1.weight"), (std::vector<int64_t>{1, 64, 1}));
    check_runs(c, 2, 4000);

    j["pooling_func"] = "MQMHASTP";
    c = ReDimNetConfig::from_json(j, "mqmhastp");
    shapes = shapes_of(ReDimNet(c));
    EXPECT_EQ(shapes.at("pool.n_query.1.heads_att_trans.7.att_1.weight"),
              (std::vector<int64_t>{24, 64, 1}));
    EXPECT_EQ(shapes.at("bn.weight"), (std::vector<int64_t>{768}));
    check_runs(c, 1, 4000);
}

TEST(RedimnetVariants, OneDimensionalBlockTypes) {
    for (const char* type : {"fc", "conv", "conv+att"}) {
        SCOPED_TRACE(type);
        json j = small_config();
        j["block_1d_type"] = type;
        const auto c = ReDimNetConfig::from_json(j, type);
        const auto shapes = shapes_of(ReDimNet(c));
        const std::string t = type;
        if (t == "fc") {
            EXPECT_EQ(shapes.at("backbone.stage0.5.tcm.3.weight"),
                      (std::vector<int64_t>{48, 96, 1}));
        } else if (t == "conv") {
            EXPECT_EQ(shapes.at("backbone.stage0.5.tcm.3.dwconvs.2.weight"),
                      (std::vector<int64_t>{48, 1, 31}));
            EXPECT_EQ(shapes.at("backbone.stage0.5.tcm.3.pwconv1.weight"),
                      (std::vector<int64_t>{48, 144, 1}));
        } else {
            EXPECT_EQ(shapes.at("backbone.stage0.5.tcm.3.dwconvs.0.weight"),
                      (std::vector<int64_t>{48, 1, 59}));
            EXPECT_EQ(shapes.at("backbone.stage0.5.tcm.4.feed_forward.intermediate_dense.weight"),
                      (std::vector<int64_t>{48, 48}));
        }
        check_runs(c, 2, 3000);
    }
}

TEST(RedimnetVariants, ResNetBlocksAndChannelExpansion) {
    json j = small_config();
    j["block_2d_type"] = "basic_resnet_fwse";
    j["stages_setup"][1][2] = 2;  // conv_exp 2: blocks at 32 channels, then a squeeze to 16
    const auto c = ReDimNetConfig::from_json(j, "resnet");
    const auto shapes = shapes_of(ReDimNet(c));
    using V = std::vector<int64_t>;
    EXPECT_EQ(shapes.at("backbone.stage1.2.weight"), (V{32, 8, 2, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.3.conv_block.conv1.weight"), (V{32, 4, 3, 3}));
    EXPECT_EQ(shapes.at("backbone.stage1.3.conv_block.conv1pw.weight"), (V{32, 32, 1, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.3.conv_block.se.squeeze.weight"), (V{32, 12}));
    EXPECT_EQ(shapes.at("backbone.stage1.5.0.weight"), (V{16, 8, 3, 3}));  // squeeze conv
    EXPECT_EQ(shapes.at("backbone.stage1.5.1.running_var"), (V{16}));
    EXPECT_EQ(shapes.at("backbone.stage1.5.3.weight"), (V{16, 16, 1, 1}));
    EXPECT_EQ(shapes.at("backbone.stage1.7.exp_dim_conv.weight"), (V{192, 24, 1}));
    check_runs(c, 2, 4000);

    j["block_2d_type"] = "convnext_like_relu";
    j["group_divisor"] = nullptr;  // dense 3x3 convs
    const auto c2 = ReDimNetConfig::from_json(j, "relu");
    EXPECT_EQ(shapes_of(ReDimNet(c2)).at("backbone.stage1.3.conv_block.dwconvs.0.weight"),
              (V{32, 32, 3, 3}));
    check_runs(c2, 1, 4000);
}

TEST(RedimnetVariants, OptionalHeadLayersAndFrontendOptions) {
    json j = small_config();
    j["out_channels"] = 64;
    j["emb_bn"] = true;
    j["num_classes"] = 10;
    j["stages_setup"][2][4] = nullptr;  // last stage without a 1D block
    j["spec_params"] = json::parse(R"({"spec_norm": "bn", "norm_signal": true, "f_max": null})");
    const auto c = ReDimNetConfig::from_json(j, "heads");
    const auto shapes = shapes_of(ReDimNet(c));
    using V = std::vector<int64_t>;
    EXPECT_EQ(shapes.at("backbone.mfa.0.weight"), (V{64, 192, 1}));
    EXPECT_EQ(shapes.at("backbone.mfa.1.running_mean"), (V{64}));
    EXPECT_EQ(shapes.at("pool.linear1.weight"), (V{128, 64, 1}));
    EXPECT_EQ(shapes.at("bn2.weight"), (V{32}));
    EXPECT_EQ(shapes.at("cls_head.2.weight"), (V{10, 32}));
    EXPECT_EQ(shapes.at("spec.spec_norm.running_var"), (V{24}));
    EXPECT_EQ(shapes.count("backbone.stage2.5.red_dim_conv.0.weight"), 0u);

    const MapSource src = random_weights(c, 11);
    const SpeakerEncoder enc(c, src);
    ReDimNetTrace t;
    const at::Tensor logits = enc.forward(at::randn({2, 4000}) * 0.1, &t);
    EXPECT_EQ(logits.sizes(), (at::IntArrayRef{2, 10}));
    EXPECT_EQ(t.embedding.sizes(), (at::IntArrayRef{2, 32}));
    check_runs(c, 2, 4000);
}

TEST(RedimnetVariants, MvnAndNoPreemphasisFrontend) {
    json j = small_config();
    j["spec_params"] = json::parse(R"({"spec_norm": "mvn", "do_preemph": false})");
    const auto c = ReDimNetConfig::from_json(j, "mvn");
    EXPECT_EQ(shapes_of(ReDimNet(c)).count("spec.torchfbank.1.flipped_filter"), 0u);
    const MapSource src = random_weights(c, 5);
    const SpeakerEncoder enc(c, src);
    ReDimNetTrace t;
    enc.forward(at::randn({1, 3200}) * 0.1, &t);
    // mvn: zero mean and unit (unbiased) std over time for every mel bin.
    EXPECT_LT(t.features.mean(-1).abs().max().item<double>(), 1e-5);
    EXPECT_LT((t.features.std({-1}) - 1).abs().max().item<double>(), 1e-4);
}

TEST(RedimnetVariants, FrontendMatchesADirectDftInFloat64) {
    // An independent spelling of the front-end: explicit frames of n_fft with the centred
    // window, explicit DFT sums via matrix products.
    const auto c = ReDimNetConfig::from_json(small_config(), "small");
    const MelBanks mel(c.mel);
    at::manual_seed(1);
    const int64_t n = 1234;
    const at::Tensor x = at::randn({1, n}, at::kDouble) * 0.2;
    const at::Tensor feats = mel.forward(x, at::kDouble);  // [1, 24, T]

    // pre-emphasis with x[-1] := x[1]
    at::Tensor y = x.clone();
    y.slice(1, 1).sub_(0.97 * x.slice(1, 0, -1));
    y.select(1, 0).sub_(0.97 * x.select(1, 1));
    const at::Tensor padded = at::reflection_pad1d(y.unsqueeze(1), {256, 256}).squeeze(1);
    const int64_t frames = 1 + n / 160;
    at::Tensor window = at::zeros({512}, at::kDouble);
    window.slice(0, 56, 456).copy_(MelBanks::hamming_window(400, at::kDouble));
    const at::Tensor k = at::arange(257, at::kDouble).unsqueeze(0);
    const at::Tensor t = at::arange(512, at::kDouble).unsqueeze(1);
    const at::Tensor cosb = at::cos(2 * M_PI * t * k / 512), sinb = at::sin(2 * M_PI * t * k / 512);
    at::Tensor power = at::zeros({frames, 257}, at::kDouble);
    for (int64_t f = 0; f < frames; ++f) {
        const at::Tensor frame = (padded[0].slice(0, f * 160, f * 160 + 512) * window).unsqueeze(0);
        power[f].copy_((at::matmul(frame, cosb).pow(2) + at::matmul(frame, sinb).pow(2))[0]);
    }
    at::Tensor ref = at::log(at::matmul(power, MelBanks::mel_filterbank(c.mel, at::kDouble)) + 1e-6)
                         .t();  // [24, T]
    ref = ref - ref.mean(-1, true);
    EXPECT_LT((feats[0] - ref).abs().max().item<double>(), 1e-9);
}
