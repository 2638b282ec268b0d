// The ground truth of a clip as JSON (clips/<id>.json), and the manifest records derived from
// it. Everything a quality benchmark needs: per-frame object positions, impacts, per-frame mouth
// openings, speech intervals with their voices, the caption and its span order.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "training/synth/clip.h"

namespace nava::synth {

inline constexpr int kTruthVersion = 1;

nlohmann::ordered_json truth_json(const Clip& clip);

// One line of manifest.jsonl:
//   {"id", "video", "audio", "caption", "duration", "fps", "width", "height",
//    "speech": [{"speaker", "voice", "start", "end"}...] (span order), "first_frame": null,
//    "truth"}
// with paths relative to the dataset folder.
nlohmann::ordered_json manifest_record(const nlohmann::ordered_json& truth);

// One line of holdout.jsonl: the manifest record plus "prompt" and "spk_wavs" (the reference's
// request record, so nava::api::request_from_reference_record reads it) and "request", a full
// generation recipe (nava::api::request_from_json) for the clip's geometry.
nlohmann::ordered_json holdout_record(const nlohmann::ordered_json& truth);

}  // namespace nava::synth
