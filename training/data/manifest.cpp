#include "training/data/manifest.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace nava::train {

namespace fs = std::filesystem;
using nlohmann::json;

const char* to_string(ClipTask task) {
    switch (task) {
        case ClipTask::audio_video:
            return "text_to_av";
        case ClipTask::video:
            return "text_to_video";
        case ClipTask::audio:
            return "text_to_audio";
    }
    return "?";
}

ClipTask clip_task_from_string(const std::string& name) {
    if (name == "text_to_av" || name == "av") return ClipTask::audio_video;
    if (name == "text_to_video" || name == "video") return ClipTask::video;
    if (name == "text_to_audio" || name == "audio") return ClipTask::audio;
    throw ConfigError("unknown task '" + name +
                      "' (text_to_av, text_to_video or text_to_audio; text_to_image is not "
                      "supported)");
}

bool is_clip_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".mp4" || ext == ".mov" || ext == ".mkv" || ext == ".webm" || ext == ".avi" ||
           ext == ".m4v" || ext == ".y4m";
}

namespace {

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ManifestError("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return s.substr(b, e - b);
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t'))
        out.push_back(trim(field));
    return out;
}

std::string origin_of(const fs::path& file, int64_t line) {
    return file.string() + ":" + std::to_string(line);
}

fs::path relative_to(const fs::path& base, const std::string& p) {
    if (p.empty()) return {};
    const fs::path path(p);
    return path.is_absolute() ? path : (base / path).lexically_normal();
}

// The reference ran from its repository root: a relative path is tried against the describing
// file's folder and then against each of its ancestors; the first that exists wins.
fs::path resolve_reference_path(const fs::path& file_dir, const std::string& p,
                                const ManifestOptions& options) {
    if (p.empty()) return {};
    std::string rewritten = p;
    for (const auto& [from, to] : options.path_map) {
        if (!from.empty() && rewritten.rfind(from, 0) == 0) {
            rewritten = to + rewritten.substr(from.size());
            break;
        }
    }
    const fs::path path(rewritten);
    if (path.is_absolute()) return path;
    for (fs::path base = fs::absolute(file_dir); !base.empty(); base = base.parent_path()) {
        const fs::path candidate = (base / path).lexically_normal();
        if (fs::exists(candidate)) return candidate;
        if (base == base.parent_path()) break;
    }
    return (file_dir / path).lexically_normal();
}

double number_or(const json& o, const char* key, double fallback) {
    const auto it = o.find(key);
    return (it != o.end() && it->is_number()) ? it->get<double>() : fallback;
}

std::string string_or(const json& o, const char* key, const std::string& fallback = "") {
    const auto it = o.find(key);
    return (it != o.end() && it->is_string()) ? it->get<std::string>() : fallback;
}

// Reads the lines of a JSONL file, calling `fn(object, line_number)` for each non-empty line
// and recording unparsable lines as issues.
template <typename Fn>
void for_each_jsonl(const fs::path& file, ClipSet& set, Fn fn) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ManifestError("cannot read " + file.string());
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (trim(line).empty()) continue;
        json object;
        try {
            object = json::parse(line);
        } catch (const json::exception& e) {
            set.issues.push_back(
                {origin_of(file, number), "", std::string("not JSON: ") + e.what()});
            continue;
        }
        if (!object.is_object()) {
            set.issues.push_back({origin_of(file, number), "", "not a JSON object"});
            continue;
        }
        fn(object, number);
    }
}

}  // namespace

ClipSet load_clip_folder(const fs::path& folder) {
    if (!fs::is_directory(folder)) throw ManifestError(folder.string() + " is not a folder");
    ClipSet set;
    set.format = "folder";
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && is_clip_extension(entry.path()))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        ClipRecord r;
        r.id = file.lexically_relative(folder).replace_extension().generic_string();
        r.video = file;
        r.origin = file.string();
        fs::path caption = file;
        caption.replace_extension(".txt");
        // An unreadable or missing caption leaves the caption empty: validation rejects it.
        if (fs::exists(caption)) {
            std::ifstream in(caption, std::ios::binary);
            std::ostringstream s;
            s << in.rdbuf();
            r.caption = trim(s.str());
        }
        set.clips.push_back(std::move(r));
    }
    return set;
}

