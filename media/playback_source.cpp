#include "media/playback_source.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>

#include "media/audio_reader.h"
#include "media/media_error.h"

namespace nava::media {
namespace {

class FileSource final : public PlaybackSource {
public:
    FileSource(const InputSource& input, int rate, int channels, const VideoDecodeOptions& video)
        : label_(input.label()) {
        const MediaInfo info = probe(input);
        duration_s_ = info.duration_s;
        if (info.best_audio_index < 0 && info.best_video_index < 0)
            throw MediaError(label_ + ": nothing to play (no audio or video stream)");
        if (info.best_audio_index >= 0) {
            AudioDecodeOptions a;
            a.sample_rate_hz = rate;
            a.channels = channels > 0 ? channels : std::min(2, info.best_audio()->channels);
            audio_.emplace(input, a);
        }
        if (info.best_video_index >= 0) {
            VideoDecodeOptions v = video;
            v.fps = {0, 1};
            video_.emplace(input, v);
            const double fps = video_->fps().value();
            frame_s_ = fps > 0 ? 1.0 / fps : 1.0 / 24.0;
        }
    }

    bool has_audio() const override { return audio_.has_value(); }
    bool has_video() const override { return video_.has_value(); }
    int sample_rate_hz() const override { return audio_ ? audio_->sample_rate_hz() : 48000; }
    int channels() const override { return audio_ ? audio_->channels() : 2; }
    double frame_duration_s() const override { return frame_s_; }
    double duration_s() const override { return duration_s_; }

    void seek(double time_s) override {
        if (audio_) audio_->seek(time_s);
        if (video_) video_->seek(time_s);
    }
    int64_t read_audio(float* out, int64_t max_frames) override {
        if (!audio_ || !audio_->read(chunk_, max_frames)) return 0;
        std::copy(chunk_.samples.begin(), chunk_.samples.end(), out);
        return chunk_.frames();
    }
    bool read_video(VideoFrame& frame) override { return video_ && video_->read(frame); }

private:
    std::string label_;
    std::optional<AudioReader> audio_;
    std::optional<VideoReader> video_;
    AudioChunk chunk_;
    double frame_s_ = 1.0 / 24.0;
    double duration_s_ = 0.0;
};

class MemorySource final : public PlaybackSource {
public:
    MemorySource(std::shared_ptr<const VideoBuffer> video, std::shared_ptr<const AudioBuffer> audio,
                 int rate, int channels)
        : video_(std::move(video)), audio_(std::move(audio)) {
        if (video_ && video_->frame_count() == 0) video_.reset();
        if (audio_ && audio_->frames() == 0) audio_.reset();
        if (!video_ && !audio_) throw MediaError("nothing to play (empty clip)");
        if (video_ && video_->fps.value() <= 0) throw MediaError("clip has no frame rate");
        if (audio_ && ((rate > 0 && rate != audio_->sample_rate_hz) ||
                       (channels > 0 && channels != audio_->channels)))
            audio_ = std::make_shared<const AudioBuffer>(resample_audio(*audio_, rate, channels));
    }

    bool has_audio() const override { return audio_ != nullptr; }
    bool has_video() const override { return video_ != nullptr; }
    int sample_rate_hz() const override { return audio_ ? audio_->sample_rate_hz : 48000; }
    int channels() const override { return audio_ ? audio_->channels : 2; }
    double frame_duration_s() const override {
        return video_ ? 1.0 / video_->fps.value() : 1.0 / 24.0;
    }
    double duration_s() const override {
        return std::max(video_ ? video_->duration_s() : 0.0, audio_ ? audio_->duration_s() : 0.0);
    }

    void seek(double time_s) override {
        time_s = std::max(0.0, time_s);
        if (audio_)
            audio_pos_ =
                std::min<int64_t>(audio_->frames(), std::llround(time_s * audio_->sample_rate_hz));
        if (video_)
            video_pos_ = std::min<int64_t>(
                video_->frame_count(),
                static_cast<int64_t>(std::floor(time_s * video_->fps.value() + 1e-9)));
    }
    int64_t read_audio(float* out, int64_t max_frames) override {
        if (!audio_) return 0;
        const int64_t n = std::min(max_frames, audio_->frames() - audio_pos_);
        if (n <= 0) return 0;
        std::memcpy(out, audio_->samples.data() + audio_pos_ * audio_->channels,
                    static_cast<std::size_t>(n) * audio_->channels * sizeof(float));
        audio_pos_ += n;
        return n;
    }
    bool read_video(VideoFrame& frame) override {
        if (!video_ || video_pos_ >= video_->frame_count()) return false;
        const std::size_t bytes = static_cast<std::size_t>(video_->width) * video_->height * 3;
        frame.index = video_pos_;
        frame.pts_s = static_cast<double>(video_pos_) / video_->fps.value();
        frame.width = video_->width;
        frame.height = video_->height;
        frame.rgb.assign(
            video_->rgb.begin() + static_cast<std::ptrdiff_t>(video_pos_ * bytes),
            video_->rgb.begin() + static_cast<std::ptrdiff_t>((video_pos_ + 1) * bytes));
        ++video_pos_;
        return true;
    }

private:
    std::shared_ptr<const VideoBuffer> video_;
    std::shared_ptr<const AudioBuffer> audio_;
    int64_t audio_pos_ = 0;
    int64_t video_pos_ = 0;
};

}  // namespace

std::unique_ptr<PlaybackSource> open_file_source(const InputSource& input, int sample_rate_hz,
                                                 int channels, const VideoDecodeOptions& video) {
    return std::make_unique<FileSource>(input, sample_rate_hz, channels, video);
}

std::unique_ptr<PlaybackSource> open_memory_source(std::shared_ptr<const VideoBuffer> video,
                                                   std::shared_ptr<const AudioBuffer> audio,
                                                   int sample_rate_hz, int channels) {
    return std::make_unique<MemorySource>(std::move(video), std::move(audio), sample_rate_hz,
                                          channels);
}

}  // namespace nava::media
