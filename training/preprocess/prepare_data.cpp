#include "training/preprocess/prepare_data.h"

#include <nlohmann/json.hpp>

#include "inference/core/error.h"

namespace nava::train {

ValidationReport validate_recipe_data(const Recipe& recipe, bool probe_media) {
    if (recipe.data.source.empty())
        throw ConfigError(recipe.source.string() +
                          ": data.source is not set (a folder of clips, a .jsonl manifest or a "
                          "reference .list)");
    const ClipSet clips = load_clip_set(recipe.data.source, recipe.data.manifest);
    ValidationOptions vo;
    vo.buckets = recipe.data.buckets;
    vo.probe_media = probe_media;
    return validate_clips(clips, vo);
}

PreprocessReport preprocess_recipe_data(const Recipe& recipe, const ValidationReport& report,
                                        const PrepareOptions& options) {
    if (recipe.data.cache_dir.empty())
        throw ConfigError(recipe.source.string() + ": data.cache_dir is not set");
    PreprocessOptions po;
    po.cache_dir = recipe.data.cache_dir;
    po.buckets = recipe.data.buckets;
    po.workers = options.workers > 0 ? options.workers : recipe.data.preprocess_workers;
    po.storage_dtype = recipe.data.cache_dtype == "bf16" ? at::kBFloat16 : at::kFloat;
    po.speaker_placeholders = recipe.model.add_spk_emb;
    po.text_len = recipe.model.text_len;
    po.cancel = options.cancel;
    po.progress = options.progress;
    // Mixing weights of the sources (reference `.weight` files), for the training dataset.
    for (const auto& s : report.sources) {
        po.source_weights[s.name] = s.weight;
        po.source_tasks[s.name] = to_string(s.task);
    }
    po.describe = {{"source", recipe.data.source.string()},
                   {"format", report.format},
                   {"buckets", recipe.data.buckets.to_json()},
                   {"encoders", recipe.data.encoders.to_json()}};
    EncoderFactory factory = options.make_encoders;
    if (!factory) {
        EncoderOptions eo;
        eo.device = options.device;
        eo.dtype = options.device.is_cuda() ? at::kBFloat16 : at::kFloat;
        eo.speaker_placeholders = recipe.model.add_spk_emb;
        eo.text_len = recipe.model.text_len;
        const EncoderFiles files = recipe.data.encoders;
        factory = [files, eo]() { return load_clip_encoders(files, eo); };
    }
    return preprocess_clips(report, recipe.data.encoders, factory, po);
}

}  // namespace nava::train
