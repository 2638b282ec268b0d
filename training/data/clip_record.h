// One training clip as every input format describes it (a folder of clips with captions, our
// JSONL manifest, the reference's training JSONL), before anything is decoded: plain data, no
// tensors. The preprocessor turns each accepted record into one cache entry.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace nava::train {

// What the clip trains (the reference's task names: text_to_av, text_to_video, text_to_audio).
enum class ClipTask { audio_video, video, audio };

const char* to_string(ClipTask task);
// "text_to_av" / "av", "text_to_video" / "video", "text_to_audio" / "audio"; throws ConfigError.
ClipTask clip_task_from_string(const std::string& name);

// Where the clip's sound comes from.
enum class ClipAudio {
    from_video,  // the video file's own audio stream (video-only when it has none)
    separate,    // ClipRecord::audio
    none,        // explicitly silent: a video-only sample, its audio loss masked
};

// One `<S>…<E>` span of the caption, in span order.
struct SpeechSegment {
    std::string speaker;          // a label ("" when unknown)
    std::filesystem::path voice;  // reference voice recording; empty: cut from the clip's audio
    double start_s = -1.0;        // span time in the clip (-1: unknown)
    double end_s = -1.0;

    bool has_time() const { return start_s >= 0.0 && end_s > start_s; }
};

struct ClipRecord {
    std::string id;
    std::filesystem::path video;  // empty for audio-only clips
    std::filesystem::path audio;  // with ClipAudio::separate (or the audio of an audio-only clip)
    ClipAudio audio_source = ClipAudio::from_video;
    std::string caption;  // with inline `<S>…<E>` speech
    std::vector<SpeechSegment> speech;
    std::filesystem::path first_frame;  // optional conditioning picture
    // As declared by the description (0 = unknown; the media file decides).
    double duration_s = 0.0;
    double fps = 0.0;
    int width = 0;
    int height = 0;
    ClipTask task = ClipTask::audio_video;
    // Reference text-to-speech sources (names ending in "_tts"): a transcript without markers
    // is spoken text as a whole, with one voice cut from the whole clip.
    bool tts = false;
    std::string source = "default";  // dataset name (mixing weight key)
    std::string origin;              // "file:line" for messages
};

// A line or entry that could not become a record (it is reported, not fatal).
struct ManifestIssue {
    std::string origin;  // "file:line"
    std::string id;      // when known
    std::string message;
};

// One dataset of a mixture (the reference's `.weight` lines).
struct DataSourceInfo {
    std::string name;
    double weight = 1.0;
    ClipTask task = ClipTask::audio_video;
    std::vector<std::filesystem::path> files;
};

struct ClipSet {
    std::string format;  // "folder", "nava-jsonl", "reference-jsonl", "reference-list"
    std::vector<ClipRecord> clips;
    std::vector<ManifestIssue> issues;
    std::vector<DataSourceInfo> sources;  // empty: one source "default" of weight 1
};

}  // namespace nava::train
