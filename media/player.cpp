#include "media/player.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

#include "media/capabilities.h"
#include "media/media_error.h"
#include "media/playback_clock.h"
#include "media/playback_source.h"
#include "media/ring_buffer.h"

namespace nava::media {

const char* to_string(PlayerState state) {
    switch (state) {
        case PlayerState::empty:
            return "empty";
        case PlayerState::paused:
            return "paused";
        case PlayerState::playing:
            return "playing";
        case PlayerState::ended:
            return "ended";
        case PlayerState::error:
            return "error";
    }
    return "?";
}

namespace {

constexpr int64_t kUnknownEnd = std::numeric_limits<int64_t>::max();
constexpr double kPrerollS = 0.05;  // sound decoded before output starts after a seek

struct QueuedFrame {
    int64_t epoch = 0;
    std::shared_ptr<const VideoFrame> frame;
};

}  // namespace

struct Player::Impl final : AudioRenderer {
    explicit Impl(const PlayerOptions& o) : options(o) {}
    ~Impl() override { stop(); }

    // -----------------------------------------------------------------------------------------
    // Set-up and tear-down (caller's thread).
    // -----------------------------------------------------------------------------------------
    void start(std::unique_ptr<PlaybackSource> src) {
        try {
            start_threads(std::move(src));
        } catch (...) {
            stop();  // leaves the engine empty
            throw;
        }
    }

    void start_threads(std::unique_ptr<PlaybackSource> src) {
        source = std::move(src);
        rate = source->sample_rate_hz();
        channels = source->channels();
        has_audio = source->has_audio();
        has_video = source->has_video();
        declared_duration_s = source->duration_s();
        ring = std::make_unique<SpscRing<float>>(
            static_cast<std::size_t>(std::max(0.1, options.audio_buffer_s) * rate * channels));
        preroll_samples = static_cast<std::size_t>(kPrerollS * rate) * channels;
        loop = options.loop;
        audio_eof = !has_audio;
        AudioOutputSpec spec;
        spec.sample_rate_hz = rate;
        spec.channels = channels;
        spec.frames_per_buffer = options.frames_per_buffer;
        spec.device = options.device;
        output = open_audio_output(options.output, spec, *this, &fallback_reason);
        quit = false;
        decoder = std::thread([this] { decode_loop(); });
        output->start();
    }

    void stop() {
        if (output) output->stop();
        {
            std::lock_guard<std::mutex> lock(mutex);
            quit = true;
        }
        wake.notify_all();
        if (decoder.joinable()) decoder.join();
        output.reset();
        source.reset();
    }

    // -----------------------------------------------------------------------------------------
    // Audio callback (output thread): no allocation, no lock.
    // -----------------------------------------------------------------------------------------
    void render(float* out, int frames, const RenderTiming& timing) noexcept override {
        // 1. Devices that take samples faster than real time are held back to real time.
        double now = timing.now_s;
        const double sleep_s = pacer.on_callback(now, frames, timing.output_delay_s, rate);
        if (sleep_s > 0) {
            std::this_thread::sleep_for(std::chrono::duration<double>(sleep_s));
            now = monotonic_seconds();
        }
        const std::size_t total = static_cast<std::size_t>(frames) * channels;
        std::fill(out, out + total, 0.0f);

        // 2. A seek was prepared by the decoder: drop the old sound, continue at the target.
        const int64_t request = flush_request.load(std::memory_order_acquire);
        if (request != flushed_epoch) {
            ring->discard();
            content_pos = flush_target_frame.load(std::memory_order_relaxed);
            flushed_epoch = request;
            flush_done.store(request, std::memory_order_release);
            priming = true;
            content_end_s = 0.0;
            at_end_local = false;
            at_end.store(false, std::memory_order_release);
        }

        // 3. Sound: from the ring; after the end of the sound, silence that still counts as
        // content until the end of the clip (pictures may be longer than the sound).
        int64_t content = 0;
        const bool seeking = seek_epoch.load(std::memory_order_acquire) != flushed_epoch;
        if (playing.load(std::memory_order_acquire) && !seeking && !at_end_local) {
            const bool eof = audio_eof.load(std::memory_order_acquire);
            if (priming && ring->readable() < preroll_samples && !eof) {
                // still waiting for the decoder
            } else {
                priming = false;
                content = static_cast<int64_t>(ring->read(out, total)) / channels;
                if (content < frames) {
                    if (eof) {
                        const int64_t end = end_frame.load(std::memory_order_acquire);
                        const int64_t room = end == kUnknownEnd
                                                 ? frames - content
                                                 : std::clamp<int64_t>(end - content_pos - content,
                                                                       0, frames - content);
                        content += room;
                        if (end != kUnknownEnd && content_pos + content >= end) {
                            at_end_local = true;
                            at_end.store(true, std::memory_order_release);
                        }
                    } else {
                        underruns.fetch_add(1, std::memory_order_relaxed);
                    }
                }
                const float gain = volume.load(std::memory_order_relaxed);
                if (gain != 1.0f)
                    for (std::size_t i = 0; i < static_cast<std::size_t>(content) * channels; ++i)
                        out[i] *= gain;
            }
        }

        // 4. Publish what will be heard when.
        ClockSnapshot s;
        s.epoch = flushed_epoch;
        s.start_frame = content_pos;
        s.frames = content;
        if (content > 0) {
            s.heard_at_s = now + timing.output_delay_s;
            content_end_s = s.heard_at_s + static_cast<double>(content) / rate;
        } else {
            s.heard_at_s = content_end_s;  // the last content is still playing out
        }
        clock.publish(s);
        content_pos += content;
    }

