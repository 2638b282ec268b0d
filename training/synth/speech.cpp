#include "training/synth/speech.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "media/audio_reader.h"
#include "media/media_error.h"
#include "media/wav.h"

extern char** environ;

namespace nava::synth {
namespace {

bool is_executable(const std::filesystem::path& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

// A temporary file that removes itself.
class TempFile {
public:
    explicit TempFile(const std::string& suffix) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / ("nava-synth-XXXXXX" + suffix)).string();
        const int fd = ::mkstemps(pattern.data(), static_cast<int>(suffix.size()));
        if (fd < 0)
            throw SynthError("cannot create a temporary file in " +
                             std::filesystem::temp_directory_path().string() + ": " +
                             std::strerror(errno));
        ::close(fd);
        path_ = pattern;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

}  // namespace

std::filesystem::path find_espeak(const std::string& program) {
    const std::string hint =
        " espeak-ng makes the speech of the synthetic clips: install the Debian package "
        "espeak-ng (apt-get install espeak-ng; ./build.sh does it).";
    if (program.find('/') != std::string::npos) {
        if (is_executable(program)) return program;
        throw SynthError("speech synthesiser '" + program + "' is not an executable file." + hint);
    }
    const char* path_env = std::getenv("PATH");
    std::stringstream dirs(path_env ? path_env : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) dir = ".";
        const auto candidate = std::filesystem::path(dir) / program;
        if (is_executable(candidate)) return candidate;
    }
    throw SynthError("'" + program + "' was not found on PATH." + hint);
}

SpeechSynth::SpeechSynth(int sample_rate_hz, const std::string& program)
    : sample_rate_hz_(sample_rate_hz), program_(find_espeak(program)) {
    if (sample_rate_hz_ <= 0) throw SynthError("speech: sample rate must be positive");
}

const std::vector<float>& SpeechSynth::speak(const std::string& text, const VoiceSpec& voice) {
    const std::string key = voice.espeak_name() + "|" + std::to_string(voice.pitch) + "|" +
                            std::to_string(voice.speed_wpm) + "|" + text;
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    return cache_.emplace(key, run_espeak(text, voice)).first->second;
}

std::vector<float> SpeechSynth::run_espeak(const std::string& text, const VoiceSpec& voice) const {
    TempFile wav(".wav");
    TempFile err(".txt");
    // Arguments go straight to the process (no shell), so the text needs no quoting.
    std::vector<std::string> args = {program_.string(),
                                     "-v",
                                     voice.espeak_name(),
                                     "-p",
                                     std::to_string(voice.pitch),
                                     "-s",
                                     std::to_string(voice.speed_wpm),
                                     "-w",
                                     wav.path().string(),
                                     text};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.path().c_str(),
                                     O_WRONLY | O_TRUNC, 0);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw SynthError("cannot start " + program_.string() + ": " + std::strerror(rc));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR)
            throw SynthError("lost the espeak-ng process: " + std::string(std::strerror(errno)));
    }
    const std::string what = "espeak-ng (voice " + voice.espeak_name() + ", text '" + text + "')";
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        const std::string msg = read_text(err.path());
        throw SynthError(what + " failed" +
                         (WIFEXITED(status) ? " with status " + std::to_string(WEXITSTATUS(status))
                                            : std::string(" (killed by a signal)")) +
                         (msg.empty() ? "" : ": " + msg));
    }

    media::AudioBuffer audio;
    try {
        audio = media::read_wav(wav.path());
        audio = media::resample_audio(audio, sample_rate_hz_, 1);
    } catch (const media::MediaError& e) {
        throw SynthError(what + " wrote unreadable audio: " + e.what());
    }
    std::vector<float> speech = trim_silence(audio.samples, sample_rate_hz_);
    float peak = 0.0f;
    for (float s : speech)
        peak = std::max(peak, std::fabs(s));
    if (speech.empty() || peak < 1e-4f) throw SynthError(what + " produced no sound");
    const float gain = kSpeechPeak / peak;
    for (float& s : speech)
        s *= gain;
    // 5 ms fades: the trim may cut inside a waveform period, which would click.
    const std::size_t fade =
        std::min(speech.size() / 2, static_cast<std::size_t>(sample_rate_hz_ / 200));
    for (std::size_t i = 0; i < fade; ++i) {
        const float g = static_cast<float>(i) / static_cast<float>(fade);
        speech[i] *= g;
        speech[speech.size() - 1 - i] *= g;
    }
    return speech;
}

std::vector<float> trim_silence(const std::vector<float>& samples, int sample_rate_hz,
                                double threshold, double margin_s) {
    const std::size_t window =
        std::max<std::size_t>(1, static_cast<std::size_t>(sample_rate_hz / 100));
    const std::size_t windows = samples.size() / window;
    if (windows == 0) return {};
    std::vector<double> rms(windows, 0.0);
    double loudest = 0.0;
    for (std::size_t w = 0; w < windows; ++w) {
        double e = 0.0;
        for (std::size_t i = w * window; i < (w + 1) * window; ++i)
            e += static_cast<double>(samples[i]) * samples[i];
        rms[w] = std::sqrt(e / window);
        loudest = std::max(loudest, rms[w]);
    }
    if (loudest <= 0.0) return {};
    std::size_t first = 0, last = windows - 1;
    while (first < windows && rms[first] < threshold * loudest)
        ++first;
    while (last > first && rms[last] < threshold * loudest)
        --last;
    const auto margin = static_cast<std::size_t>(margin_s * sample_rate_hz);
    const std::size_t begin = first * window > margin ? first * window - margin : 0;
    const std::size_t end = std::min(samples.size(), (last + 1) * window + margin);
    return std::vector<float>(samples.begin() + static_cast<std::ptrdiff_t>(begin),
                              samples.begin() + static_cast<std::ptrdiff_t>(end));
}

}  // namespace nava::synth
