// Per-modality tensors handed between the sampling loop, its solvers and the model callback.
#pragma once

#include <ATen/core/Tensor.h>

namespace nava::sampling {

enum class Modality { video, audio };

const char* to_string(Modality modality);

// One tensor per modality. An undefined tensor means the modality is absent (text-to-audio has
// no video). Layouts are the pipeline's flat channels-last ones: video [T*H*W, C] with row
// (t*H + h)*W + w, audio [L, C]; the sampler itself only requires matching shapes.
struct Latents {
    at::Tensor video;
    at::Tensor audio;

    bool has(Modality m) const { return (*this)[m].defined(); }
    at::Tensor& operator[](Modality m) { return m == Modality::video ? video : audio; }
    const at::Tensor& operator[](Modality m) const { return m == Modality::video ? video : audio; }
};

inline constexpr Modality kModalities[] = {Modality::video, Modality::audio};

}  // namespace nava::sampling
