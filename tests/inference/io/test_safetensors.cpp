// safetensors reading, writing, validation and the narrow float formats.
#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstring>
#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "inference/io/safetensors_format.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::io;

namespace {

std::string u64le(uint64_t n) {
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[i] = static_cast<char>((n >> (8 * i)) & 0xff);
    return s;
}

// A file image with the given JSON header text and `data_bytes` zero bytes of data.
std::string image(const std::string& json, std::size_t data_bytes) {
    return u64le(json.size()) + json + std::string(data_bytes, '\0');
}

SafetensorsHeader parse(const std::string& bytes) {
    return parse_safetensors_header(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                                    "test.safetensors");
}

void expect_format_error(const std::string& bytes, const std::string& fragment) {
    try {
        parse(bytes);
        FAIL() << "expected a FormatError mentioning '" << fragment << "'";
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("test.safetensors"), std::string::npos) << e.what();
    }
}

}  // namespace

TEST(SafetensorsHeader, ParsesValidHeaderSortedWithMetadata) {
    const std::string json = R"({"b":{"dtype":"F32","shape":[2,2],"data_offsets":[8,24]},)"
                             R"("a":{"dtype":"BF16","shape":[4],"data_offsets":[0,8]},)"
                             R"("__metadata__":{"format":"pt"}})";
    const auto h = parse(image(json, 24));
    ASSERT_EQ(h.tensors.size(), 2u);
    EXPECT_EQ(h.tensors[0].name, "a");
    EXPECT_EQ(h.tensors[0].dtype, DType::BF16);
    EXPECT_EQ(h.tensors[1].shape, (std::vector<int64_t>{2, 2}));
    EXPECT_EQ(h.metadata.at("format"), "pt");
    EXPECT_EQ(h.data_offset, 8 + json.size());
    ASSERT_NE(h.find("b"), nullptr);
    EXPECT_EQ(h.find("c"), nullptr);
}

TEST(SafetensorsHeader, RejectsMalformedFiles) {
    expect_format_error("abc", "shorter than 8");
    expect_format_error(u64le(1000) + "{}", "runs past the end");
    expect_format_error(u64le(uint64_t(1) << 40) + "{}", "exceeds the limit");
    expect_format_error(image("[1,2]", 0), "does not start with '{'");
    expect_format_error(image("{\"a\":", 0), "not valid JSON");
    expect_format_error(image(R"({"a":{"dtype":"Q7","shape":[1],"data_offsets":[0,1]}})", 1),
                        "unknown dtype");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8),
                        "needs 12");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4),
                        "past the data section");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8),
                        "before begin");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8),
                        "non-negative");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                              R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                              12),
                        "overlap");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                              R"("a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})",
                              8),
                        "appears twice");
    expect_format_error(image(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296,)"
                              R"(4294967296],"data_offsets":[0,8]}})",
                              8),
                        "too many elements");
    expect_format_error(image(R"({"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":1}}}}}}}}})", 0),
                        "nests too deeply");
    expect_format_error(image(R"({"__metadata__":{"k":5}})", 0), "not a string");
}

TEST(SafetensorsHeader, AllowsEmptyTensorsAtAnyOffset) {
    const auto h = parse(image(R"({"e":{"dtype":"F32","shape":[0,3],"data_offsets":[4,4]},)"
                               R"("x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                               8));
    EXPECT_EQ(h.tensors.size(), 2u);
    EXPECT_EQ(h.find("e")->numel(), 0u);
}

TEST(SafetensorsFile, RoundTripsEveryDtypeAndMetadata) {
    const auto dir = test::scratch_dir("safetensors_roundtrip");
    const auto path = dir / "all.safetensors";
    std::vector<NamedTensor> tensors = {
        {"f64", at::randn({3, 2}, at::kDouble), std::nullopt},
        {"f32", at::randn({5}, at::kFloat), std::nullopt},
        {"f16", at::randn({2, 3}).to(at::kHalf), std::nullopt},
        {"bf16", at::randn({4, 1, 2}).to(at::kBFloat16), std::nullopt},
        {"i64", at::arange(7, at::kLong), std::nullopt},
        {"i32", at::arange(3, at::kInt), std::nullopt},
        {"i16", at::arange(3).to(at::kShort), std::nullopt},
        {"i8", at::arange(-2, 2).to(at::kChar), std::nullopt},
        {"u8", at::arange(9).to(at::kByte), std::nullopt},
        {"bool", at::tensor({1, 0, 1}).to(at::kBool), std::nullopt},
        {"scalar", at::scalar_tensor(3.5), std::nullopt},
        {"empty", at::zeros({0, 4}), std::nullopt},
    };
    save_safetensors(path, tensors, {{"purpose", "test"}});
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp-" + std::to_string(::getpid())));

    const auto file = SafetensorsFile::open(path);
    EXPECT_EQ(file->names().size(), tensors.size());
    EXPECT_EQ(file->metadata().at("purpose"), "test");
    for (const auto& nt : tensors) {
        const at::Tensor back = file->tensor(nt.name);
        EXPECT_EQ(back.scalar_type(), nt.tensor.scalar_type()) << nt.name;
        EXPECT_EQ(back.sizes(), nt.tensor.sizes()) << nt.name;
        EXPECT_TRUE(at::equal(back, nt.tensor)) << nt.name;
    }
    // Aligned data is viewed in place: the pointer lies inside the mapping.
    const at::Tensor f32 = file->tensor("f32");
    const auto* entry = file->header().find("f32");
    EXPECT_EQ(static_cast<const void*>(f32.data_ptr()),
              static_cast<const void*>(file->bytes(*entry)));
    // Writes to a view never reach the file (copy-on-write mapping).
    f32.fill_(42.0f);
    EXPECT_TRUE(at::equal(SafetensorsFile::open(path)->tensor("f32"), tensors[1].tensor));
}

