// `nava parity` runner of the umT5 text-encoder fixtures (component "t5").
#pragma once

#include "inference/models/t5/t5_config.h"
#include "inference/parity/parity.h"

namespace nava::t5 {

// The fixture's encoder config: the `config` metadata of one of its safetensors files, else a
// `config` object/string in the manifest, else `config.json` in the folder; sizes missing from
// it are read from the weights.
T5Config fixture_t5_config(const parity::Fixture& fixture);

// Computes from `ids`, `mask`, `seq_lens` and the weights (float32): `embed_out`,
// `layer{i}_out`, `final_out`, `context_padded`; and, only when the manifest lists them,
// `final_out_bf16` (bf16 run), `relpos_bucket` (for `relpos_values`) and
// `pos_bias_layer{i}_row{r}`.
parity::Outputs run_t5_parity(const parity::Fixture& fixture);

}  // namespace nava::t5
