// Helpers shared by the test programs: where the fixtures are, scratch folders, running the CLI.
#pragma once

#include <filesystem>
#include <string>

namespace nava::test {

// Reference fixtures: $NAVA_FIXTURES_DIR, else the path configured at build time.
std::filesystem::path fixtures_dir();

// A fresh, empty folder for one test (removed by the next run of the same test, kept on failure
// for inspection).
std::filesystem::path scratch_dir(const std::string& test_name);

struct ProcessResult {
    int exit_code = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command line, capturing its output.
ProcessResult run_command(const std::string& command_line);

// The whole content of a file ("" when it cannot be read).
std::string file_bytes(const std::filesystem::path& path);

// Quotes an argument for /bin/sh.
std::string shell_quote(const std::string& arg);

// A TCP port on the loopback interface that was free a moment ago (for rendezvous stores).
int free_tcp_port();

}  // namespace nava::test
