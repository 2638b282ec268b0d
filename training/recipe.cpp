#include "training/recipe.h"

#include <cstdint>

#include "inference/core/error.h"
#include "inference/io/json_config.h"

namespace nava::train {

double Recipe::learning_rate(int64_t step) const {
    const double lr = trainer.optimizer.lr;
    if (warmup_steps > 0 && step < warmup_steps)
        return lr * static_cast<double>(step + 1) / static_cast<double>(warmup_steps);
    return lr;
}

std::vector<std::string> recipe_stages(const nlohmann::json& json) {
    std::vector<std::string> names;
    if (!json.is_object() || !json.contains("stages")) return names;
    const auto& stages = json.at("stages");
    if (stages.is_object()) {
        // nlohmann orders object keys alphabetically; prefer arrays when order matters.
        for (const auto& [name, v] : stages.items())
            names.push_back(name);
    } else if (stages.is_array()) {
        for (const auto& v : stages) {
            if (!v.is_object() || !v.contains("name") || !v.at("name").is_string())
                throw ConfigError("recipe: every entry of \"stages\" needs a \"name\"");
            names.push_back(v.at("name").get<std::string>());
        }
    } else {
        throw ConfigError("recipe: \"stages\" must be a list or an object");
    }
    return names;
}

nlohmann::json stage_recipe_json(const nlohmann::json& json, const std::string& stage) {
    nlohmann::json out = json;
    out.erase("stages");
    if (stage.empty()) return out;
    nlohmann::json overrides = nlohmann::json::object();
    bool found = false;
    if (json.contains("stages")) {
        const auto& stages = json.at("stages");
        if (stages.is_object() && stages.contains(stage)) {
            overrides = stages.at(stage);
            found = true;
        } else if (stages.is_array()) {
            for (const auto& v : stages)
                if (v.value("name", std::string()) == stage) {
                    overrides = v;
                    found = true;
                }
        }
    }
    if (!found && json.contains("stages")) {
        std::string known;
        for (const auto& n : recipe_stages(json))
            known += (known.empty() ? "" : ", ") + n;
        throw ConfigError("recipe: no stage '" + stage + "' (stages: " + known + ")");
    }
    overrides.erase("name");
    const bool own_output = overrides.contains("output_dir");
    for (const auto& [key, value] : overrides.items()) {
        if (value.is_object() && out.contains(key) && out.at(key).is_object()) {
            for (const auto& [k2, v2] : value.items())
                out[key][k2] = v2;
        } else {
            out[key] = value;
        }
    }
    // Stages of one recipe must not share checkpoints.
    if (found && !own_output)
        out["output_dir"] =
            json.value("output_dir", "runs/" + json.value("name", std::string("run"))) + "/" +
            stage;
    out["stage"] = stage;
    return out;
}

Recipe Recipe::from_json(const nlohmann::json& input, const std::filesystem::path& source,
                         const std::string& stage_name) {
    std::string stage = stage_name;
    const auto stages = recipe_stages(input);
    if (stage.empty() && !stages.empty())
        stage = input.value("stage", std::string()).empty() ? stages.front()
                                                            : input.value("stage", std::string());
    const nlohmann::json json = stage_recipe_json(input, stage);
    const std::string label = (source.empty() ? std::string("recipe") : source.string()) +
                              (stage.empty() ? "" : " (stage " + stage + ")");
    io::ConfigReader r(json, label);
    Recipe rc;
    rc.source = source;
    rc.stage = json.value("stage", std::string());
    const auto base = source.empty() ? std::filesystem::path(".") : source.parent_path();
    auto resolve = [&](const std::string& p) -> std::filesystem::path {
        if (p.empty()) return {};
        const std::filesystem::path path(p);
        return path.is_absolute() ? path : base / path;
    };
    rc.name = r.get_string("name", rc.name);
    const auto model = r.child("model");
    rc.model = dit::dit_config_from_json(model.child("config").json(), label + ".model.config");
    rc.init_weights = resolve(model.get_string("weights", ""));
    rc.init_seed = static_cast<uint64_t>(model.get_int("init_seed", 0));
    const std::string weights_mode = model.get_string("weights_mode", "strict");
    if (weights_mode != "strict" && weights_mode != "matching")
        throw ConfigError(label + ".model.weights_mode must be 'strict' or 'matching', not '" +
                          weights_mode + "'");
    rc.init_matching = weights_mode == "matching";
    if (r.has("init_from_stage")) {
        // The named stage's merged export (its output_dir as this recipe resolves it).
        const auto from = stage_recipe_json(input, r.get_string("init_from_stage"));
        const std::string dir =
            from.value("output_dir", "runs/" + from.value("name", std::string("run")));
        rc.init_weights = resolve(dir) / "model.safetensors";
        rc.init_matching = false;  // a stage continues its own model: every tensor
    }
    if (rc.init_matching && rc.init_weights.empty())
        throw ConfigError(label + ".model.weights_mode 'matching' needs model.weights");

    const auto data = r.child("data");
    // Clip descriptions ("manifest" is the studio's name for them) imply training from the
    // cache they are encoded into.
    const std::string described =
        data.has("source") ? data.get_string("source") : data.get_string("manifest", "");
    rc.data.kind = data.get_string("kind", described.empty() ? rc.data.kind : "cache");
    if (rc.data.kind != "synthetic" && rc.data.kind != "cache")
        throw ConfigError(label + ": data.kind must be 'synthetic' or 'cache'");
    rc.data.cache_dir = resolve(data.get_string("cache_dir", ""));
    rc.data.samples = data.get_int("samples", rc.data.samples);
    rc.data.video_frames = data.get_int("video_frames", rc.data.video_frames);
    rc.data.video_height = data.get_int("video_height", rc.data.video_height);
    rc.data.video_width = data.get_int("video_width", rc.data.video_width);
    rc.data.audio_length = data.get_int("audio_length", rc.data.audio_length);
    rc.data.text_length = data.get_int("text_length", rc.data.text_length);
    rc.data.speakers = data.get_int("speakers", rc.data.speakers);
    rc.data.with_video = data.get_bool("video", rc.data.with_video);
    rc.data.with_audio = data.get_bool("audio", rc.data.with_audio);
    rc.data.video_frames_min = data.get_int("video_frames_min", rc.data.video_frames_min);
    rc.data.source = resolve(described);
    rc.data.manifest.weights_file = resolve(data.get_string("weights_file", ""));
    if (data.has("path_map"))
        for (const auto& [from, to] : data.json().at("path_map").items())
            rc.data.manifest.path_map.emplace_back(from, to.get<std::string>());
    if (data.has("task"))
        rc.data.manifest.reference_task = clip_task_from_string(data.get_string("task"));
    rc.data.manifest.reference_source =
        data.get_string("source_name", rc.data.manifest.reference_source);
    if (data.has("encoders"))
        rc.data.encoders = EncoderFiles::from_json(data.json().at("encoders"), base);
    if (data.has("buckets"))
        rc.data.buckets =
            BucketOptions::from_json(data.json().at("buckets"), label + ".data.buckets");
    rc.data.preprocess_workers =
        static_cast<int>(data.get_int("preprocess_workers", rc.data.preprocess_workers));
    rc.data.cache_dtype = data.get_string("cache_dtype", rc.data.cache_dtype);
    if (rc.data.cache_dtype != "f32" && rc.data.cache_dtype != "bf16")
        throw ConfigError(label + ": data.cache_dtype must be 'f32' or 'bf16'");
    if (data.has("task_weights"))
        for (const auto& [task, w] : data.json().at("task_weights").items())
            rc.data.task_weights[to_string(clip_task_from_string(task))] = w.get<double>();
    if (data.has("source_weights"))
        for (const auto& [src, w] : data.json().at("source_weights").items())
            rc.data.source_weights[src] = w.get<double>();
    if (data.has("batching"))
        rc.data.batching =
            BatchingSpec::from_json(data.json().at("batching"), label + ".data.batching");
    if (data.has("prefetch")) {
        const auto pf = data.child("prefetch");
        rc.data.prefetch_threads =
            static_cast<int>(pf.get_int("threads", rc.data.prefetch_threads));
        rc.data.prefetch_steps = pf.get_int("steps", rc.data.prefetch_steps);
    }
    if (rc.data.prefetch_threads < 0 || rc.data.prefetch_steps < 0)
        throw ConfigError(label + ": data.prefetch threads and steps must be >= 0");

    rc.batch_per_rank = r.get_int("batch_per_rank", rc.batch_per_rank);
    rc.accumulation = r.get_int("accumulation", rc.accumulation);
    rc.steps = r.get_int("steps", rc.steps);
    rc.warmup_steps = r.get_int("warmup_steps", rc.warmup_steps);
    if (rc.batch_per_rank < 1 || rc.accumulation < 1 || rc.steps < 0)
        throw ConfigError(label + ": batch_per_rank and accumulation must be >= 1, steps >= 0");

    if (r.has("objective")) {
        const auto o = r.child("objective");
        auto& ob = rc.trainer.objective;
        ob.flow.shift = o.get_double("shift", ob.flow.shift);
        ob.flow.loss_reweight = o.get_bool("loss_reweight", ob.flow.loss_reweight);
        ob.audio_loss_weight = o.get_double("audio_loss_weight", ob.audio_loss_weight);
        ob.caption_dropout = o.get_double("caption_dropout", ob.caption_dropout);
        ob.speaker_dropout = o.get_double("speaker_dropout", ob.speaker_dropout);
        ob.modality_mask_prob = o.get_double("modality_mask_prob", ob.modality_mask_prob);
        ob.first_frame_prob = o.get_double("first_frame_prob", ob.first_frame_prob);
        ob.seed = static_cast<uint64_t>(o.get_int("seed", 0));
    }
    if (r.has("optimizer")) {
        const auto o = r.child("optimizer");
        auto& op = rc.trainer.optimizer;
        op.lr = o.get_double("lr", op.lr);
        op.weight_decay = o.get_double("weight_decay", op.weight_decay);
        op.eps = o.get_double("eps", op.eps);
        if (o.has("betas")) {
            const auto b = o.get_double_list("betas");
            if (b.size() != 2) throw ConfigError(label + ": optimizer.betas needs two values");
            op.beta1 = b[0];
            op.beta2 = b[1];
        }
        rc.trainer.grad_clip = o.get_double("grad_clip", rc.trainer.grad_clip);
    }
    rc.trainer.ema_decay = r.get_double("ema_decay", rc.trainer.ema_decay);
    // Which parts train, and LoRA ("finetune": {"method": "lora" | "full"} as the studio writes
    // it; "lora": {...} for the adapter's settings).
    auto names = [&](const std::string& key) {
        std::vector<std::string> out;
        if (!r.has(key)) return out;
        const auto& v = json.at(key);
        if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
        if (!v.is_array()) throw ConfigError(label + ": " + key + " must be a list of patterns");
        for (const auto& e : v) {
            if (!e.is_string())
                throw ConfigError(label + ": " + key + " must be a list of patterns");
            out.push_back(e.get<std::string>());
        }
        return out;
    };
    rc.trainer.trainable = names("trainable");
    rc.trainer.frozen = names("frozen");
    for (auto& p : rc.trainer.trainable)
        if (p == "all") p = "*";
    std::string method = "full";
    if (r.has("finetune")) method = r.child("finetune").get_string("method", method);
    if (method != "full" && method != "lora")
        throw ConfigError(label + ": finetune.method must be 'full' or 'lora'");
    if (r.has("lora")) {
        rc.trainer.lora = LoraOptions::from_json(json.at("lora"), label + ".lora");
        if (!r.has("finetune") && rc.trainer.lora.rank > 0) method = "lora";
    }
    if (method == "lora" && rc.trainer.lora.rank == 0) {
        rc.trainer.lora.rank = 16;  // the studio's "LoRA" without settings
        rc.trainer.lora.alpha = 16;
    }
    if (method == "full") rc.trainer.lora.rank = 0;
    rc.precision = r.get_string("precision", rc.precision);
    if (rc.precision != "f32" && rc.precision != "bf16")
        throw ConfigError(label + ": precision must be 'f32' or 'bf16'");
    rc.trainer.compute_dtype = rc.precision == "bf16" ? at::kBFloat16 : at::kFloat;
    rc.output_dir = resolve(r.get_string("output_dir", "runs/" + rc.name));
    rc.checkpoint_every = r.get_int("checkpoint_every", rc.checkpoint_every);
    rc.keep_last = r.get_int("keep_last", rc.keep_last);
    rc.log_every = r.get_int("log_every", rc.log_every);
    if (r.has("validation")) {
        const auto v = r.child("validation");
        auto& vs = rc.validation;
        vs.every = v.get_int("every", vs.every);
        vs.package = resolve(v.get_string("package", ""));
        if (v.has("prompts")) vs.prompts = v.json().at("prompts").get<std::vector<std::string>>();
        vs.steps = v.get_int("steps", vs.steps);
        vs.width = static_cast<int>(v.get_int("width", vs.width));
        vs.height = static_cast<int>(v.get_int("height", vs.height));
        vs.duration_s = v.get_double("duration_s", vs.duration_s);
        vs.seed = static_cast<uint64_t>(v.get_int("seed", static_cast<int64_t>(vs.seed)));
        if (vs.every < 0) throw ConfigError(label + ".validation.every must be >= 0");
        if (vs.every > 0 && (vs.package.empty() || vs.prompts.empty()))
            throw ConfigError(label +
                              ".validation needs 'package' (the base model package) and "
                              "'prompts' when 'every' is set");
    }
    return rc;
}

Recipe Recipe::from_file(const std::filesystem::path& path, const std::string& stage) {
    return from_json(io::read_json_file(path), path, stage);
}

nlohmann::json Recipe::to_json() const {
    nlohmann::json path_map = nlohmann::json::object();
    for (const auto& [from, to] : data.manifest.path_map)
        path_map[from] = to;
    const auto& ob = trainer.objective;
    const auto& op = trainer.optimizer;
    return {{"name", name},
            {"stage", stage},
            {"trainable", trainer.trainable},
            {"frozen", trainer.frozen},
            {"lora", trainer.lora.to_json()},
            {"model",
             {{"config", dit::dit_config_to_json(model)},
              {"weights", init_weights.string()},
              {"weights_mode", init_matching ? "matching" : "strict"},
              {"init_seed", init_seed}}},
            {"data",
             {{"kind", data.kind},
              {"cache_dir", data.cache_dir.string()},
              {"samples", data.samples},
              {"video_frames", data.video_frames},
              {"video_height", data.video_height},
              {"video_width", data.video_width},
              {"audio_length", data.audio_length},
              {"text_length", data.text_length},
              {"speakers", data.speakers},
              {"video", data.with_video},
              {"audio", data.with_audio},
              {"video_frames_min", data.video_frames_min},
              {"source", data.source.string()},
              {"weights_file", data.manifest.weights_file.string()},
              {"path_map", path_map},
              {"task", to_string(data.manifest.reference_task)},
              {"source_name", data.manifest.reference_source},
              {"encoders", data.encoders.to_json()},
              {"buckets", data.buckets.to_json()},
              {"preprocess_workers", data.preprocess_workers},
              {"cache_dtype", data.cache_dtype},
              {"task_weights", data.task_weights},
              {"source_weights", data.source_weights},
              {"batching", data.batching.to_json()},
              {"prefetch", {{"threads", data.prefetch_threads}, {"steps", data.prefetch_steps}}}}},
            {"batch_per_rank", batch_per_rank},
            {"accumulation", accumulation},
            {"steps", steps},
            {"warmup_steps", warmup_steps},
            {"objective",
             {{"shift", ob.flow.shift},
              {"loss_reweight", ob.flow.loss_reweight},
              {"audio_loss_weight", ob.audio_loss_weight},
              {"caption_dropout", ob.caption_dropout},
              {"speaker_dropout", ob.speaker_dropout},
              {"modality_mask_prob", ob.modality_mask_prob},
              {"first_frame_prob", ob.first_frame_prob},
              {"seed", ob.seed}}},
            {"optimizer",
             {{"lr", op.lr},
              {"weight_decay", op.weight_decay},
              {"eps", op.eps},
              {"betas", {op.beta1, op.beta2}},
              {"grad_clip", trainer.grad_clip}}},
            {"ema_decay", trainer.ema_decay},
            {"precision", precision},
            {"output_dir", output_dir.string()},
            {"checkpoint_every", checkpoint_every},
            {"keep_last", keep_last},
            {"log_every", log_every},
            {"validation",
             {{"every", validation.every},
              {"package", validation.package.string()},
              {"prompts", validation.prompts},
              {"steps", validation.steps},
              {"width", validation.width},
              {"height", validation.height},
              {"duration_s", validation.duration_s},
              {"seed", validation.seed}}}};
}

}  // namespace nava::train
