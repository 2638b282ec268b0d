// ReDimNet-M against the reference tensors of the speaker fixture: every intermediate in
// float32 (vs out.* and out64.*), float64 (vs out64.*, tight), bfloat16 (embedding cosine),
// batching and strict loading.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include "inference/core/error.h"
#include "inference/core/runtime.h"
#include "inference/io/state_dict.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "tests/inference/speaker/speaker_test_util.h"

using namespace nava::speaker;
using namespace nava::speaker::test;

namespace {

// The manifest's contract: |ours - ref| <= 2e-4 · max|ref| for every tensor.
constexpr double kF32Tol = 2e-4;

struct FixtureRun {
    ReDimNetTrace trace;
};

FixtureRun run(const Fixture& fx, at::ScalarType dtype) {
    const SpeakerEncoder enc(fx.config, *fx.weights, dtype);
    FixtureRun r;
    enc.forward(fx.wave(), &r.trace);
    return r;
}

const FixtureRun& run_f32(const Fixture& fx) {
    static const FixtureRun r = run(fx, at::kFloat);
    return r;
}

}  // namespace

TEST(RedimnetFixture, ConfigIsTheMModel) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    EXPECT_EQ(fx.config.F, 72);
    EXPECT_EQ(fx.config.C, 16);
    EXPECT_EQ(fx.config.stages.size(), 6u);
    EXPECT_EQ(fx.config.embed_dim, 192);
    EXPECT_EQ(fx.config.pool_out_dim(), 2304);
    // Model keys = checkpoint keys: 364 tensors including buffers and counters.
    ReDimNet model(fx.config);
    std::size_t n = model.named_parameters(true).size() + model.named_buffers(true).size();
    EXPECT_EQ(n, fx.weights->names().size());
    EXPECT_EQ(n, 364u);
}

TEST(RedimnetFixture, FrontendBuffersMatchTheFormulas) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const at::Tensor fb = fx.weights->tensor_as("spec.torchfbank.2.mel_scale.fb", at::kDouble);
    const at::Tensor win =
        fx.weights->tensor_as("spec.torchfbank.2.spectrogram.window", at::kDouble);
    // torchaudio builds the filterbank in float32: within 6.3e-6 of the exact one (README).
    EXPECT_LT(
        (fb - MelBanks::mel_filterbank(fx.config.mel, at::kDouble)).abs().max().item<double>(),
        1e-5);
    EXPECT_LT((win - MelBanks::hamming_window(400, at::kDouble)).abs().max().item<double>(), 1e-6);
}

TEST(RedimnetFixture, Float32FeaturesMatch) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const auto& t = run_f32(fx).trace;
    ASSERT_EQ(t.features.sizes(), (at::IntArrayRef{1, 72, 201}));
    // Same constants and float32 arithmetic as the reference: far inside the contract.
    EXPECT_LT(rel_max_err(t.features, fx.ref("out.features")), 2e-6);
    EXPECT_LT(rel_max_err(t.features, fx.ref("out64.features")), kF32Tol);
}

TEST(RedimnetFixture, Float32StagesMatch) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const auto& t = run_f32(fx).trace;
    ASSERT_EQ(t.stem.sizes(), (at::IntArrayRef{1, 1152, 201}));
    ASSERT_EQ(t.stages.size(), 6u);
    for (std::size_t i = 0; i < t.stages.size(); ++i) {
        const std::string key = "stage" + std::to_string(i);
        SCOPED_TRACE(key);
        ASSERT_EQ(t.stages[i].sizes(), (at::IntArrayRef{1, 1152, 201}));
        EXPECT_LT(rel_max_err(t.stages[i], fx.ref("out." + key)), 2e-5);
        EXPECT_LT(rel_max_err(t.stages[i], fx.ref("out64." + key)), kF32Tol);
    }
}

TEST(RedimnetFixture, Float32PoolingAndEmbeddingMatch) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const auto& t = run_f32(fx).trace;
    for (const std::string key : {"pooled", "pooled_bn", "embedding"}) {
        SCOPED_TRACE(key);
        const at::Tensor ours = key == "pooled"      ? t.pooled
                                : key == "pooled_bn" ? t.pooled_bn
                                                     : t.embedding;
        EXPECT_LT(rel_max_err(ours, fx.ref("out." + key)), 2e-5);
        EXPECT_LT(rel_max_err(ours, fx.ref("out64." + key)), kF32Tol);
    }
    ASSERT_EQ(t.embedding.sizes(), (at::IntArrayRef{1, 192}));
    EXPECT_GE(cosine(t.embedding, fx.ref("out64.embedding")), 1.0 - 1e-7);
    // Not L2-normalised: the reference norm is 24.5.
    EXPECT_NEAR(t.embedding.norm().item<double>(), fx.ref("out.embedding").norm().item<double>(),
                1e-3);
}

TEST(RedimnetFixture, Float64MatchesTheFloat64ReferenceTightly) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const FixtureRun r = run(fx, at::kDouble);
    const auto& t = r.trace;
    ASSERT_EQ(t.embedding.scalar_type(), at::kDouble);
    // Exact float64 front-end constants: the README measured 3e-15 between backends.
    EXPECT_LT(rel_max_err(t.features, fx.ref("out64.features")), 1e-9);
    for (std::size_t i = 0; i < t.stages.size(); ++i)
        EXPECT_LT(rel_max_err(t.stages[i], fx.ref("out64.stage" + std::to_string(i))), 1e-9)
            << "stage " << i;
    EXPECT_LT(rel_max_err(t.pooled, fx.ref("out64.pooled")), 1e-9);
    EXPECT_LT(rel_max_err(t.pooled_bn, fx.ref("out64.pooled_bn")), 1e-9);
    EXPECT_LT(rel_max_err(t.embedding, fx.ref("out64.embedding")), 1e-9);
}

