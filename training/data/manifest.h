// Reading the descriptions of training clips in the three accepted formats:
//
// (a) a folder of clips (mp4, mov, mkv, webm, avi, y4m; searched recursively) with a caption in
//     a same-name `.txt` beside each clip; the clip's own audio; no speech timing.
// (b) our JSONL manifest, one object per clip, paths relative to the manifest:
//       {"id", "video", "audio", "caption", "speech": [{"speaker", "voice", "start", "end"}],
//        "first_frame", "duration", "fps", "width", "height"}
//     "audio": a file name (separate sound), absent (the video's own sound; video-only when the
//     video has none) or null (video-only: the audio loss is masked). A record without "video"
//     is an audio-only clip. "speech" lists the `<S>…<E>` spans in order; "voice" (a reference
//     recording) and "start"/"end" (seconds) are optional per span.
// (c) the reference's training JSONL (`data_id`, `video_info[]`, `text_list[]` with
//     `speech_start`/`speech_end`, optional `audio_splits_info[]` / `audio_info[]`), alone or as
//     listed by a `.list` file ("idx<TAB>path" or "idx<TAB>name<TAB>path") and mixed by a
//     `.weight` file ("name<TAB>weight<TAB>task"; a 2-field list line belongs to the first
//     weight name contained in its path, as the reference matches them).
//
// Malformed records become ManifestIssue entries (reported by validation); a missing or
// unreadable description file, or a malformed `.list` / `.weight` line, throws ManifestError.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "inference/core/error.h"
#include "training/data/clip_record.h"

namespace nava::train {

// A description file that cannot be used at all; the message names the file and line.
class ManifestError : public FormatError {
public:
    using FormatError::FormatError;
};

struct ManifestOptions {
    // `.weight` file for a `.list` ("" = the list's name with the extension `.weight`).
    std::filesystem::path weights_file;
    // Prefix rewrites for paths written on another machine ({"<old prefix>", "<new prefix>"}),
    // applied to absolute media paths of reference data before anything else.
    std::vector<std::pair<std::string, std::string>> path_map;
    // A reference JSONL given alone (without a `.list`): its task and dataset name.
    ClipTask reference_task = ClipTask::audio_video;
    std::string reference_source = "default";
};

// Detects the format: a folder -> (a); a `.list` -> (c) with mixing; a `.jsonl` / `.json` file
// -> (b) or (c) by the keys of its first record.
ClipSet load_clip_set(const std::filesystem::path& path, const ManifestOptions& options = {});

ClipSet load_clip_folder(const std::filesystem::path& folder);
ClipSet load_nava_manifest(const std::filesystem::path& jsonl);
// One reference JSONL file as the source `source` of task `task`.
ClipSet load_reference_jsonl(const std::filesystem::path& jsonl, const std::string& source,
                             ClipTask task, const ManifestOptions& options = {});
ClipSet load_reference_list(const std::filesystem::path& list, const ManifestOptions& options = {});

// Media file name extensions the folder reader takes as clips.
bool is_clip_extension(const std::filesystem::path& path);

}  // namespace nava::train
