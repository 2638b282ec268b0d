#include "training/data/buckets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::train {

namespace {

struct RatioRow {
    const char* key;
    double value;  // short / long
    // (short, long) in units of 16 pixels for table rows 1..15.
    std::array<std::array<int, 2>, 15> sides;
};

// The reference's size table (short side, long side) / 16 per aspect and scale row.
const std::array<RatioRow, 7> kRatios = {{
    {"1/1",
     1.0,
     {{{1, 1},
       {2, 2},
       {3, 3},
       {4, 4},
       {5, 5},
       {7, 7},
       {9, 9},
       {12, 12},
       {16, 16},
       {20, 20},
       {25, 25},
       {32, 32},
       {40, 40},
       {51, 51},
       {60, 60}}}},
    {"4/5",
     0.8,
     {{{1, 1},
       {1, 2},
       {2, 3},
       {3, 4},
       {4, 6},
       {6, 8},
       {8, 10},
       {10, 13},
       {13, 17},
       {17, 22},
       {22, 28},
       {28, 35},
       {36, 44},
       {44, 56},
       {54, 66}}}},
    {"3/4",
     0.75,
     {{{1, 1},
       {1, 2},
       {2, 3},
       {3, 4},
       {4, 6},
       {5, 8},
       {7, 10},
       {9, 13},
       {12, 17},
       {16, 22},
       {21, 28},
       {27, 36},
       {34, 45},
       {43, 57},
       {52, 68}}}},
    {"2/3",
     2.0 / 3.0,
     {{{1, 1},
       {1, 2},
       {2, 4},
       {3, 5},
       {4, 7},
       {5, 9},
       {7, 12},
       {9, 15},
       {12, 19},
       {16, 24},
       {20, 31},
       {25, 39},
       {31, 49},
       {41, 62},
       {46, 74}}}},
    {"9/16",
     9.0 / 16.0,
     {{{1, 1},
       {1, 2},
       {1, 4},
       {2, 5},
       {3, 7},
       {4, 9},
       {6, 12},
       {8, 16},
       {12, 21},
       {13, 25},
       {17, 32},
       {24, 42},
       {30, 52},
       {36, 64},
       {44, 80}}}},
    {"1/2",
     0.5,
     {{{1, 1},
       {1, 2},
       {1, 4},
       {2, 6},
       {3, 8},
       {4, 10},
       {6, 13},
       {8, 17},
       {10, 22},
       {13, 28},
       {17, 36},
       {22, 45},
       {28, 56},
       {36, 72},
       {42, 84}}}},
    {"2/5",
     0.4,
     {{{1, 1},
       {1, 2},
       {1, 4},
       {2, 7},
       {3, 9},
       {4, 12},
       {5, 16},
       {7, 20},
       {9, 25},
       {12, 32},
       {16, 40},
       {20, 51},
       {25, 64},
       {32, 80},
       {38, 96}}}},
}};

int scale_row(const BucketOptions& o) {
    if (o.size_scale > 0) return o.size_scale;
    switch (o.resolution) {
        case 256:
            return 9;
        case 512:
            return 12;
        case 640:
            return 13;
        case 960:
            return 15;
        default:
            throw ConfigError("resolution " + std::to_string(o.resolution) +
                              " has no size table (256, 512, 640 or 960; or give size_scale)");
    }
}

}  // namespace

void BucketOptions::validate() const {
    if (size_scale < 0 || size_scale > 15) throw ConfigError("size_scale must be 0..15");
    (void)scale_row(*this);
    if (fps <= 0.0) throw ConfigError("fps must be positive");
    if (frame_buckets.empty()) throw ConfigError("frame_buckets must not be empty");
    for (int64_t f : frame_buckets)
        if (f < 1 || (f - 1) % temporal_factor != 0)
            throw ConfigError("frame bucket " + std::to_string(f) + " is not 1 + " +
                              std::to_string(temporal_factor) + "k");
    if (min_frames < 1 || max_frames < min_frames)
        throw ConfigError("need 1 <= min_frames <= max_frames");
    if (audio_tokens_per_s <= 0.0 || audio_sample_rate_hz <= 0)
        throw ConfigError("audio rates must be positive");
    if (max_audio_s < min_audio_s || audio_bucket_s <= 0.0)
        throw ConfigError("need min_audio_s <= max_audio_s and audio_bucket_s > 0");
}

BucketOptions BucketOptions::from_json(const nlohmann::json& json, const std::string& label) {
    BucketOptions o;
    if (json.is_null()) return o;
    io::ConfigReader r(json, label);
    o.resolution = static_cast<int>(r.get_int("resolution", o.resolution));
    o.size_scale = static_cast<int>(r.get_int("size_scale", o.size_scale));
    o.fps = r.get_double("fps", o.fps);
    o.frame_buckets = r.get_int_list("frame_buckets", o.frame_buckets);
    o.min_frames = r.get_int("min_frames", o.min_frames);
    o.max_frames = r.get_int("max_frames", o.max_frames);
    o.pad_short_clips = r.get_bool("pad_short_clips", o.pad_short_clips);
    o.min_audio_s = r.get_double("min_audio_s", o.min_audio_s);
    o.max_audio_s = r.get_double("max_audio_s", o.max_audio_s);
    o.audio_bucket_s = r.get_double("audio_bucket_s", o.audio_bucket_s);
    try {
        o.validate();
    } catch (const ConfigError& e) {
        throw ConfigError(label + ": " + e.what());
    }
    return o;
}

