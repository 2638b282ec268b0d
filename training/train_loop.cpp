#include "training/train_loop.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/models/dit/dit_model.h"
#include "inference/models/dit/dit_weights.h"
#include "training/checkpoint.h"
#include "training/data/dataset.h"
#include "training/data/prefetch.h"
#include "training/data/sample_cache.h"
#include "training/data/schedule.h"
#include "training/validation_samples.h"

namespace nava::train {

double resident_memory_mib() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    }
    return 0.0;
}

namespace {

std::shared_ptr<const Dataset> make_dataset(const Recipe& r) {
    if (r.data.kind == "synthetic") {
        SyntheticSpec s;
        s.samples = r.data.samples;
        s.video_channels = r.model.vid_in_dim;
        s.video_frames = r.data.video_frames * r.model.patch_size[0];
        s.video_height = r.data.video_height;
        s.video_width = r.data.video_width;
        s.audio_channels = r.model.audio_in_dim;
        s.audio_length = r.data.audio_length;
        s.text_dim = r.model.text_dim;
        s.text_length = std::min(r.data.text_length, r.model.text_len);
        s.speaker_dim = r.model.speaker_dim;
        s.speakers = r.model.add_spk_emb ? r.data.speakers : 0;
        s.with_video = r.data.with_video;
        s.with_audio = r.data.with_audio;
        s.seed = r.trainer.objective.seed;
        s.min_video_frames = r.data.video_frames_min * r.model.patch_size[0];
        s.frame_step = r.model.patch_size[0];
        return std::make_shared<SyntheticDataset>(s);
    }
    // The preprocessing cache; video-only clips get masked audio placeholders.
    CachedDatasetOptions o;
    o.audio_channels = r.model.audio_in_dim;
    o.task_weights = r.data.task_weights;
    o.source_weights = r.data.source_weights;
    o.seed = r.trainer.objective.seed;
    auto cached = std::make_shared<CachedDataset>(r.data.cache_dir, o);
    for (const auto& e : cached->index().entries) {
        if (e.text_dim != r.model.text_dim)
            throw ConfigError(r.data.cache_dir.string() + ": cached contexts have width " +
                              std::to_string(e.text_dim) + ", the model's text_dim is " +
                              std::to_string(r.model.text_dim) +
                              " (the cache was made with another text encoder)");
        if (!e.video.empty() && e.video[0] != r.model.vid_in_dim)
            throw ConfigError(r.data.cache_dir.string() + ": cached video latents have " +
                              std::to_string(e.video[0]) + " channels, the model takes " +
                              std::to_string(r.model.vid_in_dim));
    }
    return cached;
}

}  // namespace

