#include "ui/gallery/gallery_model.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "media/export.h"
#include "media/probe.h"
#include "media/video_reader.h"
#include "ui/gallery/recipe_restore.h"
#include "ui/player/clip_export.h"
#include "ui/project/project_file.h"
#include "ui/queue/job_queue.h"

namespace nava::ui {
namespace {

constexpr int kThumbnailWidth = 320;

std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString cleanAbsolute(const QString& path) {
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// What the recipe tells about a clip that is not (or no longer) on disk, and the derived
// fields every item shows.
void fillFromRecipe(GalleryItem* item, bool sizesToo) {
    item->prompt.clear();
    item->seed = -1;
    nava::api::GenerationRequest request;
    if (item->recipeJson.isEmpty() || !parseRecipe(item->recipeJson, &request, nullptr)) return;
    item->prompt = recipePlainPrompt(request);
    item->seed = qint64(request.seed);
    if (!sizesToo) return;
    item->durationMs = qint64(request.duration_s * 1000.0);
    const bool picture = request.mode != nava::api::Mode::text_to_audio;
    item->width = picture ? request.width : 0;
    item->height = picture ? request.height : 0;
    item->hasAudio = true;
}

QJsonObject toRecord(const GalleryItem& item) {
    QJsonObject o{
        {QStringLiteral("path"), item.path},
        {QStringLiteral("job_id"), item.jobId},
        {QStringLiteral("created"), item.created.toString(Qt::ISODateWithMs)},
        {QStringLiteral("duration_ms"), item.durationMs},
        {QStringLiteral("width"), item.width},
        {QStringLiteral("height"), item.height},
        {QStringLiteral("audio"), item.hasAudio},
    };
    if (!item.recipeJson.isEmpty())
        o.insert(QStringLiteral("recipe"),
                 QJsonDocument::fromJson(item.recipeJson.toUtf8()).object());
    return o;
}

bool fromRecord(const QJsonObject& o, GalleryItem* item) {
    item->path = o.value(QStringLiteral("path")).toString();
    if (item->path.isEmpty()) return false;
    item->jobId = o.value(QStringLiteral("job_id")).toString();
    item->created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    item->durationMs = qint64(o.value(QStringLiteral("duration_ms")).toDouble());
    item->width = o.value(QStringLiteral("width")).toInt();
    item->height = o.value(QStringLiteral("height")).toInt();
    item->hasAudio = o.value(QStringLiteral("audio")).toBool();
    const QJsonObject recipe = o.value(QStringLiteral("recipe")).toObject();
    item->recipeJson =
        recipe.isEmpty() ? QString()
                         : QString::fromUtf8(QJsonDocument(recipe).toJson(QJsonDocument::Compact));
    item->exists = QFileInfo::exists(item->path);
    fillFromRecipe(item, false);
    return true;
}

}  // namespace

GalleryModel::GalleryModel(const QString& dataDir, QObject* parent)
    : QAbstractListModel(parent), m_dataDir(dataDir) {
    m_thumbnailTimer.setSingleShot(true);
    m_thumbnailTimer.setInterval(0);
    connect(&m_thumbnailTimer, &QTimer::timeout, this, &GalleryModel::makeNextThumbnail);
    m_persistTimer.setSingleShot(true);
    m_persistTimer.setInterval(200);
    connect(&m_persistTimer, &QTimer::timeout, this, &GalleryModel::persist);
    m_scanTimer.setSingleShot(true);
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, &GalleryModel::scanNext);
}

GalleryModel::~GalleryModel() {
    if (m_persistTimer.isActive()) persist();
}

void GalleryModel::persistSoon() {
    if (!m_persistTimer.isActive()) m_persistTimer.start();
}

bool GalleryModel::isClipFile(const QString& path) {
    static const QStringList kinds = {
        QStringLiteral("mp4"), QStringLiteral("m4v"),  QStringLiteral("mov"),
        QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("avi"),
        QStringLiteral("wav"), QStringLiteral("flac"), QStringLiteral("mp3"),
        QStringLiteral("ogg"), QStringLiteral("opus"), QStringLiteral("m4a"),
    };
    return kinds.contains(QFileInfo(path).suffix().toLower());
}

QString GalleryModel::indexPath() const {
    return m_dataDir.isEmpty() ? QString()
                               : QDir(m_dataDir).filePath(QStringLiteral("gallery.json"));
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_items.size();
}

int GalleryModel::rowOfPath(const QString& path) const {
    const QString key = cleanAbsolute(path);
    for (int i = 0; i < m_items.size(); ++i)
        if (m_items[i].path == key) return i;
    return -1;
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size()) return {};
    const GalleryItem& item = m_items.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return item.prompt.isEmpty() ? QFileInfo(item.path).fileName() : item.prompt;
        case Qt::ToolTipRole:
            return item.exists ? item.path : tr("%1 (the file is missing)").arg(item.path);
        case PathRole:
            return item.path;
        case RecipeRole:
            return item.recipeJson;
        case PromptRole:
            return item.prompt;
        case CreatedRole:
            return item.created;
        case DurationRole:
            return item.durationMs;
        case ExistsRole:
            return item.exists;
        case HasVideoRole:
            return item.width > 0;
        case DetailRole: {
            QStringList parts;
            parts << formatClipTime(item.durationMs);
            parts << (item.width > 0 ? QStringLiteral("%1×%2").arg(item.width).arg(item.height)
                                     : tr("sound only"));
            if (item.seed >= 0) parts << tr("seed %1").arg(item.seed);
            return parts.join(QStringLiteral(" · "));
        }
        case ThumbnailRole:
            return thumbnail(index.row());
        default:
            return {};
    }
}

