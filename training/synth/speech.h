// Speech from the espeak-ng command-line program: one process per phrase, output read back,
// converted to the clip rate, trimmed to the voiced part and brought to a common peak level.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "training/synth/types.h"

namespace nava::synth {

// Peak level of every synthesised phrase (the mix leaves headroom for impacts on top).
inline constexpr float kSpeechPeak = 0.6f;

// The executable `program` ("espeak-ng" or a path), searched on $PATH like a shell does. Throws
// SynthError naming the Debian package when it cannot be found.
std::filesystem::path find_espeak(const std::string& program = "espeak-ng");

// One instance per thread (not thread-safe); different instances may run concurrently.
class SpeechSynth {
public:
    // Throws SynthError when the program cannot be found.
    explicit SpeechSynth(int sample_rate_hz, const std::string& program = "espeak-ng");

    // Mono samples at the configured rate: `text` in `voice`, leading and trailing silence
    // removed, peak kSpeechPeak. Results are cached (planning and rendering ask twice).
    // Throws SynthError when espeak-ng fails or says nothing.
    const std::vector<float>& speak(const std::string& text, const VoiceSpec& voice);

    // Forgets cached phrases (a dataset run clears the cache between clips to bound memory).
    void clear_cache() { cache_.clear(); }

    double duration_s(const std::string& text, const VoiceSpec& voice) {
        return static_cast<double>(speak(text, voice).size()) / sample_rate_hz_;
    }
    int sample_rate_hz() const { return sample_rate_hz_; }
    const std::filesystem::path& program() const { return program_; }

private:
    std::vector<float> run_espeak(const std::string& text, const VoiceSpec& voice) const;

    int sample_rate_hz_;
    std::filesystem::path program_;
    std::map<std::string, std::vector<float>> cache_;
};

// The voiced part of `samples`: from the first to the last 10 ms window whose RMS exceeds
// `threshold` × the loudest window's, plus `margin_s` on each side (within bounds).
std::vector<float> trim_silence(const std::vector<float>& samples, int sample_rate_hz,
                                double threshold = 0.03, double margin_s = 0.01);

}  // namespace nava::synth