TrainRunResult run_training(const Recipe& recipe, std::shared_ptr<Communicator> comm,
                            const TrainRunOptions& options) {
    TrainRunResult result;
    const bool leader = comm->rank() == 0;

    // 1. Model: random or from weights; identical on every rank before sharding.
    dit::DitModel model(recipe.model);
    if (recipe.init_weights.empty()) {
        dit::init_dit_weights(model, recipe.init_seed);
    } else if (recipe.init_matching) {
        // The seeded random weights, then every tensor of the file whose name and shape match.
        dit::init_dit_weights(model, recipe.init_seed);
        const auto loaded =
            dit::load_dit_weights(model, *io::open_tensor_source(recipe.init_weights), at::kFloat,
                                  io::LoadMode::kLenient);
        const auto& report = loaded.report;
        if (report.loaded.empty())
            throw ConfigError("model.weights '" + recipe.init_weights.string() +
                              "': no tensor matches this DiT's names and shapes");
        for (const auto& m : report.wrong_shape)
            result.fresh_tensors.push_back(m.name);
        for (const auto& name : report.missing)
            result.fresh_tensors.push_back(name);
        result.init_loaded_tensors = static_cast<int64_t>(report.loaded.size());
        if (leader && options.progress)
            *options.progress << nlohmann::json{{"event", "init"},
                                                {"weights", recipe.init_weights.string()},
                                                {"mode", "matching"},
                                                {"loaded", report.loaded.size()},
                                                {"fresh", result.fresh_tensors},
                                                {"unused", report.unexpected}}
                                     .dump()
                              << std::endl;
    } else {
        dit::load_dit_weights(model, *io::open_tensor_source(recipe.init_weights), at::kFloat);
    }
    if (options.device != model.parameters().front().device()) model.to(options.device);
    TrainerOptions trainer_options = recipe.trainer;
    trainer_options.device = options.device;
    DitTrainer trainer(model, comm, trainer_options);
    result.parameters = trainer.fsdp().total_parameter_count();
    result.shard_bytes = trainer.fsdp().shard_bytes();
    result.optimizer_bytes = trainer.optimizer().state_bytes();
    result.trainable_parameters = trainer.trainable_parameter_count();

    // 2. Resume.
    int64_t step = 0;
    const auto ckpt_dir = recipe.output_dir / "checkpoints";
    if (options.resume) {
        if (auto latest = latest_checkpoint(ckpt_dir)) {
            step = load_checkpoint(*latest, trainer);
            if (leader && options.progress)
                *options.progress << nlohmann::json{{"event", "resumed"},
                                                    {"step", step},
                                                    {"checkpoint", latest->string()}}
                                         .dump()
                                  << std::endl;
        }
    }
    result.first_step = step;

    // 3. Data and its schedule; background loaders keep the next steps' samples ready.
    const auto base_dataset = make_dataset(recipe);
    const std::vector<int64_t> patch(recipe.model.patch_size.begin(),
                                     recipe.model.patch_size.end());
    const auto schedule =
        make_schedule(recipe.data.batching, *base_dataset, comm->size(), recipe.accumulation,
                      recipe.batch_per_rank, recipe.trainer.objective.seed, patch);
    std::unique_ptr<PrefetchingDataset> prefetcher;
    if (recipe.data.prefetch_threads > 0 && recipe.data.prefetch_steps > 0) {
        PrefetchOptions po;
        po.threads = recipe.data.prefetch_threads;
        prefetcher = std::make_unique<PrefetchingDataset>(base_dataset, po);
    }
    const Dataset& dataset = prefetcher ? *prefetcher : *base_dataset;
    int64_t announced = step;  // first step whose samples were not announced yet
    auto announce_until = [&](int64_t end) {
        for (; prefetcher && announced < std::min(end, recipe.steps); ++announced) {
            std::vector<int64_t> indices;
            for (const auto& micro_batch : schedule->plan(announced, comm->rank()))
                for (const auto& sample : micro_batch)
                    indices.push_back(sample.index);
            prefetcher->prefetch(indices);
        }
    };
    const nlohmann::json recipe_json = recipe.to_json();
    comm->reset_counts();

    // 4. Steps.
    int64_t run_steps = 0;
    // A stop request counts only when the ranks agree on the step (signals reach them at
    // slightly different times): it travels with each step's loss all-reduce, and every rank
    // stops after the step in which any of them asked.
    for (; step < recipe.steps && !result.interrupted; ++step) {
        if (options.max_steps >= 0 && run_steps >= options.max_steps) break;
        const auto data_t0 = std::chrono::steady_clock::now();
        announce_until(step + 1 + recipe.data.prefetch_steps);
        std::vector<std::vector<TrainSample>> micro;
        for (const auto& planned : schedule->plan(step, comm->rank())) {
            micro.emplace_back();
            for (const auto& sample : planned) {
                TrainSample s = dataset.get(sample.index);
                s.index = sample.slot;
                micro.back().push_back(std::move(s));
            }
        }
        const double data_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - data_t0).count();
        const StepStats stats =
            trainer.step(step, micro, schedule->global_samples(step), recipe.learning_rate(step),
                         options.stop && options.stop->load());
        result.interrupted = stats.stop_requested;
        result.history.push_back(stats);
        ++run_steps;
        if (leader && options.progress &&
            (recipe.log_every <= 1 || (step + 1) % recipe.log_every == 0)) {
            *options.progress << nlohmann::json{{"event", "step"},
                                                {"step", step + 1},
                                                {"steps", recipe.steps},
                                                {"loss", stats.loss},
                                                {"loss_video", stats.loss_video},
                                                {"loss_audio", stats.loss_audio},
                                                {"grad_norm", stats.grad_norm},
                                                {"lr", stats.lr},
                                                {"seconds", stats.seconds},
                                                {"data_seconds", data_seconds},
                                                {"samples_per_s", stats.samples / stats.seconds},
                                                {"tokens_per_s",
                                                 stats.tokens * comm->size() / stats.seconds},
                                                {"rss_mib", resident_memory_mib()}}
                                     .dump()
                              << std::endl;
        }
        if (options.on_step) options.on_step(stats);
        if (!options.dump_dir.empty()) {
            const auto state = trainer.fsdp().full_state();
            if (leader) {
                std::vector<io::NamedTensor> tensors;
                for (const auto& [name, t] : state)
                    tensors.push_back({name, t, std::nullopt});
                std::filesystem::create_directories(options.dump_dir);
                std::ostringstream name;
                name << "step-" << std::setw(4) << std::setfill('0') << step + 1 << ".safetensors";
                io::save_safetensors(options.dump_dir / name.str(), tensors,
                                     {{"loss", std::to_string(stats.loss)}});
            }
        }
        if (recipe.checkpoint_every > 0 && (step + 1) % recipe.checkpoint_every == 0)
            save_checkpoint(ckpt_dir, step + 1, trainer, recipe_json, recipe.keep_last);
        if (recipe.validation.every > 0 && (step + 1) % recipe.validation.every == 0 &&
            !stats.stop_requested) {
            // A failed sample is reported, not fatal: the training run goes on.
            try {
                for (const auto& clip : write_validation_samples(recipe, step + 1, trainer, leader))
                    if (options.progress)
                        *options.progress << nlohmann::json{{"event", "sample"},
                                                            {"step", step + 1},
                                                            {"path", clip.string()}}
                                                 .dump()
                                          << std::endl;
            } catch (const std::exception& e) {
                if (leader && options.progress)
                    *options.progress
                        << nlohmann::json{{"event", "warning"},
                                          {"step", step + 1},
                                          {"message",
                                           std::string("validation sample: ") + e.what()}}
                               .dump()
                        << std::endl;
            }
        }
    }
    result.last_step = step;
    result.counts = comm->counts();

    if (result.interrupted) {
        // Keep what was trained: a checkpoint at this step boundary (unless one was just
        // written), from which the same command resumes.
        const auto latest = latest_checkpoint(ckpt_dir);
        const std::string name = [&] {
            char buf[32];
            std::snprintf(buf, sizeof buf, "step-%08lld", static_cast<long long>(step));
            return std::string(buf);
        }();
        if (step > result.first_step && (!latest || latest->filename() != name))
            save_checkpoint(ckpt_dir, step, trainer, recipe_json, recipe.keep_last);
        if (auto written = latest_checkpoint(ckpt_dir)) result.checkpoint = *written;
        if (leader && options.progress)
            *options.progress << nlohmann::json{{"event", "interrupted"},
                                                {"step", step},
                                                {"steps", recipe.steps},
                                                {"checkpoint", result.checkpoint.string()}}
                                     .dump()
                              << std::endl;
        return result;
    }

    // 5. Final checkpoint and export when the recipe completed.
    if (step >= recipe.steps) {
        if (recipe.checkpoint_every <= 0 || step % recipe.checkpoint_every != 0)
            save_checkpoint(ckpt_dir, step, trainer, recipe_json, recipe.keep_last);
        // LoRA: merged into the weights, as a separate adapter, or both.
        const LoraAdapter* lora = trainer.lora();
        const std::string mode = lora ? lora->options().export_mode : "merged";
        if (mode == "merged" || mode == "both") {
            result.export_path = recipe.output_dir / "model.safetensors";
            export_model(result.export_path, trainer, /*use_ema=*/true);
        }
        if (lora && (mode == "adapter" || mode == "both")) {
            result.adapter_path = recipe.output_dir / "lora_adapter.safetensors";
            if (leader) save_lora_adapter(result.adapter_path, *lora);
            comm->barrier();
        }
        if (leader && options.progress) {
            nlohmann::json done = {
                {"event", "done"},
                {"step", step},
                {"export",
                 (result.export_path.empty() ? result.adapter_path : result.export_path).string()}};
            if (!result.adapter_path.empty()) done["adapter"] = result.adapter_path.string();
            if (!recipe.stage.empty()) done["stage"] = recipe.stage;
            *options.progress << done.dump() << std::endl;
        }
    }
    return result;
}

}  // namespace nava::train
