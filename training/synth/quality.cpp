#include "training/synth/quality.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <ATen/ATen.h>

#include "training/synth/scene.h"

namespace nava::synth {
namespace {

using json = nlohmann::json;

constexpr double kMouthRgb[3] = {50.0, 16.0, 20.0};  // render.h kMouthColour
constexpr double kFaceColourDistance = 60.0;         // RGB distance of a face's own pixels
// A mouth moves when its box's dark share varies by this much over the clip (standard
// deviation); the world's speaking mouths vary by about 0.1, a still face's by nothing.
constexpr double kMovingMouthSd = 0.02;

// [3, T, H, W] in [-1, 1] -> [T, H, W, 3] float in 0..255 (contiguous).
at::Tensor to_rgb255(const at::Tensor& video) {
    return ((video.to(at::kFloat).clamp(-1.0, 1.0) + 1.0) * 127.5)
        .permute({1, 2, 3, 0})
        .contiguous();
}

// Pixel distance to `rgb` -> [T, H, W].
at::Tensor colour_distance(const at::Tensor& rgb255, const double rgb[3]) {
    const at::Tensor target = at::tensor(
        {static_cast<float>(rgb[0]), static_cast<float>(rgb[1]), static_cast<float>(rgb[2])});
    return (rgb255 - target).pow(2).sum(-1).sqrt();
}

std::vector<double> to_vector(const at::Tensor& t) {
    const at::Tensor c = t.to(at::kDouble).contiguous();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

double cosine(const at::Tensor& a, const at::Tensor& b) {
    const at::Tensor x = a.to(at::kDouble).flatten(), y = b.to(at::kDouble).flatten();
    const double d = (x.norm() * y.norm()).item<double>();
    return d > 0.0 ? x.dot(y).item<double>() / d : 0.0;
}

// Audio onsets: positive part of the envelope's first difference.
std::vector<double> onsets(const std::vector<double>& env) {
    std::vector<double> out(env.size(), 0.0);
    for (std::size_t t = 1; t < env.size(); ++t)
        out[t] = std::max(0.0, env[t] - env[t - 1]);
    return out;
}

// Sum over the objects of |acceleration| of the centroid of the pixels of the object's colour
// (faces masked out); frames where the object is not found repeat the last centroid.
std::vector<double> impact_signal(const json& truth, const at::Tensor& video, double distance) {
    const at::Tensor rgb = to_rgb255(video);
    const int64_t T = rgb.size(0), H = rgb.size(1), W = rgb.size(2);
    const at::Tensor ys = at::arange(H, at::kFloat).view({1, H, 1}).expand({T, H, W});
    const at::Tensor xs = at::arange(W, at::kFloat).view({1, 1, W}).expand({T, H, W});
    at::Tensor not_face = at::ones({T, H, W}, at::kBool);
    for (const auto& f : truth.value("faces", json::array())) {
        const double fx = f.at("x").get<double>(), fy = f.at("y").get<double>();
        const double r = f.at("radius_px").get<double>() * 1.15;
        not_face &= ((xs - fx).pow(2) + (ys - fy).pow(2)) > r * r;
    }
    std::vector<double> total(static_cast<std::size_t>(T), 0.0);
    for (const auto& o : truth.value("objects", json::array())) {
        const auto c = o.at("rgb");
        const double target[3] = {c[0].get<double>(), c[1].get<double>(), c[2].get<double>()};
        const at::Tensor mask =
            ((colour_distance(rgb, target) < distance) & not_face).to(at::kFloat);
        const std::vector<double> n = to_vector(mask.sum({1, 2}));
        const std::vector<double> sx = to_vector((mask * xs).sum({1, 2}));
        const std::vector<double> sy = to_vector((mask * ys).sum({1, 2}));
        std::vector<double> cx(n.size(), -1.0), cy(n.size(), -1.0);
        double lx = -1.0, ly = -1.0;
        for (std::size_t t = 0; t < n.size(); ++t) {
            if (n[t] >= 2.0) {
                lx = sx[t] / n[t];
                ly = sy[t] / n[t];
            }
            cx[t] = lx;
            cy[t] = ly;
        }
        for (std::size_t t = 1; t + 1 < n.size(); ++t) {
            if (cx[t - 1] < 0.0) continue;
            const double ax = cx[t + 1] - 2.0 * cx[t] + cx[t - 1];
            const double ay = cy[t + 1] - 2.0 * cy[t] + cy[t - 1];
            total[t] += std::sqrt(ax * ax + ay * ay);
        }
    }
    return total;
}

}  // namespace

std::vector<double> frame_envelope(const QualityClip& clip, int64_t frames, double low_hz,
                                   double high_hz) {
    std::vector<double> env(static_cast<std::size_t>(std::max<int64_t>(frames, 0)), 0.0);
    if (!clip.audio.defined() || clip.audio.numel() == 0 || frames <= 0) return env;
    at::Tensor wave = clip.audio.to(at::kDouble).flatten();
    if (high_hz > 0.0) {
        const int64_t n = wave.numel();
        at::Tensor spec = at::fft_rfft(wave);
        const at::Tensor freq = at::arange(spec.numel(), at::kDouble) *
                                (static_cast<double>(clip.sample_rate_hz) / static_cast<double>(n));
        spec = spec * ((freq >= low_hz) & (freq <= high_hz)).to(spec.scalar_type());
        wave = at::fft_irfft(spec, n);
    }
    const std::vector<double> w = to_vector(wave);
    const double hop = clip.sample_rate_hz / clip.fps;
    for (int64_t t = 0; t < frames; ++t) {
        const auto a = static_cast<int64_t>(std::max(0.0, (static_cast<double>(t) - 0.5) * hop));
        const auto b =
            std::min<int64_t>(static_cast<int64_t>(w.size()),
                              static_cast<int64_t>((static_cast<double>(t) + 0.5) * hop));
        double s = 0.0;
        for (int64_t i = a; i < b; ++i)
            s += w[static_cast<std::size_t>(i)] * w[static_cast<std::size_t>(i)];
        env[static_cast<std::size_t>(t)] = b > a ? std::sqrt(s / static_cast<double>(b - a)) : 0.0;
    }
    return env;
}

namespace {

// The column where a face of the truth's colour sits in the clip: among the face-wide stretches
// of columns of the faces' band (the rows above its chin and half a radius more), the one with
// the most pixels near its colour over the whole clip, and their centroid there. nullopt when
// that colour covers less than a tenth of a face on average. The world says where its faces
// are, but a caption names a face's side only sometimes, so a generated face may stand
// elsewhere; its row is the world's rule, whatever the prompt.
std::optional<double> face_column(const at::Tensor& rgb, const json& face, double y, double r) {
    const auto c = face.value("rgb", std::vector<double>());
    if (c.size() != 3) return std::nullopt;
    const double colour[3] = {c[0], c[1], c[2]};
    const int64_t H = rgb.size(1), W = rgb.size(2);
    const int64_t rows = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(y + 1.5 * r)), 1, H);
    const at::Tensor near =
        (colour_distance(rgb.slice(1, 0, rows), colour) < kFaceColourDistance).to(at::kDouble);
    const std::vector<double> per_column = to_vector(near.mean(0).sum(0));  // pixels per frame
    const auto width = std::clamp<int64_t>(static_cast<int64_t>(std::lround(2.0 * r)), 1, W);
    double best = -1.0;
    int64_t best_start = 0;
    for (int64_t x0 = 0; x0 + width <= W; ++x0) {
        double sum = 0.0;
        for (int64_t x = x0; x < x0 + width; ++x)
            sum += per_column[static_cast<std::size_t>(x)];
        if (sum > best) {
            best = sum;
            best_start = x0;
        }
    }
    if (best < 0.1 * M_PI * r * r) return std::nullopt;
    double moment = 0.0;
    for (int64_t x = best_start; x < best_start + width; ++x)
        moment += static_cast<double>(x) * per_column[static_cast<std::size_t>(x)];
    // pixel i covers [i, i + 1): its centre is i + 0.5, the truth's convention
    return moment / best + 0.5;
}

// Each speaking face's mouth opening [T] (dark mouth-coloured share of its mouth box), the face
// found in the clip by its colour when it is there.
std::vector<std::vector<double>> mouth_signals(const json& truth, const at::Tensor& video) {
    const at::Tensor rgb = to_rgb255(video);
    const int64_t H = rgb.size(1), W = rgb.size(2);
    const at::Tensor dark = (1.0 - colour_distance(rgb, kMouthRgb) / 100.0).clamp_min(0.0);
    std::vector<std::vector<double>> out;
    for (const auto& f : truth.value("faces", json::array())) {
        if (!f.value("speaks", false)) continue;
        const double y = f.at("y").get<double>(), r = f.at("radius_px").get<double>();
        const double x = face_column(rgb, f, y, r).value_or(f.at("x").get<double>());
        const auto clampi = [](double v, int64_t hi) {
            return std::clamp<int64_t>(static_cast<int64_t>(std::lround(v)), 0, hi);
        };
        const int64_t x0 = clampi(x - 0.45 * r, W), x1 = clampi(x + 0.45 * r + 1.0, W);
        const int64_t y0 = clampi(y + 0.42 * r - 0.35 * r, H),
                      y1 = clampi(y + 0.42 * r + 0.35 * r + 1.0, H);
        if (x1 <= x0 || y1 <= y0) continue;
        out.push_back(to_vector(dark.slice(1, y0, y1).slice(2, x0, x1).mean({1, 2})));
    }
    return out;
}

double mean_of(const std::vector<double>& v) {
    double m = 0.0;
    for (double x : v)
        m += x / static_cast<double>(v.size());
    return m;
}

// Sum of squared deviations from the mean.
double squared_deviations(const std::vector<double>& v) {
    const double mean = mean_of(v);
    double sum = 0.0;
    for (double x : v)
        sum += (x - mean) * (x - mean);
    return sum;
}

double standard_deviation(const std::vector<double>& v) {
    if (v.size() < 2) return 0.0;
    return std::sqrt(squared_deviations(v) / static_cast<double>(v.size()));
}

}  // namespace

