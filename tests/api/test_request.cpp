// The generation request / recipe as plain data and JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "inference/api/request.h"

using namespace nava::api;

TEST(Request, RecipeRoundTripsEveryField) {
    GenerationRequest r;
    r.prompt = "A kitchen. <S>Hello<E> <S>Hi there<E>";
    r.negative_prompt = "blurry";
    r.speakers = {{"a", "Alice", "voices/alice.wav", "ab12"}, {"b", "Bob", "", ""}};
    r.spans = {{"Hello", "a"}, {"Hi there", "b"}};
    r.first_frame_image = "frame.png";
    r.mode = Mode::image_to_audio_video;
    r.width = 960;
    r.height = 960;
    r.duration_s = 2.5;
    r.latent_frames = 13;
    r.fps = 25;
    r.seed = 1234567890123ULL;
    r.steps = 30;
    r.shift = 3.5;
    r.solver = Solver::euler;
    r.guidance.video_text = 4;
    r.guidance.timbre_pass = false;
    r.memory_profile = "fp8";
    r.package = "models/nava-tiny";
    r.output_path = "out.mp4";
    const GenerationRequest back = request_from_json_text(request_to_json_text(r));
    EXPECT_EQ(to_json(back), to_json(r));
    EXPECT_EQ(back.seed, 1234567890123ULL);
    EXPECT_EQ(back.spans[1].speaker_id, "b");
    EXPECT_EQ(to_json(r)["nava_recipe"], kRecipeVersion);
}

TEST(Request, PartialRecipesKeepDefaultsAndBadValuesAreNamed) {
    const GenerationRequest r = request_from_json(nlohmann::json{{"prompt", "x"}, {"steps", 8}});
    EXPECT_EQ(r.steps, 8);
    EXPECT_EQ(r.width, 1280);
    EXPECT_EQ(r.mode, Mode::text_to_audio_video);
    try {
        request_from_json(nlohmann::json{{"steps", "many"}});
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("'steps'"), std::string::npos);
    }
    EXPECT_THROW(request_from_json(nlohmann::json{{"mode", "t2x"}}), std::invalid_argument);
    EXPECT_THROW(request_from_json_text("{broken"), std::invalid_argument);
}

TEST(Request, ReferenceRecordsBindVoicesToSpansInOrder) {
    auto r = request_from_reference_record(nlohmann::json::parse(
        R"({"text": "Two people. <S>one<E> then <S>two<E>", "spk_wavs": ["a.wav", "b.wav"],
            "image_path": "f.png"})"));
    EXPECT_EQ(r.prompt, "Two people. <S>one<E> then <S>two<E>");
    EXPECT_EQ(r.mode, Mode::image_to_audio_video);
    ASSERT_EQ(r.speakers.size(), 2u);
    EXPECT_EQ(r.speakers[1].voice_path, "b.wav");
    ASSERT_EQ(r.spans.size(), 2u);
    EXPECT_EQ(r.spans[0].text, "one");
    EXPECT_EQ(r.spans[1].speaker_id, "S2");
    // A single voice is broadcast to every span.
    r = request_from_reference_record(
        nlohmann::json::parse(R"({"prompt": "<S>a<E><S>b<E>", "spk_wavs": ["v.wav"]})"));
    EXPECT_EQ(r.spans[0].speaker_id, "S1");
    EXPECT_EQ(r.spans[1].speaker_id, "S1");
}