TEST(SafetensorsFile, WidensNarrowFloatsExactly) {
    const auto dir = test::scratch_dir("safetensors_widen");
    const at::Tensor values = at::randn({64}).to(at::kBFloat16);
    save_safetensors(dir / "w.safetensors", {{"w", values, std::nullopt}});
    const auto src = open_tensor_source(dir / "w.safetensors");
    const at::Tensor f = src->tensor_as("w", at::kFloat);
    EXPECT_EQ(f.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(f, values.to(at::kFloat)));
    const at::Tensor d = src->tensor_as("w", at::kDouble);
    EXPECT_TRUE(at::equal(d, values.to(at::kDouble)));
}

TEST(SafetensorsFile, ReportsMissingTensorAndFileByName) {
    const auto dir = test::scratch_dir("safetensors_errors");
    save_safetensors(dir / "a.safetensors", {{"x", at::ones({2}), std::nullopt}});
    const auto f = SafetensorsFile::open(dir / "a.safetensors");
    try {
        f->tensor("nope");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'nope'"), std::string::npos);
    }
    try {
        SafetensorsFile::open(dir / "missing.safetensors");
        FAIL();
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("missing.safetensors"), std::string::npos);
    }
    // A truncated copy is rejected with a format error.
    std::ifstream in(dir / "a.safetensors", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(dir / "cut.safetensors", std::ios::binary) << bytes.substr(0, bytes.size() - 3);
    EXPECT_THROW(SafetensorsFile::open(dir / "cut.safetensors"), FormatError);
}

TEST(SafetensorsFile, WriterRejectsDuplicateNames) {
    const auto dir = test::scratch_dir("safetensors_dupe");
    EXPECT_THROW(save_safetensors(dir / "d.safetensors", {{"x", at::ones({1}), std::nullopt},
                                                          {"x", at::ones({1}), std::nullopt}}),
                 Error);
    EXPECT_FALSE(std::filesystem::exists(dir / "d.safetensors"));
}

TEST(ShardedSafetensors, MergesShardsThroughTheIndex) {
    const auto dir = test::scratch_dir("safetensors_sharded");
    save_safetensors(dir / "model-00001-of-00002.safetensors",
                     {{"a.weight", at::ones({2, 2}), std::nullopt}});
    save_safetensors(
        dir / "model-00002-of-00002.safetensors",
        {{"b.weight", at::full({3}, 2.0), std::nullopt}, {"c.bias", at::zeros({1}), std::nullopt}});
    nlohmann::json index = {{"metadata", {{"total_size", 32}}},
                            {"weight_map",
                             {{"a.weight", "model-00001-of-00002.safetensors"},
                              {"b.weight", "model-00002-of-00002.safetensors"},
                              {"c.bias", "model-00002-of-00002.safetensors"}}}};
    std::ofstream(dir / "model.safetensors.index.json") << index.dump();
    const auto src = open_tensor_source(dir / "model.safetensors.index.json");
    EXPECT_EQ(src->names(), (std::vector<std::string>{"a.weight", "b.weight", "c.bias"}));
    EXPECT_TRUE(at::equal(src->tensor("b.weight"), at::full({3}, 2.0)));
    EXPECT_EQ(src->metadata().at("total_size"), "32");

    index["weight_map"]["d"] = "model-00001-of-00002.safetensors";
    std::ofstream(dir / "bad.safetensors.index.json") << index.dump();
    try {
        open_tensor_source(dir / "bad.safetensors.index.json");
        FAIL();
    } catch (const FormatError& e) {
        EXPECT_NE(std::string(e.what()).find("'d'"), std::string::npos);
    }
}

