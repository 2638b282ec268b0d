// The project's speakers as a list model. Mutations come only from undo commands (through
// ProjectDocument); views read it and may drop voice files onto a row.
#pragma once

#include <QAbstractListModel>
#include <QVector>

#include "ui/project/project_types.h"

namespace nava::ui {

class SpeakerModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ColorRole,
        VoiceFileRole,
        VoiceShaRole,
    };

    explicit SpeakerModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Editing a name in a view asks for a rename (an undoable edit) instead of changing it here.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    const QVector<SpeakerData>& speakers() const { return m_speakers; }
    const SpeakerData& at(int row) const { return m_speakers.at(row); }
    int rowOfId(const QString& id) const;  // -1 when absent
    const SpeakerData* byId(const QString& id) const;
    QString nameOf(const QString& id) const;
    QColor colorOf(const QString& id) const;   // grey when absent
    int rowOfName(const QString& name) const;  // case-insensitive; -1 when absent

    // Used by undo commands only.
    void insertSpeaker(int row, const SpeakerData& speaker);
    void removeSpeaker(int row);
    void replaceSpeaker(int row, const SpeakerData& speaker);
    void resetSpeakers(const QVector<SpeakerData>& speakers);

Q_SIGNALS:
    // Local files dropped on the row of a speaker (row -1: dropped on no speaker).
    void filesDropped(int row, const QStringList& paths);
    void renameRequested(const QString& id, const QString& name);

private:
    QVector<SpeakerData> m_speakers;
};

}  // namespace nava::ui
