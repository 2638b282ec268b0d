#include "inference/core/runtime.h"

#include <dlfcn.h>
#include <link.h>
#include <malloc.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include <ATen/Parallel.h>

#include "inference/core/torch_compat.h"

namespace nava {
namespace {

int env_threads(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return 0;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return (end && *end == '\0' && n > 0 && n < 4096) ? static_cast<int>(n) : 0;
}

// float32 matmul goes through whatever libblas.so.3 resolves to (Debian's alternatives system);
// report the real file so a user can see whether the reference BLAS is in use.
int find_blas(struct dl_phdr_info* info, size_t, void* data) {
    auto* out = static_cast<std::string*>(data);
    const std::string name = info->dlpi_name ? info->dlpi_name : "";
    if (name.find("libblas.so") == std::string::npos && name.find("libmkl_rt") == std::string::npos)
        return 0;
    std::error_code ec;
    const auto real = std::filesystem::canonical(name, ec);
    *out = ec ? name : real.string();
    return 1;
}

}  // namespace

RuntimeInfo init_runtime(int threads) {
    // Inference allocates and frees the same large activation buffers at every layer. glibc
    // serves blocks above 128 KiB with fresh mmap()s and returns freed heap memory eagerly,
    // which turns each reuse into page faults (measured: half the CPU time of the speaker
    // encoder). Keep blocks up to 64 MiB in the heap and trim it lazily.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    if (threads <= 0) threads = env_threads("NAVA_NUM_THREADS");
    if (threads <= 0) threads = env_threads("OMP_NUM_THREADS");
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(threads);
    return runtime_info();
}

RuntimeInfo runtime_info() {
    RuntimeInfo info;
    info.intra_op_threads = at::get_num_threads();
    info.torch_version = torch_version_string();
    info.cuda_devices = cuda_device_count();
    info.cuda = info.cuda_devices > 0;
    dl_iterate_phdr(find_blas, &info.blas);
    if (info.blas.empty()) info.blas = "unknown";
    info.cpu_native_bf16 = cpu_native_bf16();
    return info;
}

}  // namespace nava
