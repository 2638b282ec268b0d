#include "training/autoencoders/audio_codec_trainer.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/audio/resample.h"
#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/latent_layout.h"
#include "inference/models/audio_vae/synthetic.h"
#include "training/autoencoders/weights.h"
#include "training/synth/quality.h"

namespace nava::autoencoders {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCheckpointKind = "nava-audio-codec-trainer";

audio_vae::AudioCodecConfig codec_config(const nlohmann::json& j) {
    return audio_vae::AudioCodecConfig::from_checkpoint_json(j, "audio codec trainer config");
}

// Magnitude spectrogram [..., F, frames] with a periodic Hann window (differentiable at 0).
at::Tensor stft_magnitude(const at::Tensor& x, int64_t n_fft, int64_t hop) {
    const at::Tensor flat = x.reshape({-1, x.size(-1)});
    const at::Tensor window = at::hann_window(n_fft, /*periodic=*/true, x.options());
    const at::Tensor spec = at::stft(flat, n_fft, hop, n_fft, window, /*normalized=*/false,
                                     /*onesided=*/true, /*return_complex=*/true);
    return at::view_as_real(spec).pow(2).sum(-1).add(1e-7).sqrt();
}

}  // namespace

at::Tensor multi_resolution_stft_loss(const at::Tensor& x, const at::Tensor& target,
                                      int64_t rate_factor) {
    static const int64_t kResolutions[3][2] = {{512, 128}, {1024, 256}, {256, 64}};
    at::Tensor total;
    for (const auto& r : kResolutions) {
        const int64_t n_fft = r[0] * rate_factor, hop = r[1] * rate_factor;
        const at::Tensor s = stft_magnitude(x, n_fft, hop);
        const at::Tensor t = stft_magnitude(target, n_fft, hop);
        const at::Tensor convergence = (t - s).norm() / t.norm().clamp_min(1e-7);
        const at::Tensor log_l1 = (t.log() - s.log()).abs().mean();
        const at::Tensor term = convergence + log_l1;
        total = total.defined() ? total + term : term;
    }
    return total / 3.0;
}

namespace {

// Stereo [B, 2, N] against its target: per channel, then the channels' mean. The magnitudes
// alone leave the channels' relative phase free, and a vocoder can learn opposite phases whose
// mono mix cancels.
at::Tensor stereo_stft_loss(const at::Tensor& x, const at::Tensor& target,
                            int64_t rate_factor = 1) {
    return multi_resolution_stft_loss(x, target, rate_factor) +
           multi_resolution_stft_loss(x.mean(1), target.mean(1), rate_factor);
}

}  // namespace

// ---- options ---------------------------------------------------------------------------------

nlohmann::json AudioCodecTrainOptions::to_json() const {
    return {{"model_config", model_config},
            {"vae_lr", vae_lr},
            {"vocoder_lr", vocoder_lr},
            {"kl_weight", kl_weight},
            {"vocoder_on_decoded", vocoder_on_decoded},
            {"vocoder_main_only", vocoder_main_only},
            {"adam", adam_to_json(adam)},
            {"seed", seed}};
}

AudioCodecTrainOptions AudioCodecTrainOptions::from_json(const nlohmann::json& j) {
    AudioCodecTrainOptions o;
    o.model_config = j.at("model_config");
    o.vae_lr = j.at("vae_lr").get<double>();
    o.vocoder_lr = j.at("vocoder_lr").get<double>();
    o.kl_weight = j.at("kl_weight").get<double>();
    o.vocoder_on_decoded = j.value("vocoder_on_decoded", false);  // absent before they existed
    o.vocoder_main_only = j.value("vocoder_main_only", false);
    o.adam = adam_from_json(j.at("adam"));
    o.seed = j.at("seed").get<uint64_t>();
    return o;
}

int64_t audio_segment_samples(const audio_vae::AudioVaeConfig& config, int64_t max_samples) {
    const int64_t factor = int64_t{1} << (config.num_levels() - 1);
    const int64_t unit = config.mel.hop_length * factor;  // one latent frame of samples
    return std::max<int64_t>(1, max_samples / unit) * unit;
}

// ---- trainer ---------------------------------------------------------------------------------

