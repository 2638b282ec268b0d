// `nava generate` and `nava train`: their options are declared so that --help documents them;
// the generation pipeline and the trainer are not part of this build yet.
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

int cmd_train(const Args& args) {
    ArgParser p("nava train", "Fine-tune a model package on a dataset, following a recipe file.");
    p.positional("RECIPE", "recipe file (JSON)", false)
        .option("nproc", "N", "number of local ranks to start", "1");
    if (!p.parse(args)) return 0;
    throw NotImplementedError("training is not available in this build yet");
}

}  // namespace nava::cli
