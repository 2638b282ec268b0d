#include "ui/speakers/voice_analysis.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace nava::ui {
namespace {

class VoiceText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::VoiceText)
};

}  // namespace

VoiceAnalysis analyseVoice(const nava::media::AudioBuffer& audio) {
    VoiceAnalysis a;
    a.sampleRateHz = audio.sample_rate_hz;
    a.channels = audio.channels;
    a.durationMs = static_cast<qint64>(std::llround(audio.duration_s() * 1000.0));
    if (audio.samples.empty()) return a;
    double sumSquares = 0.0;
    size_t clipped = 0;
    for (const float s : audio.samples) {
        const double v = std::fabs(double(s));
        a.peak = std::max(a.peak, v);
        sumSquares += v * v;
        if (v >= kClipLevel) ++clipped;
    }
    const double rms = std::sqrt(sumSquares / double(audio.samples.size()));
    a.rmsDb = rms > 1e-6 ? 20.0 * std::log10(rms) : -120.0;
    a.clippedFraction = double(clipped) / double(audio.samples.size());
    return a;
}

QVector<VoiceWarning> voiceWarnings(const VoiceAnalysis& a) {
    QVector<VoiceWarning> out;
    if (a.durationMs < kShortestGoodVoiceMs) out << VoiceWarning::tooShort;
    if (a.durationMs > kLongestGoodVoiceMs) out << VoiceWarning::tooLong;
    if (a.clippedFraction > kClippedFractionLimit) out << VoiceWarning::clipping;
    if (a.rmsDb < kSilenceRmsDb) out << VoiceWarning::silent;
    return out;
}

QString voiceWarningText(VoiceWarning warning, const VoiceAnalysis& a) {
    switch (warning) {
        case VoiceWarning::tooShort:
            return VoiceText::tr("Only %1 s long: 3–10 s of clear speech captures a voice best.")
                .arg(a.durationMs / 1000.0, 0, 'f', 1);
        case VoiceWarning::tooLong:
            return VoiceText::tr("%1 s long: trim it to the best 3–10 s of speech.")
                .arg(a.durationMs / 1000.0, 0, 'f', 1);
        case VoiceWarning::clipping:
            return VoiceText::tr("Clipped: %1 % of the samples hit full scale (distortion).")
                .arg(a.clippedFraction * 100.0, 0, 'f', 2);
        case VoiceWarning::silent:
            return VoiceText::tr("Nearly silent (%1 dBFS): is this the right recording?")
                .arg(a.rmsDb, 0, 'f', 0);
    }
    return QString();
}

WaveformPeaks waveformPeaks(const nava::media::AudioBuffer& audio, int buckets) {
    WaveformPeaks p;
    const int64_t frames = audio.frames();
    if (buckets <= 0 || frames == 0) return p;
    p.minima.fill(0.0f, buckets);
    p.maxima.fill(0.0f, buckets);
    const int channels = audio.channels;
    for (int b = 0; b < buckets; ++b) {
        const int64_t first = frames * b / buckets;
        const int64_t last = std::max(first + 1, frames * (b + 1) / buckets);
        float lo = 1.0f, hi = -1.0f;
        for (int64_t f = first; f < last && f < frames; ++f) {
            float mono = 0.0f;
            for (int c = 0; c < channels; ++c)
                mono += audio.samples[size_t(f * channels + c)];
            mono /= float(channels);
            lo = std::min(lo, mono);
            hi = std::max(hi, mono);
        }
        p.minima[b] = std::min(lo, hi);
        p.maxima[b] = hi;
    }
    return p;
}

nava::media::AudioBuffer trimAudio(const nava::media::AudioBuffer& audio, qint64 startMs,
                                   qint64 endMs) {
    nava::media::AudioBuffer out;
    out.sample_rate_hz = audio.sample_rate_hz;
    out.channels = audio.channels;
    const int64_t frames = audio.frames();
    if (frames == 0 || audio.sample_rate_hz <= 0) return out;
    auto toFrame = [&](qint64 ms) {
        return std::clamp<int64_t>(ms * audio.sample_rate_hz / 1000, 0, frames);
    };
    const int64_t first = toFrame(std::min(startMs, endMs));
    const int64_t last = toFrame(std::max(startMs, endMs));
    out.samples.assign(audio.samples.begin() + first * audio.channels,
                       audio.samples.begin() + last * audio.channels);
    return out;
}

}  // namespace nava::ui
