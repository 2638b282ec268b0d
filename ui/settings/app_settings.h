// The studio's preferences as one typed class around QSettings. Nothing else reads or writes
// QSettings keys, so names, defaults and types live here only.
#pragma once

#include <memory>

#include <QByteArray>
#include <QStringList>

#include "ui/rewrite/prompt_rewriter.h"

class QSettings;

namespace nava::ui {

enum class Theme { system, light, dark };

class AppSettings {
public:
    AppSettings();                                 // the user's settings
    explicit AppSettings(const QString& iniPath);  // a given file (tests, portable installs)
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QStringList modelFolders() const;  // folders searched for model packages
    void setModelFolders(const QStringList& folders);
    // The model package opened at start-up; "" = the default ($NAVA_PACKAGE or NAVA-tiny).
    QString modelPackage() const;
    void setModelPackage(const QString& path);

    QString defaultMemoryProfile() const;  // "auto" unless set
    void setDefaultMemoryProfile(const QString& profile);

    QString outputFolder() const;  // where clips go; defaults to ~/Videos/NAVA (or ~/NAVA)
    void setOutputFolder(const QString& folder);

    QString language() const;  // "" = follow the system, "en", "de", "zh_CN"
    void setLanguage(const QString& language);

    Theme theme() const;
    void setTheme(Theme theme);

    RewriteEndpoint rewriteEndpoint() const;
    void setRewriteEndpoint(const RewriteEndpoint& endpoint);

    QStringList recentFiles() const;  // newest first, existing files only
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    static constexpr int kMaxRecentFiles = 10;

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

    void sync();

    static QStringList languages();  // codes offered in the UI, "" first

private:
    std::unique_ptr<QSettings> m_settings;
};

QString themeName(Theme theme);
Theme themeFromName(const QString& name);

}  // namespace nava::ui
