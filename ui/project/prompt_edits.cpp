#include "ui/project/prompt_edits.h"

#include <algorithm>
#include <vector>

namespace nava::ui {
namespace {

constexpr qint64 kGapBetweenSpansMs = 300;

SpanData freshSpan(const QString& words, qint64 previousEndMs, bool first) {
    SpanData d;
    d.startMs = first ? 0 : previousEndMs + kGapBetweenSpansMs;
    d.endMs = d.startMs + estimateSpeechMs(words);
    return d;
}

QVector<PlainRange> rangesOf(const ParsedMarkup& parsed) {
    QVector<PlainRange> ranges;
    for (const MarkupSpan& s : parsed.spans)
        ranges.push_back({s.plainStart, s.plainLength});
    return ranges;
}

}  // namespace

qint64 estimateSpeechMs(const QString& words) {
    // ~2.8 words per second for spaced scripts, ~4.5 characters per second for CJK.
    int wordCount = 0, cjk = 0;
    bool inWord = false;
    for (const QChar c : words) {
        if (c.script() == QChar::Script_Han || c.script() == QChar::Script_Hiragana ||
            c.script() == QChar::Script_Katakana || c.script() == QChar::Script_Hangul) {
            ++cjk;
            inWord = false;
        } else if (c.isLetterOrNumber()) {
            if (!inWord) ++wordCount;
            inWord = true;
        } else {
            inWord = false;
        }
    }
    const qint64 ms = wordCount * 360 + cjk * 220;
    return std::max<qint64>(ms, 600);
}

PromptState normalizedPromptState(PromptState state) {
    const ParsedMarkup parsed = parseMarkup(state.raw);
    const int n = parsed.spans.size();
    if (state.spans.size() > n) state.spans.resize(n);
    while (state.spans.size() < n) {
        const int i = state.spans.size();
        const qint64 previousEnd = i > 0 ? state.spans[i - 1].endMs : 0;
        state.spans.push_back(freshSpan(parsed.spans[i].text, previousEnd, i == 0));
    }
    return state;
}

PromptState carrySpanData(const PromptState& old, const QString& newRaw) {
    const ParsedMarkup before = parseMarkup(old.raw);
    const ParsedMarkup after = parseMarkup(newRaw);
    const int n = before.spans.size();
    const int m = after.spans.size();
    auto oldData = [&](int i) { return i < old.spans.size() ? old.spans[i] : SpanData(); };

    // 1. Longest common subsequence of span words: those spans are the same ones.
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](int i, int j) -> int& { return lcs[size_t(i * (m + 1) + j)]; };
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j)
            at(i, j) = before.spans[i].text == after.spans[j].text
                           ? at(i + 1, j + 1) + 1
                           : std::max(at(i + 1, j), at(i, j + 1));
    QVector<int> source(m, -1);  // new span -> old span whose data it takes
    QVector<int> gapOld, gapNew;
    auto closeGap = [&] {
        // 2. Between two kept spans, edited spans take the data of the old ones in order.
        for (int k = 0; k < std::min(gapOld.size(), gapNew.size()); ++k)
            source[gapNew[k]] = gapOld[k];
        gapOld.clear();
        gapNew.clear();
    };
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before.spans[i].text == after.spans[j].text) {
            closeGap();
            source[j] = i;
            ++i;
            ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            gapNew.push_back(j++);
        } else {
            gapOld.push_back(i++);
        }
    }
    closeGap();

    // 3. Spans without a counterpart are new: no speaker, placed after their predecessor.
    PromptState out;
    out.raw = newRaw;
    for (int k = 0; k < m; ++k) {
        if (source[k] >= 0) {
            out.spans.push_back(oldData(source[k]));
        } else {
            const qint64 previousEnd = k > 0 ? out.spans[k - 1].endMs : 0;
            out.spans.push_back(freshSpan(after.spans[k].text, previousEnd, k == 0));
        }
    }
    return out;
}

std::optional<PromptState> markSpeech(const PromptState& stateIn, PlainRange selection,
                                      const QString& speakerId) {
    const PromptState state = normalizedPromptState(stateIn);
    const ParsedMarkup parsed = parseMarkup(state.raw);
    const PlainRange sel = snapToWords(parsed.plainText, selection);
    if (sel.length <= 0) return std::nullopt;

    // 1. Inside one span: only its speaker changes.
    for (int i = 0; i < parsed.spans.size(); ++i) {
        const MarkupSpan& s = parsed.spans[i];
        if (s.plainStart <= sel.start && sel.end() <= s.plainEnd()) {
            PromptState out = state;
            out.spans[i].speakerId = speakerId;
            return out;
        }
    }
    // 2. Otherwise the new span swallows every span it touches.
    QVector<PlainRange> ranges = rangesOf(parsed);
    QVector<SpanData> data = state.spans;
    int start = sel.start, end = sel.end();
    int insertAt = 0;
    std::optional<SpanData> inherited;
    for (int i = ranges.size() - 1; i >= 0; --i) {
        const PlainRange r = ranges[i];
        if (r.start < end && start < r.end()) {
            start = std::min(start, r.start);
            end = std::max(end, r.end());
            inherited = data[i];  // ends as the first touched span's data
            ranges.removeAt(i);
            data.removeAt(i);
        }
    }
    while (insertAt < ranges.size() && ranges[insertAt].start < start)
        ++insertAt;
    SpanData fresh;
    if (inherited) {
        fresh = *inherited;
    } else {
        const qint64 previousEnd = insertAt > 0 ? data[insertAt - 1].endMs : 0;
        fresh = freshSpan(parsed.plainText.mid(start, end - start), previousEnd, insertAt == 0);
    }
    fresh.speakerId = speakerId;
    ranges.insert(insertAt, {start, end - start});
    data.insert(insertAt, fresh);
    PromptState out;
    out.raw = buildMarkup(parsed.plainText, ranges);
    out.spans = data;
    return normalizedPromptState(out);
}

std::optional<PromptState> unmarkSpeech(const PromptState& stateIn, PlainRange selection) {
    const PromptState state = normalizedPromptState(stateIn);
    const ParsedMarkup parsed = parseMarkup(state.raw);
    QVector<PlainRange> ranges = rangesOf(parsed);
    QVector<SpanData> data = state.spans;
    bool removed = false;
    for (int i = ranges.size() - 1; i >= 0; --i) {
        const PlainRange r = ranges[i];
        const bool touches = selection.length == 0
                                 ? (r.start <= selection.start && selection.start <= r.end())
                                 : (r.start < selection.end() && selection.start < r.end());
        if (touches) {
            ranges.removeAt(i);
            data.removeAt(i);
            removed = true;
        }
    }
    if (!removed) return std::nullopt;
    PromptState out;
    out.raw = buildMarkup(parsed.plainText, ranges);
    out.spans = data;
    return normalizedPromptState(out);
}

QVector<SpanRow> spanRows(const PromptState& stateIn) {
    const PromptState state = normalizedPromptState(stateIn);
    const ParsedMarkup parsed = parseMarkup(state.raw);
    QVector<SpanRow> rows;
    for (int i = 0; i < parsed.spans.size(); ++i) {
        const MarkupSpan& s = parsed.spans[i];
        rows.push_back({s.text, s.plainStart, s.plainLength, state.spans[i]});
    }
    return rows;
}

}  // namespace nava::ui
