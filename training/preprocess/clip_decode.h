// Decoding one accepted clip into the encoders' inputs, at its bucket: frames scaled to cover
// the bucket size and centre-cropped at the training frame rate (padded with the last frame when
// short), sound at 16 kHz (resampled like torchaudio) zero-padded to the aligned length, and the
// waveform of every speech span: its reference voice file, or the clip's own sound cut at the
// span's start/end.
#pragma once

#include <vector>

#include <ATen/core/Tensor.h>

#include "training/data/validation.h"

namespace nava::train {

struct DecodedClip {
    at::Tensor video;        // [3, F, H, W] float32 in [-1, 1] (undefined for audio-only clips)
    at::Tensor audio;        // [channels, N] float32 at 16 kHz, padded to the aligned length
    at::Tensor first_frame;  // [3, 1, H, W] float32 in [-1, 1], or undefined
    // Per speech span: mono [N] at 16 kHz, or undefined when the span has no voice source.
    std::vector<at::Tensor> voices;
    std::vector<std::string> warnings;
};

// Throws media / IO errors naming the file.
DecodedClip decode_clip(const ClipVerdict& clip, const BucketOptions& options);

// Frames (packed RGB) -> [3, F, H, W] in [-1, 1], padded with the last frame to `frames`.
at::Tensor frames_to_tensor(const std::vector<uint8_t>& rgb, int64_t width, int64_t height,
                            int64_t frames);

}  // namespace nava::train
