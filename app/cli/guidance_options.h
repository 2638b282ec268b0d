// The guidance flags `nava generate` and `nava bench quality` share: declared once, applied
// once, so a sweep on the bench means exactly what the same flags mean when generating.
#pragma once

#include "app/cli/args.h"
#include "inference/api/request.h"

namespace nava::cli {

void add_guidance_options(ArgParser& parser);

// Overrides the fields whose flags were given; the others keep their values.
void apply_guidance_options(const ArgParser& parser, api::GuidanceSettings& guidance);

}  // namespace nava::cli
