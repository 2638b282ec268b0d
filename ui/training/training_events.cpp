#include "ui/training/training_events.h"

#include <QJsonDocument>

namespace nava::ui {
namespace {

double number(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : NAN;
}

qint64 integer(const QJsonObject& o, const char* key) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

}  // namespace

std::optional<TrainingEvent> parseTrainingLine(const QByteArray& line) {
    const QByteArray text = line.trimmed();
    if (!text.startsWith('{')) return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue name = o.value(QStringLiteral("event"));
    if (!name.isString()) return std::nullopt;

    TrainingEvent e;
    e.raw = o;
    const QString kind = name.toString();
    if (kind == u"start")
        e.kind = TrainingEventKind::start;
    else if (kind == u"step")
        e.kind = TrainingEventKind::step;
    else if (kind == u"resumed")
        e.kind = TrainingEventKind::resumed;
    else if (kind == u"done")
        e.kind = TrainingEventKind::done;
    else if (kind == u"summary")
        e.kind = TrainingEventKind::summary;
    e.step = integer(o, "step");
    e.steps = integer(o, "steps");
    e.loss = number(o, "loss");
    e.lossVideo = number(o, "loss_video");
    e.lossAudio = number(o, "loss_audio");
    e.gradNorm = number(o, "grad_norm");
    e.lr = number(o, "lr");
    e.seconds = number(o, "seconds");
    e.samplesPerS = number(o, "samples_per_s");
    e.tokensPerS = number(o, "tokens_per_s");
    e.rssMib = number(o, "rss_mib");
    e.exportPath = o.value(QStringLiteral("export")).toString();
    e.checkpoint = o.value(QStringLiteral("checkpoint")).toString();
    // A step line without its step number tells nothing to plot.
    if (e.kind == TrainingEventKind::step && e.step < 0) e.kind = TrainingEventKind::other;
    return e;
}

}  // namespace nava::ui
