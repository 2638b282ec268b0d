// Audio outputs for the player: a PortAudio stream, or a timer-paced fake device when there is
// no sound device (or no PortAudio). Both call a renderer from their own thread.
#pragma once

#include <memory>
#include <string>

namespace nava::media {

struct RenderTiming {
    double now_s = 0.0;           // monotonic seconds at the start of the callback
    double output_delay_s = 0.0;  // until the first frame of this buffer is audible
};

// Fills output buffers. render() runs on the output's real-time thread: it must not allocate,
// lock or wait (the one exception is DevicePacer's sleep for devices that do not pace themselves).
class AudioRenderer {
public:
    virtual ~AudioRenderer() = default;
    // `out` holds frames x channels interleaved floats.
    virtual void render(float* out, int frames, const RenderTiming& timing) noexcept = 0;
};

enum class AudioOutputKind {
    automatic,  // PortAudio's device when there is one, else the timer
    portaudio,  // PortAudio or an error
    timer,      // no sound: samples are consumed in real time by a timer thread
};

struct AudioOutputSpec {
    int sample_rate_hz = 48000;
    int channels = 2;
    int frames_per_buffer = 512;
    std::string device;  // PortAudio device name (substring, case-sensitive); "" = the default
};

class AudioOutput {
public:
    virtual ~AudioOutput() = default;
    virtual void start() = 0;  // begins calling the renderer
    virtual void stop() = 0;   // returns when the renderer is no longer called
    virtual std::string name() const = 0;
    virtual double latency_s() const = 0;
};

// Opens an output that calls `renderer` (which must outlive it). `automatic` falls back to the
// timer when PortAudio is missing, finds no device or cannot open a stream (`why_not` says why);
// `portaudio` throws MediaError then.
std::unique_ptr<AudioOutput> open_audio_output(AudioOutputKind kind, const AudioOutputSpec& spec,
                                               AudioRenderer& renderer,
                                               std::string* why_not = nullptr);

// The timer-paced output (also used directly by tests).
std::unique_ptr<AudioOutput> open_timer_output(const AudioOutputSpec& spec,
                                               AudioRenderer& renderer);

// PortAudio output; throws MediaError (naming the reason) when unavailable.
std::unique_ptr<AudioOutput> open_portaudio_output(const AudioOutputSpec& spec,
                                                   AudioRenderer& renderer);

}  // namespace nava::media