TEST(NarrowFloats, Bf16AndF16Decode) {
    EXPECT_EQ(bf16_to_float(0x3f80), 1.0f);
    EXPECT_EQ(bf16_to_float(0xc000), -2.0f);
    EXPECT_EQ(f16_to_float(0x3c00), 1.0f);
    EXPECT_EQ(f16_to_float(0x0001), std::ldexp(1.0f, -24));
    EXPECT_TRUE(std::isinf(f16_to_float(0x7c00)));
    EXPECT_TRUE(std::isnan(f16_to_float(0x7e00)));
    EXPECT_EQ(f16_to_float(0xfbff), -65504.0f);
}

TEST(NarrowFloats, F8E4M3Table) {
    EXPECT_EQ(f8_e4m3fn_to_float(0x38), 1.0f);
    EXPECT_EQ(f8_e4m3fn_to_float(0x7e), 448.0f);
    EXPECT_EQ(f8_e4m3fn_to_float(0xfe), -448.0f);
    EXPECT_EQ(f8_e4m3fn_to_float(0x01), std::ldexp(1.0f, -9));
    EXPECT_EQ(f8_e4m3fn_to_float(0x08), std::ldexp(1.0f, -6));
    EXPECT_TRUE(std::isnan(f8_e4m3fn_to_float(0x7f)));
    EXPECT_TRUE(std::isnan(f8_e4m3fn_to_float(0xff)));
    // Every finite code encodes back to itself.
    for (int code = 0; code < 256; ++code) {
        const auto b = static_cast<uint8_t>(code);
        const float v = f8_e4m3fn_to_float(b);
        if (std::isnan(v)) continue;
        if (v == 0.0f) {
            EXPECT_EQ(float_to_f8_e4m3fn(v) & 0x7f, 0) << code;
            continue;
        }
        EXPECT_EQ(float_to_f8_e4m3fn(v), b) << "code " << code << " value " << v;
    }
    // Rounding: nearest, ties to even, saturation.
    EXPECT_EQ(float_to_f8_e4m3fn(1.0625f), 0x38);  // halfway 1.0 / 1.125 -> even mantissa
    EXPECT_EQ(float_to_f8_e4m3fn(1.1f), 0x39);
    EXPECT_EQ(float_to_f8_e4m3fn(1000.0f), 0x7e);
    EXPECT_EQ(float_to_f8_e4m3fn(-1000.0f), 0xfe);
    EXPECT_EQ(float_to_f8_e4m3fn(std::ldexp(1.0f, -11)), 0x00);  // below half the smallest step
}

TEST(NarrowFloats, F8E5M2Table) {
    EXPECT_EQ(f8_e5m2_to_float(0x3c), 1.0f);
    EXPECT_EQ(f8_e5m2_to_float(0x7b), 57344.0f);
    EXPECT_TRUE(std::isinf(f8_e5m2_to_float(0x7c)));
    EXPECT_TRUE(std::isnan(f8_e5m2_to_float(0x7f)));
}

TEST(SafetensorsFile, StoresAndDecodesF8Weights) {
    const auto dir = test::scratch_dir("safetensors_f8");
    std::vector<uint8_t> codes = {0x38, 0x7e, 0xb8, 0x00, 0x01};
    at::Tensor bits = at::tensor(std::vector<int64_t>(codes.begin(), codes.end())).to(at::kByte);
    save_safetensors(dir / "q.safetensors", {{"w", bits, DType::F8_E4M3}});
    const auto src = open_tensor_source(dir / "q.safetensors");
    EXPECT_EQ(src->info("w")->dtype, DType::F8_E4M3);
    const at::Tensor v = src->tensor_as("w", at::kFloat);
    const std::vector<float> expect = {1.0f, 448.0f, -1.0f, 0.0f, std::ldexp(1.0f, -9)};
    for (std::size_t i = 0; i < expect.size(); ++i)
        EXPECT_EQ(v[i].item<float>(), expect[i]);
}

TEST(SafetensorsFile, OpensTheDitFixtureWeights) {
    const auto path = test::fixtures_dir() / "dit" / "weights.safetensors";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "fixtures not available at " << path;
    // Count the header's entries independently of the parser under test.
    std::ifstream in(path, std::ios::binary);
    char len_bytes[8];
    in.read(len_bytes, 8);
    uint64_t len = 0;
    for (int i = 7; i >= 0; --i)
        len = (len << 8) | static_cast<uint8_t>(len_bytes[i]);
    std::string text(len, '\0');
    in.read(text.data(), static_cast<std::streamsize>(len));
    const auto header = nlohmann::json::parse(text);
    const std::size_t expected = header.size() - (header.contains("__metadata__") ? 1 : 0);

    const auto f = SafetensorsFile::open(path);
    EXPECT_EQ(f->names().size(), expected);
    for (const auto& name : f->names()) {
        const at::Tensor t = f->tensor_as(name, at::kFloat);
        EXPECT_TRUE(at::isfinite(t).all().item<bool>()) << name;
    }
}
