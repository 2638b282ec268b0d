#include "training/synth/vocabulary.h"

#include <cctype>
#include <sstream>

namespace nava::synth::vocab {

const std::vector<NamedColour>& backgrounds() {
    static const std::vector<NamedColour> k = {
        {"black", {18, 18, 22}},
        {"dark grey", {62, 62, 68}},
        {"grey", {128, 128, 128}},
        {"white", {236, 236, 232}},
    };
    return k;
}

const std::vector<NamedColour>& object_colours() {
    static const std::vector<NamedColour> k = {
        {"red", {220, 40, 40}},
        {"green", {40, 190, 60}},
        {"blue", {40, 90, 230}},
        {"yellow", {240, 210, 40}},
    };
    return k;
}

const std::vector<NamedColour>& face_colours() {
    static const std::vector<NamedColour> k = {
        {"orange", {245, 140, 30}}, {"purple", {140, 70, 190}}, {"pink", {240, 120, 180}},
        {"teal", {30, 170, 170}},   {"blue", {40, 90, 230}},    {"green", {40, 190, 60}},
    };
    return k;
}

const std::vector<std::string>& span_phrases() {
    static const std::vector<std::string> k = {
        "hello there",
        "good morning",
        "see you soon",
        "where is my hat",
        "I like this song",
        "let us go home",
        "that was close",
        "look over here",
        "come and play",
        "what a lovely day",
        "nice to meet you",
        "thank you very much",
        "are you ready",
        "not right now",
        "I am so hungry",
        "wait for me",
        "it is raining again",
        "time to wake up",
        "who is there",
        "I found it",
        "this is fun",
        "can you hear me",
        "please sit down",
        "watch this trick",
        "we did it",
        "how are you",
        "good night",
        "all done",
        "follow me",
        "be careful",
        "listen to this",
        "what happened here",
        "I feel great today",
        "let me try",
        "one more time",
        "over there",
        "stop that noise",
        "I will help you",
        "that is amazing",
        "you are late",
        "here we go",
        "do not worry",
        "well done",
        "my turn now",
        "just a moment",
        "keep going",
        "I think it will rain",
        "let us play a game",
        "where did you put it",
        "we should go back now",
        "I cannot find my keys",
        "this is the best day",
    };
    return k;
}

const std::vector<std::string>& reference_sentences() {
    static const std::vector<std::string> k = {
        "seven purple turtles swam beside an old wooden boat",
        "bright yellow lemons grow on tall green trees",
        "quick brown foxes jump across sleeping dogs",
        "fresh bread smells wonderful early in spring",
        "our teacher painted maps of distant islands",
        "heavy snowflakes covered every quiet mountain village",
        "twelve silver spoons sat inside an empty drawer",
        "cold rivers carry small stones toward open seas",
        "orange kites fly above sandy beaches each summer",
        "gentle winds moved paper boats along narrow canals",
        "busy bakers mix flour with sugar before sunrise",
        "ancient castles stand proudly above deep valleys",
        "curious children collect shells along rocky shores",
        "soft violins played beautiful tunes under starlight",
        "painted horses circle slowly around an old carousel",
        "red apples fell from branches into long grass",
        "seven ducks paddled across calm blue ponds",
        "thunder rolled loudly behind dark clouds yesterday",
        "farmers gather ripe pumpkins during autumn evenings",
        "tiny robots build towers from colourful plastic bricks",
        "sleepy cats dream about chasing fast mice",
        "elephants remember distant paths through dry forests",
        "engineers designed bridges across wide rivers",
        "lighthouses guide sailors safely through foggy harbours",
    };
    return k;
}

const std::vector<std::string>& voice_languages() {
    static const std::vector<std::string> k = {"en-us", "en-gb", "en-gb-scotland", "en-gb-x-rp"};
    return k;
}

const std::vector<std::string>& voice_variants() {
    static const std::vector<std::string> k = {"m1", "m2", "m3", "m4", "m5", "m7",
                                               "f1", "f2", "f3", "f4", "f5", "klatt"};
    return k;
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) {
        std::string clean;
        for (char c : w)
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'')
                clean.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (!clean.empty()) out.push_back(clean);
    }
    return out;
}

}  // namespace nava::synth::vocab
