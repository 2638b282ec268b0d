#include "training/synth/clip.h"

#include <algorithm>
#include <cmath>

#include "training/synth/caption.h"
#include "training/synth/render.h"
#include "training/synth/scene.h"

namespace nava::synth {

media::AudioBuffer reference_voice(const std::string& text, const VoiceSpec& voice,
                                   SpeechSynth& speech) {
    const int rate = speech.sample_rate_hz();
    std::vector<float> said = speech.speak(text, voice);
    const auto pad = static_cast<std::size_t>(kReferencePadS * rate);
    const auto max_speech = static_cast<std::size_t>((kReferenceMaxS - 2 * kReferencePadS) * rate);
    if (said.size() > max_speech) {
        // Too long for a reference clip: keep the start and fade out over 50 ms.
        said.resize(max_speech);
        const auto fade = std::min<std::size_t>(said.size(), static_cast<std::size_t>(0.05 * rate));
        for (std::size_t i = 0; i < fade; ++i)
            said[said.size() - 1 - i] *= static_cast<float>(i) / static_cast<float>(fade);
    }
    media::AudioBuffer out;
    out.sample_rate_hz = rate;
    out.channels = 1;
    out.samples.assign(pad, 0.0f);
    out.samples.insert(out.samples.end(), said.begin(), said.end());
    out.samples.resize(out.samples.size() + pad, 0.0f);
    const auto min_total = static_cast<std::size_t>(std::ceil(kReferenceMinS * rate));
    if (out.samples.size() < min_total) out.samples.resize(min_total, 0.0f);
    return out;
}

Clip build_clip(const ClipRecipe& recipe, SpeechSynth& speech) {
    if (speech.sample_rate_hz() != recipe.format.sample_rate_hz)
        throw SynthError("speech synthesiser rate differs from the clip format's");
    Clip clip;
    clip.recipe = recipe;
    const ClipFormat& f = recipe.format;

    // 1. Motion and impacts.
    clip.motion = simulate_motion(recipe);

    // 2. Soundtrack: impacts plus each line at its start.
    std::vector<std::vector<float>> speech_audio;
    for (const auto& line : recipe.speech)
        speech_audio.push_back(speech.speak(line.text, line.voice));
    const Soundtrack sound = mix_soundtrack(recipe, clip.motion, speech_audio);
    clip.audio.sample_rate_hz = f.sample_rate_hz;
    clip.audio.channels = 1;
    clip.audio.samples = sound.mix;
    clip.mix_gain = sound.gain;
    clip.mix_peak = sound.peak;

    // 3. Mouths follow the loudness of their own speaker's line only; 80% of the line's loudest
    //    frame opens the mouth fully.
    for (const auto& face : recipe.faces) {
        std::vector<double> open(static_cast<std::size_t>(f.frames), 0.0);
        for (std::size_t i = 0; i < recipe.speech.size(); ++i) {
            if (recipe.speech[i].speaker != face.colour.name) continue;
            const auto rms = frame_rms(sound.speech_tracks[i], f);
            const double loud = *std::max_element(rms.begin(), rms.end());
            const auto line_open = mouth_opening(sound.speech_tracks[i], f, 0.8 * loud);
            for (std::size_t k = 0; k < open.size(); ++k)
                open[k] = std::max(open[k], line_open[k]);
        }
        clip.mouth.push_back(std::move(open));
    }

    // 4. Picture, caption, reference voices.
    clip.video = render_video(recipe, clip.motion, clip.mouth);
    clip.caption = make_caption(recipe);
    for (const auto& line : recipe.speech)
        clip.references.push_back({line.speaker, line.reference_text,
                                   reference_voice(line.reference_text, line.voice, speech)});
    return clip;
}

ClipFiles clip_files(const ClipRecipe& recipe) {
    ClipFiles files;
    files.video = "clips/" + recipe.id + ".mp4";
    files.audio = "clips/" + recipe.id + ".wav";
    files.truth = "clips/" + recipe.id + ".json";
    for (const auto& line : recipe.speech)
        files.voices.push_back("voices/" + line.speaker + "-" + recipe.id + ".wav");
    return files;
}

}  // namespace nava::synth