TEST(RedimnetFixture, BFloat16EmbeddingKeepsDirection) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const SpeakerEncoder enc(fx.config, *fx.weights, at::kBFloat16);
    const at::Tensor emb = enc.forward(fx.wave());
    EXPECT_EQ(emb.scalar_type(), at::kBFloat16);
    EXPECT_GE(cosine(emb, fx.ref("out64.embedding")), 0.999);
    EXPECT_EQ(enc.embed(fx.wave()).scalar_type(), at::kFloat);
}

TEST(RedimnetFixture, BatchRowsEqualSingleRuns) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const SpeakerEncoder enc(fx.config, *fx.weights);
    const at::Tensor a = fx.wave();
    const at::Tensor b = a.flip({1}) * 0.5;
    const at::Tensor both = enc.embed(at::cat({a, b}, 0));  // [2, 192]
    ASSERT_EQ(both.sizes(), (at::IntArrayRef{2, 192}));
    EXPECT_LT(rel_max_err(both[0], enc.embed(a)[0]), 1e-5);
    EXPECT_LT(rel_max_err(both[1], enc.embed(b)[0]), 1e-5);
    // 1-D input is a batch of one.
    EXPECT_LT(rel_max_err(enc.embed(a.squeeze(0)), enc.embed(a)), 1e-6);
}

TEST(RedimnetFixture, OtherLengthsAgreeBetweenFloat32AndFloat64) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    const SpeakerEncoder f32(fx.config, *fx.weights, at::kFloat);
    const SpeakerEncoder f64(fx.config, *fx.weights, at::kDouble);
    for (int64_t n : {257, 4001, 20800, 32000 - 79}) {
        SCOPED_TRACE(n);
        const at::Tensor w = fx.wave().slice(1, 0, n);
        ReDimNetTrace t32, t64;
        f32.forward(w, &t32);
        f64.forward(w, &t64);
        EXPECT_EQ(t32.features.size(2), 1 + n / 160);
        // float32 vs float64 here differ by the float32 filterbank (~1e-5 relative).
        EXPECT_LT(rel_max_err(t32.features, t64.features), kF32Tol);
        EXPECT_LT(rel_max_err(t32.embedding, t64.embedding), kF32Tol);
    }
    EXPECT_THROW(f32.embed(fx.wave().slice(1, 0, 256)), nava::Error);
}

TEST(RedimnetFixture, StrictLoadingNamesMissingAndUnexpectedKeys) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    MapSource src;
    for (const auto& name : fx.weights->names())
        src.tensors[name] = fx.weights->tensor(name);
    src.tensors.erase("backbone.stage3.8.tcm.1.attention.q_proj.weight");
    src.tensors["backbone.stage9.0.w"] = at::zeros({1});
    try {
        SpeakerEncoder enc(fx.config, src);
        FAIL() << "loading should fail";
    } catch (const nava::StateDictError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("backbone.stage3.8.tcm.1.attention.q_proj.weight"), std::string::npos);
        EXPECT_NE(msg.find("backbone.stage9.0.w"), std::string::npos);
    }
}

TEST(RedimnetFixture, GlobalContextConfigRejectsTheMWeightsByShape) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    Fixture fx = Fixture::open();
    fx.config.global_context_att = true;  // pool.linear1.weight would be [128, 3456, 1]
    try {
        SpeakerEncoder enc(fx.config, *fx.weights);
        FAIL() << "loading should fail";
    } catch (const nava::StateDictError& e) {
        EXPECT_NE(std::string(e.what()).find("pool.linear1.weight"), std::string::npos);
    }
}

TEST(RedimnetFixture, LoadReadsTheConfigFromMetadataOrSidecar) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    const Fixture fx = Fixture::open();
    // The fixture's weights file carries `config` in its metadata.
    const SpeakerEncoder enc = SpeakerEncoder::load(fixture_dir() / "weights.safetensors");
    EXPECT_EQ(enc.embed_dim(), 192);
    EXPECT_LT(rel_max_err(enc.embed(fx.wave()), fx.ref("out.embedding")), 2e-5);

    // Without metadata: a sidecar JSON {"model_config": {...}} beside the file, and keys under
    // the `state_dict.` prefix of the reference checkpoint layout.
    const auto dir = nava::test::scratch_dir("speaker_load_sidecar");
    std::vector<nava::io::NamedTensor> tensors;
    for (const auto& name : fx.weights->names())
        tensors.push_back({"state_dict." + name, fx.weights->tensor(name), std::nullopt});
    nava::io::save_safetensors(dir / "redimnet.safetensors", tensors);
    EXPECT_THROW(SpeakerEncoder::load(dir / "redimnet.safetensors"), nava::ConfigError);
    {
        std::ofstream side(dir / "redimnet.json");
        side << "{\"model_config\": " << fx.io->metadata().at("config") << "}";
    }
    const SpeakerEncoder enc2 = SpeakerEncoder::load(dir / "redimnet.safetensors");
    EXPECT_LT(rel_max_err(enc2.embed(fx.wave()), fx.ref("out.embedding")), 2e-5);
}

TEST(RedimnetFixture, MismatchedFrontendConfigIsReported) {
    SKIP_WITHOUT_SPEAKER_FIXTURE();
    Fixture fx = Fixture::open();
    fx.config.mel.f_max_hz = 8000.0;  // the checkpoint's filterbank was built for 7600 Hz
    EXPECT_THROW(SpeakerEncoder(fx.config, *fx.weights), nava::ConfigError);
}
