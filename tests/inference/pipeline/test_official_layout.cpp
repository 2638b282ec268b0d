// The official release's folder layout, made of tiny stand-in files with the published names and
// key layouts (DiT under `backbone.` in NAVA.safetensors / NAVA_fp8.safetensors, umT5 and the
// Wan VAE as .pth, the LTX audio VAE with its config in the metadata, the tokenizer folder):
// detected, missing files named with hints, loaded and used for a generation.
#include <gtest/gtest.h>

#include <fstream>

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include "inference/io/safetensors.h"
#include "inference/models/dit/dit_convert.h"
#include "inference/pipeline/engine.h"
#include "inference/pipeline/package.h"
#include "inference/pipeline/random_package.h"
#include "media/capabilities.h"
#include "tests/inference/pipeline/pth_writer.h"
#include "tests/support/test_support.h"

namespace {

namespace fs = std::filesystem;
using namespace nava;

std::vector<std::pair<std::string, at::Tensor>> all_tensors(const fs::path& file,
                                                            at::ScalarType dtype) {
    const auto f = io::SafetensorsFile::open(file);
    std::vector<std::pair<std::string, at::Tensor>> out;
    for (const auto& name : f->names())
        out.emplace_back(name, f->tensor_as(name, dtype).clone());
    return out;
}

class OfficialLayout : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::run_command("command -v spm_train >/dev/null 2>&1").exit_code != 0)
            GTEST_SKIP() << "spm_train not installed (apt-get install sentencepiece)";
        dir_ = test::scratch_dir("pipeline_official_layout");
        std::string corpus;
        for (int i = 0; i < 200; ++i)
            corpus += "a calm voice says hello there to the red ball number " +
                      std::to_string(i % 17) + "\n";
        std::ofstream(dir_ / "corpus.txt") << corpus;
        const auto r = test::run_command(
            "spm_train --input=" + test::shell_quote((dir_ / "corpus.txt").string()) +
            " --model_prefix=" + test::shell_quote((dir_ / "spm").string()) +
            " --vocab_size=80 --hard_vocab_limit=false --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3"
            " --num_threads=1 --minloglevel=2 --user_defined_symbols=" +
            test::shell_quote("<extra_id_0>,<extra_id_1>,<extra_id_2>"));
        ASSERT_EQ(r.exit_code, 0) << r.output;
        pipeline::RandomPackageSpec spec;
        spec.tokenizer_model = dir_ / "spm.model";
        pipeline::write_random_package(dir_ / "ours", spec);
        manifest_ = nlohmann::json::parse(std::ifstream(dir_ / "ours" / "manifest.json"));
    }

    // The official files, one by one, from our random package.
    void write_dit(const fs::path& root) {
        const auto src = io::SafetensorsFile::open(dir_ / "ours" / "dit.safetensors");
        std::vector<io::NamedTensor> renamed;
        for (const auto& name : src->names())
            renamed.push_back(
                {"backbone." + name, src->tensor_as(name, at::kBFloat16), std::nullopt});
        io::save_safetensors(root / pipeline::official::kDit, renamed);
        std::ofstream(root / pipeline::official::kDitConfig)
            << manifest_["components"]["dit"]["config"].dump(2);
    }
    void write_text_encoder(const fs::path& root) {
        fs::create_directories((root / pipeline::official::kTextEncoder).parent_path());
        test::write_pth(root / pipeline::official::kTextEncoder,
                        all_tensors(dir_ / "ours" / "text_encoder.safetensors", at::kBFloat16));
    }
    void write_tokenizer(const fs::path& root) {
        fs::create_directories(root / pipeline::official::kTokenizer);
        fs::copy_file(dir_ / "spm.model", root / pipeline::official::kTokenizer / "spiece.model");
    }
    void write_video_vae(const fs::path& root) {
        test::write_pth(root / pipeline::official::kVideoVae,
                        all_tensors(dir_ / "ours" / "video_vae.safetensors", at::kFloat));
    }
    void write_audio_vae(const fs::path& root) {
        fs::create_directories((root / pipeline::official::kAudioVae).parent_path());
        fs::copy_file(dir_ / "ours" / "audio_vae.safetensors",
                      root / pipeline::official::kAudioVae);
    }

    fs::path dir_;
    nlohmann::json manifest_;
};

