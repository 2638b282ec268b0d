// The `nava` command line as a user meets it: exit codes and one clear line for every mistake.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/parity/parity.h"
#include "tests/support/test_support.h"

using nava::test::run_command;
using nava::test::shell_quote;

namespace {

nava::test::ProcessResult nava_cli(const std::string& args) {
    return run_command(shell_quote(NAVA_CLI_PATH) + " " + args);
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST(Cli, UsageAndUnknownCommands) {
    auto r = nava_cli("");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "usage: nava")) << r.output;
    r = nava_cli("--help");
    EXPECT_EQ(r.exit_code, 0);
    for (const char* cmd : {"generate", "train", "parity", "bench", "inspect"})
        EXPECT_TRUE(contains(r.output, cmd)) << cmd;
    r = nava_cli("frobnicate");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "unknown command 'frobnicate'")) << r.output;
    r = nava_cli("--version");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.output, "LibTorch")) << r.output;
    EXPECT_TRUE(contains(r.output, "bf16 on the CPU: ")) << r.output;
}

TEST(Cli, EverySubcommandHasHelp) {
    for (const char* cmd : {"generate", "train", "parity", "inspect"}) {
        const auto r = nava_cli(std::string(cmd) + " --help");
        EXPECT_EQ(r.exit_code, 0) << cmd << ": " << r.output;
        EXPECT_TRUE(contains(r.output, std::string("usage: nava ") + cmd)) << r.output;
    }
    const auto r = nava_cli("bench --help");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.output, "matmul")) << r.output;
}

TEST(Cli, BadFlagsAndMissingFilesGiveOneClearLine) {
    auto r = nava_cli("inspect --bogus x");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "unknown option '--bogus'")) << r.output;
    r = nava_cli("inspect");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "missing argument FILE")) << r.output;
    r = nava_cli("inspect /no/such/file.safetensors");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.output, "/no/such/file.safetensors: cannot open")) << r.output;
    r = nava_cli("parity /no/such/fixture");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "missing option --out")) << r.output;
    r = nava_cli("bench matmul --size twelve");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.output, "needs an integer")) << r.output;
    r = nava_cli("bench warp");
    EXPECT_EQ(r.exit_code, 2);
    // No crash signals anywhere above: every failure was a handled exit.
}

TEST(Cli, InspectListsEveryTensorOfAFile) {
    const auto path = nava::test::fixtures_dir() / "dit" / "weights.safetensors";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixtures not available";
    std::ifstream in(path, std::ios::binary);
    char len_bytes[8];
    in.read(len_bytes, 8);
    uint64_t len = 0;
    for (int i = 7; i >= 0; --i)
        len = (len << 8) | static_cast<uint8_t>(len_bytes[i]);
    std::string text(len, '\0');
    in.read(text.data(), static_cast<std::streamsize>(len));
    const auto header = nlohmann::json::parse(text);

    const auto ok = nava_cli("inspect " + shell_quote(path.string()));
    ASSERT_EQ(ok.exit_code, 0) << ok.output;
    std::size_t count = 0;
    for (const auto& [name, _] : header.items()) {
        if (name == "__metadata__") continue;
        ++count;
        EXPECT_TRUE(contains(ok.output, "\n" + name + " ")) << name;
    }
    EXPECT_TRUE(contains(ok.output, ": " + std::to_string(count) + " tensors")) << ok.output;

    const auto json = nava_cli("inspect --json " + shell_quote(path.string()));
    ASSERT_EQ(json.exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(json.output)["tensor_count"].get<std::size_t>(), count);
}

TEST(Cli, InspectRejectsCorruptFiles) {
    const auto dir = nava::test::scratch_dir("cli_corrupt");
    std::ofstream(dir / "bad.safetensors") << "\x10\0\0\0\0\0\0\0{\"a\":";
    const auto r = nava_cli("inspect " + shell_quote((dir / "bad.safetensors").string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.output, "invalid safetensors file")) << r.output;
}

TEST(Cli, ParityReportsUnimplementedAndCorruptFixtures) {
    const auto dir = nava::test::scratch_dir("cli_parity");
    // A component the reference defines but this build does not implement yet.
    std::string pending;
    for (const auto& name : nava::parity::known_components()) {
        bool implemented = false;
        for (const auto& c : nava::parity::implemented_components())
            implemented = implemented || c.name == name;
        if (!implemented) {
            pending = name;
            break;
        }
    }
    if (!pending.empty()) {
        std::filesystem::create_directories(dir / "pending");
        std::ofstream(dir / "pending" / "manifest.json")
            << nlohmann::json{{"component", pending}, {"outputs", nlohmann::json::object()}}.dump();
        const auto r = nava_cli("parity " + shell_quote((dir / "pending").string()) + " --out " +
                                shell_quote((dir / "o.safetensors").string()));
        EXPECT_NE(r.exit_code, 0);
        EXPECT_TRUE(contains(r.output, "component " + pending + " not implemented yet"))
            << r.output;
    }

    std::filesystem::create_directories(dir / "corrupt");
    std::ofstream(dir / "corrupt" / "manifest.json") << "{\"component\": \"dit\", \"outputs\": [";
    auto r = nava_cli("parity " + shell_quote((dir / "corrupt").string()) + " --out " +
                      shell_quote((dir / "o.safetensors").string()));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.output, "manifest.json:1:")) << r.output;
    EXPECT_TRUE(contains(r.output, "invalid JSON")) << r.output;

    r = nava_cli("parity " + shell_quote((dir / "nothing").string()) + " --out x.safetensors");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.output, "not a fixture folder")) << r.output;
}

TEST(Cli, BenchMatmulPrintsATable) {
    const auto r = nava_cli("bench matmul --size 64 --repeat 2 --dtype f32,bf16");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "GFLOP/s"));
    EXPECT_TRUE(contains(r.output, "\nf32 "));
    EXPECT_TRUE(contains(r.output, "\nbf16 "));
}
