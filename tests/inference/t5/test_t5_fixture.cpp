// umT5 encoder against the reference fixture (fixtures/t5): buckets, position bias, every
// layer, the trimmed/padded context, bf16 and float64 runs, and input errors.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/t5/relative_position.h"
#include "inference/models/t5/t5_config.h"
#include "inference/models/t5/t5_encoder.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::t5;

namespace {

struct T5Fixture {
    std::shared_ptr<io::SafetensorsFile> weights;
    std::shared_ptr<io::SafetensorsFile> io;
    T5Config config;

    at::Tensor ref(const std::string& key) const { return io->tensor(key); }
};

const T5Fixture* fixture() {
    static std::unique_ptr<T5Fixture> fx = [] {
        const auto dir = test::fixtures_dir() / "t5";
        if (!std::filesystem::exists(dir / "t5_tiny_weights.safetensors"))
            return std::unique_ptr<T5Fixture>();
        auto f = std::make_unique<T5Fixture>();
        f->weights = io::SafetensorsFile::open(dir / "t5_tiny_weights.safetensors");
        f->io = io::SafetensorsFile::open(dir / "t5_tiny_io.safetensors");
        f->config = T5Config::from_json_text(f->io->metadata().at("config"), "io config");
        return f;
    }();
    return fx.get();
}

#define REQUIRE_FIXTURE()            \
    const T5Fixture* fx = fixture(); \
    if (!fx) GTEST_SKIP() << "t5 fixture not found";

double max_abs(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

// Mask of the valid rows, [B, L, 1], as float64.
at::Tensor valid_rows(const at::Tensor& mask) {
    return mask.ne(0).to(at::kDouble).unsqueeze(-1);
}

}  // namespace

TEST(T5Config, ReadsTheFixtureConfigAndKnowsUmt5Xxl) {
    REQUIRE_FIXTURE();
    const T5Config& c = fx->config;
    EXPECT_EQ(c.vocab, 300);
    EXPECT_EQ(c.dim, 64);
    EXPECT_EQ(c.dim_ffn, 160);
    EXPECT_EQ(c.heads, 2);
    EXPECT_EQ(c.head_dim(), 32);
    EXPECT_EQ(c.layers, 2);
    EXPECT_EQ(c.buckets, 32);
    EXPECT_EQ(c.max_dist, 128);
    EXPECT_FALSE(c.shared_pos);
    EXPECT_TRUE(c.bidirectional);
    EXPECT_DOUBLE_EQ(c.eps, 1e-6);

    const T5Config xxl = T5Config::umt5_xxl();
    EXPECT_EQ(xxl.vocab, 256384);
    EXPECT_EQ(xxl.dim, 4096);
    EXPECT_EQ(xxl.dim_attn, 4096);
    EXPECT_EQ(xxl.dim_ffn, 10240);
    EXPECT_EQ(xxl.heads, 64);
    EXPECT_EQ(xxl.layers, 24);
    EXPECT_EQ(xxl.buckets, 32);
    EXPECT_EQ(xxl.max_dist, 128);
    EXPECT_FALSE(xxl.shared_pos);
}

TEST(T5Config, InfersSizesFromTheWeights) {
    REQUIRE_FIXTURE();
    const T5Config c = infer_t5_config(*fx->weights);
    EXPECT_EQ(c.vocab, 300);
    EXPECT_EQ(c.dim, 64);
    EXPECT_EQ(c.dim_attn, 64);
    EXPECT_EQ(c.dim_ffn, 160);
    EXPECT_EQ(c.heads, 2);
    EXPECT_EQ(c.layers, 2);
    EXPECT_EQ(c.buckets, 32);
    EXPECT_FALSE(c.shared_pos);
}

TEST(T5RelativePosition, BucketTableMatchesTheReference) {
    REQUIRE_FIXTURE();
    const at::Tensor rel = fx->ref("relpos_values");
    const at::Tensor expect = fx->ref("relpos_bucket");
    const at::Tensor got = relative_position_bucket(rel, fx->config.buckets, fx->config.max_dist,
                                                    fx->config.bidirectional);
    EXPECT_TRUE(at::equal(got, expect))
        << "first mismatch at " << (got != expect).nonzero().slice(0, 0, 1);
    // The documented shape of the table: exact near zero, keys after the query offset by 16.
    EXPECT_EQ(got[511].item<int64_t>(), 0);    // distance 0
    EXPECT_EQ(got[512].item<int64_t>(), 17);   // +1
    EXPECT_EQ(got[510].item<int64_t>(), 1);    // -1
    EXPECT_EQ(got[1022].item<int64_t>(), 31);  // +511, capped
    EXPECT_EQ(got[0].item<int64_t>(), 15);     // -511, capped
}

TEST(T5RelativePosition, BiasRowsMatchTheReference) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config);
    const int64_t length = fx->ref("ids").size(1);
    const at::Tensor bias = model->position_bias(0, length, length);  // [H, L, L]
    EXPECT_EQ(bias.sizes(), (at::IntArrayRef{2, length, length}));
    EXPECT_EQ(max_abs(bias.select(1, 0), fx->ref("pos_bias_layer0_row0")), 0.0);
    EXPECT_EQ(max_abs(bias.select(1, 300), fx->ref("pos_bias_layer0_row300")), 0.0);
}

