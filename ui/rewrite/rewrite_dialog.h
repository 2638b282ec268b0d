// Shows what a prompt rewrite changed, word by word, to accept or reject. A refused rewrite
// (a spoken part changed) is shown with the reason and cannot be accepted.
#pragma once

#include <QDialog>

#include "ui/rewrite/prompt_rewriter.h"

class QPushButton;
class QTextBrowser;

namespace nava::ui {

class RewriteDialog : public QDialog {
    Q_OBJECT

public:
    RewriteDialog(const RewriteOutcome& outcome, QWidget* parent = nullptr);

    QString rewrittenPrompt() const { return m_outcome.rewritten; }
    QPushButton* acceptButton() const { return m_accept; }
    QTextBrowser* diffView() const { return m_diff; }

private:
    RewriteOutcome m_outcome;
    QTextBrowser* m_diff = nullptr;
    QPushButton* m_accept = nullptr;
};

}  // namespace nava::ui
