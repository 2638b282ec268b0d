#include "training/train_loop.h"

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

std::unique_ptr<Dataset> make_dataset(const Recipe& r) {
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
        return std::make_unique<SyntheticDataset>(s);
    }
    throw NotImplementedError(
        "data.kind 'cache' needs the preprocessing cache (not in this build yet)");
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
    } else {
        dit::load_dit_weights(model, *io::open_tensor_source(recipe.init_weights), at::kFloat);
    }
    DitTrainer trainer(model, comm, recipe.trainer);
    result.parameters = trainer.fsdp().total_parameter_count();
    result.shard_bytes = trainer.fsdp().shard_bytes();
    result.optimizer_bytes = trainer.optimizer().state_bytes();

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

    // 3. Data schedule.
    const auto dataset = make_dataset(recipe);
    const SampleSchedule schedule(dataset->size(), comm->size(), recipe.accumulation,
                                  recipe.batch_per_rank, recipe.trainer.objective.seed);
    const nlohmann::json recipe_json = recipe.to_json();
    comm->reset_counts();

    // 4. Steps.
    int64_t run_steps = 0;
    for (; step < recipe.steps; ++step) {
        if (options.max_steps >= 0 && run_steps >= options.max_steps) break;
        std::vector<std::vector<TrainSample>> micro(static_cast<std::size_t>(recipe.accumulation));
        for (int64_t m = 0; m < recipe.accumulation; ++m) {
            for (int64_t slot : schedule.slots(step, comm->rank(), m)) {
                TrainSample s = dataset->get(schedule.index_of_slot(slot));
                s.index = slot;
                micro[static_cast<std::size_t>(m)].push_back(std::move(s));
            }
        }
        const StepStats stats =
            trainer.step(step, micro, schedule.global_batch(), recipe.learning_rate(step));
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
    }
    result.last_step = step;
    result.counts = comm->counts();

    // 5. Final checkpoint and export when the recipe completed.
    if (step >= recipe.steps) {
        if (recipe.checkpoint_every <= 0 || step % recipe.checkpoint_every != 0)
            save_checkpoint(ckpt_dir, step, trainer, recipe_json, recipe.keep_last);
        result.export_path = recipe.output_dir / "model.safetensors";
        export_model(result.export_path, trainer, /*use_ema=*/true);
        if (leader && options.progress)
            *options.progress << nlohmann::json{{"event", "done"},
                                                {"step", step},
                                                {"export", result.export_path.string()}}
                                     .dump()
                              << std::endl;
    }
    return result;
}

}  // namespace nava::train
