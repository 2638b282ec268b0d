// Checking training clips before any encoding: every clip is accepted (with the facts the
// preprocessor needs: probed sizes, duration, bucket) or rejected with the reasons, so that a
// user sees at once which clips will not train and why. `nava train --validate-data` prints
// the report; the studio shows the same struct.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "training/data/buckets.h"
#include "training/data/clip_record.h"

namespace nava::train {

enum class RejectReason {
    malformed_record,       // the description line could not be read
    duplicate_id,           // another clip already has this id
    missing_file,           // video / audio file does not exist
    unreadable,             // exists but cannot be decoded (or no decoder in this build)
    no_video_stream,        // the video file holds no picture
    no_audio_stream,        // the separate audio file (or an audio-only clip) holds no sound
    too_short,              // fewer frames / seconds than the minimum
    too_long,               // more frames / seconds than the maximum
    no_caption,             // empty caption
    unbalanced_markers,     // `<S>` / `<E>` not paired
    speech_count_mismatch,  // the number of speech entries differs from the number of spans
    bad_speech_time,        // a span's end is not after its start
    voice_missing,          // a reference voice file does not exist or cannot be read
    first_frame_missing,    // the first-frame picture does not exist or cannot be read
};

const char* to_string(RejectReason reason);

struct ClipProblem {
    RejectReason reason = RejectReason::malformed_record;
    std::string message;
};

// What the media files hold (probed).
struct ClipMedia {
    double duration_s = 0.0;  // of the picture (of the sound for audio-only clips)
    double fps = 0.0;
    int width = 0;
    int height = 0;
    bool has_audio = false;  // sound available (separate file or the video's own stream)
};

struct ClipVerdict {
    std::string id;
    std::string origin;
    bool accepted = false;
    std::vector<ClipProblem> problems;  // why it was rejected
    std::vector<std::string> warnings;  // accepted, but worth knowing
    ClipRecord record;                  // as described (task adjusted: video-only when silent)
    ClipMedia media;
    ClipBucket bucket;  // valid when accepted
};

struct ValidationReport {
    std::string format;
    std::vector<DataSourceInfo> sources;  // mixing weights of the described datasets
    std::vector<ClipVerdict> clips;       // in description order; malformed records included

    int64_t accepted_count() const;
    int64_t rejected_count() const;
    std::map<RejectReason, int64_t> rejections_by_reason() const;
    std::vector<const ClipVerdict*> accepted() const;
    // Readable summary: counts, then one line per rejected clip (and warnings when asked).
    std::string format_text(bool with_warnings = true) const;
};

struct ValidationOptions {
    BucketOptions buckets;
    bool probe_media = true;  // false: only the description is checked (fast, no decoding)
};

ValidationReport validate_clips(const ClipSet& clips, const ValidationOptions& options);

}  // namespace nava::train