std::vector<double> mouth_signal(const json& truth, const at::Tensor& video) {
    std::vector<double> out(static_cast<std::size_t>(video.size(1)), 0.0);
    for (const auto& m : mouth_signals(truth, video))
        for (std::size_t t = 0; t < m.size(); ++t)
            out[t] += m[t];
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size();
    return m % 2 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
}

std::optional<double> share_in_windows(const std::vector<double>& env, double fps,
                                       const std::vector<std::pair<double, double>>& windows,
                                       double tolerance_s) {
    double inside = 0.0, total = 0.0;
    for (std::size_t t = 0; t < env.size(); ++t) {
        const double time = static_cast<double>(t) / fps, e = env[t] * env[t];
        total += e;
        for (const auto& [a, b] : windows) {
            if (time >= a - tolerance_s && time <= b + tolerance_s) {
                inside += e;
                break;
            }
        }
    }
    if (total <= 0.0) return std::nullopt;
    return inside / total;
}

namespace {

// The lines' lengths (s), in order.
std::vector<double> line_lengths(const std::vector<std::pair<double, double>>& windows) {
    std::vector<double> d;
    for (const auto& [a, b] : windows)
        d.push_back(b - a);
    return d;
}

// Mean share over timings drawn by the world's own rule (place_speech) from a fixed stream.
double redrawn_share(const std::vector<double>& env, double fps,
                     const std::vector<std::pair<double, double>>& windows, double duration_s,
                     const QualityOptions& options) {
    const std::vector<double> lengths = line_lengths(windows);
    Rng rng = Rng::derive(0, "redrawn-span-timing", windows.size());
    std::vector<SpeechLine> lines(windows.size());
    double sum = 0.0;
    int n = 0;
    for (int draw = 0; draw < 256; ++draw) {
        if (!place_speech(lines, lengths, duration_s, rng)) break;  // they fit in no timing
        std::vector<std::pair<double, double>> w;
        for (const auto& l : lines)
            w.emplace_back(l.start_s, l.end_s);
        sum += share_in_windows(env, fps, w, options.span_tolerance_s).value_or(0.0);
        ++n;
    }
    return n ? sum / n : *share_in_windows(env, fps, windows, options.span_tolerance_s);
}

// Largest share over the timings the world's rule allows, starts on a grid of a frame: lines in
// order, kSpeechLeadS before the first, kSpeechGapS between two, kSpeechTailS after the last.
double best_timing_share(const std::vector<double>& env, double fps,
                         const std::vector<std::pair<double, double>>& windows, double duration_s,
                         double tolerance_s) {
    const std::vector<double> lengths = line_lengths(windows);
    if (lengths.size() > 4) return 0.0;  // beyond the world's lines: not searched
    double best = 0.0;
    std::vector<std::pair<double, double>> w(lengths.size());
    const double step = 1.0 / fps;
    std::function<void(std::size_t, double)> place = [&](std::size_t i, double earliest) {
        if (i == lengths.size()) {
            best = std::max(best, share_in_windows(env, fps, w, tolerance_s).value_or(0.0));
            return;
        }
        double rest = 0.0;  // what the later lines need after this one starts
        for (std::size_t j = i; j < lengths.size(); ++j)
            rest += lengths[j] + (j > i ? kSpeechGapS : 0.0);
        const double latest = duration_s - kSpeechTailS - rest;
        for (double start = earliest; start <= latest + 1e-9; start += step) {
            w[i] = {start, start + lengths[i]};
            place(i + 1, start + lengths[i] + kSpeechGapS);
        }
    };
    place(0, kSpeechLeadS);
    return best;
}

}  // namespace

