// What the studio can check about a training dataset by itself, when the trainer has no
// `--validate-data`: the clips exist and can be read, each has a caption, captions are well
// formed, lengths are sensible. A dataset is a folder of clips with a caption file each
// (`clip.mp4` + `clip.txt`), or a manifest: JSON Lines / a JSON array of records naming a clip
// ("video", "path", "file", "audio", "media") and its caption ("caption", "prompt", "text").
#pragma once

#include <QString>
#include <QVector>

namespace nava::ui {

enum class IssueSeverity { info, warning, error };

struct DatasetIssue {
    IssueSeverity severity = IssueSeverity::info;
    QString file;  // the clip or manifest line it is about ("" = the whole dataset)
    QString message;
};

struct DatasetReport {
    QString source;  // who checked: the trainer or the studio
    bool completed = false;
    int samples = 0;
    int captioned = 0;
    int probed = 0;  // clips opened to read their length (the first kMaxProbed)
    double totalSeconds = 0.0;
    QVector<DatasetIssue> issues;

    int count(IssueSeverity severity) const;
    bool ok() const { return completed && count(IssueSeverity::error) == 0; }
};

// Clips whose length is read; the others are only checked for existence and caption.
inline constexpr int kMaxProbedClips = 400;
// At most this many issues are listed (the counts stay exact).
inline constexpr int kMaxListedIssues = 500;

// Runs on any thread (no widgets); may take a while for large folders.
DatasetReport checkDataset(const QString& folderOrManifest);

QString severityText(IssueSeverity severity);

}  // namespace nava::ui
