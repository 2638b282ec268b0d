// Fine-tuning methods and staged recipes: LoRA on the attention projections (only the adapter
// changes, the merged export equals base + adapter, an adapter file merges into a loaded model),
// partial freezing by parameter patterns, and three-stage recipes as data.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/common/layers.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "tests/support/test_support.h"
#include "tests/training/data/data_test_util.h"
#include "training/distributed/communicator.h"
#include "training/lora/lora.h"
#include "training/recipe.h"
#include "training/train_loop.h"

using namespace nava::train;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json tiny_model_config() {
    return {{"dim", 24},
            {"num_heads", 2},
            {"ffn_dim", 32},
            {"num_double_layers", 1},
            {"num_single_layers", 1},
            {"text_len", 8},
            {"text_dim", 6},
            {"vid_in_dim", 3},
            {"vid_out_dim", 3},
            {"audio_in_dim", 4},
            {"audio_out_dim", 4},
            {"speaker_dim", 5},
            {"freq_dim", 16}};
}

// Random weights everywhere (output heads included, so gradients reach every block at step 1).
fs::path write_base_weights(const fs::path& dir) {
    nava::dit::DitModel model(nava::dit::dit_config_from_json(tiny_model_config(), "tiny"));
    nava::dit::init_dit_weights(model, 5);
    test::randomize(model, 6);
    const auto path = dir / "base.safetensors";
    test::save_module(path, model);
    return path;
}

json base_recipe(const fs::path& dir, const fs::path& weights, int64_t steps) {
    return {{"name", "lora-test"},
            {"model", {{"config", tiny_model_config()}, {"weights", weights.string()}}},
            {"data",
             {{"kind", "synthetic"},
              {"samples", 8},
              {"video_frames", 2},
              {"video_height", 4},
              {"video_width", 4},
              {"audio_length", 5},
              {"text_length", 4},
              {"speakers", 1},
              {"prefetch", {{"threads", 0}}}}},
            {"batch_per_rank", 2},
            {"steps", steps},
            {"objective", {{"seed", 3}, {"caption_dropout", 0.0}}},
            {"optimizer", {{"lr", 1e-2}, {"weight_decay", 0.1}}},
            {"output_dir", (dir / "run").string()}};
}

std::map<std::string, at::Tensor> read_all(const fs::path& path) {
    std::map<std::string, at::Tensor> out;
    const auto f = nava::io::SafetensorsFile::open(path);
    for (const auto& n : f->names())
        out[n] = f->tensor(n).to(at::kDouble);
    return out;
}

TrainRunResult run(const json& recipe_json, const fs::path& dir, const fs::path& dump = {}) {
    const auto recipe = Recipe::from_json(recipe_json, dir / "recipe.json");
    TrainRunOptions o;
    o.dump_dir = dump;
    return run_training(recipe, Communicator::single(), o);
}

nava::dit::DitInputs probe_inputs() {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(9);
    nava::dit::DitInputs in;
    in.video.push_back(at::randn({3, 2, 4, 4}, gen, at::kFloat));
    in.audio.push_back(at::randn({5, 4}, gen, at::kFloat));
    in.video_context.push_back(at::randn({4, 6}, gen, at::kFloat));
    in.audio_context = in.video_context;
    in.timestep = at::tensor({500.0}, at::kDouble);
    return in;
}

}  // namespace

