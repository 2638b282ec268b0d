// Where every object is in every frame, and when it hits a side of its play area: a small
// physics simulation at a fine time step so that impact times are accurate to about a
// millisecond.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "training/synth/types.h"

namespace nava::synth {

// Half width and half height of an object's bounding box (its collision extent); the position
// of an object is the centre of that box.
std::array<double, 2> half_extent(const ObjectSpec& object);

// Gravity of bouncing objects, in play-area heights per second squared.
inline constexpr double kGravityHeightsPerS2 = 7.0;

struct Impact {
    double time_s = 0.0;
    int object = 0;           // index into ClipRecipe::objects
    std::string surface;      // "floor", "ceiling", "left wall", "right wall"
    double speed_px_s = 0.0;  // normal speed just before the impact
    double strength = 0.0;    // 0..1, loudness of the sound it makes
};

struct ObjectTrack {
    std::vector<double> x, y;  // centre per video frame (px)
};

struct MotionResult {
    std::vector<ObjectTrack> tracks;  // one per object
    std::vector<Impact> impacts;      // audible impacts of all objects, by time
};

// Impacts softer than this (relative strength) make no sound and are not listed.
inline constexpr double kMinImpactStrength = 0.12;

MotionResult simulate_motion(const ClipRecipe& recipe);

}  // namespace nava::synth
