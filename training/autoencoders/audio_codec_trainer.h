// Training the audio codec (`audio_vae::AudioCodec`) from scratch: the VAE (encoder + decoder
// over the log-mel) with mel L1 + KL, and the vocoder (main generator + bandwidth extension)
// from ground-truth mels with a multi-resolution STFT magnitude loss (no GAN). Both share one
// checkpoint file; the export is the engine's audio_vae.safetensors layout.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <nlohmann/json.hpp>

#include "inference/models/audio_vae/audio_codec.h"
#include "training/autoencoders/adam.h"
#include "training/autoencoders/video_vae_trainer.h"

namespace nava::autoencoders {

struct AudioCodecTrainOptions {
    // Checkpoint-style model config (audio_vae::tiny_checkpoint_config() when null).
    nlohmann::json model_config;
    double vae_lr = 5e-4;
    double vocoder_lr = 2e-4;
    double kl_weight = 1e-6;
    // The vocoder reads the VAE's reconstruction of the mel (encode to the posterior mean,
    // decode; no gradient into the VAE) instead of the true mel: what it is given when it
    // decodes generated latents.
    bool vocoder_on_decoded = false;
    // Only the main generator learns (the 16 kHz low band; the bandwidth extension stays as it
    // is): several times cheaper per step.
    bool vocoder_main_only = false;
    AdamOptions adam;
    uint64_t seed = 0;

    nlohmann::json to_json() const;
    static AudioCodecTrainOptions from_json(const nlohmann::json& j);
};

// Segment length in samples whose log-mel has 1 + 4k frames (so the VAE reconstructs exactly
// the input frames): the largest such length <= `max_samples`, at least one 4-frame group.
int64_t audio_segment_samples(const audio_vae::AudioVaeConfig& config, int64_t max_samples);

class AudioCodecTrainer {
public:
    // Fresh weights from audio_vae::randomize_weights (sane fixed filters for the vocoder's
    // anti-aliasing / STFT / mel buffers), identity latent statistics while training; made on
    // the CPU (the same weights on any device), then moved to `device`. Waveforms may live
    // anywhere: each step moves its batch there.
    explicit AudioCodecTrainer(const AudioCodecTrainOptions& options,
                               c10::Device device = c10::Device(c10::kCPU));

    // Log-mel [B, 2, T, mels] of waveforms [B, C, N] at the codec's sample rate.
    at::Tensor mel_of(const at::Tensor& waveform) const;

    // One VAE step on waveforms [B, C, N] (N from audio_segment_samples).
    VaeStepStats vae_step(const at::Tensor& waveform);
    // One vocoder step: ground-truth mel (or its reconstruction, `vocoder_on_decoded`) ->
    // waveform against the input (16 kHz low band and the 48 kHz output against the
    // sinc-upsampled input), per channel and for the channels' mean (a mono mix must not
    // cancel: the magnitudes alone leave the channels' relative phase free).
    VaeStepStats vocoder_step(const at::Tensor& waveform);

    // Mel L1 of encode (posterior mean) -> decode, inference path (no grad).
    double mel_reconstruction_l1(const at::Tensor& waveform);
    // Multi-resolution STFT loss of the vocoder on ground-truth mels (no grad).
    double vocoder_loss(const at::Tensor& waveform);
    // Pitch of the vocoder's output (bandwidth-extended, back at 16 kHz: what a listener hears)
    // against the input's, over the 0.16 s stretches voiced in both: the median of
    // |12·log2(f0 out / f0 in)| (semitones; -1 when no stretch is) and the share within one
    // semitone. The spectral loss can fall while every voice still comes out at one pitch (a
    // vocoder stuck at its frame rate still matches the voices that happen to be near it, and
    // the impacts' tones: the share says more than the median). With `through_vae` the vocoder
    // reads the VAE's reconstruction of the mel (encode, decode) instead of the true one: the
    // pitch the whole codec keeps.
    struct PitchCheck {
        double median_error = -1.0;
        double within_semitone = -1.0;
        int64_t stretches = 0;
    };
    PitchCheck vocoder_pitch(const at::Tensor& waveform, bool through_vae = false);
    double vocoder_pitch_error(const at::Tensor& waveform, bool through_vae = false) {
        return vocoder_pitch(waveform, through_vae).median_error;
    }

    int64_t vae_steps() const { return vae_adam_->steps(); }
    int64_t vocoder_steps() const { return vocoder_adam_->steps(); }
    const AudioCodecTrainOptions& options() const { return options_; }
    audio_vae::AudioCodec& codec() { return *codec_; }
    const nlohmann::json& model_config() const { return options_.model_config; }
    c10::Device device() const { return device_; }
    // Learning rates of the following steps (a resumed run may change them).
    void set_learning_rates(double vae_lr, double vocoder_lr) {
        options_.vae_lr = vae_lr;
        options_.vocoder_lr = vocoder_lr;
    }

    // Starts from an exported codec (audio_vae.safetensors of `export_codec`, e.g. a package's):
    // every weight. Its latent statistics are set aside (training runs with identity statistics,
    // as a fresh trainer does) and travel with the checkpoint, for restore_kept_statistics().
    // When the file's model config (in its metadata) differs from the trainer's only in the
    // vocoder section, only the VAE is taken and the trainer's (fresh) vocoder stays: a vocoder
    // of another size can be trained for a finished package, whose latents do not change. When
    // it differs only in the VAE section, only the vocoder is taken (a new VAE for a trained
    // vocoder; no statistics are kept). Throws nava::Error when both sections differ.
    enum class InitParts { everything, vae, vocoder };
    InitParts load_weights(const std::filesystem::path& exported);
    bool has_kept_statistics() const { return kept_mean_.defined(); }
    // Puts the statistics set aside by load_weights back (for an export whose VAE took no step).
    void restore_kept_statistics();

    void save_checkpoint(const std::filesystem::path& path) const;
    static std::unique_ptr<AudioCodecTrainer> from_checkpoint(
        const std::filesystem::path& path, c10::Device device = c10::Device(c10::kCPU));

    // Per-token-channel mean / std of the posterior means of `waveforms` written into the
    // codec's per_channel_statistics (what the DiT's audio latents are normalised with).
    void set_latent_statistics(const std::vector<at::Tensor>& waveforms);
    // Writes `<dir>/audio_vae.safetensors` (config in the metadata) and returns the manifest
    // component block {"weights", "config"}.
    nlohmann::json export_codec(const std::filesystem::path& dir);

private:
    at::Tensor vocoder_loss_tensor(const at::Tensor& waveform, bool grad);
    // The vocoder's training input for waveforms [B, 2, N]: the log-mel, or its reconstruction.
    at::Tensor vocoder_input(const at::Tensor& waveform) const;

    AudioCodecTrainOptions options_;
    c10::Device device_;
    std::shared_ptr<audio_vae::AudioCodec> codec_;
    std::unique_ptr<audio_vae::MelFrontEnd> mel_;
    std::unique_ptr<Adam> vae_adam_, vocoder_adam_;
    at::Tensor kept_mean_, kept_std_;  // latent statistics of the weights it started from
};

// Mean over resolutions of spectral convergence + log-magnitude L1 between `x` and `target`
// ([..., N], same shape). FFT sizes are scaled by `rate_factor` (3 for 48 kHz).
at::Tensor multi_resolution_stft_loss(const at::Tensor& x, const at::Tensor& target,
                                      int64_t rate_factor = 1);

}  // namespace nava::autoencoders
