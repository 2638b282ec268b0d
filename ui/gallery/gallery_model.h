// Every clip the studio made or found: the queue's finished jobs and the media files in the
// output folder, newest first, with what people recognise a clip by (thumbnail, duration, the
// prompt, the date) and its recipe. The index is a JSON file in the app data folder, rewritten
// (atomically) on every change; thumbnails are cached as PNG files next to it and made in the
// background of the event loop, one per turn.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVector>

namespace nava::ui {

class JobQueue;

struct GalleryItem {
    QString path;        // absolute; the key
    QString recipeJson;  // "" = no recipe known
    QString jobId;       // the queue job that made it ("" = found in a folder)
    QDateTime created;   // UTC
    qint64 durationMs = 0;
    int width = 0;  // 0 = no picture
    int height = 0;
    bool hasAudio = false;
    // Derived, not stored.
    QString prompt;    // plain text of the recipe's prompt
    qint64 seed = -1;  // of the recipe (-1: none)
    bool exists = true;
};

enum class ClipRemoval {
    forget,      // out of the gallery, the file stays
    trash,       // into the desktop's trash
    deleteFile,  // gone for good
};

class GalleryModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        RecipeRole,
        PromptRole,
        CreatedRole,
        DurationRole,  // ms
        ExistsRole,
        HasVideoRole,
        DetailRole,  // one line: size, duration, seed
        ThumbnailRole,
    };

    // The index lives in `<dataDir>/gallery.json`, thumbnails in `<dataDir>/thumbnails/`;
    // `dataDir` "" = not persisted (no thumbnails cached either).
    explicit GalleryModel(const QString& dataDir, QObject* parent = nullptr);
    ~GalleryModel() override;  // writes a pending index change

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Reads the index; writes happen only after this. False + message when it exists but cannot
    // be read (kept as "gallery.json.damaged"; the gallery starts empty).
    bool load(QString* error = nullptr);

    // Adds (or updates) a clip. The file is probed for its duration and size; without a recipe
    // given, the one in the file is read. A file that does not exist is only added with a
    // recipe (a job whose clip went missing can still be re-run). False + message otherwise.
    bool addClip(const QString& path, const QString& recipeJson = QString(),
                 const QString& jobId = QString(), QString* error = nullptr);
    // The outputs of the queue's finished jobs; returns how many were new.
    int addFinishedJobs(const JobQueue& queue);
    // Media files directly in `folder` that the gallery does not hold yet; returns how many.
    int scanFolder(const QString& folder);
    // The same, a file per turn of the event loop (a large folder does not freeze the window).
    void scanFolderLater(const QString& folder);
    bool isScanning() const { return !m_scanQueue.isEmpty(); }
    bool removeClip(const QString& path, ClipRemoval how, QString* error = nullptr);
    // Re-checks which files still exist.
    void refreshExistence();

    const QVector<GalleryItem>& items() const { return m_items; }
    const GalleryItem& at(int row) const { return m_items.at(row); }
    int rowOfPath(const QString& path) const;
    QString indexPath() const;
    // The cached thumbnail, or a null image while it is being made (thumbnailReady follows).
    QImage thumbnail(int row) const;

    static bool isClipFile(const QString& path);

Q_SIGNALS:
    void persistFailed(const QString& message);

private:
    void insertSorted(const GalleryItem& item);
    void persist();
    void persistSoon();  // many changes in a row write the index once
    void scanNext();
    void scheduleThumbnail(const QString& path) const;
    void makeNextThumbnail();
    QString thumbnailFile(const QString& path) const;
    bool probeInto(GalleryItem* item, QString* error) const;

    QString m_dataDir;
    QVector<GalleryItem> m_items;
    bool m_loaded = false;
    QTimer m_persistTimer;
    QStringList m_scanQueue;
    QTimer m_scanTimer;
    mutable QHash<QString, QImage> m_thumbnails;
    mutable QStringList m_thumbnailQueue;
    mutable QSet<QString> m_thumbnailFailed;
    mutable QTimer m_thumbnailTimer;
};

}  // namespace nava::ui
