// The PortAudio output of the player (compiled only when PortAudio is available).
#include <algorithm>
#include <string>

#include "media/audio_output.h"
#include "media/media_error.h"
#include "media/playback_clock.h"
#include "nava/build_config.h"

#if NAVA_HAVE_PORTAUDIO
#include <portaudio.h>
#endif

namespace nava::media {

#if NAVA_HAVE_PORTAUDIO

namespace {

// Pa_Initialize / Pa_Terminate are reference counted by PortAudio; each output holds one.
struct PortAudioLibrary {
    PortAudioLibrary() {
        const PaError e = Pa_Initialize();
        if (e != paNoError)
            throw MediaError(std::string("PortAudio: cannot initialise: ") + Pa_GetErrorText(e));
    }
    ~PortAudioLibrary() { Pa_Terminate(); }
    PortAudioLibrary(const PortAudioLibrary&) = delete;
    PortAudioLibrary& operator=(const PortAudioLibrary&) = delete;
};

class PortAudioOutput final : public AudioOutput {
public:
    PortAudioOutput(const AudioOutputSpec& spec, AudioRenderer& renderer)
        : spec_(spec), renderer_(renderer) {
        const PaDeviceIndex device = find_device();
        const PaDeviceInfo* info = Pa_GetDeviceInfo(device);
        PaStreamParameters out{};
        out.device = device;
        out.channelCount = spec_.channels;
        out.sampleFormat = paFloat32;
        out.suggestedLatency = info->defaultHighOutputLatency;
        const PaError e = Pa_OpenStream(&stream_, nullptr, &out, spec_.sample_rate_hz,
                                        spec_.frames_per_buffer > 0
                                            ? static_cast<unsigned long>(spec_.frames_per_buffer)
                                            : paFramesPerBufferUnspecified,
                                        paNoFlag, &PortAudioOutput::callback, this);
        if (e != paNoError)
            throw MediaError("PortAudio: cannot open '" + std::string(info->name) + "' at " +
                             std::to_string(spec_.sample_rate_hz) + " Hz, " +
                             std::to_string(spec_.channels) + " channels: " + Pa_GetErrorText(e));
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        name_ = "PortAudio: " + std::string(info->name) +
                (api ? " (" + std::string(api->name) + ")" : "");
        if (const PaStreamInfo* si = Pa_GetStreamInfo(stream_)) latency_s_ = si->outputLatency;
    }

    ~PortAudioOutput() override {
        stop();
        Pa_CloseStream(stream_);
    }

    void start() override {
        if (running_) return;
        const PaError e = Pa_StartStream(stream_);
        if (e != paNoError)
            throw MediaError(std::string("PortAudio: cannot start the stream: ") +
                             Pa_GetErrorText(e));
        running_ = true;
    }
    void stop() override {
        if (!running_) return;
        Pa_StopStream(stream_);  // waits for the last callback
        running_ = false;
    }
    std::string name() const override { return name_; }
    double latency_s() const override { return latency_s_; }

private:
    PaDeviceIndex find_device() const {
        const PaDeviceIndex count = Pa_GetDeviceCount();
        if (count <= 0) throw MediaError("PortAudio: no audio device");
        if (spec_.device.empty()) {
            const PaDeviceIndex d = Pa_GetDefaultOutputDevice();
            if (d == paNoDevice) throw MediaError("PortAudio: no default output device");
            check_channels(d);
            return d;
        }
        for (PaDeviceIndex d = 0; d < count; ++d) {
            const PaDeviceInfo* info = Pa_GetDeviceInfo(d);
            if (info && info->maxOutputChannels > 0 &&
                std::string(info->name).find(spec_.device) != std::string::npos) {
                check_channels(d);
                return d;
            }
        }
        throw MediaError("PortAudio: no output device named '" + spec_.device + "'");
    }

    void check_channels(PaDeviceIndex d) const {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(d);
        if (!info || info->maxOutputChannels < spec_.channels)
            throw MediaError("PortAudio: device '" + std::string(info ? info->name : "?") +
                             "' has fewer than " + std::to_string(spec_.channels) +
                             " output channels");
    }

    static int callback(const void*, void* output, unsigned long frames,
                        const PaStreamCallbackTimeInfo* time, PaStreamCallbackFlags, void* self) {
        auto* me = static_cast<PortAudioOutput*>(self);
        RenderTiming timing;
        timing.now_s = monotonic_seconds();
        // PortAudio's own clock differs from ours; only the difference is used.
        double delay = me->latency_s_;
        if (time && time->outputBufferDacTime > 0 && time->currentTime > 0)
            delay = time->outputBufferDacTime - time->currentTime;
        timing.output_delay_s = std::clamp(delay, 0.0, 1.0);
        me->renderer_.render(static_cast<float*>(output), static_cast<int>(frames), timing);
        return paContinue;
    }

    PortAudioLibrary library_;
    AudioOutputSpec spec_;
    AudioRenderer& renderer_;
    PaStream* stream_ = nullptr;
    bool running_ = false;
    std::string name_;
    double latency_s_ = 0.0;
};

}  // namespace

std::unique_ptr<AudioOutput> open_portaudio_output(const AudioOutputSpec& spec,
                                                   AudioRenderer& renderer) {
    return std::make_unique<PortAudioOutput>(spec, renderer);
}

#else  // !NAVA_HAVE_PORTAUDIO

std::unique_ptr<AudioOutput> open_portaudio_output(const AudioOutputSpec&, AudioRenderer&) {
    throw MediaError("PortAudio: built without PortAudio");
}

#endif

}  // namespace nava::media