Interval95 share_interval(int k, int n) {
    if (n <= 0) return {};
    const double z = 1.96, p = static_cast<double>(k) / n, z2n = z * z / n;
    const double centre = (p + z2n / 2.0) / (1.0 + z2n);
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2n / (4.0 * n)) / (1.0 + z2n);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval95 median_interval(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    const double n = static_cast<double>(v.size()), spread = 0.98 * std::sqrt(n);
    // 1-based ranks of the order statistics, kept inside the sample
    const auto lo = static_cast<std::size_t>(std::clamp(std::floor(n / 2.0 - spread), 1.0, n));
    const auto hi = static_cast<std::size_t>(std::clamp(std::ceil(n / 2.0 + 1.0 + spread), 1.0, n));
    return {v[lo - 1], v[hi - 1]};
}

Interval95 mean_share_interval(const std::vector<double>& v) {
    if (v.size() < 2) return {};
    const double n = static_cast<double>(v.size()), mean = mean_of(v);
    const double half = 1.96 * std::sqrt(squared_deviations(v) / (n - 1.0) / n);
    return {std::max(0.0, mean - half), std::min(1.0, mean + half)};
}

std::optional<double> median_pitch_hz(const at::Tensor& wave, int sample_rate_hz, double start_s,
                                      double end_s) {
    const at::Tensor w = wave.to(at::kDouble).flatten();
    const int64_t n = w.numel();
    const int64_t s0 = std::clamp<int64_t>(std::llround(start_s * sample_rate_hz), 0, n);
    const int64_t s1 = std::clamp<int64_t>(std::llround(end_s * sample_rate_hz), 0, n);
    const int64_t win = sample_rate_hz / 25, hop = sample_rate_hz / 100;
    const int64_t lo = sample_rate_hz / 400, hi = sample_rate_hz / 60;
    if (s1 - s0 < win || hi + 1 >= win) return std::nullopt;
    const at::Tensor stretch = w.slice(0, s0, s1);
    const double stretch_rms = stretch.pow(2).mean().sqrt().item<double>();
    if (stretch_rms <= 0.0) return std::nullopt;
    at::Tensor frames = stretch.unfold(0, win, hop);  // [W, win]
    frames = frames - frames.mean(1, true);
    const at::Tensor rms = frames.pow(2).mean(1).sqrt();
    // autocorrelation by FFT (zero-padded to 2·win: no wrap-around), normalised by lag 0
    const at::Tensor spectrum = at::fft_rfft(frames, 2 * win, 1);
    at::Tensor ac = at::fft_irfft(spectrum.abs().pow(2), 2 * win, 1).slice(1, 0, hi + 2);
    ac = ac / ac.select(1, 0).clamp_min(1e-12).unsqueeze(1);
    const std::vector<double> r = to_vector(rms);
    const at::Tensor acc = ac.contiguous();
    std::vector<double> pitches;
    for (int64_t f = 0; f < acc.size(0); ++f) {
        if (r[static_cast<std::size_t>(f)] < 0.3 * stretch_rms) continue;
        const double* a = acc.data_ptr<double>() + f * acc.size(1);
        double best = -1.0;
        for (int64_t k = lo; k <= hi; ++k)
            best = std::max(best, a[k]);
        if (best < 0.5) continue;
        for (int64_t k = lo; k <= hi; ++k) {
            if (a[k] < 0.9 * best || a[k] < a[k - 1] || a[k] < a[k + 1]) continue;
            // parabolic refinement of the peak
            const double den = a[k - 1] - 2.0 * a[k] + a[k + 1];
            const double shift = den < 0.0 ? 0.5 * (a[k - 1] - a[k + 1]) / den : 0.0;
            pitches.push_back(sample_rate_hz / (static_cast<double>(k) + shift));
            break;
        }
    }
    if (pitches.size() < 3) return std::nullopt;
    return median(std::move(pitches));
}

