// The preferences dialog: model folders, default memory profile, output folder, language,
// theme and the prompt-rewrite endpoint. Writes through AppSettings on OK.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace nava::ui {

class AppSettings;

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppSettings* settings, QWidget* parent = nullptr);

    void accept() override;

    QLineEdit* rewriteUrlEdit() const { return m_rewriteUrl; }
    QLineEdit* rewriteKeyEdit() const { return m_rewriteKey; }
    QComboBox* languageBox() const { return m_language; }
    QComboBox* themeBox() const { return m_theme; }

private:
    AppSettings* m_settings;
    QListWidget* m_modelFolders = nullptr;
    QComboBox* m_memory = nullptr;
    QLineEdit* m_output = nullptr;
    QComboBox* m_language = nullptr;
    QComboBox* m_theme = nullptr;
    QLineEdit* m_rewriteUrl = nullptr;
    QLineEdit* m_rewriteModel = nullptr;
    QLineEdit* m_rewriteKey = nullptr;
};

// The language's own name ("Deutsch"), or "System" for "".
QString languageDisplayName(const QString& code);

}  // namespace nava::ui
