#include "media/audio_output.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "media/media_error.h"
#include "media/playback_clock.h"

namespace nava::media {
namespace {

// A fake device: a thread that asks for one buffer per buffer period, on an absolute schedule
// (no drift), and throws the samples away.
class TimerOutput final : public AudioOutput {
public:
    TimerOutput(const AudioOutputSpec& spec, AudioRenderer& renderer)
        : spec_(spec), renderer_(renderer) {
        if (spec_.sample_rate_hz <= 0 || spec_.channels <= 0)
            throw MediaError("timer output: invalid format");
        if (spec_.frames_per_buffer <= 0) spec_.frames_per_buffer = 512;
    }
    ~TimerOutput() override { stop(); }

    void start() override {
        if (thread_.joinable()) return;
        running_ = true;
        thread_ = std::thread([this] { run(); });
    }
    void stop() override {
        running_ = false;
        if (thread_.joinable()) thread_.join();
    }
    std::string name() const override { return "timer (no audio device)"; }
    double latency_s() const override { return 0.0; }

private:
    void run() {
        std::vector<float> buffer(static_cast<std::size_t>(spec_.frames_per_buffer) *
                                  spec_.channels);
        const double period_s = static_cast<double>(spec_.frames_per_buffer) / spec_.sample_rate_hz;
        double deadline = monotonic_seconds();
        while (running_) {
            const double now = monotonic_seconds();
            // After a long stall (suspended process) start afresh instead of catching up.
            if (now - deadline > 0.25) deadline = now;
            renderer_.render(buffer.data(), spec_.frames_per_buffer, {now, 0.0});
            deadline += period_s;
            const double wait = deadline - monotonic_seconds();
            if (wait > 0) std::this_thread::sleep_for(std::chrono::duration<double>(wait));
        }
    }

    AudioOutputSpec spec_;
    AudioRenderer& renderer_;
    std::atomic<bool> running_{false};
    std::thread thread_;
};

}  // namespace

std::unique_ptr<AudioOutput> open_timer_output(const AudioOutputSpec& spec,
                                               AudioRenderer& renderer) {
    return std::make_unique<TimerOutput>(spec, renderer);
}

std::unique_ptr<AudioOutput> open_audio_output(AudioOutputKind kind, const AudioOutputSpec& spec,
                                               AudioRenderer& renderer, std::string* why_not) {
    if (kind == AudioOutputKind::timer) return open_timer_output(spec, renderer);
    try {
        return open_portaudio_output(spec, renderer);
    } catch (const MediaError& e) {
        if (kind == AudioOutputKind::portaudio) throw;
        if (why_not) *why_not = e.what();
        return open_timer_output(spec, renderer);
    }
}

}  // namespace nava::media