TEST_F(OfficialLayout, MissingFilesAreNamedWithWhatToDownload) {
    const fs::path root = dir_ / "release";
    fs::create_directories(root);
    write_dit(root);
    ASSERT_TRUE(pipeline::ModelPackage::is_official_release(root));
    try {
        pipeline::ModelPackage::open(root);
        FAIL() << "an incomplete release was accepted";
    } catch (const pipeline::PackageError& e) {
        const std::string m = e.what();
        for (const char* f : {pipeline::official::kTextEncoder, pipeline::official::kTokenizer,
                              pipeline::official::kVideoVae, pipeline::official::kAudioVae})
            EXPECT_NE(m.find(f), std::string::npos) << m;
        EXPECT_NE(m.find("ernie-research/NAVA"), std::string::npos) << m;
    }
    write_text_encoder(root);
    write_tokenizer(root);
    write_video_vae(root);
    try {
        pipeline::ModelPackage::open(root);
        FAIL() << "a release without the audio VAE was accepted";
    } catch (const pipeline::PackageError& e) {
        EXPECT_NE(std::string(e.what()).find(pipeline::official::kAudioVae), std::string::npos);
        EXPECT_EQ(std::string(e.what()).find(pipeline::official::kVideoVae), std::string::npos);
    }
}

TEST_F(OfficialLayout, DetectedLoadedAndUsedIncludingTheFp8Variant) {
    const fs::path root = dir_ / "release";
    fs::create_directories(root);
    write_dit(root);
    write_text_encoder(root);
    write_tokenizer(root);
    write_video_vae(root);
    write_audio_vae(root);

    const auto package = pipeline::ModelPackage::open(root);
    EXPECT_EQ(package.layout, pipeline::PackageLayout::official_release);
    EXPECT_FALSE(package.speaker_encoder.present());
    ASSERT_FALSE(package.warnings.empty());  // no ReDimNet: voices unavailable, said so
    EXPECT_NE(package.warnings[0].find("ReDimNet"), std::string::npos);

    api::GenerationRequest r;
    r.prompt = "a calm voice says <S>hello there<E>";
    r.width = 64;
    r.height = 32;
    r.latent_frames = 2;
    r.steps = 2;
    r.output_path = (dir_ / "out" / "official.mp4").string();
    {
        pipeline::GenerationEngine engine;
        const auto info = engine.load_package(root.string());
        EXPECT_EQ(info.layout, "official-release");
        EXPECT_FALSE(info.fp8_available);
        const auto result = engine.generate("official", r);
        EXPECT_TRUE(fs::exists(result.output_path));
    }

    // The fp8 variant alone (what most users download): detected from the file, used as is.
    dit::convert_dit_to_fp8(root / pipeline::official::kDit, root / pipeline::official::kDitFp8);
    fs::remove(root / pipeline::official::kDit);
    ASSERT_TRUE(pipeline::ModelPackage::is_official_release(root));
    pipeline::GenerationEngine engine;
    const auto info = engine.load_package(root.string());
    EXPECT_TRUE(info.fp8_available);
    r.memory_profile = "cpu-fp8";
    r.output_path = (dir_ / "out" / "official_fp8.mp4").string();
    const auto plan = engine.plan(r);
    EXPECT_EQ(plan.memory_profile, "cpu-fp8");
    bool mentions_fp8 = false;
    for (const auto& line : plan.memory_plan)
        mentions_fp8 = mentions_fp8 || line.find("fp8") != std::string::npos;
    EXPECT_TRUE(mentions_fp8);
    const auto result = engine.generate("official-fp8", r);
    EXPECT_TRUE(fs::exists(result.output_path));
}

}  // namespace
