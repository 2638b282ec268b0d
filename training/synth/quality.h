// Quality of generated clips against the synthetic world's ground truth (`nava bench quality`).
// A generated clip for a held-out prompt is compared with what the world says should happen:
//  * A/V sync: the cross-correlation lag between a visual cue and the audio envelope — the
//    opening of the speaking faces' mouths (their truth positions locate the mouth), or, in
//    clips without speech, the acceleration of the objects tracked by their truth colour
//    against audio onsets. Reported as the lag (ms) with the highest correlation, within
//    ±max_lag frames.
//  * Span adherence: the share of the clip's speech-band energy that lies inside the spans'
//    truth windows (with a small tolerance).
//  * Timbre binding: with two or more speakers, whether each span's audio is closer (speaker-
//    embedding cosine) to its own reference voice than to every other speaker's.
//  * Colour adherence: whether each named colour (objects and faces) covers at least a fraction
//    of the pixels it covers in the world's own clip of that prompt.
//  * Pitch: each span's median fundamental frequency against the world clip's in the same
//    window, in semitones (a voice is its pitch before anything else: a vocoder that speaks
//    every voice at one pitch fails here however good its spectral envelope).
// The same measures on the world's own clip calibrate them (a perfect model scores like it).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <nlohmann/json.hpp>

