#include "media/playback_clock.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace nava::media {

double monotonic_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void ClockPublisher::publish(const ClockSnapshot& s) noexcept {
    const uint64_t seq = seq_.load(std::memory_order_relaxed);
    seq_.store(seq + 1, std::memory_order_relaxed);  // odd: being written
    std::atomic_thread_fence(std::memory_order_release);
    epoch_.store(s.epoch, std::memory_order_relaxed);
    start_.store(s.start_frame, std::memory_order_relaxed);
    frames_.store(s.frames, std::memory_order_relaxed);
    heard_at_.store(s.heard_at_s, std::memory_order_relaxed);
    seq_.store(seq + 2, std::memory_order_release);
}

ClockSnapshot ClockPublisher::read() const noexcept {
    for (;;) {
        const uint64_t before = seq_.load(std::memory_order_acquire);
        ClockSnapshot s;
        s.epoch = epoch_.load(std::memory_order_relaxed);
        s.start_frame = start_.load(std::memory_order_relaxed);
        s.frames = frames_.load(std::memory_order_relaxed);
        s.heard_at_s = heard_at_.load(std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_acquire);
        if (!(before & 1) && seq_.load(std::memory_order_relaxed) == before) return s;
    }
}

double heard_position(const ClockSnapshot& s, double now_s, int sample_rate_hz) {
    const double elapsed = (now_s - s.heard_at_s) * sample_rate_hz;
    return static_cast<double>(s.start_frame) + std::min(elapsed, static_cast<double>(s.frames));
}

double DevicePacer::on_callback(double now_s, int64_t frames, double output_delay_s,
                                int sample_rate_hz) {
    if (!started_) {
        started_ = true;
        anchor_s_ = now_s;
        delivered_s_ = 0.0;
    }
    const double buffer_s = static_cast<double>(frames) / sample_rate_hz;
    delivered_s_ += buffer_s;
    // A real device holds at most its output delay plus this buffer beyond real time.
    const double allowed_s =
        (now_s - anchor_s_) + std::max(0.0, output_delay_s) + buffer_s + margin_s_;
    const double excess_s = delivered_s_ - allowed_s;
    if (excess_s <= 0.0) return 0.0;
    if (excess_s < 0.5 * buffer_s) {
        anchor_s_ -= excess_s;  // drift of a real device's clock
        return 0.0;
    }
    return std::min(excess_s, 0.25);
}

}  // namespace nava::media
