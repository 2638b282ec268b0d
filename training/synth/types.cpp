#include "training/synth/types.h"

#include <cmath>
#include <cstdint>

namespace nava::synth {

const char* to_string(Shape shape) {
    switch (shape) {
        case Shape::circle:
            return "circle";
        case Shape::square:
            return "square";
        case Shape::triangle:
            return "triangle";
    }
    return "circle";
}

const char* to_string(SizeClass size) {
    switch (size) {
        case SizeClass::small:
            return "small";
        case SizeClass::medium:
            return "medium";
        case SizeClass::large:
            return "large";
    }
    return "medium";
}

const char* to_string(Motion motion) {
    return motion == Motion::fly ? "fly" : "bounce";
}

const char* to_string(Split split) {
    return split == Split::holdout ? "holdout" : "train";
}

int64_t ClipFormat::audio_samples() const {
    return static_cast<int64_t>(std::llround(duration_s() * sample_rate_hz));
}

}  // namespace nava::synth
