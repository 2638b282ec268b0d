// Recipes (the generation request stored in every clip) back into the studio: parsing, a
// summary for people, and restoring one into the open project as a single undoable edit.
#pragma once

#include <QString>
#include <QStringList>

#include "inference/api/request.h"
#include "ui/project/generation_settings.h"

namespace nava::ui {

class ProjectDocument;

// False + message for text that is not a recipe.
bool parseRecipe(const QString& json, nava::api::GenerationRequest* request, QString* error);

// The recipe stored in a clip (media::read_recipe). False + a message for people: the file
// cannot be read, or it holds no recipe (not made by NAVA, or its metadata was stripped).
bool readRecipeFromClip(const QString& path, QString* json, QString* error);

// The generation settings a request was made with; fields a request does not carry (the seed
// policy) come from `base`, and the seed is kept fixed so that the clip can be made again.
GenerationSettings settingsFromRequest(const nava::api::GenerationRequest& request,
                                       const GenerationSettings& base);

// Prompt, negative prompt, speakers with their voices and the settings of `request` into the
// project, as one undo step ("Restore recipe"). Speakers are matched by name (else added); a
// voice is attached when its file still exists. Returns what could not be restored exactly
// (missing or changed voice files).
QStringList restoreRecipe(ProjectDocument& document, const nava::api::GenerationRequest& request);

// A short rich-text description (prompt, speakers, settings) for the gallery's details pane.
QString recipeSummaryHtml(const nava::api::GenerationRequest& request);

// The prompt as plain text (speech markers removed), white space simplified.
QString recipePlainPrompt(const nava::api::GenerationRequest& request);

}  // namespace nava::ui
