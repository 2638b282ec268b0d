#include "ui/engine/engine_token_counter.h"

#include "inference/pipeline/engine.h"

namespace nava::ui {

EngineTokenCounter::EngineTokenCounter(const QString& packagePath)
    : m_counter(pipeline::PromptTokenCounter::open(packagePath.toStdString())) {}

EngineTokenCounter::~EngineTokenCounter() = default;

int EngineTokenCounter::countTokens(const QString& rawPrompt) const {
    return static_cast<int>(m_counter->count(rawPrompt.toStdString()));
}

int EngineTokenCounter::contextTokens() const {
    return static_cast<int>(m_counter->context_tokens());
}

}  // namespace nava::ui
