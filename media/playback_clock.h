// The pieces of the playback clock, kept apart from devices and threads so that they can be
// tested with simulated time: publishing what the audio callback played (seqlock), turning that
// into a position, and pacing output devices that consume faster than real time.
#pragma once

#include <atomic>
#include <cstdint>

namespace nava::media {

// Seconds of a monotonic clock (std::chrono::steady_clock).
double monotonic_seconds();

// What one audio callback delivered: `frames` content frames starting at content frame
// `start_frame`, audible from `heard_at_s` (monotonic seconds) on.
struct ClockSnapshot {
    int64_t epoch = 0;  // seek generation the snapshot belongs to
    int64_t start_frame = 0;
    int64_t frames = 0;
    double heard_at_s = 0.0;
};

// Single writer (the audio callback), any number of readers; wait-free for the writer.
class ClockPublisher {
public:
    void publish(const ClockSnapshot& s) noexcept;
    ClockSnapshot read() const noexcept;

private:
    std::atomic<uint64_t> seq_{0};
    std::atomic<int64_t> epoch_{0}, start_{0}, frames_{0};
    std::atomic<double> heard_at_{0.0};
};

// The content position (in frames, fractional) being heard at `now_s` according to `s`: the
// buffer's start plus the time since it became audible, never past its end. Before it becomes
// audible the result is earlier than its start (the previous buffer is still playing).
double heard_position(const ClockSnapshot& s, double now_s, int sample_rate_hz);

// Paces output devices that accept samples faster than real time (the null ALSA device, file
// sinks): a real device never asks for more than real time plus what it buffers; when a device
// runs ahead by more than half a buffer the callback sleeps off the excess. Smaller excesses are
// taken as clock drift between the sound card and the system clock, and absorbed.
class DevicePacer {
public:
    explicit DevicePacer(double margin_s = 0.005) : margin_s_(margin_s) {}
    void reset() { started_ = false; }
    // Called at the start of each callback with the buffer about to be filled; returns the
    // seconds the callback should sleep (0 for devices that pace themselves).
    double on_callback(double now_s, int64_t frames, double output_delay_s, int sample_rate_hz);

private:
    double margin_s_;
    bool started_ = false;
    double anchor_s_ = 0.0;
    double delivered_s_ = 0.0;  // device time handed out since the anchor
};

}  // namespace nava::media
