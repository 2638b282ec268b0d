// Whole training runs of the autoencoders over a `nava synth` folder, as `nava train-vae` runs
// them: load clips, hold some out, resume from `<out>/checkpoint.safetensors` when asked, log
// progress lines (loss, steps/s), checkpoint every N steps, measure held-out reconstruction
// before and after, compute the latent statistics and export the engine's files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>

#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include "training/autoencoders/audio_codec_trainer.h"
#include "training/autoencoders/clips.h"
#include "training/autoencoders/video_vae_trainer.h"

namespace nava::autoencoders {

struct RunOptions {
    std::filesystem::path data;  // synth folder or manifest.jsonl
    std::filesystem::path out;   // checkpoint, exported weights, component JSON
    int64_t steps = 1000;        // total steps (a resumed run continues up to this count)
    int64_t batch = 2;
    int64_t holdout = 8;    // last clips of the manifest, never trained on
    int64_t max_clips = 0;  // 0 = all
    int64_t checkpoint_every = 100;
    int64_t log_every = 10;
    double max_minutes = 0.0;  // stop (checkpoint, export) after this much wall time; 0 = none
    bool resume = false;
    double resume_lr = 0.0;  // > 0: learning rate of a resumed run (else the checkpoint's)
};

struct VideoRunOptions {
    RunOptions run;
    VideoClipOptions clip;
    // Length of the held-out clips the PSNR is measured on (1 + 4k; 0 = the training length).
    // The causal chunk caches can drift on clips longer than those trained on, so measure at
    // the length the model will encode.
    int64_t eval_frames = 0;
    VideoVaeTrainOptions train;
    // A fresh run starts from these exported weights (video_vae.safetensors) when set.
    std::filesystem::path init_weights;
    // Where the steps run; clips stay in CPU memory, one batch at a time moves to the device.
    c10::Device device{c10::kCPU};
};

struct AudioRunOptions {
    RunOptions run;
    int64_t vocoder_steps = 0;        // vocoder steps after the VAE steps (0 = leave it random)
    int64_t segment_samples = 10240;  // rounded down to whole latent frames
    AudioCodecTrainOptions train;
    // Where the steps run; waveforms stay in CPU memory, one batch at a time moves there.
    c10::Device device{c10::kCPU};
    double resume_vocoder_lr = 0.0;  // > 0: vocoder learning rate of a resumed run
    // Exported codec to start a fresh run from (its config unless `train` names one). While the
    // VAE takes no step, its latent statistics are kept as they were, so a DiT trained on its
    // latents still matches: a new vocoder can be trained for a finished package this way.
    std::filesystem::path init_weights;
    // > 0: the main vocoder's first width (`upsample_initial_channel`; each upsampling stage
    // halves it) instead of the config's. With `init_weights` the VAE is taken from the file and
    // the vocoder starts fresh at this width.
    int64_t vocoder_channels = 0;
};

struct RunSummary {
    int64_t steps_done = 0;  // this run
    double steps_per_s = 0.0;
    double holdout_before = 0.0;  // video: PSNR dB; audio: mel L1
    double holdout_after = 0.0;
    // video: held-out L1 on the pixels that differ from the clip's background (the objects)
    double object_l1_before = 0.0;
    double object_l1_after = 0.0;
    // video: held-out L1 on the pixels that change over the clip (mouths, moving balls)
    double motion_l1_before = 0.0;
    double motion_l1_after = 0.0;
    double vocoder_before = 0.0;  // audio: multi-resolution STFT loss (when trained)
    double vocoder_after = 0.0;
    // audio: the vocoder's held-out pitch error, semitones (vocoder_pitch_error; -1: unvoiced)
    double vocoder_pitch_before = -1.0;
    double vocoder_pitch_after = -1.0;
    double codec_pitch_after = -1.0;  // the same through the VAE (encode, decode, vocoder)
    // the share of voiced stretches within a semitone (-1: none voiced)
    double vocoder_pitch_agreement_before = -1.0;
    double vocoder_pitch_agreement_after = -1.0;
    double codec_pitch_agreement_after = -1.0;
    double vocoder_steps_per_s = 0.0;
    nlohmann::json component;  // manifest block of the exported weights
};

RunSummary run_video_vae_training(const VideoRunOptions& options, std::ostream& log);
RunSummary run_audio_codec_training(const AudioRunOptions& options, std::ostream& log);

}  // namespace nava::autoencoders
