#include "ui/generation/model_packages.h"

#include <QDir>
#include <QFileInfo>

namespace nava::ui {

bool looksLikeModelPackage(const QString& folder) {
    const QDir dir(folder);
    if (!dir.exists()) return false;
    return dir.exists(QStringLiteral("manifest.json")) ||
           dir.exists(QStringLiteral("config.json")) ||
           !dir.entryList({QStringLiteral("*.safetensors")}, QDir::Files).isEmpty();
}

QVector<ModelPackage> findModelPackages(const QStringList& folders) {
    QVector<ModelPackage> out;
    QStringList seen;
    auto add = [&](const QString& path) {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (canonical.isEmpty() || seen.contains(canonical)) return;
        seen << canonical;
        out.push_back({canonical, QDir(canonical).dirName()});
    };
    for (const QString& folder : folders) {
        if (looksLikeModelPackage(folder)) add(folder);
        for (const QFileInfo& sub :
             QDir(folder).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (looksLikeModelPackage(sub.absoluteFilePath())) add(sub.absoluteFilePath());
    }
    return out;
}

}  // namespace nava::ui
