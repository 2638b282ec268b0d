#include "ui/project/request_builder.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "ui/project/generation_settings.h"
#include "ui/project/project_document.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/project/validation.h"

namespace nava::ui {
namespace {

class RequestText {
    Q_DECLARE_TR_FUNCTIONS(nava::ui::RequestText)
};

}  // namespace

RequestBuild buildRequest(const ProjectDocument& document, qint64 seed, const QString& outputPath) {
    RequestBuild build;
    nava::api::GenerationRequest& r = build.request;
    const GenerationSettings& s = document.settings();

    // 1. What to say and who says it.
    if (document.parsedPrompt().plainText.trimmed().isEmpty())
        build.errors << RequestText::tr("The prompt is empty.");
    for (const ValidationIssue& issue : validateMarkup(document.parsedPrompt()))
        build.errors << issue.message;
    const DurationOnGrid grid = snapDuration(s.durationS);
    for (const ValidationIssue& issue :
         validateSpans(document.spans()->rows(), *document.speakers(), qint64(grid.seconds * 1000)))
        build.warnings << issue.message;
    r.prompt = document.prompt().toStdString();
    r.negative_prompt = document.negativePrompt().toStdString();
    for (const SpeakerData& sp : document.speakers()->speakers()) {
        const QString voice = document.voicePath(sp);
        if (!voice.isEmpty() && !QFileInfo::exists(voice))
            build.errors << RequestText::tr("The voice of %1 is missing: %2").arg(sp.name, voice);
        r.speakers.push_back({sp.id.toStdString(), sp.name.toStdString(), voice.toStdString(),
                              sp.voiceSha256.toStdString()});
    }
    for (const SpanRow& row : document.spans()->rows())
        r.spans.push_back({row.text.toStdString(), row.data.speakerId.toStdString()});

    // 2. How to generate.
    r.mode = s.mode;
    if (s.mode == nava::api::Mode::image_to_audio_video) {
        if (s.firstFrameImage.isEmpty() || !QFileInfo::exists(s.firstFrameImage))
            build.errors << RequestText::tr("First-frame mode needs an image.");
        r.first_frame_image = s.firstFrameImage.toStdString();
    }
    r.width = s.width;
    r.height = s.height;
    r.duration_s = grid.seconds;
    r.latent_frames = grid.latentFrames;
    r.fps = kVideoFps;
    r.seed = static_cast<uint64_t>(seed);
    r.steps = s.steps;
    r.shift = s.shift;
    r.solver = s.solver;
    r.guidance = s.guidance;
    r.memory_profile = s.memoryProfile.toStdString();
    r.package = s.package.toStdString();
    r.output_path = outputPath.toStdString();
    return build;
}

}  // namespace nava::ui