TEST(T5Encoder, Float32MatchesEveryLayer) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config);
    T5Trace trace;
    const at::Tensor out = model->forward(fx->ref("ids"), fx->ref("mask"), &trace);
    EXPECT_EQ(out.scalar_type(), at::kFloat);
    EXPECT_EQ(max_abs(trace.embed, fx->ref("embed_out")), 0.0);
    ASSERT_EQ(trace.layers.size(), 2u);
    EXPECT_LT(max_abs(trace.layers[0], fx->ref("layer0_out")), 5e-5);
    EXPECT_LT(max_abs(trace.layers[1], fx->ref("layer1_out")), 5e-5);
    // Padded query rows are part of the reference output too.
    EXPECT_LT(max_abs(out, fx->ref("final_out")), 5e-5);
}

TEST(T5Encoder, ContextPaddedHasExactZerosBeyondTheRealLength) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config);
    const at::Tensor ids = fx->ref("ids"), mask = fx->ref("mask");
    const at::Tensor seq_lens = fx->ref("seq_lens");
    const auto trimmed = trim_contexts(model->forward(ids, mask), seq_lens);
    ASSERT_EQ(trimmed.size(), 2u);
    EXPECT_EQ(trimmed[0].size(0), 23);
    EXPECT_EQ(trimmed[1].size(0), 150);
    const at::Tensor padded = pad_contexts(trimmed, ids.size(1));
    const at::Tensor expect = fx->ref("context_padded");
    EXPECT_LT(max_abs(padded, expect), 5e-5);
    for (int64_t b = 0; b < 2; ++b) {
        const int64_t n = seq_lens[b].item<int64_t>();
        const at::Tensor tail = padded[b].slice(0, n);
        EXPECT_EQ(tail.abs().max().item<float>(), 0.0f) << "sequence " << b;
        EXPECT_EQ(expect[b].slice(0, n).abs().max().item<float>(), 0.0f);
    }
}

TEST(T5Encoder, PackedEncodeEqualsTheTrimmedFullForward) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config);
    const at::Tensor ids = fx->ref("ids"), mask = fx->ref("mask");
    const auto contexts = model->encode(ids, mask);
    const at::Tensor ref = fx->ref("final_out");
    ASSERT_EQ(contexts.size(), 2u);
    for (int64_t b = 0; b < 2; ++b) {
        const int64_t n = fx->ref("seq_lens")[b].item<int64_t>();
        ASSERT_EQ(contexts[b].sizes(), (at::IntArrayRef{n, 64}));
        EXPECT_LT(max_abs(contexts[b], ref[b].slice(0, 0, n)), 5e-5) << "sequence " << b;
    }
}

TEST(T5Encoder, Bfloat16RunStaysWithinTheLooseBound) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config, at::kBFloat16);
    EXPECT_EQ(model->token_embedding->weight.scalar_type(), at::kBFloat16);
    const at::Tensor mask = fx->ref("mask");
    const at::Tensor out = model->forward(fx->ref("ids"), mask);
    EXPECT_EQ(out.scalar_type(), at::kBFloat16);
    const at::Tensor ref = fx->ref("final_out_bf16").to(at::kDouble);
    const at::Tensor ours = out.to(at::kDouble);
    const at::Tensor w = valid_rows(mask);
    // README: bf16 vs float64 differ by up to 0.15 on valid rows (relative RMS ~1.8%).
    const double max_valid = ((ours - ref).abs() * w).max().item<double>();
    const double rel_rms =
        ((ours - ref).pow(2).mean().sqrt() / ref.pow(2).mean().sqrt()).item<double>();
    EXPECT_LT(max_valid, 0.25);
    EXPECT_LT(rel_rms, 0.03);
    // And it is a bf16 computation, not a float32 one rounded at the end.
    EXPECT_GT(max_abs(ours, fx->ref("final_out")), 1e-3);
}

TEST(T5Encoder, Float64AgreesWithTheFloat32Reference) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config, at::kDouble);
    T5Trace trace;
    const at::Tensor out = model->forward(fx->ref("ids"), fx->ref("mask"), &trace);
    EXPECT_EQ(out.scalar_type(), at::kDouble);
    // README: an independent float64 encoder is within 7.4e-6 of the float32 reference.
    EXPECT_LT(max_abs(out, fx->ref("final_out")), 2e-5);
    EXPECT_LT(max_abs(trace.layers[0], fx->ref("layer0_out")), 2e-5);
}

TEST(T5Encoder, RejectsIdsOutsideTheVocabularyAndBadShapes) {
    REQUIRE_FIXTURE();
    const auto model = load_t5_encoder(*fx->weights, fx->config);
    const at::Tensor mask = at::ones({1, 4}, at::kLong);
    try {
        model->forward(at::tensor({5, 300, 1, 0}, at::kLong).unsqueeze(0), mask);
        FAIL() << "id 300 accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("300"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("vocabulary"), std::string::npos) << e.what();
    }
    EXPECT_THROW(model->forward(at::tensor({5, -1, 1, 0}, at::kLong).unsqueeze(0), mask), Error);
    EXPECT_THROW(model->encode(at::tensor({5, 299, 1, 777}, at::kLong).unsqueeze(0), mask), Error);
    EXPECT_THROW(model->forward(at::zeros({1, 4}, at::kFloat), mask), Error);
    EXPECT_THROW(model->forward(at::zeros({1, 5}, at::kLong), mask), Error);
    EXPECT_NO_THROW(model->forward(at::tensor({5, 299, 1, 0}, at::kLong).unsqueeze(0), mask));
}

TEST(T5Encoder, StrictLoadNamesWrongShapes) {
    REQUIRE_FIXTURE();
    T5Config wrong = fx->config;
    wrong.dim_ffn = 128;
    try {
        load_t5_encoder(*fx->weights, wrong);
        FAIL() << "mismatched config loaded";
    } catch (const StateDictError& e) {
        EXPECT_NE(std::string(e.what()).find("blocks.0.ffn.fc1.weight"), std::string::npos);
    }
}
