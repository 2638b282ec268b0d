// Forces a floating-point product to be rounded to its type before it is added to something.
// The reference evaluates its scalar formulas one tensor operation at a time, each rounded;
// a compiler that may contract a*b+c into one fused multiply-add (FMA-capable targets, or
// -ffp-contract=fast) would round once and drift by an ulp. Internal to inference/sampling.
#pragma once

namespace nava::sampling {

template <typename T>
inline T rounded(T value) {
    volatile T stored = value;
    return stored;
}

}  // namespace nava::sampling