ClipSet load_nava_manifest(const fs::path& jsonl) {
    ClipSet set;
    set.format = "nava-jsonl";
    const fs::path base = jsonl.parent_path();
    for_each_jsonl(jsonl, set, [&](const json& o, int64_t number) {
        ClipRecord r;
        r.origin = origin_of(jsonl, number);
        r.id = o.contains("id") && o["id"].is_string() ? o["id"].get<std::string>()
               : o.contains("id") && o["id"].is_number_integer()
                   ? std::to_string(o["id"].get<int64_t>())
                   : "line-" + std::to_string(number);
        auto issue = [&](const std::string& message) {
            set.issues.push_back({r.origin, r.id, message});
        };
        r.video = relative_to(base, string_or(o, "video"));
        const auto audio = o.find("audio");
        if (audio == o.end()) {
            r.audio_source = ClipAudio::from_video;
        } else if (audio->is_null()) {
            r.audio_source = ClipAudio::none;
        } else if (audio->is_string() && !audio->get<std::string>().empty()) {
            r.audio_source = ClipAudio::separate;
            r.audio = relative_to(base, audio->get<std::string>());
        } else {
            return issue("\"audio\" must be a file name or null");
        }
        if (r.video.empty()) {
            if (r.audio_source != ClipAudio::separate)
                return issue("neither \"video\" nor \"audio\" names a file");
            r.task = ClipTask::audio;
        } else {
            r.task = r.audio_source == ClipAudio::none ? ClipTask::video : ClipTask::audio_video;
        }
        if (o.contains("caption") && !o["caption"].is_string())
            return issue("\"caption\" must be a string");
        r.caption = string_or(o, "caption");
        if (o.contains("speech")) {
            if (!o["speech"].is_array()) return issue("\"speech\" must be a list");
            for (const auto& s : o["speech"]) {
                if (!s.is_object()) return issue("\"speech\" entries must be objects");
                SpeechSegment seg;
                seg.speaker = s.contains("speaker") && s["speaker"].is_number_integer()
                                  ? std::to_string(s["speaker"].get<int64_t>())
                                  : string_or(s, "speaker");
                seg.voice = relative_to(base, string_or(s, "voice"));
                seg.start_s = number_or(s, "start", -1.0);
                seg.end_s = number_or(s, "end", -1.0);
                r.speech.push_back(std::move(seg));
            }
        }
        r.first_frame = relative_to(base, string_or(o, "first_frame"));
        r.duration_s = number_or(o, "duration", 0.0);
        r.fps = number_or(o, "fps", 0.0);
        r.width = static_cast<int>(number_or(o, "width", 0.0));
        r.height = static_cast<int>(number_or(o, "height", 0.0));
        set.clips.push_back(std::move(r));
    });
    return set;
}

