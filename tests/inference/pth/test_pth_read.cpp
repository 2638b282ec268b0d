// Reading real torch.save checkpoints (committed, made by tests/data/pth/make_pth_fixtures.py)
// without Python: values, dtypes, shared storages, views, compression and nested dicts.
#include <gtest/gtest.h>

#include <cstring>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/pth_file.h"
#include "inference/io/safetensors.h"
#include "tests/inference/pth/pth_builders.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::io;

namespace {

const SafetensorsFile& expected() {
    static const auto file = SafetensorsFile::open(test::pth_data_dir() / "expected.safetensors");
    return *file;
}

// Every expected tensor "<stem>/<name>" of one checkpoint, by name.
std::map<std::string, at::Tensor> expected_for(const std::string& stem) {
    std::map<std::string, at::Tensor> out;
    for (const auto& key : expected().names())
        if (key.compare(0, stem.size() + 1, stem + "/") == 0)
            out[key.substr(stem.size() + 1)] = expected().tensor(key);
    return out;
}

void expect_same_tensors(const TensorSource& src, const std::map<std::string, at::Tensor>& want) {
    ASSERT_EQ(src.names().size(), want.size());
    for (const auto& [name, value] : want) {
        SCOPED_TRACE(name);
        const auto meta = src.info(name);
        ASSERT_TRUE(meta.has_value());
        EXPECT_EQ(meta->shape, value.sizes().vec());
        EXPECT_EQ(storage_scalar_type(meta->dtype), value.scalar_type());
        EXPECT_EQ(meta->size_bytes, static_cast<uint64_t>(value.nbytes()));
        const at::Tensor got = src.tensor(name);
        EXPECT_EQ(got.scalar_type(), value.scalar_type());
        EXPECT_TRUE(got.is_contiguous());
        EXPECT_TRUE(at::equal(got, value));
    }
}

}  // namespace

TEST(PthRead, Float32StateDictEqualsWhatTorchSaved) {
    const auto f = PthFile::open(test::pth_data_dir() / "f32_state_dict.pth");
    expect_same_tensors(*f, expected_for("f32_state_dict"));
    EXPECT_EQ(f->info("norm.num_batches_tracked")->dtype, DType::I64);
    EXPECT_EQ(f->tensor("norm.num_batches_tracked").item<int64_t>(), 42);
    const auto meta = f->metadata();
    EXPECT_EQ(meta.at("archive"), "f32_state_dict");
    EXPECT_EQ(meta.at("format"), "pytorch");
    EXPECT_EQ(meta.at("root"), "");
    EXPECT_EQ(meta.at("byteorder"), "little");
    EXPECT_FALSE(meta.at("version").empty());
}

TEST(PthRead, TensorsAreZeroCopyViewsOfTheMapping) {
    const auto f = PthFile::open(test::pth_data_dir() / "f32_state_dict.pth");
    const at::Tensor a = f->tensor("proj.weight");
    const at::Tensor b = f->tensor("proj.weight");
    EXPECT_EQ(a.data_ptr(), b.data_ptr());
    // torch aligns storages to 64 bytes inside the archive.
    EXPECT_EQ(reinterpret_cast<uintptr_t>(a.data_ptr()) % 64, 0u);
}

TEST(PthRead, DeflateCompressedArchiveReadsTheSame) {
    const auto f = PthFile::open(test::pth_data_dir() / "f32_deflated.pth");
    expect_same_tensors(*f, expected_for("f32_state_dict"));
    // Each call hands out its own copy of the inflated bytes.
    EXPECT_NE(f->tensor("proj.weight").data_ptr(), f->tensor("proj.weight").data_ptr());
}

TEST(PthRead, SharedStoragesViewsAndStridedTensors) {
    const auto f = PthFile::open(test::pth_data_dir() / "bf16_shared.pth");
    expect_same_tensors(*f, expected_for("bf16_shared"));
    // Tied weights and offset views share the storage, and come back as views of it.
    EXPECT_EQ(f->storage_key("base"), f->storage_key("tied"));
    EXPECT_EQ(f->storage_key("base"), f->storage_key("rows"));
    EXPECT_EQ(f->storage_key("base"), f->storage_key("transposed"));
    const at::Tensor base = f->tensor("base");
    EXPECT_EQ(f->tensor("tied").data_ptr(), base.data_ptr());
    EXPECT_EQ(static_cast<char*>(f->tensor("rows").data_ptr()),
              static_cast<char*>(base.data_ptr()) + 2 * 5 * 2);
    // Non-contiguous ones are copied into contiguous tensors.
    EXPECT_EQ(f->info("transposed")->shape, (std::vector<int64_t>{5, 6}));
    EXPECT_TRUE(at::equal(f->tensor("transposed"), base.t()));
    EXPECT_TRUE(at::equal(f->tensor("every_other"), base.slice(1, 0, 5, 2)));
    EXPECT_EQ(f->tensor("scalar").dim(), 0);
    EXPECT_EQ(f->tensor("scalar").item<float>(), 3.5f);
    EXPECT_EQ(f->tensor("empty").sizes(), (at::IntArrayRef{0, 3}));
    EXPECT_EQ(f->info("half")->dtype, DType::F16);
    EXPECT_EQ(f->info("mask")->dtype, DType::BOOL);
    EXPECT_EQ(f->info("codes")->dtype, DType::I8);
    EXPECT_TRUE(at::equal(f->tensor_as("base", at::kFloat), base.to(at::kFloat)));
}

TEST(PthRead, NestedCheckpointChoosesTheStateDict) {
    const auto path = test::pth_data_dir() / "nested.pth";
    const auto f = PthFile::open(path);
    EXPECT_EQ(f->metadata().at("root"), "state_dict");
    std::map<std::string, at::Tensor> want;
    for (const auto& [k, v] : expected_for("nested"))
        if (k.compare(0, 11, "state_dict.") == 0) want[k.substr(11)] = v;
    ASSERT_FALSE(want.empty());
    expect_same_tensors(*f, want);
    for (const auto& name : f->names())
        EXPECT_EQ(name.compare(0, 9, "backbone."), 0) << name;

    // The whole file, flattened with dotted keys (list entries and int keys by number).
    PthOptions everything;
    everything.root = "";
    expect_same_tensors(*PthFile::open(path, everything), expected_for("nested"));

    PthOptions sub;
    sub.root = "optimizer_states.0.state";
    const auto moments = PthFile::open(path, sub);
    EXPECT_EQ(moments->names(), std::vector<std::string>{"0.exp_avg"});

    PthOptions missing;
    missing.root = "state_dict.nothing";
    EXPECT_THROW(PthFile::open(path, missing), FormatError);
}

TEST(PthRead, OpenTensorSourceRecognisesTorchExtensions) {
    const auto dir = test::scratch_dir("pth_extensions");
    const std::string bytes = test::read_file(test::pth_data_dir() / "f32_state_dict.pth");
    for (const char* ext : {".pth", ".pt", ".ckpt", ".bin"}) {
        const auto path = dir / (std::string("model") + ext);
        test::write_file(path, bytes);
        const auto src = open_tensor_source(path);
        EXPECT_EQ(src->names().size(), expected_for("f32_state_dict").size()) << ext;
        EXPECT_EQ(src->tensor_as("proj.bias", at::kDouble).scalar_type(), at::kDouble);
    }
}
