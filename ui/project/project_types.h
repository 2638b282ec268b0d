// Plain values a project is made of: speakers, speech spans, the prompt with its spans.
#pragma once

#include <QColor>
#include <QString>
#include <QVector>

namespace nava::ui {

struct SpeakerData {
    QString id;           // stable, referenced by spans; never shown
    QString name;         // shown to the user and written as "Name:" in subtitles
    QColor color;         // highlight of this speaker's spans
    QString voiceFile;    // reference voice relative to the project folder ("" = none)
    QString voiceSha256;  // hex digest of the voice file's bytes

    bool operator==(const SpeakerData& o) const {
        return id == o.id && name == o.name && color == o.color && voiceFile == o.voiceFile &&
               voiceSha256 == o.voiceSha256;
    }
    bool operator!=(const SpeakerData& o) const { return !(*this == o); }
};

// What a project knows about one `<S>…<E>` span beyond its words (those live in the prompt).
struct SpanData {
    QString speakerId;  // "" = no speaker: the model's neutral voice
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool operator==(const SpanData& o) const {
        return speakerId == o.speakerId && startMs == o.startMs && endMs == o.endMs;
    }
    bool operator!=(const SpanData& o) const { return !(*this == o); }
};

// The raw prompt and one SpanData per paired `<S>…<E>` in it, in prompt order.
struct PromptState {
    QString raw;
    QVector<SpanData> spans;

    bool operator==(const PromptState& o) const { return raw == o.raw && spans == o.spans; }
    bool operator!=(const PromptState& o) const { return !(*this == o); }
};

// One span as views show it: its words, where they are in the plain text, and its data.
struct SpanRow {
    QString text;
    int plainStart = 0;
    int plainLength = 0;
    SpanData data;
};

}  // namespace nava::ui