nlohmann::json BucketOptions::to_json() const {
    return {{"resolution", resolution},
            {"size_scale", size_scale},
            {"fps", fps},
            {"frame_buckets", frame_buckets},
            {"min_frames", min_frames},
            {"max_frames", max_frames},
            {"pad_short_clips", pad_short_clips},
            {"min_audio_s", min_audio_s},
            {"max_audio_s", max_audio_s},
            {"audio_bucket_s", audio_bucket_s}};
}

AspectSize aspect_size(int width, int height, const BucketOptions& options) {
    if (width <= 0 || height <= 0) throw ConfigError("picture size must be positive");
    const double ratio = static_cast<double>(std::min(width, height)) / std::max(width, height);
    std::size_t pick = kRatios.size() - 1;
    for (std::size_t i = 0; i + 1 < kRatios.size(); ++i) {
        if (ratio >= (kRatios[i].value + kRatios[i + 1].value) / 2.0) {
            pick = i;
            break;
        }
    }
    const auto& side = kRatios[pick].sides[static_cast<std::size_t>(scale_row(options) - 1)];
    const int unit = static_cast<int>(options.spatial_factor);
    AspectSize s;
    s.ratio = kRatios[pick].key;
    const int short_px = side[0] * unit, long_px = side[1] * unit;
    // Portrait clips get portrait buckets (the reference orients by the longer side).
    s.width = height > width ? short_px : long_px;
    s.height = height > width ? long_px : short_px;
    return s;
}

int64_t aligned_audio_length(int64_t frames, double fps, double tokens_per_s) {
    // Rounded to micro-seconds first so that 121 / 24 * 25 style products do not creep over
    // an integer through floating error.
    const double tokens = static_cast<double>(frames) / fps * tokens_per_s;
    return static_cast<int64_t>(std::ceil(std::round(tokens * 1e6) / 1e6));
}

int64_t ClipBucket::latent_frames(const BucketOptions& o) const {
    return frames > 0 ? (frames - 1) / o.temporal_factor + 1 : 0;
}

std::string ClipBucket::key() const {
    if (task == ClipTask::audio) return "audio:L" + std::to_string(audio_length);
    return std::string(task == ClipTask::video ? "video:" : "av:") + std::to_string(frames) + "x" +
           std::to_string(height) + "x" + std::to_string(width);
}

std::optional<ClipBucket> choose_bucket(ClipTask task, int width, int height, double duration_s,
                                        const BucketOptions& options, std::string* why_not) {
    auto fail = [&](const std::string& reason) -> std::optional<ClipBucket> {
        if (why_not) *why_not = reason;
        return std::nullopt;
    };
    ClipBucket b;
    b.task = task;
    if (task == ClipTask::audio) {
        if (duration_s < options.min_audio_s)
            return fail("audio of " + std::to_string(duration_s) + " s is shorter than " +
                        std::to_string(options.min_audio_s) + " s");
        if (duration_s > options.max_audio_s)
            return fail("audio of " + std::to_string(duration_s) + " s is longer than " +
                        std::to_string(options.max_audio_s) + " s");
        const double steps = std::max(1.0, std::floor(duration_s / options.audio_bucket_s));
        b.audio_length = static_cast<int64_t>(
            std::ceil(steps * options.audio_bucket_s * options.audio_tokens_per_s - 1e-9));
        return b;
    }
    // The reference counts frames as int(duration * fps).
    const int64_t available = static_cast<int64_t>(std::floor(duration_s * options.fps + 1e-6));
    if (available < options.min_frames)
        return fail(std::to_string(available) + " frames at " + std::to_string(options.fps) +
                    " fps, fewer than " + std::to_string(options.min_frames));
    if (available > options.max_frames)
        return fail(std::to_string(available) + " frames at " + std::to_string(options.fps) +
                    " fps, more than " + std::to_string(options.max_frames));
    int64_t frames = 0;
    for (int64_t f : options.frame_buckets)
        if (f <= available) frames = std::max(frames, f);
    if (frames == 0) {
        if (!options.pad_short_clips)
            return fail(std::to_string(available) + " frames, fewer than the smallest bucket");
        frames = *std::min_element(options.frame_buckets.begin(), options.frame_buckets.end());
    }
    const AspectSize size = aspect_size(width, height, options);
    b.frames = frames;
    b.width = size.width;
    b.height = size.height;
    b.ratio = size.ratio;
    b.audio_length = aligned_audio_length(frames, options.fps, options.audio_tokens_per_s);
    return b;
}

}  // namespace nava::train
