// The DiT against the reference fixture: intermediates of the first blocks, every variant in
// float32 / float64 / bfloat16, RoPE tables.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/models/dit/dit_convert.h"
#include "inference/models/dit/dit_memory.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "inference/models/dit/rope.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::dit;

namespace {

struct Fixture {
    std::filesystem::path dir;
    nlohmann::json config;
    DitConfig dit;
    std::shared_ptr<io::SafetensorsFile> weights, cases;
};

const Fixture* fixture() {
    static Fixture f;
    static bool ok = false;
    static bool tried = false;
    if (!tried) {
        tried = true;
        f.dir = test::fixtures_dir() / "dit";
        if (!std::filesystem::exists(f.dir / "case.safetensors")) return nullptr;
        f.config = io::read_json_file(f.dir / "config.json");
        f.dit = dit_config_from_json(f.config["constructor_kwargs"], "config.json");
        f.weights = io::SafetensorsFile::open(f.dir / "weights.safetensors");
        f.cases = io::SafetensorsFile::open(f.dir / "case.safetensors");
        ok = true;
    }
    return ok ? &f : nullptr;
}

std::shared_ptr<DitModel> model(at::ScalarType dtype) {
    auto m = std::make_shared<DitModel>(fixture()->dit);
    load_dit_weights(*m, *fixture()->weights, dtype);
    return m;
}

at::Tensor reference(const std::string& key) {
    return fixture()->cases->tensor_as(key, at::kDouble);
}

DitInputs inputs(const std::string& variant, at::ScalarType dtype) {
    const auto& cases = *fixture()->cases;
    DitInputs in;
    auto list = [&](const std::string& what) {
        std::vector<at::Tensor> out;
        for (int i = 0; cases.header().find(variant + ".input." + what + "." + std::to_string(i));
             ++i)
            out.push_back(
                cases.tensor_as(variant + ".input." + what + "." + std::to_string(i), dtype));
        return out;
    };
    in.video = list("vid");
    in.audio = list("audio");
    in.video_context = list("ctx");
    in.audio_context = in.video_context;
    in.timestep = cases.tensor_as(variant + ".input.t", at::kDouble);
    if (cases.header().find(variant + ".input.spk_embed"))
        in.speaker_embeddings = cases.tensor_as(variant + ".input.spk_embed", dtype);
    std::vector<std::vector<int64_t>> pos;
    for (int i = 0; cases.header().find(variant + ".input.spk_pos." + std::to_string(i)); ++i) {
        const at::Tensor p =
            cases.tensor(variant + ".input.spk_pos." + std::to_string(i)).contiguous();
        pos.emplace_back(p.data_ptr<int64_t>(), p.data_ptr<int64_t>() + p.numel());
    }
    if (!pos.empty()) in.speaker_positions = pos;
    const auto& call = fixture()->config["forward_calls"][variant];
    in.modality_masking = call["masking_modality"].get<bool>();
    in.first_frame_clean = call["first_frame_is_clean"].get<bool>();
    return in;
}

// Max abs difference over the rows marked valid ([B, L] mask) of [B, L, ...] tensors.
double valid_rows_error(const at::Tensor& ours, const at::Tensor& expect, const at::Tensor& valid) {
    const at::Tensor d = (ours.to(at::kDouble) - expect).abs();
    const at::Tensor m = valid.reshape({valid.size(0), valid.size(1)}).to(at::kBool);
    return d.index({m}).max().item<double>();
}

// Every output of the variants against the float64 reference: max and mean abs error bounds.
void expect_outputs_near_float64(const DitModel& m, const std::vector<std::string>& variants,
                                 double max_bound, double mean_bound, const char* label) {
    for (const auto& variant : variants) {
        const DitOutputs out = m.forward(inputs(variant, at::kFloat));
        std::vector<std::pair<std::string, at::Tensor>> pairs;
        for (std::size_t i = 0; i < out.video.size(); ++i)
            pairs.emplace_back(variant + ".f64.out.vid." + std::to_string(i), out.video[i]);
        for (std::size_t i = 0; i < out.audio.size(); ++i)
            pairs.emplace_back(variant + ".f64.out.audio." + std::to_string(i), out.audio[i]);
        for (const auto& [key, ours] : pairs) {
            const at::Tensor err = (ours.to(at::kDouble) - reference(key)).abs();
            EXPECT_LE(err.max().item<double>(), max_bound) << key;
            EXPECT_LE(err.mean().item<double>(), mean_bound) << key;
            std::printf("%s %-24s max abs %.4f  mean abs %.4f\n", label, key.c_str(),
                        err.max().item<double>(), err.mean().item<double>());
        }
    }
}

#define REQUIRE_FIXTURE()                                  \
    if (!fixture()) GTEST_SKIP() << "DiT fixture missing"; \
    at::NoGradGuard no_grad_guard

}  // namespace