TEST(Lora, TargetsAreTheChosenAttentionProjections) {
    LoraOptions o;
    o.rank = 2;
    o.projections = {"q", "o"};
    o.attention = {"self_attn"};
    o.blocks = {1};
    EXPECT_TRUE(is_lora_target("double_blocks.1.self_attn.q.weight", 1, o));
    EXPECT_TRUE(is_lora_target("double_blocks.1.self_attn.o_audio.weight", 1, o));
    EXPECT_FALSE(is_lora_target("double_blocks.1.self_attn.k.weight", 1, o));
    EXPECT_FALSE(is_lora_target("double_blocks.1.self_attn.q.bias", 1, o));
    EXPECT_FALSE(is_lora_target("double_blocks.1.cross_attn.q.weight", 1, o));
    EXPECT_FALSE(is_lora_target("double_blocks.0.self_attn.q.weight", 0, o));
    o.audio = false;
    EXPECT_FALSE(is_lora_target("double_blocks.1.self_attn.o_audio.weight", 1, o));
    EXPECT_THROW(LoraOptions::from_json(json{{"rank", 4}, {"projections", {"x"}}}, "t"),
                 nava::ConfigError);
    EXPECT_THROW(LoraOptions::from_json(json{{"rank", 4}, {"export", "zip"}}, "t"),
                 nava::ConfigError);
}

TEST(Lora, OnlyTheAdapterTrainsAndTheMergedExportEqualsBasePlusAdapter) {
    const auto dir = nava::test::scratch_dir("lora_train");
    const auto base = write_base_weights(dir);
    json r = base_recipe(dir, base, 3);
    r["lora"] = {{"rank", 2}, {"alpha", 4}, {"blocks", {0, 1}}, {"export", "both"}};
    const auto result = run(r, dir, dir / "dump");
    ASSERT_EQ(result.last_step, 3);
    ASSERT_TRUE(fs::exists(result.export_path));
    ASSERT_TRUE(fs::exists(result.adapter_path));
    EXPECT_GT(result.trainable_parameters, 0);
    EXPECT_LT(result.trainable_parameters, result.parameters / 4);

    // 1. The base weights (the trainer's shards, dumped each step) never changed.
    const auto base_w = read_all(base);
    const auto dumped = read_all(dir / "dump" / "step-0003.safetensors");
    ASSERT_EQ(dumped.size(), base_w.size());
    for (const auto& [name, t] : base_w)
        EXPECT_TRUE(at::equal(t, dumped.at(name))) << name << " changed under LoRA";

    // 2. The adapter did train (B starts at zero).
    const auto adapter = read_all(result.adapter_path);
    ASSERT_FALSE(adapter.empty());
    double b_norm = 0.0;
    int64_t layers = 0;
    for (const auto& [name, t] : adapter)
        if (name.find(".lora_B.") != std::string::npos) {
            b_norm += t.abs().sum().item<double>();
            ++layers;
        }
    EXPECT_GT(b_norm, 0.0);
    // 2 blocks; double block: self + cross, video + audio, q k v o = 16; single: 8.
    EXPECT_EQ(layers, 24);

    // 3. Merged export: exactly the adapted weights differ, by (alpha / rank) B A.
    const auto merged = read_all(result.export_path);
    for (const auto& [name, t] : base_w) {
        const std::string module = name.substr(0, name.size() - 7);
        if (adapter.count(module + ".lora_A.weight")) {
            const at::Tensor delta = 2.0 * at::matmul(adapter.at(module + ".lora_B.weight"),
                                                      adapter.at(module + ".lora_A.weight"));
            EXPECT_LT((merged.at(name) - t - delta).abs().max().item<double>(), 1e-6) << name;
        } else {
            EXPECT_TRUE(at::equal(merged.at(name), t)) << name;
        }
    }

    // 4. Forward: merged model == base model with the adapter file merged in, and a projection
    //    computed unmerged (x·Wᵀ + s·(x·Aᵀ)·Bᵀ) equals the merged weight's.
    const auto config = nava::dit::dit_config_from_json(tiny_model_config(), "tiny");
    nava::dit::DitModel m_merged(config), m_adapted(config);
    nava::dit::load_dit_weights(m_merged, *nava::io::SafetensorsFile::open(result.export_path),
                                at::kFloat);
    nava::dit::load_dit_weights(m_adapted, *nava::io::SafetensorsFile::open(base), at::kFloat);
    merge_lora_adapter(m_adapted, result.adapter_path);
    at::NoGradGuard no_grad;
    const auto in = probe_inputs();
    const auto a = m_merged.forward(in), b = m_adapted.forward(in);
    EXPECT_LT((a.video[0] - b.video[0]).abs().max().item<float>(), 1e-5f);
    EXPECT_LT((a.audio[0] - b.audio[0]).abs().max().item<float>(), 1e-5f);
    const std::string q = "double_blocks.0.self_attn.q";
    const at::Tensor x = at::randn({7, 24}, at::kDouble);
    const at::Tensor unmerged =
        at::matmul(x, base_w.at(q + ".weight").t()) +
        2.0 * at::matmul(at::matmul(x, adapter.at(q + ".lora_A.weight").t()),
                         adapter.at(q + ".lora_B.weight").t());
    EXPECT_LT((unmerged - at::matmul(x, merged.at(q + ".weight").t())).abs().max().item<double>(),
              1e-6);
    // The merged model differs from the base one (the adapter is not a no-op).
    nava::dit::DitModel m_base(config);
    nava::dit::load_dit_weights(m_base, *nava::io::SafetensorsFile::open(base), at::kFloat);
    EXPECT_GT((m_base.forward(in).video[0] - a.video[0]).abs().max().item<float>(), 1e-6f);
}

