// Prompt processing (speech spans, placeholders, special-token mode), the voice binding rule and
// placeholder positions, driven by every example of fixtures/prompt/prompt_examples.json.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "inference/text/prompt.h"
#include "inference/text/speaker_placeholders.h"
#include "tests/support/test_support.h"

namespace {

using namespace nava::text;

nlohmann::json prompt_examples() {
    const auto path = nava::test::fixtures_dir() / "prompt" / "prompt_examples.json";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    return nlohmann::json::parse(in);
}

std::vector<int64_t> int_list(const nlohmann::json& j) {
    std::vector<int64_t> v;
    for (const auto& x : j)
        v.push_back(x.get<int64_t>());
    return v;
}

std::vector<bool> voice_exists(const nlohmann::json& refs) {
    std::vector<bool> v;
    for (const auto& r : refs)
        v.push_back(r["exists"].get<bool>());
    return v;
}

MissingVoicePolicy policy_for(const std::string& source) {
    return source == "inference_nava_engine" ? MissingVoicePolicy::Drop
                                             : MissingVoicePolicy::ZeroRow;
}

TEST(PromptExamples, ProcessedCaptionCleanTextAndPlaceholderOffsets) {
    const nlohmann::json examples = prompt_examples();
    ASSERT_GE(examples["examples"].size(), 10u);
    EXPECT_EQ(examples["spk_token"].get<std::string>(), std::string(kSpeakerPlaceholder));
    for (const auto& ex : examples["examples"]) {
        SCOPED_TRACE(ex["id"].get<std::string>());
        const std::string input = ex["input_prompt"].get<std::string>();
        PromptOptions options;
        if (ex["source"] == "train_av") options.placeholders = PlaceholderPolicy::WhenSpeechMarked;

        const ProcessedPrompt p = process_prompt(input, options);
        EXPECT_EQ(p.processed_caption, ex["processed_caption"].get<std::string>());
        EXPECT_EQ(p.tokenizer_input, ex["tokenizer_input_after_clean"].get<std::string>());
        EXPECT_EQ(p.placeholder_count(), ex["n_spk_tokens"].get<int64_t>());
        EXPECT_EQ(p.placeholder_char_offsets, int_list(ex["spk_token_char_offsets_in_clean_text"]));
        EXPECT_EQ(static_cast<int64_t>(p.spans.size()), ex["n_spk_tokens"].get<int64_t>());
        EXPECT_TRUE(p.warnings.empty());

        if (!ex["processed_caption_use_speech_special_token"].is_null()) {
            options.markers = SpeechMarkers::SpecialTokens;
            EXPECT_EQ(process_prompt(input, options).processed_caption,
                      ex["processed_caption_use_speech_special_token"].get<std::string>());
        }
        if (ex.contains("speech_starts")) {
            EXPECT_NO_THROW(
                check_speech_timing(p.spans, ex["speech_starts"].size(), ex["speech_ends"].size()));
            EXPECT_THROW(check_speech_timing(p.spans, ex["speech_starts"].size() + 1,
                                             ex["speech_ends"].size()),
                         PromptError);
        }
    }
}

TEST(PromptExamples, VoiceRowsAndBindingOutcomes) {
    const nlohmann::json examples = prompt_examples();
    for (const auto& ex : examples["examples"]) {
        SCOPED_TRACE(ex["id"].get<std::string>());
        const std::string source = ex["source"].get<std::string>();
        const auto& injection = ex["context_injection"];

        // Which reference recordings give voice rows, and which rows are all zero.
        if (source != "train_av") {
            const VoiceRows rows =
                resolve_voice_rows(voice_exists(ex["speaker_refs"]), policy_for(source));
            EXPECT_EQ(rows.count(), ex["n_speaker_embeddings_passed"].get<int64_t>());
            EXPECT_EQ(rows.zero_rows(), int_list(ex["embedding_rows_all_zero_null_token"]));
        }

        const int64_t n_placeholders = ex["n_spk_tokens"].get<int64_t>();
        const int64_t n_voices = ex["n_speaker_embeddings_passed"].get<int64_t>();
        if (injection["injected"].is_string()) {
            ASSERT_EQ(injection["injected"].get<std::string>(), "error");
            try {
                bind_voices(n_placeholders, n_voices);
                FAIL() << "expected VoiceBindingError";
            } catch (const VoiceBindingError& e) {
                EXPECT_EQ(e.placeholder_count(), n_placeholders);
                EXPECT_EQ(e.voice_count(), n_voices);
                EXPECT_NE(std::string(e.what()).find("speech spans"), std::string::npos);
            }
            continue;
        }
        const VoiceBinding b = bind_voices(n_placeholders, n_voices);
        EXPECT_EQ(b.injected, injection["injected"].get<bool>());
        if (!b.injected) {
            EXPECT_TRUE(b.voice_for_placeholder.empty());
            EXPECT_FALSE(b.count_mismatch);
            continue;
        }
        EXPECT_EQ(b.count_mismatch, injection["warning_printed"].get<bool>());
        EXPECT_EQ(b.warnings.empty(), !injection["warning_printed"].get<bool>());
        ASSERT_EQ(b.voice_for_placeholder.size(), injection["binding"].size());
        for (const auto& pair : injection["binding"]) {
            const auto k = pair["occurrence"].get<std::size_t>();
            EXPECT_EQ(b.voice_for_placeholder[k], pair["speaker_index"].get<int64_t>());
        }

        // The spans the studio shows carry the same binding.
        ProcessedPrompt p = process_prompt(ex["input_prompt"].get<std::string>());
        bind_voices_to_spans(p.spans, b);
        for (const auto& pair : injection["binding"]) {
            EXPECT_EQ(p.spans[pair["occurrence"].get<std::size_t>()].speaker_index,
                      pair["speaker_index"].get<int64_t>());
        }
    }
}

TEST(SpeechSpans, RecordCharacterRangesAndText) {
    const std::string prompt = "他低声说道：<S>Fine.<E> 然后<S>再见<E>";
    const auto spans = parse_speech_spans(prompt, SpanValidation::Strict);
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].index, 0);
    EXPECT_EQ(spans[0].open_char, 6);
    EXPECT_EQ(spans[0].text_begin_char, 9);
    EXPECT_EQ(spans[0].close_char, 14);
    EXPECT_EQ(spans[0].text, "Fine.");
    EXPECT_EQ(spans[1].open_char, 20);
    EXPECT_EQ(spans[1].close_char, 25);
    EXPECT_EQ(spans[1].text, "再见");
    EXPECT_EQ(spans[1].speaker_index, -1);
}