TEST(DitFixture, IntermediatesOfTheConditionalCall) {
    REQUIRE_FIXTURE();
    std::map<std::string, at::Tensor> seen;
    Probe probe = [&](const std::string& name, const at::Tensor& v) {
        seen[name] = v.detach().clone();
    };
    const auto m = model(at::kFloat);
    m->forward(inputs("cond", at::kFloat), &probe);
    const at::Tensor valid = fixture()->cases->tensor("cond.valid_mask");
    const int64_t Lv = fixture()->config["forward_calls"]["cond"]["vid_seq_len"].get<int64_t>();
    const at::Tensor valid_v = valid.narrow(1, 0, Lv),
                     valid_a = valid.narrow(1, Lv, valid.size(1) - Lv);

    // Embeddings, time, context: exact shapes, tight tolerance.
    for (const char* k : {"embed.vid_conv3d.0", "embed.audio_conv_in.0", "embed.audio.0",
                          "ctx.text_embedding", "ctx.spk_tokens", "ctx.final"}) {
        ASSERT_TRUE(seen.count(k)) << k;
        const at::Tensor r = reference(std::string("cond.f32.") + k);
        EXPECT_EQ(seen[k].sizes(), r.sizes()) << k;
        EXPECT_LT((seen[k].to(at::kDouble) - r).abs().max().item<double>(), 2e-5) << k;
    }
    // Time rows are shared by all tokens of a sample: compare by broadcasting.
    for (const auto& [ours, theirs] :
         std::map<std::string, std::string>{{"time.sinusoid_vid", "cond.f32.time.sinusoid_vid"},
                                            {"time.e_vid", "cond.f32.time.e_vid"},
                                            {"time.e0_vid", "cond.f32.time.e0_vid"}}) {
        const at::Tensor r = reference(theirs);
        EXPECT_LT((seen[ours].to(at::kDouble).expand_as(r) - r).abs().max().item<double>(), 2e-5)
            << ours;
    }
    // First double block, per modality, valid rows only.
    for (const char* k :
         {"self_attn_in", "self_attn_out", "norm3", "cross_attn_out", "ffn_in", "ffn_out"}) {
        EXPECT_LT(valid_rows_error(seen[std::string("dbl0.") + k + ".vid"],
                                   reference(std::string("cond.f32.dbl0.") + k + ".vid"), valid_v),
                  2e-5)
            << k;
        EXPECT_LT(
            valid_rows_error(seen[std::string("dbl0.") + k + ".audio"],
                             reference(std::string("cond.f32.dbl0.") + k + ".audio"), valid_a),
            2e-5)
            << k;
    }
    for (const char* k : {"sa_norm_q", "sa_norm_k", "sa_o_in"})
        EXPECT_LT(valid_rows_error(seen[std::string("dbl0.") + k],
                                   reference(std::string("cond.f32.dbl0.") + k), valid_v),
                  2e-5)
            << k;
    for (const char* k : {"sa_norm_q_audio", "sa_norm_k_audio", "sa_o_audio_in"})
        EXPECT_LT(valid_rows_error(seen[std::string("dbl0.") + k],
                                   reference(std::string("cond.f32.dbl0.") + k), valid_a),
                  2e-5)
            << k;
    for (const char* k : {"q_rope", "k_rope"})
        EXPECT_LT(valid_rows_error(seen[std::string("dbl0.") + k],
                                   reference(std::string("cond.f32.dbl0.") + k), valid),
                  2e-5)
            << k;
    // First single block.
    for (const char* k : {"self_attn_in", "sa_norm_q", "sa_norm_k", "q_rope", "k_rope", "sa_o_in",
                          "self_attn_out", "norm3", "cross_attn_out", "ffn_in", "ffn_out"})
        EXPECT_LT(valid_rows_error(seen[std::string("sgl0.") + k],
                                   reference(std::string("cond.f32.sgl0.") + k), valid),
                  3e-5)
            << k;
    // Every block output and the heads.
    for (const std::string kind : {"double", "single"}) {
        for (int i = 0;; ++i) {
            const std::string key = "blk." + kind + "." + std::to_string(i);
            if (!fixture()->cases->header().find("cond.f32." + key)) break;
            EXPECT_LT(valid_rows_error(seen[key], reference("cond.f64." + key), valid), 1e-4)
                << key;
        }
    }
    EXPECT_LT(valid_rows_error(seen["head.vid"], reference("cond.f64.head.vid"), valid_v), 1e-4);
    EXPECT_LT(valid_rows_error(seen["head.audio"], reference("cond.f64.head.audio"), valid_a),
              1e-4);
}

