// Measuring a reference voice (length, level, clipping) and the edits the panel offers on it.
#pragma once

#include <QString>
#include <QVector>

#include "media/buffers.h"

namespace nava::ui {

inline constexpr qint64 kShortestGoodVoiceMs = 3000;
inline constexpr qint64 kLongestGoodVoiceMs = 10000;
inline constexpr double kClipLevel = 0.999;
inline constexpr double kClippedFractionLimit = 0.001;  // 0.1 % of samples at full scale
inline constexpr double kSilenceRmsDb = -45.0;

struct VoiceAnalysis {
    qint64 durationMs = 0;
    int sampleRateHz = 0;
    int channels = 0;
    double peak = 0.0;             // largest |sample|
    double rmsDb = -120.0;         // RMS level in dBFS
    double clippedFraction = 0.0;  // samples at full scale / all samples
};

enum class VoiceWarning { tooShort, tooLong, clipping, silent };

VoiceAnalysis analyseVoice(const nava::media::AudioBuffer& audio);
QVector<VoiceWarning> voiceWarnings(const VoiceAnalysis& analysis);
QString voiceWarningText(VoiceWarning warning, const VoiceAnalysis& analysis);

// Per-bucket minimum and maximum of the mono mix, for drawing a waveform.
struct WaveformPeaks {
    QVector<float> minima;
    QVector<float> maxima;
};
WaveformPeaks waveformPeaks(const nava::media::AudioBuffer& audio, int buckets);

// The samples between two times (clamped to the clip).
nava::media::AudioBuffer trimAudio(const nava::media::AudioBuffer& audio, qint64 startMs,
                                   qint64 endMs);

}  // namespace nava::ui