TEST(Lora, ResumesFromACheckpointLikeAnUninterruptedRun) {
    const auto dir = nava::test::scratch_dir("lora_resume");
    const auto base = write_base_weights(dir);
    json r = base_recipe(dir / "a", base, 4);
    r["lora"] = {{"rank", 2}, {"export", "adapter"}};
    r["checkpoint_every"] = 2;
    const auto straight = run(r, dir / "a");
    ASSERT_FALSE(straight.adapter_path.empty());
    EXPECT_TRUE(straight.export_path.empty());  // adapter only

    json r2 = r;
    r2["output_dir"] = (dir / "b" / "run").string();
    const auto recipe2 = Recipe::from_json(r2, dir / "b" / "recipe.json");
    TrainRunOptions first;
    first.max_steps = 2;
    run_training(recipe2, Communicator::single(), first);
    const auto resumed = run_training(recipe2, Communicator::single(), {});
    EXPECT_EQ(resumed.first_step, 2);
    const auto x = read_all(straight.adapter_path), y = read_all(resumed.adapter_path);
    for (const auto& [name, t] : x)
        EXPECT_LT((t - y.at(name)).abs().max().item<double>(), 1e-6) << name;
}

TEST(Freezing, OnlyMatchingParametersChange) {
    const auto dir = nava::test::scratch_dir("freezing");
    const auto base = write_base_weights(dir);
    json r = base_recipe(dir, base, 2);
    r["trainable"] = {"*audio*"};
    r["frozen"] = {"ffn_audio"};
    const auto result = run(r, dir);
    const auto before = read_all(base), after = read_all(result.export_path);
    int64_t changed = 0;
    for (const auto& [name, t] : before) {
        const bool trains =
            name.find("audio") != std::string::npos && name.find("ffn_audio") == std::string::npos;
        if (!trains)
            EXPECT_TRUE(at::equal(t, after.at(name))) << name << " is frozen but changed";
        else if (!at::equal(t, after.at(name)))
            ++changed;
    }
    EXPECT_GT(changed, 4);
    EXPECT_TRUE(parameter_matches("*.self_attn.*", "double_blocks.0.self_attn.q.weight"));
    EXPECT_FALSE(parameter_matches("single_*", "double_blocks.0.self_attn.q.weight"));
    EXPECT_TRUE(parameter_matches("q_audio", "double_blocks.0.self_attn.q_audio.weight"));

    json none = base_recipe(dir / "none", base, 1);
    none["trainable"] = {"no_such_parameter"};
    EXPECT_THROW(run(none, dir / "none"), nava::ConfigError);
}

