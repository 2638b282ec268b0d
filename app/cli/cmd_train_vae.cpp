// `nava train-vae`: trains NAVA-tiny's autoencoders from scratch on a `nava synth` folder —
// the video VAE (Wan2.2 class at small widths) or the audio codec (audio VAE + vocoder) — and
// writes weights in the layout the engine loads plus the manifest component block.
#include <cstdint>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "training/autoencoders/speaker_trainer.h"
#include "training/autoencoders/train_runs.h"
#include "training/distributed/communicator.h"

namespace nava::cli {

namespace {

void add_common(ArgParser& p) {
    p.option("data", "DIR", "synth folder (or its manifest.jsonl)")
        .option("out", "DIR", "output folder: checkpoint.safetensors, weights, component JSON")
        .option("steps", "N", "total optimisation steps (a resumed run continues up to N)", "1000")
        .option("batch", "B", "clips per step", "2")
        .option("holdout", "N", "last N manifest clips held out for evaluation", "8")
        .option("max-clips", "N", "use at most N clips of the manifest (0 = all)", "0")
        .option("checkpoint-every", "N", "write the checkpoint every N steps", "100")
        .option("log-every", "N", "progress line every N steps", "10")
        .option("max-minutes", "M", "stop (checkpoint and export) after M minutes (0 = none)", "0")
        .option("lr", "LR", "learning rate", "5e-4")
        .option("kl", "W", "weight of the KL term", "1e-6")
        .option("seed", "S", "initialisation / batch seed", "0")
        .flag("resume", "continue from <out>/checkpoint.safetensors when it exists")
        .option("device", "NAME",
                "where the steps run: auto (a GPU when there is one), cpu, cuda, cuda:N", "cpu")
        .epilog("With --resume, an explicit learning rate replaces the checkpoint's.");
}

c10::Device run_device(const ArgParser& p) {
    return train::training_device(p.get("device"), train::CommBackend::gloo, train::LaunchEnv{});
}

autoencoders::RunOptions run_options(const ArgParser& p) {
    if (!p.has("data") || !p.has("out")) throw UsageError("--data and --out are required");
    autoencoders::RunOptions r;
    r.data = p.get("data");
    r.out = p.get("out");
    r.steps = p.get_int("steps");
    r.batch = p.get_int("batch");
    r.holdout = p.get_int("holdout");
    r.max_clips = p.get_int("max-clips");
    r.checkpoint_every = p.get_int("checkpoint-every");
    r.log_every = p.get_int("log-every");
    r.max_minutes = p.get_double("max-minutes");
    r.resume = p.has("resume");
    if (r.resume && p.has("lr")) r.resume_lr = p.get_double("lr");
    if (r.steps < 0 || r.batch < 1 || r.holdout < 0)
        throw UsageError("--steps must be >= 0, --batch >= 1, --holdout >= 0");
    return r;
}

int train_video(const Args& args) {
    ArgParser p("nava train-vae video",
                "Train the video VAE (Wan2.2 architecture, small widths, z 48) with L1 + KL on "
                "synth clips; export video_vae.safetensors with the latent scale.");
    add_common(p);
    p.option("frames", "N", "frames per training clip (1 + 4k)", "9")
        .option("eval-frames", "N",
                "frames of the held-out clips the PSNR is measured on (1 + 4k; default: --frames; "
                "use the model's clip length: the chunk caches can drift on longer clips)")
        .option("size", "PX", "frame width and height (multiple of 16)", "64")
        .option("dim", "N", "encoder base width", "16")
        .option("dec-dim", "N", "decoder base width", "24")
        .option("object-weight", "W",
                "extra L1 weight of the pixels that differ from the clip's background (0 = plain "
                "L1; small objects are learnt far sooner with e.g. 20)",
                "0")
        .option("motion-weight", "W",
                "extra L1 weight of the pixels that differ from their own median over the clip "
                "(what moves or changes: mouths, balls in flight; 0 = none)",
                "0")
        .flag("decoder-only",
              "only the decoder learns: the encoder, its latents and their statistics stay those "
              "of --init, so a DiT trained on them still matches")
        .option("init", "FILE",
                "a fresh run starts from these exported weights (video_vae.safetensors)");
    if (!p.parse(args)) return 0;
    autoencoders::VideoRunOptions o;
    o.run = run_options(p);
    o.device = run_device(p);
    o.clip.frames = p.get_int("frames");
    o.clip.width = o.clip.height = static_cast<int>(p.get_int("size"));
    if (o.clip.frames < 1 || (o.clip.frames - 1) % 4 != 0)
        throw UsageError("--frames must be 1 + 4k (1, 5, 9, ...)");
    if (p.has("eval-frames")) {
        o.eval_frames = p.get_int("eval-frames");
        if (o.eval_frames < 1 || (o.eval_frames - 1) % 4 != 0)
            throw UsageError("--eval-frames must be 1 + 4k (1, 5, 9, ...)");
    }
    if (o.clip.width < 16 || o.clip.width % 16 != 0)
        throw UsageError("--size must be a positive multiple of 16");
    o.train.dim = p.get_int("dim");
    o.train.dec_dim = p.get_int("dec-dim");
    o.train.lr = p.get_double("lr");
    o.train.kl_weight = p.get_double("kl");
    o.train.object_weight = p.get_double("object-weight");
    o.train.motion_weight = p.get_double("motion-weight");
    if (o.train.object_weight < 0.0 || o.train.motion_weight < 0.0)
        throw UsageError("--object-weight and --motion-weight must be >= 0");
    o.train.decoder_only = p.has("decoder-only");
    if (o.train.decoder_only && !p.has("init"))
        throw UsageError("--decoder-only needs --init (the weights whose encoder is kept)");
    if (p.has("init")) o.init_weights = p.get("init");
    o.train.seed = static_cast<uint64_t>(p.get_int("seed"));
    const auto s = autoencoders::run_video_vae_training(o, std::cout);
    std::printf(
        "held-out PSNR %.2f dB -> %.2f dB, object L1 %.3f -> %.3f, moving L1 %.3f -> %.3f, %.3f "
        "steps/s\n",
        s.holdout_before, s.holdout_after, s.object_l1_before, s.object_l1_after,
        s.motion_l1_before, s.motion_l1_after, s.steps_per_s);
    return 0;
}

int train_audio(const Args& args) {
    ArgParser p("nava train-vae audio",
                "Train the audio codec (audio VAE over the log-mel, then optionally the vocoder "
                "with a multi-resolution STFT loss) at the pipeline fixture's tiny config; "
                "export audio_vae.safetensors with the latent statistics.");
    add_common(p);
    p.option("segment", "SAMPLES", "training segment length at 16 kHz", "10240")
        .option("vocoder-steps", "N", "vocoder steps after the VAE (0 = leave it random)", "0")
        .option("vocoder-lr", "LR", "vocoder learning rate", "2e-4")
        .option("init", "FILE",
                "start a fresh run from an exported codec (e.g. a package's audio_vae.safetensors; "
                "with --steps 0 only the vocoder trains and the latents stay as they were)")
        .option("config", "JSON", "checkpoint-style model config (default: the tiny one)")
        .option("vocoder-channels", "C",
                "main vocoder's first width (each upsampling stage halves it) instead of the "
                "config's; with --init and another width the VAE comes from the file and the "
                "vocoder starts fresh",
                "0")
        .flag("vocoder-on-decoded",
              "the vocoder learns from the VAE's reconstruction of each mel (what it is given "
              "when it decodes generated latents) instead of the true mel; a resumed run keeps "
              "its checkpoint's choice")
        .flag("vocoder-main-only",
              "only the vocoder's main generator learns (the 16 kHz low band), the bandwidth "
              "extension stays as it is: several times cheaper per step; a resumed run keeps its "
              "checkpoint's choice");
    if (!p.parse(args)) return 0;
    autoencoders::AudioRunOptions o;
    o.run = run_options(p);
    o.device = run_device(p);
    if (o.run.resume && p.has("vocoder-lr")) o.resume_vocoder_lr = p.get_double("vocoder-lr");
    o.segment_samples = p.get_int("segment");
    if (p.has("init")) o.init_weights = p.get("init");
    o.vocoder_steps = p.get_int("vocoder-steps");
    o.vocoder_channels = p.get_int("vocoder-channels");
    if (o.vocoder_channels < 0)
        throw UsageError("--vocoder-channels must be positive (or 0: the config's)");
    o.train.vae_lr = p.get_double("lr");
    o.train.vocoder_lr = p.get_double("vocoder-lr");
    o.train.kl_weight = p.get_double("kl");
    o.train.vocoder_on_decoded = p.has("vocoder-on-decoded");
    o.train.vocoder_main_only = p.has("vocoder-main-only");
    o.train.seed = static_cast<uint64_t>(p.get_int("seed"));
    if (p.has("config")) {
        const auto j = nlohmann::json::parse(p.get("config"), nullptr, false);
        if (j.is_discarded() || !j.is_object()) throw UsageError("--config must be a JSON object");
        o.train.model_config = j;
    }
    const auto s = autoencoders::run_audio_codec_training(o, std::cout);
    std::printf("held-out mel L1 %.4f -> %.4f, %.3f VAE steps/s", s.holdout_before, s.holdout_after,
                s.steps_per_s);
    if (o.vocoder_steps > 0)
        std::printf(
            "; vocoder STFT loss %.4f -> %.4f, pitch error %.2f -> %.2f semitones "
            "(voiced stretches within one: %.2f -> %.2f; %.2f semitones through the VAE), "
            "%.3f steps/s",
            s.vocoder_before, s.vocoder_after, s.vocoder_pitch_before, s.vocoder_pitch_after,
            s.vocoder_pitch_agreement_before, s.vocoder_pitch_agreement_after, s.codec_pitch_after,
            s.vocoder_steps_per_s);
    std::printf("\n");
    return 0;
}

int train_speaker(const Args& args) {
    ArgParser p("nava train-vae speaker",
                "Train the speaker encoder (ReDimNet class, tiny width) on the voices of a synth "
                "world: each span's reference recording and the span cut from its clip are two "
                "views of one voice (contrastive loss); export speaker_encoder.safetensors.");
    p.option("data", "DIR", "synth folder (or its manifest.jsonl)")
        .option("init", "FILE", "starting weights (e.g. a random package's speaker encoder)")
        .option("out", "DIR", "output folder: checkpoint.safetensors, speaker_encoder.safetensors")
        .option("steps", "N", "total optimisation steps (a resumed run continues up to N)", "1000")
        .option("batch", "B", "voice pairs per step", "32")
        .option("holdout", "N", "pairs held out for the evaluation", "128")
        .option("max-pairs", "N", "use at most N training pairs (0 = all)", "0")
        .option("crop", "SECONDS", "length of each view", "1.0")
        .option("lr", "LR", "learning rate", "1e-3")
        .option("temperature", "T", "softmax temperature of the cosine logits", "0.1")
        .option("checkpoint-every", "N", "write the checkpoint every N steps", "100")
        .option("log-every", "N", "progress line every N steps", "10")
        .option("max-minutes", "M", "stop (checkpoint and export) after M minutes (0 = none)", "0")
        .option("seed", "S", "batch seed", "0")
        .flag("resume", "continue from <out>/checkpoint.safetensors when it exists");
    if (!p.parse(args)) return 0;
    if (!p.has("data") || !p.has("out")) throw UsageError("--data and --out are required");
    autoencoders::SpeakerRunOptions o;
    o.data = p.get("data");
    o.init = p.get("init");
    o.out = p.get("out");
    o.steps = p.get_int("steps");
    o.batch = p.get_int("batch");
    o.holdout = p.get_int("holdout");
    o.max_pairs = p.get_int("max-pairs");
    o.crop_s = p.get_double("crop");
    o.lr = p.get_double("lr");
    o.temperature = p.get_double("temperature");
    o.checkpoint_every = p.get_int("checkpoint-every");
    o.log_every = p.get_int("log-every");
    o.max_minutes = p.get_double("max-minutes");
    o.seed = static_cast<uint64_t>(p.get_int("seed"));
    o.resume = p.has("resume");
    if (o.crop_s <= 0.1 || o.temperature <= 0.0)
        throw UsageError("--crop must exceed 0.1 s and --temperature must be positive");
    autoencoders::run_speaker_training(o, [](const std::string& line) {
        std::printf("%s\n", line.c_str());
        std::fflush(stdout);
    });
    return 0;
}

}  // namespace

int cmd_train_vae(const Args& args) {
    const char* usage =
        "usage: nava train-vae video|audio|speaker --data SYNTH_DIR --out DIR [options]\n"
        "  NAVA-tiny's encoders: 'nava train-vae video --help', '... audio --help' and\n"
        "  '... speaker --help' list the options.\n";
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        if (args.empty()) throw UsageError(usage);
        std::printf("%s", usage);
        return 0;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args[0] == "video") return train_video(rest);
    if (args[0] == "audio") return train_audio(rest);
    if (args[0] == "speaker") return train_speaker(rest);
    throw UsageError(usage);
}

}  // namespace nava::cli
