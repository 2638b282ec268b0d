#include "inference/models/dit/dit_convert.h"

#include <set>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/scaled_f8_source.h"
#include "inference/io/tensor_source.h"
#include "inference/models/common/layers.h"
#include "inference/models/dit/dit_config.h"
#include "inference/models/dit/dit_memory.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"

namespace nava::dit {

namespace fs = std::filesystem;

Fp8ConvertReport convert_dit_to_fp8(const fs::path& input, const fs::path& output) {
    if (fs::exists(output) && fs::equivalent(input, output))
        throw Error("convert: the output must be a different file than the input");
    const auto source = io::open_tensor_source(input);

    // 1. Architecture: metadata, a config.json beside the file, or NAVA-6B.
    DitConfig config = nava_6b_config();
    const auto metadata = source->metadata();
    if (auto it = metadata.find("dit_config"); it != metadata.end()) {
        config =
            dit_config_from_json(nlohmann::json::parse(it->second), input.string() + " metadata");
    } else if (fs::exists(input.parent_path() / "config.json")) {
        config = dit_config_from_file(input.parent_path() / "config.json");
    }

    // 2. Which keys are block Linear weights (a shape-only model lists them).
    const std::string prefix = detect_dit_prefix(*source);
    std::set<std::string> linear_keys;
    {
        nn::MetaParameterScope meta;
        DitModel shapes(config);
        for (const auto& name : block_linear_names(shapes))
            linear_keys.insert(prefix + name + ".weight");
    }

    // 3. Quantise those, copy the rest.
    Fp8ConvertReport report;
    std::vector<io::NamedTensor> tensors;
    for (const auto& name : source->names()) {
        if (!linear_keys.count(name)) {
            tensors.push_back({name, source->tensor(name), std::nullopt});
            ++report.copied;
            continue;
        }
        const auto info = source->info(name);
        if (info && (info->dtype == io::DType::F8_E4M3 || info->dtype == io::DType::F8_E5M2))
            throw Error(input.string() + ": " + name + " is already stored as fp8");
        const at::Tensor w = source->tensor_as(name, at::kFloat);
        auto [codes, scale] = io::quantize_f8_e4m3_rows(w);
        const at::Tensor back = e4m3_code_table()
                                    .index_select(0, codes.reshape({-1}).to(at::kInt))
                                    .view(codes.sizes()) *
                                scale.unsqueeze(1);
        const double peak = w.abs().max().item<double>();
        if (peak > 0)
            report.max_rel_error =
                std::max(report.max_rel_error, (w - back).abs().max().item<double>() / peak);
        report.bytes_in += info ? static_cast<int64_t>(info->size_bytes) : w.numel() * 2;
        report.bytes_out += codes.numel() + scale.numel() * 4;
        tensors.push_back({name, codes, io::DType::F8_E4M3});
        tensors.push_back({name + "_scale", scale, std::nullopt});
        ++report.quantized;
    }
    if (report.quantized == 0)
        throw Error(input.string() + ": no DiT block Linear weights found (is this a NAVA DiT?)");
    std::map<std::string, std::string> out_meta = metadata;
    out_meta["nava_fp8"] = "e4m3 weight-only, one float32 scale per output row (weight_scale)";
    io::save_safetensors(output, tensors, out_meta);
    return report;
}

}  // namespace nava::dit
