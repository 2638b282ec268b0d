#include "training/synth/scene.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>

#include "training/synth/random.h"
#include "training/synth/vocabulary.h"

namespace nava::synth {
namespace {

constexpr double kPi = 3.14159265358979323846;

ObjectSpec draw_object(const ClipFormat& f, const Box& box, const NamedColour& colour, Rng& rng) {
    ObjectSpec o;
    o.shape = static_cast<Shape>(rng.below(3));
    o.size = static_cast<SizeClass>(rng.weighted({0.35, 0.35, 0.3}));
    o.colour = colour;
    o.radius_px = object_radius(o.size, f) * rng.uniform(0.95, 1.05);
    o.motion = rng.chance(0.65) ? Motion::bounce : Motion::fly;
    const double w = box.x1 - box.x0, h = box.y1 - box.y0;
    const double margin_x = 1.1 * o.radius_px, margin_y = 1.0 * o.radius_px;
    o.x = rng.uniform(box.x0 + margin_x, box.x1 - margin_x);
    if (o.motion == Motion::bounce) {
        // Starts in the upper half of the play area, so it falls and hits the floor early.
        o.y = rng.uniform(box.y0 + margin_y, box.y0 + margin_y + 0.5 * (h - 2 * margin_y));
        const double direction = rng.chance(0.5) ? -1.0 : 1.0;
        o.vx = direction * rng.uniform(0.15, 0.5) * w;
        o.vy = rng.uniform(-0.4, 0.1) * h;
        o.restitution = rng.uniform(0.8, 0.92);
    } else {
        o.y = rng.uniform(box.y0 + margin_y, box.y1 - margin_y);
        const double speed = rng.uniform(0.8, 1.4) * std::min(w, h);
        // Diagonal-ish directions: it meets both pairs of sides.
        const double angle_in_quadrant = rng.uniform(0.3, kPi / 2 - 0.3);
        const double angle = angle_in_quadrant + kPi / 2 * rng.below(4);
        o.vx = speed * std::cos(angle);
        o.vy = speed * std::sin(angle);
        o.restitution = 1.0;
    }
    return o;
}

std::vector<VoiceSpec> draw_voices(std::size_t count, Rng& rng) {
    std::vector<std::string> variants = vocab::voice_variants();
    rng.shuffle(variants);
    std::vector<VoiceSpec> voices;
    for (std::size_t i = 0; i < count; ++i) {
        VoiceSpec v;
        v.language = rng.pick(vocab::voice_languages());
        v.variant = variants[i % variants.size()];
        // Pitches of one clip's speakers differ clearly as well.
        for (int attempt = 0; attempt < 16; ++attempt) {
            v.pitch = 20 + rng.below(61);
            bool distinct = true;
            for (const auto& other : voices)
                distinct = distinct && std::abs(other.pitch - v.pitch) >= 15;
            if (distinct) break;
        }
        v.speed_wpm = 155 + rng.below(41);
        voices.push_back(v);
    }
    return voices;
}

// Phrases of at most `max_words` words.
std::vector<std::string> phrases_up_to(std::size_t max_words) {
    std::vector<std::string> out;
    for (const auto& p : vocab::span_phrases())
        if (vocab::words(p).size() <= max_words) out.push_back(p);
    return out;
}

// Reference text for `voice`: one or two sentences whose speech, padded, lasts 2–4 s.
std::string draw_reference_text(const VoiceSpec& voice, Rng& rng, SpeechSynth& speech) {
    const double lo = kReferenceMinS - 2 * kReferencePadS;
    const double hi = kReferenceMaxS - 2 * kReferencePadS;
    std::string best;
    for (int attempt = 0; attempt < 6; ++attempt) {
        std::string text = rng.pick(vocab::reference_sentences());
        if (speech.duration_s(text, voice) < lo) {
            std::string second = rng.pick(vocab::reference_sentences());
            if (second == text) continue;
            text += ". " + second;
        }
        const double d = speech.duration_s(text, voice);
        if (d >= lo && d <= hi) return text;
        if (best.empty() || d >= lo) best = text;
    }
    return best;  // outside the range: the clip builder crops or pads it
}

}  // namespace

std::string clip_id(Split split, int64_t index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%06lld", split == Split::holdout ? 'h' : 'c',
                  static_cast<long long>(index));
    return buf;
}

double face_radius(const ClipFormat& f) {
    return 0.14 * std::min(f.width, f.height);
}

double object_radius(SizeClass size, const ClipFormat& f) {
    const double side = std::min(f.width, f.height);
    switch (size) {
        case SizeClass::small:
            return 0.06 * side;
        case SizeClass::medium:
            return 0.085 * side;
        case SizeClass::large:
            return 0.11 * side;
    }
    return 0.085 * side;
}

Box play_area_for(const ClipFormat& f, const std::vector<FaceSpec>& faces) {
    Box box{0.0, 0.0, static_cast<double>(f.width), static_cast<double>(f.height)};
    for (const auto& face : faces)
        box.y0 = std::max(box.y0, face.y + face.radius_px + 0.04 * f.height);
    return box;
}

