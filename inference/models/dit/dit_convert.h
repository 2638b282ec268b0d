// `nava convert --fp8`: a DiT checkpoint rewritten with its block Linears as E4M3 codes plus one
// float32 scale per output row (`<name>.weight` F8_E4M3 + `<name>.weight_scale`), every other
// tensor and the metadata unchanged — the layout the fp8 memory profile adopts as is.
#pragma once

#include <cstdint>
#include <filesystem>

namespace nava::dit {

struct Fp8ConvertReport {
    int64_t quantized = 0;       // Linear weights written as fp8
    int64_t copied = 0;          // other tensors, unchanged
    int64_t bytes_in = 0;        // of the quantised weights, as stored in the input
    int64_t bytes_out = 0;       // their codes + scales
    double max_rel_error = 0.0;  // max over weights of max|w - q| / max|w|
};

// The architecture comes from the file's `dit_config` metadata, else a `config.json` beside it,
// else NAVA-6B's. Works on safetensors and .pth; the key prefix (e.g. `backbone.`) is kept.
Fp8ConvertReport convert_dit_to_fp8(const std::filesystem::path& input,
                                    const std::filesystem::path& output);

}  // namespace nava::dit
