// The `.nava` project file: JSON holding the prompt, spans, speakers (voice clips by path
// relative to the project folder, with SHA-256), generation settings and the project's jobs.
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QString>

#include "ui/project/generation_settings.h"
#include "ui/project/project_types.h"

namespace nava::ui {

inline constexpr int kProjectFileVersion = 1;
inline constexpr char kProjectSuffix[] = "nava";
inline constexpr char kVoicesFolder[] = "voices";

struct ProjectSnapshot {
    QString id;
    PromptState prompt;
    QString negativePrompt;
    QVector<SpeakerData> speakers;
    GenerationSettings settings;
    QJsonArray queue;  // job records of this project (see JobQueue::recordsForProject)
};

QByteArray projectToJson(const ProjectSnapshot& snapshot);
// False with a message for anything that is not a project file of a version we read.
bool projectFromJson(const QByteArray& bytes, ProjectSnapshot* snapshot, QString* error);

// Hex SHA-256 of a file's bytes; "" (and a message) when it cannot be read.
QString sha256OfFile(const QString& path, QString* error = nullptr);

// Writes through a temporary file so readers never see half a file.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);

// Copies `source` into `<projectDir>/voices/` under a name that carries its hash (so the same
// clip is stored once and different clips never collide). Returns the path relative to
// `projectDir`, or "" with a message.
QString importVoiceFile(const QString& source, const QString& projectDir, QString* sha256,
                        QString* error);

// Copies every file of `<fromDir>/voices/` to `<toDir>/voices/` (existing names are kept:
// names carry hashes). Used when a project moves to another folder.
bool copyVoicesFolder(const QString& fromDir, const QString& toDir, QString* error);

}  // namespace nava::ui