bool place_speech(std::vector<SpeechLine>& lines, const std::vector<double>& durations,
                  double clip_duration_s, Rng& rng) {
    if (lines.empty()) return true;
    const double lo = kSpeechLeadS, hi = clip_duration_s - kSpeechTailS;
    const double needed = std::accumulate(durations.begin(), durations.end(), 0.0) +
                          kSpeechGapS * static_cast<double>(lines.size() - 1);
    const double slack = hi - lo - needed;
    if (slack < 0) return false;
    // Random cut of the slack into lines+1 pieces: before, between and after the lines.
    std::vector<double> cuts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        cuts.push_back(rng.uniform());
    std::sort(cuts.begin(), cuts.end());
    double t = lo, previous_cut = 0.0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        t += slack * (cuts[i] - previous_cut) + (i ? kSpeechGapS : 0.0);
        previous_cut = cuts[i];
        lines[i].start_s = t;
        lines[i].end_s = t + durations[i];
        t = lines[i].end_s;
    }
    return true;
}

ClipRecipe plan_clip(const ClipFormat& f, uint64_t seed, Split split, int64_t index,
                     SpeechSynth& speech) {
    Rng rng = Rng::derive(seed, split == Split::holdout ? "holdout-clip" : "train-clip",
                          static_cast<uint64_t>(index));
    ClipRecipe r;
    r.id = clip_id(split, index);
    r.split = split;
    r.seed = seed;
    r.index = index;
    r.format = f;
    r.background = rng.pick(vocab::backgrounds());

    // 1. How many of each; object colours are distinct, face colours differ from them too.
    const auto n_objects = rng.weighted({0.2, 0.45, 0.35});
    const auto n_faces = rng.weighted({0.25, 0.45, 0.30});
    std::vector<NamedColour> object_colours = vocab::object_colours();
    rng.shuffle(object_colours);
    object_colours.resize(n_objects);
    std::vector<NamedColour> face_colours;
    for (const auto& c : vocab::face_colours()) {
        bool used = false;
        for (const auto& oc : object_colours)
            used = used || oc.name == c.name;
        if (!used) face_colours.push_back(c);
    }
    rng.shuffle(face_colours);

    // 2. Faces along the top; objects below them.
    const double fr = face_radius(f);
    const double face_y = fr + 0.06 * f.height;
    std::vector<double> xs;
    if (n_faces == 1) xs = {rng.pick(std::vector<double>{0.3, 0.5, 0.7})};
    if (n_faces == 2) xs = {0.27, 0.73};
    for (std::size_t i = 0; i < n_faces; ++i) {
        FaceSpec face;
        face.colour = face_colours[i];
        face.radius_px = fr;
        face.x = (xs[i] + rng.uniform(-0.03, 0.03)) * f.width;
        face.y = face_y + rng.uniform(-0.02, 0.02) * f.height;
        face.speaks = true;
        r.faces.push_back(face);
    }
    if (n_faces == 2 && rng.chance(0.15))
        r.faces[static_cast<std::size_t>(rng.below(2))].speaks = false;
    r.play_area = play_area_for(f, r.faces);
    for (std::size_t i = 0; i < n_objects; ++i)
        r.objects.push_back(draw_object(f, r.play_area, object_colours[i], rng));

    // 3. Speakers in speaking order, each in a voice of its own.
    std::vector<std::size_t> speakers;
    for (std::size_t i = 0; i < r.faces.size(); ++i)
        if (r.faces[i].speaks) speakers.push_back(i);
    rng.shuffle(speakers);
    const std::vector<VoiceSpec> voices = draw_voices(speakers.size(), rng);

    // 4. Phrases that fit: shorter ones when two lines share the clip or a try failed; a
    //    speaker whose line never fits becomes a silent face.
    while (!speakers.empty()) {
        bool placed = false;
        for (int attempt = 0; attempt < 8 && !placed; ++attempt) {
            const std::size_t max_words = attempt >= 5                            ? 2
                                          : (speakers.size() > 1 || attempt >= 2) ? 3
                                                                                  : 5;
            std::vector<std::string> pool = phrases_up_to(max_words);
            rng.shuffle(pool);
            std::vector<SpeechLine> lines;
            std::vector<double> durations;
            for (std::size_t k = 0; k < speakers.size(); ++k) {
                SpeechLine line;
                line.speaker = r.faces[speakers[k]].colour.name;
                line.text = pool[k % pool.size()];
                line.voice = voices[k];
                durations.push_back(speech.duration_s(line.text, line.voice));
                lines.push_back(line);
            }
            if (place_speech(lines, durations, f.duration_s(), rng)) {
                r.speech = std::move(lines);
                placed = true;
            }
        }
        if (placed) break;
        r.faces[speakers.back()].speaks = false;
        speakers.pop_back();
    }

    // 5. Reference texts (other words, same voice), then the seeds of the details.
    std::vector<std::string> used_references;
    for (auto& line : r.speech) {
        for (int attempt = 0; attempt < 4; ++attempt) {
            line.reference_text = draw_reference_text(line.voice, rng, speech);
            if (std::find(used_references.begin(), used_references.end(), line.reference_text) ==
                used_references.end())
                break;
        }
        used_references.push_back(line.reference_text);
    }
    r.sound_seed = rng.next();
    r.caption_seed = rng.next();
    return r;
}

}  // namespace nava::synth
