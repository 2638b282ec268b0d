// RIFF/WAVE files: the audio-only export and the fallback when FFmpeg is absent.
#pragma once

#include <filesystem>

#include "media/buffers.h"

namespace nava::media {

enum class WavSampleFormat {
    kPcm16,
    kFloat32,
};

// Writes `audio` (values clamped to [-1, 1] for PCM). Throws MediaError.
void write_wav(const std::filesystem::path& path, const AudioBuffer& audio,
               WavSampleFormat format = WavSampleFormat::kPcm16);

// Reads PCM 8/16/24/32-bit and IEEE float 32/64-bit files, plain or WAVE_FORMAT_EXTENSIBLE.
// Throws MediaError naming the file for anything malformed or unsupported.
AudioBuffer read_wav(const std::filesystem::path& path);

}  // namespace nava::media