AudioCodecTrainer::AudioCodecTrainer(const AudioCodecTrainOptions& options, c10::Device device)
    : options_(options), device_(device) {
    if (options_.model_config.is_null())
        options_.model_config = audio_vae::tiny_checkpoint_config();
    const auto config = codec_config(options_.model_config);
    audio_vae::CodecOptions co;
    co.with_encoder = true;
    codec_ = std::make_shared<audio_vae::AudioCodec>(config, co);
    audio_vae::randomize_weights(*codec_, options_.seed);
    {
        at::NoGradGuard no_grad;
        codec_->audio_vae->per_channel_statistics->mean_of_means.zero_();
        codec_->audio_vae->per_channel_statistics->std_of_means.fill_(1.0);
    }
    narrow_posterior(*codec_->audio_vae, "encoder.conv_out.conv.bias", config.vae.z_channels,
                     kInitialPosteriorLogVar);
    codec_->to(device_);
    mel_ = std::make_unique<audio_vae::MelFrontEnd>(config.vae.mel);
    NamedParameters vae_params;
    for (auto& p : trainable_parameters(*codec_->audio_vae))
        vae_params.emplace_back("audio_vae." + p.first, p.second);
    NamedParameters voc_params;
    for (auto& p : trainable_parameters(*codec_->vocoder))
        voc_params.emplace_back("vocoder." + p.first, p.second);
    vae_adam_ = std::make_unique<Adam>(std::move(vae_params), options_.adam);
    vocoder_adam_ = std::make_unique<Adam>(std::move(voc_params), options_.adam);
}

at::Tensor AudioCodecTrainer::mel_of(const at::Tensor& waveform) const {
    at::NoGradGuard no_grad;
    const at::Tensor w = waveform.dim() == 2 ? waveform.unsqueeze(0) : waveform;
    return mel_->forward(
        audio_vae::adapt_channels(w.to(device_, at::kFloat), codec_->config().vae.in_channels));
}

VaeStepStats AudioCodecTrainer::vae_step(const at::Tensor& waveform) {
    const at::Tensor mel = mel_of(waveform);  // [B, 2, T, M]
    // 1. posterior                                                        // [B, z, T', F']
    const audio_vae::EncoderOutput enc = codec_->audio_vae->encoder->forward(mel);
    const at::Tensor mu = enc.mean_raw;
    const at::Tensor log_var = enc.logvar.clamp(-30.0, 20.0);
    // 2. reparameterised sample, noise from (seed, step); the statistics are the identity
    //    while training, so the decoder sees the raw sample
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options_.seed * 1000003ULL + 7919ULL +
                                                        static_cast<uint64_t>(vae_steps()));
    const at::Tensor eps = at::randn(mu.sizes(), gen, mu.options().device(c10::kCPU)).to(device_);
    const at::Tensor z = mu + eps * (0.5 * log_var).exp();
    // 3. decode and loss                                                  // [B, 2, T, M]
    const at::Tensor recon = codec_->audio_vae->decoder->forward(z);
    const at::Tensor rec = (recon - mel).abs().mean();
    const at::Tensor kl = 0.5 * (mu.pow(2) + log_var.exp() - 1.0 - log_var).mean();
    const at::Tensor loss = rec + options_.kl_weight * kl;
    loss.backward();
    VaeStepStats s;
    s.loss = loss.item<double>();
    s.reconstruction = rec.item<double>();
    s.kl = kl.item<double>();
    s.grad_norm = vae_adam_->step(options_.vae_lr);
    return s;
}

at::Tensor AudioCodecTrainer::vocoder_loss_tensor(const at::Tensor& waveform, bool grad) {
    const at::Tensor w = audio_vae::adapt_channels(
        (waveform.dim() == 2 ? waveform.unsqueeze(0) : waveform).to(device_, at::kFloat),
        codec_->config().vae.out_ch);  // [B, 2, N]
    const at::Tensor mel = vocoder_input(w);
    at::AutoGradMode mode(grad);
    const int64_t n = w.size(2);
    if (options_.vocoder_main_only) {
        const at::Tensor low = codec_->vocoder->vocoder->forward(mel);  // [B, 2, L]
        const at::Tensor target = w.narrow(2, 0, std::min(n, low.size(2)));
        return stereo_stft_loss(low.narrow(2, 0, target.size(2)), target);
    }
    // 1. generators: low band at 16 kHz (trace) and the 48 kHz output
    vocoder::BweTrace trace;
    const at::Tensor out = codec_->vocoder->forward(mel, &trace);  // [B, 2, r·L]
    const int64_t ratio = codec_->vocoder->config().bwe_stage.ratio();
    // 2. targets: the input, and its sinc-upsampled copy (the BWE's skip path of a perfect
    //    low band)
    const at::Tensor target_hi = codec_->vocoder->resampler().forward(w);  // [B, 2, r·N]
    const int64_t n_hi = std::min(out.size(2), target_hi.size(2));
    const at::Tensor low = trace.lowband.narrow(2, 0, std::min(n, trace.lowband.size(2)));
    return stereo_stft_loss(low, w.narrow(2, 0, low.size(2))) +
           stereo_stft_loss(out.narrow(2, 0, n_hi), target_hi.narrow(2, 0, n_hi), ratio);
}

