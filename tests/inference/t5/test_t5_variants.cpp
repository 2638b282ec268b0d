// The encoder on configurations other than the fixture's (widths, head counts, depth, bucket
// settings, shared position table, batch sizes, masks with holes, empty sequences), checked in
// float64 against a dense re-implementation written directly from the reference math.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/t5/relative_position.h"
#include "inference/models/t5/t5_encoder.h"
#include "inference/models/t5/t5_parity.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::t5;

namespace {

std::shared_ptr<T5Encoder> random_encoder(const T5Config& c, uint64_t seed) {
    auto model = std::make_shared<T5Encoder>(c);
    model->to(at::kDouble);
    at::NoGradGuard no_grad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& p : model->named_parameters()) {
        const std::string& name = p.key();
        at::Tensor v = at::randn(p.value().sizes(), gen, at::kDouble);
        if (name.find("norm") != std::string::npos)
            v = 1.0 + 0.1 * v;
        else if (name.find("pos_embedding") != std::string::npos)
            v = 2.0 * v;
        else if (name.find("token_embedding") == std::string::npos)
            v = v / std::sqrt(static_cast<double>(p.value().size(1)));
        if (name.find("attn.q") != std::string::npos) v = 4.0 * v;  // sharp attention
        p.value().copy_(v);
    }
    return model;
}

// The reference encoder, dense: [B, H, L, L] scores, masked keys get the lowest value in place of
// the bias, every position a query.
at::Tensor dense_reference(const T5Encoder& m, const at::Tensor& ids, const at::Tensor& mask,
                           std::vector<at::Tensor>* per_layer = nullptr) {
    const T5Config& c = m.config();
    const int64_t B = ids.size(0), L = ids.size(1), H = c.heads, dh = c.head_dim();
    auto rms = [&](const at::Tensor& x, const at::Tensor& w) {
        return x * at::rsqrt(x.pow(2).mean(-1, true) + c.eps) * w;
    };
    auto linear = [](const at::Tensor& x, const std::shared_ptr<nn::Linear>& l) {
        return at::matmul(x, l->weight.t());
    };
    const at::Tensor pos = at::arange(L, at::kLong);
    const at::Tensor buckets = relative_position_bucket(pos.unsqueeze(0) - pos.unsqueeze(1),
                                                        c.buckets, c.max_dist, c.bidirectional);
    const at::Tensor key_masked = mask.eq(0).view({B, 1, 1, L});
    at::Tensor x = m.token_embedding->weight.index_select(0, ids.reshape({-1})).view({B, L, c.dim});
    for (int64_t i = 0; i < c.layers; ++i) {
        const auto& blk = *m.blocks[i];
        const at::Tensor table = c.shared_pos ? m.pos_embedding->embedding->weight
                                              : blk.pos_embedding->embedding->weight;
        const at::Tensor bias = table.index_select(0, buckets.reshape({-1}))
                                    .view({L, L, H})
                                    .permute({2, 0, 1});  // [H, L, L]
        const at::Tensor h = rms(x, blk.norm1->weight);
        const at::Tensor q = linear(h, blk.attn->q).view({B, L, H, dh});
        const at::Tensor k = linear(h, blk.attn->k).view({B, L, H, dh});
        const at::Tensor v = linear(h, blk.attn->v).view({B, L, H, dh});
        const at::Tensor attn_bias =
            bias.unsqueeze(0)
                .expand({B, H, L, L})
                .masked_fill(key_masked, std::numeric_limits<double>::lowest());
        const at::Tensor scores = at::einsum("binc,bjnc->bnij", {q, k}) + attn_bias;
        const at::Tensor probs = at::softmax(scores, -1);
        const at::Tensor ctx = at::einsum("bnij,bjnc->binc", {probs, v}).reshape({B, L, H * dh});
        x = x + linear(ctx, blk.attn->o);
        const at::Tensor h2 = rms(x, blk.norm2->weight);
        const at::Tensor g = linear(h2, blk.ffn->gate_proj);
        const at::Tensor gelu =
            0.5 * g * (1.0 + at::tanh(std::sqrt(2.0 / M_PI) * (g + 0.044715 * g.pow(3))));
        x = x + linear(linear(h2, blk.ffn->fc1) * gelu, blk.ffn->fc2);
        if (per_layer) per_layer->push_back(x);
    }
    return rms(x, m.norm->weight);
}

