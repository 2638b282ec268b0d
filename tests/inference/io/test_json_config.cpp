// JSON config access with precise messages.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::io;

TEST(JsonConfig, ReportsLineAndColumnOfSyntaxErrors) {
    const auto dir = test::scratch_dir("json_syntax");
    std::ofstream(dir / "c.json") << "{\n  \"dim\": 128,\n  \"heads\": ,\n}\n";
    try {
        read_json_file(dir / "c.json");
        FAIL();
    } catch (const FormatError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("c.json:3:"), std::string::npos) << msg;
    }
    EXPECT_THROW(read_json_file(dir / "absent.json"), IoError);
}

TEST(JsonConfig, TypedGettersNameTheKey) {
    const auto j = nlohmann::json::parse(
        R"({"dim": 128, "eps": 1e-6, "qk_norm": true, "name": "x", "patch": [1, 2, 2],
            "scale": 0.24, "whole": 3.0, "sub": {"a": 1}})");
    ConfigReader c(j, "config.json");
    EXPECT_EQ(c.get_int("dim"), 128);
    EXPECT_EQ(c.get_int("whole"), 3);
    EXPECT_DOUBLE_EQ(c.get_double("eps"), 1e-6);
    EXPECT_DOUBLE_EQ(c.get_double("dim"), 128.0);
    EXPECT_TRUE(c.get_bool("qk_norm"));
    EXPECT_EQ(c.get_string("name"), "x");
    EXPECT_EQ(c.get_int_list("patch"), (std::vector<int64_t>{1, 2, 2}));
    EXPECT_EQ(c.get_int("absent", 7), 7);
    EXPECT_EQ(c.child("sub").get_int("a"), 1);
    try {
        c.get_int("scale");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(), "config.json: key 'scale' must be an integer (found number)");
    }
    try {
        c.get_int("missing");
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(), "config.json: missing key 'missing'");
    }
    EXPECT_THROW(c.get_bool("name"), ConfigError);
    EXPECT_THROW(c.get_int_list("name"), ConfigError);
    EXPECT_THROW(c.child("dim"), ConfigError);
}
