// `nava package random`: a complete model package with random weights at a chosen width — the
// starting point of a NAVA-tiny training run, and a stand-in for benchmarks and tests.
// `nava package assemble`: a package from a base package and trained parts (how NAVA-tiny is
// put together from the outputs of `nava train-vae` and `nava train`).
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/pipeline/package_assembly.h"
#include "inference/pipeline/random_package.h"

namespace nava::cli {
namespace {

constexpr const char* kUsage =
    "usage: nava package random --tokenizer spiece.model --out DIR [options]\n"
    "       nava package assemble --base DIR --out DIR [--dit FILE] [--video-vae JSON] ...\n";

nlohmann::json json_object_option(const ArgParser& p, const std::string& name) {
    if (!p.has(name)) return nlohmann::json::object();
    const auto j = nlohmann::json::parse(p.get(name), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw UsageError("--" + name + " must be a JSON object");
    return j;
}

int package_random(const Args& args) {
    ArgParser p("nava package random",
                "Write a model package (manifest, DiT, umT5, video and audio VAE, tokenizer, "
                "optionally a speaker encoder) with random weights.");
    p.option("tokenizer", "FILE", "sentencepiece model with the umT5 id layout and <extra_id_2>")
        .option("out", "DIR", "package folder")
        .option("name", "NAME", "package name", "random-tiny")
        .option("seed", "N", "weights seed", "1")
        .option("dit", "JSON",
                "DiT constructor keys overriding the tiny defaults, e.g. "
                "'{\"dim\": 512, \"num_heads\": 8, \"ffn_dim\": 2048}'")
        .option("text-dim", "N", "umT5 width", "32")
        .option("text-layers", "N", "umT5 layers", "1")
        .option("text-ffn", "N", "umT5 feed-forward width", "64")
        .option("text-len", "N", "umT5 context length (tokens)", "64")
        .flag("speaker", "include a tiny ReDimNet speaker encoder (random weights)")
        .option("defaults", "JSON",
                "generation defaults merged into the manifest, e.g. '{\"width\": 64, "
                "\"height\": 64, \"duration_s\": 2}'");
    if (!p.parse(args)) return 0;
    if (!p.has("tokenizer") || !p.has("out"))
        throw UsageError("--tokenizer and --out are required");
    pipeline::RandomPackageSpec spec;
    spec.tokenizer_model = p.get("tokenizer");
    spec.name = p.get("name");
    spec.seed = static_cast<uint64_t>(p.get_int("seed"));
    spec.text_dim = p.get_int("text-dim");
    spec.text_layers = p.get_int("text-layers");
    spec.text_ffn = p.get_int("text-ffn");
    spec.text_len = p.get_int("text-len");
    spec.dit_overrides = json_object_option(p, "dit");
    const nlohmann::json defaults = json_object_option(p, "defaults");
    for (const auto& [k, v] : defaults.items())
        spec.defaults[k] = v;
    if (p.has("speaker")) spec.speaker_config = pipeline::tiny_speaker_config();
    pipeline::write_random_package(p.get("out"), spec);
    std::printf("wrote %s\n", p.get("out").c_str());
    return 0;
}

int package_assemble(const Args& args) {
    ArgParser p("nava package assemble",
                "Write a model package from a base package and trained parts: each given file "
                "replaces the base's component; the rest is copied. The result is checked to "
                "open before it replaces --out.");
    p.option("base", "DIR", "base package (our layout)")
        .option("out", "DIR", "new package folder")
        .option("name", "NAME", "package name (default: the base's)")
        .option("version", "TEXT", "package version (default: the base's)")
        .option("dit", "FILE", "trained DiT weights (nava train's model.safetensors)")
        .option("video-vae", "JSON", "video_vae.component.json from nava train-vae video")
        .option("audio-vae", "JSON", "audio_vae.component.json from nava train-vae audio")
        .option("speaker", "FILE", "speaker encoder safetensors (ReDimNet, config in metadata)")
        .option("voices", "LIST", "demo voices NAME=FILE[,NAME=FILE...] copied into voices/")
        .option("dtype", "TYPE", "storage of large weights: bf16 or f32", "bf16")
        .option("defaults", "JSON", "generation defaults merged over the base's")
        .option("about", "JSON", "provenance recorded in the manifest under \"about\"");
    if (!p.parse(args)) return 0;
    if (!p.has("base") || !p.has("out")) throw UsageError("--base and --out are required");
    pipeline::AssemblySpec spec;
    spec.base = p.get("base");
    spec.out = p.get("out");
    spec.name = p.get("name");
    spec.version = p.get("version");
    spec.dit = p.get("dit");
    spec.video_vae = p.get("video-vae");
    spec.audio_vae = p.get("audio-vae");
    spec.speaker_encoder = p.get("speaker");
    spec.dtype = p.get("dtype");
    spec.defaults = json_object_option(p, "defaults");
    spec.about = json_object_option(p, "about");
    const std::string voices = p.get("voices");
    for (std::size_t start = 0; start < voices.size();) {
        std::size_t end = voices.find(',', start);
        if (end == std::string::npos) end = voices.size();
        const std::string item = voices.substr(start, end - start);
        const std::size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw UsageError("--voices takes NAME=FILE items separated by commas, not '" + item +
                             "'");
        spec.voices.push_back({item.substr(0, eq), item.substr(eq + 1)});
        start = end + 1;
    }
    const pipeline::AssemblyReport report = pipeline::assemble_package(spec);
    for (const auto& [file, bytes] : report.files)
        std::printf("  %-36s %10.2f MB\n", file.c_str(), static_cast<double>(bytes) / 1e6);
    std::printf("wrote %s (%.2f MB)\n", spec.out.string().c_str(),
                static_cast<double>(report.total_bytes) / 1e6);
    return 0;
}

}  // namespace

int cmd_package(const Args& args) {
    if (args.empty()) throw UsageError(kUsage);
    if (args[0] == "--help" || args[0] == "-h") {
        std::printf("%s", kUsage);
        return 0;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args[0] == "random") return package_random(rest);
    if (args[0] == "assemble") return package_assemble(rest);
    throw UsageError(std::string("unknown package command '") + args[0] + "'\n" + kUsage);
}

}  // namespace nava::cli