double max_abs(const at::Tensor& a, const at::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

at::Tensor prefix_mask(const std::vector<int64_t>& lengths, int64_t L) {
    at::Tensor m = at::zeros({static_cast<int64_t>(lengths.size()), L}, at::kLong);
    for (std::size_t b = 0; b < lengths.size(); ++b)
        m[static_cast<int64_t>(b)].slice(0, 0, lengths[b]).fill_(1);
    return m;
}

}  // namespace

TEST(T5Variants, ParameterNamesAreTheReferenceKeys) {
    T5Config c;
    c.vocab = 11, c.dim = 8, c.dim_attn = 6, c.dim_ffn = 10, c.heads = 2, c.layers = 2;
    c.buckets = 8, c.max_dist = 16;
    const T5Encoder per_layer(c);
    std::vector<std::string> names;
    for (const auto& p : per_layer.named_parameters())
        names.push_back(p.key());
    const std::vector<std::string> block1 = {
        "blocks.1.norm1.weight",      "blocks.1.attn.q.weight",
        "blocks.1.attn.k.weight",     "blocks.1.attn.v.weight",
        "blocks.1.attn.o.weight",     "blocks.1.norm2.weight",
        "blocks.1.ffn.gate.0.weight", "blocks.1.ffn.fc1.weight",
        "blocks.1.ffn.fc2.weight",    "blocks.1.pos_embedding.embedding.weight",
    };
    for (const auto& n : block1)
        EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    EXPECT_EQ(names.front(), "token_embedding.weight");
    EXPECT_EQ(names.back(), "norm.weight");
    EXPECT_EQ(names.size(), 1u + 2 * 10 + 1);

    c.shared_pos = true;
    const T5Encoder shared(c);
    std::vector<std::string> shared_names;
    for (const auto& p : shared.named_parameters())
        shared_names.push_back(p.key());
    EXPECT_EQ(shared_names.size(), 1u + 2 * 9 + 1 + 1);
    EXPECT_NE(std::find(shared_names.begin(), shared_names.end(), "pos_embedding.embedding.weight"),
              shared_names.end());
}

TEST(T5Variants, PerLayerTablesOtherWidthsAndMaskedHoles) {
    T5Config c;
    c.vocab = 50, c.dim = 48, c.dim_attn = 36, c.dim_ffn = 40, c.heads = 3, c.layers = 3;
    c.buckets = 16, c.max_dist = 20, c.text_len = 37;
    const auto model = random_encoder(c, 7);
    const int64_t L = 37;
    const at::Tensor ids =
        at::randint(0, c.vocab, {4, L}, at::make_generator<at::CPUGeneratorImpl>(3), at::kLong);
    at::Tensor mask = prefix_mask({37, 5, 20, 0}, L);
    mask[2][3] = 0;  // a hole: the mask is no longer a prefix
    mask[2][30] = 1;
    const at::Tensor expect = dense_reference(*model, ids, mask);
    const at::Tensor got = model->forward(ids, mask);
    EXPECT_LT(max_abs(got, expect), 1e-10);
    // The fully masked sequence attends uniformly, as the reference does.
    EXPECT_TRUE(at::isfinite(got[3]).all().item<bool>());

    const auto contexts = model->encode(ids, mask);
    ASSERT_EQ(contexts.size(), 4u);
    const std::vector<int64_t> lens = {37, 5, 20, 0};
    for (int64_t b = 0; b < 4; ++b) {
        ASSERT_EQ(contexts[b].size(0), lens[b]);
        if (lens[b] > 0) {
            EXPECT_LT(max_abs(contexts[b], expect[b].slice(0, 0, lens[b])), 1e-10);
        }
    }
}

