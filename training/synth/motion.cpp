#include "training/synth/motion.h"

#include <algorithm>
#include <cmath>

namespace nava::synth {
namespace {

// Sub-steps per video frame; at 24 fps a step is 0.65 ms.
constexpr int kStepsPerFrame = 64;

struct State {
    double x, y, vx, vy;
    bool resting = false;  // a bouncing object that has come to rest on the floor
};

}  // namespace

std::array<double, 2> half_extent(const ObjectSpec& o) {
    switch (o.shape) {
        case Shape::circle:
            return {o.radius_px, o.radius_px};
        case Shape::square:
            return {0.9 * o.radius_px, 0.9 * o.radius_px};
        case Shape::triangle:
            return {1.1 * o.radius_px, 0.95 * o.radius_px};
    }
    return {o.radius_px, o.radius_px};
}

MotionResult simulate_motion(const ClipRecipe& recipe) {
    const ClipFormat& f = recipe.format;
    const Box& box = recipe.play_area;
    const double box_h = box.y1 - box.y0;
    const double gravity = kGravityHeightsPerS2 * box_h;
    const double dt = 1.0 / (static_cast<double>(f.fps) * kStepsPerFrame);

    MotionResult out;
    for (std::size_t k = 0; k < recipe.objects.size(); ++k) {
        const ObjectSpec& o = recipe.objects[k];
        const auto ext = half_extent(o);
        const double lo_x = box.x0 + ext[0], hi_x = box.x1 - ext[0];
        const double lo_y = box.y0 + ext[1], hi_y = box.y1 - ext[1];
        // The speed that counts as a full-strength hit: a fall from 80% of the play area, or
        // the object's own speed when it flies.
        const double ref_speed = o.motion == Motion::bounce ? std::sqrt(2.0 * gravity * 0.8 * box_h)
                                                            : std::max(1.0, std::hypot(o.vx, o.vy));
        // A bounce slower than this ends the bouncing (no endless micro-bounces).
        const double rest_speed = 0.15 * std::sqrt(2.0 * gravity * box_h);

        State s{std::clamp(o.x, lo_x, hi_x), std::clamp(o.y, lo_y, hi_y), o.vx, o.vy};
        ObjectTrack track;
        auto hit = [&](double t, const char* surface, double normal_speed) {
            const double strength = std::min(1.0, normal_speed / ref_speed);
            if (strength >= kMinImpactStrength)
                out.impacts.push_back({t, static_cast<int>(k), surface, normal_speed, strength});
        };
        const double wall_e = o.motion == Motion::bounce ? 0.95 : o.restitution;
        for (int frame = 0; frame < f.frames; ++frame) {
            track.x.push_back(s.x);
            track.y.push_back(s.y);
            for (int step = 0; step < kStepsPerFrame; ++step) {
                const double t = (static_cast<double>(frame) * kStepsPerFrame + step + 1) * dt;
                if (o.motion == Motion::bounce && !s.resting) s.vy += gravity * dt;
                s.x += s.vx * dt;
                if (!s.resting) s.y += s.vy * dt;
                if (s.x < lo_x) {
                    s.x = 2 * lo_x - s.x;
                    hit(t, "left wall", std::fabs(s.vx));
                    s.vx = std::fabs(s.vx) * wall_e;
                } else if (s.x > hi_x) {
                    s.x = 2 * hi_x - s.x;
                    hit(t, "right wall", std::fabs(s.vx));
                    s.vx = -std::fabs(s.vx) * wall_e;
                }
                if (s.y < lo_y) {
                    s.y = 2 * lo_y - s.y;
                    hit(t, "ceiling", std::fabs(s.vy));
                    s.vy = std::fabs(s.vy) * wall_e;
                } else if (s.y > hi_y) {
                    s.y = 2 * hi_y - s.y;
                    hit(t, "floor", std::fabs(s.vy));
                    s.vy = -std::fabs(s.vy) * o.restitution;
                    if (o.motion == Motion::bounce && std::fabs(s.vy) < rest_speed) {
                        s.vy = 0.0;
                        s.y = hi_y;
                        s.resting = true;
                    }
                }
            }
        }
        out.tracks.push_back(std::move(track));
    }
    std::stable_sort(out.impacts.begin(), out.impacts.end(),
                     [](const Impact& a, const Impact& b) { return a.time_s < b.time_s; });
    return out;
}

}  // namespace nava::synth
