// Video VAE configuration and module tree: the real Wan2.2 key list with shapes (built
// shape-only, no 2.8 GB allocation), the fixture config, the latent constants.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/common/layers.h"
#include "inference/models/video_vae/video_vae.h"
#include "inference/models/video_vae/video_vae_parity.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava::video_vae;

namespace {

std::filesystem::path fixture_dir() {
    return nava::test::fixtures_dir() / "video_vae";
}

// specs/wan22_vae_keys.tsv: "name<TAB>[d0, d1, ...]" per line.
std::map<std::string, std::vector<int64_t>> read_key_table(const std::filesystem::path& path) {
    std::map<std::string, std::vector<int64_t>> table;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::vector<int64_t> shape;
        std::string dims = line.substr(tab + 1);
        for (char& ch : dims)
            if (ch == '[' || ch == ']' || ch == ',') ch = ' ';
        std::istringstream s(dims);
        int64_t d = 0;
        while (s >> d)
            shape.push_back(d);
        table[line.substr(0, tab)] = shape;
    }
    return table;
}

std::map<std::string, std::vector<int64_t>> module_keys(const Module& m) {
    std::map<std::string, std::vector<int64_t>> keys;
    for (const auto& item : m.named_parameters(/*recurse=*/true))
        keys[item.key()] = item.value().sizes().vec();
    for (const auto& item : m.named_buffers(/*recurse=*/true))
        keys[item.key()] = item.value().sizes().vec();
    return keys;
}

int64_t count_prefix(const Module& m, const std::string& prefix) {
    int64_t n = 0;
    for (const auto& item : m.named_parameters(/*recurse=*/true))
        if (item.key().rfind(prefix, 0) == 0) n += item.value().numel();
    return n;
}

}  // namespace

TEST(VideoVaeStructure, RealConfigHasExactlyTheCheckpointKeysAndShapes) {
    // specs/ sits next to fixtures/ in the shared reference folder.
    const auto tsv = nava::test::fixtures_dir().parent_path() / "specs" / "wan22_vae_keys.tsv";
    if (!std::filesystem::exists(tsv)) GTEST_SKIP() << tsv << " not available";
    const auto expected = read_key_table(tsv);
    ASSERT_EQ(expected.size(), 196u);

    ShapeOnlyScope shape_only;
    VideoVae vae(VideoVaeConfig::wan22());
    const auto ours = module_keys(vae);
    for (const auto& [name, shape] : expected) {
        auto it = ours.find(name);
        ASSERT_NE(it, ours.end()) << "missing " << name;
        EXPECT_EQ(it->second, shape) << name;
    }
    for (const auto& [name, shape] : ours)
        EXPECT_TRUE(expected.count(name)) << "unexpected " << name;
    EXPECT_EQ(ours.size(), 196u);
    // The parameters were never allocated.
    for (const auto& p : vae.parameters())
        EXPECT_TRUE(p.is_meta());
}

TEST(VideoVaeStructure, RealConfigParameterCountsMatchTheSpec) {
    ShapeOnlyScope shape_only;
    VideoVae vae(VideoVaeConfig::wan22());
    EXPECT_EQ(nava::nn::parameter_count(vae), 704688668);
    EXPECT_EQ(count_prefix(vae, "encoder."), 149627776);
    EXPECT_EQ(count_prefix(vae, "decoder."), 555049228);
    // 96*96+96 + 48*48+48; the spec's "11,616" is a typo (its own total needs 11,664).
    EXPECT_EQ(count_prefix(vae, "conv1.") + count_prefix(vae, "conv2."), 11664);
}

TEST(VideoVaeStructure, RealConfigGeometry) {
    const auto c = VideoVaeConfig::wan22();
    EXPECT_EQ(c.encoder_dims(), (std::vector<int64_t>{160, 160, 320, 640, 640}));
    EXPECT_EQ(c.decoder_dims(), (std::vector<int64_t>{1024, 1024, 1024, 512, 256}));
    EXPECT_EQ(c.spatial_factor(), 16);
    EXPECT_EQ(c.latent_frames_per_chunk(), 1);
    EXPECT_EQ(c.frames_per_latent_frame(), 4);
    EXPECT_EQ(c.encoded_frames(145), 37);
    EXPECT_EQ(c.decoded_frames(37), 145);
    EXPECT_FALSE(c.encoder_downsamples_time(0));
    EXPECT_TRUE(c.encoder_downsamples_time(1));
    EXPECT_TRUE(c.decoder_upsamples_time(0));
    EXPECT_TRUE(c.decoder_upsamples_time(1));
    EXPECT_FALSE(c.decoder_upsamples_time(2));
    EXPECT_FALSE(c.decoder_upsamples_space(3));
}

