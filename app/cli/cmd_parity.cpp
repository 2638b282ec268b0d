// `nava parity FIXTURE_DIR --out FILE`: the reference-fixture contract (see README).
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/error.h"
#include "inference/parity/parity.h"

namespace nava::cli {

int cmd_parity(const Args& args) {
    ArgParser p("nava parity",
                "Build the component named in FIXTURE_DIR/manifest.json from the fixture's "
                "config and weights, run it on the listed inputs and write every listed output "
                "(float32) to --out. When the reference tensors are present, print the error of "
                "each output and exit non-zero if any is out of tolerance.");
    p.positional("FIXTURE_DIR", "folder with manifest.json, config and tensor files")
        .option("out", "FILE", "where to write the outputs (.safetensors)")
        .flag("skip-unimplemented",
              "exit with status 77 (test skipped) instead of 1 when this build does not "
              "implement the fixture's component");
    if (!p.parse(args)) return 0;
    if (!p.has("out")) throw UsageError("missing option --out FILE");

    parity::RunResult result;
    try {
        result = parity::run_fixture(p.positional_value("FIXTURE_DIR"), p.get("out"), std::cout);
    } catch (const NotImplementedError& e) {
        if (!p.has("skip-unimplemented")) throw;
        std::cout << "skipped: " << e.what() << "\n";
        return 77;
    }
    std::size_t passed = 0;
    for (const auto& o : result.outputs)
        passed += o.pass ? 1 : 0;
    std::cout << result.component << ": " << passed << "/" << result.outputs.size()
              << " outputs pass; wrote " << p.get("out") << "\n";
    return result.all_pass ? 0 : 1;
}

}  // namespace nava::cli
