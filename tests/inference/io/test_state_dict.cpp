// Loading weights into modules by name, with prefixes, dtype conversion and reports.
#include <gtest/gtest.h>

#include <ATen/ATen.h>
#include <torch/nn/module.h>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/state_dict.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::io;

namespace {

struct Inner : torch::nn::Module {
    Inner() {
        weight = register_parameter("weight", at::zeros({3, 2}));
        bias = register_parameter("bias", at::zeros({3}));
    }
    at::Tensor weight, bias;
};

struct Outer : torch::nn::Module {
    Outer() {
        proj = register_module("proj", std::make_shared<Inner>());
        table = register_parameter("table", at::zeros({1, 2, 4}));
        stats = register_buffer("stats", at::zeros({4}));
    }
    std::shared_ptr<Inner> proj;
    at::Tensor table, stats;
};

std::vector<NamedTensor> full_state(const std::string& prefix, at::ScalarType dtype) {
    return {{prefix + "proj.weight", at::arange(6, at::kFloat).reshape({3, 2}).to(dtype), {}},
            {prefix + "proj.bias", at::full({3}, 0.5).to(dtype), {}},
            {prefix + "table", at::ones({1, 2, 4}).to(dtype), {}},
            {prefix + "stats", at::arange(4, at::kFloat).to(dtype), {}}};
}

}  // namespace

TEST(StateDict, LoadsByNameStrictly) {
    const auto dir = test::scratch_dir("state_dict_strict");
    save_safetensors(dir / "w.safetensors", full_state("", at::kFloat));
    Outer m;
    const auto src = open_tensor_source(dir / "w.safetensors");
    const auto report = load_state_dict(m, *src);
    EXPECT_TRUE(report.complete());
    EXPECT_EQ(report.loaded.size(), 4u);
    EXPECT_TRUE(at::equal(m.proj->weight, at::arange(6, at::kFloat).reshape({3, 2})));
    EXPECT_TRUE(at::equal(m.stats, at::arange(4, at::kFloat)));
    // The loaded values are copies: the module owns its memory.
    EXPECT_NE(m.table.data_ptr(), src->tensor("table").data_ptr());
}

TEST(StateDict, AcceptsPrefixAndConvertsDtype) {
    const auto dir = test::scratch_dir("state_dict_prefix");
    auto state = full_state("backbone.", at::kBFloat16);
    state.push_back({"other.thing", at::ones({1}), {}});
    save_safetensors(dir / "w.safetensors", state);
    Outer m;
    LoadOptions opts;
    opts.prefix = "backbone.";
    const auto report = load_state_dict(m, *open_tensor_source(dir / "w.safetensors"), opts);
    EXPECT_TRUE(report.complete());
    EXPECT_EQ(report.outside_prefix, std::vector<std::string>{"other.thing"});
    EXPECT_EQ(m.proj->bias.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(m.proj->bias, at::full({3}, 0.5)));

    Outer d;
    opts.dtype = at::kDouble;
    load_state_dict(d, *open_tensor_source(dir / "w.safetensors"), opts);
    EXPECT_EQ(d.proj->weight.scalar_type(), at::kDouble);
    EXPECT_EQ(d.stats.scalar_type(), at::kDouble);
}

TEST(StateDict, ReportsMissingUnexpectedAndWrongShapeByName) {
    const auto dir = test::scratch_dir("state_dict_report");
    std::vector<NamedTensor> state = {
        {"proj.weight", at::zeros({2, 3}), {}},  // transposed: wrong shape
        {"proj.bias", at::zeros({3}), {}},      {"stats", at::zeros({4}), {}},
        {"extra.weight", at::zeros({1}), {}},   {"blocks.0.q.weight_scale", at::zeros({1}), {}},
    };  // "table" is missing
    save_safetensors(dir / "w.safetensors", state);
    const auto src = open_tensor_source(dir / "w.safetensors");

    Outer m;
    try {
        load_state_dict(m, *src);
        FAIL() << "strict load should throw";
    } catch (const StateDictError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("table"), std::string::npos) << msg;
        EXPECT_NE(msg.find("extra.weight"), std::string::npos) << msg;
        EXPECT_NE(msg.find("proj.weight: model [3, 2], file [2, 3]"), std::string::npos) << msg;
        EXPECT_NE(msg.find("w.safetensors"), std::string::npos) << msg;
    }

    LoadOptions lenient;
    lenient.mode = LoadMode::kLenient;
    lenient.side_suffixes = {"_scale"};
    Outer n;
    const auto report = load_state_dict(n, *src, lenient);
    EXPECT_FALSE(report.complete());
    EXPECT_EQ(report.missing, std::vector<std::string>{"table"});
    EXPECT_EQ(report.unexpected, std::vector<std::string>{"extra.weight"});
    EXPECT_EQ(report.side, std::vector<std::string>{"blocks.0.q.weight_scale"});
    ASSERT_EQ(report.wrong_shape.size(), 1u);
    EXPECT_EQ(report.wrong_shape[0].name, "proj.weight");
    EXPECT_EQ(report.loaded.size(), 2u);  // proj.bias, stats
}

TEST(StateDict, ZeroCopyAliasesTheMapping) {
    const auto dir = test::scratch_dir("state_dict_zero_copy");
    save_safetensors(dir / "w.safetensors", full_state("", at::kFloat));
    const auto src = open_tensor_source(dir / "w.safetensors");
    Outer m;
    LoadOptions opts;
    opts.zero_copy = true;
    load_state_dict(m, *src, opts);
    EXPECT_EQ(m.table.data_ptr(), src->tensor("table").data_ptr());
}
