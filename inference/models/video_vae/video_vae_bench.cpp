#include "inference/models/video_vae/video_vae_bench.h"

#include <malloc.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/version.h>

#include "nava/build_config.h"
#if NAVA_HAVE_CUDA && TORCH_VERSION_MAJOR >= 2
#define NAVA_WITH_CUDA 1
#include <c10/cuda/CUDACachingAllocator.h>
#else
#define NAVA_WITH_CUDA 0
#endif

#include "inference/core/benchmark.h"
#include "inference/core/error.h"
#include "inference/io/tensor_source.h"
#include "inference/models/common/layers.h"
#include "inference/models/video_vae/video_vae.h"

namespace nava::video_vae {
namespace {

// A field of /proc/self/status in bytes ("VmHWM:   1234 kB"), -1 when unavailable.
int64_t proc_status_bytes(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) != 0) continue;
        std::istringstream s(line.substr(field.size() + 1));
        int64_t kb = 0;
        s >> kb;
        return kb * 1024;
    }
    return -1;
}

void reset_cpu_peak() {
    // Hand freed heap memory back first, so that a phase reusing it still shows in the RSS.
    malloc_trim(0);
    // "5" resets VmHWM to the current RSS (Linux >= 4.0).
    std::ofstream("/proc/self/clear_refs") << "5";
}

// conv weights ~ N(0, 1/fan_in), biases ~ N(0, 0.05^2), norm gammas ~ 1 + N(0, 0.2^2).
void randomise(Module& module) {
    c10::InferenceMode guard;
    for (auto& item : module.named_parameters()) {
        const std::string& name = item.key();
        at::Tensor& p = item.value();
        if (name.size() >= 5 && name.compare(name.size() - 5, 5, "gamma") == 0) {
            p.normal_(1.0, 0.2);
        } else if (p.dim() == 1) {
            p.normal_(0.0, 0.05);
        } else {
            p.normal_(0.0, 1.0 / std::sqrt(static_cast<double>(p.numel() / p.size(0))));
        }
    }
}

std::shared_ptr<VideoVae> make_model(const VideoVaeBenchOptions& o) {
    LoadVideoVaeOptions load;
    load.dtype = o.dtype;
    load.device = o.device;
    if (o.model != "tiny" && o.model != "wan22") return load_video_vae(o.model, load);
    VideoVaeConfig c = VideoVaeConfig::wan22();
    if (o.model == "tiny") {
        c.dim = 8;
        c.dec_dim = 12;
    }
    auto vae = std::make_shared<VideoVae>(c);
    randomise(*vae);
    vae->to(o.dtype);
    vae->to(o.device);
    return vae;
}

std::string mib(int64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
    return buf;
}

}  // namespace

PeakMemoryProbe::PeakMemoryProbe(c10::Device device) : device_(device) {}

void PeakMemoryProbe::reset() {
#if NAVA_WITH_CUDA
    if (device_.is_cuda()) {
        const auto index = device_.has_index() ? device_.index() : 0;
        c10::cuda::CUDACachingAllocator::resetPeakStats(index);
        start_ = c10::cuda::CUDACachingAllocator::getDeviceStats(index).allocated_bytes[0].current;
        return;
    }
#endif
    reset_cpu_peak();
    start_ = proc_status_bytes("VmRSS");
}

int64_t PeakMemoryProbe::peak_above_start() const {
#if NAVA_WITH_CUDA
    if (device_.is_cuda()) {
        const auto index = device_.has_index() ? device_.index() : 0;
        return c10::cuda::CUDACachingAllocator::getDeviceStats(index).allocated_bytes[0].peak -
               start_;
    }
#endif
    return proc_status_bytes("VmHWM") - start_;
}

VideoVaeBenchResult run_video_vae_bench(const VideoVaeBenchOptions& o, std::ostream& log) {
    auto vae = make_model(o);
    const auto& c = vae->config();
    const int64_t f = c.spatial_factor();
    if (o.height % f != 0 || o.width % f != 0 || (o.frames - 1) % 4 != 0)
        throw ConfigError("bench vae: the video must be 1+4k frames of multiples of " +
                          std::to_string(f) + " pixels");
    const int64_t lt = c.encoded_frames(o.frames), lh = o.height / f, lw = o.width / f;
    const LatentScale scale = c.z_dim == 48 ? wan22_latent_scale()
                                            : LatentScale{std::vector<float>(c.z_dim, 0.f),
                                                          std::vector<float>(c.z_dim, 1.f)};
    VideoVaeBenchResult r;
    r.parameters = nn::parameter_count(*vae);
    r.estimated_decode_bytes = estimate_decode_memory(c, 1, lt, lh, lw, o.dtype, true).total_bytes;
    r.estimated_tiled_bytes =
        estimate_tiled_decode_memory(c, 1, lt, lh, lw, o.dtype, o.tiles, o.device.type());
    r.tiles = static_cast<int64_t>(plan_tiles(lh, lw, o.tiles).size());

    log << "video VAE (" << o.model << ", " << r.parameters << " parameters, "
        << bench::dtype_short_name(o.dtype) << ", " << o.device.str() << ", "
        << at::get_num_threads() << " threads): video " << o.frames << "x" << o.height << "x"
        << o.width << " <-> latent " << lt << "x" << lh << "x" << lw << "\n";

    const int warmup = o.repeat > 1 ? 1 : 0;
    PeakMemoryProbe probe(o.device);
    auto phase = [&](const char* name, const std::function<void()>& fn, PhaseResult& out) {
        probe.reset();
        const auto t = bench::time_ms(fn, warmup, o.repeat, o.device);
        out.median_ms = t.median_ms;
        out.min_ms = t.min_ms;
        out.peak_bytes = probe.peak_above_start();
        char line[160];
        std::snprintf(line, sizeof line, "  %-14s %10.1f ms (min %.1f)   peak +%s\n", name,
                      out.median_ms, out.min_ms, mib(out.peak_bytes).c_str());
        log << line;
    };

    const auto opts = at::TensorOptions().dtype(at::kFloat).device(o.device);
    // Pack the weights and create the kernels once outside the measured phases.
    vae->decode(at::randn({1, c.z_dim, 2, 1, 1}, opts), scale);
    if (o.encode) vae->encode(at::zeros({1, 3, 5, f, f}, opts), scale);
    const at::Tensor latent = at::randn({1, c.z_dim, lt, lh, lw}, opts);
    if (o.encode) {
        const at::Tensor video = at::rand({1, 3, o.frames, o.height, o.width}, opts) * 2 - 1;
        phase(
            "encode", [&] { vae->encode(video, scale); }, r.encode);
    }
    if (o.untiled)
        phase(
            "decode", [&] { vae->decode(latent, scale); }, r.decode);
    if (o.tiled) {
        const std::string name = "tiled x" + std::to_string(r.tiles);
        phase(
            name.c_str(), [&] { tiled_decode(*vae, latent, scale, o.tiles); }, r.tiled_decode);
    }
    log << "  estimate: untiled decode " << mib(r.estimated_decode_bytes) << ", tiled "
        << mib(r.estimated_tiled_bytes) << " (tile " << o.tiles.size_h << "x" << o.tiles.size_w
        << ", stride " << o.tiles.stride_h << "x" << o.tiles.stride_w << ")\n";
    return r;
}

}  // namespace nava::video_vae
