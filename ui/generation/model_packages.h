// Model packages on disk: folders with NAVA weights (a package manifest.json, a config.json or
// .safetensors files),
// found directly in or one level below the folders listed in the settings.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace nava::ui {

struct ModelPackage {
    QString path;
    QString name;  // folder name
};

QVector<ModelPackage> findModelPackages(const QStringList& folders);
bool looksLikeModelPackage(const QString& folder);

}  // namespace nava::ui