TEST(Stages, ThreeStageRecipeAsData) {
    const auto dir = nava::test::scratch_dir("stages");
    json r = base_recipe(dir, dir / "base.safetensors", 10);
    r["data"] = {{"source", "clips/manifest.jsonl"}, {"cache_dir", "cache"}};
    r["stages"] =
        json::array({{{"name", "audio"},
                      {"steps", 100},
                      {"trainable", {"*audio*"}},
                      {"data", {{"task_weights", {{"audio", 0.7}, {"av", 0.3}}}}},
                      {"objective", {{"modality_mask_prob", 0.8}}},
                      {"optimizer", {{"lr", 1e-4}}}},
                     {{"name", "joint"},
                      {"init_from_stage", "audio"},
                      {"data", {{"task_weights", {{"av", 1.0}}}}},
                      {"optimizer", {{"lr", 5e-5}}}},
                     {{"name", "timbre"},
                      {"init_from_stage", "joint"},
                      {"finetune", {{"method", "lora"}}},
                      {"lora", {{"rank", 8}, {"alpha", 8}, {"attention", {"cross_attn"}}}},
                      {"data", {{"source_weights", {{"hq", 3.0}}}}},
                      {"objective", {{"speaker_dropout", 0.0}}},
                      {"optimizer", {{"lr", 2e-5}}}}});
    EXPECT_EQ(recipe_stages(r), (std::vector<std::string>{"audio", "joint", "timbre"}));
    const auto file = dir / "recipe.json";
    std::ofstream(file) << r.dump(1);

    const auto s1 = Recipe::from_file(file, "audio");
    EXPECT_EQ(s1.stage, "audio");
    EXPECT_EQ(s1.steps, 100);
    EXPECT_DOUBLE_EQ(s1.trainer.optimizer.lr, 1e-4);
    EXPECT_DOUBLE_EQ(s1.trainer.optimizer.weight_decay, 0.1);  // merged, not replaced
    EXPECT_DOUBLE_EQ(s1.trainer.objective.modality_mask_prob, 0.8);
    EXPECT_EQ(s1.trainer.trainable, std::vector<std::string>{"*audio*"});
    EXPECT_DOUBLE_EQ(s1.data.task_weights.at("text_to_audio"), 0.7);
    EXPECT_EQ(s1.data.kind, "cache");
    EXPECT_EQ(s1.data.source, dir / "clips/manifest.jsonl");
    EXPECT_EQ(s1.output_dir, dir / "run" / "audio");
    EXPECT_FALSE(s1.trainer.lora.enabled());

    const auto s2 = Recipe::from_file(file, "joint");
    EXPECT_EQ(s2.steps, 10);
    EXPECT_TRUE(s2.trainer.trainable.empty());
    EXPECT_EQ(s2.init_weights, dir / "run" / "audio" / "model.safetensors");
    EXPECT_EQ(s2.data.task_weights.count("text_to_audio"), 0u);

    const auto s3 = Recipe::from_file(file, "timbre");
    EXPECT_TRUE(s3.trainer.lora.enabled());
    EXPECT_EQ(s3.trainer.lora.rank, 8);
    EXPECT_EQ(s3.trainer.lora.attention, std::vector<std::string>{"cross_attn"});
    EXPECT_DOUBLE_EQ(s3.data.source_weights.at("hq"), 3.0);
    EXPECT_DOUBLE_EQ(s3.trainer.objective.speaker_dropout, 0.0);
    EXPECT_EQ(s3.init_weights, dir / "run" / "joint" / "model.safetensors");

    // Default: the first stage; an unknown stage names the known ones.
    EXPECT_EQ(Recipe::from_file(file).stage, "audio");
    try {
        Recipe::from_file(file, "nope");
        ADD_FAILURE() << "no error for an unknown stage";
    } catch (const nava::ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("audio, joint, timbre"), std::string::npos);
    }
    // The studio's launch recipe: "stage" set, "stages" removed, finetune.method chosen.
    json launched = stage_recipe_json(r, "joint");
    launched["finetune"] = {{"method", "lora"}};
    EXPECT_FALSE(launched.contains("stages"));
    const auto s4 = Recipe::from_json(launched, file);
    EXPECT_EQ(s4.stage, "joint");
    EXPECT_EQ(s4.trainer.lora.rank, 16);
}

