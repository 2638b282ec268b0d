#include "training/preprocess/clip_decode.h"

#include <ATen/ATen.h>

#include "inference/audio/resample.h"
#include "inference/core/error.h"
#include "media/audio_reader.h"
#include "media/video_reader.h"

namespace nava::train {

namespace {

// Interleaved samples -> [channels, N] float32 at `rate_hz` (torchaudio-compatible resampling).
at::Tensor read_sound(const std::filesystem::path& path, int64_t rate_hz) {
    const media::AudioBuffer buffer = media::read_audio(media::InputSource(path));
    if (buffer.frames() == 0 || buffer.channels <= 0)
        throw IoError(path.string() + ": no audio samples");
    const at::Tensor interleaved =
        at::from_blob(const_cast<float*>(buffer.samples.data()),
                      {buffer.frames(), static_cast<int64_t>(buffer.channels)}, at::kFloat);
    // A copy, not contiguous(): for mono the transpose is already contiguous and would still
    // alias `buffer`, which dies on return (resampling at the same rate returns its input).
    const at::Tensor wave = interleaved.t().clone(at::MemoryFormat::Contiguous);  // [C, N]
    return audio::resample(wave, buffer.sample_rate_hz, rate_hz);
}

at::Tensor mono(const at::Tensor& wave) {
    return wave.mean(0).contiguous();
}

}  // namespace

at::Tensor frames_to_tensor(const std::vector<uint8_t>& rgb, int64_t width, int64_t height,
                            int64_t frames) {
    const int64_t per_frame = width * height * 3;
    const int64_t have = per_frame > 0 ? static_cast<int64_t>(rgb.size()) / per_frame : 0;
    if (have == 0) throw Error("no frames decoded");
    const int64_t used = std::min(have, frames);
    at::Tensor t =
        at::from_blob(const_cast<uint8_t*>(rgb.data()), {used, height, width, 3}, at::kByte)
            .permute({3, 0, 1, 2})  // [3, F, H, W]
            .to(at::kFloat)
            .div_(127.5)
            .sub_(1.0);
    if (used < frames) {
        // Short clips repeat their last frame (as the reference's frame sampling does).
        const at::Tensor last = t.narrow(1, used - 1, 1).expand({3, frames - used, height, width});
        t = at::cat({t, last}, 1);
    }
    return t.contiguous();
}

DecodedClip decode_clip(const ClipVerdict& clip, const BucketOptions& options) {
    const ClipRecord& r = clip.record;
    const ClipBucket& b = clip.bucket;
    const int64_t rate = options.audio_sample_rate_hz;
    DecodedClip out;

    // 1. Picture at the bucket size and the training frame rate.
    if (r.task != ClipTask::audio) {
        media::VideoDecodeOptions vo;
        vo.width = b.width;
        vo.height = b.height;
        const auto fps_num = static_cast<int>(std::lround(options.fps * 1000.0));
        vo.fps = media::Rational{fps_num, 1000};
        vo.policy = media::ScalePolicy::cover_crop;
        const media::VideoBuffer v =
            media::read_video(media::InputSource(r.video), vo, nullptr, b.frames);
        if (v.frame_count() < b.frames)
            out.warnings.push_back(std::to_string(v.frame_count()) + " frames decoded, " +
                                   std::to_string(b.frames) + " needed: last frame repeated");
        out.video = frames_to_tensor(v.rgb, v.width, v.height, b.frames);
        if (!r.first_frame.empty()) {
            const media::VideoFrame f =
                media::read_first_frame(media::InputSource(r.first_frame), vo);
            out.first_frame = frames_to_tensor(f.rgb, f.width, f.height, 1);
        }
    }

    // 2. Sound at 16 kHz: the whole clip (speaker cuts need all of it), padded to the aligned
    //    length; the encoder's output is cut to the bucket's token count afterwards.
    at::Tensor sound;
    const bool audible = r.audio_source == ClipAudio::separate ||
                         (r.audio_source == ClipAudio::from_video && clip.media.has_audio);
    if (audible) {
        sound = read_sound(r.audio_source == ClipAudio::separate ? r.audio : r.video, rate);
        const auto target =
            static_cast<int64_t>(static_cast<double>(b.audio_length) * static_cast<double>(rate) /
                                 options.audio_tokens_per_s);
        out.audio = sound;
        if (r.task == ClipTask::audio && sound.size(1) > target)
            out.audio = sound.narrow(1, 0, target).contiguous();  // audio-only: cut to the bucket
        if (out.audio.size(1) < target)
            out.audio = at::constant_pad_nd(out.audio, {0, target - out.audio.size(1)}, 0.0);
        if (r.task == ClipTask::video) out.audio = at::Tensor();  // silent by request
    }

    // 3. One waveform per speech span.
    out.voices.resize(r.speech.size());
    for (std::size_t k = 0; k < r.speech.size(); ++k) {
        const SpeechSegment& s = r.speech[k];
        if (!s.voice.empty()) {
            out.voices[k] = mono(read_sound(s.voice, rate));
        } else if (s.has_time() && sound.defined()) {
            const auto begin = static_cast<int64_t>(s.start_s * static_cast<double>(rate));
            const auto end = std::min<int64_t>(
                sound.size(1), static_cast<int64_t>(s.end_s * static_cast<double>(rate)));
            if (end > begin)
                out.voices[k] = mono(sound.narrow(1, begin, end - begin));
            else
                out.warnings.push_back("span " + std::to_string(k + 1) +
                                       " lies outside the sound: no speaker embedding");
        }
    }
    // Text-to-speech clips: the transcript as a whole is spoken by the whole clip's voice.
    if (r.tts && r.speech.empty() && sound.defined()) out.voices.push_back(mono(sound));
    return out;
}

}  // namespace nava::train
