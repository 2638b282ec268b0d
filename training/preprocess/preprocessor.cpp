#include "training/preprocess/preprocessor.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/text/prompt.h"
#include "training/preprocess/clip_decode.h"
#include "training/preprocess/content_hash.h"

namespace nava::train {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string caption_for(const ClipRecord& r) {
    if (r.tts && r.caption.find(text::kSpeechOpen) == std::string::npos)
        return text::wrap_as_speech(r.caption);
    return r.caption;
}

bool needs_speakers(const ClipRecord& r) {
    if (r.tts) return true;
    for (const auto& s : r.speech)
        if (!s.voice.empty() || s.has_time()) return true;
    return false;
}

struct Encoded {
    CacheEntryInfo info;
    CacheEntryTensors tensors;
    std::vector<std::string> warnings;
};

// 1. video latent, 2. audio tokens aligned to the bucket, 3. context and placeholder positions,
// 4. one voice embedding per span (zero rows where there is no usable voice).
Encoded encode_clip(const ClipVerdict& clip, DecodedClip decoded, ClipEncoders& enc) {
    const ClipBucket& b = clip.bucket;
    Encoded out;
    out.warnings = std::move(decoded.warnings);
    CacheEntryTensors& t = out.tensors;
    if (decoded.video.defined()) t.video = enc.encode_video(decoded.video);  // [C, T, h, w]
    if (decoded.first_frame.defined()) t.first_frame = enc.encode_video(decoded.first_frame);
    if (decoded.audio.defined()) {
        at::Tensor tokens = enc.encode_audio(decoded.audio);  // [L', C]
        if (tokens.size(0) > b.audio_length)
            tokens = tokens.narrow(0, 0, b.audio_length);
        else if (tokens.size(0) < b.audio_length)
            tokens = at::constant_pad_nd(tokens, {0, 0, 0, b.audio_length - tokens.size(0)}, 0.0);
        t.audio = tokens.contiguous();
    }
    const EncodedText text = enc.encode_text(caption_for(clip.record));
    t.context = text.context;
    t.speaker_positions = text.speaker_positions;
    for (const auto& w : text.warnings)
        out.warnings.push_back(w);
    bool any_voice = false;
    for (const auto& v : decoded.voices)
        any_voice = any_voice || v.defined();
    if (any_voice && !enc.has_speaker_encoder()) {
        out.warnings.push_back("no speaker encoder among the encoder files: voices left out");
    } else if (any_voice) {
        std::vector<at::Tensor> rows;
        for (std::size_t k = 0; k < decoded.voices.size(); ++k) {
            at::Tensor row = at::zeros({enc.speaker_dim()}, at::kFloat);
            if (decoded.voices[k].defined()) {
                try {
                    row = enc.embed_speaker(decoded.voices[k]).reshape({-1});
                } catch (const Error& e) {
                    // The reference feeds an all-zero row (the learned null token) here too.
                    out.warnings.push_back("span " + std::to_string(k + 1) + ": " + e.what() +
                                           " (zero voice)");
                }
            }
            rows.push_back(row);
        }
        t.speakers = at::stack(rows);  // [n, S]
    }
    CacheEntryInfo& info = out.info;
    info.id = clip.id;
    info.source = clip.record.source;
    info.task = clip.record.task;
    info.bucket = b.key();
    if (t.video.defined()) info.video = t.video.sizes().vec();
    info.audio_length = b.audio_length;
    info.has_audio = t.audio.defined();
    info.text_length = t.context.size(0);
    info.text_dim = t.context.size(1);
    info.speakers = t.speakers.defined() ? t.speakers.size(0) : 0;
    return out;
}

}  // namespace

std::string cache_key(const ClipVerdict& clip, const std::map<std::string, std::string>& versions,
                      const PreprocessOptions& options, FingerprintStore& store) {
    const ClipRecord& r = clip.record;
    const BucketOptions& b = options.buckets;
    json media = json::object();
    if (r.task != ClipTask::audio) media["video"] = store.fingerprint(r.video);
    if (r.audio_source == ClipAudio::separate) media["audio"] = store.fingerprint(r.audio);
    if (!r.first_frame.empty()) media["first_frame"] = store.fingerprint(r.first_frame);
    json speech = json::array();
    for (const auto& s : r.speech)
        speech.push_back({s.voice.empty() ? "" : store.fingerprint(s.voice), s.start_s, s.end_s});
    json encoders = json::object();
    auto use = [&](const char* name) {
        const auto it = versions.find(name);
        encoders[name] = it == versions.end() ? "" : it->second;
    };
    use("text_encoder");
    use("tokenizer");
    if (r.task != ClipTask::audio) use("video_vae");
    if (r.task != ClipTask::video) use("audio_vae");
    if (needs_speakers(r)) use("speaker_encoder");
    const json key = {{"format", kCacheFormatVersion},
                      {"media", media},
                      {"caption", caption_for(r)},
                      {"speech", speech},
                      {"task", to_string(r.task)},
                      {"bucket", clip.bucket.key()},
                      {"fps", b.fps},
                      {"audio_rate", b.audio_sample_rate_hz},
                      {"audio_tokens_per_s", b.audio_tokens_per_s},
                      {"encoders", encoders},
                      {"placeholders", options.speaker_placeholders},
                      {"text_len", options.text_len},
                      {"dtype", std::string(c10::toString(options.storage_dtype))}};
    return sha256_hex(key.dump());
}

