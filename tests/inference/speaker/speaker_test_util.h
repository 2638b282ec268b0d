// Shared helpers of the speaker-encoder tests: the fixture, an in-memory weights source with
// random values for configurations the fixture does not cover, tensor comparisons.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include <ATen/ATen.h>

#include "inference/io/safetensors.h"
#include "inference/io/tensor_source.h"
#include "inference/models/speaker/redimnet.h"
#include "inference/models/speaker/speaker_encoder.h"
#include "tests/support/test_support.h"

namespace nava::speaker::test {

inline std::filesystem::path fixture_dir() {
    return nava::test::fixtures_dir() / "speaker";
}

inline bool have_fixture() {
    return std::filesystem::exists(fixture_dir() / "weights.safetensors") &&
           std::filesystem::exists(fixture_dir() / "io.safetensors");
}

#define SKIP_WITHOUT_SPEAKER_FIXTURE()                                                    \
    do {                                                                                  \
        if (!::nava::speaker::test::have_fixture())                                       \
            GTEST_SKIP() << "speaker fixture not found under " << fixture_dir().string(); \
    } while (0)

struct Fixture {
    std::shared_ptr<io::SafetensorsFile> weights;
    std::shared_ptr<io::SafetensorsFile> io;
    ReDimNetConfig config;

    static Fixture open() {
        Fixture f;
        f.weights = io::SafetensorsFile::open(fixture_dir() / "weights.safetensors");
        f.io = io::SafetensorsFile::open(fixture_dir() / "io.safetensors");
        f.config = ReDimNetConfig::from_json_text(f.io->metadata().at("config"), "io config");
        return f;
    }
    at::Tensor ref(const std::string& key, at::ScalarType dtype = at::kDouble) const {
        return io->tensor_as(key, dtype);
    }
    at::Tensor wave() const { return io->tensor_as("input.wav", at::kFloat); }
};

// Tensors held in memory, served through the TensorSource interface.
class MapSource : public io::TensorSource {
public:
    std::map<std::string, at::Tensor> tensors;
    std::map<std::string, std::string> meta;

    std::string description() const override { return "in-memory weights"; }
    std::vector<std::string> names() const override {
        std::vector<std::string> n;
        for (const auto& [k, v] : tensors)
            n.push_back(k);
        return n;
    }
    std::optional<io::TensorInfo> info(const std::string& name) const override {
        auto it = tensors.find(name);
        if (it == tensors.end()) return std::nullopt;
        io::TensorInfo i;
        i.name = name;
        i.dtype = io::dtype_for_scalar_type(it->second.scalar_type());
        i.shape = it->second.sizes().vec();
        i.size_bytes = static_cast<uint64_t>(it->second.nbytes());
        return i;
    }
    at::Tensor tensor(const std::string& name) const override { return tensors.at(name); }
    std::map<std::string, std::string> metadata() const override { return meta; }
};

inline bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Random weights for every parameter and buffer of a model built from `config`, scaled like the
// fixture's generator (N(0, 1/fan_in) weights, norms near identity, positive running variance)
// so activations stay O(1). The front-end buffers are the exact constants.
inline MapSource random_weights(const ReDimNetConfig& config, uint64_t seed) {
    at::manual_seed(seed);
    ReDimNet model(config);
    MapSource src;
    auto add = [&](const std::string& name, const at::Tensor& like) {
        at::Tensor v;
        const auto shape = like.sizes();
        if (like.scalar_type() == at::kLong) {
            v = at::zeros(shape, at::kLong);
        } else if (name == "spec.torchfbank.1.flipped_filter") {
            v = at::tensor({-0.97f, 1.0f}).view({1, 1, 2});
        } else if (name == "spec.torchfbank.2.spectrogram.window") {
            v = MelBanks::hamming_window(like.size(0), at::kFloat);
        } else if (name == "spec.torchfbank.2.mel_scale.fb") {
            v = MelBanks::mel_filterbank(config.mel, at::kFloat);
        } else if (ends_with(name, "running_var")) {
            v = at::rand(shape) + 0.5;
        } else if (ends_with(name, "running_mean")) {
            v = at::randn(shape) * 0.1;
        } else if (ends_with(name, ".w")) {
            v = at::randn(shape) * 0.5;
        } else if (like.dim() >= 2) {
            const double fan_in = static_cast<double>(like.numel() / like.size(0));
            v = at::randn(shape) / std::sqrt(fan_in);
        } else if (ends_with(name, "weight")) {
            v = 1.0 + at::randn(shape) * 0.1;  // norm scales
        } else {
            v = (at::rand(shape) - 0.5) * 0.2;  // biases
        }
        src.tensors[name] = v.to(like.scalar_type()).contiguous();
    };
    for (const auto& p : model.named_parameters(true))
        add(p.key(), p.value());
    for (const auto& b : model.named_buffers(true))
        add(b.key(), b.value());
    return src;
}

// max |a - b| / max |b|.
inline double rel_max_err(const at::Tensor& a, const at::Tensor& b) {
    const at::Tensor x = a.to(at::kDouble), y = b.to(at::kDouble);
    return (x - y).abs().max().item<double>() / y.abs().max().item<double>();
}

inline double cosine(const at::Tensor& a, const at::Tensor& b) {
    const at::Tensor x = a.to(at::kDouble).flatten(), y = b.to(at::kDouble).flatten();
    return (x.dot(y) / (x.norm() * y.norm())).item<double>();
}

}  // namespace nava::speaker::test