TEST(T5Variants, SharedUnidirectionalTableAndPackedBatches) {
    T5Config c;
    c.vocab = 40, c.dim = 32, c.dim_attn = 32, c.dim_ffn = 24, c.heads = 4, c.layers = 2;
    c.buckets = 8, c.max_dist = 16, c.bidirectional = false, c.shared_pos = true;
    const auto model = random_encoder(c, 11);
    const int64_t L = 29;
    const at::Tensor ids =
        at::randint(0, c.vocab, {3, L}, at::make_generator<at::CPUGeneratorImpl>(5), at::kLong);
    const std::vector<int64_t> lens = {29, 0, 11};
    const at::Tensor mask = prefix_mask(lens, L);
    const at::Tensor expect = dense_reference(*model, ids, mask);
    EXPECT_LT(max_abs(model->forward(ids, mask), expect), 1e-10);

    // Packed path (all masks are prefixes): only real tokens are computed.
    const auto contexts = model->encode(ids, mask);
    for (int64_t b = 0; b < 3; ++b) {
        ASSERT_EQ(contexts[b].sizes(), (at::IntArrayRef{lens[b], 32}));
        if (lens[b] > 0) {
            EXPECT_LT(max_abs(contexts[b], expect[b].slice(0, 0, lens[b])), 1e-10);
        }
    }
    const at::Tensor padded = pad_contexts(contexts, 40);
    EXPECT_EQ(padded.sizes(), (at::IntArrayRef{3, 40, 32}));
    EXPECT_EQ(padded[1].abs().max().item<double>(), 0.0);
    EXPECT_EQ(padded[2].slice(0, 11).abs().max().item<double>(), 0.0);
    EXPECT_THROW(pad_contexts(contexts, 20), Error);
}

TEST(T5Variants, UnidirectionalBucketsIgnoreLaterKeys) {
    const at::Tensor rel = at::arange(-40, 41, at::kLong);
    const at::Tensor b = relative_position_bucket(rel, 8, 16, /*bidirectional=*/false);
    // Keys after the query all share bucket 0; earlier ones count distance.
    EXPECT_EQ(b.slice(0, 40).max().item<int64_t>(), 0);
    EXPECT_EQ(b[39].item<int64_t>(), 1);
    EXPECT_EQ(b[0].item<int64_t>(), 7);
    // Buckets never decrease with distance.
    const at::Tensor earlier = b.slice(0, 0, 41).flip(0);
    EXPECT_TRUE((earlier.slice(0, 1) >= earlier.slice(0, 0, -1)).all().item<bool>());
}

TEST(T5Variants, ConfigErrorsNameTheKey) {
    const std::string bad = R"({"dim": 64, "dim_attn": 64, "heads": 3})";
    try {
        T5Config::from_json_text(bad, "cfg.json");
        FAIL() << "dim_attn not divisible by heads accepted";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("cfg.json"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("heads"), std::string::npos);
    }
    EXPECT_THROW(T5Config::from_json_text(R"({"layers": 0})", "cfg"), ConfigError);
    EXPECT_THROW(T5Config::from_json_text(R"({"dim": "wide"})", "cfg"), ConfigError);
    const T5Config alias =
        T5Config::from_json_text(R"({"vocab_size": 99, "num_heads": 4, "num_layers": 3,
                                     "num_buckets": 16, "dim": 32, "dim_attn": 32})",
                                 "cfg");
    EXPECT_EQ(alias.vocab, 99);
    EXPECT_EQ(alias.heads, 4);
    EXPECT_EQ(alias.layers, 3);
    EXPECT_EQ(alias.buckets, 16);
}

