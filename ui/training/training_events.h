// The JSON progress lines `nava train` prints on stdout, one object per line:
//   {"event":"start", "recipe":…, "ranks":…}
//   {"event":"step", "step":N, "steps":T, "loss":…, "loss_video":…, "loss_audio":…,
//    "grad_norm":…, "lr":…, "seconds":…, "samples_per_s":…, "tokens_per_s":…, "rss_mib":…}
//   {"event":"resumed", "step":N, "checkpoint":…}
//   {"event":"done", "step":N, "export":PATH}
//   {"event":"summary", …}
// Anything else on stdout is plain log text.
#pragma once

#include <cmath>
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace nava::ui {

enum class TrainingEventKind { start, step, resumed, done, summary, other };

struct TrainingEvent {
    TrainingEventKind kind = TrainingEventKind::other;
    qint64 step = -1;   // step / resumed / done
    qint64 steps = -1;  // step: the recipe's total
    double loss = NAN;
    double lossVideo = NAN;
    double lossAudio = NAN;
    double gradNorm = NAN;
    double lr = NAN;
    double seconds = NAN;  // of this step
    double samplesPerS = NAN;
    double tokensPerS = NAN;
    double rssMib = NAN;
    QString exportPath;  // done
    QString checkpoint;  // resumed
    QJsonObject raw;     // the whole line
};

// nullopt for lines that are not a JSON object with an "event" string.
std::optional<TrainingEvent> parseTrainingLine(const QByteArray& line);

}  // namespace nava::ui
