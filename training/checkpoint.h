// Sharded training checkpoints: every rank writes its own shards (weights, AdamW moments, EMA)
// into a step folder that becomes visible atomically (written as a hidden folder, renamed by
// rank 0 once every rank finished). Resuming needs the same number of ranks; an export
// consolidates the full weights into one safetensors file usable as a model package.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include <nlohmann/json_fwd.hpp>

namespace nava::train {

class DitTrainer;

// Collective: every rank must call it. Keeps the newest `keep_last` step folders.
void save_checkpoint(const std::filesystem::path& dir, int64_t step, DitTrainer& trainer,
                     const nlohmann::json& recipe, int64_t keep_last);

// The newest complete step folder in `dir`, if any.
std::optional<std::filesystem::path> latest_checkpoint(const std::filesystem::path& dir);

// Restores this rank's shards; returns the step the checkpoint was taken after. Throws
// nava::Error when the world size or the parameter layout differ.
int64_t load_checkpoint(const std::filesystem::path& step_dir, DitTrainer& trainer);

// Collective: writes the full model (EMA weights when available and `use_ema`) from rank 0 as
// `path` (safetensors, DiT key names, config in the metadata under "dit_config").
void export_model(const std::filesystem::path& path, DitTrainer& trainer, bool use_ema);

}  // namespace nava::train
