#include "training/synth/dataset.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "media/atomic_file.h"
#include "media/export.h"
#include "media/media_error.h"
#include "media/wav.h"
#include "training/synth/clip.h"
#include "training/synth/scene.h"
#include "training/synth/speech.h"
#include "training/synth/truth.h"

namespace nava::synth {
namespace {

using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

constexpr int kSettingsVersion = 1;

double round4(double v) {
    return std::round(v * 1e4) / 1e4;
}

json read_json(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SynthError("cannot read " + path.string());
    try {
        return json::parse(in);
    } catch (const json::exception& e) {
        throw SynthError(path.string() + ": not valid JSON (" + e.what() + ")");
    }
}

void write_text(const fs::path& path, const std::string& text) {
    media::write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

json settings_json(const DatasetOptions& o) {
    return {{"version", kSettingsVersion},
            {"generator", "nava synth"},
            {"seed", o.seed},
            {"width", o.format.width},
            {"height", o.format.height},
            {"frames", o.format.frames},
            {"fps", o.format.fps},
            {"sample_rate_hz", o.format.sample_rate_hz}};
}

// A folder is resumed only with the settings it was made with: other settings would mix clips
// of different worlds under one manifest.
void check_settings(const DatasetOptions& o) {
    const fs::path path = o.out_dir / "synth.json";
    const json wanted = settings_json(o);
    if (fs::exists(path)) {
        const json found = read_json(path);
        if (found != wanted)
            throw SynthError(o.out_dir.string() + " holds a dataset made with other settings (" +
                             found.dump() + "); use another --out folder or the same settings");
        return;
    }
    write_text(path, wanted.dump(2) + "\n");
}

void write_clip(const fs::path& dir, const Clip& clip, int crf) {
    const ClipFiles files = clip_files(clip.recipe);
    // Voices and sound first, the viewing copy next, the truth last: its presence marks the
    // clip complete.
    for (std::size_t i = 0; i < clip.references.size(); ++i)
        media::write_wav(dir / files.voices[i], clip.references[i].audio);
    media::write_wav(dir / files.audio, clip.audio);
    media::ExportOptions mp4;
    mp4.crf = crf;
    mp4.audio_sample_rate_hz = clip.recipe.format.sample_rate_hz;
    mp4.metadata["title"] = clip.recipe.id;
    mp4.metadata["description"] = clip.caption;
    media::export_mp4(dir / files.video, &clip.video, &clip.audio, mp4);
    write_text(dir / files.truth, truth_json(clip).dump(1) + "\n");
}

struct Job {
    Split split;
    int64_t index;
};

// Counts and durations of the dataset (from the truth files, so resumed runs count alike).
json make_stats(const std::vector<json>& train, const std::vector<json>& holdout) {
    auto describe = [](const std::vector<json>& truths) {
        std::map<std::string, int64_t> shapes, colours, motions, sounds, variants, languages,
            objects, faces, speakers;
        double duration = 0, speech = 0, reference = 0;
        int64_t spans = 0, words = 0, impacts = 0;
        for (const auto& t : truths) {
            duration += t.at("duration_s").get<double>();
            objects[std::to_string(t.at("objects").size())]++;
            faces[std::to_string(t.at("faces").size())]++;
            speakers[std::to_string(t.at("speech").size())]++;
            impacts += static_cast<int64_t>(t.at("impact_times_s").size());
            for (const auto& o : t.at("objects")) {
                shapes[o.at("shape").get<std::string>()]++;
                colours[o.at("colour").get<std::string>()]++;
                motions[o.at("motion").get<std::string>()]++;
                sounds[o.at("sound").at("kind").get<std::string>()]++;
            }
            for (const auto& s : t.at("speech")) {
                ++spans;
                speech += s.at("end_s").get<double>() - s.at("start_s").get<double>();
                reference += s.at("reference_duration_s").get<double>();
                std::istringstream in(s.at("text").get<std::string>());
                std::string w;
                while (in >> w)
                    ++words;
                variants[s.at("voice").at("variant").get<std::string>()]++;
                languages[s.at("voice").at("language").get<std::string>()]++;
            }
        }
        const double n = std::max<double>(1.0, static_cast<double>(truths.size()));
        const double ns = std::max<double>(1.0, static_cast<double>(spans));
        return json{{"clips", truths.size()},
                    {"total_duration_s", round4(duration)},
                    {"clips_by_objects", objects},
                    {"clips_by_faces", faces},
                    {"clips_by_speakers", speakers},
                    {"spans", spans},
                    {"speech_s_total", round4(speech)},
                    {"speech_s_per_span", round4(speech / ns)},
                    {"words_per_span", round4(static_cast<double>(words) / ns)},
                    {"reference_s_per_voice", round4(reference / ns)},
                    {"impacts", impacts},
                    {"impacts_per_clip", round4(static_cast<double>(impacts) / n)},
                    {"shapes", shapes},
                    {"object_colours", colours},
                    {"motions", motions},
                    {"impact_sounds", sounds},
                    {"voice_variants", variants},
                    {"voice_languages", languages}};
    };
    return {{"train", describe(train)}, {"holdout", describe(holdout)}};
}

}  // namespace

void validate_format(const ClipFormat& f) {
    if (f.width < 32 || f.height < 32 || f.width > 4096 || f.height > 4096)
        throw SynthError("width and height must be between 32 and 4096 pixels");
    if (f.width % 2 || f.height % 2)
        throw SynthError("width and height must be even (H.264 with 4:2:0 colour)");
    if (f.fps < 1 || f.fps > 120) throw SynthError("fps must be between 1 and 120");
    if (f.frames < 1 || f.frames > 100000) throw SynthError("frames must be at least 1");
    if (f.sample_rate_hz < 8000 || f.sample_rate_hz > 48000)
        throw SynthError("the sample rate must be between 8000 and 48000 Hz");
}

bool clip_complete(const fs::path& dir, const std::string& id) {
    const fs::path truth_path = dir / "clips" / (id + ".json");
    std::error_code ec;
    if (!fs::is_regular_file(truth_path, ec)) return false;
    try {
        const json truth = read_json(truth_path);
        const json& files = truth.at("files");
        std::vector<std::string> paths = {files.at("video").get<std::string>(),
                                          files.at("audio").get<std::string>()};
        for (const auto& v : files.at("voices"))
            paths.push_back(v.get<std::string>());
        for (const auto& p : paths)
            if (!fs::is_regular_file(dir / p, ec) || fs::file_size(dir / p, ec) == 0) return false;
        return truth.at("id").get<std::string>() == id;
    } catch (const std::exception&) {
        return false;
    }
}

DatasetSummary generate_dataset(const DatasetOptions& options,
                                const std::function<void(const ClipProgress&)>& progress) {
    const auto started = std::chrono::steady_clock::now();
    validate_format(options.format);
    if (options.clips < 0 || options.holdout < 0)
        throw SynthError("the numbers of clips and held-out prompts cannot be negative");
    if (options.out_dir.empty()) throw SynthError("no output folder given");
    find_espeak(options.espeak);  // a clear message before any work

    std::error_code ec;
    fs::create_directories(options.out_dir / "clips", ec);
    fs::create_directories(options.out_dir / "voices", ec);
    if (!fs::is_directory(options.out_dir / "clips") ||
        !fs::is_directory(options.out_dir / "voices"))
        throw SynthError("cannot create the output folder " + options.out_dir.string());
    check_settings(options);

    std::vector<Job> jobs;
    for (int64_t i = 0; i < options.clips; ++i)
        jobs.push_back({Split::train, i});
    for (int64_t i = 0; i < options.holdout; ++i)
        jobs.push_back({Split::holdout, i});

    int threads = options.threads > 0 ? options.threads
                                      : static_cast<int>(std::thread::hardware_concurrency());
    threads = std::clamp<int>(threads, 1, std::max<int>(1, static_cast<int>(jobs.size())));

    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::mutex mutex;  // guards the fields below and the progress callback
    std::exception_ptr first_error;
    DatasetSummary summary;
    int64_t done = 0;

    auto worker = [&]() {
        try {
            SpeechSynth speech(options.format.sample_rate_hz, options.espeak);
            while (!failed) {
                const std::size_t j = next++;
                if (j >= jobs.size()) break;
                const auto t0 = std::chrono::steady_clock::now();
                ClipProgress report;
                report.split = jobs[j].split;
                report.id = clip_id(jobs[j].split, jobs[j].index);
                if (clip_complete(options.out_dir, report.id)) {
                    report.skipped = true;
                } else {
                    try {
                        speech.clear_cache();
                        const ClipRecipe recipe = plan_clip(options.format, options.seed,
                                                            jobs[j].split, jobs[j].index, speech);
                        const Clip clip = build_clip(recipe, speech);
                        write_clip(options.out_dir, clip, options.crf);
                        report.objects = static_cast<int>(recipe.objects.size());
                        report.faces = static_cast<int>(recipe.faces.size());
                        report.spans = static_cast<int>(recipe.speech.size());
                        report.caption = clip.caption;
                    } catch (const media::MediaError& e) {
                        throw SynthError("clip " + report.id + ": " + e.what());
                    } catch (const SynthError& e) {
                        throw SynthError("clip " + report.id + ": " + e.what());
                    }
                }
                report.seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
                std::lock_guard<std::mutex> lock(mutex);
                (report.skipped ? summary.skipped : summary.made)++;
                report.done = ++done;
                report.total = static_cast<int64_t>(jobs.size());
                if (progress) progress(report);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex);
            if (!first_error) first_error = std::current_exception();
            failed = true;
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker);
    for (auto& t : pool)
        t.join();
    if (first_error) std::rethrow_exception(first_error);

    // Manifests and statistics, in index order, from the truth files.
    std::vector<json> train, holdout;
    std::string manifest, holdout_lines;
    for (const auto& job : jobs) {
        const json truth =
            read_json(options.out_dir / "clips" / (clip_id(job.split, job.index) + ".json"));
        if (job.split == Split::train) {
            manifest += manifest_record(truth).dump() + "\n";
            train.push_back(truth);
        } else {
            holdout_lines += holdout_record(truth).dump() + "\n";
            holdout.push_back(truth);
        }
    }
    write_text(options.out_dir / "manifest.jsonl", manifest);
    write_text(options.out_dir / "holdout.jsonl", holdout_lines);
    write_text(options.out_dir / "stats.json", make_stats(train, holdout).dump(2) + "\n");
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace nava::synth
