// Length / aspect buckets: the picture size and frame count a clip is encoded at, so that clips
// of one bucket have identical latent shapes (a batch of one bucket needs no padding).
//
// Aspect: the clip's short/long side ratio picks the nearest of 1:1, 4:5, 3:4, 2:3, 9:16, 1:2,
// 2:5 (thresholds at the arithmetic means of neighbours, as the reference), oriented like the
// clip; the size comes from the reference's 16-aligned table for the chosen resolution (960 ->
// 1280x704 for 16:9). The clip is scaled to cover that size and centre-cropped.
// Length: the largest configured frame count (1 + 4k, so the video VAE takes it whole) that the
// clip holds at the training frame rate; the audio latent is aligned to that duration
// (ceil(frames / fps * 25) tokens at 16 kHz).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "training/data/clip_record.h"

namespace nava::train {

struct BucketOptions {
    // Picture size table: resolution 256, 512, 640 or 960 (the reference's tables), or a table
    // row 1..15 directly with `size_scale` (small values give tiny pictures for tests).
    int resolution = 960;
    int size_scale = 0;  // 0 = from `resolution`
    double fps = 24.0;
    // Video frame counts a clip may be cut to, each 1 + 4k (the reference encodes 121).
    std::vector<int64_t> frame_buckets = {33, 49, 65, 81, 97, 121};
    int64_t min_frames = 33;   // shorter clips are rejected (reference: 33)
    int64_t max_frames = 400;  // longer clips are rejected (reference: 400)
    // Clips shorter than the smallest bucket but not shorter than min_frames are padded with
    // their last frame (how the reference reaches its single 121-frame target).
    bool pad_short_clips = true;
    int64_t audio_sample_rate_hz = 16000;
    double audio_tokens_per_s = 25.0;  // audio VAE latent rate
    // Audio-only clips: accepted durations and the step their length is rounded down to.
    double min_audio_s = 0.5;
    double max_audio_s = 10.0;
    double audio_bucket_s = 1.0;
    int64_t spatial_factor = 16;  // video VAE pixels per latent pixel
    int64_t temporal_factor = 4;  // video frames per latent frame after the first

    void validate() const;  // ConfigError for inconsistent values

    // Keys as the fields above; absent keys keep the defaults.
    static BucketOptions from_json(const nlohmann::json& json, const std::string& label);
    nlohmann::json to_json() const;
};

struct AspectSize {
    std::string ratio;  // "9/16" (short/long)
    int width = 0;
    int height = 0;
};

// The aspect key and pixel size for a `width` x `height` picture.
AspectSize aspect_size(int width, int height, const BucketOptions& options);

struct ClipBucket {
    ClipTask task = ClipTask::audio_video;
    int64_t frames = 0;  // video frames to encode (0 for audio-only)
    int width = 0;       // pixels (0 for audio-only)
    int height = 0;
    int64_t audio_length = 0;  // audio latent tokens (aligned to the video for video clips)
    std::string ratio;         // aspect key

    int64_t latent_frames(const BucketOptions& o) const;
    // "av:121x704x1280", "audio:L250": identical for clips that get identical shapes.
    std::string key() const;
};

// The bucket of a clip of `duration_s` seconds and `width` x `height` pixels (ignored for
// audio-only), or nullopt with the reason in `why_not` when it fits none.
std::optional<ClipBucket> choose_bucket(ClipTask task, int width, int height, double duration_s,
                                        const BucketOptions& options, std::string* why_not);

// Audio tokens aligned to `frames` video frames: ceil(frames / fps * tokens_per_s).
int64_t aligned_audio_length(int64_t frames, double fps, double tokens_per_s);

}  // namespace nava::train
