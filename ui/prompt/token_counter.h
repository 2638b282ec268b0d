// Counting the prompt's tokens against the text encoder's 512-token context.
//
// The loaded package's tokenizer plugs in through this interface (EngineTokenCounter); without
// a package an estimate is shown. Counters get the raw prompt (with `<S>…<E>`) and count what the
// model will see: every "<S>" is followed by a speaker placeholder token, and "</s>" is appended.
#pragma once

#include <QString>

namespace nava::ui {

inline constexpr int kTextContextTokens = 512;

class TokenCounter {
public:
    virtual ~TokenCounter() = default;
    virtual int countTokens(const QString& rawPrompt) const = 0;
    virtual bool isEstimate() const = 0;
    // The text context: tokens past it are cut off (NAVA: 512; small packages have less).
    virtual int contextTokens() const { return kTextContextTokens; }
};

// A tokenizer-free estimate calibrated on sentencepiece behaviour: a short Latin word is one
// piece, longer words split every ~5 characters, each CJK character is about one piece, each
// punctuation mark one piece, each speech marker three pieces plus the speaker placeholder.
class EstimatingTokenCounter final : public TokenCounter {
public:
    int countTokens(const QString& rawPrompt) const override;
    bool isEstimate() const override { return true; }
};

}  // namespace nava::ui
