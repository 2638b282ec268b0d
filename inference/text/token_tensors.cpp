#include "inference/text/token_tensors.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"

namespace nava::text {

TokenTensors to_token_tensors(const std::vector<Encoding>& encodings) {
    if (encodings.empty()) throw Error("to_token_tensors: no encodings");
    const int64_t batch = static_cast<int64_t>(encodings.size());
    const int64_t length = static_cast<int64_t>(encodings[0].ids.size());
    const auto options = at::TensorOptions().dtype(at::kLong);
    TokenTensors t;
    t.ids = at::empty({batch, length}, options);             // [B, L]
    t.attention_mask = at::empty({batch, length}, options);  // [B, L]
    t.seq_lens = at::empty({batch}, options);                // [B]
    auto ids = t.ids.accessor<int64_t, 2>();
    auto mask = t.attention_mask.accessor<int64_t, 2>();
    auto lens = t.seq_lens.accessor<int64_t, 1>();
    for (int64_t b = 0; b < batch; ++b) {
        const Encoding& e = encodings[static_cast<std::size_t>(b)];
        if (static_cast<int64_t>(e.ids.size()) != length ||
            static_cast<int64_t>(e.attention_mask.size()) != length)
            throw Error("to_token_tensors: encoding " + std::to_string(b) + " has " +
                        std::to_string(e.ids.size()) + " ids, encoding 0 has " +
                        std::to_string(length) + " (pad all to max_length)");
        for (int64_t i = 0; i < length; ++i) {
            ids[b][i] = e.ids[static_cast<std::size_t>(i)];
            mask[b][i] = e.attention_mask[static_cast<std::size_t>(i)];
        }
        lens[b] = e.length;
    }
    return t;
}

}  // namespace nava::text
