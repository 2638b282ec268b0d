#include "training/synth/truth.h"

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"
#include "training/synth/caption.h"
#include "training/synth/scene.h"

namespace nava::synth {
namespace {

using json = nlohmann::ordered_json;

// Rounded values keep the files readable: a multiple of 1/scale, printed in its shortest form.
double round_to(double v, double step) {
    const double scale = std::round(1.0 / step);
    return std::round(v * scale) / scale;
}

json rgb_json(const Rgb& c) {
    return json::array({c.r, c.g, c.b});
}

json voice_json(const VoiceSpec& v) {
    return {{"engine", "espeak-ng"}, {"voice", v.espeak_name()}, {"language", v.language},
            {"variant", v.variant},  {"pitch", v.pitch},         {"speed_wpm", v.speed_wpm}};
}

json rounded(const std::vector<double>& values, double step) {
    json out = json::array();
    for (double v : values)
        out.push_back(round_to(v, step));
    return out;
}

}  // namespace

json truth_json(const Clip& clip) {
    const ClipRecipe& r = clip.recipe;
    const ClipFormat& f = r.format;
    const ClipFiles files = clip_files(r);

    json objects = json::array();
    for (std::size_t i = 0; i < r.objects.size(); ++i) {
        const ObjectSpec& o = r.objects[i];
        const auto ext = half_extent(o);
        const Timbre timbre = timbre_of(o, f);
        json impacts = json::array();
        for (const auto& hit : clip.motion.impacts)
            if (hit.object == static_cast<int>(i))
                impacts.push_back({{"time_s", round_to(hit.time_s, 1e-4)},
                                   {"surface", hit.surface},
                                   {"strength", round_to(hit.strength, 1e-3)}});
        objects.push_back({{"shape", to_string(o.shape)},
                           {"colour", o.colour.name},
                           {"rgb", rgb_json(o.colour.rgb)},
                           {"size", to_string(o.size)},
                           {"radius_px", round_to(o.radius_px, 0.01)},
                           {"half_extent_px", {round_to(ext[0], 0.01), round_to(ext[1], 0.01)}},
                           {"motion", to_string(o.motion)},
                           {"sound",
                            {{"kind", timbre.kind},
                             {"frequency_hz", round_to(timbre.frequency_hz, 0.1)},
                             {"decay_s", timbre.decay_s}}},
                           {"x", rounded(clip.motion.tracks[i].x, 0.01)},
                           {"y", rounded(clip.motion.tracks[i].y, 0.01)},
                           {"impacts", impacts}});
    }

    json faces = json::array();
    for (std::size_t i = 0; i < r.faces.size(); ++i) {
        const FaceSpec& face = r.faces[i];
        faces.push_back({{"speaker", face.colour.name},
                         {"colour", face.colour.name},
                         {"rgb", rgb_json(face.colour.rgb)},
                         {"x", round_to(face.x, 0.01)},
                         {"y", round_to(face.y, 0.01)},
                         {"radius_px", round_to(face.radius_px, 0.01)},
                         {"where", where_phrase(face.x, f.width)},
                         {"speaks", face.speaks},
                         {"mouth_open", rounded(clip.mouth[i], 1e-3)}});
    }

    json speech = json::array();
    json order = json::array();
    for (std::size_t i = 0; i < r.speech.size(); ++i) {
        const SpeechLine& line = r.speech[i];
        speech.push_back(
            {{"speaker", line.speaker},
             {"text", line.text},
             {"start_s", round_to(line.start_s, 1e-4)},
             {"end_s", round_to(line.end_s, 1e-4)},
             {"voice", voice_json(line.voice)},
             {"reference_file", files.voices[i]},
             {"reference_text", clip.references[i].text},
             {"reference_duration_s", round_to(clip.references[i].audio.duration_s(), 1e-4)}});
        order.push_back(line.speaker);
    }

    json impact_times = json::array();
    for (const auto& hit : clip.motion.impacts)
        impact_times.push_back(round_to(hit.time_s, 1e-4));

    return {{"version", kTruthVersion},
            {"id", r.id},
            {"split", to_string(r.split)},
            {"seed", r.seed},
            {"index", r.index},
            {"width", f.width},
            {"height", f.height},
            {"fps", f.fps},
            {"frames", f.frames},
            {"duration_s", round_to(f.duration_s(), 1e-4)},
            {"sample_rate_hz", f.sample_rate_hz},
            {"files", {{"video", files.video}, {"audio", files.audio}, {"voices", files.voices}}},
            {"caption", clip.caption},
            {"span_order", order},
            {"background", {{"name", r.background.name}, {"rgb", rgb_json(r.background.rgb)}}},
            {"play_area_px",
             {r.play_area.x0, round_to(r.play_area.y0, 0.01), r.play_area.x1, r.play_area.y1}},
            {"objects", objects},
            {"impact_times_s", impact_times},
            {"faces", faces},
            {"speech", speech},
            {"mix",
             {{"gain", round_to(clip.mix_gain, 1e-4)}, {"peak", round_to(clip.mix_peak, 1e-4)}}}};
}

json manifest_record(const json& truth) {
    const std::string id = truth.at("id").get<std::string>();
    json speech = json::array();
    for (const auto& s : truth.at("speech"))
        speech.push_back({{"speaker", s.at("speaker")},
                          {"voice", s.at("reference_file")},
                          {"start", s.at("start_s")},
                          {"end", s.at("end_s")}});
    return {{"id", id},
            {"video", truth.at("files").at("video")},
            {"audio", truth.at("files").at("audio")},
            {"caption", truth.at("caption")},
            {"duration", truth.at("duration_s")},
            {"fps", truth.at("fps")},
            {"width", truth.at("width")},
            {"height", truth.at("height")},
            {"speech", speech},
            {"first_frame", nullptr},
            {"truth", "clips/" + id + ".json"}};
}

json holdout_record(const json& truth) {
    json record = manifest_record(truth);
    const std::string caption = truth.at("caption").get<std::string>();
    json voices = json::array();
    for (const auto& s : truth.at("speech"))
        voices.push_back(s.at("reference_file"));
    record["prompt"] = caption;
    record["spk_wavs"] = voices;

    // The same prompt as a generation recipe: one speaker per span, bound by order.
    api::GenerationRequest request;
    request.prompt = caption;
    request.width = truth.at("width").get<int>();
    request.height = truth.at("height").get<int>();
    request.fps = truth.at("fps").get<double>();
    const int frames = truth.at("frames").get<int>();
    request.duration_s = truth.at("duration_s").get<double>();
    if ((frames - 1) % 4 == 0) request.latent_frames = (frames - 1) / 4 + 1;
    request.seed = truth.at("index").get<uint64_t>();
    for (const auto& s : truth.at("speech")) {
        const std::string speaker = s.at("speaker").get<std::string>();
        request.speakers.push_back(
            {speaker, "the " + speaker + " face", s.at("reference_file").get<std::string>(), ""});
        request.spans.push_back({s.at("text").get<std::string>(), speaker});
    }
    record["request"] = api::to_json(request);
    return record;
}

}  // namespace nava::synth
