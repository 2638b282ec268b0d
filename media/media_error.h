// Errors of the media library: unreadable, unsupported or malformed media, failed writes.
#pragma once

#include <stdexcept>
#include <string>

namespace nava::media {

class MediaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace nava::media
