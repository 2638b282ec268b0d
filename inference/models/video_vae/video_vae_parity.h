// `nava parity` component "video_vae": encode the fixture video, decode the latent, decode the
// tiling latent tiled and untiled; every size comes from the fixture's config and weights.
#pragma once

#include <ATen/core/Tensor.h>
#include <c10/core/ScalarType.h>

#include "inference/models/video_vae/tiled_decode.h"
#include "inference/models/video_vae/video_vae_config.h"
#include "inference/parity/parity.h"

namespace nava::video_vae {

// The fixture's model config: weights metadata `config`, else io metadata, else report.json.
VideoVaeConfig fixture_config(const parity::Fixture& fixture);
// Tile geometry of the tiling test (config key `tiled`: tile_size, tile_stride).
TileOptions fixture_tiles(const parity::Fixture& fixture);
// `scale.mean` / `scale.inv_std` inputs as a LatentScale.
LatentScale fixture_scale(const parity::Fixture& fixture);

// Every manifest output, computed with the model in `dtype` (outputs keep that dtype, except
// the untiled decode of the tiling latent and the tiles, which the reference returns as float32).
parity::Outputs compute_video_vae_outputs(const parity::Fixture& fixture, at::ScalarType dtype);

// The parity contract: float32.
parity::Outputs run_video_vae_parity(const parity::Fixture& fixture);

}  // namespace nava::video_vae
