// Memory-saving ways to hold the DiT's weights, both invisible to the forward pass:
//  * fp8 (E4M3) weight-only storage of the attention and FFN Linears inside the blocks — from
//    the official fp8 checkpoint as is, or quantised here per output row — expanded to the
//    compute dtype at each call;
//  * block streaming: block weights live in host memory and are made resident on the compute
//    device just before their block runs (the next block's copy issued ahead), then released.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace nava::io {
class TensorSource;
}

namespace nava::dit {

class DitModel;

// Every Linear inside the double and single blocks, by parameter-name prefix
// ("double_blocks.0.self_attn.q").
std::vector<std::string> block_linear_names(DitModel& model);

struct Fp8StoreReport {
    int64_t linears = 0;       // Linears now in compact storage
    int64_t adopted = 0;       // of those, codes taken unchanged from an fp8 checkpoint
    int64_t bytes_before = 0;  // their weights' bytes before
    int64_t bytes_after = 0;   // codes + scales
};

// Quantises every block Linear to E4M3 with one scale per output row. When `fp8_source` is
// given (an fp8 checkpoint, `prefix` before the DiT's names) and holds a weight as F8_E4M3 with
// a scale, its codes and scale are adopted unchanged instead.
// `include` (optional) selects Linears by name; the others keep their float weights.
Fp8StoreReport store_block_linears_fp8(DitModel& model,
                                       const io::TensorSource* fp8_source = nullptr,
                                       const std::string& prefix = "",
                                       const std::function<bool(const std::string&)>& include = {});

// The 256 E4M3 code values (float32).
at::Tensor e4m3_code_table();

// Streams block weights from host memory. Construction moves every block tensor (parameters and
// buffers, compact codes included) to host storage and empties the module's copies; the model's
// forward then materialises block i (waiting for its prefetch), starts block i+1's copy and
// releases block i afterwards. The destructor puts everything back (resident again).
class BlockStreamer {
public:
    BlockStreamer(DitModel& model, c10::Device compute_device, bool prefetch = true);
    ~BlockStreamer();
    BlockStreamer(const BlockStreamer&) = delete;
    BlockStreamer& operator=(const BlockStreamer&) = delete;

    int64_t max_resident_blocks() const { return max_resident_; }
    int64_t copies() const { return copies_; }
    int64_t host_bytes() const { return host_bytes_; }

private:
    struct Slot {
        at::Tensor module_tensor;  // the tensor registered in the module (re-pointed with set_)
        at::Tensor host;           // the weights between uses
        at::Tensor staged;         // prefetched device copy, when issued
    };
    void stage(int64_t block);
    void make_resident(int64_t block);
    void release(int64_t block);

    DitModel& model_;
    c10::Device device_;
    bool prefetch_;
    std::vector<std::vector<Slot>> blocks_;
    std::vector<bool> resident_;
    int64_t resident_count_ = 0;
    int64_t max_resident_ = 0;
    int64_t copies_ = 0;
    int64_t host_bytes_ = 0;
};

}  // namespace nava::dit
