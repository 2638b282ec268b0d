#!/usr/bin/env bash
# Makes NAVA-tiny from nothing, with this repository's own tools, in a work folder:
#
#   tools/make_nava_tiny.sh WORKDIR [minutes per encoder] [DiT steps of this run]
#
# Every step resumes: run it again (in this session or a later one) and it continues where it
# stopped — the world's clips are skipped when complete, the trainers resume from their
# checkpoints, the preprocessing cache keeps its entries, `nava train` resumes its stages.
# The package is written to WORKDIR/nava-tiny; copy it to assets/models/nava-tiny when
# `nava bench quality` says it beats the shipped one.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NAVA=${NAVA:-$ROOT/build/bin/nava}
W=${1:?usage: tools/make_nava_tiny.sh WORKDIR [encoder minutes] [DiT steps]}
MINUTES=${2:-12}
DIT_STEPS=${3:-0}
mkdir -p "$W"
cd "$W"
say() { printf '\033[1m[nava-tiny]\033[0m %s\n' "$*"; }

# 1. The world: 3000 training clips + 48 held-out prompts, 64x64, 49 frames (2.04 s) at 24 fps.
say "world"
"$NAVA" synth --out world --clips 3000 --holdout 48 --width 64 --height 64 --frames 49 \
    --seed 7 --quiet

# 2. A sentencepiece vocabulary of the world's captions (umT5 id layout + speech sentinels).
if [[ ! -f tok/spiece.model ]]; then
    say "tokenizer"
    mkdir -p tok
    sed -n 's/.*"caption":"\([^"]*\)".*/\1/p' world/manifest.jsonl > tok/corpus.txt
    spm_train --input=tok/corpus.txt --model_prefix=tok/spiece --model_type=bpe \
        --vocab_size=1000 --hard_vocab_limit=false --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 \
        --character_coverage=1.0 --num_threads=1 --minloglevel=2 \
        --user_defined_symbols='<extra_id_0>,<extra_id_1>,<extra_id_2>'
fi

# 3. The starting point: every component at its tiny width (umT5 64 x 2 layers, DiT 256 wide,
#    2 double + 4 single blocks, patch 1x1x1, ReDimNet with 64-d voices).
if [[ ! -f base/manifest.json ]]; then
    say "base package"
    "$NAVA" package random --tokenizer tok/spiece.model --out base --name nava-tiny --seed 11 \
        --text-dim 64 --text-layers 2 --text-ffn 128 --text-len 96 --speaker \
        --dit '{"dim": 256, "ffn_dim": 768, "num_heads": 4, "num_layers": 6, "num_double_layers": 2, "num_single_layers": 4, "patch_size": [1,1,1], "freq_dim": 128}' \
        --defaults '{"width": 64, "height": 64, "fps": 24, "duration_s": 2.0417, "steps": 16, "shift": 5.0}'
fi

# 4. Encoders (each resumes; MINUTES bounds this run of each).
say "video VAE"
# The L1 is weighted up (--object-weight) where pixels differ from the clip's background: with a
# plain L1 the decoder learns the backgrounds and ignores the latent's detail for thousands of
# steps. Short clips first (fast steps), then 25-frame clips: the causal chunk caches drift on
# clips longer than those they were trained on, and the DiT sees 49 frames. On a GPU
# (--device auto picks it) use larger batches and whole clips: VAE_BATCH=24 VAE_FRAMES=49 (the
# shipped VAE had 386 such steps on an H100 after its CPU steps).
VAE_BATCH=${VAE_BATCH:-2}
VAE_FRAMES=${VAE_FRAMES:-25}
"$NAVA" train-vae video --data world --out vvae --resume --steps 3000 --batch "$VAE_BATCH" \
    --lr 6e-4 --object-weight 20 --holdout 16 --frames 17 --eval-frames 49 --size 64 --dim 16 \
    --dec-dim 24 --max-clips 2400 --device auto --max-minutes "$MINUTES"
"$NAVA" train-vae video --data world --out vvae --resume --steps 100000 --batch "$VAE_BATCH" \
    --lr 3e-4 --holdout 16 --frames "$VAE_FRAMES" --eval-frames 49 --size 64 --dim 16 --dec-dim 24 \
    --max-clips 2400 --device auto --max-minutes "$MINUTES"
