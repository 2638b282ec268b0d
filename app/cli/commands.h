// The `nava` subcommands. Each takes the arguments after its name and returns the exit status.
#pragma once

#include <string>
#include <vector>

namespace nava::cli {

using Args = std::vector<std::string>;

int cmd_generate(const Args& args);
int cmd_train(const Args& args);
int cmd_train_vae(const Args& args);
int cmd_parity(const Args& args);
int cmd_bench(const Args& args);
int cmd_inspect(const Args& args);
int cmd_synth(const Args& args);
int cmd_convert(const Args& args);
int cmd_package(const Args& args);
int bench_generate(const Args& args);  // `nava bench generate`
int bench_quality(const Args& args);   // `nava bench quality`

// Shared formatting helpers.
std::string format_count(unsigned long long n);  // 2837824 -> "2,837,824"
std::string format_bytes(unsigned long long n);  // 5675648 -> "5.41 MiB"

}  // namespace nava::cli