PreprocessReport preprocess_clips(const ValidationReport& report, const EncoderFiles& files,
                                  const EncoderFactory& make_encoders,
                                  const PreprocessOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    if (options.cache_dir.empty()) throw ConfigError("preprocessing needs a cache folder");
    if (options.workers < 1) throw ConfigError("preprocessing needs at least one worker");
    fs::create_directories(options.cache_dir / "entries");
    FingerprintStore store(options.cache_dir / "fingerprints.json");
    PreprocessReport result;
    result.encoder_versions = encoder_versions(files, store);
    const std::vector<const ClipVerdict*> clips = report.accepted();
    const auto n = static_cast<int64_t>(clips.size());
    result.clips = n;

    std::vector<std::optional<CacheEntryInfo>> entries(static_cast<std::size_t>(n));
    std::mutex report_mutex, encoder_mutex;
    std::unique_ptr<ClipEncoders> encoders;
    std::atomic<int64_t> next{0}, done{0};
    std::atomic<bool> cancelled{false};
    // Encoders that cannot be loaded fail every clip the same way: the run stops at once.
    std::atomic<bool> setup_failed{false};
    std::string setup_error;

    auto work = [&]() {
        for (;;) {
            if (options.cancel && options.cancel->load()) {
                cancelled = true;
                return;
            }
            if (setup_failed) return;
            const int64_t i = next++;
            if (i >= n) return;
            const ClipVerdict& clip = *clips[static_cast<std::size_t>(i)];
            try {
                const std::string key = cache_key(clip, result.encoder_versions, options, store);
                const fs::path path = cache_entry_path(options.cache_dir, key);
                CacheEntryInfo info;
                bool reused = false;
                if (fs::exists(path)) {
                    try {
                        const auto file = io::SafetensorsFile::open(path);
                        info = CacheEntryInfo::from_json(
                            json::parse(file->metadata().at("nava_cache_entry")));
                        reused = true;
                    } catch (const std::exception&) {
                        reused = false;  // damaged entry: encode it again
                    }
                }
                std::vector<std::string> warnings;
                if (!reused) {
                    DecodedClip decoded = decode_clip(clip, options.buckets);
                    Encoded encoded;
                    {
                        std::lock_guard<std::mutex> lock(encoder_mutex);
                        if (setup_failed) return;
                        if (!encoders) {
                            try {
                                encoders = make_encoders();
                            } catch (const std::exception& e) {
                                setup_error = e.what();
                                setup_failed = true;
                                return;
                            }
                            std::lock_guard<std::mutex> r(report_mutex);
                            result.encoders_loaded = true;
                        }
                        encoded = encode_clip(clip, std::move(decoded), *encoders);
                    }
                    encoded.info.key = key;
                    write_cache_entry(path, encoded.info, encoded.tensors, options.storage_dtype);
                    info = encoded.info;
                    warnings = std::move(encoded.warnings);
                }
                // Identical content under another name shares the entry; the index names it.
                info.key = key;
                info.id = clip.id;
                info.source = clip.record.source;
                std::lock_guard<std::mutex> lock(report_mutex);
                entries[static_cast<std::size_t>(i)] = info;
                (reused ? result.reused : result.encoded) += 1;
                for (const auto& w : warnings)
                    result.warnings.push_back(clip.id + ": " + w);
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(report_mutex);
                result.failures.push_back({clip.id, e.what()});
            }
            const int64_t d = ++done;
            if (options.progress) {
                std::lock_guard<std::mutex> lock(report_mutex);
                options.progress(d, n, clip.id);
            }
        }
    };
    std::vector<std::thread> threads;
    const int count = static_cast<int>(std::min<int64_t>(options.workers, std::max<int64_t>(n, 1)));
    for (int t = 0; t < count; ++t)
        threads.emplace_back(work);
    for (auto& t : threads)
        t.join();
    store.save();
    if (setup_failed)
        throw ConfigError("cannot load the encoders to preprocess with: " + setup_error);
    result.cancelled = cancelled.load();

    // The index names the complete set; an interrupted run leaves the old index in place (its
    // entries are still valid) and the next run resumes from the entries written so far.
    if (!result.cancelled) {
        CacheIndex index;
        index.encoders = result.encoder_versions;
        index.source_weights = options.source_weights;
        index.source_tasks = options.source_tasks;
        index.options = options.describe;
        for (auto& e : entries)
            if (e) index.entries.push_back(std::move(*e));
        write_cache_index(options.cache_dir, index);
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result;
}

}  // namespace nava::train
