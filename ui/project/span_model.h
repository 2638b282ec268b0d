// The prompt's speech spans as a table: words, speaker, start and end (int64 milliseconds).
// Rows follow prompt order, which is also the order voices bind in the model.
#pragma once

#include <QAbstractTableModel>
#include <QVector>

#include "ui/project/project_types.h"

namespace nava::ui {

class SpeakerModel;

class SpanModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TextColumn, SpeakerColumn, StartColumn, EndColumn, ColumnCount };
    enum Role {
        SpeakerIdRole = Qt::UserRole + 1,
        StartMsRole,
        EndMsRole,
        PlainStartRole,
        PlainLengthRole,
        ColorRole,
    };

    explicit SpanModel(const SpeakerModel* speakers, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const QVector<SpanRow>& rows() const { return m_rows; }
    const SpanRow& at(int row) const { return m_rows.at(row); }

    // Replaces the rows; same-length updates signal only the rows that changed.
    void setRows(const QVector<SpanRow>& rows);

private:
    void onSpeakersChanged();

    const SpeakerModel* m_speakers = nullptr;
    QVector<SpanRow> m_rows;
};

// "m:ss.mmm" for times shown in views.
QString formatDurationMs(qint64 ms);

}  // namespace nava::ui
