// Light and dark looks for the whole application (Fusion style with our palettes).
#pragma once

#include "ui/settings/app_settings.h"

namespace nava::ui {

void applyTheme(Theme theme);

}  // namespace nava::ui