ClipSet load_reference_jsonl(const fs::path& jsonl, const std::string& source, ClipTask task,
                             const ManifestOptions& options) {
    ClipSet set;
    set.format = "reference-jsonl";
    const fs::path base = jsonl.parent_path();
    // Reference: the last "_"-separated part of a source name "tts" marks text-to-speech data.
    const auto underscore = source.rfind('_');
    const bool tts = underscore != std::string::npos && source.substr(underscore + 1) == "tts";
    for_each_jsonl(jsonl, set, [&](const json& o, int64_t number) {
        const std::string origin = origin_of(jsonl, number);
        const std::string data_id = o.contains("data_id") && o["data_id"].is_string()
                                        ? o["data_id"].get<std::string>()
                                        : "line-" + std::to_string(number);
        const auto text_list = o.find("text_list");
        if (text_list == o.end() || !text_list->is_array()) {
            set.issues.push_back({origin, data_id, "no \"text_list\""});
            return;
        }
        // Media entries paired with text entries: audio data may carry its own split list.
        const bool audio_splits = task == ClipTask::audio && o.contains("audio_splits_info");
        const char* media_key = audio_splits ? "audio_splits_info" : "video_info";
        const auto media = o.find(media_key);
        if (media == o.end() || !media->is_array()) {
            set.issues.push_back({origin, data_id, std::string("no \"") + media_key + "\""});
            return;
        }
        std::size_t pairs = media->size();
        if (task == ClipTask::audio && !audio_splits) {
            pairs = std::min<std::size_t>(pairs, 1);  // the reference takes text_list[:1]
        } else if (media->size() != text_list->size()) {
            set.issues.push_back({origin, data_id,
                                  std::string("\"") + media_key + "\" and \"text_list\" differ " +
                                      "in length (" + std::to_string(media->size()) + " vs " +
                                      std::to_string(text_list->size()) + ")"});
            return;
        }
        for (std::size_t i = 0; i < pairs && i < text_list->size(); ++i) {
            const json& m = (*media)[i];
            const json& t = (*text_list)[i];
            ClipRecord r;
            r.origin = origin;
            r.id = pairs > 1 ? data_id + "#" + std::to_string(i) : data_id;
            r.source = source;
            r.task = task;
            r.tts = tts;
            if (!m.is_object() || !t.is_object()) {
                set.issues.push_back({origin, r.id, "media and text entries must be objects"});
                continue;
            }
            if (!m.value("is_valid", true) || !t.value("is_valid", true)) {
                set.issues.push_back({origin, r.id, "marked invalid (is_valid: false)"});
                continue;
            }
            std::string path = string_or(m, "data_path");
            if (path.empty()) path = string_or(m, "bos_url");
            const fs::path media_path = resolve_reference_path(base, path, options);
            if (task == ClipTask::audio) {
                r.audio = media_path;
                r.audio_source = ClipAudio::separate;
            } else {
                r.video = media_path;
                r.audio_source = task == ClipTask::video ? ClipAudio::none : ClipAudio::from_video;
                // split_wav_mode: a separate sound file per entry.
                if (task == ClipTask::audio_video && o.contains("audio_info") &&
                    o["audio_info"].is_array() && i < o["audio_info"].size() &&
                    o["audio_info"][i].is_object()) {
                    const json& a = o["audio_info"][i];
                    std::string ap = string_or(a, "data_path");
                    if (ap.empty()) ap = string_or(a, "bos_url");
                    if (!ap.empty()) {
                        r.audio = resolve_reference_path(base, ap, options);
                        r.audio_source = ClipAudio::separate;
                    }
                }
            }
            r.caption = string_or(t, "text");
            r.duration_s = number_or(m, "duration", 0.0);
            r.fps = number_or(m, "fps", 0.0);
            r.width = static_cast<int>(number_or(m, "image_width", 0.0));
            r.height = static_cast<int>(number_or(m, "image_height", 0.0));
            const auto starts = t.find("speech_start");
            const auto ends = t.find("speech_end");
            if (starts != t.end() && ends != t.end() && starts->is_array() && ends->is_array()) {
                if (starts->size() != ends->size()) {
                    set.issues.push_back(
                        {origin, r.id, "speech_start and speech_end differ in length"});
                    continue;
                }
                for (std::size_t k = 0; k < starts->size(); ++k) {
                    SpeechSegment seg;
                    seg.start_s = (*starts)[k].is_number() ? (*starts)[k].get<double>() : -1.0;
                    seg.end_s = (*ends)[k].is_number() ? (*ends)[k].get<double>() : -1.0;
                    r.speech.push_back(seg);
                }
            }
            set.clips.push_back(std::move(r));
        }
    });
    return set;
}