say "audio VAE and vocoder"
# The VAE, then the whole vocoder (main generator + bandwidth extension) on true mels; its log
# reports the pitch error on the true mel and through the VAE, and the share of voiced
# stretches within a semitone (the tiny vocoder still speaks voices at its 100 Hz frame rate:
# see docs/nava-tiny.md). The loss also judges the channels' mix, so the stereo output does not
# cancel when played in mono.
"$NAVA" train-vae audio --data world --out avae --resume --steps 1500 --vocoder-steps 400 \
    --batch 16 --lr 1e-3 --vocoder-lr 4e-4 --holdout 16 --device auto --max-minutes "$MINUTES"
# Then the main generator alone (about 4x cheaper per step; the shipped one had 1086 such steps
# of batch 8 on a 2-core CPU after 355 H100 steps of the whole vocoder).
"$NAVA" train-vae audio --data world --init avae/audio_vae.safetensors --out avoc --resume \
    --steps 0 --vocoder-steps 1100 --vocoder-main-only --batch 8 --vocoder-lr 5e-4 --holdout 16 \
    --device auto --max-minutes "$MINUTES"
say "speaker encoder"
"$NAVA" train-vae speaker --data world --init base/speaker_encoder.safetensors --out spk \
    --resume --steps 3000 --batch 32 --holdout 128 --max-minutes "$MINUTES"

# 5. The encoders the DiT trains against (bf16 storage, exactly what the package ships).
if [[ ! -f enc_pkg/manifest.json ]]; then
    "$NAVA" package assemble --base base --out enc_pkg --video-vae vvae/video_vae.component.json \
        --audio-vae avoc/audio_vae.component.json --speaker spk/speaker_encoder.safetensors
fi

# 6. The DiT: encode the world once, then the recipe's stages (joint, anneal).
cp -n "$ROOT/tools/nava_tiny_recipe.json" recipe.json
"$NAVA" train recipe.json --preprocess
if [[ "$DIT_STEPS" -gt 0 ]]; then
    "$NAVA" train recipe.json --max-steps "$DIT_STEPS"
else
    "$NAVA" train recipe.json
fi

# 7. The video VAE's decoder once more, alone (--decoder-only keeps the encoder, the latents and
#    their statistics, so the DiT still matches), with the pixels that change over a clip
#    weighted up (--motion-weight): mouths opening, balls in flight. The shipped decoder had 1446
#    such steps on a 2-core CPU (about 50 minutes).
say "video VAE decoder"
"$NAVA" train-vae video --data world --init vvae/video_vae.safetensors --decoder-only \
    --out vdec --resume --steps 1500 --batch "$VAE_BATCH" --lr 1e-4 --object-weight 20 \
    --motion-weight 100 --holdout 16 --frames "$VAE_FRAMES" --eval-frames 49 --size 64 --dim 16 \
    --dec-dim 24 --max-clips 1500 --device auto --max-minutes "$MINUTES"

# 8. The package (the vocoder may have trained further since step 5 and the decoder since step
#    7: neither changes the latents the DiT learnt) and its measures.
if [[ -f run/anneal/model.safetensors ]]; then
    "$NAVA" package assemble --base enc_pkg --out nava-tiny --dit run/anneal/model.safetensors \
        --audio-vae avoc/audio_vae.component.json --video-vae vdec/video_vae.component.json \
        --voices "ada=world/voices/orange-h000015.wav,bram=world/voices/blue-h000031.wav" \
        --about '{"world": {"seed": 7, "width": 64, "height": 64, "fps": 24, "frames": 49}}'
    # 200 held-out prompts (the world's 48 and 152 more, made once): the measures' intervals
    # are about half as wide as on 48, and the autoencoders' column is the ceiling
    "$NAVA" synth --out eval --clips 1 --holdout 200 --width 64 --height 64 --frames 49 \
        --seed 7 --quiet
    "$NAVA" bench quality --package nava-tiny --world eval --cases 200 --autoencoded both \
        --out bench-quality --json bench-quality.json --reuse
fi