std::optional<int> best_lag(const std::vector<double>& a, const std::vector<double>& b, int max_lag,
                            double* correlation) {
    const int n = static_cast<int>(std::min(a.size(), b.size()));
    std::optional<int> best;
    double best_r = -2.0;
    for (int lag = -max_lag; lag <= max_lag; ++lag) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int m = 0;
        for (int t = 0; t < n; ++t) {
            const int u = t + lag;
            if (u < 0 || u >= n) continue;
            const double x = a[static_cast<std::size_t>(t)], y = b[static_cast<std::size_t>(u)];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            ++m;
        }
        if (m < 4) continue;
        const double va = saa - sa * sa / m, vb = sbb - sb * sb / m;
        if (va <= 1e-12 || vb <= 1e-12) continue;
        const double r = (sab - sa * sb / m) / std::sqrt(va * vb);
        // Ties go to the smaller |lag|.
        if (r > best_r + 1e-12 ||
            (std::abs(r - best_r) <= 1e-12 && best && std::abs(lag) < std::abs(*best))) {
            best_r = r;
            best = lag;
        }
    }
    if (best && correlation) *correlation = best_r;
    return best;
}

CaseQuality measure_case(const json& truth, const QualityClip& clip,
                         const std::vector<at::Tensor>& reference_voices,
                         const SpeakerEmbedder& embed, const QualityClip* world,
                         const QualityOptions& options) {
    CaseQuality q;
    q.id = truth.value("id", std::string());
    const json speech = truth.value("speech", json::array());
    const bool has_video = clip.video.defined() && clip.video.numel() > 0;
    const int64_t frames = has_video ? clip.video.size(1)
                                     : static_cast<int64_t>(std::lround(
                                           clip.audio.numel() * clip.fps / clip.sample_rate_hz));

    // 1. Sync.
    if (has_video) {
        bool speaking = false;
        for (const auto& f : truth.value("faces", json::array()))
            speaking = speaking || f.value("speaks", false);
        std::vector<double> cue, sound;
        if (speaking && !speech.empty()) {
            cue.assign(static_cast<std::size_t>(clip.video.size(1)), 0.0);
            for (const auto& m : mouth_signals(truth, clip.video)) {
                for (std::size_t t = 0; t < m.size(); ++t)
                    cue[t] += m[t];
                ++q.mouths;
                if (standard_deviation(m) >= kMovingMouthSd) ++q.mouths_moving;
            }
            sound = frame_envelope(clip, frames, options.speech_band_low_hz,
                                   options.speech_band_high_hz);
            q.sync_cue = "mouth";
        } else if (!truth.value("objects", json::array()).empty() &&
                   !truth.value("impact_times_s", json::array()).empty()) {
            cue = impact_signal(truth, clip.video, options.colour_distance);
            sound = onsets(frame_envelope(clip, frames));
            q.sync_cue = "impact";
        }
        if (!cue.empty()) {
            double r = 0.0;
            if (const auto lag = best_lag(cue, sound, options.max_lag_frames, &r)) {
                q.sync_offset_ms = *lag * 1000.0 / clip.fps;
                q.sync_correlation = r;
            } else {
                q.sync_cue.clear();
            }
        }
    }

    // 2. Span adherence: as the world timed the lines, retimed at random, at the best timing.
    if (!speech.empty() && clip.audio.defined() && clip.audio.numel() > 0) {
        const std::vector<double> env =
            frame_envelope(clip, frames, options.speech_band_low_hz, options.speech_band_high_hz);
        std::vector<std::pair<double, double>> windows;
        for (const auto& s : speech)
            windows.emplace_back(s.at("start_s").get<double>(), s.at("end_s").get<double>());
        q.span_adherence = share_in_windows(env, clip.fps, windows, options.span_tolerance_s);
        if (q.span_adherence) {
            const double duration = static_cast<double>(frames) / clip.fps;
            q.span_adherence_redrawn = redrawn_share(env, clip.fps, windows, duration, options);
            q.span_adherence_best_timing = std::max(
                *q.span_adherence,
                best_timing_share(env, clip.fps, windows, duration, options.span_tolerance_s));
        }
    }

    // 3. Timbre binding.
    if (embed && speech.size() >= 2 && reference_voices.size() == speech.size() &&
        clip.audio.defined()) {
        std::vector<at::Tensor> refs;
        for (const auto& v : reference_voices)
            refs.push_back(embed(v));
        const at::Tensor wave = clip.audio.to(at::kFloat).flatten();
        const int64_t n = wave.numel();
        for (std::size_t i = 0; i < speech.size(); ++i) {
            double a = speech[i].at("start_s").get<double>(),
                   b = speech[i].at("end_s").get<double>();
            if (b - a < 0.5) {  // the embedder needs some sound: at least half a second
                const double mid = 0.5 * (a + b);
                a = mid - 0.25;
                b = mid + 0.25;
            }
            const int64_t s0 =
                std::clamp<int64_t>(static_cast<int64_t>(a * clip.sample_rate_hz), 0, n);
            const int64_t s1 =
                std::clamp<int64_t>(static_cast<int64_t>(b * clip.sample_rate_hz), 0, n);
            if (s1 - s0 < clip.sample_rate_hz / 4) continue;
            const at::Tensor e = embed(wave.slice(0, s0, s1));
            const double own = cosine(e, refs[i]);
            double other = -2.0;
            const std::string who = speech[i].value("speaker", std::string());
            for (std::size_t j = 0; j < speech.size(); ++j)
                if (j != i && speech[j].value("speaker", std::string()) != who)
                    other = std::max(other, cosine(e, refs[j]));
            if (other < -1.5) continue;  // one speaker only
            ++q.timbre_spans;
            if (own > other) ++q.timbre_correct;
        }
    }

    // 4. Pitch against the world clip's.
    if (world && world->audio.defined() && clip.audio.defined() && clip.audio.numel() > 0) {
        for (const auto& span : speech) {
            const double a = span.at("start_s").get<double>(), b = span.at("end_s").get<double>();
            const auto truth_hz = median_pitch_hz(world->audio, world->sample_rate_hz, a, b);
            const auto clip_hz = median_pitch_hz(clip.audio, clip.sample_rate_hz, a, b);
            if (truth_hz && clip_hz)
                q.pitch_errors_semitones.push_back(
                    std::abs(12.0 * std::log2(*clip_hz / *truth_hz)));
        }
    }

    // 5. Colour adherence.
    if (has_video) {
        const at::Tensor rgb = to_rgb255(clip.video);
        const at::Tensor world_rgb =
            world && world->video.defined() ? to_rgb255(world->video) : at::Tensor();
        double background[3] = {-1000, -1000, -1000};
        if (truth.contains("background")) {
            const auto c = truth["background"].at("rgb");
            for (int k = 0; k < 3; ++k)
                background[k] = c[static_cast<std::size_t>(k)].get<double>();
        }
        auto check = [&](const json& rgb_json, const std::string& label) {
            const double target[3] = {rgb_json[0].get<double>(), rgb_json[1].get<double>(),
                                      rgb_json[2].get<double>()};
            const double db = std::sqrt(std::pow(target[0] - background[0], 2) +
                                        std::pow(target[1] - background[1], 2) +
                                        std::pow(target[2] - background[2], 2));
            if (db < options.colour_distance) return;  // indistinguishable from the background
            const double share = (colour_distance(rgb, target) < options.colour_distance)
                                     .to(at::kFloat)
                                     .mean()
                                     .item<double>();
            double need = 0.002;
            if (world_rgb.defined())
                need = options.colour_min_share *
                       (colour_distance(world_rgb, target) < options.colour_distance)
                           .to(at::kFloat)
                           .mean()
                           .item<double>();
            const bool present = share >= need && share > 0.0;
            ++q.colours;
            q.colours_present += present;
            auto& named = q.colours_by_name[label];
            ++named[0];
            named[1] += present;
        };
        for (const auto& o : truth.value("objects", json::array()))
            check(o.at("rgb"), o.value("colour", std::string("unnamed")) + " object");
        for (const auto& f : truth.value("faces", json::array()))
            check(f.at("rgb"), f.value("colour", std::string("unnamed")) + " face");
    }
    return q;
}

