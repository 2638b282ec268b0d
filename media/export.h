// Writing finished clips: MP4 (H.264 + AAC, the recipe in the metadata), WAV (sound alone) and
// PNG (one picture). Every writer is atomic: readers see the complete file or nothing, and a
// failed or cancelled export leaves no file behind.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "media/buffers.h"
#include "media/input_source.h"
#include "media/media_error.h"

namespace nava::media {

// Thrown when an export was cancelled (by ExportOptions::cancel or the progress callback).
class ExportCancelled : public MediaError {
public:
    using MediaError::MediaError;
};

// Where the recipe lives in an MP4/MOV (see export_mp4): the custom key, and the standard tag
// that also carries it so that it survives remuxing with tools that drop custom keys.
inline constexpr const char* kRecipeTag = "nava_recipe";
inline constexpr const char* kRecipeFallbackTag = "comment";

struct ExportOptions {
    int crf = 18;                      // libx264 constant rate factor (0 = lossless .. 51)
    std::string preset = "medium";     // libx264 speed/size trade-off ("ultrafast" .. "veryslow")
    int audio_sample_rate_hz = 48000;  // AAC rate: 48000 (default), 44100 or 16000
    int audio_bitrate_bps = 0;         // 0 = 96 kbit/s per channel
    std::string recipe_json;           // generation recipe stored in the file ("" = none)
    std::map<std::string, std::string> metadata;  // extra container tags (title, artist, ...)
    // Cancellation: checked between frames. Either flag set or progress returning false stops
    // the export with ExportCancelled.
    const std::atomic<bool>* cancel = nullptr;
    std::function<bool(double fraction_done)> progress;
};

// Stream description for the incremental writer.
struct Mp4StreamSpec {
    int width = 0;  // 0 = no video stream
    int height = 0;
    Rational fps{24, 1};
    int audio_sample_rate_hz = 0;  // rate of the samples passed in; 0 = no audio stream
    int audio_channels = 0;
};

// Incremental MP4 writer (frames and samples can come in any interleaving; the muxer orders
// them). The file appears at `path` only when finish() succeeds; destroying an unfinished writer
// removes everything it wrote.
class Mp4Writer {
public:
    Mp4Writer(const std::filesystem::path& path, const Mp4StreamSpec& spec,
              const ExportOptions& options = {});
    ~Mp4Writer();
    Mp4Writer(const Mp4Writer&) = delete;
    Mp4Writer& operator=(const Mp4Writer&) = delete;

    void write_video_frame(const uint8_t* rgb);  // width x height x 3 bytes
    void write_audio(const float* interleaved, int64_t frames);
    void finish();  // flushes the encoders, writes the index (at the front), moves into place
    void abort();   // discards everything (also what the destructor does when unfinished)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One call: picture (nullptr or empty = none) and sound (nullptr or empty = none) into an MP4 at
// `path`. The recipe (options.recipe_json) is stored under the tag `nava_recipe` and, unless the
// caller sets its own `comment`, also as the standard `comment` tag. Audio longer than the
// picture is kept. Throws MediaError (ExportCancelled when cancelled).
void export_mp4(const std::filesystem::path& path, const VideoBuffer* video,
                const AudioBuffer* audio, const ExportOptions& options = {});

// The recipe stored by export_mp4 (`nava_recipe`, else a `comment` that is a JSON object with a
// "nava_recipe" key); nullopt when the file has none. Throws MediaError for unreadable files.
std::optional<std::string> read_recipe(const InputSource& input);

// The sound alone as 16-bit WAV, converted to `sample_rate_hz` first when > 0 and different.
void export_wav(const std::filesystem::path& path, const AudioBuffer& audio,
                int sample_rate_hz = 0);

// One frame as an 8-bit RGB PNG (compressed with FFmpeg's encoder when available, stored
// uncompressed otherwise).
void write_png(const std::filesystem::path& path, int width, int height, const uint8_t* rgb);
void export_png(const std::filesystem::path& path, const VideoBuffer& video,
                int64_t frame_index = 0);

}  // namespace nava::media
