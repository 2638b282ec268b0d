// Weight-only fp8 checkpoints store some weights as float8 (E4M3 / E5M2) next to a scale tensor.
// This adapter presents such a source as ordinary weights: an fp8 weight comes back dequantised
// (bits × scale) and its scale companion is hidden from the name list.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "inference/io/tensor_source.h"

namespace nava::io {

struct Fp8Summary {
    int64_t fp8_tensors = 0;     // tensors stored as F8_E4M3 / F8_E5M2
    int64_t scaled_tensors = 0;  // of those, how many have a scale companion
    int64_t scale_tensors = 0;   // companions hidden from the listing
};

class ScaledF8Source : public TensorSource {
public:
    // `inner` must outlive this adapter.
    explicit ScaledF8Source(const TensorSource& inner);

    std::string description() const override { return inner_.description(); }
    std::vector<std::string> names() const override;
    std::optional<TensorInfo> info(const std::string& name) const override;
    // F8 tensors come back dequantised as float32; others as stored.
    at::Tensor tensor(const std::string& name) const override;
    std::map<std::string, std::string> metadata() const override { return inner_.metadata(); }

    const Fp8Summary& summary() const { return summary_; }
    // The scale tensor name of an fp8 weight, or "" when it has none.
    std::string scale_of(const std::string& name) const;

    // Candidate companion names for `weight_name` ("x.weight" -> "x.weight_scale", "x.scale",
    // "x.weight.scale", "x.scale_weight"; names containing "scale_inv" divide instead).
    static std::vector<std::string> scale_candidates(const std::string& weight_name);

private:
    const TensorSource& inner_;
    std::map<std::string, std::string> scale_of_;  // fp8 weight -> scale tensor
    std::map<std::string, bool> inverse_;          // scale tensor is a reciprocal
    std::map<std::string, bool> hidden_;           // scale tensors
    Fp8Summary summary_;
};

// Quantises a float tensor to E4M3 bits with one scale per output row (dim 0): returns the
// uint8 bit tensor and the float32 scale [rows] so that bits × scale ≈ value.
std::pair<at::Tensor, at::Tensor> quantize_f8_e4m3_rows(const at::Tensor& weight);

}  // namespace nava::io