at::Tensor AudioCodecTrainer::vocoder_input(const at::Tensor& waveform) const {
    at::NoGradGuard no_grad;
    const at::Tensor mel = mel_of(waveform);
    if (!options_.vocoder_on_decoded) return mel;
    return codec_->audio_vae->decoder->forward(codec_->audio_vae->encoder->forward(mel).latent);
}

VaeStepStats AudioCodecTrainer::vocoder_step(const at::Tensor& waveform) {
    const at::Tensor loss = vocoder_loss_tensor(waveform, /*grad=*/true);
    loss.backward();
    VaeStepStats s;
    s.loss = loss.item<double>();
    s.reconstruction = s.loss;
    s.grad_norm = vocoder_adam_->step(options_.vocoder_lr);
    return s;
}

double AudioCodecTrainer::vocoder_loss(const at::Tensor& waveform) {
    at::NoGradGuard no_grad;
    return vocoder_loss_tensor(waveform, /*grad=*/false).item<double>();
}

AudioCodecTrainer::PitchCheck AudioCodecTrainer::vocoder_pitch(const at::Tensor& waveform,
                                                               bool through_vae) {
    at::NoGradGuard no_grad;
    const at::Tensor w = audio_vae::adapt_channels(
        (waveform.dim() == 2 ? waveform.unsqueeze(0) : waveform).to(device_, at::kFloat),
        codec_->config().vae.out_ch);  // [B, 2, N]
    at::Tensor mel = mel_of(w);
    if (through_vae)
        mel = codec_->audio_vae->decoder->forward(codec_->audio_vae->encoder->forward(mel).latent);
    // what a listener hears: the bandwidth-extended output, back at the codec's rate
    const int rate = static_cast<int>(codec_->config().vae.mel.sample_rate);
    const at::Tensor heard =
        audio::resample(codec_->vocoder->forward(mel),
                        codec_->vocoder->config().bwe_stage.output_sampling_rate, rate);
    const int64_t n = std::min(w.size(2), heard.size(2));
    const at::Tensor in = w.narrow(2, 0, n).mean(1).to(at::kCPU);  // [B, N] mono
    const at::Tensor out = heard.narrow(2, 0, n).mean(1).to(at::kCPU, at::kFloat);
    const double stretch = 0.16, length = static_cast<double>(n) / rate;
    std::vector<double> errors;
    for (int64_t b = 0; b < in.size(0); ++b) {
        for (double t = 0.0; t + stretch <= length + 1e-9; t += stretch) {
            const auto f_in = synth::median_pitch_hz(in[b], rate, t, t + stretch);
            const auto f_out = synth::median_pitch_hz(out[b], rate, t, t + stretch);
            if (f_in && f_out) errors.push_back(std::abs(12.0 * std::log2(*f_out / *f_in)));
        }
    }
    PitchCheck check;
    if (errors.empty()) return check;
    check.stretches = static_cast<int64_t>(errors.size());
    check.within_semitone = static_cast<double>(std::count_if(errors.begin(), errors.end(),
                                                              [](double e) { return e <= 1.0; })) /
                            static_cast<double>(errors.size());
    check.median_error = synth::median(std::move(errors));
    return check;
}

double AudioCodecTrainer::mel_reconstruction_l1(const at::Tensor& waveform) {
    at::NoGradGuard no_grad;
    const at::Tensor mel = mel_of(waveform);
    const audio_vae::EncoderOutput enc = codec_->audio_vae->encoder->forward(mel);
    const at::Tensor recon = codec_->audio_vae->decoder->forward(enc.latent);
    return (recon - mel).abs().mean().item<double>();
}

