#include "inference/models/t5/t5_parity.h"

#include <regex>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/models/t5/t5_encoder.h"

namespace nava::t5 {
namespace {

bool wants(const parity::Fixture& fx, const std::string& key) {
    for (const auto& spec : fx.outputs())
        if (spec.key == key) return true;
    return false;
}

}  // namespace

T5Config fixture_t5_config(const parity::Fixture& fx) {
    const io::SafetensorsFile& weights = fx.file("weights");
    const std::string manifest_label = (fx.dir() / "manifest.json").string();
    nlohmann::json json;
    std::string label;
    for (const auto& [role, file] : fx.files()) {
        const auto meta = file->metadata();
        auto it = meta.find("config");
        if (it == meta.end()) continue;
        label = file->description() + " metadata 'config'";
        json = io::parse_json_text(it->second, label);
        break;
    }
    if (json.is_null() && fx.manifest().contains("config")) {
        const auto& c = fx.manifest()["config"];
        label = manifest_label + " 'config'";
        json = c.is_string() ? io::parse_json_text(c.get<std::string>(), label) : c;
    }
    if (json.is_null() && std::filesystem::exists(fx.path("config.json"))) {
        label = fx.path("config.json").string();
        json = fx.json_file("config.json");
    }
    if (json.is_null()) return infer_t5_config(weights);
    // Sizes come from the weights so a config that omits one cannot silently disagree with
    // them; the checkpoint cannot tell max_dist, eps or the bucket direction.
    const T5Config declared = T5Config::from_json(json, label);
    return infer_t5_config(weights, declared);
}

parity::Outputs run_t5_parity(const parity::Fixture& fx) {
    const T5Config config = fixture_t5_config(fx);
    const io::SafetensorsFile& weights = fx.file("weights");
    const at::Tensor ids = fx.input("ids");    // [B, L]
    const at::Tensor mask = fx.input("mask");  // [B, L]
    // [B]; the mask's row sums when the fixture does not list them.
    const auto listed = fx.find("seq_lens");
    const at::Tensor seq_lens = listed ? *listed : mask.ne(0).sum(1);

    // 1. Float32 forward with every intermediate.
    const auto model = load_t5_encoder(weights, config, at::kFloat);
    T5Trace trace;
    const at::Tensor hidden = model->forward(ids, mask, &trace);  // [B, L, dim]
    parity::Outputs out;
    out["embed_out"] = trace.embed;
    for (std::size_t i = 0; i < trace.layers.size(); ++i)
        out["layer" + std::to_string(i) + "_out"] = trace.layers[i];
    out["final_out"] = hidden;
    // 2. What the DiT receives: trimmed to the real length, zero-padded back to the id length.
    out["context_padded"] = pad_contexts(trim_contexts(hidden, seq_lens), ids.size(1));

    // 3. Optional diagnostics, computed only when the manifest asks for them.
    if (wants(fx, "final_out_bf16")) {
        const auto bf16 = load_t5_encoder(weights, config, at::kBFloat16);
        out["final_out_bf16"] = bf16->forward(ids, mask);
    }
    if (wants(fx, "relpos_bucket")) {
        const at::Tensor rel = fx.input("relpos_values").to(at::kLong);
        out["relpos_bucket"] =
            relative_position_bucket(rel, config.buckets, config.max_dist, config.bidirectional);
    }
    const std::regex bias_key("pos_bias_layer([0-9]+)_row([0-9]+)");
    for (const auto& spec : fx.outputs()) {
        std::smatch m;
        if (!std::regex_match(spec.key, m, bias_key)) continue;
        const int64_t layer = std::stoll(m[1].str()), row = std::stoll(m[2].str());
        if (layer >= config.layers || row >= ids.size(1))
            throw FormatError(fx.dir().string() + ": output '" + spec.key +
                              "' names a layer or row the model does not have");
        const int64_t length = ids.size(1);
        out[spec.key] = model->position_bias(layer, length, length).select(1, row);  // [H, L]
    }
    return out;
}

}  // namespace nava::t5
