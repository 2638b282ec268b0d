#include "training/autoencoders/train_runs.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <ostream>

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>

#include "inference/core/error.h"
#include "inference/io/tensor_source.h"
#include "inference/models/audio_vae/audio_codec.h"
#include "inference/models/audio_vae/synthetic.h"
#include "media/atomic_file.h"

namespace nava::autoencoders {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string fmt(const char* format, double a, double b = 0, double c = 0, double d = 0,
                double e = 0) {
    char buf[256];
    std::snprintf(buf, sizeof(buf), format, a, b, c, d, e);
    return buf;
}

// "3.50 semitones, 12 of 40 voiced stretches within one", or that none is voiced.
std::string pitch_text(const AudioCodecTrainer::PitchCheck& c) {
    if (c.stretches == 0) return "no voiced stretch";
    const auto within = static_cast<int64_t>(std::llround(c.within_semitone * c.stretches));
    return fmt("%.2f semitones, ", c.median_error) + std::to_string(within) + " of " +
           std::to_string(c.stretches) + " voiced stretches within one";
}

struct Split {
    std::vector<ClipFiles> train, holdout;
};

Split split_clips(const RunOptions& run) {
    std::vector<ClipFiles> clips = read_clip_manifest(run.data);
    if (run.max_clips > 0 && static_cast<int64_t>(clips.size()) > run.max_clips)
        clips.resize(static_cast<std::size_t>(run.max_clips));
    const int64_t n = static_cast<int64_t>(clips.size());
    const int64_t hold = std::clamp<int64_t>(run.holdout, 0, n - 1);
    Split s;
    s.train.assign(clips.begin(), clips.end() - hold);
    s.holdout.assign(clips.end() - hold, clips.end());
    return s;
}

// Batch indices for a step: a function of (seed, step) only, so a resumed run sees the same.
at::Tensor batch_indices(uint64_t seed, int64_t step, int64_t count, int64_t batch) {
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed * 7919ULL + 0x5bd1e995ULL +
                                                        static_cast<uint64_t>(step));
    return at::randint(count, {batch}, gen, at::TensorOptions().dtype(at::kLong));
}

void write_json(const fs::path& path, const nlohmann::json& j) {
    media::write_file_atomically(path, [&](std::ostream& out) { out << j.dump(2) << "\n"; });
}

bool due(int64_t step, int64_t every) {
    return every > 0 && step % every == 0;
}

}  // namespace

// ---- video -----------------------------------------------------------------------------------

