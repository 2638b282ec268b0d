// Length / aspect buckets: the reference's size table, orientation, frame counts 1 + 4k and the
// audio length aligned to the video.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "inference/core/error.h"
#include "training/data/buckets.h"

using namespace nava::train;

TEST(Buckets, AspectSizesFollowTheReferenceTable) {
    BucketOptions o;  // resolution 960
    auto s = aspect_size(1920, 1080, o);
    EXPECT_EQ(s.ratio, "9/16");
    EXPECT_EQ(s.width, 1280);
    EXPECT_EQ(s.height, 704);
    s = aspect_size(1080, 1920, o);  // portrait clips get portrait buckets
    EXPECT_EQ(s.width, 704);
    EXPECT_EQ(s.height, 1280);
    s = aspect_size(1000, 1000, o);
    EXPECT_EQ(s.ratio, "1/1");
    EXPECT_EQ(s.width, 960);
    s = aspect_size(1920, 927, o);  // 0.483: between 1/2 and 2/5, nearer 1/2
    EXPECT_EQ(s.ratio, "1/2");
    EXPECT_EQ(s.width, 84 * 16);
    EXPECT_EQ(s.height, 42 * 16);
    s = aspect_size(1000, 790, o);  // 0.79: 4/5
    EXPECT_EQ(s.ratio, "4/5");
    o.resolution = 256;
    s = aspect_size(1920, 1080, o);
    EXPECT_EQ(s.width, 21 * 16);
    EXPECT_EQ(s.height, 12 * 16);
    o.resolution = 0;
    o.size_scale = 2;
    s = aspect_size(64, 36, o);
    EXPECT_EQ(s.width, 32);
    EXPECT_EQ(s.height, 16);
    o.size_scale = 0;
    o.resolution = 300;
    EXPECT_THROW(aspect_size(64, 36, o), nava::ConfigError);
}

TEST(Buckets, FramesAreTheLargestBucketTheClipHolds) {
    BucketOptions o;
    std::string why;
    auto b = choose_bucket(ClipTask::audio_video, 1920, 1080, 6.0, o, &why);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->frames, 121);  // 144 frames available
    EXPECT_EQ(b->latent_frames(o), 31);
    EXPECT_EQ(b->audio_length, 127);  // ceil(121 / 24 * 25)
    EXPECT_EQ(b->key(), "av:121x704x1280");
    b = choose_bucket(ClipTask::video, 1920, 1080, 2.1, o, &why);  // 50 frames
    ASSERT_TRUE(b);
    EXPECT_EQ(b->frames, 49);
    EXPECT_EQ(b->key(), "video:49x704x1280");
    EXPECT_FALSE(choose_bucket(ClipTask::audio_video, 1920, 1080, 1.3, o, &why));  // 31 frames
    EXPECT_NE(why.find("fewer than 33"), std::string::npos);
    EXPECT_FALSE(choose_bucket(ClipTask::audio_video, 1920, 1080, 17.0, o, &why));  // 408
    EXPECT_NE(why.find("more than 400"), std::string::npos);
    // The reference's single 121-frame target: shorter clips are padded up to it.
    o.frame_buckets = {121};
    b = choose_bucket(ClipTask::audio_video, 1920, 1080, 2.0, o, &why);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->frames, 121);
    o.pad_short_clips = false;
    EXPECT_FALSE(choose_bucket(ClipTask::audio_video, 1920, 1080, 2.0, o, &why));
}

TEST(Buckets, AudioOnlyClipsRoundDownToWholeSteps) {
    BucketOptions o;
    std::string why;
    auto b = choose_bucket(ClipTask::audio, 0, 0, 3.7, o, &why);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->audio_length, 75);
    EXPECT_EQ(b->key(), "audio:L75");
    EXPECT_FALSE(choose_bucket(ClipTask::audio, 0, 0, 12.0, o, &why));
    EXPECT_FALSE(choose_bucket(ClipTask::audio, 0, 0, 0.2, o, &why));
}

TEST(Buckets, AlignedAudioLengthAndValidation) {
    EXPECT_EQ(aligned_audio_length(145, 24.0, 25.0), 152);  // the spec's worked example
    EXPECT_EQ(aligned_audio_length(24, 24.0, 25.0), 25);    // exact: no creeping up
    BucketOptions o;
    o.frame_buckets = {33, 50};
    EXPECT_THROW(o.validate(), nava::ConfigError);
    o.frame_buckets = {};
    EXPECT_THROW(o.validate(), nava::ConfigError);
    const auto j = BucketOptions().to_json();
    const auto back = BucketOptions::from_json(j, "buckets");
    EXPECT_EQ(back.frame_buckets, BucketOptions().frame_buckets);
    EXPECT_THROW(BucketOptions::from_json(nlohmann::json{{"frame_buckets", {2}}}, "b"),
                 nava::ConfigError);
}
