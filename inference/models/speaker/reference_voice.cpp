#include "inference/models/speaker/reference_voice.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <ATen/ATen.h>

#include "inference/audio/resample.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "media/media_error.h"
#include "media/wav.h"

namespace nava::speaker {
namespace {

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

// Extra input kept beyond the cut before resampling: the sinc kernel reaches a few dozen input
// samples past each output sample, far less than half a second at any audio rate, so the first
// max_duration_s of output are exactly those of resampling the whole clip.
constexpr double kResampleMarginS = 0.5;

}  // namespace

PreparedVoice prepare_reference_audio(const media::AudioBuffer& audio, int64_t target_rate_hz,
                                      int64_t min_samples, const ReferenceVoiceOptions& options,
                                      const std::string& label) {
    if (audio.channels <= 0 || audio.sample_rate_hz <= 0)
        throw ReferenceVoiceError(label + ": no audio (no channels or no sample rate)");
    const int64_t frames = audio.frames();
    if (frames == 0) throw ReferenceVoiceError(label + ": the clip is empty");

    PreparedVoice out;
    out.source_sample_rate_hz = audio.sample_rate_hz;
    out.source_channels = audio.channels;
    out.duration_s = static_cast<double>(frames) / audio.sample_rate_hz;

    // 1. interleaved samples -> [C, N], keeping only what the cut can reach
    const auto keep = std::min<int64_t>(
        frames, static_cast<int64_t>(
                    std::ceil((options.max_duration_s + kResampleMarginS) * audio.sample_rate_hz)));
    const at::Tensor interleaved =
        at::from_blob(const_cast<float*>(audio.samples.data()), {keep, audio.channels}, at::kFloat);
    at::Tensor wave =
        interleaved.t().contiguous();  // [C, N] (a copy: the buffer stays the caller's)
    if (!at::isfinite(wave).all().item<bool>())
        throw ReferenceVoiceError(label + ": the clip contains non-finite samples (NaN or inf)");

    // 2. resample every channel (the reference resamples before downmixing), then average
    wave = audio::resample(wave, audio.sample_rate_hz, target_rate_hz);  // [C, M]
    wave = wave.mean(0, /*keepdim=*/true);                               // [1, M]

    // 3. keep the first max_duration_s, no padding
    const auto max_samples = static_cast<int64_t>(
        std::llround(options.max_duration_s * static_cast<double>(target_rate_hz)));
    const int64_t used = std::min<int64_t>(wave.size(1), max_samples);
    wave = wave.narrow(1, 0, used).contiguous();
    out.used_duration_s = static_cast<double>(used) / static_cast<double>(target_rate_hz);

    // 4. checks
    if (used < min_samples)
        throw ReferenceVoiceError(
            label + ": the clip is too short to embed (" + seconds(out.duration_s) + "; at least " +
            seconds(static_cast<double>(min_samples) / target_rate_hz) + " are needed)");
    const double peak = wave.abs().max().item<double>();
    if (peak <= options.silence_peak) {
        char level[32];
        std::snprintf(
            level, sizeof level, "%.0f dBFS",
            peak > 0 ? 20.0 * std::log10(peak) : -std::numeric_limits<double>::infinity());
        throw ReferenceVoiceError(label + ": the clip is silent (peak level " + level +
                                  "); attach a recording of the speaker's voice");
    }
    if (out.duration_s < options.short_clip_s)
        out.warnings.push_back({VoiceWarningKind::kShortClip,
                                label + ": the clip is only " + seconds(out.duration_s) +
                                    " long; voices shorter than " + seconds(options.short_clip_s) +
                                    " give a less reliable speaker embedding"});
    if (out.duration_s > options.max_duration_s)
        out.warnings.push_back(
            {VoiceWarningKind::kTruncated, label + ": the clip is " + seconds(out.duration_s) +
                                               " long; only the first " +
                                               seconds(options.max_duration_s) + " are used"});
    out.wave = wave;
    return out;
}

VoiceEmbedding embed_reference_audio(const SpeakerEncoder& encoder, const media::AudioBuffer& audio,
                                     const ReferenceVoiceOptions& options,
                                     const std::string& label) {
    PreparedVoice prepared = prepare_reference_audio(audio, encoder.sample_rate_hz(),
                                                     encoder.min_samples(), options, label);
    const at::Tensor emb = encoder.embed(prepared.wave).reshape({-1}).contiguous().cpu();
    VoiceEmbedding out;
    out.embedding.assign(emb.data_ptr<float>(), emb.data_ptr<float>() + emb.numel());
    out.warnings = std::move(prepared.warnings);
    out.duration_s = prepared.duration_s;
    out.used_duration_s = prepared.used_duration_s;
    out.source_sample_rate_hz = prepared.source_sample_rate_hz;
    out.source_channels = prepared.source_channels;
    return out;
}

VoiceEmbedding embed_reference_voice(const SpeakerEncoder& encoder,
                                     const std::filesystem::path& wav_path,
                                     const ReferenceVoiceOptions& options) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(wav_path, ec))
        throw IoError("reference voice " + wav_path.string() + ": no such file");
    media::AudioBuffer audio;
    try {
        audio = media::read_wav(wav_path);
    } catch (const media::MediaError& e) {
        // The media library's message already names the file.
        throw IoError(std::string("reference voice unreadable: ") + e.what());
    }
    return embed_reference_audio(encoder, audio, options, wav_path.string());
}

}  // namespace nava::speaker
