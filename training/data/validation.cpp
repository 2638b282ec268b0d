#include "training/data/validation.h"

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <set>
#include <sstream>

#include "inference/text/prompt.h"
#include "media/probe.h"

namespace nava::train {

namespace fs = std::filesystem;

const char* to_string(RejectReason reason) {
    switch (reason) {
        case RejectReason::malformed_record:
            return "malformed record";
        case RejectReason::duplicate_id:
            return "duplicate id";
        case RejectReason::missing_file:
            return "missing file";
        case RejectReason::unreadable:
            return "unreadable";
        case RejectReason::no_video_stream:
            return "no video stream";
        case RejectReason::no_audio_stream:
            return "no audio stream";
        case RejectReason::too_short:
            return "too short";
        case RejectReason::too_long:
            return "too long";
        case RejectReason::no_caption:
            return "no caption";
        case RejectReason::unbalanced_markers:
            return "unbalanced markers";
        case RejectReason::speech_count_mismatch:
            return "speech count mismatch";
        case RejectReason::bad_speech_time:
            return "bad speech time";
        case RejectReason::voice_missing:
            return "voice file missing";
        case RejectReason::first_frame_missing:
            return "first frame missing";
    }
    return "?";
}

int64_t ValidationReport::accepted_count() const {
    int64_t n = 0;
    for (const auto& c : clips)
        n += c.accepted ? 1 : 0;
    return n;
}

int64_t ValidationReport::rejected_count() const {
    return static_cast<int64_t>(clips.size()) - accepted_count();
}

std::map<RejectReason, int64_t> ValidationReport::rejections_by_reason() const {
    std::map<RejectReason, int64_t> out;
    for (const auto& c : clips)
        if (!c.accepted && !c.problems.empty()) ++out[c.problems.front().reason];
    return out;
}

std::vector<const ClipVerdict*> ValidationReport::accepted() const {
    std::vector<const ClipVerdict*> out;
    for (const auto& c : clips)
        if (c.accepted) out.push_back(&c);
    return out;
}

std::string ValidationReport::format_text(bool with_warnings) const {
    std::ostringstream out;
    out << "data (" << format << "): " << clips.size() << " clips, " << accepted_count()
        << " accepted, " << rejected_count() << " rejected\n";
    std::map<std::string, int64_t> per_bucket;
    for (const auto& c : clips)
        if (c.accepted) ++per_bucket[c.bucket.key()];
    for (const auto& [key, n] : per_bucket)
        out << "  bucket " << key << ": " << n << "\n";
    for (const auto& [reason, n] : rejections_by_reason())
        out << "  rejected for " << to_string(reason) << ": " << n << "\n";
    for (const auto& c : clips) {
        if (!c.accepted) {
            out << "REJECTED " << (c.id.empty() ? "(no id)" : c.id);
            if (!c.origin.empty()) out << " (" << c.origin << ")";
            out << ":";
            for (std::size_t i = 0; i < c.problems.size(); ++i)
                out << (i ? ";" : "") << " " << to_string(c.problems[i].reason) << ": "
                    << c.problems[i].message;
            out << "\n";
        }
        if (with_warnings)
            for (const auto& w : c.warnings)
                out << "warning " << c.id << ": " << w << "\n";
    }
    return out.str();
}

namespace {

void reject(ClipVerdict& v, RejectReason reason, const std::string& message) {
    v.problems.push_back({reason, message});
}

// Probes `path`; returns false (with a problem recorded) when it is missing or unreadable.
bool probe_file(ClipVerdict& v, const fs::path& path, const char* what, media::MediaInfo& info) {
    if (!fs::exists(path)) {
        reject(v, RejectReason::missing_file,
               std::string(what) + " " + path.string() + " does not exist");
        return false;
    }
    try {
        info = media::probe(media::InputSource(path));
        return true;
    } catch (const std::exception& e) {
        reject(v, RejectReason::unreadable, e.what());
        return false;
    }
}

double stream_duration(const media::MediaInfo& info, const media::StreamInfo* s) {
    if (s && s->duration_s > 0.0) return s->duration_s;
    return info.duration_s;
}

void check_speech(ClipVerdict& v) {
    const ClipRecord& r = v.record;
    std::string caption = r.caption;
    if (r.tts && caption.find(text::kSpeechOpen) == std::string::npos)
        caption = text::wrap_as_speech(caption);
    std::vector<text::SpeechSpan> spans;
    try {
        std::vector<text::PromptWarning> warnings;
        spans = text::parse_speech_spans(caption, text::SpanValidation::Strict, &warnings);
        for (const auto& w : warnings)
            v.warnings.push_back(w.message);
    } catch (const text::PromptError& e) {
        reject(v, RejectReason::unbalanced_markers, e.what());
        return;
    }
    if (!r.speech.empty() && r.speech.size() != spans.size()) {
        reject(v, RejectReason::speech_count_mismatch,
               std::to_string(r.speech.size()) + " speech entries for " +
                   std::to_string(spans.size()) + " <S>…<E> spans");
        return;
    }
    if (r.speech.empty() && !spans.empty() && !r.tts)
        v.warnings.push_back(std::to_string(spans.size()) +
                             " speech span(s) without timing or voice: no speaker embedding");
    for (std::size_t k = 0; k < r.speech.size(); ++k) {
        const SpeechSegment& s = r.speech[k];
        const std::string span = "span " + std::to_string(k + 1);
        if (!s.voice.empty()) {
            if (!fs::exists(s.voice)) {
                reject(v, RejectReason::voice_missing,
                       span + ": voice file " + s.voice.string() + " does not exist");
                continue;
            }
        } else if (s.start_s >= 0.0 || s.end_s >= 0.0) {
            if (!s.has_time()) {
                std::ostringstream m;
                m << span << ": start " << s.start_s << " s is not before end " << s.end_s << " s";
                reject(v, RejectReason::bad_speech_time, m.str());
            }
        } else if (!r.tts) {
            v.warnings.push_back(span + ": no voice file and no start/end: no speaker embedding");
        }
    }
}

void check_media(ClipVerdict& v) {
    ClipRecord& r = v.record;
    media::MediaInfo info;
    if (r.task != ClipTask::audio) {
        if (!probe_file(v, r.video, "video", info)) return;
        const media::StreamInfo* video = info.best_video();
        if (!video || info.is_image) {
            reject(v, RejectReason::no_video_stream, r.video.string() + " holds no video");
            return;
        }
        v.media.width = video->width;
        v.media.height = video->height;
        v.media.fps = video->fps.value();
        v.media.duration_s = stream_duration(info, video);
        if (r.audio_source == ClipAudio::from_video)
            v.media.has_audio = info.best_audio() != nullptr;
    }
    if (r.audio_source == ClipAudio::separate) {
        media::MediaInfo audio_info;
        if (!probe_file(v, r.audio, "audio", audio_info)) return;
        const media::StreamInfo* audio = audio_info.best_audio();
        if (!audio) {
            reject(v, RejectReason::no_audio_stream, r.audio.string() + " holds no sound");
            return;
        }
        v.media.has_audio = true;
        if (r.task == ClipTask::audio) v.media.duration_s = stream_duration(audio_info, audio);
    }
    if (r.task == ClipTask::audio_video && !v.media.has_audio) {
        v.warnings.push_back("no sound: trained as a video-only sample (audio loss masked)");
        r.task = ClipTask::video;
    }
    if (!r.first_frame.empty()) {
        if (!fs::exists(r.first_frame)) {
            reject(v, RejectReason::first_frame_missing,
                   r.first_frame.string() + " does not exist");
        } else {
            try {
                (void)media::probe(media::InputSource(r.first_frame));
            } catch (const std::exception& e) {
                reject(v, RejectReason::first_frame_missing, e.what());
            }
        }
    }
    for (std::size_t k = 0; k < r.speech.size(); ++k) {
        const auto& s = r.speech[k];
        if (s.voice.empty() || !fs::exists(s.voice)) continue;
        try {
            const auto voice = media::probe(media::InputSource(s.voice));
            if (!voice.best_audio())
                reject(v, RejectReason::voice_missing, s.voice.string() + " holds no sound");
        } catch (const std::exception& e) {
            reject(v, RejectReason::voice_missing, e.what());
        }
    }
    const double declared = r.duration_s;
    if (declared > 0.0 && v.media.duration_s > 0.0 && std::abs(declared - v.media.duration_s) > 0.5)
        v.warnings.push_back("declared duration " + std::to_string(declared) +
                             " s, the file holds " + std::to_string(v.media.duration_s) + " s");
}

}  // namespace

ValidationReport validate_clips(const ClipSet& clips, const ValidationOptions& options) {
    options.buckets.validate();
    ValidationReport report;
    report.format = clips.format;
    report.sources = clips.sources;
    for (const auto& issue : clips.issues) {
        ClipVerdict v;
        v.id = issue.id;
        v.origin = issue.origin;
        reject(v, RejectReason::malformed_record, issue.message);
        report.clips.push_back(std::move(v));
    }
    std::set<std::string> seen;
    for (const auto& record : clips.clips) {
        ClipVerdict v;
        v.id = record.id;
        v.origin = record.origin;
        v.record = record;
        if (!seen.insert(record.id).second)
            reject(v, RejectReason::duplicate_id, "another clip is called '" + record.id + "'");
        std::string caption = record.caption;
        if (caption.find_first_not_of(" \t\r\n") == std::string::npos)
            reject(v, RejectReason::no_caption, "the caption is empty");
        else
            check_speech(v);
        if (options.probe_media) {
            check_media(v);
        } else {
            v.media.width = record.width;
            v.media.height = record.height;
            v.media.fps = record.fps;
            v.media.duration_s = record.duration_s;
            v.media.has_audio = record.audio_source != ClipAudio::none;
        }
        if (v.problems.empty() && v.record.task != ClipTask::audio &&
            (v.media.width <= 0 || v.media.height <= 0)) {
            reject(v, RejectReason::unreadable, "picture size unknown");
        }
        if (v.problems.empty()) {
            std::string why;
            const auto bucket = choose_bucket(v.record.task, v.media.width, v.media.height,
                                              v.media.duration_s, options.buckets, &why);
            if (bucket) {
                v.bucket = *bucket;
            } else {
                const bool too_long = why.find("more than") != std::string::npos ||
                                      why.find("longer than") != std::string::npos;
                reject(v, too_long ? RejectReason::too_long : RejectReason::too_short, why);
            }
        }
        v.accepted = v.problems.empty();
        report.clips.push_back(std::move(v));
    }
    return report;
}

}  // namespace nava::train