namespace {

// {"orange face": {"named": 3, "present": 1}, ...}
json colours_by_name_json(const std::map<std::string, std::array<int, 2>>& counts) {
    json j = json::object();
    for (const auto& [name, n] : counts)
        j[name] = {{"named", n[0]}, {"present", n[1]}};
    return j;
}

}  // namespace

json CaseQuality::to_json() const {
    json j = {{"id", id},
              {"sync_cue", sync_cue},
              {"timbre_spans", timbre_spans},
              {"timbre_correct", timbre_correct},
              {"mouths", mouths},
              {"mouths_moving", mouths_moving},
              {"colours", colours},
              {"colours_present", colours_present}};
    j["colours_by_name"] = colours_by_name_json(colours_by_name);
    j["sync_offset_ms"] = sync_offset_ms ? json(*sync_offset_ms) : json(nullptr);
    j["sync_correlation"] = sync_correlation;
    j["span_adherence"] = span_adherence ? json(*span_adherence) : json(nullptr);
    j["span_adherence_redrawn_timing"] =
        span_adherence_redrawn ? json(*span_adherence_redrawn) : json(nullptr);
    j["span_adherence_best_timing"] =
        span_adherence_best_timing ? json(*span_adherence_best_timing) : json(nullptr);
    j["pitch_errors_semitones"] = pitch_errors_semitones;
    return j;
}

