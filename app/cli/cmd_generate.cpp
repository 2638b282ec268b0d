// `nava generate`: its options are declared so that --help documents them; the generation
// pipeline is not part of this build yet.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/core/error.h"

namespace nava::cli {

int cmd_generate(const Args& args) {
    ArgParser p("nava generate",
                "Generate a clip whose picture and sound are made together from a scene prompt "
                "(speech written inline as <S>...<E>), optionally with a reference voice per "
                "speaker and a first-frame image.");
    p.option("prompt", "TEXT", "the scene prompt")
        .option("requests", "FILE", "a JSON or JSONL file of requests (batch mode)")
        .option("package", "DIR", "model package folder")
        .option("out", "FILE", "output clip (.mp4)");
    if (!p.parse(args)) return 0;
    throw NotImplementedError(
        "generation is not available in this build yet: the pipeline and a model package "
        "are still missing");
}

}  // namespace nava::cli