namespace nava::synth {

struct QualityClip {
    at::Tensor video;  // [3, T, H, W] float in [-1, 1] (undefined: no picture)
    at::Tensor audio;  // [N] mono float at `sample_rate_hz`
    double fps = 24.0;
    int sample_rate_hz = 16000;
};

// Mono waveform at 16 kHz -> embedding [D].
using SpeakerEmbedder = std::function<at::Tensor(const at::Tensor&)>;

struct QualityOptions {
    int max_lag_frames = 6;          // sync search range (±250 ms at 24 fps)
    double span_tolerance_s = 0.08;  // windows widened by this much on both sides
    double colour_distance = 60.0;   // RGB distance (0..441) of a pixel counted as a colour
    double colour_min_share = 0.3;   // of the world clip's share, for "present"
    double speech_band_low_hz = 250.0;
    double speech_band_high_hz = 4000.0;
};

struct CaseQuality {
    std::string id;
    std::optional<double> sync_offset_ms;  // + : sound after picture
    std::string sync_cue;                  // "mouth", "impact" or "" (nothing to measure)
    double sync_correlation = 0.0;         // at the chosen lag
    std::optional<double> span_adherence;  // 0..1, clips with speech only
    // The prompt does not say when the lines are spoken (the world draws their timing), so two
    // more views of the same share:
    // - against 256 timings the world could have drawn for these lines (same lengths and
    //   order): what a clip scores on average when its timing owes nothing to the world's; for
    //   the world's own clip, the most a model that cannot know the timing reaches.
    std::optional<double> span_adherence_redrawn;
    // - at the timing of these lines (same lengths and order, the world's placement rules) that
    //   suits the clip best: speech kept to lines of the right lengths, wherever they fall.
    std::optional<double> span_adherence_best_timing;
    int timbre_spans = 0, timbre_correct = 0;
    int colours = 0, colours_present = 0;
    // The same per named colour and kind, "orange face" / "red object": {named, present}. A
    // model can pass the total by washing the picture in the few colours it draws.
    std::map<std::string, std::array<int, 2>> colours_by_name;
    // Speaking faces in a clip with speech, and those whose mouth opens and closes at all (the
    // sync measure has nothing to follow in a still mouth).
    int mouths = 0, mouths_moving = 0;
    // |12·log2(f0 / world f0)| of each span where both clips are voiced (needs the world clip)
    std::vector<double> pitch_errors_semitones;
    nlohmann::json to_json() const;
};

// Measures `clip` against `truth` (a clip's truth JSON). `reference_voices` are the spans'
// reference recordings (truth "speech" order, 16 kHz mono), `embed` the speaker embedder (may be
// empty: no timbre measure), `world` the world's own clip for the colour calibration (may be
// null: the colour test then asks for any pixel of the colour in 0.2 % of the picture).
CaseQuality measure_case(const nlohmann::json& truth, const QualityClip& clip,
                         const std::vector<at::Tensor>& reference_voices,
                         const SpeakerEmbedder& embed, const QualityClip* world,
                         const QualityOptions& options = {});

// Per-frame signals (exposed for tests): RMS of the audio in each frame's window [T].
std::vector<double> frame_envelope(const QualityClip& clip, int64_t frames, double low_hz = 0.0,
                                   double high_hz = 0.0);
// Mouth opening of the speaking faces [T] (dark mouth-coloured share of their mouth boxes),
// each face found in the clip by its colour when it is there: a caption names a face's side
// only sometimes, so a generated face may stand elsewhere than the world's.
std::vector<double> mouth_signal(const nlohmann::json& truth, const at::Tensor& video);
// Share of the squared envelope `env` (one value per frame at `fps`) inside the windows
// (start, end in s) widened by `tolerance_s` on both sides; nullopt when the envelope is silent.
std::optional<double> share_in_windows(const std::vector<double>& env, double fps,
                                       const std::vector<std::pair<double, double>>& windows,
                                       double tolerance_s);
// Median of the values (the middle one, or the mean of the two middle ones); `v` not empty.
double median(std::vector<double> v);

// Median fundamental frequency (Hz) of `wave` (mono) between `start_s` and `end_s`: 40 ms
// windows 10 ms apart, the first normalised-autocorrelation peak (60–400 Hz) within 0.9 of the
// highest one; a window counts when that peak reaches 0.5 and its RMS is at least 0.3 of the
// stretch's. nullopt with fewer than three such windows (unvoiced, silent or too short).
std::optional<double> median_pitch_hz(const at::Tensor& wave, int sample_rate_hz, double start_s,
                                      double end_s);
// The lag (frames, -max..max) maximising the Pearson correlation of a[t] and b[t + lag];
// nullopt when either signal is constant. `correlation` receives the value at that lag.
std::optional<int> best_lag(const std::vector<double>& a, const std::vector<double>& b, int max_lag,
                            double* correlation = nullptr);

// A 95 % confidence interval; both ends < 0 when the data cannot give one.
struct Interval95 {
    double low = -1.0, high = -1.0;
    bool valid() const { return low >= 0.0 && high >= 0.0; }
};
// Wilson score interval of a share of `k` successes in `n` trials (n > 0).
Interval95 share_interval(int k, int n);
// Distribution-free interval of the median: the order statistics n/2 -+ 0.98·sqrt(n) of the
// sorted values (the binomial rule; the whole range when there are few values).
Interval95 median_interval(std::vector<double> v);
// Mean -+ 1.96 standard errors, clamped to [0, 1] (a mean of shares); needs two values.
Interval95 mean_share_interval(const std::vector<double>& v);

struct QualitySummary {
    int cases = 0;
    double median_abs_sync_ms = -1.0;  // < 0: no case had a cue
    int sync_cases = 0;
    // the same over the clips whose cue is a speaking mouth, and over those whose cue is impacts
    double median_abs_sync_mouth_ms = -1.0, median_abs_sync_impact_ms = -1.0;
    int sync_mouth_cases = 0, sync_impact_cases = 0;
    double span_adherence = -1.0;  // mean over clips with speech
    int span_cases = 0;
    double span_adherence_redrawn = -1.0, span_adherence_best_timing = -1.0;  // same clips
    double moving_mouth_share = -1.0;  // mouths that move / speaking faces
    int mouths = 0, mouths_moving = 0;
    double timbre_accuracy = -1.0;  // correct spans / spans
    int timbre_spans = 0;
    double colour_adherence = -1.0;  // present / named
    int colours = 0;
    std::map<std::string, std::array<int, 2>> colours_by_name;  // summed over the cases
    double median_pitch_error = -1.0;  // semitones, over the spans voiced in both clips
    int pitch_spans = 0;
    // 95 % intervals of each measure over the cases it counts: a bench's few spans and clips
    // leave room, and two packages differ only where their intervals part
    Interval95 sync_interval, sync_mouth_interval, sync_impact_interval, span_interval,
        timbre_interval, colour_interval, pitch_interval;
    Interval95 span_redrawn_interval, span_best_timing_interval, moving_mouth_interval;
    nlohmann::json to_json() const;
};
QualitySummary summarize(const std::vector<CaseQuality>& cases);

}  // namespace nava::synth
