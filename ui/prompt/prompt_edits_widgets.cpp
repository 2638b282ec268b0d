#include "ui/prompt/prompt_edits_widgets.h"

#include <QHelpEvent>
#include <QKeyEvent>

namespace nava::ui {

bool isUndoRedoShortcut(QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo);
}

MarkedTextEdit::MarkedTextEdit(QWidget* parent) : QTextEdit(parent) {
    setAcceptRichText(false);
    setUndoRedoEnabled(false);
    setTabChangesFocus(true);
}

bool MarkedTextEdit::event(QEvent* event) {
    if (isUndoRedoShortcut(event)) {
        event->ignore();  // let the window's Undo/Redo shortcut fire
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint inViewport = viewport()->mapFromGlobal(help->globalPos());
        Q_EMIT toolTipRequested(cursorForPosition(inViewport).position(), help->globalPos());
        return true;
    }
    return QTextEdit::event(event);
}

RawTextEdit::RawTextEdit(QWidget* parent) : QPlainTextEdit(parent) {
    setUndoRedoEnabled(false);
    setTabChangesFocus(true);
}

bool RawTextEdit::event(QEvent* event) {
    if (isUndoRedoShortcut(event)) {
        event->ignore();
        return true;
    }
    return QPlainTextEdit::event(event);
}

}  // namespace nava::ui
