#include "ui/rewrite/rewrite_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "ui/rewrite/text_diff.h"

namespace nava::ui {

RewriteDialog::RewriteDialog(const RewriteOutcome& outcome, QWidget* parent)
    : QDialog(parent), m_outcome(outcome) {
    setWindowTitle(tr("Rewritten prompt"));
    resize(720, 460);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    if (outcome.status == RewriteStatus::ok) {
        intro->setText(
            tr("Removed words are struck through in red, new words are green. Every "
               "spoken part is unchanged."));
    } else {
        intro->setText(
            QStringLiteral("<span style=\"color:#c62828;\"><b>%1</b> %2</span>")
                .arg(tr("Rewrite refused.").toHtmlEscaped(), outcome.message.toHtmlEscaped()));
    }
    layout->addWidget(intro);
    m_diff = new QTextBrowser(this);
    m_diff->setObjectName(QStringLiteral("rewriteDiff"));
    m_diff->setHtml(diffToHtml(wordDiff(outcome.original, outcome.rewritten)));
    layout->addWidget(m_diff, 1);
    auto* buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("Use rewrite"), QDialogButtonBox::AcceptRole);
    m_accept->setEnabled(outcome.status == RewriteStatus::ok);
    buttons->addButton(tr("Keep my prompt"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

}  // namespace nava::ui
