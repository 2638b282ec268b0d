// What the .pth reader must refuse: pickles that would run code, corrupt or truncated archives,
// formats it does not read. Hand-made archives come from pth_builders.
#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include <ATen/ATen.h>

#include "inference/core/error.h"
#include "inference/io/pickle_reader.h"
#include "inference/io/pth_file.h"
#include "inference/io/safetensors_format.h"
#include "inference/io/zip_archive.h"
#include "tests/inference/pth/pth_builders.h"
#include "tests/support/test_support.h"

using namespace nava;
using namespace nava::io;
using test::PickleBuilder;

namespace {

std::string floats(const std::vector<float>& v) {
    std::string s(v.size() * 4, '\0');
    std::memcpy(s.data(), v.data(), s.size());
    return s;
}

// Opens `bytes` written to a scratch file; returns the error message of the expected type.
template <class E>
std::string open_error(const std::string& test, const std::string& bytes,
                       const PthOptions& options = {}) {
    const auto path = test::scratch_dir(test) / "model.pth";
    test::write_file(path, bytes);
    try {
        PthFile::open(path, options);
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "wrong exception type: " << e.what();
        return "";
    }
    ADD_FAILURE() << "no exception";
    return "";
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// {"w": float tensor [2, 2]} with storage "0".
std::string good_pickle() {
    PickleBuilder p;
    p.proto(2).empty_dict().mark().str("w").tensor_v2("FloatStorage", "0", 4, 0, {2, 2}, {2, 1});
    return p.setitems().stop().bytes();
}

}  // namespace

TEST(PthRefuse, HandMadeArchivesReadBackIncludingMisalignedData) {
    const std::string storage = floats({1, 2, 3, 4});
    for (bool aligned : {true, false}) {
        const auto path = test::scratch_dir("pth_handmade") / "m.pth";
        test::write_file(path, test::torch_zip(good_pickle(), {{"0", storage}}, aligned));
        const auto f = PthFile::open(path);
        EXPECT_TRUE(at::equal(f->tensor("w"), at::tensor({1.f, 2.f, 3.f, 4.f}).view({2, 2})))
            << (aligned ? "aligned" : "misaligned");
    }
}

TEST(PthRefuse, Zip64RecordsAreFollowed) {
    // Sizes, offsets and the directory location only in ZIP64 fields, as in archives > 4 GiB.
    test::ZipBuilder zip;
    zip.add("big/data.pkl", good_pickle());
    zip.add("big/data/0", floats({5, 6, 7, 8}));
    const auto path = test::scratch_dir("pth_zip64") / "m.pth";
    test::write_file(path, zip.bytes(/*zip64=*/true));
    const auto f = PthFile::open(path);
    EXPECT_EQ(f->metadata().at("archive"), "big");
    EXPECT_TRUE(at::equal(f->tensor("w"), at::tensor({5.f, 6.f, 7.f, 8.f}).view({2, 2})));
    // A ZIP64 end record pointing outside the file.
    std::string broken = zip.bytes(true);
    const std::size_t locator = broken.size() - 22 - 20;
    broken[locator + 8] = '\x7f';
    EXPECT_TRUE(contains(open_error<FormatError>("pth_zip64_bad", broken), "ZIP64"));
}

TEST(PthRefuse, TorchScriptArchivesAreNamed) {
    test::ZipBuilder zip;
    zip.add("m/data.pkl", good_pickle());
    zip.add("m/constants.pkl", "\x80\x02).");
    EXPECT_TRUE(contains(open_error<FormatError>("pth_script", zip.bytes()), "TorchScript"));
}

TEST(PthRefuse, OsSystemReduceIsRefusedWithoutSideEffects) {
    const auto dir = test::scratch_dir("pth_malicious");
    const auto marker = dir / "pwned";
    // The classic payload: os.system("touch <marker>") through GLOBAL + REDUCE.
    PickleBuilder p;
    p.proto(2)
        .global("os", "system")
        .mark()
        .str("touch " + marker.string())
        .tuple()
        .reduce()
        .stop();
    const auto path = dir / "evil.pth";
    test::write_file(path, test::torch_zip(p.bytes(), {}));
    try {
        PthFile::open(path);
        FAIL() << "malicious pickle accepted";
    } catch (const FormatError& e) {
        EXPECT_TRUE(contains(e.what(), "os.system")) << e.what();
        EXPECT_TRUE(contains(e.what(), "refusing")) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(marker));

    // Even when unknown globals are tolerated they are inert placeholders: never called.
    PickleBuilder mixed;
    mixed.proto(2).empty_dict().mark().str("w").tensor_v2("FloatStorage", "0", 4, 0, {4}, {1});
    mixed.str("evil")
        .global("os", "system")
        .mark()
        .str("touch " + marker.string())
        .tuple()
        .reduce();
    mixed.setitems().stop();
    test::write_file(path, test::torch_zip(mixed.bytes(), {{"0", floats({1, 2, 3, 4})}}));
    EXPECT_THROW(PthFile::open(path), FormatError);
    PthOptions lenient;
    lenient.refuse_unknown_globals = false;
    const auto f = PthFile::open(path, lenient);
    EXPECT_EQ(f->names(), std::vector<std::string>{"w"});
    EXPECT_FALSE(std::filesystem::exists(marker));
}

TEST(PthRefuse, OtherCodePathsAreRefusedByName) {
    // builtins.eval through protocol-4 STACK_GLOBAL.
    PickleBuilder eval;
    eval.proto(4).stack_global("builtins", "eval").mark().str("1+1").tuple().reduce().stop();
    EXPECT_TRUE(contains(open_error<FormatError>("pth_eval", test::torch_zip(eval.bytes(), {})),
                         "builtins.eval"));
    // A torch function that is not a tensor rebuild.
    PickleBuilder load;
    load.proto(2).global("torch", "load").mark().str("x").tuple().reduce().stop();
    EXPECT_TRUE(
        contains(open_error<FormatError>("pth_torch_load", test::torch_zip(load.bytes(), {})),
                 "torch.load"));
    // Calling something that is not a callable global (a string).
    PickleBuilder call_str;
    call_str.proto(2).str("os.system").empty_tuple().reduce().stop();
    EXPECT_TRUE(
        contains(open_error<FormatError>("pth_call_str", test::torch_zip(call_str.bytes(), {})),
                 "cannot call"));
    // Object construction opcodes (INST) and the extension registry (EXT1).
    EXPECT_FALSE(open_error<FormatError>("pth_inst", test::torch_zip("\x80\x02(ios\nsystem\n.", {}))
                     .empty());
    EXPECT_FALSE(
        open_error<FormatError>("pth_ext", test::torch_zip("\x80\x02\x82\x01.", {})).empty());
    // A persistent id that is not a torch storage.
    PickleBuilder pid;
    pid.proto(2).mark().str("file").str("/etc/passwd").tuple().binpersid().stop();
    EXPECT_TRUE(contains(open_error<FormatError>("pth_pid", test::torch_zip(pid.bytes(), {})),
                         "persistent id"));
}

TEST(PthRefuse, CorruptAndTruncatedArchivesGiveClearErrors) {
    const std::string good = test::read_file(test::pth_data_dir() / "f32_state_dict.pth");
    ASSERT_GT(good.size(), 1000u);
    EXPECT_TRUE(contains(open_error<FormatError>("pth_trunc_half", good.substr(0, good.size() / 2)),
                         "truncated"));
    EXPECT_FALSE(
        open_error<FormatError>("pth_trunc_tail", good.substr(0, good.size() - 10)).empty());
    EXPECT_TRUE(contains(open_error<FormatError>("pth_empty", ""), "not a PyTorch checkpoint"));
    EXPECT_FALSE(open_error<FormatError>("pth_garbage", std::string(300, '\x17')).empty());

    // One flipped byte inside data.pkl is caught by its CRC.
    std::string flipped = good;
    const auto at = flipped.find("_rebuild_tensor_v2");
    ASSERT_NE(at, std::string::npos);
    flipped[at + 3] ^= 0x20;
    EXPECT_TRUE(contains(open_error<FormatError>("pth_crc", flipped), "CRC"));

    // The pickle refers to a storage the archive does not have.
    EXPECT_TRUE(contains(
        open_error<FormatError>("pth_no_storage", test::torch_zip(good_pickle(), {})), "data/0"));
    // A tensor that reaches past its storage (4 floats declared, 3 stored).
    EXPECT_FALSE(open_error<FormatError>("pth_short",
                                         test::torch_zip(good_pickle(), {{"0", floats({1, 2, 3})}}))
                     .empty());
    PickleBuilder far;
    far.proto(2).empty_dict().mark().str("w").tensor_v2("FloatStorage", "0", 4, 3, {2, 2}, {2, 1});
    far.setitems().stop();
    EXPECT_TRUE(
        contains(open_error<FormatError>(
                     "pth_far", test::torch_zip(far.bytes(), {{"0", floats({1, 2, 3, 4})}})),
                 "past the end"));
    // A ZIP without data.pkl.
    test::ZipBuilder plain;
    plain.add("readme.txt", "hello");
    EXPECT_TRUE(contains(open_error<FormatError>("pth_no_pickle", plain.bytes()), "data.pkl"));
    // A truncated pickle stream (no STOP), cut inside a text argument and between opcodes.
    EXPECT_TRUE(contains(
        open_error<FormatError>("pth_cut_text", test::torch_zip(good_pickle().substr(0, 40), {})),
        "data.pkl"));
    EXPECT_TRUE(contains(
        open_error<FormatError>("pth_no_stop", test::torch_zip(good_pickle().substr(0, 3), {})),
        "ends early"));
}

TEST(PthRefuse, FormatsThisReaderDoesNotHandleSaySo) {
    // The pre-1.6 torch format starts with a pickled magic number, not a ZIP header.
    const std::string legacy =
        std::string("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15);
    EXPECT_TRUE(contains(open_error<NotImplementedError>("pth_legacy", legacy), "legacy"));
    // Big-endian storages.
    test::ZipBuilder big;
    big.add("archive/data.pkl", good_pickle());
    big.add("archive/byteorder", "big");
    big.add("archive/data/0", floats({1, 2, 3, 4}));
    EXPECT_TRUE(contains(open_error<NotImplementedError>("pth_big", big.bytes()), "big-endian"));
    // A compression method other than stored / deflate.
    test::ZipBuilder bzip;
    bzip.add("archive/data.pkl", good_pickle(), true, 12);
    EXPECT_TRUE(contains(open_error<NotImplementedError>("pth_bzip2", bzip.bytes()), "method 12"));
}

TEST(PthRefuse, Float8TensorsFromRebuildV3ComeBackAsBits) {
    // _rebuild_tensor_v3(untyped storage, 0, (4,), (1,), False, OrderedDict(), torch.float8_e4m3fn)
    PickleBuilder p;
    p.proto(2).empty_dict().mark().str("w8");
    p.global("torch._utils", "_rebuild_tensor_v3").mark();
    p.mark()
        .str("storage")
        .global("torch", "UntypedStorage")
        .str("0")
        .str("cpu")
        .integer(4)
        .tuple();
    p.binpersid().integer(0).ints_tuple({4}).ints_tuple({1}).newfalse();
    p.global("collections", "OrderedDict").empty_tuple().reduce();
    p.global("torch", "float8_e4m3fn").tuple().reduce();
    p.setitems().stop();
    const std::string bits = {'\x38', '\x40', '\xb8', '\x00'};  // 1, 2, -1, 0 in e4m3fn
    const auto path = test::scratch_dir("pth_f8") / "m.pth";
    test::write_file(path, test::torch_zip(p.bytes(), {{"0", bits}}));
    const auto f = PthFile::open(path);
    EXPECT_EQ(f->info("w8")->dtype, DType::F8_E4M3);
    EXPECT_EQ(f->tensor("w8").scalar_type(), at::kByte);
    EXPECT_TRUE(at::equal(f->tensor_as("w8", at::kFloat), at::tensor({1.f, 2.f, -1.f, 0.f})));
}

TEST(PthRefuse, RandomCorruptionsOnlyEverRaiseEngineErrors) {
    // Mutated pickles and archives must end in a nava::Error (or parse), never in a crash or a
    // foreign exception.
    const std::string file = test::read_file(test::pth_data_dir() / "bf16_shared.pth");
    const auto zip = ZipArchive::parse(reinterpret_cast<const uint8_t*>(file.data()), file.size(),
                                       "bf16_shared.pth");
    const auto pkl = zip.read(*zip.find("bf16_shared/data.pkl"));
    const std::string pickle(pkl.begin(), pkl.end());
    std::mt19937 rng(1234);
    int errors = 0;
    auto attempt = [&](auto&& fn) {
        try {
            fn();
        } catch (const Error&) {
            ++errors;
        } catch (const std::exception& e) {
            ADD_FAILURE() << "foreign exception: " << e.what();
        }
    };
    for (int i = 0; i < 3000; ++i) {
        std::string p = pickle;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits; ++e)
            p[rng() % p.size()] = static_cast<char>(rng() & 0xFF);
        if (rng() % 4 == 0) p.resize(rng() % p.size());
        attempt(
            [&] { parse_pickle(reinterpret_cast<const uint8_t*>(p.data()), p.size(), "fuzz"); });
        std::string z = file;
        z[rng() % z.size()] = static_cast<char>(rng() & 0xFF);
        if (rng() % 4 == 0) z.resize(rng() % z.size());
        attempt([&] {
            ZipArchive::parse(reinterpret_cast<const uint8_t*>(z.data()), z.size(), "fuzz");
        });
    }
    EXPECT_GT(errors, 1000);  // most mutations are caught
}
