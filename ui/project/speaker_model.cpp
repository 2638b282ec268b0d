#include "ui/project/speaker_model.h"

#include <QFileInfo>
#include <QMimeData>
#include <QPixmap>
#include <QUrl>

namespace nava::ui {
namespace {

QStringList localFiles(const QMimeData* data) {
    QStringList out;
    if (!data || !data->hasUrls()) return out;
    for (const QUrl& url : data->urls())
        if (url.isLocalFile()) out << url.toLocalFile();
    return out;
}

}  // namespace

SpeakerModel::SpeakerModel(QObject* parent) : QAbstractListModel(parent) {}

int SpeakerModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_speakers.size();
}

QVariant SpeakerModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_speakers.size()) return {};
    const SpeakerData& s = m_speakers.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::EditRole:
            return s.name;
        case Qt::DecorationRole: {
            QPixmap swatch(14, 14);
            swatch.fill(s.color);
            return swatch;
        }
        case Qt::ToolTipRole:
            return s.voiceFile.isEmpty()
                       ? tr("%1 — no reference voice yet").arg(s.name)
                       : tr("%1 — voice: %2").arg(s.name, QFileInfo(s.voiceFile).fileName());
        case IdRole:
            return s.id;
        case ColorRole:
            return s.color;
        case VoiceFileRole:
            return s.voiceFile;
        case VoiceShaRole:
            return s.voiceSha256;
        default:
            return {};
    }
}

QHash<int, QByteArray> SpeakerModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "speakerId");
    names.insert(ColorRole, "color");
    names.insert(VoiceFileRole, "voiceFile");
    names.insert(VoiceShaRole, "voiceSha256");
    return names;
}

Qt::ItemFlags SpeakerModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractListModel::flags(index) | Qt::ItemIsDropEnabled;
    if (index.isValid()) f |= Qt::ItemIsEditable;
    return f;
}

bool SpeakerModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_speakers.size()) return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty()) return false;
    Q_EMIT renameRequested(m_speakers[index.row()].id, name);
    return true;
}

QStringList SpeakerModel::mimeTypes() const {
    return {QStringLiteral("text/uri-list")};
}

Qt::DropActions SpeakerModel::supportedDropActions() const {
    return Qt::CopyAction | Qt::LinkAction;
}

bool SpeakerModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int,
                                   const QModelIndex&) const {
    return !localFiles(data).isEmpty();
}

bool SpeakerModel::dropMimeData(const QMimeData* data, Qt::DropAction, int row, int,
                                const QModelIndex& parent) {
    const QStringList files = localFiles(data);
    if (files.isEmpty()) return false;
    // Dropped onto an item: parent is that item; between items: row is the gap.
    const int target = parent.isValid() ? parent.row() : -1;
    Q_UNUSED(row);
    Q_EMIT filesDropped(target, files);
    return true;
}

int SpeakerModel::rowOfId(const QString& id) const {
    for (int i = 0; i < m_speakers.size(); ++i)
        if (m_speakers[i].id == id) return i;
    return -1;
}

const SpeakerData* SpeakerModel::byId(const QString& id) const {
    const int row = rowOfId(id);
    return row >= 0 ? &m_speakers[row] : nullptr;
}

QString SpeakerModel::nameOf(const QString& id) const {
    const SpeakerData* s = byId(id);
    return s ? s->name : QString();
}

QColor SpeakerModel::colorOf(const QString& id) const {
    const SpeakerData* s = byId(id);
    return s ? s->color : QColor(0x9e, 0x9e, 0x9e);
}

int SpeakerModel::rowOfName(const QString& name) const {
    for (int i = 0; i < m_speakers.size(); ++i)
        if (m_speakers[i].name.compare(name.trimmed(), Qt::CaseInsensitive) == 0) return i;
    return -1;
}

void SpeakerModel::insertSpeaker(int row, const SpeakerData& speaker) {
    row = qBound(0, row, int(m_speakers.size()));
    beginInsertRows(QModelIndex(), row, row);
    m_speakers.insert(row, speaker);
    endInsertRows();
}

void SpeakerModel::removeSpeaker(int row) {
    if (row < 0 || row >= m_speakers.size()) return;
    beginRemoveRows(QModelIndex(), row, row);
    m_speakers.removeAt(row);
    endRemoveRows();
}

void SpeakerModel::replaceSpeaker(int row, const SpeakerData& speaker) {
    if (row < 0 || row >= m_speakers.size()) return;
    m_speakers[row] = speaker;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

void SpeakerModel::resetSpeakers(const QVector<SpeakerData>& speakers) {
    beginResetModel();
    m_speakers = speakers;
    endResetModel();
}

}  // namespace nava::ui