// A DiT for a new autoencoder from one trained for another: model.weights_mode "matching" takes
// every tensor whose name and shape match and leaves the others at their seeded random values.
TEST(InitWeights, MatchingModeTakesWhatFitsAndLeavesTheRestSeeded) {
    const auto dir = nava::test::scratch_dir("init-matching");
    const auto base = write_base_weights(dir);  // audio latents of tiny_model_config()
    json wider = tiny_model_config();
    wider["audio_in_dim"] = wider["audio_in_dim"].get<int>() + 3;
    wider["audio_out_dim"] = wider["audio_out_dim"].get<int>() + 3;

    // Which tensors differ in shape, from the two models themselves.
    nava::dit::DitModel old_model(nava::dit::dit_config_from_json(tiny_model_config(), "old"));
    nava::dit::DitModel new_model(nava::dit::dit_config_from_json(wider, "new"));
    nava::dit::init_dit_weights(new_model, 4);
    std::map<std::string, at::Tensor> old_shapes, seeded;
    for (const auto& p : old_model.named_parameters())
        old_shapes[p.key()] = p.value();
    std::vector<std::string> expected_fresh;
    for (const auto& p : new_model.named_parameters()) {
        seeded[p.key()] = p.value().to(at::kDouble);
        if (!old_shapes.count(p.key()) || old_shapes[p.key()].sizes() != p.value().sizes())
            expected_fresh.push_back(p.key());
    }
    ASSERT_FALSE(expected_fresh.empty());

    json r = base_recipe(dir, base, 1);
    r["model"]["config"] = wider;
    r["model"]["init_seed"] = 4;
    r["trainable"] = {"text_embedding*"};    // everything else keeps its starting value
    EXPECT_THROW(run(r, dir), nava::Error);  // strict: the audio projections differ

    r["model"]["weights_mode"] = "matching";
    const auto result = run(r, dir);
    auto fresh = result.fresh_tensors;
    std::sort(fresh.begin(), fresh.end());
    std::sort(expected_fresh.begin(), expected_fresh.end());
    EXPECT_EQ(fresh, expected_fresh);
    EXPECT_GT(result.init_loaded_tensors, 0);

    const auto before = read_all(base), after = read_all(result.export_path);
    for (const auto& name : expected_fresh)
        EXPECT_TRUE(at::equal(after.at(name), seeded.at(name)))
            << name << " is not the seeded value";
    int64_t taken = 0, trained = 0;
    for (const auto& [name, t] : before) {
        if (name.rfind("text_embedding", 0) == 0) ++trained;
        if (name.rfind("text_embedding", 0) == 0 || !after.count(name) ||
            after.at(name).sizes() != t.sizes())
            continue;
        EXPECT_TRUE(at::equal(after.at(name), t)) << name << " was not taken from the file";
        ++taken;
    }
    EXPECT_GT(trained, 0);
    EXPECT_EQ(taken + trained, result.init_loaded_tensors);

    // A file with none of the DiT's tensors is an error, not a silently random model.
    nava::nn::Linear unrelated(3, 2);
    test::save_module(dir / "unrelated.safetensors", unrelated);
    json other = r;
    other["model"]["weights"] = (dir / "unrelated.safetensors").string();
    EXPECT_THROW(run(other, dir / "other"), nava::Error);

    json bad = r;
    bad["model"]["weights_mode"] = "loose";
    EXPECT_THROW(Recipe::from_json(bad, dir / "recipe.json"), nava::ConfigError);
    bad["model"]["weights_mode"] = "matching";
    bad["model"].erase("weights");
    EXPECT_THROW(Recipe::from_json(bad, dir / "recipe.json"), nava::ConfigError);
}
