// A stand-in for `nava train` in the training-tab tests: prints the trainer's JSON progress
// lines on a schedule set in the recipe, writes checkpoint step folders, sample clips and an
// export like the real trainer, resumes from its newest checkpoint, and fails on request.
//
//   fake_nava train RECIPE [--nproc N]     the recipe's "fake" object sets the script:
//       {"step_ms": 20, "fail_at": 0, "fail_message": "...", "samples_every": 0}
//   fake_nava train --validate-data PATH   a scripted validation report
//   fake_nava train --help                 mentions --validate-data
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "media/capabilities.h"
#include "media/export.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int newest_checkpoint(const fs::path& dir) {
    int newest = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (e.is_directory() && name.rfind("step-", 0) == 0)
            newest = std::max(newest, std::atoi(name.c_str() + 5));
    }
    return newest;
}

void write_sample(const fs::path& path, int step) {
    if (!nava::media::capabilities().ffmpeg) return;
    nava::media::VideoBuffer video;
    video.width = 64;
    video.height = 36;
    video.fps = {12, 1};
    for (int f = 0; f < 6; ++f)
        for (int y = 0; y < video.height; ++y)
            for (int x = 0; x < video.width; ++x) {
                video.rgb.push_back(static_cast<uint8_t>((x * 4 + step * 20) % 256));
                video.rgb.push_back(static_cast<uint8_t>((y * 7 + f * 10) % 256));
                video.rgb.push_back(static_cast<uint8_t>(90 + step % 100));
            }
    nava::media::ExportOptions options;
    options.preset = "ultrafast";
    fs::create_directories(path.parent_path());
    nava::media::export_mp4(path, &video, nullptr, options);
}

int validate(const std::string& target) {
    std::cout
        << json{{"severity", "warning"}, {"file", "clip-2.mp4"}, {"message", "no caption"}}.dump()
        << "\n";
    std::cout << json{{"severity", "info"}, {"message", "checked " + target}}.dump() << "\n";
    std::cout << json{{"samples", 2}, {"captioned", 1}}.dump() << std::endl;
    if (target.find("bad") != std::string::npos) {
        std::cerr << "clip-1.mp4: cannot be decoded\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] != "train") {
        std::cerr << "fake_nava: only `train` is scripted\n";
        return 2;
    }
    std::string recipe_file;
    int nproc = 1;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--help") {
            std::cout << "usage: nava train RECIPE [--nproc N] [--validate-data PATH]\n";
            return 0;
        }
        if (args[i] == "--validate-data" && i + 1 < args.size()) return validate(args[i + 1]);
        if (args[i] == "--nproc" && i + 1 < args.size()) {
            nproc = std::atoi(args[++i].c_str());
            continue;
        }
        recipe_file = args[i];
    }
    std::ifstream in(recipe_file);
    if (!in) {
        std::cerr << "fake_nava: cannot read " << recipe_file << "\n";
        return 1;
    }
    const json recipe = json::parse(in);
    const json fake = recipe.value("fake", json::object());
    const int steps = recipe.value("steps", 100);
    const int checkpoint_every = recipe.value("checkpoint_every", 0);
    const fs::path out = recipe.value("output_dir", std::string("runs/fake"));
    const int step_ms = fake.value("step_ms", 20);
    const int fail_at = fake.value("fail_at", 0);
    const int samples_every = fake.value("samples_every", 0);
    const double lr = recipe.value("optimizer", json::object()).value("lr", 1e-4);

    // 1. Resume from the newest checkpoint, like the trainer.
    const fs::path checkpoints = out / "checkpoints";
    const int first = newest_checkpoint(checkpoints);
    if (first > 0)
        std::cout << json{{"event", "resumed"},
                          {"step", first},
                          {"checkpoint",
                           (checkpoints / ("step-" + std::to_string(first))).string()}}
                         .dump()
                  << std::endl;
    std::cout << json{{"event", "start"},
                      {"recipe", recipe.value("name", "run")},
                      {"ranks", nproc},
                      {"method", recipe.value("finetune", json::object()).value("method", "")},
                      {"stage", recipe.value("stage", "")}}
                     .dump()
              << std::endl;

    // 2. Steps.
    for (int step = first + 1; step <= steps; ++step) {
        std::this_thread::sleep_for(std::chrono::milliseconds(step_ms));
        if (fail_at > 0 && step == fail_at) {
            std::cerr << "nava train: step " << step << ": "
                      << fake.value("fail_message", std::string("out of memory")) << std::endl;
            return 3;
        }
        const double loss = 0.2 + 1.0 / (1.0 + 0.15 * step);
        std::cout << json{{"event", "step"},
                          {"step", step},
                          {"steps", steps},
                          {"loss", loss},
                          {"loss_video", loss * 0.6},
                          {"loss_audio", loss * 0.4 + 0.02 * std::sin(step)},
                          {"grad_norm", 1.5 / std::sqrt(double(step))},
                          {"lr", lr * std::min(1.0, step / 10.0)},
                          {"seconds", step_ms / 1000.0},
                          {"samples_per_s", 8.0},
                          {"tokens_per_s", 12000.0},
                          {"rss_mib", 850.0}}
                         .dump()
                  << std::endl;
        if (checkpoint_every > 0 && step % checkpoint_every == 0) {
            // Written hidden, then renamed into place: a step folder is always complete.
            char name[32];
            std::snprintf(name, sizeof name, "step-%08d", step);
            const fs::path partial = checkpoints / (std::string(".") + name + ".partial");
            fs::create_directories(partial);
            std::ofstream(partial / "shard-0.safetensors") << "x";
            fs::rename(partial, checkpoints / name);
        }
        if (samples_every > 0 && step % samples_every == 0) {
            char name[32];
            std::snprintf(name, sizeof name, "step-%06d.mp4", step);
            write_sample(out / "samples" / name, step);
        }
    }

    // 3. Export and summary.
    const fs::path model = out / "model.safetensors";
    fs::create_directories(out);
    std::ofstream(model) << "model";
    std::cout << json{{"event", "done"}, {"step", steps}, {"export", model.string()}}.dump()
              << std::endl;
    std::cout << json{{"event", "summary"}, {"first_step", first}, {"last_step", steps}}.dump()
              << std::endl;
    return 0;
}
