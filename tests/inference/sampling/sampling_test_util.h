// Helpers for the sampling tests: reading the sampler and pipeline fixtures.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <ATen/ATen.h>

#include "inference/io/safetensors.h"
#include "tests/support/test_support.h"

namespace nava::sampling::test {

inline std::filesystem::path sampler_fixture(const std::string& file) {
    return nava::test::fixtures_dir() / "sampler" / file;
}

inline std::filesystem::path pipeline_fixture(const std::string& file) {
    return nava::test::fixtures_dir() / "pipeline" / file;
}

// Opens a fixture file once per test program.
inline const io::SafetensorsFile& open_cached(const std::filesystem::path& path) {
    static std::map<std::string, std::shared_ptr<io::SafetensorsFile>> cache;
    auto& slot = cache[path.string()];
    if (!slot) slot = io::SafetensorsFile::open(path);
    return *slot;
}

inline at::Tensor sampler_tensor(const std::string& file, const std::string& key) {
    return open_cached(sampler_fixture(file)).tensor(key).clone();
}

inline double max_abs_diff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

}  // namespace nava::sampling::test
