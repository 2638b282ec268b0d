// Text fields of the prompt editor that leave undo/redo to the project's undo stack: their own
// undo is off, and Ctrl+Z / Ctrl+Shift+Z reach the window's Undo/Redo actions.
#pragma once

#include <QPlainTextEdit>
#include <QTextEdit>

namespace nava::ui {

class MarkedTextEdit : public QTextEdit {
    Q_OBJECT

public:
    explicit MarkedTextEdit(QWidget* parent = nullptr);

Q_SIGNALS:
    // A tooltip is wanted for the character at `position`.
    void toolTipRequested(int position, const QPoint& globalPos);

protected:
    bool event(QEvent* event) override;
};

class RawTextEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit RawTextEdit(QWidget* parent = nullptr);

protected:
    bool event(QEvent* event) override;
};

// True for the key sequences the project's undo stack handles.
bool isUndoRedoShortcut(QEvent* event);

}  // namespace nava::ui
