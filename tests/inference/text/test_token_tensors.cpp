// Tokenizer output stacked into the text encoder's input tensors.
#include <gtest/gtest.h>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/text/token_tensors.h"

namespace {

using namespace nava::text;

Encoding make(std::vector<int64_t> body, int64_t max_length) {
    Encoding e;
    e.ids = std::move(body);
    e.length = static_cast<int64_t>(e.ids.size());
    e.untruncated_length = e.length;
    e.attention_mask.assign(e.ids.size(), 1);
    e.ids.resize(static_cast<std::size_t>(max_length), 0);
    e.attention_mask.resize(static_cast<std::size_t>(max_length), 0);
    return e;
}

TEST(TokenTensors, StacksIdsMasksAndLengths) {
    const TokenTensors t = to_token_tensors({make({5, 7, 1}, 6), make({9, 1}, 6)});
    ASSERT_EQ(t.ids.sizes(), (at::IntArrayRef{2, 6}));
    EXPECT_EQ(t.ids.scalar_type(), at::kLong);
    EXPECT_TRUE(
        at::equal(t.ids, at::tensor({5, 7, 1, 0, 0, 0, 9, 1, 0, 0, 0, 0}, at::kLong).view({2, 6})));
    EXPECT_TRUE(at::equal(t.attention_mask.sum(1), t.seq_lens));
    EXPECT_TRUE(at::equal(t.seq_lens, at::tensor({3, 2}, at::kLong)));
}

TEST(TokenTensors, RejectsRaggedOrEmptyBatches) {
    EXPECT_THROW(to_token_tensors({make({5, 1}, 4), make({5, 1}, 5)}), nava::Error);
    EXPECT_THROW(to_token_tensors({}), nava::Error);
}

}  // namespace
