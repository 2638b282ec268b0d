// Process-wide engine settings applied once at start-up.
#pragma once

#include <string>

namespace nava {

struct RuntimeInfo {
    int intra_op_threads = 1;
    std::string torch_version;
    bool cuda = false;
    int cuda_devices = 0;
    std::string blas;              // which BLAS library float32 matmul resolves to, when known
    bool cpu_native_bf16 = false;  // else bf16 products are computed in float32 (torch_compat.h)
};

// Sets torch's intra-op thread count (Debian's LibTorch defaults to 1). `threads` <= 0 means:
// NAVA_NUM_THREADS if set, else OMP_NUM_THREADS if set, else every hardware thread.
RuntimeInfo init_runtime(int threads = 0);

RuntimeInfo runtime_info();

}  // namespace nava
