// Tokenizer output as the tensors the text encoder takes.
#pragma once

#include <ATen/core/Tensor.h>

#include <vector>

#include "inference/text/tokenizer.h"

namespace nava::text {

struct TokenTensors {
    at::Tensor ids;             // [B, L] int64
    at::Tensor attention_mask;  // [B, L] int64, 1 = real token
    at::Tensor seq_lens;        // [B] int64, mask sums
};

// Stacks encodings of one length (padded to max_length) into CPU tensors. Throws nava::Error
// when the encodings differ in length (encode with pad_to_max_length).
TokenTensors to_token_tensors(const std::vector<Encoding>& encodings);

}  // namespace nava::text
