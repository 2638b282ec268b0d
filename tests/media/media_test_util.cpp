#include "tests/media/media_test_util.h"

#include <algorithm>
#include <cmath>

#include "tests/support/test_support.h"

namespace nava::media::test {

bool have_ffmpeg_cli() {
    static const bool found = nava::test::run_command("ffmpeg -version").exit_code == 0;
    return found;
}

bool run_ffmpeg(const std::string& args) {
    const auto r = nava::test::run_command("ffmpeg -nostdin -v error -y " + args);
    EXPECT_EQ(r.exit_code, 0) << "ffmpeg " << args << "\n" << r.output;
    return r.exit_code == 0;
}

SyncClip make_sync_clip(int width, int height, Rational fps, double seconds,
                        const std::vector<int64_t>& flash_frames,
                        const std::vector<double>& click_times_s, int sample_rate_hz,
                        int channels) {
    SyncClip clip;
    clip.video.width = width;
    clip.video.height = height;
    clip.video.fps = fps;
    const auto frames = static_cast<int64_t>(std::llround(seconds * fps.value()));
    const std::size_t frame_bytes = static_cast<std::size_t>(width) * height * 3;
    clip.video.rgb.assign(frame_bytes * frames, 64);
    for (int64_t f : flash_frames)
        std::fill_n(clip.video.rgb.begin() + static_cast<std::ptrdiff_t>(f * frame_bytes),
                    frame_bytes, 255);
    // A moving bar keeps the encoder honest (not a still picture).
    for (int64_t f = 0; f < frames; ++f) {
        const int x = static_cast<int>((f * 2) % std::max(1, width - 4));
        for (int y = 0; y < height; ++y)
            for (int dx = 0; dx < 4; ++dx)
                clip.video
                    .rgb[f * frame_bytes + (static_cast<std::size_t>(y) * width + x + dx) * 3 + 1] =
                    160;
    }
    clip.audio.sample_rate_hz = sample_rate_hz;
    clip.audio.channels = channels;
    const auto samples = static_cast<int64_t>(std::llround(seconds * sample_rate_hz));
    clip.audio.samples.assign(static_cast<std::size_t>(samples) * channels, 0.0f);
    const int64_t burst = sample_rate_hz / 100;  // 10 ms
    for (double t : click_times_s) {
        const auto start = static_cast<int64_t>(std::llround(t * sample_rate_hz));
        for (int64_t i = 0; i < burst && start + i < samples; ++i) {
            const float v =
                static_cast<float>(0.8 * std::sin(2 * M_PI * 1000.0 * i / sample_rate_hz));
            for (int c = 0; c < channels; ++c)
                clip.audio.samples[static_cast<std::size_t>(start + i) * channels + c] = v;
        }
    }
    return clip;
}

double frame_mean(const std::vector<uint8_t>& rgb) {
    double sum = 0;
    for (uint8_t v : rgb)
        sum += v;
    return rgb.empty() ? 0.0 : sum / static_cast<double>(rgb.size());
}

double frame_mean(const VideoBuffer& video, int64_t index) {
    const std::size_t bytes = static_cast<std::size_t>(video.width) * video.height * 3;
    const uint8_t* p = video.rgb.data() + index * bytes;
    double sum = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        sum += p[i];
    return sum / static_cast<double>(bytes);
}

std::vector<int64_t> find_flashes(const VideoBuffer& video, double threshold) {
    std::vector<int64_t> out;
    bool in_flash = false;
    for (int64_t i = 0; i < video.frame_count(); ++i) {
        const bool bright = frame_mean(video, i) > threshold;
        if (bright && !in_flash) out.push_back(i);
        in_flash = bright;
    }
    return out;
}

std::vector<double> find_clicks(const AudioBuffer& audio, double min_separation_s) {
    // Envelope: max |x| over 1 ms windows of channel 0.
    const int64_t n = audio.frames();
    double peak = 0;
    for (int64_t i = 0; i < n; ++i)
        peak = std::max(peak, static_cast<double>(std::fabs(audio.samples[i * audio.channels])));
    std::vector<double> out;
    if (peak <= 0) return out;
    const double threshold = 0.5 * peak;
    double last = -1e9;
    for (int64_t i = 0; i < n; ++i) {
        if (std::fabs(audio.samples[i * audio.channels]) < threshold) continue;
        const double t = static_cast<double>(i) / audio.sample_rate_hz;
        if (t - last >= min_separation_s) out.push_back(t);
        last = t;
    }
    return out;
}

double zero_crossing_frequency(const AudioBuffer& audio) {
    int64_t crossings = 0;
    const int64_t n = audio.frames();
    for (int64_t i = 1; i < n; ++i) {
        const float a = audio.samples[(i - 1) * audio.channels];
        const float b = audio.samples[i * audio.channels];
        if ((a < 0) != (b < 0)) ++crossings;
    }
    return n > 0 ? crossings / 2.0 / audio.duration_s() : 0.0;
}

}  // namespace nava::media::test
