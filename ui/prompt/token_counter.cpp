#include "ui/prompt/token_counter.h"

namespace nava::ui {
namespace {

bool isUnspacedScript(QChar c) {
    switch (c.script()) {
        case QChar::Script_Han:
        case QChar::Script_Hiragana:
        case QChar::Script_Katakana:
        case QChar::Script_Hangul:
        case QChar::Script_Thai:
            return true;
        default:
            return false;
    }
}

int piecesForWord(int length) {
    return length <= 6 ? 1 : 1 + (length - 2) / 5;
}

}  // namespace

int EstimatingTokenCounter::countTokens(const QString& rawPrompt) const {
    int tokens = 1;  // "</s>"
    int wordLength = 0;
    auto flushWord = [&] {
        if (wordLength > 0) tokens += piecesForWord(wordLength);
        wordLength = 0;
    };
    const int n = rawPrompt.size();
    for (int i = 0; i < n; ++i) {
        const QStringView rest = QStringView(rawPrompt).mid(i);
        if (rest.startsWith(u"<S>")) {
            flushWord();
            tokens += 3 + 1;  // "<", "S", ">" and the speaker placeholder
            i += 2;
            continue;
        }
        if (rest.startsWith(u"<E>")) {
            flushWord();
            tokens += 3;
            i += 2;
            continue;
        }
        const QChar c = rawPrompt.at(i);
        if (c.isSpace()) {
            flushWord();
        } else if (isUnspacedScript(c)) {
            flushWord();
            tokens += 1;
        } else if (c.isLetterOrNumber() || c.isMark() || c == u'\'') {
            ++wordLength;
        } else if (!c.isLowSurrogate()) {
            flushWord();
            tokens += 1;
        }
    }
    flushWord();
    return tokens;
}

}  // namespace nava::ui