void expect_prompt_error(const std::string& prompt, int64_t position, const std::string& words) {
    SCOPED_TRACE(prompt);
    try {
        parse_speech_spans(prompt, SpanValidation::Strict);
        FAIL() << "expected PromptError";
    } catch (const PromptError& e) {
        EXPECT_EQ(e.char_position(), position);
        EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("character " + std::to_string(position)),
                  std::string::npos)
            << e.what();
    }
}

TEST(SpeechSpans, UnbalancedOrNestedMarkersAreErrorsWithPositions) {
    expect_prompt_error("你好<S>hello", 2, "never closed");
    expect_prompt_error("hello<E>", 5, "closes no span");
    expect_prompt_error("<S>a<S>b<E><E>", 4, "inside the span");
    expect_prompt_error("<S>a<E><E>", 7, "closes no span");
    EXPECT_THROW(process_prompt("<S>unclosed"), PromptError);
}

TEST(SpeechSpans, LenientModeWarnsAndKeepsWellFormedSpans) {
    std::vector<PromptWarning> warnings;
    const auto spans = parse_speech_spans("<E>x<S>a<E><S>b", SpanValidation::Lenient, &warnings);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(spans[0].text, "a");
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0].char_position, 0);
    EXPECT_EQ(warnings[1].char_position, 11);

    // The reference still inserts a placeholder after every <S>.
    PromptOptions options;
    options.validation = SpanValidation::Lenient;
    const ProcessedPrompt p = process_prompt("<E>x<S>a<E><S>b", options);
    EXPECT_EQ(p.placeholder_count(), 2);
    EXPECT_EQ(p.warnings.size(), 2u);
}

TEST(SpeechSpans, EmptySpansAndReservedTokensAreWarnings) {
    const ProcessedPrompt p = process_prompt("<S> <E> and <extra_id_2>");
    ASSERT_EQ(p.warnings.size(), 2u);
    EXPECT_NE(p.warnings[0].message.find("no spoken words"), std::string::npos);
    EXPECT_EQ(p.warnings[1].char_position, 12);
    EXPECT_EQ(p.placeholder_count(), 2);  // the typed one counts, as in the reference
}

TEST(Placeholders, PoliciesAndSpecialTokenMode) {
    EXPECT_EQ(insert_speaker_placeholders("a<S>b<E><S>c<E>"),
              "a<S><extra_id_2>b<E><S><extra_id_2>c<E>");
    EXPECT_EQ(apply_speech_special_tokens("<S><extra_id_2>b<E>"),
              "<extra_id_0><extra_id_2>b<extra_id_1>");
    EXPECT_EQ(wrap_as_speech("hello"), "<S>hello<E>");

    PromptOptions training;
    training.placeholders = PlaceholderPolicy::WhenSpeechMarked;
    EXPECT_EQ(process_prompt("rain on a roof", training).processed_caption, "rain on a roof");
    training.validation = SpanValidation::Lenient;
    EXPECT_EQ(process_prompt("only <S> open", training).processed_caption, "only <S> open");
    PromptOptions never;
    never.placeholders = PlaceholderPolicy::Never;
    EXPECT_EQ(process_prompt("<S>a<E>", never).placeholder_count(), 0);

    // Special-token mode: offsets are found in the cleaned text after the marker swap.
    PromptOptions special;
    special.markers = SpeechMarkers::SpecialTokens;
    const ProcessedPrompt p = process_prompt("Hi <S>yo<E>", special);
    EXPECT_EQ(p.tokenizer_input, "Hi <extra_id_0><extra_id_2>yo<extra_id_1>");
    EXPECT_EQ(p.placeholder_char_offsets, std::vector<int64_t>({15}));
}

