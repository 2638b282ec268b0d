// Training clips for the autoencoders: the records of a `nava synth` folder (manifest.jsonl)
// decoded into tensors, plus the reconstruction metric.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>

namespace nava::media {
struct VideoBuffer;
}

namespace nava::autoencoders {

struct ClipFiles {
    std::string id;
    std::filesystem::path video;  // absolute
    std::filesystem::path audio;  // absolute (may be empty)
};

// The clips listed by `<dir>/manifest.jsonl` (or that file itself), paths resolved against the
// folder. Throws nava::IoError / ConfigError naming the file and line.
std::vector<ClipFiles> read_clip_manifest(const std::filesystem::path& dir_or_manifest);

struct VideoClipOptions {
    int width = 64;
    int height = 64;
    int64_t frames = 9;  // 1 + 4k for the video VAE
    int fps = 24;
};

// Packed RGB frames -> [3, T, H, W] float32 in [-1, 1]: the first `frames` frames, the last one
// repeated when the buffer is shorter.
at::Tensor frames_to_tensor(const media::VideoBuffer& video, int64_t frames);
// Decodes one clip (scaled / cropped to the requested size, constant frame rate).
at::Tensor load_video_clip(const std::filesystem::path& path, const VideoClipOptions& options);
// The sound as [channels, N] float32 at `sample_rate_hz` (FFmpeg's channel mixing: a mono file
// asked for as stereo comes back 3 dB down in each channel); `channels` 0 keeps the file's.
at::Tensor load_audio_clip(const std::filesystem::path& path, int sample_rate_hz, int channels);
// The same, with the channels adapted the way the engine conditions sound before its audio VAE
// (audio_vae::adapt_channels: mono repeated at full level, more channels folded to stereo): what
// the audio codec must be trained on to encode the DiT's training clips the way it learnt.
at::Tensor load_audio_clip_as_engine(const std::filesystem::path& path, int sample_rate_hz,
                                     int channels);

// Peak signal-to-noise ratio in dB of `x` against `reference`, both in [-1, 1] (peak-to-peak 2).
double psnr_db(const at::Tensor& x, const at::Tensor& reference);

}  // namespace nava::autoencoders