RunSummary run_video_vae_training(const VideoRunOptions& o, std::ostream& log) {
    const RunOptions& run = o.run;
    const Split split = split_clips(run);
    // 1. clips into memory: [N, 3, T, H, W] in [-1, 1]
    auto t_load = Clock::now();
    VideoClipOptions eval_clip = o.clip;
    if (o.eval_frames > 0) eval_clip.frames = o.eval_frames;
    auto load_all = [&](const std::vector<ClipFiles>& files, const VideoClipOptions& clip) {
        std::vector<at::Tensor> v;
        for (const auto& c : files)
            v.push_back(load_video_clip(c.video, clip));
        return v.empty() ? at::Tensor() : at::stack(v, 0);
    };
    const at::Tensor train = load_all(split.train, o.clip);
    const at::Tensor hold = load_all(split.holdout, eval_clip);
    log << "loaded " << split.train.size() << " training clips (" << o.clip.frames
        << " frames) and " << split.holdout.size() << " held-out clips (" << eval_clip.frames
        << " frames), " << o.clip.width << "x" << o.clip.height << ", in "
        << fmt("%.1f", seconds_since(t_load)) << " s" << std::endl;

    // 2. trainer: fresh or resumed
    fs::create_directories(run.out);
    const fs::path checkpoint = run.out / "checkpoint.safetensors";
    std::unique_ptr<VideoVaeTrainer> trainer;
    if (run.resume && fs::exists(checkpoint)) {
        trainer = VideoVaeTrainer::from_checkpoint(checkpoint, o.device);
        log << "resumed from " << checkpoint.string() << " at step " << trainer->steps()
            << std::endl;
        if (run.resume_lr > 0.0) trainer->set_lr(run.resume_lr);
        if (!o.init_weights.empty())
            log << "the checkpoint's weights are used, not those of " << o.init_weights.string()
                << (trainer->options().decoder_only ? " (its latent statistics are still the "
                                                      "export's: the encoder is unchanged)"
                                                    : " (--init starts fresh runs only)")
                << std::endl;
    } else {
        trainer = std::make_unique<VideoVaeTrainer>(o.train, o.device);
        if (!o.init_weights.empty()) {
            trainer->load_weights(o.init_weights);
            log << "started from the weights of " << o.init_weights.string() << std::endl;
        }
    }
    const VideoVaeTrainOptions& to = trainer->options();
    // A decoder-only run exports the statistics of the weights it started from; read them (and
    // check that they belong to this encoder) now rather than after the steps.
    video_vae::LatentScale kept_scale;
    if (to.decoder_only) {
        if (o.init_weights.empty())
            throw Error(
                "a decoder-only run needs the exported weights it started from (--init, also "
                "when resuming): their latent statistics are the ones its latents keep");
        kept_scale = exported_latent_scale(o.init_weights);
        if (!encoder_matches(trainer->model(), o.init_weights))
            throw Error(o.init_weights.string() +
                        ": its encoder is not the one this decoder-only run keeps (give the "
                        "--init it started from)");
    }
    log << "training on " << trainer->device().str() << ", learning rate " << to.lr
        << ", object weight " << to.object_weight << ", motion weight " << to.motion_weight
        << (to.decoder_only ? ", decoder only" : "") << std::endl;
    // Held-out PSNR, and the L1 on the pixels that differ from each clip's background (the
    // objects: a decoder that draws only the background still scores a fair PSNR) and on those
    // that change over the clip (a decoder that draws still objects scores a fair object L1).
    struct Quality {
        double psnr = 0.0, object_l1 = 0.0, motion_l1 = 0.0;
    };
    auto holdout_quality = [&]() {
        Quality q;
        if (!hold.defined()) return q;
        double object_abs = 0.0, object_count = 0.0, motion_abs = 0.0, motion_count = 0.0;
        for (int64_t i = 0; i < hold.size(0); ++i) {
            const at::Tensor x = hold.narrow(0, i, 1);
            const at::Tensor y = trainer->reconstruct(x).cpu();
            q.psnr += psnr_db(y, x);
            const at::Tensor err = (y - x).abs();
            const auto channels = static_cast<double>(x.size(1));
            const at::Tensor objects = object_mask(x).to(at::kFloat);
            object_abs += (err * objects).sum().item<double>();
            object_count += objects.sum().item<double>() * channels;
            const at::Tensor moving = motion_mask(x).to(at::kFloat);
            motion_abs += (err * moving).sum().item<double>();
            motion_count += moving.sum().item<double>() * channels;
        }
        q.psnr /= static_cast<double>(hold.size(0));
        q.object_l1 = object_count > 0.0 ? object_abs / object_count : 0.0;
        q.motion_l1 = motion_count > 0.0 ? motion_abs / motion_count : 0.0;
        return q;
    };
    RunSummary summary;
    auto log_quality = [&](const Quality& q) {
        log << "held-out PSNR (" << eval_clip.frames << " frames) at step " << trainer->steps()
            << ": " << fmt("%.2f", q.psnr) << " dB, object L1 " << fmt("%.3f", q.object_l1)
            << ", moving L1 " << fmt("%.3f", q.motion_l1);
    };
    const Quality before = holdout_quality();
    summary.holdout_before = before.psnr;
    summary.object_l1_before = before.object_l1;
    summary.motion_l1_before = before.motion_l1;
    log_quality(before);
    log << std::endl;

    // 3. steps
    const auto t0 = Clock::now();
    auto t_log = t0;
    int64_t since_log = 0;
    const int64_t n = train.size(0);
    while (trainer->steps() < run.steps) {
        if (run.max_minutes > 0 && seconds_since(t0) > run.max_minutes * 60.0) {
            log << "time limit reached" << std::endl;
            break;
        }
        const at::Tensor idx =
            batch_indices(o.train.seed, trainer->steps(), n, std::min(run.batch, n));
        const VaeStepStats s = trainer->step(train.index_select(0, idx));
        ++summary.steps_done;
        ++since_log;
        const int64_t step = trainer->steps();
        if (due(step, run.log_every) || step == run.steps) {
            const double rate = since_log / std::max(seconds_since(t_log), 1e-9);
            log << "step " << step << "/" << run.steps
                << fmt(" loss %.5f l1 %.5f kl %.2f grad %.3f  %.3f steps/s", s.loss,
                       s.reconstruction, s.kl, s.grad_norm, rate)
                << std::endl;
            t_log = Clock::now();
            since_log = 0;
        }
        if (due(step, run.checkpoint_every)) trainer->save_checkpoint(checkpoint);
    }
    const double elapsed = seconds_since(t0);
    summary.steps_per_s = summary.steps_done / std::max(elapsed, 1e-9);
    trainer->save_checkpoint(checkpoint);

    // 4. held-out quality, latent statistics over the training clips, export
    const Quality after = holdout_quality();
    summary.holdout_after = after.psnr;
    summary.object_l1_after = after.object_l1;
    summary.motion_l1_after = after.motion_l1;
    log_quality(after);
    log << " (" << summary.steps_done << " steps, " << fmt("%.3f", summary.steps_per_s)
        << " steps/s)" << std::endl;
    video_vae::LatentScale scale;
    if (to.decoder_only) {
        // the latents are the init file's, so are their statistics: a DiT trained on them keeps
        // matching exactly
        scale = kept_scale;
        log << "latent statistics kept from " << o.init_weights.string() << std::endl;
    } else {
        std::vector<at::Tensor> means;
        for (int64_t i = 0; i < n; i += 4)
            means.push_back(
                trainer->latent_means(train.narrow(0, i, std::min<int64_t>(4, n - i))).cpu());
        scale = latent_scale_of(means);
    }
    summary.component = export_video_vae(trainer->model(), scale, run.out);
    write_json(run.out / "video_vae.component.json", summary.component);
    log << "wrote " << (run.out / "video_vae.safetensors").string() << " and "
        << (run.out / "video_vae.component.json").string() << std::endl;
    return summary;
}

