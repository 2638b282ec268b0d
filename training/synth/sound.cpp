#include "training/synth/sound.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "training/synth/random.h"

namespace nava::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Inharmonic partials of a struck bar: what makes the triangle's sound metallic.
constexpr double kClinkRatios[] = {1.0, 2.76, 5.40};
constexpr double kClinkLevels[] = {1.0, 0.55, 0.3};

}  // namespace

Timbre timbre_of(const ObjectSpec& o, const ClipFormat& f) {
    // Pitch falls with size: relative to a small object (6% of the shorter side).
    const double reference_radius = 0.06 * std::min(f.width, f.height);
    const double scale = reference_radius / std::max(1.0, o.radius_px);
    switch (o.shape) {
        case Shape::circle:
            return {"tone", 900.0 * scale, 0.09};
        case Shape::square:
            return {"thud", 180.0 * scale, 0.045};
        case Shape::triangle:
            return {"clink", 1150.0 * scale, 0.22};
    }
    return {"tone", 900.0 * scale, 0.09};
}

std::vector<float> impact_sound(const Timbre& timbre, double strength, int sample_rate_hz,
                                uint64_t noise_seed) {
    const double rate = sample_rate_hz;
    const double nyquist_guard = 0.45 * rate;
    const auto length = static_cast<std::size_t>(std::min(0.5, 6.0 * timbre.decay_s) * rate);
    const auto attack = static_cast<std::size_t>(0.002 * rate);
    std::vector<double> s(length, 0.0);
    Rng noise(noise_seed);
    double lowpass = 0.0;
    // One-pole low-pass of the thud's noise: duller for bigger (lower) objects.
    const double cutoff_hz = std::min(nyquist_guard, 10.0 * timbre.frequency_hz);
    const double a = 1.0 - std::exp(-2.0 * kPi * cutoff_hz / rate);
    for (std::size_t i = 0; i < length; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double env =
            std::exp(-t / timbre.decay_s) * (i < attack ? static_cast<double>(i) / attack : 1.0);
        double v = 0.0;
        if (timbre.kind == "tone") {
            v = std::sin(2 * kPi * timbre.frequency_hz * t);
            if (2 * timbre.frequency_hz < nyquist_guard)
                v += 0.3 * std::sin(2 * kPi * 2 * timbre.frequency_hz * t);
        } else if (timbre.kind == "thud") {
            lowpass += a * (noise.uniform(-1.0, 1.0) - lowpass);
            v = 2.5 * lowpass + std::sin(2 * kPi * timbre.frequency_hz * t);
        } else {
            for (std::size_t p = 0; p < 3; ++p) {
                const double fp = kClinkRatios[p] * timbre.frequency_hz;
                if (fp < nyquist_guard)
                    v += kClinkLevels[p] * std::exp(-t * p / timbre.decay_s) *
                         std::sin(2 * kPi * fp * t);
            }
        }
        s[i] = env * v;
    }
    double peak = 0.0;
    for (double v : s)
        peak = std::max(peak, std::fabs(v));
    std::vector<float> out(length, 0.0f);
    if (peak <= 0.0) return out;
    const double gain = kImpactPeak * std::clamp(strength, 0.0, 1.0) / peak;
    for (std::size_t i = 0; i < length; ++i)
        out[i] = static_cast<float>(s[i] * gain);
    return out;
}

Soundtrack mix_soundtrack(const ClipRecipe& recipe, const MotionResult& motion,
                          const std::vector<std::vector<float>>& speech_audio) {
    const ClipFormat& f = recipe.format;
    const auto n = static_cast<std::size_t>(f.audio_samples());
    std::vector<double> sum(n, 0.0);
    auto add = [&](const std::vector<float>& sound, double start_s, std::vector<float>* track) {
        const auto start = static_cast<int64_t>(std::llround(start_s * f.sample_rate_hz));
        for (std::size_t i = 0; i < sound.size(); ++i) {
            const int64_t at = start + static_cast<int64_t>(i);
            if (at < 0 || at >= static_cast<int64_t>(n)) continue;
            sum[static_cast<std::size_t>(at)] += sound[i];
            if (track) (*track)[static_cast<std::size_t>(at)] += sound[i];
        }
    };

    Soundtrack out;
    for (std::size_t i = 0; i < motion.impacts.size(); ++i) {
        const Impact& hit = motion.impacts[i];
        const Timbre timbre = timbre_of(recipe.objects[static_cast<std::size_t>(hit.object)], f);
        add(impact_sound(timbre, hit.strength, f.sample_rate_hz,
                         hash_seed(recipe.sound_seed, "impact", i)),
            hit.time_s, nullptr);
    }
    for (std::size_t i = 0; i < recipe.speech.size(); ++i) {
        out.speech_tracks.emplace_back(n, 0.0f);
        add(speech_audio.at(i), recipe.speech[i].start_s, &out.speech_tracks.back());
    }

    double peak = 0.0;
    for (double v : sum)
        peak = std::max(peak, std::fabs(v));
    out.gain = peak > kMixCeiling ? kMixCeiling / peak : 1.0;
    out.mix.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        out.mix[i] = static_cast<float>(sum[i] * out.gain);
    out.peak = peak * out.gain;
    return out;
}

std::vector<double> frame_rms(const std::vector<float>& samples, const ClipFormat& f) {
    std::vector<double> out(static_cast<std::size_t>(f.frames), 0.0);
    for (int k = 0; k < f.frames; ++k) {
        const auto a = static_cast<std::size_t>(
            std::llround(static_cast<double>(k) * f.sample_rate_hz / f.fps));
        const auto b =
            std::min(samples.size(), static_cast<std::size_t>(std::llround(
                                         static_cast<double>(k + 1) * f.sample_rate_hz / f.fps)));
        if (a >= b) continue;
        double e = 0.0;
        for (std::size_t i = a; i < b; ++i)
            e += static_cast<double>(samples[i]) * samples[i];
        out[static_cast<std::size_t>(k)] = std::sqrt(e / static_cast<double>(b - a));
    }
    return out;
}

std::vector<double> mouth_opening(const std::vector<float>& track, const ClipFormat& f,
                                  double reference_rms) {
    std::vector<double> open = frame_rms(track, f);
    for (double& v : open) {
        // Below 8% of the loud level the mouth is shut (breath-level noise does not flap it).
        const double r = reference_rms > 0 ? v / reference_rms : 0.0;
        v = r < 0.08 ? 0.0 : std::min(1.0, r);
    }
    return open;
}

}  // namespace nava::synth
