// A whole synthetic dataset in one folder:
//   clips/<id>.mp4   picture + sound (H.264 + AAC), for viewing
//   clips/<id>.wav   the sound, lossless 16-bit, what training reads
//   clips/<id>.json  ground truth (truth.h)
//   voices/<speaker>-<id>.wav  reference voice of each speaker (other words, same voice)
//   manifest.jsonl   training clips, one JSON object per line (truth.h: manifest_record)
//   holdout.jsonl    held-out prompts for the quality benchmark (truth.h: holdout_record)
//   stats.json       counts and durations
//   synth.json       the settings the folder was made with (a resumed run must match them)
// Clips are made in parallel, each a deterministic function of (settings, seed, split, index);
// every file is written atomically and the truth file last, so a clip whose truth file and
// listed files exist is complete and a rerun skips it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "training/synth/types.h"

namespace nava::synth {

struct DatasetOptions {
    std::filesystem::path out_dir;
    int64_t clips = 0;    // training clips
    int64_t holdout = 0;  // held-out prompts (their reference clips are made too)
    uint64_t seed = 0;
    ClipFormat format;
    int threads = 0;                   // 0 = one per hardware thread
    std::string espeak = "espeak-ng";  // program name or path
    int crf = 18;                      // H.264 quality of the viewing copies
};

struct ClipProgress {
    std::string id;
    Split split = Split::train;
    bool skipped = false;  // already complete from an earlier run
    int objects = 0, faces = 0, spans = 0;
    std::string caption;
    double seconds = 0.0;  // time to make it
    int64_t done = 0;      // clips finished so far (made or skipped), this one included
    int64_t total = 0;
};

struct DatasetSummary {
    int64_t made = 0;
    int64_t skipped = 0;
    double seconds = 0.0;
};

// Throws SynthError (bad options, espeak-ng missing, a folder made with other settings, a clip
// that failed). `progress` is called once per clip, never concurrently.
DatasetSummary generate_dataset(const DatasetOptions& options,
                                const std::function<void(const ClipProgress&)>& progress = {});

// Whether the clip `id` in `dir` is complete (truth readable, every file it lists present).
bool clip_complete(const std::filesystem::path& dir, const std::string& id);

// Checks sizes and rates; throws SynthError naming the bad one.
void validate_format(const ClipFormat& format);

}  // namespace nava::synth
