#include "inference/api/request.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace nava::api {
namespace {

using nlohmann::json;

template <class T>
void read(const json& j, const char* key, T* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    try {
        *out = it->get<T>();
    } catch (const json::exception&) {
        throw std::invalid_argument(std::string("recipe: '") + key + "' has the wrong type (" +
                                    it->type_name() + ")");
    }
}

}  // namespace

const char* to_string(Mode mode) {
    switch (mode) {
        case Mode::text_to_audio_video:
            return "t2av";
        case Mode::image_to_audio_video:
            return "i2av";
        case Mode::text_to_audio:
            return "t2a";
    }
    return "t2av";
}

const char* to_string(Solver solver) {
    return solver == Solver::euler ? "euler" : "unipc";
}

std::optional<Mode> mode_from_string(const std::string& s) {
    if (s == "t2av" || s == "text_to_audio_video") return Mode::text_to_audio_video;
    if (s == "i2av" || s == "image_to_audio_video") return Mode::image_to_audio_video;
    if (s == "t2a" || s == "text_to_audio") return Mode::text_to_audio;
    return std::nullopt;
}

std::optional<Solver> solver_from_string(const std::string& s) {
    if (s == "unipc") return Solver::unipc;
    if (s == "euler") return Solver::euler;
    return std::nullopt;
}

json to_json(const GenerationRequest& r) {
    json speakers = json::array();
    for (const auto& s : r.speakers)
        speakers.push_back({{"id", s.id},
                            {"name", s.name},
                            {"voice", s.voice_path},
                            {"voice_sha256", s.voice_sha256}});
    json spans = json::array();
    for (const auto& s : r.spans)
        spans.push_back({{"text", s.text}, {"speaker", s.speaker_id}});
    const auto& g = r.guidance;
    return {{"nava_recipe", kRecipeVersion},
            {"prompt", r.prompt},
            {"negative_prompt", r.negative_prompt},
            {"speakers", speakers},
            {"spans", spans},
            {"first_frame_image", r.first_frame_image},
            {"mode", to_string(r.mode)},
            {"width", r.width},
            {"height", r.height},
            {"duration_s", r.duration_s},
            {"latent_frames", r.latent_frames},
            {"fps", r.fps},
            {"seed", r.seed},
            {"steps", r.steps},
            {"shift", r.shift},
            {"solver", to_string(r.solver)},
            {"guidance",
             {{"video_text", g.video_text},
              {"video_align", g.video_align},
              {"audio_text", g.audio_text},
              {"audio_align", g.audio_align},
              {"timbre", g.timbre},
              {"align", g.align},
              {"timbre_pass", g.timbre_pass}}},
            {"memory_profile", r.memory_profile},
            {"package", r.package},
            {"output", r.output_path}};
}

GenerationRequest request_from_json(const json& j) {
    if (!j.is_object()) throw std::invalid_argument("recipe: expected a JSON object");
    GenerationRequest r;
    read(j, "prompt", &r.prompt);
    if (r.prompt.empty()) read(j, "text", &r.prompt);  // the reference's legacy key
    read(j, "negative_prompt", &r.negative_prompt);
    if (auto it = j.find("speakers"); it != j.end() && it->is_array()) {
        for (const auto& s : *it) {
            Speaker sp;
            read(s, "id", &sp.id);
            read(s, "name", &sp.name);
            read(s, "voice", &sp.voice_path);
            read(s, "voice_sha256", &sp.voice_sha256);
            r.speakers.push_back(sp);
        }
    }
    if (auto it = j.find("spans"); it != j.end() && it->is_array()) {
        for (const auto& s : *it) {
            SpeechSpan sp;
            read(s, "text", &sp.text);
            read(s, "speaker", &sp.speaker_id);
            r.spans.push_back(sp);
        }
    }
    read(j, "first_frame_image", &r.first_frame_image);
    std::string mode, solver;
    read(j, "mode", &mode);
    if (!mode.empty()) {
        const auto m = mode_from_string(mode);
        if (!m)
            throw std::invalid_argument("recipe: unknown mode '" + mode + "' (t2av, i2av, t2a)");
        r.mode = *m;
    }
    read(j, "width", &r.width);
    read(j, "height", &r.height);
    read(j, "duration_s", &r.duration_s);
    read(j, "latent_frames", &r.latent_frames);
    read(j, "fps", &r.fps);
    read(j, "seed", &r.seed);
    read(j, "steps", &r.steps);
    read(j, "shift", &r.shift);
    read(j, "solver", &solver);
    if (!solver.empty()) {
        const auto s = solver_from_string(solver);
        if (!s)
            throw std::invalid_argument("recipe: unknown solver '" + solver + "' (unipc, euler)");
        r.solver = *s;
    }
    if (auto it = j.find("guidance"); it != j.end() && it->is_object()) {
        read(*it, "video_text", &r.guidance.video_text);
        read(*it, "video_align", &r.guidance.video_align);
        read(*it, "audio_text", &r.guidance.audio_text);
        read(*it, "audio_align", &r.guidance.audio_align);
        read(*it, "timbre", &r.guidance.timbre);
        read(*it, "align", &r.guidance.align);
        read(*it, "timbre_pass", &r.guidance.timbre_pass);
    }
    read(j, "memory_profile", &r.memory_profile);
    read(j, "package", &r.package);
    read(j, "output", &r.output_path);
    return r;
}

std::string request_to_json_text(const GenerationRequest& request, int indent) {
    return to_json(request).dump(indent);
}

GenerationRequest request_from_json_text(const std::string& text) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw std::invalid_argument(std::string("recipe: not valid JSON (") + e.what() + ")");
    }
    return request_from_json(j);
}

GenerationRequest request_from_reference_record(const json& record) {
    GenerationRequest r = request_from_json(record);
    read(record, "image_path", &r.first_frame_image);
    if (!r.first_frame_image.empty()) r.mode = Mode::image_to_audio_video;
    std::vector<std::string> voices;
    read(record, "spk_wavs", &voices);
    // Spans in prompt order; the k-th voice binds to the k-th span, one voice to all.
    std::vector<std::string> span_texts;
    std::size_t pos = 0;
    while (true) {
        const auto open = r.prompt.find("<S>", pos);
        if (open == std::string::npos) break;
        const auto close = r.prompt.find("<E>", open + 3);
        if (close == std::string::npos) break;
        span_texts.push_back(r.prompt.substr(open + 3, close - open - 3));
        pos = close + 3;
    }
    r.speakers.clear();
    for (std::size_t i = 0; i < voices.size(); ++i)
        r.speakers.push_back(
            {"S" + std::to_string(i + 1), "Speaker " + std::to_string(i + 1), voices[i], ""});
    r.spans.clear();
    for (std::size_t i = 0; i < span_texts.size(); ++i) {
        std::string id;
        if (voices.size() == 1)
            id = "S1";
        else if (i < voices.size())
            id = "S" + std::to_string(i + 1);
        r.spans.push_back({span_texts[i], id});
    }
    return r;
}

}  // namespace nava::api
