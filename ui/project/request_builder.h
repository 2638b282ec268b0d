// From the project to the engine's plain request: what "Generate" submits.
#pragma once

#include <QStringList>

#include "inference/api/request.h"

namespace nava::ui {

class ProjectDocument;

struct RequestBuild {
    nava::api::GenerationRequest request;
    QStringList errors;    // the request must not be submitted
    QStringList warnings;  // it may be, the user should know
    bool ok() const { return errors.isEmpty(); }
};

// `seed` is the one this job uses (the settings' seed mode is applied by the caller);
// `outputPath` is where the clip goes.
RequestBuild buildRequest(const ProjectDocument& document, qint64 seed, const QString& outputPath);

}  // namespace nava::ui