TEST(DitFixture, RopeTablesMatchTheReference) {
    REQUIRE_FIXTURE();
    for (const bool audio : {false, true}) {
        const at::Tensor r = reference(audio ? "rope.freqs_audio" : "rope.freqs_vid");
        const at::Tensor ours = rope_frequency_table(fixture()->dit, r.size(0), audio);
        ASSERT_EQ(ours.sizes(), r.sizes());
        EXPECT_LT((ours - r).abs().max().item<double>(), 1e-12);
    }
}

TEST(DitFixture, EveryVariantInFloat64IsTight) {
    REQUIRE_FIXTURE();
    const auto m = model(at::kDouble);
    for (const char* variant : {"cond", "mmask", "nospk", "i2v", "batch2"}) {
        const DitOutputs out = m->forward(inputs(variant, at::kDouble));
        for (std::size_t i = 0; i < out.video.size(); ++i) {
            const std::string key = std::string(variant) + ".f64.out.vid." + std::to_string(i);
            EXPECT_LT((out.video[i] - reference(key)).abs().max().item<double>(), 1e-10) << key;
        }
        for (std::size_t i = 0; i < out.audio.size(); ++i) {
            const std::string key = std::string(variant) + ".f64.out.audio." + std::to_string(i);
            EXPECT_LT((out.audio[i] - reference(key)).abs().max().item<double>(), 1e-10) << key;
        }
    }
}

TEST(DitFixture, Bfloat16WithinTheDocumentedBound) {
    REQUIRE_FIXTURE();
    const auto m = model(at::kBFloat16);
    expect_outputs_near_float64(*m, {"cond", "mmask", "nospk", "i2v", "batch2"}, 0.15, 0.03,
                                "bf16");
}

