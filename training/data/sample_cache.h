// The preprocessing cache on disk and the dataset that trains from it.
//
// Layout of a cache folder:
//   entries/<2 hex>/<key>.safetensors   one encoded clip per file, written atomically
//   index.json                          the entries of the last preprocessing run, in clip
//                                       order, with their shapes (training reads only this
//                                       and the entries it names)
//   fingerprints.json                   remembered file hashes (size + mtime checked)
// An entry's key is the SHA-256 of the clip's media bytes, caption and speech timing, its bucket
// and the hashes of the encoder files that produced it: the same clip encoded by the same
// encoders at the same bucket is never encoded twice, and changing an encoder file changes the
// key of every entry it produced (old entries are simply no longer referenced).
//
// Entry tensors (float32 unless stored as bfloat16): "video" [C, T, H, W], "audio" [L, C],
// "context" [Lt, text_dim], "speakers" [n, S] with "speaker_positions" [n] int64 (absent when
// the clip has no voices), "first_frame" [C, 1, H, W] (optional). Metadata "nava_cache_entry":
// JSON with id, source, task, bucket and the encoder versions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <nlohmann/json.hpp>

#include "training/data/clip_record.h"
#include "training/data/dataset.h"

namespace nava::train {

inline constexpr int kCacheFormatVersion = 1;

struct CacheEntryInfo {
    std::string key;
    std::string id;
    std::string source = "default";
    ClipTask task = ClipTask::audio_video;
    std::string bucket;
    std::vector<int64_t> video;  // [C, T, H, W] or empty
    int64_t audio_length = 0;    // aligned audio tokens (also for video-only clips)
    bool has_audio = false;      // an "audio" tensor is stored
    int64_t text_length = 0;
    int64_t text_dim = 0;
    int64_t speakers = 0;

    nlohmann::json to_json() const;
    static CacheEntryInfo from_json(const nlohmann::json& json);
};

struct CacheEntryTensors {
    at::Tensor video, audio, context, speakers, first_frame;
    std::vector<int64_t> speaker_positions;
};

struct CacheIndex {
    int version = kCacheFormatVersion;
    std::map<std::string, std::string> encoders;  // component -> version hash
    std::vector<CacheEntryInfo> entries;
    std::map<std::string, double> source_weights;  // mixing weight per source
    std::map<std::string, std::string> source_tasks;
    nlohmann::json options;  // preprocessing options of the run (for people)

    nlohmann::json to_json() const;
    static CacheIndex from_json(const nlohmann::json& json, const std::string& label);
};

std::filesystem::path cache_entry_path(const std::filesystem::path& cache_dir,
                                       const std::string& key);
std::filesystem::path cache_index_path(const std::filesystem::path& cache_dir);

// Atomic writes (temporary file renamed into place).
void write_cache_entry(const std::filesystem::path& path, const CacheEntryInfo& info,
                       const CacheEntryTensors& tensors, at::ScalarType storage_dtype);
CacheEntryTensors read_cache_entry(const std::filesystem::path& path);
void write_cache_index(const std::filesystem::path& cache_dir, const CacheIndex& index);
// Throws IoError / FormatError naming the file (and saying to run the preprocessing).
CacheIndex read_cache_index(const std::filesystem::path& cache_dir);

struct CachedDatasetOptions {
    // Video-only samples get an all-zero audio latent of their aligned length with this many
    // channels and audio_loss = false, so that they batch with audio-video samples (0 = no
    // placeholder: such samples have no audio).
    int64_t audio_channels = 0;
    // Expand the index so that each source's share of an epoch follows its mixing weight
    // (and each task's share follows task_weights, default equal).
    bool mix_sources = true;
    std::map<std::string, double> task_weights;
    std::map<std::string, double> source_weights;  // override the index's mixing weights
    uint64_t seed = 0;
};

class CachedDataset : public Dataset {
public:
    CachedDataset(const std::filesystem::path& cache_dir, CachedDatasetOptions options = {});
    int64_t size() const override { return static_cast<int64_t>(order_.size()); }
    TrainSample get(int64_t index) const override;
    SampleGeometry geometry(int64_t index) const override;

    const CacheIndex& index() const { return index_; }
    const CacheEntryInfo& entry(int64_t index) const;

private:
    std::filesystem::path dir_;
    CachedDatasetOptions options_;
    CacheIndex index_;
    std::vector<int64_t> order_;  // dataset index -> entry (mixture expansion)
};

}  // namespace nava::train
