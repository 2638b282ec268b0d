// The generic parity runner: manifest handling, output writing, comparison, error messages.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::parity;

namespace {

// A fixture of a pretend component "double": out = 2 * in, with one FILE:KEY output.
std::filesystem::path make_fixture(const std::string& name, double ref_offset) {
    const auto dir = test::scratch_dir(name);
    const at::Tensor x = at::arange(6, at::kFloat).reshape({2, 3});
    io::save_safetensors(dir / "io.safetensors",
                         {{"in.x", x, {}}, {"ref.y", (2 * x + ref_offset).to(at::kDouble), {}}});
    io::save_safetensors(dir / "extra.safetensors", {{"z", x.sum(), {}}});
    nlohmann::json m = {{"component", "double"},
                        {"files",
                         {{"io", "io.safetensors"},
                          {"extra", "extra.safetensors"},
                          {"config", "io metadata 'config'"}}},
                        {"inputs", {"in.x"}},
                        {"outputs",
                         {{"out.y", {{"expect", "ref.y"}, {"atol", 1e-6}, {"rtol", 0.0}}},
                          {"extra:z", {{"expect", "extra:z"}, {"atol", 1e-6}, {"rtol", 0.0}}}}}};
    std::ofstream(dir / "manifest.json") << m.dump(1);
    return dir;
}

std::vector<Component> doubling_table() {
    return {{"double", [](const Fixture& fx) {
                 Outputs out;
                 out["out.y"] = 2 * fx.input("in.x");
                 out["extra:z"] = fx.tensor("extra:z");
                 return out;
             }}};
}

}  // namespace

TEST(ParityRunner, WritesEveryOutputAndPassesWithinTolerance) {
    const auto dir = make_fixture("parity_pass", 0.0);
    std::ostringstream log;
    const auto result = run_fixture(dir, dir / "out" / "o.safetensors", log, doubling_table());
    EXPECT_TRUE(result.all_pass) << log.str();
    ASSERT_EQ(result.outputs.size(), 2u);
    EXPECT_NE(log.str().find("PASS"), std::string::npos);

    const auto out = io::SafetensorsFile::open(dir / "out" / "o.safetensors");
    EXPECT_TRUE(out->header().find("out.y"));
    EXPECT_TRUE(out->header().find("extra:z"));
    EXPECT_TRUE(out->header().find("z"));  // bare alias of FILE:KEY
    EXPECT_EQ(out->tensor("out.y").scalar_type(), at::kFloat);
}

TEST(ParityRunner, FailsOutsideTolerance) {
    const auto dir = make_fixture("parity_fail", 1e-3);
    std::ostringstream log;
    const auto result = run_fixture(dir, dir / "o.safetensors", log, doubling_table());
    EXPECT_FALSE(result.all_pass);
    EXPECT_NE(log.str().find("FAIL"), std::string::npos);
    EXPECT_NE(log.str().find("out of tolerance"), std::string::npos);
}

TEST(ParityRunner, MissingOutputFails) {
    const auto dir = make_fixture("parity_missing", 0.0);
    std::vector<Component> table = {{"double", [](const Fixture& fx) {
                                         Outputs o;
                                         o["out.y"] = 2 * fx.input("in.x");
                                         return o;
                                     }}};
    std::ostringstream log;
    const auto result = run_fixture(dir, dir / "o.safetensors", log, table);
    EXPECT_FALSE(result.all_pass);
    EXPECT_NE(log.str().find("not produced"), std::string::npos);
}

TEST(ParityRunner, ClearErrorsForUnusableFixtures) {
    const auto dir = make_fixture("parity_errors", 0.0);
    std::ostringstream log;
    // Known reference component without an implementation in this table.
    nlohmann::json m = nlohmann::json::parse(std::ifstream(dir / "manifest.json"));
    m["component"] = "dit";
    std::ofstream(dir / "manifest.json") << m.dump();
    try {
        run_fixture(dir, dir / "o.safetensors", log, doubling_table());
        FAIL();
    } catch (const NotImplementedError& e) {
        EXPECT_STREQ(e.what(), "component dit not implemented yet");
    }
    m["component"] = "warp_drive";
    std::ofstream(dir / "manifest.json") << m.dump();
    try {
        run_fixture(dir, dir / "o.safetensors", log, doubling_table());
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown component 'warp_drive'"), std::string::npos);
    }
    std::ofstream(dir / "manifest.json") << "{\"component\": \"dit\",\n \"outputs\": {";
    EXPECT_THROW(run_fixture(dir, dir / "o.safetensors", log, doubling_table()), FormatError);
    std::ofstream(dir / "manifest.json") << "{\"outputs\": {}}";
    EXPECT_THROW(run_fixture(dir, dir / "o.safetensors", log, doubling_table()), FormatError);
    std::filesystem::remove(dir / "manifest.json");
    EXPECT_THROW(run_fixture(dir, dir / "o.safetensors", log, doubling_table()), IoError);
    EXPECT_FALSE(std::filesystem::exists(dir / "o.safetensors"));
}

TEST(ParityRunner, CompareTensorsUsesAbsoluteAndRelativeTolerance) {
    const at::Tensor ref = at::tensor({1.0, 100.0});
    EXPECT_TRUE(compare_tensors("k", at::tensor({1.0005, 100.05}), ref, 1e-3, 1e-3).pass);
    EXPECT_FALSE(compare_tensors("k", at::tensor({1.0005, 100.2}), ref, 1e-3, 1e-3).pass);
    EXPECT_FALSE(compare_tensors("k", at::tensor({1.0}), ref, 1.0, 1.0).pass);  // shape
    EXPECT_FALSE(compare_tensors("k", at::tensor({NAN, 100.0}), ref, 1.0, 1.0).pass);
}
