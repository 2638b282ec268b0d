// Writing a file so that readers only ever see it complete: data goes to a temporary file in the
// same folder, which replaces the target once closed.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace nava::media {

// Calls `write` with a binary stream; throws MediaError (and leaves no file behind) when the
// callback throws or the write fails.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write);

// The temporary name used for `path` while it is being written.
std::filesystem::path temporary_path_for(const std::filesystem::path& path);

}  // namespace nava::media
