// The preprocessing cache end to end with tiny random encoders written to files: a first run
// encodes every accepted clip, a second run reads only the cache (no encoder is even created),
// changing the video VAE's weight file re-encodes exactly the clips it produced, and a recipe
// with data.kind "cache" trains from the entries.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "inference/core/error.h"
#include "inference/io/safetensors.h"
#include "tests/training/data/data_test_util.h"
#include "training/distributed/communicator.h"
#include "training/preprocess/content_hash.h"
#include "training/preprocess/prepare_data.h"
#include "training/train_loop.h"

using namespace nava::train;
using namespace nava::train::test;
namespace fs = std::filesystem;

namespace {

struct Calls {
    std::atomic<int> created{0}, video{0}, audio{0}, text{0}, speaker{0};
};

// Counts the calls reaching the real encoders.
class CountingEncoders : public ClipEncoders {
public:
    CountingEncoders(std::unique_ptr<ClipEncoders> inner, Calls& calls)
        : inner_(std::move(inner)), calls_(calls) {
        ++calls_.created;
    }
    at::Tensor encode_video(const at::Tensor& v) override {
        ++calls_.video;
        return inner_->encode_video(v);
    }
    at::Tensor encode_audio(const at::Tensor& w) override {
        ++calls_.audio;
        return inner_->encode_audio(w);
    }
    EncodedText encode_text(const std::string& c) override {
        ++calls_.text;
        return inner_->encode_text(c);
    }
    at::Tensor embed_speaker(const at::Tensor& w) override {
        ++calls_.speaker;
        return inner_->embed_speaker(w);
    }
    bool has_speaker_encoder() const override { return inner_->has_speaker_encoder(); }
    int64_t speaker_dim() const override { return inner_->speaker_dim(); }

private:
    std::unique_ptr<ClipEncoders> inner_;
    Calls& calls_;
};

nlohmann::json recipe_json(const fs::path& dir, const EncoderFiles& files) {
    nlohmann::json buckets = {{"resolution", 0},         {"size_scale", 2}, {"fps", 8},
                              {"frame_buckets", {5, 9}}, {"min_frames", 5}, {"max_frames", 24}};
    return {{"name", "cache-test"},
            {"model",
             {{"config",
               {{"dim", 24},
                {"num_heads", 2},
                {"ffn_dim", 32},
                {"num_double_layers", 1},
                {"num_single_layers", 1},
                {"text_len", 64},
                {"text_dim", 16},
                {"vid_in_dim", 4},
                {"vid_out_dim", 4},
                {"audio_in_dim", 8},  // set from the cache below
                {"audio_out_dim", 8},
                {"speaker_dim", 32},
                {"freq_dim", 16}}},
              {"init_seed", 1}}},
            {"data",
             {{"kind", "cache"},
              {"source", (dir / "clips.jsonl").string()},
              {"cache_dir", (dir / "cache").string()},
              {"encoders", files.to_json()},
              {"buckets", buckets},
              {"batching", "buckets"},
              {"prefetch", {{"threads", 2}, {"steps", 2}}}}},
            {"batch_per_rank", 1},
            {"steps", 3},
            {"objective", {{"seed", 2}}},
            {"output_dir", (dir / "run").string()}};
}

}  // namespace

