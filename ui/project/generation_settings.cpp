#include "ui/project/generation_settings.h"

#include <algorithm>
#include <cmath>

namespace nava::ui {
namespace {

bool sameGuidance(const nava::api::GuidanceSettings& a, const nava::api::GuidanceSettings& b) {
    return a.video_text == b.video_text && a.video_align == b.video_align &&
           a.audio_text == b.audio_text && a.audio_align == b.audio_align && a.timbre == b.timbre &&
           a.align == b.align && a.timbre_pass == b.timbre_pass;
}

double readDouble(const QJsonObject& o, const char* key, double fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toDouble() : fallback;
}

int readInt(const QJsonObject& o, const char* key, int fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toInt() : fallback;
}

bool readBool(const QJsonObject& o, const char* key, bool fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isBool() ? v.toBool() : fallback;
}

QString readString(const QJsonObject& o, const char* key, const QString& fallback) {
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : fallback;
}

}  // namespace

bool GenerationSettings::operator==(const GenerationSettings& o) const {
    return mode == o.mode && firstFrameImage == o.firstFrameImage && width == o.width &&
           height == o.height && durationS == o.durationS && seed == o.seed &&
           seedMode == o.seedMode && steps == o.steps && solver == o.solver && shift == o.shift &&
           sameGuidance(guidance, o.guidance) && memoryProfile == o.memoryProfile &&
           package == o.package;
}

DurationOnGrid snapDuration(double seconds) {
    if (!std::isfinite(seconds)) seconds = kMinDurationS;
    seconds = std::clamp(seconds, kMinDurationS, kMaxDurationS);
    DurationOnGrid g;
    const int intervals = static_cast<int>(std::lround(seconds * kLatentFramesPerSecond));
    g.latentFrames = intervals + 1;
    g.seconds = static_cast<double>(intervals) / kLatentFramesPerSecond;
    g.videoFrames = intervals * 4 + 1;
    return g;
}

const QVector<ResolutionPreset>& resolutionPresets() {
    static const QVector<ResolutionPreset> presets = {
        {QStringLiteral("16:9"), 1280, 704}, {QStringLiteral("16:9"), 832, 480},
        {QStringLiteral("16:9"), 640, 352},  {QStringLiteral("9:16"), 704, 1280},
        {QStringLiteral("9:16"), 480, 832},  {QStringLiteral("9:16"), 352, 640},
        {QStringLiteral("1:1"), 960, 960},   {QStringLiteral("1:1"), 640, 640},
        {QStringLiteral("1:1"), 480, 480},   {QStringLiteral("4:3"), 1024, 768},
        {QStringLiteral("4:3"), 640, 480},
    };
    return presets;
}

QStringList aspectRatios() {
    QStringList out;
    for (const ResolutionPreset& p : resolutionPresets())
        if (!out.contains(p.aspect)) out << p.aspect;
    return out;
}

QStringList memoryProfileNames() {
    return {QStringLiteral("auto"), QStringLiteral("resident"), QStringLiteral("text-offload"),
            QStringLiteral("fp8-tiled"), QStringLiteral("block-offload")};
}

QString seedModeName(SeedMode mode) {
    switch (mode) {
        case SeedMode::fixed:
            return QStringLiteral("fixed");
        case SeedMode::increment:
            return QStringLiteral("increment");
        case SeedMode::random:
            return QStringLiteral("random");
    }
    return QStringLiteral("fixed");
}

SeedMode seedModeFromName(const QString& name) {
    if (name == u"increment") return SeedMode::increment;
    if (name == u"random") return SeedMode::random;
    return SeedMode::fixed;
}

QJsonObject settingsToJson(const GenerationSettings& s) {
    const auto& g = s.guidance;
    return QJsonObject{
        {QStringLiteral("mode"), QString::fromUtf8(nava::api::to_string(s.mode))},
        {QStringLiteral("first_frame_image"), s.firstFrameImage},
        {QStringLiteral("width"), s.width},
        {QStringLiteral("height"), s.height},
        {QStringLiteral("duration_s"), s.durationS},
        {QStringLiteral("seed"), static_cast<double>(s.seed)},
        {QStringLiteral("seed_mode"), seedModeName(s.seedMode)},
        {QStringLiteral("steps"), s.steps},
        {QStringLiteral("solver"), QString::fromUtf8(nava::api::to_string(s.solver))},
        {QStringLiteral("shift"), s.shift},
        {QStringLiteral("guidance"), QJsonObject{{QStringLiteral("video_text"), g.video_text},
                                                 {QStringLiteral("video_align"), g.video_align},
                                                 {QStringLiteral("audio_text"), g.audio_text},
                                                 {QStringLiteral("audio_align"), g.audio_align},
                                                 {QStringLiteral("timbre"), g.timbre},
                                                 {QStringLiteral("align"), g.align},
                                                 {QStringLiteral("timbre_pass"), g.timbre_pass}}},
        {QStringLiteral("memory_profile"), s.memoryProfile},
        {QStringLiteral("package"), s.package},
    };
}

GenerationSettings settingsFromJson(const QJsonObject& o) {
    GenerationSettings s;
    if (const auto m = nava::api::mode_from_string(readString(o, "mode", QString()).toStdString()))
        s.mode = *m;
    s.firstFrameImage = readString(o, "first_frame_image", s.firstFrameImage);
    s.width = std::clamp(readInt(o, "width", s.width), 32, 4096) / 32 * 32;
    s.height = std::clamp(readInt(o, "height", s.height), 32, 4096) / 32 * 32;
    s.durationS = snapDuration(readDouble(o, "duration_s", s.durationS)).seconds;
    s.seed = std::clamp<qint64>(
        static_cast<qint64>(readDouble(o, "seed", static_cast<double>(s.seed))), 0, kMaxSeed);
    s.seedMode = seedModeFromName(readString(o, "seed_mode", QString()));
    s.steps = std::clamp(readInt(o, "steps", s.steps), 1, 1000);
    if (const auto v =
            nava::api::solver_from_string(readString(o, "solver", QString()).toStdString()))
        s.solver = *v;
    s.shift = readDouble(o, "shift", s.shift);
    const QJsonObject g = o.value(QStringLiteral("guidance")).toObject();
    s.guidance.video_text = readDouble(g, "video_text", s.guidance.video_text);
    s.guidance.video_align = readDouble(g, "video_align", s.guidance.video_align);
    s.guidance.audio_text = readDouble(g, "audio_text", s.guidance.audio_text);
    s.guidance.audio_align = readDouble(g, "audio_align", s.guidance.audio_align);
    s.guidance.timbre = readDouble(g, "timbre", s.guidance.timbre);
    s.guidance.align = readBool(g, "align", s.guidance.align);
    s.guidance.timbre_pass = readBool(g, "timbre_pass", s.guidance.timbre_pass);
    s.memoryProfile = readString(o, "memory_profile", s.memoryProfile);
    s.package = readString(o, "package", s.package);
    return s;
}

}  // namespace nava::ui
