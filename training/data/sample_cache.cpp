#include "training/data/sample_cache.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "media/atomic_file.h"
#include "training/data/manifest.h"
#include "training/data/schedule.h"

namespace nava::train {

namespace fs = std::filesystem;
using nlohmann::json;

json CacheEntryInfo::to_json() const {
    return {{"key", key},
            {"id", id},
            {"source", source},
            {"task", to_string(task)},
            {"bucket", bucket},
            {"video", video},
            {"audio_length", audio_length},
            {"has_audio", has_audio},
            {"text_length", text_length},
            {"text_dim", text_dim},
            {"speakers", speakers}};
}

CacheEntryInfo CacheEntryInfo::from_json(const json& j) {
    CacheEntryInfo e;
    e.key = j.at("key").get<std::string>();
    e.id = j.value("id", "");
    e.source = j.value("source", "default");
    e.task = clip_task_from_string(j.value("task", "text_to_av"));
    e.bucket = j.value("bucket", "");
    e.video = j.value("video", std::vector<int64_t>{});
    e.audio_length = j.value("audio_length", int64_t{0});
    e.has_audio = j.value("has_audio", false);
    e.text_length = j.value("text_length", int64_t{0});
    e.text_dim = j.value("text_dim", int64_t{0});
    e.speakers = j.value("speakers", int64_t{0});
    return e;
}

json CacheIndex::to_json() const {
    json entries_json = json::array();
    for (const auto& e : entries)
        entries_json.push_back(e.to_json());
    return {
        {"version", version},           {"encoders", encoders}, {"source_weights", source_weights},
        {"source_tasks", source_tasks}, {"options", options},   {"entries", entries_json}};
}

CacheIndex CacheIndex::from_json(const json& j, const std::string& label) {
    try {
        CacheIndex index;
        index.version = j.at("version").get<int>();
        if (index.version != kCacheFormatVersion)
            throw FormatError(label + ": cache format version " + std::to_string(index.version) +
                              ", this build reads " + std::to_string(kCacheFormatVersion) +
                              "; run the preprocessing again");
        index.encoders = j.value("encoders", std::map<std::string, std::string>{});
        index.source_weights = j.value("source_weights", std::map<std::string, double>{});
        index.source_tasks = j.value("source_tasks", std::map<std::string, std::string>{});
        index.options = j.value("options", json::object());
        for (const auto& e : j.at("entries"))
            index.entries.push_back(CacheEntryInfo::from_json(e));
        return index;
    } catch (const json::exception& e) {
        throw FormatError(label + ": malformed cache index (" + e.what() + ")");
    } catch (const ConfigError& e) {
        throw FormatError(label + ": " + e.what());
    }
}

fs::path cache_entry_path(const fs::path& cache_dir, const std::string& key) {
    return cache_dir / "entries" / key.substr(0, 2) / (key + ".safetensors");
}

fs::path cache_index_path(const fs::path& cache_dir) {
    return cache_dir / "index.json";
}

void write_cache_entry(const fs::path& path, const CacheEntryInfo& info, const CacheEntryTensors& t,
                       at::ScalarType storage_dtype) {
    std::vector<io::NamedTensor> tensors;
    auto add = [&](const char* name, const at::Tensor& x, bool latent) {
        if (!x.defined()) return;
        tensors.push_back({name, (latent ? x.to(storage_dtype) : x).contiguous(), std::nullopt});
    };
    add("video", t.video, true);
    add("audio", t.audio, true);
    add("context", t.context, true);
    add("speakers", t.speakers, false);
    add("first_frame", t.first_frame, true);
    if (!t.speaker_positions.empty())
        tensors.push_back(
            {"speaker_positions", at::tensor(t.speaker_positions, at::kLong), std::nullopt});
    fs::create_directories(path.parent_path());
    io::save_safetensors(path, tensors, {{"nava_cache_entry", info.to_json().dump()}});
}

CacheEntryTensors read_cache_entry(const fs::path& path) {
    const auto file = io::SafetensorsFile::open(path);
    CacheEntryTensors t;
    auto get = [&](const char* name) {
        return file->contains(name) ? file->tensor_as(name, at::kFloat).clone() : at::Tensor();
    };
    t.video = get("video");
    t.audio = get("audio");
    t.context = get("context");
    t.speakers = get("speakers");
    t.first_frame = get("first_frame");
    if (file->contains("speaker_positions")) {
        const at::Tensor p = file->tensor_as("speaker_positions", at::kLong).contiguous();
        t.speaker_positions.assign(p.data_ptr<int64_t>(), p.data_ptr<int64_t>() + p.numel());
    }
    if (!t.context.defined()) throw FormatError(path.string() + ": cache entry without context");
    return t;
}

void write_cache_index(const fs::path& cache_dir, const CacheIndex& index) {
    fs::create_directories(cache_dir);
    media::write_file_atomically(cache_index_path(cache_dir),
                                 [&](std::ostream& out) { out << index.to_json().dump(1); });
}

CacheIndex read_cache_index(const fs::path& cache_dir) {
    const fs::path path = cache_index_path(cache_dir);
    if (!fs::exists(path))
        throw IoError(path.string() +
                      " not found: run the preprocessing first (nava train RECIPE --preprocess)");
    return CacheIndex::from_json(io::read_json_file(path), path.string());
}

// --- dataset ---------------------------------------------------------------------------------

namespace {

uint64_t name_hash(const std::string& s) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a: stable across runs and platforms
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

}  // namespace

CachedDataset::CachedDataset(const fs::path& cache_dir, CachedDatasetOptions options)
    : dir_(cache_dir), options_(std::move(options)), index_(read_cache_index(cache_dir)) {
    if (index_.entries.empty())
        throw ConfigError(cache_dir.string() + ": the cache holds no entries");
    const auto n = static_cast<int64_t>(index_.entries.size());
    // Recipe weights (a stage's data mix) override the index's.
    std::map<std::string, double> source_weights = index_.source_weights;
    for (const auto& [source, w] : options_.source_weights)
        source_weights[source] = w;
    if (!options_.mix_sources || (source_weights.size() <= 1 && options_.task_weights.empty())) {
        order_.resize(static_cast<std::size_t>(n));
        for (int64_t i = 0; i < n; ++i)
            order_[static_cast<std::size_t>(i)] = i;
        return;
    }
    // Mixture: each (source, task) group's share of an epoch is its source weight within its
    // task, times the task's share; a group is cycled through in its own shuffled order when it
    // must repeat.
    auto weight_of = [&](const std::string& source) {
        const auto w = source_weights.find(source);
        return w == source_weights.end() ? 1.0 : w->second;
    };
    std::map<std::pair<std::string, std::string>, std::vector<int64_t>> members;
    for (int64_t i = 0; i < n; ++i) {
        const auto& e = index_.entries[static_cast<std::size_t>(i)];
        members[{to_string(e.task), e.source}].push_back(i);
    }
    std::map<std::string, double> task_total;
    std::map<std::string, double> task_weight;
    for (const auto& [group, list] : members) {
        const auto& [task, source] = group;
        task_total[task] += weight_of(source);
        const auto tw = options_.task_weights.find(task);
        task_weight[task] = tw == options_.task_weights.end() ? 1.0 : tw->second;
    }
    double tasks_sum = 0.0;
    for (const auto& [task, w] : task_weight)
        tasks_sum += w;
    for (const auto& [group, list] : members) {
        const auto& [task, source] = group;
        const double share =
            task_total[task] > 0.0 && tasks_sum > 0.0
                ? weight_of(source) / task_total[task] * task_weight[task] / tasks_sum
                : 0.0;
        const auto count = static_cast<int64_t>(std::llround(share * static_cast<double>(n)));
        const auto perm =
            seeded_permutation(static_cast<int64_t>(list.size()),
                               mix_seed(options_.seed, 9, name_hash(source), name_hash(task)));
        for (int64_t k = 0; k < count; ++k)
            order_.push_back(list[static_cast<std::size_t>(
                perm[static_cast<std::size_t>(k % static_cast<int64_t>(list.size()))])]);
    }
    if (order_.empty()) throw ConfigError(cache_dir.string() + ": every mixing weight is zero");
}

const CacheEntryInfo& CachedDataset::entry(int64_t index) const {
    if (index < 0 || index >= size()) throw Error("cache dataset: index out of range");
    return index_.entries[static_cast<std::size_t>(order_[static_cast<std::size_t>(index)])];
}

SampleGeometry CachedDataset::geometry(int64_t index) const {
    const CacheEntryInfo& e = entry(index);
    SampleGeometry g;
    g.bucket = e.bucket;
    g.video = e.video;
    g.audio_length =
        (e.has_audio || (options_.audio_channels > 0 && !e.video.empty())) ? e.audio_length : 0;
    g.text_length = e.text_length;
    return g;
}

TrainSample CachedDataset::get(int64_t index) const {
    const CacheEntryInfo& e = entry(index);
    const CacheEntryTensors t = read_cache_entry(cache_entry_path(dir_, e.key));
    TrainSample s;
    s.index = index;
    s.video = t.video;
    s.context = t.context;
    if (t.audio.defined()) {
        s.audio = t.audio;
    } else if (t.video.defined() && options_.audio_channels > 0 && e.audio_length > 0) {
        s.audio = at::zeros({e.audio_length, options_.audio_channels}, at::kFloat);
        s.audio_loss = false;
    }
    if (t.speakers.defined() && t.speakers.size(0) > 0 && !t.speaker_positions.empty()) {
        // One voice per placeholder; placeholders lost to truncation drop their voices.
        const int64_t n =
            std::min<int64_t>(t.speakers.size(0), static_cast<int64_t>(t.speaker_positions.size()));
        s.speakers = t.speakers.narrow(0, 0, n);
        s.speaker_positions.assign(t.speaker_positions.begin(), t.speaker_positions.begin() + n);
    }
    return s;
}

}  // namespace nava::train
