// ReDimNetConfig: the constructor keywords as the checkpoint stores them, defaults, and clear
// errors for keywords and options this port does not implement.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/models/speaker/redimnet_config.h"

using namespace nava::speaker;
using nlohmann::json;

namespace {

const char* kMConfig = R"({"F": 72, "C": 16, "block_1d_type": "att",
  "block_2d_type": "convnext_like",
  "stages_setup": [[1, 2, 1, [[3, 3]], 12], [2, 2, 1, [[3, 3]], 12], [1, 3, 1, [[3, 3]], 12],
                   [2, 4, 1, [[3, 3]], 8], [1, 4, 1, [[3, 3]], 8], [2, 4, 1, [[3, 3]], 4]],
  "group_divisor": 4, "out_channels": null, "embed_dim": 192, "num_classes": null,
  "class_dropout": 0.0, "feat_agg_dropout": 0.0, "head_activation": null, "hop_length": 160,
  "pooling_func": "ASTP", "feat_type": "pt", "global_context_att": false, "emb_bn": false,
  "spec_params": {"do_spec_aug": false, "freq_mask_width": [0, 6], "time_mask_width": [0, 8]},
  "return_all_outputs": false, "tf_optimized_arch": false})";

// The message of the ConfigError `kwargs` raises ("" when it does not throw).
std::string config_error(const json& kwargs) {
    try {
        ReDimNetConfig::from_json(kwargs, "cfg");
    } catch (const nava::ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(RedimnetConfig, ReadsTheMConfiguration) {
    const auto c = ReDimNetConfig::from_json_text(kMConfig, "m");
    EXPECT_EQ(c.F, 72);
    EXPECT_EQ(c.C, 16);
    EXPECT_EQ(c.width(), 1152);
    ASSERT_EQ(c.stages.size(), 6u);
    EXPECT_EQ(c.stages[3].stride, 2);
    EXPECT_EQ(c.stages[3].num_blocks, 4);
    EXPECT_EQ(c.stages[5].att_block_red, 4);
    EXPECT_EQ(c.group_divisor, 4);
    EXPECT_FALSE(c.out_channels.has_value());
    EXPECT_EQ(c.pooling, PoolingType::kASTP);
    EXPECT_EQ(c.pool_out_dim(), 2304);
    EXPECT_EQ(c.mel.n_mels, 72);
    EXPECT_EQ(c.mel.hop_length, 160);
    EXPECT_DOUBLE_EQ(c.mel.f_max_hz, 7600.0);
    EXPECT_EQ(c.mel.spec_norm, "mn");
}

TEST(RedimnetConfig, AbsentKeysTakeTheConstructorDefaults) {
    const auto full = ReDimNetConfig::from_json_text(kMConfig, "m");
    const auto empty = ReDimNetConfig::from_json(json::object(), "empty");
    EXPECT_EQ(empty.F, full.F);
    EXPECT_EQ(empty.C, full.C);
    ASSERT_EQ(empty.stages.size(), full.stages.size());
    for (std::size_t i = 0; i < full.stages.size(); ++i) {
        EXPECT_EQ(empty.stages[i].stride, full.stages[i].stride);
        EXPECT_EQ(empty.stages[i].num_blocks, full.stages[i].num_blocks);
        EXPECT_EQ(empty.stages[i].att_block_red, full.stages[i].att_block_red);
    }
    EXPECT_EQ(empty.group_divisor, full.group_divisor);
    EXPECT_EQ(empty.embed_dim, 192);
}

TEST(RedimnetConfig, ReadsOtherLayoutsAndOptions) {
    json j = json::parse(kMConfig);
    j["F"] = 64;
    j["C"] = 12;
    j["stages_setup"] = json::parse(R"([[1, 1, 2, [[3, 3]], null], [2, 3, 1.5, [[3, 3]], 8]])");
    j["group_divisor"] = nullptr;
    j["out_channels"] = 512;
    j["pooling_func"] = "TSTP";
    j["global_context_att"] = true;
    j["emb_bn"] = true;
    j["spec_params"]["f_max"] = nullptr;
    j["spec_params"]["spec_norm"] = "mvn";
    const auto c = ReDimNetConfig::from_json(j, "variant");
    EXPECT_EQ(c.width(), 768);
    EXPECT_FALSE(c.stages[0].att_block_red.has_value());
    EXPECT_DOUBLE_EQ(c.stages[1].conv_exp, 1.5);
    EXPECT_FALSE(c.group_divisor.has_value());
    EXPECT_EQ(c.pool_in_dim(), 512);
    EXPECT_EQ(c.pool_out_dim(), 1024);
    EXPECT_TRUE(c.emb_bn);
    EXPECT_DOUBLE_EQ(c.mel.f_max_hz, 8000.0);  // None = Nyquist
    EXPECT_EQ(c.mel.spec_norm, "mvn");
}

TEST(RedimnetConfig, UnknownKeywordsAreNamed) {
    json j = json::parse(kMConfig);
    j["drop_path"] = 0.1;
    EXPECT_NE(config_error(j).find("'drop_path'"), std::string::npos);
    j = json::parse(kMConfig);
    j["spec_params"]["n_mels"] = 80;  // passed by the wrapper itself: a TypeError upstream
    EXPECT_NE(config_error(j).find("'n_mels'"), std::string::npos);
}

TEST(RedimnetConfig, UnimplementedOptionsAreNamed) {
    const std::vector<std::pair<std::string, json>> cases = {
        {"block_1d_type", "mamba"},  {"block_2d_type", "transformer"},
        {"pooling_func", "XVEC"},    {"feat_type", "tf"},
        {"tf_optimized_arch", true}, {"head_activation", "nn.Sigmoid()"},
    };
    for (const auto& [key, value] : cases) {
        SCOPED_TRACE(key);
        json j = json::parse(kMConfig);
        j[key] = value;
        const std::string msg = config_error(j);
        ASSERT_FALSE(msg.empty());
        EXPECT_NE(msg.find(key), std::string::npos) << msg;
        if (value.is_string()) EXPECT_NE(msg.find(value.get<std::string>()), std::string::npos);
    }
}

TEST(RedimnetConfig, InconsistentLayoutsAreRejected) {
    json j = json::parse(kMConfig);
    j["stages_setup"][2][0] = 2;  // 72 -> 36 -> 18 -> 9: stage 5 cannot halve 9
    EXPECT_NE(config_error(j).find("not divisible by the stride"), std::string::npos);
    j = json::parse(kMConfig);
    j["stages_setup"][0] = json::parse("[4, 2, 1, [[3, 3]], 12]");
    EXPECT_NE(config_error(j).find("stride must be 1, 2 or 3"), std::string::npos);
    j = json::parse(kMConfig);
    j["stages_setup"][0] = json::parse("[1, 2, 1]");
    EXPECT_NE(config_error(j).find("stages_setup[0]"), std::string::npos);
    j = json::parse(kMConfig);
    j["stages_setup"][0][4] = 1000;  // 1152 // 1000 = 1 channel: no 4 heads
    EXPECT_NE(config_error(j).find("heads"), std::string::npos);
    j = json::parse(kMConfig);
    j["F"] = "72";
    EXPECT_FALSE(config_error(j).empty());
}
