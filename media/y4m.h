// YUV4MPEG2 (.y4m) video: the picture output when the build has no FFmpeg. Every player based
// on FFmpeg or GStreamer opens it.
#pragma once

#include <filesystem>

#include "media/buffers.h"

namespace nava::media {

// Writes the frames as 8-bit 4:2:0 (BT.601, limited range). Throws MediaError.
void write_y4m(const std::filesystem::path& path, const VideoBuffer& video);

// Reads a 4:2:0 or 4:4:4 8-bit .y4m file back to RGB (used by tests and the fallback importer).
VideoBuffer read_y4m(const std::filesystem::path& path);

}  // namespace nava::media