// --- the index -------------------------------------------------------------------------------

bool GalleryModel::load(QString* error) {
    m_loaded = true;
    const QString file = indexPath();
    if (file.isEmpty() || !QFile::exists(file)) return true;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error) *error = in.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
    in.close();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) *error = tr("the gallery index is damaged: %1").arg(parseError.errorString());
        QFile::remove(file + QStringLiteral(".damaged"));
        QFile::rename(file, file + QStringLiteral(".damaged"));
        persist();
        return false;
    }
    QVector<GalleryItem> loaded;
    for (const QJsonValue& v : doc.object().value(QStringLiteral("clips")).toArray()) {
        GalleryItem item;
        if (fromRecord(v.toObject(), &item) &&
            std::none_of(loaded.begin(), loaded.end(),
                         [&](const GalleryItem& o) { return o.path == item.path; }))
            loaded.push_back(item);
    }
    beginResetModel();
    // Clips added before load() (none, usually) stay.
    for (const GalleryItem& item : m_items)
        if (std::none_of(loaded.begin(), loaded.end(),
                         [&](const GalleryItem& o) { return o.path == item.path; }))
            loaded.push_back(item);
    std::stable_sort(loaded.begin(), loaded.end(), [](const GalleryItem& a, const GalleryItem& b) {
        return a.created > b.created;
    });
    m_items = loaded;
    endResetModel();
    return true;
}

void GalleryModel::persist() {
    m_persistTimer.stop();
    const QString file = indexPath();
    if (file.isEmpty() || !m_loaded) return;
    QJsonArray clips;
    for (const GalleryItem& item : m_items)
        clips.append(toRecord(item));
    const QJsonObject root{{QStringLiteral("nava_gallery"), 1}, {QStringLiteral("clips"), clips}};
    QDir().mkpath(m_dataDir);
    QString error;
    if (!writeFileAtomically(file, QJsonDocument(root).toJson(QJsonDocument::Indented), &error))
        Q_EMIT persistFailed(error);
}

// --- adding and removing ---------------------------------------------------------------------

