// A word-level diff of two texts, for showing what a prompt rewrite changed.
#pragma once

#include <QString>
#include <QVector>

namespace nava::ui {

struct DiffChunk {
    enum class Op { same, removed, added };
    Op op = Op::same;
    QString text;
};

// Splits both texts into words, spaces and punctuation (each CJK character is its own unit)
// and returns the shortest edit as chunks in reading order; adjacent chunks of one kind merged.
// Very long texts fall back to "all removed, all added" rather than a quadratic table.
QVector<DiffChunk> wordDiff(const QString& before, const QString& after);

// The diff as HTML: removed text struck through on red, added text on green.
QString diffToHtml(const QVector<DiffChunk>& chunks);

}  // namespace nava::ui
