// Helpers of the synthetic-world tests: hand-made recipes and signal statistics.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "training/synth/scene.h"
#include "training/synth/speech.h"
#include "training/synth/types.h"
#include "training/synth/vocabulary.h"

namespace nava::synth::testing {

// Skips the calling test when espeak-ng is not installed (the generator cannot work without it).
#define NAVA_REQUIRE_ESPEAK()                        \
    do {                                             \
        try {                                        \
            nava::synth::find_espeak();              \
        } catch (const nava::synth::SynthError& e) { \
            GTEST_SKIP() << e.what();                \
        }                                            \
    } while (0)

inline NamedColour colour_named(const std::vector<NamedColour>& table, const std::string& name) {
    for (const auto& c : table)
        if (c.name == name) return c;
    ADD_FAILURE() << "no colour " << name;
    return {};
}

// An empty recipe in the default format on a black background.
inline ClipRecipe blank_recipe(const std::string& id) {
    ClipRecipe r;
    r.id = id;
    r.background = colour_named(vocab::backgrounds(), "black");
    r.play_area = play_area_for(r.format, r.faces);
    r.sound_seed = 11;
    r.caption_seed = 12;
    return r;
}

inline ObjectSpec make_object(Shape shape, const std::string& colour, SizeClass size, Motion motion,
                              double x, double y, double vx, double vy, const ClipFormat& f) {
    ObjectSpec o;
    o.shape = shape;
    o.colour = colour_named(vocab::object_colours(), colour);
    o.size = size;
    o.motion = motion;
    o.radius_px = object_radius(size, f);
    o.x = x;
    o.y = y;
    o.vx = vx;
    o.vy = vy;
    o.restitution = motion == Motion::fly ? 1.0 : 0.88;
    return o;
}

inline double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += a[i];
        mb += b[i];
    }
    ma /= static_cast<double>(n);
    mb /= static_cast<double>(n);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

// RMS of samples[a, b) (clamped to the buffer).
inline double window_rms(const std::vector<float>& s, double start_s, double end_s, int rate) {
    const auto a = static_cast<std::size_t>(std::max(0.0, start_s * rate));
    const auto b = std::min(s.size(), static_cast<std::size_t>(std::max(0.0, end_s * rate)));
    if (a >= b) return 0.0;
    double e = 0;
    for (std::size_t i = a; i < b; ++i)
        e += static_cast<double>(s[i]) * s[i];
    return std::sqrt(e / static_cast<double>(b - a));
}

}  // namespace nava::synth::testing