TEST(VideoVaeStructure, ConfigFromJsonReadsEveryField) {
    const auto j = nlohmann::json::parse(
        R"({"dim": 4, "dec_dim": 6, "z_dim": 8, "dim_mult": [1, 2, 2],
            "num_res_blocks": 1, "temperal_downsample": [true, false], "seed": 3})");
    const auto c = VideoVaeConfig::from_json(j, "test");
    EXPECT_EQ(c.dim, 4);
    EXPECT_EQ(c.dec_dim, 6);
    EXPECT_EQ(c.z_dim, 8);
    EXPECT_EQ(c.dim_mult, (std::vector<int64_t>{1, 2, 2}));
    EXPECT_EQ(c.num_res_blocks, 1);
    EXPECT_EQ(c.temperal_downsample, (std::vector<bool>{true, false}));
    // Three stages: two spatial halvings after the patchify, one temporal.
    EXPECT_EQ(c.spatial_factor(), 8);
    EXPECT_EQ(c.latent_frames_per_chunk(), 2);
    // The decoder reads the reversed list: stage 0 <- false, stage 1 <- true.
    EXPECT_FALSE(c.decoder_upsamples_time(0));
    EXPECT_TRUE(c.decoder_upsamples_time(1));
    EXPECT_EQ(c.frames_per_latent_frame(), 2);
}

TEST(VideoVaeStructure, InvalidConfigsAreRejectedWithTheReason) {
    auto bad = [](const std::string& text) {
        try {
            VideoVaeConfig::from_json(nlohmann::json::parse(text), "cfg");
        } catch (const nava::ConfigError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(bad(R"({"dim": 8, "z_dim": 48})").find("dec_dim"), std::string::npos);
    EXPECT_NE(
        bad(R"({"dim": 8, "dec_dim": 12, "z_dim": 48, "temperal_downsample": [true, true, true]})")
            .find("at most two"),
        std::string::npos);
    EXPECT_NE(
        bad(R"({"dim": 8, "dec_dim": 12, "z_dim": 48, "dim_mult": [1, 3, 4, 4]})").find("shortcut"),
        std::string::npos);
    EXPECT_NE(bad(R"({"dim": 8, "dec_dim": 12, "z_dim": 48, "temperal_downsample": [1, 0]})")
                  .find("list of bools"),
              std::string::npos);
}

TEST(VideoVaeStructure, RealLatentConstantsEqualTheFixtureInputs) {
    const auto fx = nava::parity::Fixture::open(fixture_dir());
    const auto mean = fx.input("scale.mean");
    const auto inv_std = fx.input("scale.inv_std");
    const auto s = wan22_latent_scale();
    ASSERT_EQ(s.mean.size(), 48u);
    ASSERT_EQ(s.inv_std.size(), 48u);
    for (int64_t i = 0; i < 48; ++i) {
        EXPECT_EQ(s.mean[i], mean[i].item<float>()) << i;
        EXPECT_EQ(s.inv_std[i], inv_std[i].item<float>()) << i;  // bit-exact 1/std in float32
    }
}

TEST(VideoVaeStructure, FixtureWeightsLoadStrictlyIntoTheFixtureConfig) {
    const auto fx = nava::parity::Fixture::open(fixture_dir());
    const auto config = fixture_config(fx);
    EXPECT_EQ(config.dim, 8);
    EXPECT_EQ(config.dec_dim, 12);
    auto vae = load_video_vae(fx.file("weights"), config);
    EXPECT_EQ(nava::nn::parameter_count(*vae), 1753440);
    EXPECT_EQ(module_keys(*vae).size(), 196u);
    // The tree for another width does not accept these weights (shapes checked by name).
    VideoVaeConfig wider = config;
    wider.dim = 16;
    EXPECT_THROW(load_video_vae(fx.file("weights"), wider), nava::StateDictError);
}
