#include "ui/rewrite/text_diff.h"

#include <vector>

namespace nava::ui {
namespace {

constexpr qsizetype kMaxUnits = 3000;

bool isWordChar(QChar c) {
    if (!c.isLetterOrNumber()) return false;
    return c.script() != QChar::Script_Han && c.script() != QChar::Script_Hiragana &&
           c.script() != QChar::Script_Katakana && c.script() != QChar::Script_Hangul;
}

QVector<QString> units(const QString& text) {
    QVector<QString> out;
    int i = 0;
    while (i < text.size()) {
        int j = i + 1;
        if (isWordChar(text.at(i))) {
            while (j < text.size() && isWordChar(text.at(j)))
                ++j;
        } else if (text.at(i).isSpace()) {
            while (j < text.size() && text.at(j).isSpace())
                ++j;
        } else if (text.at(i).isHighSurrogate() && j < text.size()) {
            ++j;
        }
        out.push_back(text.mid(i, j - i));
        i = j;
    }
    return out;
}

void append(QVector<DiffChunk>* chunks, DiffChunk::Op op, const QString& text) {
    if (!chunks->isEmpty() && chunks->last().op == op)
        chunks->last().text += text;
    else
        chunks->push_back({op, text});
}

}  // namespace

QVector<DiffChunk> wordDiff(const QString& before, const QString& after) {
    const QVector<QString> a = units(before);
    const QVector<QString> b = units(after);
    QVector<DiffChunk> chunks;
    if (a.size() > kMaxUnits || b.size() > kMaxUnits) {
        if (before == after) return {{DiffChunk::Op::same, before}};
        if (!before.isEmpty()) chunks.push_back({DiffChunk::Op::removed, before});
        if (!after.isEmpty()) chunks.push_back({DiffChunk::Op::added, after});
        return chunks;
    }
    // Longest common subsequence table, filled from the end so the walk goes forwards.
    const qsizetype n = a.size(), m = b.size();
    std::vector<int> lcs(static_cast<size_t>((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int& { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            append(&chunks, DiffChunk::Op::same, a[i]);
            ++i;
            ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            append(&chunks, DiffChunk::Op::added, b[j++]);
        } else {
            append(&chunks, DiffChunk::Op::removed, a[i++]);
        }
    }
    return chunks;
}

QString diffToHtml(const QVector<DiffChunk>& chunks) {
    QString html = QStringLiteral("<div style=\"white-space: pre-wrap;\">");
    for (const DiffChunk& chunk : chunks) {
        const QString text = chunk.text.toHtmlEscaped();
        switch (chunk.op) {
            case DiffChunk::Op::same:
                html += text;
                break;
            case DiffChunk::Op::removed:
                html += QStringLiteral(
                            "<span style=\"background-color:#f8d0d0; color:#7a1010; "
                            "text-decoration: line-through;\">") +
                        text + QStringLiteral("</span>");
                break;
            case DiffChunk::Op::added:
                html +=
                    QStringLiteral("<span style=\"background-color:#cdeccd; color:#0d5a0d;\">") +
                    text + QStringLiteral("</span>");
                break;
        }
    }
    return html + QStringLiteral("</div>");
}

}  // namespace nava::ui
