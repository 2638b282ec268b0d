#include "ui/settings/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/project/generation_settings.h"
#include "ui/settings/app_settings.h"

namespace nava::ui {

QString languageDisplayName(const QString& code) {
    if (code.isEmpty()) return SettingsDialog::tr("System");
    if (code == u"en") return QStringLiteral("English");
    if (code == u"de") return QStringLiteral("Deutsch");
    if (code == u"zh_CN") return QStringLiteral("简体中文");
    return QLocale(code).nativeLanguageName();
}

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings) {
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);

    // 1. Models and output.
    auto* models = new QGroupBox(tr("Models and output"), this);
    auto* modelsForm = new QFormLayout(models);
    auto* foldersRow = new QHBoxLayout;
    m_modelFolders = new QListWidget(models);
    m_modelFolders->addItems(settings->modelFolders());
    m_modelFolders->setMaximumHeight(90);
    m_modelFolders->setToolTip(tr("Folders holding model packages (searched one level deep)"));
    auto* folderButtons = new QVBoxLayout;
    auto* addFolder = new QToolButton(models);
    addFolder->setText(tr("Add…"));
    auto* removeFolder = new QToolButton(models);
    removeFolder->setText(tr("Remove"));
    folderButtons->addWidget(addFolder);
    folderButtons->addWidget(removeFolder);
    folderButtons->addStretch(1);
    foldersRow->addWidget(m_modelFolders, 1);
    foldersRow->addLayout(folderButtons);
    modelsForm->addRow(tr("Model folders:"), foldersRow);
    connect(addFolder, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"));
        if (!dir.isEmpty()) m_modelFolders->addItem(dir);
    });
    connect(removeFolder, &QToolButton::clicked, this,
            [this] { delete m_modelFolders->currentItem(); });

    m_memory = new QComboBox(models);
    for (const QString& name : memoryProfileNames())
        m_memory->addItem(name, name);
    m_memory->setCurrentIndex(std::max(0, m_memory->findData(settings->defaultMemoryProfile())));
    m_memory->setToolTip(tr("Used by new projects"));
    modelsForm->addRow(tr("Default memory profile:"), m_memory);

    auto* outputRow = new QHBoxLayout;
    m_output = new QLineEdit(settings->outputFolder(), models);
    auto* browseOutput = new QToolButton(models);
    browseOutput->setText(tr("Choose…"));
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseOutput);
    modelsForm->addRow(tr("Output folder:"), outputRow);
    connect(browseOutput, &QToolButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Output folder"), m_output->text());
        if (!dir.isEmpty()) m_output->setText(dir);
    });
    layout->addWidget(models);

    // 2. Look.
    auto* look = new QGroupBox(tr("Appearance"), this);
    auto* lookForm = new QFormLayout(look);
    m_language = new QComboBox(look);
    for (const QString& code : AppSettings::languages())
        m_language->addItem(languageDisplayName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    lookForm->addRow(tr("Language:"), m_language);
    m_theme = new QComboBox(look);
    m_theme->addItem(tr("System"), themeName(Theme::system));
    m_theme->addItem(tr("Light"), themeName(Theme::light));
    m_theme->addItem(tr("Dark"), themeName(Theme::dark));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeName(settings->theme()))));
    lookForm->addRow(tr("Theme:"), m_theme);
    layout->addWidget(look);

    // 3. Prompt rewriting.
    auto* rewrite = new QGroupBox(tr("Prompt rewriting (OpenAI-compatible chat endpoint)"), this);
    auto* rewriteForm = new QFormLayout(rewrite);
    const RewriteEndpoint endpoint = settings->rewriteEndpoint();
    m_rewriteUrl = new QLineEdit(endpoint.url.toString(), rewrite);
    m_rewriteUrl->setPlaceholderText(QStringLiteral("http://localhost:8000/v1"));
    m_rewriteModel = new QLineEdit(endpoint.model, rewrite);
    m_rewriteModel->setPlaceholderText(QStringLiteral("Qwen/Qwen3-4B"));
    m_rewriteKey = new QLineEdit(endpoint.apiKey, rewrite);
    m_rewriteKey->setEchoMode(QLineEdit::Password);
    m_rewriteKey->setToolTip(tr("Sent only to this endpoint; never stored in projects or clips"));
    rewriteForm->addRow(tr("URL:"), m_rewriteUrl);
    rewriteForm->addRow(tr("Model:"), m_rewriteModel);
    rewriteForm->addRow(tr("API key:"), m_rewriteKey);
    layout->addWidget(rewrite);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    QStringList folders;
    for (int i = 0; i < m_modelFolders->count(); ++i)
        folders << m_modelFolders->item(i)->text();
    m_settings->setModelFolders(folders);
    m_settings->setDefaultMemoryProfile(m_memory->currentData().toString());
    m_settings->setOutputFolder(m_output->text().trimmed());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setTheme(themeFromName(m_theme->currentData().toString()));
    m_settings->setRewriteEndpoint({QUrl::fromUserInput(m_rewriteUrl->text().trimmed()),
                                    m_rewriteModel->text().trimmed(), m_rewriteKey->text()});
    m_settings->sync();
    QDialog::accept();
}

}  // namespace nava::ui
