#include "training/synth/render.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>

namespace nava::synth {
namespace {

// One frame being drawn.
class Canvas {
public:
    Canvas(uint8_t* rgb, int width, int height) : rgb_(rgb), width_(width), height_(height) {}

    void fill(Rgb c) {
        for (int i = 0; i < width_ * height_; ++i) {
            rgb_[3 * i] = c.r;
            rgb_[3 * i + 1] = c.g;
            rgb_[3 * i + 2] = c.b;
        }
    }

    // Paints `c` where the signed distance `sdf(x, y)` (px, negative inside) is below zero,
    // within the box [cx ± rx] × [cy ± ry]. Coverage of a pixel = clamp(0.5 − d, 0, 1), a
    // one-pixel ramp across the edge.
    void shape(double cx, double cy, double rx, double ry, Rgb c,
               const std::function<double(double, double)>& sdf) {
        const int x0 = std::max(0, static_cast<int>(std::floor(cx - rx - 1)));
        const int x1 = std::min(width_ - 1, static_cast<int>(std::ceil(cx + rx + 1)));
        const int y0 = std::max(0, static_cast<int>(std::floor(cy - ry - 1)));
        const int y1 = std::min(height_ - 1, static_cast<int>(std::ceil(cy + ry + 1)));
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const double d = sdf(x + 0.5 - cx, y + 0.5 - cy);
                const double a = std::clamp(0.5 - d, 0.0, 1.0);
                if (a <= 0.0) continue;
                uint8_t* p = rgb_ + 3 * (static_cast<std::ptrdiff_t>(y) * width_ + x);
                p[0] = blend(p[0], c.r, a);
                p[1] = blend(p[1], c.g, a);
                p[2] = blend(p[2], c.b, a);
            }
        }
    }

    void disc(double cx, double cy, double r, Rgb c) {
        shape(cx, cy, r, r, c, [r](double dx, double dy) { return std::hypot(dx, dy) - r; });
    }

    void ellipse(double cx, double cy, double a, double b, Rgb c) {
        // Distance approximated by scaling the unit-circle distance with the smaller radius:
        // exact on the axes, close enough elsewhere for a one-pixel edge ramp.
        const double m = std::min(a, b);
        shape(cx, cy, a, b, c,
              [a, b, m](double dx, double dy) { return (std::hypot(dx / a, dy / b) - 1.0) * m; });
    }

private:
    static uint8_t blend(uint8_t under, uint8_t over, double a) {
        return static_cast<uint8_t>(std::lround(under + (over - under) * a));
    }

    uint8_t* rgb_;
    int width_, height_;
};

void draw_object(Canvas& canvas, const ObjectSpec& o, double x, double y) {
    const auto ext = half_extent(o);
    switch (o.shape) {
        case Shape::circle:
            canvas.disc(x, y, ext[0], o.colour.rgb);
            break;
        case Shape::square:
            canvas.shape(x, y, ext[0], ext[1], o.colour.rgb, [ext](double dx, double dy) {
                return std::max(std::fabs(dx) - ext[0], std::fabs(dy) - ext[1]);
            });
            break;
        case Shape::triangle: {
            // Apex (0, -h) up, base corners (±w, h) down, filling the bounding box: the largest
            // of the signed distances to the three edge lines (all negative inside).
            const double w = ext[0], h = ext[1];
            const double len = std::hypot(2 * h, w);
            const double nx = 2 * h / len, ny = w / len;  // outward normal (nx, -ny), right edge
            canvas.shape(x, y, w, h, o.colour.rgb, [=](double dx, double dy) {
                const double base = dy - h;
                const double right = nx * dx - ny * (dy + h);
                const double left = -nx * dx - ny * (dy + h);
                return std::max({base, right, left});
            });
            break;
        }
    }
}

void draw_face(Canvas& canvas, const FaceSpec& face, double opening) {
    const double r = face.radius_px;
    canvas.disc(face.x, face.y, r, face.colour.rgb);
    for (double side : {-1.0, 1.0}) {
        const double ex = face.x + side * 0.38 * r, ey = face.y - 0.25 * r;
        canvas.disc(ex, ey, 0.22 * r, {250, 250, 250});
        canvas.disc(ex, ey + 0.04 * r, 0.11 * r, kMouthColour);
    }
    const MouthShape m = mouth_shape(face, opening);
    canvas.ellipse(face.x, face.y + m.dy, m.half_width, m.half_height, kMouthColour);
}

}  // namespace

MouthShape mouth_shape(const FaceSpec& face, double opening) {
    const double r = face.radius_px;
    const double closed = std::max(0.6, 0.05 * r);  // a thin line when shut
    return {0.42 * r, 0.42 * r, closed + std::clamp(opening, 0.0, 1.0) * 0.3 * r};
}

media::VideoBuffer render_video(const ClipRecipe& recipe, const MotionResult& motion,
                                const std::vector<std::vector<double>>& mouth) {
    const ClipFormat& f = recipe.format;
    media::VideoBuffer video;
    video.width = f.width;
    video.height = f.height;
    video.fps = {f.fps, 1};
    const std::size_t frame_bytes = static_cast<std::size_t>(f.width) * f.height * 3;
    video.rgb.resize(frame_bytes * static_cast<std::size_t>(f.frames));
    for (int k = 0; k < f.frames; ++k) {
        Canvas canvas(video.rgb.data() + frame_bytes * static_cast<std::size_t>(k), f.width,
                      f.height);
        canvas.fill(recipe.background.rgb);
        for (std::size_t i = 0; i < recipe.faces.size(); ++i)
            draw_face(canvas, recipe.faces[i], mouth.at(i).at(static_cast<std::size_t>(k)));
        // Objects last: in front of everything (they stay below the faces anyway).
        for (std::size_t i = 0; i < recipe.objects.size(); ++i)
            draw_object(canvas, recipe.objects[i], motion.tracks[i].x[static_cast<std::size_t>(k)],
                        motion.tracks[i].y[static_cast<std::size_t>(k)]);
    }
    return video;
}

}  // namespace nava::synth
