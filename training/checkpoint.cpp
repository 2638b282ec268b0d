#include "training/checkpoint.h"

#include <algorithm>
#include <fstream>
#include <map>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/json_config.h"
#include "inference/io/safetensors.h"
#include "inference/models/dit/dit_model.h"
#include "training/trainer/dit_trainer.h"

namespace nava::train {
namespace {

std::string step_name(int64_t step) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "step-%08lld", static_cast<long long>(step));
    return buf;
}

}  // namespace

void save_checkpoint(const std::filesystem::path& dir, int64_t step, DitTrainer& trainer,
                     const nlohmann::json& recipe, int64_t keep_last) {
    Communicator& comm = trainer.fsdp().comm();
    const auto final_dir = dir / step_name(step);
    const auto partial = dir / ("." + step_name(step) + ".partial");
    if (comm.rank() == 0) {
        std::filesystem::remove_all(partial);
        std::filesystem::create_directories(partial);
    }
    comm.barrier();

    FsdpModel& fsdp = trainer.fsdp();
    std::vector<io::NamedTensor> tensors;
    for (int64_t i = 0; i < fsdp.unit_count(); ++i) {
        const ShardedUnit& u = fsdp.unit(i);
        tensors.push_back({u.name + ".master", u.master, std::nullopt});
        if (trainer.ema())
            tensors.push_back({u.name + ".ema", trainer.ema()->shadow(i), std::nullopt});
    }
    for (const auto& [name, t] : trainer.optimizer().state(fsdp))
        tensors.push_back({name, t, std::nullopt});
    std::map<std::string, std::string> metadata = {
        {"step", std::to_string(step)},
        {"optimizer_steps", std::to_string(trainer.optimizer().steps())}};
    if (LoraAdapter* lora = trainer.lora()) {
        // Replicated: every rank stores the same adapter (its own file stays self-contained).
        for (const auto& [name, t] : lora->state())
            tensors.push_back({name, t, std::nullopt});
        metadata["lora_steps"] = std::to_string(lora->steps());
    }
    io::save_safetensors(partial / ("rank-" + std::to_string(comm.rank()) + ".safetensors"),
                         tensors, metadata);
    comm.barrier();

    if (comm.rank() == 0) {
        nlohmann::json meta = {{"step", step},
                               {"world_size", comm.size()},
                               {"optimizer_steps", trainer.optimizer().steps()},
                               {"recipe", recipe}};
        for (int64_t i = 0; i < fsdp.unit_count(); ++i)
            meta["units"].push_back({{"name", fsdp.unit(i).name}, {"numel", fsdp.unit(i).numel}});
        std::ofstream(partial / "meta.json") << meta.dump(1);
        std::filesystem::remove_all(final_dir);
        std::filesystem::rename(partial, final_dir);
        // Keep the newest `keep_last` complete checkpoints.
        std::vector<std::filesystem::path> steps;
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.is_directory() && e.path().filename().string().rfind("step-", 0) == 0)
                steps.push_back(e.path());
        std::sort(steps.begin(), steps.end());
        for (std::size_t i = 0; keep_last > 0 && i + keep_last < steps.size(); ++i)
            std::filesystem::remove_all(steps[i]);
    }
    comm.barrier();
}

std::optional<std::filesystem::path> latest_checkpoint(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) return std::nullopt;
    std::vector<std::filesystem::path> steps;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.is_directory() && e.path().filename().string().rfind("step-", 0) == 0 &&
            std::filesystem::exists(e.path() / "meta.json"))
            steps.push_back(e.path());
    }
    if (steps.empty()) return std::nullopt;
    std::sort(steps.begin(), steps.end());
    return steps.back();
}

int64_t load_checkpoint(const std::filesystem::path& step_dir, DitTrainer& trainer) {
    FsdpModel& fsdp = trainer.fsdp();
    Communicator& comm = fsdp.comm();
    const auto meta = io::read_json_file(step_dir / "meta.json");
    if (meta.at("world_size").get<int>() != comm.size())
        throw Error(step_dir.string() + ": checkpoint was written by " +
                    std::to_string(meta.at("world_size").get<int>()) + " ranks, this job has " +
                    std::to_string(comm.size()) + " (resume with the same number of ranks)");
    const auto units = meta.at("units");
    if (static_cast<int64_t>(units.size()) != fsdp.unit_count())
        throw Error(step_dir.string() + ": the model's layout differs from the checkpoint's");
    for (int64_t i = 0; i < fsdp.unit_count(); ++i) {
        if (units[i].at("name") != fsdp.unit(i).name || units[i].at("numel") != fsdp.unit(i).numel)
            throw Error(step_dir.string() + ": unit " + fsdp.unit(i).name +
                        " differs from the checkpoint (a different model configuration?)");
    }
    const auto file = io::SafetensorsFile::open(
        step_dir / ("rank-" + std::to_string(comm.rank()) + ".safetensors"));
    at::NoGradGuard no_grad;
    std::vector<std::pair<std::string, at::Tensor>> opt_state;
    for (int64_t i = 0; i < fsdp.unit_count(); ++i) {
        ShardedUnit& u = fsdp.unit(i);
        u.master.copy_(file->tensor(u.name + ".master"));
        if (trainer.ema() && file->header().find(u.name + ".ema"))
            trainer.ema()->shadow(i).copy_(file->tensor(u.name + ".ema"));
        opt_state.emplace_back(u.name + ".exp_avg", file->tensor(u.name + ".exp_avg"));
        opt_state.emplace_back(u.name + ".exp_avg_sq", file->tensor(u.name + ".exp_avg_sq"));
    }
    trainer.optimizer().load_state(fsdp, opt_state, meta.at("optimizer_steps").get<int64_t>());
    if (LoraAdapter* lora = trainer.lora()) {
        const auto md = file->metadata();
        if (!md.count("lora_steps"))
            throw Error(step_dir.string() +
                        ": the checkpoint has no LoRA adapter (it was written by a full "
                        "fine-tuning run; use another output_dir)");
        std::vector<std::pair<std::string, at::Tensor>> state;
        for (const auto& name : file->names())
            if (name.rfind("lora.", 0) == 0) state.emplace_back(name, file->tensor(name));
        lora->load_state(state, std::stoll(md.at("lora_steps")));
    }
    return meta.at("step").get<int64_t>();
}

void export_model(const std::filesystem::path& path, DitTrainer& trainer, bool use_ema) {
    FsdpModel& fsdp = trainer.fsdp();
    // Swap the EMA shadows in for the gather, then restore the live weights.
    std::vector<at::Tensor> live;
    const bool ema = use_ema && trainer.ema();
    if (ema) {
        for (int64_t i = 0; i < fsdp.unit_count(); ++i) {
            live.push_back(fsdp.unit(i).master.clone());
            fsdp.unit(i).master.copy_(trainer.ema()->shadow(i));
        }
    }
    auto state = fsdp.full_state();
    if (trainer.lora()) trainer.lora()->merge_into(state);
    if (ema)
        for (int64_t i = 0; i < fsdp.unit_count(); ++i)
            fsdp.unit(i).master.copy_(live[static_cast<std::size_t>(i)]);
    if (fsdp.comm().rank() == 0) {
        std::vector<io::NamedTensor> tensors;
        for (const auto& [name, t] : state)
            tensors.push_back({name, t, std::nullopt});
        if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        io::save_safetensors(
            path, tensors,
            {{"dit_config", dit::dit_config_to_json(trainer.model().config()).dump()},
             {"weights", ema ? "ema" : "raw"}});
    }
    fsdp.comm().barrier();
}

}  // namespace nava::train