QualitySummary summarize(const std::vector<CaseQuality>& cases) {
    QualitySummary s;
    s.cases = static_cast<int>(cases.size());
    std::vector<double> offsets, mouth_offsets, impact_offsets, pitch, spans, redrawn, best_timing;
    int timbre_correct = 0, colours_present = 0;
    for (const auto& c : cases) {
        if (c.sync_offset_ms) {
            offsets.push_back(std::abs(*c.sync_offset_ms));
            (c.sync_cue == "mouth" ? mouth_offsets : impact_offsets)
                .push_back(std::abs(*c.sync_offset_ms));
        }
        if (c.span_adherence) {
            spans.push_back(*c.span_adherence);
            redrawn.push_back(c.span_adherence_redrawn.value_or(0.0));
            best_timing.push_back(c.span_adherence_best_timing.value_or(0.0));
            ++s.span_cases;
        }
        s.mouths += c.mouths;
        s.mouths_moving += c.mouths_moving;
        s.timbre_spans += c.timbre_spans;
        timbre_correct += c.timbre_correct;
        s.colours += c.colours;
        colours_present += c.colours_present;
        for (const auto& [name, n] : c.colours_by_name) {
            auto& total = s.colours_by_name[name];
            total[0] += n[0];
            total[1] += n[1];
        }
        pitch.insert(pitch.end(), c.pitch_errors_semitones.begin(), c.pitch_errors_semitones.end());
    }
    s.sync_cases = static_cast<int>(offsets.size());
    if (!offsets.empty()) s.median_abs_sync_ms = median(offsets);
    s.pitch_spans = static_cast<int>(pitch.size());
    if (!pitch.empty()) s.median_pitch_error = median(pitch);
    if (s.span_cases > 0) s.span_adherence = mean_of(spans);
    if (s.timbre_spans > 0)
        s.timbre_accuracy = static_cast<double>(timbre_correct) / s.timbre_spans;
    if (s.colours > 0) s.colour_adherence = static_cast<double>(colours_present) / s.colours;
    s.sync_interval = median_interval(offsets);
    s.sync_mouth_cases = static_cast<int>(mouth_offsets.size());
    s.sync_impact_cases = static_cast<int>(impact_offsets.size());
    if (!mouth_offsets.empty()) s.median_abs_sync_mouth_ms = median(mouth_offsets);
    if (!impact_offsets.empty()) s.median_abs_sync_impact_ms = median(impact_offsets);
    s.sync_mouth_interval = median_interval(mouth_offsets);
    s.sync_impact_interval = median_interval(impact_offsets);
    s.pitch_interval = median_interval(pitch);
    s.span_interval = mean_share_interval(spans);
    if (s.span_cases > 0) {
        s.span_adherence_redrawn = mean_of(redrawn);
        s.span_adherence_best_timing = mean_of(best_timing);
    }
    s.span_redrawn_interval = mean_share_interval(redrawn);
    s.span_best_timing_interval = mean_share_interval(best_timing);
    s.timbre_interval = share_interval(timbre_correct, s.timbre_spans);
    if (s.mouths > 0) s.moving_mouth_share = static_cast<double>(s.mouths_moving) / s.mouths;
    s.moving_mouth_interval = share_interval(s.mouths_moving, s.mouths);
    s.colour_interval = share_interval(colours_present, s.colours);
    return s;
}

