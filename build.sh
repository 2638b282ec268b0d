#!/usr/bin/env bash
# NAVA Studio: one command from a fresh Debian 12 machine to a working build.
#
#   ./build.sh          install what is missing, configure, build (Release, Ninja)
#   ./build.sh test     ... then run the whole test suite (exit status = result)
#   ./build.sh demo     ... then make a clip with the embedded model and open the studio
#
# Environment: NAVA_BUILD_DIR (default ./build), NAVA_JOBS (parallel compile jobs),
# NAVA_SKIP_INSTALL=1 (never call apt-get), CMAKE_PREFIX_PATH (e.g. a CUDA LibTorch),
# NAVA_CMAKE_ARGS (extra configure arguments), CI=true (non-interactive, more output).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD_DIR=${NAVA_BUILD_DIR:-$ROOT/build}
MODE=${1:-build}

say() { printf '\033[1m[build.sh]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[build.sh]\033[0m %s\n' "$*" >&2; exit 1; }

case "$MODE" in
    build|test|demo) ;;
    -h|--help|help)
        sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
        exit 0 ;;
    *) die "unknown mode '$MODE' (use: ./build.sh [test|demo])" ;;
esac

# ---------------------------------------------------------------------------------------------
# 1. Packages (Debian 12). Only missing ones are installed; a second run checks and moves on.
# ---------------------------------------------------------------------------------------------
PACKAGES=(
    # toolchain
    build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev git
    # engine
    libtorch-dev libgloo-dev libopenblas0-openmp nlohmann-json3-dev libsentencepiece-dev
    # studio
    qt6-base-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev libqt6svg6 gstreamer1.0-plugins-base
    gstreamer1.0-plugins-good gstreamer1.0-libav
    # media
    libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev
    portaudio19-dev
    # tests and tools
    libgtest-dev libgmock-dev ffmpeg xvfb xauth imagemagick espeak-ng sox sentencepiece
    clang-format
)

missing_packages() {
    local p status
    for p in "${PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
        [[ "$status" == ii* ]] || printf '%s\n' "$p"
    done
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        return 1
    fi
}

install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        say "not a Debian system: skipping package installation (install the equivalents of: ${PACKAGES[*]})"
        return
    fi
    local missing
    missing=$(missing_packages)
    if [[ -z "$missing" ]]; then
        say "all ${#PACKAGES[@]} packages present"
    elif [[ "${NAVA_SKIP_INSTALL:-0}" == 1 ]]; then
        die "missing packages (NAVA_SKIP_INSTALL=1 set): $(echo $missing)"
    else
        say "installing $(echo "$missing" | wc -l) missing packages: $(echo $missing)"
        export DEBIAN_FRONTEND=noninteractive
        as_root apt-get update -qq ||
            die "cannot run apt-get (run as root or install sudo); missing: $(echo $missing)"
        # shellcheck disable=SC2086
        as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
            die "apt-get install failed for: $(echo $missing)"
    fi
    select_openblas
}

# Debian's LibTorch multiplies float32 matrices through libblas.so.3; the reference BLAS there
# is ~30x slower than OpenBLAS. Make sure the alternative points at OpenBLAS.
select_openblas() {
    local alt=libblas.so.3-x86_64-linux-gnu
    local want=/usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3
    command -v update-alternatives >/dev/null 2>&1 || return 0
    [[ -e "$want" ]] || return 0
    local current
    current=$(update-alternatives --query "$alt" 2>/dev/null | sed -n 's/^Value: //p')
    if [[ "$current" != "$want" ]]; then
        say "selecting OpenBLAS for libblas.so.3 (was: ${current:-unset})"
        as_root update-alternatives --set "$alt" "$want" >/dev/null ||
            say "warning: could not select OpenBLAS; float32 matmul will be slow"
        as_root update-alternatives --set liblapack.so.3-x86_64-linux-gnu \
            /usr/lib/x86_64-linux-gnu/openblas-openmp/liblapack.so.3 >/dev/null 2>&1 || true
    fi
}

# ---------------------------------------------------------------------------------------------
# 2. Configure and build.
# ---------------------------------------------------------------------------------------------
jobs() {
    if [[ -n "${NAVA_JOBS:-}" ]]; then
        echo "$NAVA_JOBS"
        return
    fi
    # A torch translation unit needs up to ~1.5 GB while compiling: cap jobs by memory too.
    local cores mem_gb by_mem
    cores=$(nproc 2>/dev/null || echo 2)
    mem_gb=$(awk '/MemAvailable/ {print int($2 / 1048576)}' /proc/meminfo 2>/dev/null || echo 4)
    by_mem=$(( mem_gb / 2 ))
    (( by_mem < 1 )) && by_mem=1
    echo $(( cores < by_mem ? cores : by_mem ))
}

configure_and_build() {
    local generator=Ninja
    command -v ninja >/dev/null 2>&1 || generator="Unix Makefiles"
    if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
        say "configuring in $BUILD_DIR ($generator, Release)"
        # shellcheck disable=SC2086
        cmake -S "$ROOT" -B "$BUILD_DIR" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
            ${NAVA_CMAKE_ARGS:-}
    fi
    local start=$SECONDS
    say "building with $(jobs) parallel jobs"
    cmake --build "$BUILD_DIR" --parallel "$(jobs)"
    say "build done in $(( SECONDS - start )) s; binaries in $BUILD_DIR/bin"
}

# ---------------------------------------------------------------------------------------------
# 3. Modes.
# ---------------------------------------------------------------------------------------------
run_tests() {
    local start=$SECONDS
    say "running the test suite"
    local status=0
    ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "${NAVA_TEST_JOBS:-2}" \
        --timeout 900 || status=$?
    say "tests finished in $(( SECONDS - start )) s (status $status)"
    return $status
}

run_demo() {
    local package="$ROOT/assets/models/nava-tiny"
    if [[ ! -f "$package/manifest.json" ]]; then
        say "The build is complete, but the embedded NAVA-tiny model is not part of this checkout"
        say "yet ($package is missing), so no demo clip can be generated."
        say "What works now: the official NAVA weights (README, 'Official weights') with"
        say "  $BUILD_DIR/bin/nava generate --package DIR --prompt '...'  and the studio"
        say "  ($BUILD_DIR/bin/nava-studio, Settings -> model folders); nava train, synth, parity, bench."
        exit 3
    fi
    mkdir -p "$ROOT/out"
    "$BUILD_DIR/bin/nava" generate --package "$package" --requests "$ROOT/assets/examples/demo.json" \
        --out "$ROOT/out/demo.mp4"
    say "wrote $ROOT/out/demo.mp4"
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x "$BUILD_DIR/bin/nava-studio" ]]; then
        "$BUILD_DIR/bin/nava-studio" "$ROOT/out/demo.mp4" &
        say "studio started"
    else
        say "no display: open $ROOT/out/demo.mp4 with any player"
    fi
}

install_packages
configure_and_build
case "$MODE" in
    test) run_tests ;;
    demo) run_demo ;;
    build) ;;
esac