ClipSet load_reference_list(const fs::path& list, const ManifestOptions& options) {
    const fs::path weights_path = options.weights_file.empty()
                                      ? fs::path(list).replace_extension(".weight")
                                      : options.weights_file;
    // 1. Weights: name, weight, task per line, in file order (the order matching uses).
    std::vector<DataSourceInfo> sources;
    {
        std::istringstream in(read_text_file(weights_path));
        std::string line;
        int64_t number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (trim(line).empty()) continue;
            const auto f = split_tabs(line);
            if (f.size() != 3)
                throw ManifestError(origin_of(weights_path, number) +
                                    ": expected \"name<TAB>weight<TAB>task\"");
            DataSourceInfo s;
            s.name = f[0];
            try {
                std::size_t used = 0;
                s.weight = std::stod(f[1], &used);
                if (used != f[1].size()) throw std::invalid_argument(f[1]);
            } catch (const std::exception&) {
                throw ManifestError(origin_of(weights_path, number) + ": weight '" + f[1] +
                                    "' is not a number");
            }
            try {
                s.task = clip_task_from_string(f[2]);
            } catch (const ConfigError& e) {
                throw ManifestError(origin_of(weights_path, number) + ": " + e.what());
            }
            sources.push_back(std::move(s));
        }
        if (sources.empty()) throw ManifestError(weights_path.string() + " lists no dataset");
    }

    // 2. The list: each file goes to the named source or the first name its path contains.
    ClipSet set;
    set.format = "reference-list";
    std::istringstream in(read_text_file(list));
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (trim(line).empty()) continue;
        const auto f = split_tabs(line);
        if (f.size() != 2 && f.size() != 3)
            throw ManifestError(origin_of(list, number) +
                                ": expected \"idx<TAB>path\" or \"idx<TAB>name<TAB>path\"");
        const std::string& path = f.back();
        DataSourceInfo* owner = nullptr;
        for (auto& s : sources) {
            if (f.size() == 3 ? s.name == f[1] : path.find(s.name) != std::string::npos) {
                owner = &s;
                break;
            }
        }
        if (!owner) {
            set.issues.push_back({origin_of(list, number), "",
                                  "no line of " + weights_path.filename().string() +
                                      " names the dataset of " + path + " (skipped)"});
            continue;
        }
        owner->files.push_back(resolve_reference_path(list.parent_path(), path, options));
    }

    // 3. Every file of every source with a positive weight.
    for (const auto& s : sources) {
        if (s.weight <= 0.0) continue;
        for (const auto& file : s.files) {
            ClipSet part = load_reference_jsonl(file, s.name, s.task, options);
            for (auto& c : part.clips)
                set.clips.push_back(std::move(c));
            for (auto& i : part.issues)
                set.issues.push_back(std::move(i));
        }
        set.sources.push_back(s);
    }
    return set;
}

ClipSet load_clip_set(const fs::path& path, const ManifestOptions& options) {
    if (fs::is_directory(path)) return load_clip_folder(path);
    if (!fs::exists(path)) throw ManifestError("data description not found: " + path.string());
    if (path.extension() == ".list") return load_reference_list(path, options);
    // JSONL: the first record's keys tell our manifest from the reference's.
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ManifestError("cannot read " + path.string());
    std::string line;
    while (std::getline(in, line)) {
        if (trim(line).empty()) continue;
        json first;
        try {
            first = json::parse(line);
        } catch (const json::exception&) {
            break;  // the line is reported by the reader below
        }
        if (first.is_object() && (first.contains("video_info") || first.contains("text_list") ||
                                  first.contains("audio_splits_info")))
            return load_reference_jsonl(path, options.reference_source, options.reference_task,
                                        options);
        break;
    }
    return load_nava_manifest(path);
}

}  // namespace nava::train