namespace {
json interval_json(const Interval95& i) {
    return i.valid() ? json::array({i.low, i.high}) : json(nullptr);
}
}  // namespace

json QualitySummary::to_json() const {
    return {{"cases", cases},
            {"median_abs_sync_ms", median_abs_sync_ms},
            {"sync_cases", sync_cases},
            {"median_abs_sync_mouth_ms", median_abs_sync_mouth_ms},
            {"sync_mouth_cases", sync_mouth_cases},
            {"median_abs_sync_impact_ms", median_abs_sync_impact_ms},
            {"sync_impact_cases", sync_impact_cases},
            {"span_adherence", span_adherence},
            {"span_cases", span_cases},
            {"moving_mouth_share", moving_mouth_share},
            {"mouths", mouths},
            {"span_adherence_redrawn_timing", span_adherence_redrawn},
            {"span_adherence_best_timing", span_adherence_best_timing},
            {"timbre_accuracy", timbre_accuracy},
            {"timbre_spans", timbre_spans},
            {"colour_adherence", colour_adherence},
            {"colours", colours},
            {"colours_by_name", colours_by_name_json(colours_by_name)},
            {"median_pitch_error_semitones", median_pitch_error},
            {"pitch_spans", pitch_spans},
            {"interval95",
             {{"median_abs_sync_ms", interval_json(sync_interval)},
              {"median_abs_sync_mouth_ms", interval_json(sync_mouth_interval)},
              {"median_abs_sync_impact_ms", interval_json(sync_impact_interval)},
              {"span_adherence", interval_json(span_interval)},
              {"span_adherence_redrawn_timing", interval_json(span_redrawn_interval)},
              {"span_adherence_best_timing", interval_json(span_best_timing_interval)},
              {"timbre_accuracy", interval_json(timbre_interval)},
              {"moving_mouth_share", interval_json(moving_mouth_interval)},
              {"colour_adherence", interval_json(colour_interval)},
              {"median_pitch_error_semitones", interval_json(pitch_interval)}}}};
}

}  // namespace nava::synth