TEST(Cache, SecondRunReadsOnlyTheCacheAndAnEncoderChangeInvalidatesIt) {
    if (!have_ffmpeg()) GTEST_SKIP() << "needs FFmpeg to write the clips";
    const auto dir = nava::test::scratch_dir("data_cache");
    EncoderFiles files;
    if (!write_tiny_encoders(dir / "encoders", files))
        GTEST_SKIP() << "spm_train not installed (apt-get install sentencepiece)";

    // Three clips: speech cut from the clip's sound, a reference voice file, a silent clip.
    make_clip(dir / "a.mp4", 1.5, 64, 36);
    make_clip(dir / "b.mp4", 1.5, 64, 36);
    make_clip(dir / "c.mp4", 1.0, 36, 64);
    nava::media::write_wav(dir / "voice.wav", tone(1.2, 22050, 2, 180.0));
    write_text(
        dir / "clips.jsonl",
        R"({"id": "a", "video": "a.mp4", "caption": "a man says <S>hello<E> in the room", "speech": [{"start": 0.2, "end": 1.2}]})"
        "\n"
        R"({"id": "b", "video": "b.mp4", "caption": "<S>hello<E> and <S>rain<E>", "speech": [{"voice": "voice.wav"}, {"start": 0.5, "end": 1.4}]})"
        "\n"
        R"({"id": "c", "video": "c.mp4", "audio": null, "caption": "quiet street at night"})"
        "\n");
    nlohmann::json rj = recipe_json(dir, files);
    Recipe recipe = Recipe::from_json(rj, dir / "recipe.json");

    Calls calls;
    PrepareOptions po;
    po.workers = 2;
    EncoderOptions eo;
    eo.text_len = recipe.model.text_len;
    po.make_encoders = [&]() -> std::unique_ptr<ClipEncoders> {
        return std::make_unique<CountingEncoders>(load_clip_encoders(recipe.data.encoders, eo),
                                                  calls);
    };
    const ValidationReport report = validate_recipe_data(recipe);
    ASSERT_EQ(report.accepted_count(), 3) << report.format_text();

    // 1. First run: everything is encoded.
    const PreprocessReport first = preprocess_recipe_data(recipe, report, po);
    ASSERT_TRUE(first.failures.empty())
        << first.failures[0].id << ": " << first.failures[0].message;
    EXPECT_EQ(first.encoded, 3);
    EXPECT_EQ(first.reused, 0);
    EXPECT_TRUE(first.encoders_loaded);
    EXPECT_EQ(calls.created.load(), 1);
    EXPECT_EQ(calls.video.load(), 3);
    EXPECT_EQ(calls.audio.load(), 2);  // c is video-only
    EXPECT_EQ(calls.text.load(), 3);
    EXPECT_EQ(calls.speaker.load(), 3);  // a: one span; b: voice file + one cut span
    EXPECT_EQ(first.encoder_versions.size(), 5u);

    const CacheIndex index1 = read_cache_index(recipe.data.cache_dir);
    ASSERT_EQ(index1.entries.size(), 3u);
    for (const auto& e : index1.entries)
        EXPECT_TRUE(fs::exists(cache_entry_path(recipe.data.cache_dir, e.key))) << e.id;
    const CacheEntryInfo& a = index1.entries[0];
    EXPECT_EQ(a.id, "a");
    EXPECT_EQ(a.bucket, "av:9x16x32");
    EXPECT_EQ(a.video, (std::vector<int64_t>{4, 3, 1, 2}));  // 9 frames -> 3, 16x32 px -> 1x2
    EXPECT_EQ(a.audio_length, 29);
    EXPECT_TRUE(a.has_audio);
    EXPECT_EQ(a.text_dim, 16);
    EXPECT_EQ(a.speakers, 1);
    EXPECT_EQ(index1.entries[1].speakers, 2);
    EXPECT_EQ(index1.entries[2].bucket, "video:5x32x16");
    EXPECT_FALSE(index1.entries[2].has_audio);

    // 2. Second run: only the cache is read; no encoder is created.
    const PreprocessReport second = preprocess_recipe_data(recipe, report, po);
    EXPECT_EQ(second.encoded, 0);
    EXPECT_EQ(second.reused, 3);
    EXPECT_FALSE(second.encoders_loaded);
    EXPECT_EQ(calls.created.load(), 1);
    EXPECT_EQ(calls.video.load(), 3);
    EXPECT_EQ(calls.text.load(), 3);
    const CacheIndex index2 = read_cache_index(recipe.data.cache_dir);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(index2.entries[i].key, index1.entries[i].key);

    // 3. The dataset: tensors as indexed; the silent clip gets a masked audio placeholder.
    CachedDatasetOptions co;
    co.audio_channels = 7;
    const CachedDataset ds(recipe.data.cache_dir, co);
    ASSERT_EQ(ds.size(), 3);
    const TrainSample sa = ds.get(0);
    EXPECT_EQ(sa.video.sizes().vec(), a.video);
    EXPECT_EQ(sa.audio.size(0), 29);
    EXPECT_TRUE(sa.audio_loss);
    EXPECT_EQ(sa.context.size(1), 16);
    ASSERT_TRUE(sa.speakers.defined());
    EXPECT_EQ(sa.speakers.sizes(), (at::IntArrayRef{1, 32}));
    ASSERT_EQ(sa.speaker_positions.size(), 1u);
    EXPECT_GT(sa.speakers.abs().sum().item<double>(), 0.0);
    const TrainSample sb = ds.get(1);
    EXPECT_EQ(sb.speakers.size(0), 2);
    EXPECT_EQ(sb.speaker_positions.size(), 2u);
    EXPECT_LT(sb.speaker_positions[0], sb.speaker_positions[1]);
    const TrainSample sc = ds.get(2);
    EXPECT_EQ(sc.audio.sizes(), (at::IntArrayRef{aligned_audio_length(5, 8, 25), 7}));
    EXPECT_FALSE(sc.audio_loss);
    EXPECT_EQ(sc.audio.abs().sum().item<double>(), 0.0);
    EXPECT_FALSE(sc.speakers.defined());
    EXPECT_EQ(ds.geometry(2).bucket, "video:5x32x16");

    // 4. A changed video VAE weight file: new keys for every clip (all have video), re-encoded.
    write_video_vae(files.video_vae.weights, files.video_vae.config, 99);
    const PreprocessReport third = preprocess_recipe_data(recipe, report, po);
    EXPECT_EQ(third.encoded, 3);
    EXPECT_EQ(third.reused, 0);
    EXPECT_EQ(calls.created.load(), 2);
    EXPECT_EQ(calls.video.load(), 6);
    EXPECT_NE(third.encoder_versions.at("video_vae"), first.encoder_versions.at("video_vae"));
    EXPECT_EQ(third.encoder_versions.at("audio_vae"), first.encoder_versions.at("audio_vae"));
    const CacheIndex index3 = read_cache_index(recipe.data.cache_dir);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NE(index3.entries[i].key, index1.entries[i].key);
    const at::Tensor old_latent =
        read_cache_entry(cache_entry_path(recipe.data.cache_dir, index1.entries[0].key)).video;
    const at::Tensor new_latent =
        read_cache_entry(cache_entry_path(recipe.data.cache_dir, index3.entries[0].key)).video;
    EXPECT_GT((old_latent - new_latent).abs().max().item<double>(), 1e-4);

    // 5. Training reads the cache: a few steps of a tiny DiT on the bucketed entries.
    const int64_t audio_channels =
        read_cache_entry(cache_entry_path(recipe.data.cache_dir, index3.entries[0].key))
            .audio.size(1);
    rj["model"]["config"]["audio_in_dim"] = audio_channels;
    rj["model"]["config"]["audio_out_dim"] = audio_channels;
    recipe = Recipe::from_json(rj, dir / "recipe.json");
    TrainRunOptions run;
    run.resume = false;
    const TrainRunResult result = run_training(recipe, Communicator::single(), run);
    ASSERT_EQ(result.history.size(), 3u);
    for (const auto& s : result.history) {
        EXPECT_TRUE(std::isfinite(s.loss));
        EXPECT_EQ(s.samples, 1);
    }
}

