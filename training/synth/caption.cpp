#include "training/synth/caption.h"

#include <cctype>

#include "training/synth/random.h"

namespace nava::synth {
namespace {

// "a red ball", "an orange face".
std::string indefinite(const std::string& noun_phrase) {
    const char c = noun_phrase.empty() ? 'x' : noun_phrase[0];
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    return (vowel ? "an " : "a ") + noun_phrase;
}

std::string shape_noun(Shape shape, Rng& rng) {
    switch (shape) {
        case Shape::circle:
            return rng.pick(std::vector<std::string>{"ball", "ball", "circle"});
        case Shape::square:
            return rng.pick(std::vector<std::string>{"square", "block", "box"});
        case Shape::triangle:
            return "triangle";
    }
    return "ball";
}

std::string size_word(SizeClass size, Rng& rng) {
    switch (size) {
        case SizeClass::small:
            return rng.pick(std::vector<std::string>{"small ", "tiny ", "small "});
        case SizeClass::medium:
            return rng.pick(std::vector<std::string>{"", "", "medium-sized "});
        case SizeClass::large:
            return rng.pick(std::vector<std::string>{"large ", "big ", "large "});
    }
    return "";
}

std::string motion_phrase(Motion motion, Rng& rng) {
    if (motion == Motion::bounce)
        return rng.pick(std::vector<std::string>{"bounces", "bounces on the floor",
                                                 "hops along the floor", "keeps bouncing"});
    return rng.pick(std::vector<std::string>{"flies around", "bounces off the walls",
                                             "zips around the frame", "ricochets off the walls"});
}

std::string sound_phrase(const ObjectSpec& o, Rng& rng) {
    const bool low = o.size == SizeClass::large;
    const bool high = o.size == SizeClass::small;
    std::string sound;
    switch (o.shape) {
        case Shape::circle:
            sound = low ? "a low ping" : high ? "a high ping" : "a ping";
            break;
        case Shape::square:
            sound = low ? "a deep thud" : high ? "a light thud" : "a dull thud";
            break;
        case Shape::triangle:
            sound = low    ? "a low metallic clink"
                    : high ? "a bright metallic clink"
                           : "a metallic clink";
            break;
    }
    return rng.pick(std::vector<std::string>{", each hit making " + sound,
                                             " with " + sound + " at every impact",
                                             " and every bounce is " + sound});
}

std::string object_clause(const ObjectSpec& o, const ClipFormat& f, Rng& rng) {
    // One draw per statement: the operands of + are evaluated in an unspecified order, the
    // draws must not be.
    const std::string size = size_word(o.size, rng);
    const std::string noun = shape_noun(o.shape, rng);
    std::string s = indefinite(size + o.colour.name + " " + noun);
    s += " " + motion_phrase(o.motion, rng);
    // Where a flying object is changes quickly; only bouncing ones are placed in words.
    if (rng.chance(0.6) && o.motion == Motion::bounce) s += " " + where_phrase(o.x, f.width);
    if (rng.chance(0.5)) s += sound_phrase(o, rng);
    return s;
}

const FaceSpec* face_of(const ClipRecipe& r, const std::string& speaker) {
    for (const auto& f : r.faces)
        if (f.colour.name == speaker) return &f;
    return nullptr;
}

std::string capitalise(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace

std::string where_phrase(double x, int width) {
    if (x < width / 3.0) return "on the left";
    if (x > 2.0 * width / 3.0) return "on the right";
    return "in the middle";
}

std::string make_caption(const ClipRecipe& r) {
    Rng rng(r.caption_seed);
    const bool several_faces = r.faces.size() > 1;

    std::vector<std::string> objects;
    for (const auto& o : r.objects)
        objects.push_back(object_clause(o, r.format, rng));

    // Speech clauses in time order; the second speaker may "reply".
    std::vector<std::string> faces;
    for (std::size_t i = 0; i < r.speech.size(); ++i) {
        const SpeechLine& line = r.speech[i];
        const FaceSpec* face = face_of(r, line.speaker);
        std::string s = "the " + line.speaker + " face";
        if (face && (several_faces || rng.chance(0.4))) {
            if (rng.chance(0.6)) s += " " + where_phrase(face->x, r.format.width);
        }
        const std::string verb =
            i == 0 ? rng.pick(std::vector<std::string>{"says", "says", "speaks:", "calls out"})
                   : rng.pick(std::vector<std::string>{"replies", "answers", "then says", "says"});
        s += " " + verb + " <S>" + line.text + "<E>";
        if (i > 0 && verb != "then says" && rng.chance(0.3)) s = "then " + s;
        faces.push_back(s);
    }
    for (const auto& face : r.faces) {
        if (face.speaks) continue;
        std::string s = indefinite(face.colour.name + " face");
        if (rng.chance(0.5)) s += " " + where_phrase(face.x, r.format.width);
        s += " " + rng.pick(std::vector<std::string>{"stays quiet", "watches silently",
                                                     "listens without a word"});
        // A silent face is mentioned before the speech when it stands alone, else after it.
        if (faces.empty() || rng.chance(0.5))
            faces.insert(faces.begin(), s);
        else
            faces.push_back(s);
    }

    std::vector<std::string> clauses;
    if (objects.empty() && faces.empty()) {
        const std::string adjective = rng.pick(std::vector<std::string>{"an empty ", "a plain "});
        const std::string noun = rng.pick(std::vector<std::string>{"background", "screen"});
        clauses.push_back(adjective + r.background.name + " " + noun + ", nothing moves");
    } else {
        const bool faces_first = !faces.empty() && rng.chance(0.5);
        if (faces_first) clauses = faces;
        clauses.insert(clauses.end(), objects.begin(), objects.end());
        if (!faces_first) clauses.insert(clauses.end(), faces.begin(), faces.end());
        const int background = rng.below(3);  // 0: not named, 1: own clause, 2: appended
        if (background == 1)
            clauses.insert(clauses.begin(), indefinite(r.background.name + " background"));
        else if (background == 2)
            clauses.front() = "on a " + r.background.name + " background, " + clauses.front();
    }

    const bool sentences = rng.chance(0.5);
    std::string out;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        if (sentences) {
            out += (i ? " " : "") + capitalise(clauses[i]) + ".";
        } else {
            out += (i ? "; " : "") + clauses[i];
        }
    }
    return out;
}

std::vector<std::string> caption_spans(const std::string& caption) {
    std::vector<std::string> spans;
    std::size_t pos = 0;
    while (true) {
        const auto open = caption.find("<S>", pos);
        if (open == std::string::npos) break;
        const auto close = caption.find("<E>", open + 3);
        if (close == std::string::npos) break;
        spans.push_back(caption.substr(open + 3, close - open - 3));
        pos = close + 3;
    }
    return spans;
}

}  // namespace nava::synth