bool GalleryModel::probeInto(GalleryItem* item, QString* error) const {
    try {
        const nava::media::MediaInfo info = nava::media::probe(toPath(item->path));
        const nava::media::StreamInfo* video = info.best_video();
        const nava::media::StreamInfo* audio = info.best_audio();
        const bool picture = video && !video->attached_picture && !info.is_image;
        item->width = picture ? video->width : 0;
        item->height = picture ? video->height : 0;
        item->hasAudio = audio != nullptr;
        item->durationMs = qint64(info.duration_s * 1000.0);
        if (!picture && !item->hasAudio) {
            if (error) *error = tr("%1 holds no picture or sound").arg(item->path);
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void GalleryModel::insertSorted(const GalleryItem& item) {
    int row = 0;
    while (row < m_items.size() && m_items[row].created >= item.created)
        ++row;
    beginInsertRows(QModelIndex(), row, row);
    m_items.insert(row, item);
    endInsertRows();
}

bool GalleryModel::addClip(const QString& pathIn, const QString& recipeJson, const QString& jobId,
                           QString* error) {
    const QString path = cleanAbsolute(pathIn);
    const bool exists = QFileInfo(path).isFile();
    if (!exists && recipeJson.isEmpty()) {
        if (error) *error = tr("%1 does not exist").arg(path);
        return false;
    }
    if (exists && !isClipFile(path)) {
        if (error) *error = tr("%1 is not a video or sound file").arg(QFileInfo(path).fileName());
        return false;
    }
    const int row = rowOfPath(path);
    GalleryItem item = row >= 0 ? m_items[row] : GalleryItem();
    item.path = path;
    item.exists = exists;
    if (!jobId.isEmpty()) item.jobId = jobId;
    if (!recipeJson.isEmpty()) item.recipeJson = recipeJson;
    if (exists) {
        if (!probeInto(&item, error)) return false;
        if (item.recipeJson.isEmpty()) {
            try {
                if (const auto recipe = nava::media::read_recipe(toPath(path)))
                    item.recipeJson = QString::fromStdString(*recipe);
            } catch (const std::exception&) {
                // probed fine a moment ago: a clip without readable tags simply has no recipe
            }
        }
        fillFromRecipe(&item, false);
    } else {
        fillFromRecipe(&item, true);
    }
    m_thumbnails.remove(path);
    m_thumbnailFailed.remove(path);
    if (row >= 0) {
        m_items[row] = item;
        Q_EMIT dataChanged(index(row), index(row));
    } else {
        item.created =
            exists ? QFileInfo(path).lastModified().toUTC() : QDateTime::currentDateTimeUtc();
        insertSorted(item);
    }
    persistSoon();
    return true;
}

int GalleryModel::addFinishedJobs(const JobQueue& queue) {
    int added = 0;
    for (const QueueJob& job : queue.jobs()) {
        if (job.state != JobState::done || job.outputPath.isEmpty() ||
            rowOfPath(job.outputPath) >= 0)
            continue;
        const QString recipe =
            QString::fromStdString(nava::api::request_to_json_text(job.request, -1));
        if (addClip(job.outputPath, recipe, job.id)) ++added;
    }
    return added;
}

int GalleryModel::scanFolder(const QString& folder) {
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) return 0;
    int added = 0;
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files, QDir::Time);
    for (const QFileInfo& file : files) {
        if (!isClipFile(file.fileName()) || rowOfPath(file.absoluteFilePath()) >= 0) continue;
        if (addClip(file.absoluteFilePath())) ++added;
    }
    return added;
}

void GalleryModel::scanFolderLater(const QString& folder) {
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) return;
    for (const QFileInfo& file : QDir(folder).entryInfoList(QDir::Files, QDir::Time)) {
        const QString path = file.absoluteFilePath();
        if (isClipFile(path) && rowOfPath(path) < 0 && !m_scanQueue.contains(path))
            m_scanQueue << path;
    }
    if (!m_scanQueue.isEmpty() && !m_scanTimer.isActive()) m_scanTimer.start();
}

void GalleryModel::scanNext() {
    if (m_scanQueue.isEmpty()) return;
    const QString path = m_scanQueue.takeFirst();
    if (rowOfPath(path) < 0) addClip(path);
    if (!m_scanQueue.isEmpty()) m_scanTimer.start();
}

