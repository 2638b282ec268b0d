// Playback engine: sound through an audio output whose position is the master clock, pictures
// handed out when their time comes. Plain C++ for any front end: the UI calls poll_frame() from
// a timer (e.g. every 5-10 ms) and paints what it returns.
//
// Threads: the caller's (all public functions; one thread), a decoder thread that fills a
// lock-free sample ring and a small frame queue, and the audio output's callback thread, which
// only reads the ring and publishes what it played.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "media/audio_output.h"
#include "media/buffers.h"
#include "media/input_source.h"
#include "media/video_reader.h"

namespace nava::media {

struct PlayerOptions {
    AudioOutputKind output = AudioOutputKind::automatic;
    std::string device;      // PortAudio output device name ("" = default)
    int sample_rate_hz = 0;  // output rate; 0 = 48000 when FFmpeg can convert, else the clip's
    int frames_per_buffer = 512;
    VideoDecodeOptions video;  // picture size / scale policy for files (fps is ignored)
    int video_queue_frames = 8;
    double audio_buffer_s = 0.5;  // decoded sound kept ahead of the output
    bool loop = false;
};

enum class PlayerState {
    empty,   // nothing opened
    paused,  // opened (initially) or paused
    playing,
    ended,  // reached the end without looping; play() starts over
    error,  // decoding failed; error() says why
};

const char* to_string(PlayerState state);

struct PlaybackStats {
    int64_t frames_presented = 0;
    int64_t frames_dropped = 0;  // became due but were overtaken by a later frame before a poll
    int64_t underruns = 0;       // output callbacks that found too little decoded sound
};

class Player {
public:
    explicit Player(const PlayerOptions& options = {});
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // Opens a media file (needs FFmpeg except for nothing) or a clip in memory (either buffer may
    // be null). Starts paused at 0. Throws MediaError.
    void open(const InputSource& input);
    void open(std::shared_ptr<const VideoBuffer> video, std::shared_ptr<const AudioBuffer> audio);
    void close();

    void play();
    void pause();
    void seek(double time_s);
    void set_loop(bool loop);
    void set_volume(float gain);  // linear, 1 = unchanged

    PlayerState state() const;
    double position_s() const;  // the master clock: what is being heard now
    double duration_s() const;  // known exactly once the decoder reached the end; else declared
    bool has_audio() const;
    bool has_video() const;

    // The newest frame whose time has come and that was not returned before; nullptr when the
    // picture on screen is still the right one. Frames overtaken in between count as dropped.
    std::shared_ptr<const VideoFrame> poll_frame();
    std::shared_ptr<const VideoFrame> current_frame() const;  // last one returned by poll_frame

    PlaybackStats stats() const;
    std::string output_name() const;  // "PortAudio: default (ALSA)", "timer (no audio device)"
    std::string output_fallback_reason() const;  // why the automatic choice fell back to the timer
    std::string error() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace nava::media
