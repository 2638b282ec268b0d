#include "training/autoencoders/clips.h"

#include <cmath>
#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/models/audio_vae/latent_layout.h"
#include "media/audio_reader.h"
#include "media/buffers.h"
#include "media/video_reader.h"

namespace nava::autoencoders {

namespace fs = std::filesystem;

std::vector<ClipFiles> read_clip_manifest(const fs::path& dir_or_manifest) {
    const fs::path manifest =
        fs::is_directory(dir_or_manifest) ? dir_or_manifest / "manifest.jsonl" : dir_or_manifest;
    std::ifstream in(manifest);
    if (!in) throw IoError("cannot read clip manifest '" + manifest.string() + "'");
    const fs::path root = manifest.parent_path();
    std::vector<ClipFiles> clips;
    std::string line;
    int64_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto j = nlohmann::json::parse(line, nullptr, false);
        const std::string where = manifest.string() + ":" + std::to_string(line_no);
        if (j.is_discarded() || !j.is_object() || !j.contains("video") || !j["video"].is_string())
            throw ConfigError(where + ": expected a JSON object with a \"video\" path");
        ClipFiles c;
        c.id = j.value("id", std::to_string(line_no));
        c.video = root / j["video"].get<std::string>();
        if (j.contains("audio") && j["audio"].is_string())
            c.audio = root / j["audio"].get<std::string>();
        clips.push_back(std::move(c));
    }
    if (clips.empty()) throw ConfigError(manifest.string() + ": no clips listed");
    return clips;
}

at::Tensor frames_to_tensor(const media::VideoBuffer& video, int64_t frames) {
    const int64_t have = video.frame_count();
    if (have < 1 || frames < 1) throw Error("video clip: no frames to convert");
    const at::Tensor all =
        at::from_blob(const_cast<uint8_t*>(video.rgb.data()), {have, video.height, video.width, 3},
                      at::kByte);  // [N, H, W, 3]
    at::Tensor index = at::arange(frames, at::kLong).clamp_max(have - 1);
    // [T, H, W, 3] bytes -> [3, T, H, W] in [-1, 1]
    return all.index_select(0, index)
        .permute({3, 0, 1, 2})
        .to(at::kFloat)
        .div(127.5)
        .sub(1.0)
        .contiguous();
}

at::Tensor load_video_clip(const fs::path& path, const VideoClipOptions& options) {
    media::VideoDecodeOptions o;
    o.width = options.width;
    o.height = options.height;
    o.fps = media::Rational{options.fps, 1};
    o.policy = media::ScalePolicy::cover_crop;
    const media::VideoBuffer video = media::read_video(path, o, nullptr, options.frames);
    return frames_to_tensor(video, options.frames);
}

at::Tensor load_audio_clip(const fs::path& path, int sample_rate_hz, int channels) {
    media::AudioDecodeOptions o;
    o.sample_rate_hz = sample_rate_hz;
    o.channels = channels;
    const media::AudioBuffer audio = media::read_audio(path, o);
    const int64_t n = audio.frames();
    if (n < 1) throw Error("audio clip '" + path.string() + "' has no samples");
    // clone(): with one channel the transpose is already contiguous, and the result must not
    // point into `audio`, which is freed on return.
    return at::from_blob(const_cast<float*>(audio.samples.data()), {n, audio.channels},
                         at::kFloat)
        .t()
        .clone(at::MemoryFormat::Contiguous);  // [C, N]
}

at::Tensor load_audio_clip_as_engine(const fs::path& path, int sample_rate_hz, int channels) {
    const at::Tensor own = load_audio_clip(path, sample_rate_hz, 0);  // [C, N]
    return audio_vae::adapt_channels(own.unsqueeze(0), channels)[0].contiguous();
}

double psnr_db(const at::Tensor& x, const at::Tensor& reference) {
    const double mse = (x.to(at::kDouble) - reference.to(at::kDouble)).pow(2).mean().item<double>();
    return 10.0 * std::log10(4.0 / std::max(mse, 1e-20));
}

}  // namespace nava::autoencoders
