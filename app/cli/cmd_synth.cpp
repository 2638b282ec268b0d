// `nava synth`: the procedurally generated audio-visual world NAVA-tiny is trained on — clips
// of bouncing objects whose impacts sound and of cartoon faces that speak (espeak-ng), with
// captions, reference voices and ground truth. Deterministic per seed; resumable.
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <thread>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "training/synth/dataset.h"
#include "training/synth/speech.h"

namespace nava::cli {

int cmd_synth(const Args& args) {
    ArgParser p("nava synth",
                "Generate a synthetic training set: short clips (objects bouncing with impact "
                "sounds, faces speaking in espeak-ng voices), their captions with <S>…<E> "
                "speech, a reference voice clip per speaker, ground truth per clip, "
                "manifest.jsonl, holdout.jsonl and stats.json. The same seed and settings give "
                "the same files; a rerun skips the clips already complete.");
    p.option("out", "DIR", "output folder (created if needed)")
        .option("clips", "N", "number of training clips", "100")
        .option("seed", "S", "random seed of the world", "0")
        .option("holdout", "M", "number of held-out prompts (with their reference clips)", "0")
        .option("width", "PX", "frame width (even)", "128")
        .option("height", "PX", "frame height (even)", "128")
        .option("frames", "N", "frames per clip (1 + 4k matches the model's latent grid)", "49")
        .option("fps", "N", "frames per second", "24")
        .option("threads", "T", "clips made in parallel (0 = one per CPU thread)", "0")
        .option("espeak", "PROGRAM", "espeak-ng program to call", "espeak-ng")
        .flag("quiet", "no line per clip, only the summary");
    if (!p.parse(args)) return 0;
    if (!p.has("out")) throw UsageError("--out DIR is required");

    synth::DatasetOptions o;
    o.out_dir = p.get("out");
    o.clips = p.get_int("clips");
    o.holdout = p.get_int("holdout");
    const long long seed = p.get_int("seed");
    if (seed < 0) throw UsageError("--seed must not be negative");
    o.seed = static_cast<uint64_t>(seed);
    o.format.width = static_cast<int>(p.get_int("width"));
    o.format.height = static_cast<int>(p.get_int("height"));
    o.format.frames = static_cast<int>(p.get_int("frames"));
    o.format.fps = static_cast<int>(p.get_int("fps"));
    o.threads = static_cast<int>(p.get_int("threads"));
    o.espeak = p.get("espeak");
    if (o.clips < 0 || o.holdout < 0) throw UsageError("--clips and --holdout must be >= 0");
    if (o.threads < 0) throw UsageError("--threads must be >= 0");
    const bool quiet = p.has("quiet");

    synth::find_espeak(o.espeak);  // the clear message before anything else
    const int threads =
        o.threads > 0 ? o.threads : static_cast<int>(std::thread::hardware_concurrency());
    std::printf(
        "nava synth: %lld clips + %lld held out, %dx%d, %d frames at %d fps (%.2f s), "
        "seed %llu, %d threads -> %s\n",
        static_cast<long long>(o.clips), static_cast<long long>(o.holdout), o.format.width,
        o.format.height, o.format.frames, o.format.fps, o.format.duration_s(),
        static_cast<unsigned long long>(o.seed), threads, o.out_dir.string().c_str());
    std::fflush(stdout);
    const auto summary = synth::generate_dataset(o, [&](const synth::ClipProgress& c) {
        if (quiet) return;
        const int width = static_cast<int>(std::to_string(c.total).size());
        if (c.skipped)
            std::printf("[%*lld/%lld] %s  already complete\n", width,
                        static_cast<long long>(c.done), static_cast<long long>(c.total),
                        c.id.c_str());
        else
            std::printf("[%*lld/%lld] %s  %.2f s  %d obj, %d faces, %d spans  %s\n", width,
                        static_cast<long long>(c.done), static_cast<long long>(c.total),
                        c.id.c_str(), c.seconds, c.objects, c.faces, c.spans, c.caption.c_str());
        std::fflush(stdout);
    });
    std::printf(
        "nava synth: %lld made, %lld already complete, %.1f s; %s/manifest.jsonl, "
        "holdout.jsonl, stats.json\n",
        static_cast<long long>(summary.made), static_cast<long long>(summary.skipped),
        summary.seconds, o.out_dir.string().c_str());
    return 0;
}

}  // namespace nava::cli
