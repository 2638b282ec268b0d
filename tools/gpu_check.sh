#!/usr/bin/env bash
# GPU checks on a machine with CUDA and PyTorch (no Qt, FFmpeg or PortAudio needed): builds the
# CLI and the GPU tests against the CUDA LibTorch inside this machine's PyTorch, then runs the
# GPU tests (training steps on the GPU against the CPU, one NCCL rank) and the GPU benchmarks.
#
#   tools/gpu_check.sh [BUILD_DIR]
#
# Environment: PYTHON (default python3), NAVA_GTEST_SOURCE (GoogleTest sources, where
# libgtest-dev is missing), NAVA_JSON_INCLUDE (folder holding nlohmann/json.hpp, where
# nlohmann-json3-dev is missing), NAVA_GPU_BENCH_REAL=1 to also time the real 6.3B config.
# Source `tools/gpu_check.sh --env` to get the library path for running the built programs.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
py=${PYTHON:-python3}

site=$($py -c 'import os, torch; print(os.path.dirname(os.path.dirname(torch.__file__)))') || {
    echo "gpu_check: no PyTorch for $py" >&2
    exit 2
}
torch_prefix=$($py -c 'import torch; print(torch.utils.cmake_prefix_path)')
# The CUDA libraries of a PyTorch wheel live in the nvidia-* packages beside it.
nv_libs=$(find "$site/nvidia" -name 'lib*.so*' -printf '%h\n' 2>/dev/null | sort -u | paste -sd:)
export LD_LIBRARY_PATH="$site/torch/lib${nv_libs:+:$nv_libs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
[[ "${1:-}" == "--env" ]] && return 0 2>/dev/null

build=${1:-$root/build-cuda}
nccl_inc=$(find "$site/nvidia" -name nccl.h -printf '%h\n' 2>/dev/null | head -1)
nccl_lib=$(find "$site/nvidia" -name 'libnccl.so*' 2>/dev/null | head -1)
args=(-S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=$torch_prefix"
      -DNAVA_GUI=OFF -DNAVA_FFMPEG=OFF -DNAVA_PORTAUDIO=OFF -DNAVA_FUZZ=OFF -DNAVA_CUDA=ON)
[[ -n "$nv_libs" ]] && args+=("-DCMAKE_EXE_LINKER_FLAGS=-Wl,-rpath-link,$nv_libs")
[[ -n "$nccl_inc" ]] && args+=("-DNAVA_NCCL_INCLUDE=$nccl_inc")
[[ -n "$nccl_lib" ]] && args+=("-DNAVA_NCCL_LIBRARY=$nccl_lib")
[[ -n "${NAVA_GTEST_SOURCE:-}" ]] && args+=("-DNAVA_GTEST_SOURCE=$NAVA_GTEST_SOURCE")
[[ -n "${NAVA_JSON_INCLUDE:-}" ]] && args+=("-DNAVA_JSON_INCLUDE=$NAVA_JSON_INCLUDE")

echo "== configure"
cmake "${args[@]}" || exit 3
echo "== build"
ninja -C "$build" -k 0 nava test_gpu_training || exit 4

status=0
echo "== tests (label gpu)"
(cd "$build" && ctest -L gpu --output-on-failure --timeout 300) || status=5
echo "== bench matmul"
"$build/bin/nava" bench matmul --device cuda || status=6
echo "== bench dit: NAVA-tiny width, 2048 tokens, batch 3"
tiny_cfg=$(mktemp --suffix=.json)
$py -c 'import json,sys; r=json.load(open(sys.argv[1])); print(json.dumps(r["model"]["config"]))' \
    "$root/tools/nava_tiny_recipe.json" >"$tiny_cfg" 2>/dev/null &&
    "$build/bin/nava" bench dit --config "$tiny_cfg" --device cuda --batch 3 --repeat 10 || status=7
if [[ "${NAVA_GPU_BENCH_REAL:-0}" == 1 ]]; then
    echo "== bench dit: NAVA-6B, 704x1280, 6 s (37x22x40 patches + 151 audio tokens)"
    "$build/bin/nava" bench dit --device cuda --video 37x22x40 --audio 151 --repeat 5 || status=8
fi
exit $status