TEST(DitFixture, PaddedBatchEqualsSamplesRunAlone) {
    REQUIRE_FIXTURE();
    // Padding must not leak: sample 1 of batch2 alone (with its own timestep) gives the same
    // result.
    const auto m = model(at::kDouble);
    DitInputs both = inputs("batch2", at::kDouble);
    const DitOutputs joint = m->forward(both);
    DitInputs alone;
    alone.video = {both.video[1]};
    alone.audio = {both.audio[1]};
    alone.video_context = {both.video_context[1]};
    alone.audio_context = alone.video_context;
    alone.timestep = both.timestep.narrow(0, 1, 1);
    alone.speaker_embeddings = both.speaker_embeddings->narrow(0, 1, 1);
    alone.speaker_positions = std::vector<std::vector<int64_t>>{(*both.speaker_positions)[1]};
    const DitOutputs single = m->forward(alone);
    EXPECT_LT((single.video[0] - joint.video[1]).abs().max().item<double>(), 1e-10);
    EXPECT_LT((single.audio[0] - joint.audio[1]).abs().max().item<double>(), 1e-10);
}

// fp8 weight-only storage (quantised here, one scale per row). E4M3 keeps 3 mantissa bits where
// bf16 keeps 7, so the outputs move about four times as much as with bf16 weights (measured on
// this fixture: max 0.14 video / 0.23 audio, mean 0.029 / 0.056, against 0.05 / 0.012 for
// bf16; every Linear group alone stays within the bf16 bound, their sum does not). Held to
// twice the bf16 bound; a code table, row-scale or layout mistake moves outputs by O(1).
TEST(DitFixture, Fp8WeightStorageWithinTwiceTheBfloat16Bound) {
    REQUIRE_FIXTURE();
    const auto m = model(at::kFloat);
    const Fp8StoreReport report = store_block_linears_fp8(*m);
    EXPECT_EQ(report.linears, static_cast<int64_t>(block_linear_names(*m).size()));
    EXPECT_GT(report.linears, 0);
    EXPECT_LT(report.bytes_after * 3, report.bytes_before);  // ~1/4 of float32
    expect_outputs_near_float64(*m, {"cond", "mmask", "i2v", "batch2"}, 0.30, 0.06, "fp8");
    // Only the selected Linears are stored compactly.
    const auto partial = model(at::kFloat);
    const auto some = store_block_linears_fp8(*partial, nullptr, "", [](const std::string& name) {
        return name.find(".ffn") != std::string::npos;
    });
    EXPECT_GT(some.linears, 0);
    EXPECT_LT(some.linears, report.linears);

    // Write the quantised block weights the way fp8 checkpoints store them (E4M3 codes + a
    // scale per row, float weights for the rest), load that file into a fresh model with fp8
    // storage: the codes are adopted unchanged and the outputs are identical.
    std::vector<io::NamedTensor> tensors;
    const auto names = block_linear_names(*m);
    std::set<std::string> compact(names.begin(), names.end());
    for (const auto& item : m->named_parameters(true)) {
        const std::string& key = item.key();
        const auto dot = key.rfind('.');
        if (item.value().numel() == 0 && compact.count(key.substr(0, dot))) continue;
        tensors.push_back({"backbone." + key, item.value(), std::nullopt});
    }
    for (const auto& item : m->named_buffers(true)) {
        const std::string& key = item.key();
        const std::string owner = key.substr(0, key.rfind('.'));
        if (!compact.count(owner)) continue;
        if (key.size() > 13 && key.compare(key.size() - 13, 13, ".weight_codes") == 0)
            tensors.push_back({"backbone." + owner + ".weight", item.value(), io::DType::F8_E4M3});
        else if (key.size() > 13 && key.compare(key.size() - 13, 13, ".weight_scale") == 0)
            tensors.push_back({"backbone." + owner + ".weight_scale", item.value(), std::nullopt});
    }
    const auto dir = test::scratch_dir("dit_fp8");
    io::save_safetensors(dir / "fp8.safetensors", tensors);
    const auto file = io::SafetensorsFile::open(dir / "fp8.safetensors");
    auto again = std::make_shared<DitModel>(fixture()->dit);
    const auto loaded = load_dit_weights(*again, *file, at::kFloat);
    EXPECT_EQ(loaded.prefix, "backbone.");
    const Fp8StoreReport adopted = store_block_linears_fp8(*again, file.get(), loaded.prefix);
    EXPECT_EQ(adopted.adopted, report.linears);
    const DitOutputs a = m->forward(inputs("cond", at::kFloat));
    const DitOutputs b = again->forward(inputs("cond", at::kFloat));
    EXPECT_TRUE(at::equal(a.video[0], b.video[0]));
    EXPECT_TRUE(at::equal(a.audio[0], b.audio[0]));
}

