// The prompt editor's token count from the loaded package's own tokenizer and prompt rules
// (pipeline::PromptTokenCounter), with that package's text context as the limit.
#pragma once

#include <memory>

#include <QString>

#include "ui/prompt/token_counter.h"

namespace nava::pipeline {
class PromptTokenCounter;
}

namespace nava::ui {

class EngineTokenCounter final : public TokenCounter {
public:
    // Throws (with the reason) when the package's tokenizer cannot be opened.
    explicit EngineTokenCounter(const QString& packagePath);
    ~EngineTokenCounter() override;
    int countTokens(const QString& rawPrompt) const override;
    bool isEstimate() const override { return false; }
    int contextTokens() const override;

private:
    std::shared_ptr<const pipeline::PromptTokenCounter> m_counter;
};

}  // namespace nava::ui