// Encoders that cannot load stop the run at once with their reason, instead of failing every
// clip one by one after decoding it.
TEST(Cache, EncodersThatCannotLoadStopTheRunAtOnce) {
    if (!have_ffmpeg()) GTEST_SKIP() << "needs FFmpeg to write the clips";
    const auto dir = nava::test::scratch_dir("data_cache_no_encoders");
    EncoderFiles files;
    if (!write_tiny_encoders(dir / "encoders", files))
        GTEST_SKIP() << "spm_train not installed (apt-get install sentencepiece)";
    std::string manifest;
    for (int i = 0; i < 6; ++i) {
        const std::string id = "c" + std::to_string(i);
        make_clip(dir / (id + ".mp4"), 1.0, 64, 36);
        manifest += R"({"id": ")" + id + R"(", "video": ")" + id +
                    R"(.mp4", "caption": "rain"})"
                    "\n";
    }
    write_text(dir / "clips.jsonl", manifest);
    const Recipe recipe = Recipe::from_json(recipe_json(dir, files), dir / "recipe.json");
    const ValidationReport report = validate_recipe_data(recipe);
    ASSERT_EQ(report.accepted_count(), 6) << report.format_text();
    std::atomic<int> attempts{0};
    PrepareOptions po;
    po.workers = 2;
    po.make_encoders = [&]() -> std::unique_ptr<ClipEncoders> {
        ++attempts;
        throw std::runtime_error("the tokenizer module libnava_spm.so was not found");
    };
    try {
        preprocess_recipe_data(recipe, report, po);
        ADD_FAILURE() << "preprocessing went on without encoders";
    } catch (const nava::ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("cannot load the encoders"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("libnava_spm.so was not found"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(attempts.load(), 1);
}

TEST(Cache, KeysCoverCaptionTimingAndBucket) {
    const auto dir = nava::test::scratch_dir("data_cache_keys");
    write_text(dir / "v.mp4", "bytes of a clip");
    write_text(dir / "w.wav", "bytes of a voice");
    FingerprintStore store(dir / "fingerprints.json");
    ClipVerdict clip;
    clip.id = "x";
    clip.record.video = dir / "v.mp4";
    clip.record.caption = "<S>hi<E>";
    clip.record.speech = {{"", dir / "w.wav", -1, -1}};
    clip.bucket.frames = 33;
    clip.bucket.width = 64;
    clip.bucket.height = 32;
    PreprocessOptions o;
    const std::map<std::string, std::string> versions = {{"video_vae", "1"},
                                                         {"audio_vae", "2"},
                                                         {"text_encoder", "3"},
                                                         {"tokenizer", "4"},
                                                         {"speaker_encoder", "5"}};
    const std::string base = cache_key(clip, versions, o, store);
    EXPECT_EQ(base.size(), 64u);
    EXPECT_EQ(cache_key(clip, versions, o, store), base);  // stable
    auto differs = [&](auto change) {
        ClipVerdict c = clip;
        auto v = versions;
        PreprocessOptions oo = o;
        change(c, v, oo);
        return cache_key(c, v, oo, store) != base;
    };
    EXPECT_TRUE(differs([](auto& c, auto&, auto&) { c.record.caption = "<S>ho<E>"; }));
    EXPECT_TRUE(differs([](auto& c, auto&, auto&) { c.record.speech[0].start_s = 0.5; }));
    EXPECT_TRUE(differs([](auto& c, auto&, auto&) { c.bucket.frames = 49; }));
    EXPECT_TRUE(differs([](auto&, auto& v, auto&) { v["video_vae"] = "other"; }));
    EXPECT_TRUE(differs([](auto&, auto& v, auto&) { v["speaker_encoder"] = "other"; }));
    EXPECT_TRUE(differs([](auto&, auto&, auto& oo) { oo.text_len = 256; }));
    EXPECT_FALSE(differs([](auto& c, auto&, auto&) { c.id = "renamed"; }));
    // A video-only clip does not depend on the audio VAE.
    clip.record.task = ClipTask::video;
    const std::string silent = cache_key(clip, versions, o, store);
    auto v2 = versions;
    v2["audio_vae"] = "changed";
    EXPECT_EQ(cache_key(clip, v2, o, store), silent);
    // The media bytes themselves.
    write_text(dir / "v.mp4", "other bytes of a clip");
    EXPECT_NE(cache_key(clip, versions, o, store), silent);
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