// Block streaming: identical outputs, at most two blocks' weights resident at any time.
TEST(DitFixture, BlockStreamingEqualsResidentWeights) {
    REQUIRE_FIXTURE();
    const auto resident = model(at::kFloat);
    const auto streamed = model(at::kFloat);
    for (bool with_fp8 : {false, true}) {
        if (with_fp8) {
            store_block_linears_fp8(*resident);
            store_block_linears_fp8(*streamed);
        }
        BlockStreamer streamer(*streamed, c10::Device(c10::kCPU));
        // Outside a forward no block weights are held by the module.
        for (int64_t b = 0; b < streamed->num_blocks(); ++b)
            for (const auto& p : streamed->block(b).parameters(true))
                EXPECT_EQ(p.numel(), 0);
        for (const char* variant : {"cond", "batch2"}) {
            const DitOutputs x = resident->forward(inputs(variant, at::kFloat));
            const DitOutputs y = streamed->forward(inputs(variant, at::kFloat));
            for (std::size_t i = 0; i < x.video.size(); ++i)
                EXPECT_TRUE(at::equal(x.video[i], y.video[i]));
            for (std::size_t i = 0; i < x.audio.size(); ++i)
                EXPECT_TRUE(at::equal(x.audio[i], y.audio[i]));
        }
        EXPECT_EQ(streamer.max_resident_blocks(), 1);
        EXPECT_GT(streamer.copies(), 0);
        EXPECT_GT(streamer.host_bytes(), 0);
    }
    // Back to resident after the streamer is gone.
    const DitOutputs x = resident->forward(inputs("cond", at::kFloat));
    const DitOutputs y = streamed->forward(inputs("cond", at::kFloat));
    EXPECT_TRUE(at::equal(x.video[0], y.video[0]));
}

// `nava convert --fp8` writes what the fp8 profile adopts: loading the converted file equals
// quantising the original in memory, bit for bit, and the file is much smaller.
TEST(DitFixture, ConvertedFp8CheckpointEqualsQuantisingInMemory) {
    REQUIRE_FIXTURE();
    const auto dir = test::scratch_dir("dit_convert");
    const auto report =
        convert_dit_to_fp8(fixture()->dir / "weights.safetensors", dir / "fp8.safetensors");
    EXPECT_GT(report.quantized, 0);
    EXPECT_GT(report.copied, 0);
    EXPECT_LT(report.max_rel_error, 0.07);  // E4M3: 3 mantissa bits
    const auto file = io::SafetensorsFile::open(dir / "fp8.safetensors");
    auto converted = std::make_shared<DitModel>(fixture()->dit);
    const auto loaded = load_dit_weights(*converted, *file, at::kFloat);
    EXPECT_EQ(loaded.fp8.fp8_tensors, report.quantized);
    EXPECT_EQ(store_block_linears_fp8(*converted, file.get(), loaded.prefix).adopted,
              report.quantized);
    const auto in_memory = model(at::kFloat);
    store_block_linears_fp8(*in_memory);
    const DitOutputs a = converted->forward(inputs("cond", at::kFloat));
    const DitOutputs b = in_memory->forward(inputs("cond", at::kFloat));
    EXPECT_TRUE(at::equal(a.video[0], b.video[0]));
    EXPECT_TRUE(at::equal(a.audio[0], b.audio[0]));
    // The input must not be overwritten in place.
    EXPECT_THROW(convert_dit_to_fp8(dir / "fp8.safetensors", dir / "fp8.safetensors"), Error);
}