TEST(VoiceBinding, RuleForEveryCountCombination) {
    EXPECT_FALSE(bind_voices(3, 0).injected);
    EXPECT_EQ(bind_voices(2, 2).voice_for_placeholder, std::vector<int64_t>({0, 1}));
    EXPECT_FALSE(bind_voices(2, 2).count_mismatch);
    EXPECT_EQ(bind_voices(3, 1).voice_for_placeholder, std::vector<int64_t>({0, 0, 0}));
    EXPECT_TRUE(bind_voices(3, 1).count_mismatch);
    EXPECT_EQ(bind_voices(1, 3).voice_for_placeholder, std::vector<int64_t>({0}));
    EXPECT_NE(bind_voices(1, 3).warnings.at(0).find("unused"), std::string::npos);
    const VoiceBinding none = bind_voices(0, 2);  // like the modality-masked pass
    EXPECT_TRUE(none.injected);
    EXPECT_TRUE(none.voice_for_placeholder.empty());
    EXPECT_TRUE(none.count_mismatch);
    EXPECT_THROW(bind_voices(3, 2), VoiceBindingError);
    EXPECT_THROW(bind_voices(-1, 2), nava::Error);
}

TEST(VoiceBinding, BatchRowsAreFlattenedLikeTheReference) {
    // The numeric fixture's "matched" case: text_len 16, positions [[2],[1,4]], 3 voices.
    VoiceBinding info;
    const auto rows = bind_voice_rows({{2}, {1, 4}}, 16, 3, &info);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].context_row, 2);
    EXPECT_EQ(rows[1].context_row, 17);
    EXPECT_EQ(rows[2].context_row, 20);
    EXPECT_EQ(rows[2].sample, 1);
    EXPECT_EQ(rows[2].position, 4);
    EXPECT_EQ(rows[2].voice_row, 2);
    EXPECT_FALSE(info.count_mismatch);

    const auto broadcast = bind_voice_rows({{2}, {1, 4}}, 16, 1);
    for (const auto& r : broadcast)
        EXPECT_EQ(r.voice_row, 0);
    const auto extra = bind_voice_rows({{3}, {}}, 16, 3, &info);  // "extra_emb"
    ASSERT_EQ(extra.size(), 1u);
    EXPECT_EQ(extra[0].context_row, 3);
    EXPECT_TRUE(info.count_mismatch);
    EXPECT_TRUE(bind_voice_rows({{2}, {1, 4}}, 16, 0).empty());  // "no_spk"
    EXPECT_TRUE(bind_voice_rows({{}, {}}, 16, 3).empty());       // "no_pos"
    EXPECT_THROW(bind_voice_rows({{16}}, 16, 1), nava::Error);
}

TEST(VoiceBinding, MissingRecordingsGiveZeroRowsOrAreDropped) {
    const VoiceRows zero = resolve_voice_rows({true, false, true}, MissingVoicePolicy::ZeroRow);
    EXPECT_EQ(zero.count(), 3);
    EXPECT_EQ(zero.zero_rows(), std::vector<int64_t>({1}));
    EXPECT_EQ(zero.ref_for_row, std::vector<int64_t>({0, 1, 2}));
    const VoiceRows dropped = resolve_voice_rows({true, false, true}, MissingVoicePolicy::Drop);
    EXPECT_EQ(dropped.count(), 2);
    EXPECT_TRUE(dropped.zero_rows().empty());
    EXPECT_EQ(dropped.ref_for_row, std::vector<int64_t>({0, 2}));
}

TEST(Placeholders, PositionsFromTokenIds) {
    const std::vector<int64_t> ids = {5, 297, 9, 297, 1, 0, 297};
    EXPECT_EQ(find_placeholder_positions(ids, 5, 297), std::vector<int64_t>({1, 3}));
    EXPECT_EQ(find_placeholder_positions(ids, 7, 297), std::vector<int64_t>({1, 3, 6}));
    EXPECT_EQ(find_placeholder_positions(ids, 100, 297), std::vector<int64_t>({1, 3, 6}));
    EXPECT_TRUE(find_placeholder_positions(ids, 1, 297).empty());
}

}  // namespace