// ---- audio -----------------------------------------------------------------------------------

RunSummary run_audio_codec_training(const AudioRunOptions& o, std::ostream& log) {
    const RunOptions& run = o.run;
    const Split split = split_clips(run);
    AudioCodecTrainOptions train_options = o.train;
    if (train_options.model_config.is_null() && !o.init_weights.empty())
        train_options.model_config =
            audio_vae::checkpoint_config(*io::open_tensor_source(o.init_weights));
    if (train_options.model_config.is_null())
        train_options.model_config = audio_vae::tiny_checkpoint_config();
    if (o.vocoder_channels > 0) {
        nlohmann::json& cfg = train_options.model_config;
        if (!cfg.contains("vocoder") || !cfg["vocoder"].contains("vocoder"))
            throw ConfigError("the audio codec config has no vocoder section to resize");
        nlohmann::json& main = cfg["vocoder"]["vocoder"];
        const auto stages = main.value("upsample_rates", nlohmann::json::array());
        const int64_t unit = int64_t{1} << stages.size();
        if (o.vocoder_channels % unit != 0)
            throw ConfigError("the vocoder width must be a multiple of " + std::to_string(unit) +
                              " (it halves at each of its " + std::to_string(stages.size()) +
                              " upsampling stages)");
        main["upsample_initial_channel"] = o.vocoder_channels;
    }
    const auto config = audio_vae::AudioCodecConfig::from_checkpoint_json(
        train_options.model_config, "audio codec trainer config");
    const int64_t rate = config.vae.mel.sample_rate;
    const int64_t seg = audio_segment_samples(config.vae, o.segment_samples);

    // 1. waveforms [2, N] at the codec's rate; held-out: the first segment of each clip
    auto t_load = Clock::now();
    auto load_all = [&](const std::vector<ClipFiles>& files) {
        std::vector<at::Tensor> v;
        for (const auto& c : files) {
            if (c.audio.empty()) throw ConfigError("clip '" + c.id + "' has no audio file");
            at::Tensor w = load_audio_clip_as_engine(c.audio, static_cast<int>(rate), 2);
            if (w.size(1) < seg) w = at::constant_pad_nd(w, {0, seg - w.size(1)});
            v.push_back(w);
        }
        return v;
    };
    const std::vector<at::Tensor> train = load_all(split.train);
    const std::vector<at::Tensor> hold_clips = load_all(split.holdout);
    auto first_segments = [&](const std::vector<at::Tensor>& clips, std::size_t limit) {
        std::vector<at::Tensor> v;
        for (std::size_t i = 0; i < clips.size() && i < limit; ++i)
            v.push_back(clips[i].narrow(1, 0, seg));
        return v.empty() ? at::Tensor() : at::stack(v, 0);  // [B, 2, seg]
    };
    const at::Tensor hold = first_segments(hold_clips, hold_clips.size());
    // The pitch is judged over the whole held-out clips: a first segment may hold a stretch
    // or two of voice, or none.
    const at::Tensor hold_whole = [&] {
        int64_t longest = 0;
        for (const at::Tensor& c : hold_clips)
            longest = std::max(longest, c.size(1));
        std::vector<at::Tensor> v;
        for (const at::Tensor& c : hold_clips)
            v.push_back(at::constant_pad_nd(c, {0, longest - c.size(1)}));
        return v.empty() ? at::Tensor() : at::stack(v, 0);  // [B, 2, longest]
    }();
    log << "loaded " << train.size() << " training and " << hold_clips.size()
        << " held-out clips; segments of " << seg << " samples in "
        << fmt("%.1f", seconds_since(t_load)) << " s" << std::endl;

    fs::create_directories(run.out);
    const fs::path checkpoint = run.out / "checkpoint.safetensors";
    std::unique_ptr<AudioCodecTrainer> trainer;
    bool vocoder_from_file = false;  // a trained vocoder came with --init
    if (run.resume && fs::exists(checkpoint)) {
        trainer = AudioCodecTrainer::from_checkpoint(checkpoint, o.device);
        log << "resumed from " << checkpoint.string() << " at VAE step " << trainer->vae_steps()
            << ", vocoder step " << trainer->vocoder_steps() << std::endl;
        const auto& t = trainer->options();
        trainer->set_learning_rates(run.resume_lr > 0.0 ? run.resume_lr : t.vae_lr,
                                    o.resume_vocoder_lr > 0.0 ? o.resume_vocoder_lr : t.vocoder_lr);
        if (!o.init_weights.empty())
            log << "the checkpoint's weights are used, not those of " << o.init_weights.string()
                << " (--init starts fresh runs only)" << std::endl;
    } else {
        trainer = std::make_unique<AudioCodecTrainer>(train_options, o.device);
        if (!o.init_weights.empty()) {
            const auto parts = trainer->load_weights(o.init_weights);
            vocoder_from_file = parts != AudioCodecTrainer::InitParts::vae;
            const char* what = parts == AudioCodecTrainer::InitParts::everything ? "weights"
                               : parts == AudioCodecTrainer::InitParts::vae
                                   ? "VAE weights (the vocoder is new: its config differs)"
                                   : "vocoder weights (the VAE is new: its config differs)";
            log << "started from the " << what << " of " << o.init_weights.string() << std::endl;
        }
    }
    log << "training on " << trainer->device().str() << ", learning rates VAE "
        << trainer->options().vae_lr << ", vocoder " << trainer->options().vocoder_lr
        << "; the vocoder reads "
        << (trainer->options().vocoder_on_decoded ? "the VAE's reconstruction of the mel"
                                                  : "the true mel")
        << (trainer->options().vocoder_main_only ? ", only its main generator learns" : "")
        << std::endl;
    if (trainer->options().vocoder_on_decoded && o.vocoder_steps > 0 && run.steps == 0 &&
        trainer->vae_steps() == 0 && !trainer->has_kept_statistics())
        throw ConfigError(
            "--vocoder-on-decoded needs a trained audio VAE to reconstruct the mels: start from "
            "exported weights (--init) or train the VAE in the same run (--steps)");
    if (trainer->options().vocoder_on_decoded != train_options.vocoder_on_decoded ||
        trainer->options().vocoder_main_only != train_options.vocoder_main_only)
        log << "(the resumed checkpoint's vocoder choices hold)" << std::endl;
    const int64_t n = static_cast<int64_t>(train.size());
    const uint64_t seed = trainer->options().seed;
    auto batch_at = [&](int64_t step, uint64_t salt) {
        const at::Tensor idx = batch_indices(seed + salt, step, n, std::min(run.batch, n));
        auto gen = at::make_generator<at::CPUGeneratorImpl>(seed * 31ULL + salt * 17ULL +
                                                            static_cast<uint64_t>(step));
        std::vector<at::Tensor> v;
        for (int64_t i = 0; i < idx.size(0); ++i) {
            const at::Tensor& w = train[static_cast<std::size_t>(idx[i].item<int64_t>())];
            const int64_t room = w.size(1) - seg;
            const int64_t start =
                room > 0 ? at::randint(room + 1, {1}, gen, at::kLong).item<int64_t>() : 0;
            v.push_back(w.narrow(1, start, seg));
        }
        return at::stack(v, 0);  // [B, 2, seg]
    };

    RunSummary summary;
    auto loop = [&](const char* what, int64_t total, auto&& done, auto&& step_fn) {
        const auto t0 = Clock::now();
        auto t_log = t0;
        int64_t since_log = 0, count = 0;
        while (done() < total) {
            if (run.max_minutes > 0 && seconds_since(t0) > run.max_minutes * 60.0) {
                log << what << ": time limit reached" << std::endl;
                break;
            }
            const VaeStepStats s = step_fn();
            ++since_log;
            ++count;
            const int64_t step = done();
            if (due(step, run.log_every) || step == total) {
                const double r = since_log / std::max(seconds_since(t_log), 1e-9);
                log << what << " step " << step << "/" << total
                    << fmt(" loss %.5f rec %.5f kl %.2f grad %.3f  %.3f steps/s", s.loss,
                           s.reconstruction, s.kl, s.grad_norm, r)
                    << std::endl;
                t_log = Clock::now();
                since_log = 0;
            }
            if (due(step, run.checkpoint_every)) trainer->save_checkpoint(checkpoint);
        }
        return std::make_pair(count, count / std::max(seconds_since(t0), 1e-9));
    };

    // 2. VAE
    auto mel_l1 = [&]() { return hold.defined() ? trainer->mel_reconstruction_l1(hold) : 0.0; };
    summary.holdout_before = mel_l1();
    log << "held-out mel L1 at VAE step " << trainer->vae_steps() << ": "
        << fmt("%.4f", summary.holdout_before) << std::endl;
    const auto [vae_done, vae_rate] = loop(
        "vae", run.steps, [&] { return trainer->vae_steps(); },
        [&] { return trainer->vae_step(batch_at(trainer->vae_steps(), 1)); });
    summary.steps_done = vae_done;
    summary.steps_per_s = vae_rate;
    summary.holdout_after = mel_l1();
    log << "held-out mel L1 at VAE step " << trainer->vae_steps() << ": "
        << fmt("%.4f", summary.holdout_after) << " (" << vae_done << " steps, "
        << fmt("%.3f", vae_rate) << " steps/s)" << std::endl;
    if (vae_done > 0 && hold.defined() && (vocoder_from_file || trainer->vocoder_steps() > 0)) {
        const auto check = trainer->vocoder_pitch(hold_whole, /*through_vae=*/true);
        summary.codec_pitch_after = check.median_error;
        summary.codec_pitch_agreement_after = check.within_semitone;
        log << "held-out pitch error through the VAE (its trained vocoder on the reconstructed "
               "mel): "
            << pitch_text(check) << std::endl;
    }

    // 3. vocoder
    if (o.vocoder_steps > 0) {
        const at::Tensor voc_hold =
            hold.defined() ? hold.narrow(0, 0, std::min<int64_t>(2, hold.size(0))) : at::Tensor();
        // judged on what it learns from: the true mel, or the VAE's reconstruction
        const bool on_decoded = trainer->options().vocoder_on_decoded;
        const char* input = on_decoded ? " (through the VAE)" : "";
        if (voc_hold.defined()) {
            summary.vocoder_before = trainer->vocoder_loss(voc_hold);
            const auto check = trainer->vocoder_pitch(hold_whole, on_decoded);
            summary.vocoder_pitch_before = check.median_error;
            summary.vocoder_pitch_agreement_before = check.within_semitone;
            log << "held-out vocoder pitch error" << input << " at step "
                << trainer->vocoder_steps() << ": " << pitch_text(check) << std::endl;
        }
        const auto [voc_done, voc_rate] = loop(
            "vocoder", o.vocoder_steps, [&] { return trainer->vocoder_steps(); },
            [&] { return trainer->vocoder_step(batch_at(trainer->vocoder_steps(), 2)); });
        summary.vocoder_steps_per_s = voc_rate;
        if (voc_hold.defined()) {
            summary.vocoder_after = trainer->vocoder_loss(voc_hold);
            const auto check = trainer->vocoder_pitch(hold_whole, on_decoded);
            summary.vocoder_pitch_after = check.median_error;
            summary.vocoder_pitch_agreement_after = check.within_semitone;
            log << "held-out vocoder pitch error" << input << " at step "
                << trainer->vocoder_steps() << ": " << pitch_text(check) << std::endl;
        }
        log << "held-out vocoder STFT loss " << fmt("%.4f", summary.vocoder_before) << " -> "
            << fmt("%.4f", summary.vocoder_after) << ", pitch error "
            << fmt("%.2f", summary.vocoder_pitch_before) << " -> "
            << fmt("%.2f", summary.vocoder_pitch_after) << " semitones (" << voc_done << " steps, "
            << fmt("%.3f", voc_rate) << " steps/s)" << std::endl;
    }
    trainer->save_checkpoint(checkpoint);

    // 4. latent statistics over (up to 64) training segments (kept while the VAE has taken no
    //    step: those of the weights it started from), export
    if (trainer->vae_steps() == 0 && trainer->has_kept_statistics()) {
        trainer->restore_kept_statistics();
        log << "the VAE took no step: the latent statistics of its starting weights are kept"
            << std::endl;
    } else {
        trainer->set_latent_statistics({first_segments(train, 64)});
    }
    summary.component = trainer->export_codec(run.out);
    write_json(run.out / "audio_vae.component.json", summary.component);
    log << "wrote " << (run.out / "audio_vae.safetensors").string() << " and "
        << (run.out / "audio_vae.component.json").string() << std::endl;
    return summary;
}

}  // namespace nava::autoencoders
