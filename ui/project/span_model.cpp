#include "ui/project/span_model.h"

#include "ui/project/speaker_model.h"

namespace nava::ui {

QString formatDurationMs(qint64 ms) {
    const bool negative = ms < 0;
    if (negative) ms = -ms;
    return QStringLiteral("%1%2:%3.%4")
        .arg(negative ? QStringLiteral("-") : QString())
        .arg(ms / 60000)
        .arg((ms / 1000) % 60, 2, 10, QChar(u'0'))
        .arg(ms % 1000, 3, 10, QChar(u'0'));
}

SpanModel::SpanModel(const SpeakerModel* speakers, QObject* parent)
    : QAbstractTableModel(parent), m_speakers(speakers) {
    // Speaker names and colours show in this model: follow their changes.
    connect(speakers, &QAbstractItemModel::dataChanged, this, &SpanModel::onSpeakersChanged);
    connect(speakers, &QAbstractItemModel::rowsRemoved, this, &SpanModel::onSpeakersChanged);
    connect(speakers, &QAbstractItemModel::rowsInserted, this, &SpanModel::onSpeakersChanged);
    connect(speakers, &QAbstractItemModel::modelReset, this, &SpanModel::onSpeakersChanged);
}

int SpanModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows.size();
}

int SpanModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpanModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const SpanRow& r = m_rows.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TextColumn:
                    return r.text;
                case SpeakerColumn:
                    return r.data.speakerId.isEmpty() ? tr("(no speaker)")
                                                      : m_speakers->nameOf(r.data.speakerId);
                case StartColumn:
                    return formatDurationMs(r.data.startMs);
                case EndColumn:
                    return formatDurationMs(r.data.endMs);
            }
            return {};
        case Qt::DecorationRole:
            return index.column() == SpeakerColumn ? QVariant(m_speakers->colorOf(r.data.speakerId))
                                                   : QVariant();
        case SpeakerIdRole:
            return r.data.speakerId;
        case StartMsRole:
            return r.data.startMs;
        case EndMsRole:
            return r.data.endMs;
        case PlainStartRole:
            return r.plainStart;
        case PlainLengthRole:
            return r.plainLength;
        case ColorRole:
            return m_speakers->colorOf(r.data.speakerId);
        default:
            return {};
    }
}

QVariant SpanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TextColumn:
            return tr("Words");
        case SpeakerColumn:
            return tr("Speaker");
        case StartColumn:
            return tr("Start");
        case EndColumn:
            return tr("End");
    }
    return {};
}

void SpanModel::setRows(const QVector<SpanRow>& rows) {
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (int i = 0; i < rows.size(); ++i) {
        const SpanRow& a = m_rows[i];
        const SpanRow& b = rows[i];
        const bool same = a.text == b.text && a.plainStart == b.plainStart &&
                          a.plainLength == b.plainLength && a.data == b.data;
        m_rows[i] = b;
        if (!same) Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

void SpanModel::onSpeakersChanged() {
    if (m_rows.isEmpty()) return;
    Q_EMIT dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1));
}

}  // namespace nava::ui