TEST(T5Variants, ParityRunnerReadsEverySizeFromTheFixture) {
    // A fixture folder shaped like the reference one but with another width, depth, head count,
    // bucket setting, batch size and length: the runner must take all of it from the files.
    T5Config c;
    c.vocab = 64, c.dim = 40, c.dim_attn = 48, c.dim_ffn = 56, c.heads = 4, c.layers = 3;
    c.buckets = 12, c.max_dist = 30, c.text_len = 45;
    const auto model = random_encoder(c, 23);
    {
        at::NoGradGuard no_grad;
        for (auto& p : model->parameters())  // the fixture stores float32 weights
            p.copy_(p.to(at::kFloat).to(at::kDouble));
    }
    const int64_t L = 45;
    const at::Tensor ids =
        at::randint(0, c.vocab, {3, L}, at::make_generator<at::CPUGeneratorImpl>(9), at::kLong);
    const std::vector<int64_t> lens = {45, 17, 2};
    const at::Tensor mask = prefix_mask(lens, L);
    std::vector<at::Tensor> layers;
    const at::Tensor final_out = dense_reference(*model, ids, mask, &layers);

    const auto dir = test::scratch_dir("t5_variant_fixture");
    std::vector<io::NamedTensor> weights;
    for (const auto& p : model->named_parameters())
        weights.push_back({p.key(), p.value().to(at::kFloat), std::nullopt});
    io::save_safetensors(dir / "w.safetensors", weights);
    std::vector<io::NamedTensor> io_tensors = {
        {"ids", ids, std::nullopt},
        {"mask", mask, std::nullopt},
        {"seq_lens", at::tensor(lens, at::kLong), std::nullopt},
        {"embed_out",
         model->token_embedding->weight.index_select(0, ids.reshape({-1}))
             .view({3, L, c.dim})
             .to(at::kFloat),
         std::nullopt},
        {"final_out", final_out.to(at::kFloat), std::nullopt},
        {"context_padded", (final_out * mask.unsqueeze(-1)).to(at::kFloat), std::nullopt},
    };
    for (std::size_t i = 0; i < layers.size(); ++i)
        io_tensors.push_back(
            {"layer" + std::to_string(i) + "_out", layers[i].to(at::kFloat), std::nullopt});
    const at::Tensor rel = at::arange(L, at::kLong) - 7;  // keys 0..L-1 against query 7
    const at::Tensor row7 = model->blocks[2]->pos_embedding->embedding->weight.index_select(
        0, relative_position_bucket(rel, c.buckets, c.max_dist, true));  // [L, H]
    io_tensors.push_back({"pos_bias_layer2_row7", row7.t().to(at::kFloat), std::nullopt});
    const nlohmann::json config = {
        {"vocab", c.vocab},      {"dim", c.dim},           {"dim_attn", c.dim_attn},
        {"dim_ffn", c.dim_ffn},  {"heads", c.heads},       {"layers", c.layers},
        {"buckets", c.buckets},  {"max_dist", c.max_dist}, {"eps", c.eps},
        {"bidirectional", true}, {"shared_pos", false},    {"text_len", L}};
    io::save_safetensors(dir / "io.safetensors", io_tensors, {{"config", config.dump()}});
    nlohmann::json manifest = {{"component", "t5"},
                               {"files", {{"io", "io.safetensors"}, {"weights", "w.safetensors"}}},
                               {"inputs", {"ids", "mask", "seq_lens"}},
                               {"outputs", nlohmann::json::object()}};
    for (const char* key : {"embed_out", "layer0_out", "layer1_out", "layer2_out", "final_out",
                            "context_padded", "pos_bias_layer2_row7"})
        manifest["outputs"][key] = {{"atol", 5e-5}, {"rtol", 1e-4}, {"expect", key}};
    std::ofstream(dir / "manifest.json") << manifest.dump(1);

    std::ostringstream log;
    const auto result =
        parity::run_fixture(dir, dir / "out.safetensors", log, {{"t5", nava::t5::run_t5_parity}});
    EXPECT_TRUE(result.all_pass) << log.str();
    EXPECT_EQ(result.outputs.size(), 7u);
}
