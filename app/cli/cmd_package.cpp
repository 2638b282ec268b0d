// `nava package random`: a complete model package with random weights at a chosen width — the
// starting point of a NAVA-tiny training run, and a stand-in for benchmarks and tests.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/pipeline/random_package.h"

namespace nava::cli {

int cmd_package(const Args& args) {
    if (args.empty() || args[0] != "random") {
        if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
            std::printf(
                "usage: nava package random --tokenizer spiece.model --out DIR [options]\n");
            return 0;
        }
        throw UsageError("usage: nava package random --tokenizer spiece.model --out DIR [options]");
    }
    ArgParser p("nava package random",
                "Write a model package (manifest, DiT, umT5, video and audio VAE, tokenizer) with "
                "random weights.");
    p.option("tokenizer", "FILE", "sentencepiece model with the umT5 id layout and <extra_id_2>")
        .option("out", "DIR", "package folder")
        .option("name", "NAME", "package name", "random-tiny")
        .option("seed", "N", "weights seed", "1")
        .option("dit", "JSON",
                "DiT constructor keys overriding the tiny defaults, e.g. "
                "'{\"dim\": 512, \"num_heads\": 8, \"ffn_dim\": 2048}'")
        .option("text-dim", "N", "umT5 width", "32")
        .option("text-layers", "N", "umT5 layers", "1");
    if (!p.parse(Args(args.begin() + 1, args.end()))) return 0;
    if (!p.has("tokenizer") || !p.has("out"))
        throw UsageError("--tokenizer and --out are required");
    pipeline::RandomPackageSpec spec;
    spec.tokenizer_model = p.get("tokenizer");
    spec.name = p.get("name");
    spec.seed = static_cast<uint64_t>(p.get_int("seed"));
    spec.text_dim = p.get_int("text-dim");
    spec.text_layers = p.get_int("text-layers");
    if (p.has("dit")) {
        const auto j = nlohmann::json::parse(p.get("dit"), nullptr, false);
        if (j.is_discarded() || !j.is_object()) throw UsageError("--dit must be a JSON object");
        spec.dit_overrides = j;
    }
    pipeline::write_random_package(p.get("out"), spec);
    std::printf("wrote %s\n", p.get("out").c_str());
    return 0;
}

}  // namespace nava::cli