bool GalleryModel::removeClip(const QString& pathIn, ClipRemoval how, QString* error) {
    const int row = rowOfPath(pathIn);
    if (row < 0) {
        if (error) *error = tr("%1 is not in the gallery").arg(pathIn);
        return false;
    }
    const QString path = m_items[row].path;
    if (how != ClipRemoval::forget && QFileInfo::exists(path)) {
        const bool ok = how == ClipRemoval::trash ? QFile::moveToTrash(path) : QFile::remove(path);
        if (!ok) {
            if (error)
                *error = how == ClipRemoval::trash
                             ? tr("%1 could not be moved to the trash").arg(path)
                             : tr("%1 could not be deleted").arg(path);
            return false;
        }
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_items.removeAt(row);
    endRemoveRows();
    m_thumbnails.remove(path);
    m_thumbnailQueue.removeAll(path);
    if (!m_dataDir.isEmpty()) QFile::remove(thumbnailFile(path));
    persistSoon();
    return true;
}

void GalleryModel::refreshExistence() {
    for (int row = 0; row < m_items.size(); ++row) {
        const bool exists = QFileInfo::exists(m_items[row].path);
        if (exists == m_items[row].exists) continue;
        m_items[row].exists = exists;
        m_thumbnails.remove(m_items[row].path);
        Q_EMIT dataChanged(index(row), index(row));
    }
}

// --- thumbnails ------------------------------------------------------------------------------

QString GalleryModel::thumbnailFile(const QString& path) const {
    const QByteArray key =
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(m_dataDir).filePath(QStringLiteral("thumbnails/%1.png").arg(QLatin1String(key)));
}

QImage GalleryModel::thumbnail(int row) const {
    if (row < 0 || row >= m_items.size()) return QImage();
    const GalleryItem& item = m_items[row];
    if (!item.exists || item.width <= 0) return QImage();
    const auto cached = m_thumbnails.constFind(item.path);
    if (cached != m_thumbnails.constEnd()) return *cached;
    if (m_thumbnailFailed.contains(item.path)) return QImage();
    if (!m_dataDir.isEmpty()) {
        const QFileInfo file(thumbnailFile(item.path));
        if (file.exists() && file.lastModified() >= QFileInfo(item.path).lastModified()) {
            QImage image(file.absoluteFilePath());
            if (!image.isNull()) {
                m_thumbnails.insert(item.path, image);
                return image;
            }
        }
    }
    scheduleThumbnail(item.path);
    return QImage();
}

void GalleryModel::scheduleThumbnail(const QString& path) const {
    if (m_thumbnailQueue.contains(path)) return;
    m_thumbnailQueue.append(path);
    if (!m_thumbnailTimer.isActive()) m_thumbnailTimer.start();
}

void GalleryModel::makeNextThumbnail() {
    if (m_thumbnailQueue.isEmpty()) return;
    const QString path = m_thumbnailQueue.takeFirst();
    const int row = rowOfPath(path);
    if (row >= 0) {
        QImage image;
        try {
            nava::media::VideoDecodeOptions options;
            options.width = kThumbnailWidth;
            options.height = 0;  // keeps the aspect ratio
            image = frameToImage(nava::media::read_first_frame(toPath(path), options));
        } catch (const std::exception&) {
            // shown as a placeholder; not retried until the clip changes
        }
        if (image.isNull()) {
            m_thumbnailFailed.insert(path);
        } else {
            m_thumbnails.insert(path, image);
            if (!m_dataDir.isEmpty()) {
                QDir().mkpath(QFileInfo(thumbnailFile(path)).absolutePath());
                image.save(thumbnailFile(path), "PNG");
            }
        }
        Q_EMIT dataChanged(index(row), index(row), {ThumbnailRole, Qt::DecorationRole});
    }
    if (!m_thumbnailQueue.isEmpty()) m_thumbnailTimer.start();
}

}  // namespace nava::ui
