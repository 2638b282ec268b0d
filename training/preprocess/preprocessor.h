// Encodes the accepted clips of a validation report into the cache (sample_cache.h), with
// worker threads that decode in parallel while one of them at a time uses the encoders.
// Resumable: entries already in the cache are skipped (their key covers media, caption, bucket
// and encoder versions), and every entry is written atomically, so an interrupted run loses at
// most the clips in flight. The encoders are created only when the first entry must be encoded.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <c10/core/ScalarType.h>

#include "training/data/sample_cache.h"
#include "training/data/validation.h"
#include "training/preprocess/encoders.h"

namespace nava::train {

struct PreprocessOptions {
    std::filesystem::path cache_dir;
    BucketOptions buckets;                         // the same options the validation used
    int workers = 2;                               // decoding threads
    at::ScalarType storage_dtype = at::kFloat;     // latents and contexts on disk
    bool speaker_placeholders = true;              // part of the key (changes the context)
    int64_t text_len = 512;                        // part of the key
    std::map<std::string, double> source_weights;  // mixing weights written to the index
    std::map<std::string, std::string> source_tasks;
    nlohmann::json describe;  // stored in the index for people (recipe excerpt)
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int64_t done, int64_t total, const std::string& id)> progress;
};

struct PreprocessFailure {
    std::string id;
    std::string message;
};

struct PreprocessReport {
    int64_t clips = 0;    // accepted clips considered
    int64_t encoded = 0;  // entries written by this run
    int64_t reused = 0;   // entries found in the cache
    std::vector<PreprocessFailure> failures;
    std::vector<std::string> warnings;  // "id: message"
    std::map<std::string, std::string> encoder_versions;
    bool encoders_loaded = false;
    bool cancelled = false;
    double seconds = 0.0;
};

using EncoderFactory = std::function<std::unique_ptr<ClipEncoders>()>;

// The cache key of an accepted clip (hashes its media files through `store`).
std::string cache_key(const ClipVerdict& clip, const std::map<std::string, std::string>& versions,
                      const PreprocessOptions& options, FingerprintStore& store);

// Writes index.json for the entries that exist after the run (failed clips are left out).
PreprocessReport preprocess_clips(const ValidationReport& report, const EncoderFiles& files,
                                  const EncoderFactory& make_encoders,
                                  const PreprocessOptions& options);

}  // namespace nava::train
