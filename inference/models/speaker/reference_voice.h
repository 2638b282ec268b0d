// Reference voices: how the NAVA pipeline turns an attached audio clip into a speaker embedding.
// As the reference (`LocalAudioVAEAdapter.encode` with `use_spk_emb`): decode the file, resample
// every channel to 16 kHz (torchaudio-compatible sinc), average the channels to mono, keep the
// first 30 s (no padding of short clips), run the encoder. The result is not L2-normalised.
// On top of the reference, a user gets warnings for clips shorter than 1 s or longer than 30 s
// and a clear error for silent or unreadable clips.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

#include "inference/core/error.h"
#include "media/buffers.h"

namespace nava::speaker {

class SpeakerEncoder;

// A clip that cannot give an embedding (silent, empty, too short, non-finite samples).
class ReferenceVoiceError : public Error {
public:
    using Error::Error;
};

enum class VoiceWarningKind {
    kShortClip,  // shorter than ReferenceVoiceOptions::short_clip_s: the embedding is less reliable
    kTruncated,  // longer than max_duration_s: only the beginning was used
};

struct VoiceWarning {
    VoiceWarningKind kind = VoiceWarningKind::kShortClip;
    std::string message;
};

struct ReferenceVoiceOptions {
    double max_duration_s = 30.0;  // the reference keeps the first 30 s
    double short_clip_s = 1.0;     // below this a warning is added
    double silence_peak = 1e-4;    // peak |sample| at or below this (-80 dBFS) counts as silence
};

// The result handed to the rest of the application: plain data, no tensors.
struct VoiceEmbedding {
    std::vector<float> embedding;  // [embed_dim], the raw model output
    std::vector<VoiceWarning> warnings;
    double duration_s = 0.0;       // length of the clip as given
    double used_duration_s = 0.0;  // length the encoder saw (at most max_duration_s)
    int source_sample_rate_hz = 0;
    int source_channels = 0;
};

// The waveform the encoder sees, with the same warnings and durations.
struct PreparedVoice {
    at::Tensor wave;  // [1, N] float32, mono, at the encoder's sample rate
    std::vector<VoiceWarning> warnings;
    double duration_s = 0.0;
    double used_duration_s = 0.0;
    int source_sample_rate_hz = 0;
    int source_channels = 0;
};

// Resample, downmix, cut and check `audio`. `label` names the clip in messages. Throws
// ReferenceVoiceError for empty, non-finite, too short (< min_samples after resampling) or
// silent audio.
PreparedVoice prepare_reference_audio(const media::AudioBuffer& audio, int64_t target_rate_hz,
                                      int64_t min_samples, const ReferenceVoiceOptions& options,
                                      const std::string& label);

VoiceEmbedding embed_reference_audio(const SpeakerEncoder& encoder, const media::AudioBuffer& audio,
                                     const ReferenceVoiceOptions& options = {},
                                     const std::string& label = "reference audio");

// Reads a WAV file (PCM 8/16/24/32-bit or float, any channel count and rate) and embeds it.
// An unreadable or malformed file throws nava::IoError naming the file.
VoiceEmbedding embed_reference_voice(const SpeakerEncoder& encoder,
                                     const std::filesystem::path& wav_path,
                                     const ReferenceVoiceOptions& options = {});

}  // namespace nava::speaker