AudioCodecTrainer::InitParts AudioCodecTrainer::load_weights(const fs::path& exported) {
    const auto source = io::open_tensor_source(exported);
    const nlohmann::json have = audio_vae::checkpoint_config(*source);
    auto section = [](const nlohmann::json& config, const char* key) {
        return config.value(key, nlohmann::json());
    };
    const bool same_vae = section(have, "audio_vae") == section(options_.model_config, "audio_vae");
    const bool same_vocoder = section(have, "vocoder") == section(options_.model_config, "vocoder");
    if (!same_vae && !same_vocoder)
        throw Error(exported.string() +
                    ": both its audio VAE and vocoder configs differ from the trainer's (one "
                    "part must match: train with the same --config, or leave --config out to "
                    "take the file's)");
    if (!same_vae) {
        // A new VAE for this vocoder: nothing of the file's latents is kept.
        load_named_state(*codec_->vocoder, *source, "vocoder.");
        return InitParts::vocoder;
    }
    if (same_vocoder)
        load_named_state(*codec_, *source, "");
    else
        load_named_state(*codec_->audio_vae, *source, "audio_vae.");
    at::NoGradGuard no_grad;
    auto& stats = *codec_->audio_vae->per_channel_statistics;
    kept_mean_ = stats.mean_of_means.detach().to(at::kCPU).clone();
    kept_std_ = stats.std_of_means.detach().to(at::kCPU).clone();
    stats.mean_of_means.zero_();
    stats.std_of_means.fill_(1.0);
    return same_vocoder ? InitParts::everything : InitParts::vae;
}

void AudioCodecTrainer::restore_kept_statistics() {
    if (!has_kept_statistics()) throw Error("audio codec trainer: no latent statistics were kept");
    at::NoGradGuard no_grad;
    auto& stats = *codec_->audio_vae->per_channel_statistics;
    stats.mean_of_means.copy_(kept_mean_);
    stats.std_of_means.copy_(kept_std_);
}

void AudioCodecTrainer::save_checkpoint(const fs::path& path) const {
    std::vector<io::NamedTensor> tensors = named_state(*codec_, "model.");
    for (auto& t : vae_adam_->state("adam_vae."))
        tensors.push_back(std::move(t));
    for (auto& t : vocoder_adam_->state("adam_vocoder."))
        tensors.push_back(std::move(t));
    if (has_kept_statistics()) {
        tensors.push_back({"kept_statistics.mean_of_means", kept_mean_.contiguous(), {}});
        tensors.push_back({"kept_statistics.std_of_means", kept_std_.contiguous(), {}});
    }
    const nlohmann::json meta = {{"kind", kCheckpointKind},
                                 {"vae_step", vae_steps()},
                                 {"vocoder_step", vocoder_steps()},
                                 {"options", options_.to_json()}};
    io::save_safetensors(path, tensors, {{"trainer", meta.dump()}});
}

std::unique_ptr<AudioCodecTrainer> AudioCodecTrainer::from_checkpoint(const fs::path& path,
                                                                      c10::Device device) {
    const auto source = io::open_tensor_source(path);
    const nlohmann::json meta = read_trainer_metadata(*source, kCheckpointKind);
    auto trainer = std::make_unique<AudioCodecTrainer>(
        AudioCodecTrainOptions::from_json(meta.at("options")), device);
    load_named_state(*trainer->codec_, *source, "model.");
    trainer->vae_adam_->load_state(*source, "adam_vae.", meta.at("vae_step").get<int64_t>());
    trainer->vocoder_adam_->load_state(*source, "adam_vocoder.",
                                       meta.at("vocoder_step").get<int64_t>());
    if (source->contains("kept_statistics.mean_of_means")) {
        trainer->kept_mean_ = source->tensor_as("kept_statistics.mean_of_means", at::kFloat);
        trainer->kept_std_ = source->tensor_as("kept_statistics.std_of_means", at::kFloat);
    }
    return trainer;
}

void AudioCodecTrainer::set_latent_statistics(const std::vector<at::Tensor>& waveforms) {
    if (waveforms.empty()) throw Error("audio latent statistics: no waveforms given");
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> rows;
    for (const auto& w : waveforms) {
        const audio_vae::EncoderOutput enc = codec_->audio_vae->encoder->forward(mel_of(w));
        const at::Tensor p = audio_vae::patchify(enc.mean_raw);  // [B, T', z·F']
        rows.push_back(p.reshape({-1, p.size(2)}).to(at::kDouble));
    }
    const at::Tensor all = at::cat(rows, 0);  // [rows, channels]
    auto& stats = *codec_->audio_vae->per_channel_statistics;
    const at::Tensor mean = all.mean(0);
    stats.mean_of_means.copy_(mean);
    stats.std_of_means.copy_((all - mean).pow(2).mean(0).sqrt().clamp_min(1e-6));
}

nlohmann::json AudioCodecTrainer::export_codec(const fs::path& dir) {
    fs::create_directories(dir);
    io::save_safetensors(dir / "audio_vae.safetensors", named_state(*codec_, ""),
                         {{"config", options_.model_config.dump()}});
    return {{"weights", "audio_vae.safetensors"}, {"config", options_.model_config}};
}

}  // namespace nava::autoencoders
