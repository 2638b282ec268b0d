// libFuzzer entry point for the safetensors header parser. Any input must either parse or be
// rejected with nava::FormatError; every other outcome (crash, other exception, sanitizer report,
// timeout) is a bug.
#include <cstddef>
#include <cstdint>

#include "inference/core/error.h"
#include "inference/io/safetensors_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const auto header = nava::io::parse_safetensors_header(data, size, "fuzz");
        // A header that parsed must describe ranges inside the input.
        for (const auto& t : header.tensors) {
            if (t.end > header.data_size_bytes || t.begin > t.end) __builtin_trap();
            if (header.data_offset + t.end > size) __builtin_trap();
        }
    } catch (const nava::FormatError&) {
    }
    return 0;
}
