// `nava inspect FILE`: what a weights file holds, or the streams and the generation recipe of a
// media file (dispatch on the file name extension).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/io/tensor_source.h"
#include "media/export.h"
#include "media/probe.h"

namespace nava::cli {

std::string format_count(unsigned long long n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string format_bytes(unsigned long long n) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = static_cast<double>(n);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.2f %s", v, units[u]);
    return buf;
}

namespace {

std::string shape_string(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

bool is_media_file(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    const auto dot = name.rfind('.');
    return dot != std::string::npos && media::is_media_extension(name.substr(dot + 1));
}

// Media files: container, streams, tags and the recipe stored by `nava generate` / the studio.
int inspect_media(const std::string& path, bool json) {
    const media::MediaInfo info = media::probe(path);
    const std::optional<std::string> recipe = media::read_recipe(path);
    if (json) {
        nlohmann::json doc;
        doc["file"] = path;
        doc["container"] = info.container;
        doc["container_long"] = info.container_long;
        doc["duration_s"] = info.duration_s;
        doc["bit_rate_bps"] = info.bit_rate_bps;
        doc["is_image"] = info.is_image;
        doc["tags"] = info.metadata;
        doc["streams"] = nlohmann::json::array();
        for (const auto& s : info.streams) {
            nlohmann::json j = {{"index", s.index},
                                {"kind", media::to_string(s.kind)},
                                {"codec", s.codec},
                                {"profile", s.profile},
                                {"decodable", s.decodable},
                                {"duration_s", s.duration_s},
                                {"bit_rate_bps", s.bit_rate_bps},
                                {"frame_count", s.frame_count},
                                {"tags", s.metadata}};
            if (s.kind == media::StreamKind::video) {
                j["width"] = s.width;
                j["height"] = s.height;
                j["pixel_format"] = s.pixel_format;
                j["fps"] = s.fps.value();
            } else if (s.kind == media::StreamKind::audio) {
                j["sample_rate_hz"] = s.sample_rate_hz;
                j["channels"] = s.channels;
                j["channel_layout"] = s.channel_layout;
                j["sample_format"] = s.sample_format;
            }
            doc["streams"].push_back(j);
        }
        // The recipe as a JSON value when it parses, else as the text that is there.
        if (recipe) {
            const auto parsed = nlohmann::json::parse(*recipe, nullptr, false);
            doc["recipe"] = parsed.is_discarded() ? nlohmann::json(*recipe) : parsed;
        } else {
            doc["recipe"] = nullptr;
        }
        std::cout << doc.dump(1) << "\n";
        return 0;
    }
    // The recipe is printed in full below; in the tag list it would only repeat.
    media::MediaInfo shown = info;
    if (recipe)
        for (auto it = shown.metadata.begin(); it != shown.metadata.end();)
            it = it->second == *recipe ? shown.metadata.erase(it) : std::next(it);
    std::cout << media::describe(shown);
    if (!recipe) {
        std::cout << "recipe: none\n";
        return 0;
    }
    const auto parsed = nlohmann::json::parse(*recipe, nullptr, false);
    std::cout << "recipe:\n" << (parsed.is_discarded() ? *recipe : parsed.dump(2)) << "\n";
    return 0;
}

}  // namespace

int cmd_inspect(const Args& args) {
    ArgParser p("nava inspect",
                "List the tensors of a weights file (.safetensors, sharded "
                "*.safetensors.index.json) with dtype, shape and size; or the streams, tags and "
                "generation recipe of a media file (.mp4, .mov, .mkv, .webm, .wav, .flac, .mp3, "
                ".ogg, .png, .jpg, ...).");
    p.positional("FILE", "the file to inspect")
        .option("filter", "TEXT", "only tensors whose name contains TEXT (weights files)")
        .flag("stats",
              "also print min / max / mean / std of every tensor (reads all data; weights files)")
        .flag("json", "print one JSON document instead of a table");
    if (!p.parse(args)) return 0;

    const std::string path = p.positional_value("FILE");
    if (is_media_file(path)) return inspect_media(path, p.has("json"));
    const auto source = io::open_tensor_source(path);
    const std::string filter = p.get("filter");
    std::vector<io::TensorInfo> infos;
    for (const auto& name : source->names()) {
        if (!filter.empty() && name.find(filter) == std::string::npos) continue;
        infos.push_back(*source->info(name));
    }
    unsigned long long params = 0, bytes = 0;
    for (const auto& i : infos) {
        unsigned long long n = 1;
        for (auto d : i.shape)
            n *= static_cast<unsigned long long>(d);
        params += n;
        bytes += i.size_bytes;
    }

    const bool stats = p.has("stats");
    auto tensor_stats = [&](const std::string& name) {
        const at::Tensor t = source->tensor_as(name, at::kDouble);
        if (t.numel() == 0) return std::array<double, 4>{0, 0, 0, 0};
        return std::array<double, 4>{t.min().item<double>(), t.max().item<double>(),
                                     t.mean().item<double>(),
                                     t.numel() > 1 ? t.std().item<double>() : 0.0};
    };

    if (p.has("json")) {
        nlohmann::json doc;
        doc["file"] = path;
        doc["tensor_count"] = infos.size();
        doc["parameter_count"] = params;
        doc["bytes"] = bytes;
        doc["metadata"] = source->metadata();
        for (const auto& i : infos) {
            nlohmann::json t = {{"name", i.name},
                                {"dtype", io::dtype_name(i.dtype)},
                                {"shape", i.shape},
                                {"bytes", i.size_bytes}};
            if (stats && io::dtype_is_floating(i.dtype)) {
                const auto s = tensor_stats(i.name);
                t["min"] = s[0];
                t["max"] = s[1];
                t["mean"] = s[2];
                t["std"] = s[3];
            }
            doc["tensors"].push_back(t);
        }
        std::cout << doc.dump(1) << "\n";
        return 0;
    }

    std::size_t name_width = 4, shape_width = 5;
    for (const auto& i : infos) {
        name_width = std::max(name_width, i.name.size());
        shape_width = std::max(shape_width, shape_string(i.shape).size());
    }
    std::cout << path << ": " << infos.size() << " tensors, " << format_count(params)
              << " parameters, " << format_bytes(bytes) << "\n";
    for (const auto& [k, v] : source->metadata()) {
        std::string shown = v.size() > 200 ? v.substr(0, 200) + "..." : v;
        std::cout << "metadata " << k << ": " << shown << "\n";
    }
    std::cout << std::left << std::setw(static_cast<int>(name_width) + 2) << "name" << std::setw(9)
              << "dtype" << std::setw(static_cast<int>(shape_width) + 2) << "shape"
              << "bytes" << (stats ? "        min          max          mean         std" : "")
              << "\n";
    for (const auto& i : infos) {
        std::cout << std::left << std::setw(static_cast<int>(name_width) + 2) << i.name
                  << std::setw(9) << io::dtype_name(i.dtype)
                  << std::setw(static_cast<int>(shape_width) + 2) << shape_string(i.shape)
                  << std::setw(12) << i.size_bytes;
        if (stats && io::dtype_is_floating(i.dtype)) {
            const auto s = tensor_stats(i.name);
            std::cout << std::right << std::scientific << std::setprecision(4);
            for (double x : s)
                std::cout << std::setw(13) << x;
            std::cout << std::defaultfloat << std::left;
        }
        std::cout << "\n";
    }
    return 0;
}

}  // namespace nava::cli