    // -----------------------------------------------------------------------------------------
    // Decoder thread.
    // -----------------------------------------------------------------------------------------
    void request_seek(double time_s) {
        std::lock_guard<std::mutex> lock(mutex);
        seek_target_s.store(std::max(0.0, time_s), std::memory_order_relaxed);
        seek_epoch.fetch_add(1, std::memory_order_release);
        wake.notify_all();
    }

    void fail(const std::string& message) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            error_message = message;
        }
        failed = true;
        audio_eof.store(true, std::memory_order_release);
        end_frame.store(0, std::memory_order_release);
    }

    void decode_loop() {
        int64_t handled_epoch = 0;
        int64_t audio_frames_pushed = 0;  // since the last seek
        double base_s = 0.0;              // time of the last seek
        double video_end_s = 0.0;
        bool video_eof = !has_video;
        bool end_exact = false;
        std::vector<float> chunk(static_cast<std::size_t>(4096) * channels);
        VideoFrame frame;
        while (!quit) {
            bool busy = false;
            try {
                // 1. Seek: reposition the source, then let the callback drop the old sound.
                const int64_t epoch = seek_epoch.load(std::memory_order_acquire);
                if (epoch != handled_epoch) {
                    base_s = seek_target_s.load(std::memory_order_relaxed);
                    source->seek(base_s);
                    {
                        std::lock_guard<std::mutex> lock(video_mutex);
                        video_queue.clear();
                    }
                    audio_frames_pushed = 0;
                    video_end_s = base_s;
                    video_eof = !has_video;
                    end_exact = false;
                    audio_eof.store(!has_audio, std::memory_order_relaxed);
                    end_frame.store(kUnknownEnd, std::memory_order_relaxed);
                    flush_target_frame.store(std::llround(base_s * rate),
                                             std::memory_order_relaxed);
                    flush_request.store(epoch, std::memory_order_release);
                    // The callback acknowledges within a buffer; give up waiting after a second
                    // (output stalled) rather than hang.
                    const double give_up = monotonic_seconds() + 1.0;
                    while (!quit && flush_done.load(std::memory_order_acquire) != epoch &&
                           seek_epoch.load(std::memory_order_acquire) == epoch &&
                           monotonic_seconds() < give_up)
                        std::this_thread::sleep_for(std::chrono::milliseconds(1));
                    handled_epoch = epoch;
                    continue;
                }
                // 2. Sound into the ring (whole frames only).
                if (!audio_eof.load(std::memory_order_relaxed)) {
                    const auto space = static_cast<int64_t>(ring->writable()) / channels;
                    if (space >= 256) {
                        const int64_t n =
                            source->read_audio(chunk.data(), std::min<int64_t>(space, 4096));
                        if (n > 0) {
                            ring->write(chunk.data(), static_cast<std::size_t>(n) * channels);
                            audio_frames_pushed += n;
                        } else {
                            audio_eof.store(true, std::memory_order_release);
                        }
                        busy = true;
                    }
                }
                // 3. Pictures into the queue.
                if (!video_eof) {
                    std::size_t queued;
                    {
                        std::lock_guard<std::mutex> lock(video_mutex);
                        queued = video_queue.size();
                    }
                    if (queued <
                        static_cast<std::size_t>(std::max(1, options.video_queue_frames))) {
                        if (source->read_video(frame)) {
                            video_end_s =
                                std::max(video_end_s, frame.pts_s + source->frame_duration_s());
                            auto shared = std::make_shared<const VideoFrame>(std::move(frame));
                            std::lock_guard<std::mutex> lock(video_mutex);
                            video_queue.push_back({handled_epoch, std::move(shared)});
                        } else {
                            video_eof = true;
                        }
                        busy = true;
                    }
                }
                // 4. The end of the clip: exact once both streams are done. While pictures
                // wait in a full queue (nobody polls), the declared duration stands in, so that
                // the clock stops there all the same.
                if (audio_eof.load(std::memory_order_relaxed) && !end_exact) {
                    const double audio_end_s =
                        has_audio ? base_s + static_cast<double>(audio_frames_pushed) / rate
                                  : base_s;
                    double end_s = std::max(audio_end_s, has_video ? video_end_s : base_s);
                    end_exact = video_eof;
                    if (!end_exact) end_s = std::max(end_s, declared_duration_s);
                    if (end_exact || declared_duration_s > 0) {
                        end_frame.store(std::llround(end_s * rate), std::memory_order_release);
                        if (end_exact) known_duration_s.store(end_s, std::memory_order_relaxed);
                    }
                }
                // 5. Loop.
                if (at_end.load(std::memory_order_acquire) && loop.load() &&
                    seek_epoch.load(std::memory_order_acquire) == handled_epoch) {
                    request_seek(0.0);
                    continue;
                }
            } catch (const std::exception& e) {
                fail(e.what());
                video_eof = true;
            }
            if (!busy) {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait_for(lock, std::chrono::milliseconds(5));
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Caller's thread.
    // -----------------------------------------------------------------------------------------
    double position_s() {
        const int64_t epoch = seek_epoch.load(std::memory_order_acquire);
        const double target = seek_target_s.load(std::memory_order_relaxed);
        const ClockSnapshot s = clock.read();
        double pos;
        if (s.epoch != epoch) {
            pos = target;  // seeking: the new position is the target
        } else {
            pos = heard_position(s, monotonic_seconds(), rate) / rate;
            pos = std::max(pos, target);
        }
        // Monotonic within a seek generation (buffers become audible out of publishing order).
        if (epoch == last_epoch) pos = std::max(pos, last_position_s);
        last_epoch = epoch;
        last_position_s = pos;
        return pos;
    }

    PlayerOptions options;
    std::unique_ptr<PlaybackSource> source;
    std::unique_ptr<AudioOutput> output;
    std::unique_ptr<SpscRing<float>> ring;
    std::string fallback_reason;
    int rate = 48000;
    int channels = 2;
    bool has_audio = false, has_video = false;
    double declared_duration_s = 0.0;
    std::size_t preroll_samples = 0;

    // Shared between threads.
    std::atomic<bool> playing{false};
    std::atomic<bool> loop{false};
    std::atomic<float> volume{1.0f};
    std::atomic<int64_t> seek_epoch{0};
    std::atomic<double> seek_target_s{0.0};
    std::atomic<int64_t> flush_request{0}, flush_done{0};
    std::atomic<int64_t> flush_target_frame{0};
    std::atomic<bool> audio_eof{false};
    std::atomic<int64_t> end_frame{kUnknownEnd};
    std::atomic<bool> at_end{false};
    std::atomic<int64_t> underruns{0};
    std::atomic<double> known_duration_s{0.0};
    std::atomic<bool> failed{false};
    ClockPublisher clock;
    std::mutex mutex;  // seek requests, error text, decoder wake-ups
    std::condition_variable wake;
    bool quit = false;
    std::string error_message;
    std::mutex video_mutex;
    std::deque<QueuedFrame> video_queue;
    std::thread decoder;

    // Callback thread only.
    DevicePacer pacer;
    int64_t flushed_epoch = 0;
    int64_t content_pos = 0;
    double content_end_s = 0.0;
    bool priming = true;
    bool at_end_local = false;

    // Caller's thread only.
    int64_t last_epoch = -1;
    double last_position_s = 0.0;
    int64_t presented = 0, dropped = 0;
    std::shared_ptr<const VideoFrame> current;
};

Player::Player(const PlayerOptions& options) : impl_(std::make_unique<Impl>(options)) {}

Player::~Player() = default;

namespace {

int output_rate(const PlayerOptions& o) {
    if (o.sample_rate_hz > 0) return o.sample_rate_hz;
    return capabilities().ffmpeg ? 48000 : 0;
}

}  // namespace

void Player::open(const InputSource& input) {
    close();
    auto source = open_file_source(input, output_rate(impl_->options), 0, impl_->options.video);
    impl_->start(std::move(source));
}

void Player::open(std::shared_ptr<const VideoBuffer> video,
                  std::shared_ptr<const AudioBuffer> audio) {
    close();
    const int channels = audio && audio->channels > 2 ? 2 : 0;
    auto source = open_memory_source(std::move(video), std::move(audio),
                                     output_rate(impl_->options), channels);
    impl_->start(std::move(source));
}

void Player::close() {
    const PlayerOptions options = impl_->options;
    impl_ = std::make_unique<Impl>(options);  // the old engine stops in its destructor
}

void Player::play() {
    if (!impl_->source) return;
    if (impl_->at_end.load() && !impl_->loop.load()) impl_->request_seek(0.0);
    impl_->playing = true;
}

void Player::pause() {
    impl_->playing = false;
}

void Player::seek(double time_s) {
    if (!impl_->source) return;
    const double duration = duration_s();
    impl_->request_seek(duration > 0 ? std::min(time_s, duration) : time_s);
}

void Player::set_loop(bool loop) {
    impl_->loop = loop;
    impl_->options.loop = loop;
}

void Player::set_volume(float gain) {
    impl_->volume = std::max(0.0f, gain);
}

PlayerState Player::state() const {
    if (!impl_->source) return PlayerState::empty;
    if (impl_->failed.load()) return PlayerState::error;
    if (impl_->at_end.load() && !impl_->loop.load() &&
        impl_->seek_epoch.load() == impl_->flush_done.load())
        return PlayerState::ended;
    return impl_->playing.load() ? PlayerState::playing : PlayerState::paused;
}

double Player::position_s() const {
    if (!impl_->source) return 0.0;
    return impl_->position_s();
}

double Player::duration_s() const {
    const double known = impl_->known_duration_s.load();
    return known > 0 ? known : impl_->declared_duration_s;
}

bool Player::has_audio() const {
    return impl_->has_audio;
}

bool Player::has_video() const {
    return impl_->has_video;
}

std::shared_ptr<const VideoFrame> Player::poll_frame() {
    if (!impl_->source) return nullptr;
    const double clock = impl_->position_s();
    const int64_t epoch = impl_->seek_epoch.load(std::memory_order_acquire);
    std::shared_ptr<const VideoFrame> due;
    {
        std::lock_guard<std::mutex> lock(impl_->video_mutex);
        auto& q = impl_->video_queue;
        while (!q.empty() && (q.front().epoch != epoch || q.front().frame->pts_s <= clock + 1e-9)) {
            if (q.front().epoch == epoch) {
                if (due) ++impl_->dropped;
                due = q.front().frame;
            }
            q.pop_front();
        }
    }
    impl_->wake.notify_all();
    if (!due) return nullptr;
    ++impl_->presented;
    impl_->current = due;
    return due;
}

std::shared_ptr<const VideoFrame> Player::current_frame() const {
    return impl_->current;
}

PlaybackStats Player::stats() const {
    PlaybackStats s;
    s.frames_presented = impl_->presented;
    s.frames_dropped = impl_->dropped;
    s.underruns = impl_->underruns.load();
    return s;
}

std::string Player::output_name() const {
    return impl_->output ? impl_->output->name() : "";
}

std::string Player::output_fallback_reason() const {
    return impl_->fallback_reason;
}

std::string Player::error() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->error_message;
}

}  // namespace nava::media
