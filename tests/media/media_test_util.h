// Shared helpers of the media tests: the ffmpeg command-line tool for making inputs, a
// synthetic clip with flashes and clicks at known times, and detectors for both.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "media/buffers.h"
#include "media/capabilities.h"

namespace nava::media::test {

// Skips the current test when the library was built without FFmpeg.
#define NAVA_REQUIRE_FFMPEG()                                                              \
    do {                                                                                   \
        if (!::nava::media::capabilities().ffmpeg) GTEST_SKIP() << "built without FFmpeg"; \
    } while (0)

// Skips the current test when the `ffmpeg` command-line tool is missing (it makes test inputs).
#define NAVA_REQUIRE_FFMPEG_CLI()                                            \
    do {                                                                     \
        NAVA_REQUIRE_FFMPEG();                                               \
        if (!::nava::media::test::have_ffmpeg_cli())                         \
            GTEST_SKIP() << "the ffmpeg command-line tool is not installed"; \
    } while (0)

bool have_ffmpeg_cli();

// Runs `ffmpeg -nostdin -v error -y ARGS`; fails the test (returns false) when it fails.
bool run_ffmpeg(const std::string& args);

// A test clip: grey picture with full-white flash frames, quiet noise-free sound with short
// 1 kHz bursts ("clicks") starting at the given times.
struct SyncClip {
    VideoBuffer video;
    AudioBuffer audio;
};
SyncClip make_sync_clip(int width, int height, Rational fps, double seconds,
                        const std::vector<int64_t>& flash_frames,
                        const std::vector<double>& click_times_s, int sample_rate_hz, int channels);

// Mean of all RGB bytes of frame `index`.
double frame_mean(const VideoBuffer& video, int64_t index);
double frame_mean(const std::vector<uint8_t>& rgb);

// Indices of frames brighter than `threshold` (each run of bright frames gives its first one).
std::vector<int64_t> find_flashes(const VideoBuffer& video, double threshold = 200.0);

// Onset times of bursts: where the envelope of channel 0 first exceeds half of the burst peak.
std::vector<double> find_clicks(const AudioBuffer& audio, double min_separation_s = 0.5);

// Dominant frequency estimate of channel 0 by counting zero crossings.
double zero_crossing_frequency(const AudioBuffer& audio);

}  // namespace nava::media::test
