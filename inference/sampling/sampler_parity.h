// `nava parity` runner for the "sampler" fixtures (schedules, toy trajectories, guidance).
#pragma once

#include "inference/parity/parity.h"

namespace nava::sampling {

// Derives every case from the manifest's output keys (FILE:KEY or KEY):
//   <solver>_n<steps>_s<shift>_{timesteps,sigmas}        schedules (shift with 'p' for '.')
//   <solver>_n<steps>_s<shift>_{x,v,x0pred}              toy trajectories (toy_A, toy_b, x_init
//                                                        of the same file)
//   train_s<shift>_{timesteps,sigmas,weights}             training grid
//   out_video_<set>_align{0,1}, out_audio_<set>_align{0,1}_timbre{0,1}
//                                                        guidance with metadata scales_<set>
parity::Outputs run_sampler_parity(const parity::Fixture& fixture);

}  // namespace nava::sampling
