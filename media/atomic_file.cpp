#include "media/atomic_file.h"

#include <unistd.h>

#include <fstream>

#include "media/media_error.h"

namespace nava::media {

std::filesystem::path temporary_path_for(const std::filesystem::path& path) {
    return path.parent_path() / ("." + path.filename().string() + ".part-" +
                                 std::to_string(static_cast<long>(::getpid())));
}

void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& write) {
    const auto tmp = temporary_path_for(path);
    std::error_code ec;
    try {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw MediaError(path.string() + ": cannot create the file");
        write(out);
        out.flush();
        if (!out) throw MediaError(path.string() + ": write failed (disk full?)");
    } catch (...) {
        std::filesystem::remove(tmp, ec);
        throw;
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw MediaError(path.string() + ": cannot move the finished file into place");
    }
}

}  // namespace nava::media
