// `nava`: the command-line face of the engine.
#include <c10/util/Exception.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/common/openmp_policy.h"
#include "inference/core/error.h"
#include "inference/core/runtime.h"
#include "media/capabilities.h"
#include "media/media_error.h"
#include "nava/build_config.h"

namespace {

struct Command {
    const char* name;
    int (*run)(const nava::cli::Args&);
    const char* summary;
};

const Command kCommands[] = {
    {"generate", nava::cli::cmd_generate, "make a clip from a prompt (or a file of requests)"},
    {"train", nava::cli::cmd_train, "fine-tune a model on a dataset"},
    {"train-vae", nava::cli::cmd_train_vae, "train the video VAE or audio codec from scratch"},
    {"parity", nava::cli::cmd_parity, "check a component against a reference fixture"},
    {"bench", nava::cli::cmd_bench, "measure speed and memory"},
    {"package", nava::cli::cmd_package, "make a model package (random weights, for training)"},
    {"convert", nava::cli::cmd_convert, "rewrite weights for a memory profile (--fp8)"},
    {"inspect", nava::cli::cmd_inspect, "list the tensors of a weights file"},
    {"synth", nava::cli::cmd_synth, "generate the synthetic audio-visual training world"},
};

void print_usage(std::ostream& out) {
    out << "usage: nava <command> [arguments] [options]\n\ncommands:\n";
    for (const auto& c : kCommands) {
        out << "  " << c.name;
        for (std::size_t i = std::strlen(c.name); i < 10; ++i)
            out << ' ';
        out << c.summary << "\n";
    }
    out << "\n'nava <command> --help' describes a command. 'nava --version' shows the build.\n";
}

void print_version() {
    const auto rt = nava::runtime_info();
    const auto media = nava::media::capabilities();
    std::cout << "nava " << NAVA_VERSION_STRING << "\n"
              << "  LibTorch " << rt.torch_version << ", " << rt.intra_op_threads
              << " threads, CUDA devices: " << rt.cuda_devices << "\n"
              << "  BLAS: " << rt.blas << "\n"
              << "  bf16 on the CPU: "
              << (rt.cpu_native_bf16 ? "native (AVX-512)" : "computed in float32 (no AVX-512)")
              << "\n"
              << "  FFmpeg: " << (media.ffmpeg ? media.ffmpeg_version : "not built in") << "\n"
              << "  PortAudio: " << (media.portaudio ? media.portaudio_version : "not built in")
              << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    nava::app::ensure_passive_openmp(argc, argv);
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty()) {
        print_usage(std::cerr);
        return 2;
    }
    const std::string& name = all.front();
    if (name == "--help" || name == "-h" || name == "help") {
        print_usage(std::cout);
        return 0;
    }
    std::string context = "nava";
    try {
        nava::init_runtime();
        if (name == "--version") {
            print_version();
            return 0;
        }
        for (const auto& c : kCommands) {
            if (name != c.name) continue;
            context = std::string("nava ") + c.name;
            return c.run(nava::cli::Args(all.begin() + 1, all.end()));
        }
        std::cerr << "nava: unknown command '" << name << "'\n\n";
        print_usage(std::cerr);
        return 2;
    } catch (const nava::cli::UsageError& e) {
        std::cerr << context << ": " << e.what() << " (see '" << context << " --help')\n";
        return 2;
    } catch (const c10::Error& e) {
        std::cerr << context << ": error: " << e.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << context << ": error: " << e.what() << "\n";
        return 1;
    } catch (...) {
        std::cerr << context << ": error: unexpected failure\n";
        return 1;
    }
}
