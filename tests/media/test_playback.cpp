// Playback: the lock-free ring, the clock pieces with simulated time, and the player on the
// timer output and on PortAudio with a null ALSA device (set up here, before any test runs).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "media/capabilities.h"
#include "media/export.h"
#include "media/media_error.h"
#include "media/playback_clock.h"
#include "media/player.h"
#include "media/ring_buffer.h"
#include "tests/media/media_test_util.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::media;

namespace {

// PortAudio in this process sees one ALSA device, "default", that discards samples without
// pacing (PLATFORM.md). Set before any test can initialise ALSA.
const bool kNullAlsa = [] {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("nava-null-alsa-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::create_directories(dir);
    const auto conf = dir / "alsa.conf";
    std::ofstream(conf) << "</usr/share/alsa/alsa.conf>\npcm.!default { type null }\n";
    ::setenv("ALSA_CONFIG_PATH", conf.c_str(), 1);
    ::setenv("JACK_NO_START_SERVER", "1", 1);
    return true;
}();

void sleep_s(double s) {
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

// ---------------------------------------------------------------------------------------------
// Ring buffer.
// ---------------------------------------------------------------------------------------------
TEST(SpscRing, WrapsAroundAndDiscards) {
    SpscRing<int> ring(5);
    EXPECT_EQ(ring.capacity(), 8u);
    int in[8] = {1, 2, 3, 4, 5, 6, 7, 8}, out[8] = {};
    EXPECT_EQ(ring.write(in, 6), 6u);
    EXPECT_EQ(ring.read(out, 4), 4u);
    EXPECT_EQ(ring.write(in, 8), 6u);  // only 6 free
    EXPECT_EQ(ring.readable(), 8u);
    EXPECT_EQ(ring.read(out, 8), 8u);
    const int expected[8] = {5, 6, 1, 2, 3, 4, 5, 6};
    EXPECT_TRUE(std::equal(out, out + 8, expected));
    ring.write(in, 3);
    ring.discard();
    EXPECT_EQ(ring.readable(), 0u);
    EXPECT_EQ(ring.writable(), 8u);
}

TEST(SpscRing, ProducerAndConsumerThreadsSeeOneContinuousSequence) {
    SpscRing<uint32_t> ring(1000);
    constexpr uint32_t kCount = 1'000'000;
    std::thread producer([&] {
        std::mt19937 rng(1);
        std::vector<uint32_t> block(700);
        uint32_t next = 0;
        while (next < kCount) {
            const std::size_t n = std::min<std::size_t>(rng() % 700 + 1, kCount - next);
            for (std::size_t i = 0; i < n; ++i)
                block[i] = next + static_cast<uint32_t>(i);
            std::size_t done = 0;
            while (done < n) {
                const std::size_t w = ring.write(block.data() + done, n - done);
                if (w == 0) std::this_thread::yield();
                done += w;
            }
            next += static_cast<uint32_t>(n);
        }
    });
    std::mt19937 rng(2);
    std::vector<uint32_t> block(900);
    uint32_t expected = 0;
    bool ok = true;
    while (expected < kCount && ok) {
        const std::size_t n = ring.read(block.data(), rng() % 900 + 1);
        if (n == 0) std::this_thread::yield();
        for (std::size_t i = 0; i < n; ++i)
            ok = ok && block[i] == expected++;
    }
    producer.join();
    EXPECT_TRUE(ok);
    EXPECT_EQ(expected, kCount);
}

// ---------------------------------------------------------------------------------------------
// Clock pieces with simulated time.
// ---------------------------------------------------------------------------------------------
TEST(PlaybackClock, HeardPositionFollowsTheBufferThenStops) {
    ClockSnapshot s{0, 48000, 480, 10.0};
    EXPECT_DOUBLE_EQ(heard_position(s, 10.0, 48000), 48000.0);
    EXPECT_NEAR(heard_position(s, 10.005, 48000), 48240.0, 1e-6);
    EXPECT_DOUBLE_EQ(heard_position(s, 11.0, 48000), 48480.0);   // not past the buffer
    EXPECT_NEAR(heard_position(s, 9.99, 48000), 47520.0, 1e-6);  // previous buffer still playing

    ClockPublisher p;
    p.publish(s);
    const ClockSnapshot r = p.read();
    EXPECT_EQ(r.start_frame, 48000);
    EXPECT_EQ(r.frames, 480);
    EXPECT_EQ(r.heard_at_s, 10.0);
}

TEST(PlaybackClock, PacerLeavesRealDevicesAloneAndHoldsBackRacingOnes) {
    const int rate = 48000, n = 512;
    const double buffer_s = static_cast<double>(n) / rate;
    // A real device: asks for a buffer every buffer period, after prefilling 4 buffers.
    DevicePacer real;
    double now = 100.0, slept = 0;
    for (int i = 0; i < 4; ++i)
        slept += real.on_callback(now, n, i * buffer_s, rate);
    for (int i = 0; i < 10000; ++i) {
        now += buffer_s * 1.0005;  // a sound card 0.05 % slower than the system clock
        slept += real.on_callback(now, n, 4 * buffer_s, rate);
    }
    EXPECT_EQ(slept, 0.0);
    // One 0.05 % faster than the system clock: drift is absorbed, never slept.
    DevicePacer fast;
    now = 100.0;
    for (int i = 0; i < 10000; ++i) {
        slept += fast.on_callback(now, n, 4 * buffer_s, rate);
        now += buffer_s * 0.9995;
    }
    EXPECT_EQ(slept, 0.0);
    // A device that takes everything at once: held to real time (sleeping one buffer each call).
    DevicePacer racing;
    now = 100.0;
    for (int i = 0; i < 1000; ++i)
        now += racing.on_callback(now, n, 0.01, rate) + 1e-6;
    EXPECT_NEAR(now - 100.0, 1000 * buffer_s, 0.05);
}

// ---------------------------------------------------------------------------------------------
// The player.
// ---------------------------------------------------------------------------------------------
// A clip in memory: `seconds` of 24 fps frames (grey level = frame number) and 48 kHz stereo.
std::pair<std::shared_ptr<VideoBuffer>, std::shared_ptr<AudioBuffer>> memory_clip(
    double seconds, bool audio = true, bool video = true) {
    auto v = std::make_shared<VideoBuffer>();
    v->width = 16;
    v->height = 8;
    v->fps = {24, 1};
    if (video)
        for (int i = 0; i < std::lround(seconds * 24); ++i)
            v->rgb.insert(v->rgb.end(), 16 * 8 * 3, static_cast<uint8_t>(i));
    auto a = std::make_shared<AudioBuffer>();
    a->sample_rate_hz = 48000;
    a->channels = 2;
    if (audio) a->samples.assign(static_cast<std::size_t>(seconds * 48000) * 2, 0.1f);
    return {v, a};
}

PlayerOptions timer_options() {
    PlayerOptions o;
    o.output = AudioOutputKind::timer;
    o.sample_rate_hz = 48000;
    return o;
}

// Plays for `seconds`, polling every `poll_s`; checks presentation order and timing, returns
// the clock rate measured against the system clock.
struct RunResult {
    double clock_rate = 0;
    double last_clock_s = 0;
    int64_t last_index = -1;
    std::vector<int64_t> presented;
};

RunResult play_and_poll(Player& player, double seconds, double poll_s) {
    RunResult r;
    player.play();
    const double start = monotonic_seconds();
    double t0 = -1, c0 = 0, t1 = 0, c1 = 0;
    double last_pts = -1;
    while (monotonic_seconds() - start < seconds) {
        const auto frame = player.poll_frame();
        const double clock = player.position_s();
        const double now = monotonic_seconds();
        if (frame) {
            EXPECT_GT(frame->pts_s, last_pts) << "frames out of order";
            EXPECT_LE(frame->pts_s, clock + 1e-9) << "frame shown early";
            last_pts = frame->pts_s;
            r.presented.push_back(frame->index);
        }
        if (now - start > 0.3) {  // past the start-up
            if (t0 < 0) {
                t0 = now;
                c0 = clock;
            }
            t1 = now;
            c1 = clock;
        }
        sleep_s(poll_s);
    }
    r.clock_rate = (c1 - c0) / (t1 - t0);
    r.last_clock_s = player.position_s();
    return r;
}

TEST(Player, TimerClockRunsInRealTimeAndFramesComeInOrder) {
    auto [v, a] = memory_clip(4.0);
    Player player(timer_options());
    player.open(v, a);
    EXPECT_EQ(player.state(), PlayerState::paused);
    EXPECT_EQ(player.output_name(), "timer (no audio device)");
    EXPECT_NEAR(player.duration_s(), 4.0, 1e-9);
    const auto r = play_and_poll(player, 2.0, 0.004);
    EXPECT_NEAR(r.clock_rate, 1.0, 0.02);
    std::printf("timer output: clock rate %.4f\n", r.clock_rate);
    // Polled often: every frame up to the clock shown once, in order (a drop needs a poll gap
    // of a whole frame period, which only a badly overloaded machine causes).
    const auto s = player.stats();
    EXPECT_LE(s.frames_dropped, 2);
    EXPECT_EQ(s.underruns, 0);
    ASSERT_FALSE(r.presented.empty());
    EXPECT_EQ(r.presented.front(), 0);
    EXPECT_EQ(s.frames_presented + s.frames_dropped, r.presented.back() + 1);
    EXPECT_NEAR(static_cast<double>(r.presented.size()), r.last_clock_s * 24, 2.0);
}

TEST(Player, NullAlsaDeviceThroughPortAudio) {
    if (!capabilities().portaudio) GTEST_SKIP() << "built without PortAudio";
    ASSERT_TRUE(kNullAlsa);
    auto [v, a] = memory_clip(4.0);
    PlayerOptions o;
    o.output = AudioOutputKind::portaudio;
    o.sample_rate_hz = 48000;
    Player player(o);
    try {
        player.open(v, a);
    } catch (const MediaError& e) {
        GTEST_SKIP() << "no PortAudio device even with the null ALSA configuration: " << e.what();
    }
    EXPECT_NE(player.output_name().find("PortAudio"), std::string::npos) << player.output_name();
    // The null device takes samples as fast as they come: the clock must still be real time.
    const auto r = play_and_poll(player, 2.0, 0.004);
    EXPECT_NEAR(r.clock_rate, 1.0, 0.02);
    EXPECT_NEAR(r.last_clock_s, 2.0, 0.1);
    std::printf("null ALSA device: clock rate %.4f, clock %.3f s after 2 s\n", r.clock_rate,
                r.last_clock_s);
    EXPECT_LE(player.stats().frames_dropped, 2);
    ASSERT_FALSE(r.presented.empty());
    EXPECT_EQ(r.presented.front(), 0);
}

TEST(Player, SlowConsumerDropsLateFramesAndShowsTheNewest) {
    auto [v, a] = memory_clip(4.0);
    Player player(timer_options());
    player.open(v, a);
    player.play();
    const double start = monotonic_seconds();
    int64_t last_index = -1;
    double clock = 0;
    while (monotonic_seconds() - start < 2.0) {
        // A consumer that is busy for 100 ms between polls (2.4 frame periods).
        const auto frame = player.poll_frame();
        clock = player.position_s();
        if (frame) {
            EXPECT_GT(frame->index, last_index);
            // The newest due frame: due, and its successor not yet.
            EXPECT_LE(frame->pts_s, clock + 1e-9);
            EXPECT_GT(frame->pts_s + 1.0 / 24 + 0.01, clock - 0.01) << "stale frame shown";
            EXPECT_EQ(frame->rgb[0], static_cast<uint8_t>(frame->index));
            last_index = frame->index;
        }
        sleep_s(0.1);
    }
    const auto s = player.stats();
    EXPECT_GT(s.frames_dropped, 10);
    // Every frame that became due by the last poll was either shown or dropped, once.
    EXPECT_EQ(s.frames_presented + s.frames_dropped, last_index + 1);
    EXPECT_GT(s.frames_presented, 12);
    std::printf("slow consumer: %lld presented, %lld dropped\n",
                static_cast<long long>(s.frames_presented),
                static_cast<long long>(s.frames_dropped));
}

TEST(Player, PauseSeekResumeLoopAndEnd) {
    auto [v, a] = memory_clip(1.0);
    Player player(timer_options());
    player.open(v, a);
    player.play();
    sleep_s(0.3);
    player.pause();
    sleep_s(0.05);
    const double paused_at = player.position_s();
    EXPECT_GT(paused_at, 0.15);
    sleep_s(0.2);
    EXPECT_NEAR(player.position_s(), paused_at, 1e-3);
    EXPECT_EQ(player.state(), PlayerState::paused);

    // Seek while paused: the clock and the picture jump at once.
    player.seek(0.5);
    EXPECT_DOUBLE_EQ(player.position_s(), 0.5);
    std::shared_ptr<const VideoFrame> f;
    for (int i = 0; i < 200 && !f; ++i, sleep_s(0.005))
        f = player.poll_frame();
    ASSERT_TRUE(f);
    EXPECT_EQ(f->index, 12);
    EXPECT_NEAR(player.position_s(), 0.5, 1e-9);

    // Resume: plays on from the target to the end, then stops there.
    player.play();
    sleep_s(0.2);
    EXPECT_GT(player.position_s(), 0.6);
    for (int i = 0; i < 200 && player.state() != PlayerState::ended; ++i)
        sleep_s(0.01);
    EXPECT_EQ(player.state(), PlayerState::ended);
    EXPECT_NEAR(player.position_s(), 1.0, 0.02);
    EXPECT_NEAR(player.duration_s(), 1.0, 1e-9);

    // Seeking past the end lands on the end.
    player.seek(5.0);
    EXPECT_DOUBLE_EQ(player.position_s(), 1.0);

    // Looping: past the end it starts over.
    player.set_loop(true);
    player.play();
    sleep_s(0.3);
    EXPECT_EQ(player.state(), PlayerState::playing);
    EXPECT_LT(player.position_s(), 0.5);
    sleep_s(0.9);
    EXPECT_LT(player.position_s(), 1.0);  // wrapped again
}

TEST(Player, ClipsWithoutSoundOrPictureStillKeepTime) {
    {
        auto [v, a] = memory_clip(2.0, /*audio=*/false);
        Player player(timer_options());
        player.open(v, nullptr);
        EXPECT_FALSE(player.has_audio());
        const auto r = play_and_poll(player, 0.8, 0.005);
        EXPECT_NEAR(r.clock_rate, 1.0, 0.03);
        EXPECT_FALSE(r.presented.empty());
    }
    {
        auto [v, a] = memory_clip(2.0, true, /*video=*/false);
        Player player(timer_options());
        player.open(nullptr, a);
        EXPECT_FALSE(player.has_video());
        const auto r = play_and_poll(player, 0.8, 0.005);
        EXPECT_NEAR(r.clock_rate, 1.0, 0.03);
        EXPECT_TRUE(r.presented.empty());
    }
    Player player(timer_options());
    EXPECT_THROW(player.open(nullptr, nullptr), MediaError);
    EXPECT_EQ(player.state(), PlayerState::empty);
}

TEST(Player, AutomaticOutputFallsBackToTheTimer) {
    auto [v, a] = memory_clip(1.0);
    PlayerOptions o;
    o.device = "no device has this name";
    Player player(o);
    player.open(v, a);
    EXPECT_EQ(player.output_name(), "timer (no audio device)");
    EXPECT_FALSE(player.output_fallback_reason().empty());
    o.output = AudioOutputKind::portaudio;
    Player strict(o);
    EXPECT_THROW(strict.open(v, a), MediaError);
    EXPECT_EQ(strict.state(), PlayerState::empty);
}

TEST(Player, PlaysAnExportedFile) {
    NAVA_REQUIRE_FFMPEG();
    const auto dir = nava::test::scratch_dir("player_file");
    const auto clip = media::test::make_sync_clip(64, 48, {24, 1}, 2.0, {12}, {0.5}, 16000, 1);
    ExportOptions e;
    e.preset = "ultrafast";
    export_mp4(dir / "p.mp4", &clip.video, &clip.audio, e);
    PlayerOptions o = timer_options();
    o.video.width = 32;  // pictures decoded at the size the screen wants
    Player player(o);
    player.open(dir / "p.mp4");
    EXPECT_TRUE(player.has_audio());
    EXPECT_TRUE(player.has_video());
    const auto r = play_and_poll(player, 0.8, 0.005);
    EXPECT_NEAR(r.clock_rate, 1.0, 0.03);
    ASSERT_GE(r.presented.size(), 15u);
    EXPECT_EQ(player.current_frame()->width, 32);
    EXPECT_EQ(player.current_frame()->height, 24);
    EXPECT_EQ(player.stats().frames_dropped, 0);
    player.seek(1.9);
    player.play();
    for (int i = 0; i < 200 && player.state() != PlayerState::ended; ++i)
        sleep_s(0.01);
    EXPECT_EQ(player.state(), PlayerState::ended);
    EXPECT_NEAR(player.duration_s(), 2.0, 0.01);
}

}  // namespace
