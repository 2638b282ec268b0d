#include "app/cli/guidance_options.h"

namespace nava::cli {

void add_guidance_options(ArgParser& parser) {
    parser.option("video-scale", "G", "video text guidance")
        .option("video-align-scale", "G", "video modality-alignment guidance")
        .option("audio-scale", "G", "audio text guidance")
        .option("audio-align-scale", "G", "audio modality-alignment guidance")
        .option("timbre-scale", "G", "voice (timbre) guidance")
        .flag("no-align", "skip the modality-masked guidance pass")
        .flag("no-timbre", "skip the no-speaker guidance pass");
}

void apply_guidance_options(const ArgParser& p, api::GuidanceSettings& g) {
    if (p.has("video-scale")) g.video_text = p.get_double("video-scale");
    if (p.has("video-align-scale")) g.video_align = p.get_double("video-align-scale");
    if (p.has("audio-scale")) g.audio_text = p.get_double("audio-scale");
    if (p.has("audio-align-scale")) g.audio_align = p.get_double("audio-align-scale");
    if (p.has("timbre-scale")) g.timbre = p.get_double("timbre-scale");
    if (p.has("no-align")) g.align = false;
    if (p.has("no-timbre")) g.timbre_pass = false;
}

}  // namespace nava::cli
