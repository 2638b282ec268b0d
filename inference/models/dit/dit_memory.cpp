#include "inference/models/dit/dit_memory.h"

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/scaled_f8_source.h"
#include "inference/io/tensor_source.h"
#include "inference/models/common/layers.h"
#include "inference/models/dit/dit_model.h"

namespace nava::dit {
namespace {

bool in_blocks(const std::string& name) {
    return name.rfind("double_blocks.", 0) == 0 || name.rfind("single_blocks.", 0) == 0;
}

std::vector<std::pair<std::string, std::shared_ptr<nn::Linear>>> block_linears(DitModel& model) {
    std::vector<std::pair<std::string, std::shared_ptr<nn::Linear>>> out;
    for (const auto& item : model.named_modules("", /*include_self=*/false)) {
        if (!in_blocks(item.key())) continue;
        if (auto linear = std::dynamic_pointer_cast<nn::Linear>(item.value()))
            out.emplace_back(item.key(), linear);
    }
    return out;
}

}  // namespace

std::vector<std::string> block_linear_names(DitModel& model) {
    std::vector<std::string> names;
    for (const auto& [name, linear] : block_linears(model))
        names.push_back(name);
    return names;
}

at::Tensor e4m3_code_table() {
    return io::decode_f8(at::arange(256, at::TensorOptions().dtype(at::kInt)).to(at::kByte),
                         io::DType::F8_E4M3);
}

Fp8StoreReport store_block_linears_fp8(DitModel& model, const io::TensorSource* fp8_source,
                                       const std::string& prefix,
                                       const std::function<bool(const std::string&)>& include) {
    at::NoGradGuard no_grad;
    Fp8StoreReport report;
    const at::Tensor table = e4m3_code_table();
    std::unique_ptr<io::ScaledF8Source> scaled;
    if (fp8_source) scaled = std::make_unique<io::ScaledF8Source>(*fp8_source);
    for (const auto& [name, linear] : block_linears(model)) {
        if (linear->compact() || (include && !include(name))) continue;
        report.bytes_before += linear->weight.numel() * linear->weight.element_size();
        at::Tensor codes, scale;
        const std::string key = prefix + name + ".weight";
        if (scaled) {
            const auto info = fp8_source->info(key);
            const std::string scale_key = scaled->scale_of(key);
            if (info && info->dtype == io::DType::F8_E4M3 && !scale_key.empty() &&
                scale_key.find("scale_inv") == std::string::npos) {
                codes = fp8_source->tensor(key).to(at::kByte);
                scale = fp8_source->tensor_as(scale_key, at::kFloat).reshape({-1});
                ++report.adopted;
            }
        }
        if (!codes.defined()) {
            auto q = io::quantize_f8_e4m3_rows(linear->weight.to(at::kFloat).cpu());
            codes = q.first;
            scale = q.second;
        }
        linear->store_compact(codes, scale, table);
        report.bytes_after += linear->weight_codes.numel() + linear->weight_scale.numel() * 4;
        ++report.linears;
    }
    return report;
}

// ---------------------------------------------------------------------------------------------
// BlockStreamer
// ---------------------------------------------------------------------------------------------

BlockStreamer::BlockStreamer(DitModel& model, c10::Device compute_device, bool prefetch)
    : model_(model), device_(compute_device), prefetch_(prefetch) {
    at::NoGradGuard no_grad;
    const int64_t n = model.num_blocks();
    blocks_.resize(n);
    resident_.assign(n, false);
    for (int64_t b = 0; b < n; ++b) {
        nn::Module& block = model.block(b);
        std::vector<at::Tensor> tensors;
        for (const auto& p : block.parameters(true))
            tensors.push_back(p);
        for (const auto& t : block.buffers(true))
            tensors.push_back(t);
        for (at::Tensor& t : tensors) {
            if (t.numel() == 0) continue;  // released float weights of compact Linears
            Slot slot;
            slot.module_tensor = t;
            // A private host copy: pinned when the compute device is a GPU (asynchronous copies).
            slot.host = t.to(at::kCPU, /*non_blocking=*/false, /*copy=*/true);
            if (device_.is_cuda()) slot.host = slot.host.pin_memory();
            host_bytes_ += slot.host.numel() * slot.host.element_size();
            t.set_(at::empty({0}, t.options()));
            blocks_[b].push_back(std::move(slot));
        }
    }
    DitModel::BlockHooks hooks;
    hooks.before = [this](int64_t b) {
        make_resident(b);
        if (prefetch_ && b + 1 < static_cast<int64_t>(blocks_.size())) stage(b + 1);
    };
    hooks.after = [this](int64_t b) { release(b); };
    model_.set_block_hooks(std::move(hooks));
}

BlockStreamer::~BlockStreamer() {
    model_.set_block_hooks({});
    at::NoGradGuard no_grad;
    for (int64_t b = 0; b < static_cast<int64_t>(blocks_.size()); ++b) {
        if (resident_[b]) continue;
        for (Slot& s : blocks_[b])
            s.module_tensor.set_(s.host.to(device_));
    }
}

void BlockStreamer::stage(int64_t b) {
    if (resident_[b]) return;
    for (Slot& s : blocks_[b]) {
        if (s.staged.defined()) continue;
        // Asynchronous on a GPU (pinned source); on the CPU the device copy is the host tensor.
        s.staged = s.host.to(device_, /*non_blocking=*/true);
        ++copies_;
    }
}

void BlockStreamer::make_resident(int64_t b) {
    if (resident_[b]) return;
    at::NoGradGuard no_grad;
    stage(b);
    for (Slot& s : blocks_[b]) {
        s.module_tensor.set_(s.staged);
        s.staged = at::Tensor();
    }
    resident_[b] = true;
    max_resident_ = std::max(max_resident_, ++resident_count_);
}

void BlockStreamer::release(int64_t b) {
    if (!resident_[b]) return;
    at::NoGradGuard no_grad;
    for (Slot& s : blocks_[b])
        s.module_tensor.set_(at::empty({0}, s.module_tensor.options()));
    resident_[b] = false;
    --resident_count_;
}

}  // namespace nava::dit
