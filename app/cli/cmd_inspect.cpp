// `nava inspect FILE`: what a weights file holds.
#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "inference/io/tensor_source.h"

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

}  // namespace

int cmd_inspect(const Args& args) {
    ArgParser p("nava inspect",
                "List the tensors of a weights file (.safetensors, sharded "
                "*.safetensors.index.json) with dtype, shape and size.");
    p.positional("FILE", "the file to inspect")
        .option("filter", "TEXT", "only tensors whose name contains TEXT")
        .flag("stats", "also print min / max / mean / std of every tensor (reads all data)")
        .flag("json", "print one JSON document instead of a table");
    if (!p.parse(args)) return 0;

    const std::string path = p.positional_value("FILE");
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
