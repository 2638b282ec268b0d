#include "ui/settings/app_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace nava::ui {
namespace {

const QString kModelFolders = QStringLiteral("models/folders");
const QString kModelPackage = QStringLiteral("models/package");
const QString kMemoryProfile = QStringLiteral("generation/memoryProfile");
const QString kOutputFolder = QStringLiteral("generation/outputFolder");
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
const QString kRewriteUrl = QStringLiteral("rewrite/url");
const QString kRewriteModel = QStringLiteral("rewrite/model");
const QString kRewriteKey = QStringLiteral("rewrite/apiKey");
const QString kRecentFiles = QStringLiteral("files/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");

}  // namespace

AppSettings::AppSettings() : m_settings(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

QStringList AppSettings::modelFolders() const {
    return m_settings->value(kModelFolders).toStringList();
}

void AppSettings::setModelFolders(const QStringList& folders) {
    m_settings->setValue(kModelFolders, folders);
}

QString AppSettings::modelPackage() const {
    return m_settings->value(kModelPackage).toString();
}

void AppSettings::setModelPackage(const QString& path) {
    m_settings->setValue(kModelPackage, path);
}

QString AppSettings::defaultMemoryProfile() const {
    return m_settings->value(kMemoryProfile, QStringLiteral("auto")).toString();
}

void AppSettings::setDefaultMemoryProfile(const QString& profile) {
    m_settings->setValue(kMemoryProfile, profile);
}

QString AppSettings::outputFolder() const {
    QString fallback = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (fallback.isEmpty()) fallback = QDir::homePath();
    return m_settings->value(kOutputFolder, QDir(fallback).filePath(QStringLiteral("NAVA")))
        .toString();
}

void AppSettings::setOutputFolder(const QString& folder) {
    m_settings->setValue(kOutputFolder, folder);
}

QString AppSettings::language() const {
    return m_settings->value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString& language) {
    m_settings->setValue(kLanguage, language);
}

Theme AppSettings::theme() const {
    return themeFromName(m_settings->value(kTheme).toString());
}

void AppSettings::setTheme(Theme theme) {
    m_settings->setValue(kTheme, themeName(theme));
}

RewriteEndpoint AppSettings::rewriteEndpoint() const {
    RewriteEndpoint e;
    e.url = QUrl(m_settings->value(kRewriteUrl).toString());
    e.model = m_settings->value(kRewriteModel).toString();
    e.apiKey = m_settings->value(kRewriteKey).toString();
    return e;
}

void AppSettings::setRewriteEndpoint(const RewriteEndpoint& endpoint) {
    m_settings->setValue(kRewriteUrl, endpoint.url.toString());
    m_settings->setValue(kRewriteModel, endpoint.model);
    m_settings->setValue(kRewriteKey, endpoint.apiKey);
}

QStringList AppSettings::recentFiles() const {
    QStringList out;
    for (const QString& f : m_settings->value(kRecentFiles).toStringList())
        if (QFileInfo::exists(f)) out << f;
    return out;
}

void AppSettings::addRecentFile(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = m_settings->value(kRecentFiles).toStringList();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    m_settings->setValue(kRecentFiles, files);
}

void AppSettings::removeRecentFile(const QString& path) {
    QStringList files = m_settings->value(kRecentFiles).toStringList();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings->setValue(kRecentFiles, files);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    m_settings->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    m_settings->setValue(kState, state);
}

void AppSettings::sync() {
    m_settings->sync();
}

QStringList AppSettings::languages() {
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString themeName(Theme theme) {
    switch (theme) {
        case Theme::light:
            return QStringLiteral("light");
        case Theme::dark:
            return QStringLiteral("dark");
        case Theme::system:
            break;
    }
    return QStringLiteral("system");
}

Theme themeFromName(const QString& name) {
    if (name == u"light") return Theme::light;
    if (name == u"dark") return Theme::dark;
    return Theme::system;
}

}  // namespace nava::ui
