#include "ui/timeline/timeline_view.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include "ui/project/generation_settings.h"
#include "ui/project/project_document.h"
#include "ui/project/span_model.h"
#include "ui/project/speaker_model.h"
#include "ui/project/validation.h"

namespace nava::ui {
namespace {

constexpr int kLabelWidth = 96;
constexpr int kRulerHeight = 20;
constexpr int kLaneHeight = 30;
constexpr int kEdgeGrip = 5;
constexpr qint64 kSnapMs = 10;

qint64 snapped(qint64 ms) {
    return (ms + kSnapMs / 2) / kSnapMs * kSnapMs;
}

}  // namespace

TimelineView::TimelineView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Speech timeline"));
    setToolTip(
        tr("Drag a block to move its speech, drag an edge to change when it starts or "
           "ends; arrow keys nudge the selected one"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void TimelineView::setDocument(ProjectDocument* document) {
    for (const auto& c : m_connections)
        disconnect(c);
    m_connections.clear();
    m_document = document;
    m_selected = -1;
    if (document) {
        for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(document->spans()),
                                          static_cast<QAbstractItemModel*>(document->speakers())}) {
            m_connections << connect(model, &QAbstractItemModel::dataChanged, this,
                                     &TimelineView::onModelChanged);
            m_connections << connect(model, &QAbstractItemModel::modelReset, this,
                                     &TimelineView::onModelChanged);
            m_connections << connect(model, &QAbstractItemModel::rowsInserted, this,
                                     &TimelineView::onModelChanged);
            m_connections << connect(model, &QAbstractItemModel::rowsRemoved, this,
                                     &TimelineView::onModelChanged);
        }
        m_connections << connect(document, &ProjectDocument::settingsChanged, this,
                                 &TimelineView::onModelChanged);
    }
    onModelChanged();
}

void TimelineView::onModelChanged() {
    if (m_document && m_selected >= m_document->spans()->rowCount()) m_selected = -1;
    updateGeometry();
    update();
}

void TimelineView::selectSpan(int row) {
    if (row == m_selected) return;
    m_selected = row;
    update();
}

QStringList TimelineView::laneIds() const {
    QStringList ids;
    if (!m_document) return ids;
    for (const SpeakerData& s : m_document->speakers()->speakers())
        ids << s.id;
    for (const SpanRow& row : m_document->spans()->rows())
        if (!ids.contains(row.data.speakerId)) {
            ids << QString();  // speech without a (known) speaker
            break;
        }
    return ids;
}

int TimelineView::laneCount() const {
    return std::max<int>(1, laneIds().size());
}

int TimelineView::laneOf(const QString& speakerId) const {
    const QStringList ids = laneIds();
    const int i = ids.indexOf(speakerId);
    return i >= 0 ? i : std::max<int>(0, ids.indexOf(QString()));
}

QSize TimelineView::sizeHint() const {
    return {600, kRulerHeight + laneCount() * kLaneHeight + 6};
}

QSize TimelineView::minimumSizeHint() const {
    return {300, kRulerHeight + kLaneHeight + 6};
}

qint64 TimelineView::visibleMs() const {
    qint64 end = 1000;
    if (m_document) {
        end = std::max<qint64>(end, qint64(m_document->settings().durationS * 1000.0));
        for (const SpanRow& row : m_document->spans()->rows())
            end = std::max(end, row.data.endMs);
    }
    return end + end / 20 + 250;
}

double TimelineView::pixelsPerMs() const {
    return double(std::max(50, width() - kLabelWidth - 8)) / double(visibleMs());
}

int TimelineView::xAt(qint64 ms) const {
    return kLabelWidth + int(std::lround(ms * pixelsPerMs()));
}

qint64 TimelineView::msAt(int x) const {
    return qint64(std::lround((x - kLabelWidth) / pixelsPerMs()));
}

QRect TimelineView::spanRect(int row) const {
    if (!m_document || row < 0 || row >= m_document->spans()->rowCount()) return {};
    const SpanRow& span = m_document->spans()->at(row);
    qint64 start = span.data.startMs, end = span.data.endMs;
    if (row == m_dragRow && m_drag != Drag::none) {
        start = m_previewStartMs;
        end = m_previewEndMs;
    }
    const int lane = laneOf(span.data.speakerId);
    const int x0 = xAt(start);
    const int x1 = std::max(x0 + 6, xAt(end));
    return QRect(x0, kRulerHeight + lane * kLaneHeight + 3, x1 - x0, kLaneHeight - 6);
}

int TimelineView::spanAtPoint(const QPoint& p, Drag* drag) const {
    if (!m_document) return -1;
    for (int row = m_document->spans()->rowCount() - 1; row >= 0; --row) {
        const QRect r = spanRect(row);
        if (!r.adjusted(-2, 0, 2, 0).contains(p)) continue;
        if (drag) {
            if (p.x() <= r.left() + kEdgeGrip)
                *drag = Drag::start;
            else if (p.x() >= r.right() - kEdgeGrip)
                *drag = Drag::end;
            else
                *drag = Drag::move;
        }
        return row;
    }
    return -1;
}

void TimelineView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QStringList lanes = laneIds();
    const int lanesHeight = std::max<int>(1, lanes.size()) * kLaneHeight;

    // 1. Ruler: a tick every second, labelled where there is room.
    const qint64 total = visibleMs();
    const int labelEvery = std::max(1, int(std::ceil(40.0 / (1000.0 * pixelsPerMs()))));
    p.setPen(pal.color(QPalette::Text));
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    p.setFont(small);
    for (qint64 s = 0; s * 1000 <= total; ++s) {
        const int x = xAt(s * 1000);
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(x, kRulerHeight - 5, x, kRulerHeight + lanesHeight);
        if (s % labelEvery == 0) {
            p.setPen(pal.color(QPalette::Text));
            p.drawText(QRect(x + 2, 0, 60, kRulerHeight - 4), Qt::AlignLeft | Qt::AlignBottom,
                       tr("%1 s").arg(s));
        }
    }

    // 2. Lanes with speaker names.
    const SpeakerModel* speakers = m_document ? m_document->speakers() : nullptr;
    for (int lane = 0; lane < lanes.size(); ++lane) {
        const QRect band(0, kRulerHeight + lane * kLaneHeight, width(), kLaneHeight);
        if (lane % 2 == 1) p.fillRect(band, pal.color(QPalette::AlternateBase));
        const QString id = lanes[lane];
        const QColor color = speakers->colorOf(id);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRect(6, band.top() + 10, 10, 10), 2, 2);
        p.setPen(id.isEmpty() ? QColor(0xc6, 0x28, 0x28) : pal.color(QPalette::Text));
        const QString name = id.isEmpty() ? tr("No speaker") : speakers->nameOf(id);
        p.drawText(QRect(20, band.top(), kLabelWidth - 24, kLaneHeight), Qt::AlignVCenter,
                   p.fontMetrics().elidedText(name, Qt::ElideRight, kLabelWidth - 24));
    }
    if (lanes.isEmpty()) {
        const QString hint = tr("Marked speech appears here, one lane per speaker");
        QRect box = p.fontMetrics().boundingRect(hint).adjusted(-6, -2, 6, 2);
        box.moveCenter(
            QRect(kLabelWidth, kRulerHeight, width() - kLabelWidth, kLaneHeight).center());
        p.fillRect(box, pal.color(QPalette::Base));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(box, Qt::AlignCenter, hint);
    }

    // 3. After the clip's end: shaded.
    if (m_document) {
        const int clipEnd = xAt(qint64(m_document->settings().durationS * 1000.0));
        QColor shade = pal.color(QPalette::Mid);
        shade.setAlpha(60);
        p.fillRect(QRect(clipEnd, kRulerHeight, width() - clipEnd, lanesHeight), shade);
        p.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        p.drawLine(clipEnd, kRulerHeight - 4, clipEnd, kRulerHeight + lanesHeight);
    }

    // 4. Spans.
    if (!m_document) return;
    QSet<int> overlapping;
    for (const auto& [a, b] : overlappingSpans(m_document->spans()->rows())) {
        overlapping.insert(a);
        overlapping.insert(b);
    }
    for (int row = 0; row < m_document->spans()->rowCount(); ++row) {
        const SpanRow& span = m_document->spans()->at(row);
        const QRect r = spanRect(row);
        const bool noSpeaker = !speakers->byId(span.data.speakerId);
        // Opaque, so the ruler's lines do not show through the words.
        const QColor fill =
            noSpeaker ? pal.color(QPalette::Mid) : speakers->colorOf(span.data.speakerId);
        QPainterPath path;
        path.addRoundedRect(r, 4, 4);
        p.fillPath(path, fill);
        if (noSpeaker) p.fillPath(path, QBrush(QColor(0xc6, 0x28, 0x28, 90), Qt::BDiagPattern));
        QPen border(fill.darker(160), 1);
        if (overlapping.contains(row) || noSpeaker) border = QPen(QColor(0xc6, 0x28, 0x28), 2);
        if (row == m_selected) border = QPen(pal.color(QPalette::Highlight), 2);
        p.setPen(border);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.setPen(fill.lightness() > 150 ? QColor(20, 20, 20) : QColor(250, 250, 250));
        p.drawText(
            r.adjusted(5, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft,
            p.fontMetrics().elidedText(span.text.simplified(), Qt::ElideRight, r.width() - 9));
    }
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    Drag drag = Drag::none;
    const int row = spanAtPoint(event->position().toPoint(), &drag);
    selectSpan(row);
    if (row < 0) return;
    Q_EMIT spanClicked(row);
    const SpanRow& span = m_document->spans()->at(row);
    m_drag = drag;
    m_dragRow = row;
    m_dragOriginMs = msAt(event->position().toPoint().x());
    m_previewStartMs = span.data.startMs;
    m_previewEndMs = span.data.endMs;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::none) {
        Drag hover = Drag::none;
        spanAtPoint(pos, &hover);
        setCursor(hover == Drag::start || hover == Drag::end ? Qt::SizeHorCursor
                  : hover == Drag::move                      ? Qt::OpenHandCursor
                                                             : Qt::ArrowCursor);
        return;
    }
    const SpanRow& span = m_document->spans()->at(m_dragRow);
    const qint64 delta = msAt(pos.x()) - m_dragOriginMs;
    if (m_drag == Drag::move) {
        const qint64 start = snapped(std::max<qint64>(0, span.data.startMs + delta));
        m_previewStartMs = start;
        m_previewEndMs = start + (span.data.endMs - span.data.startMs);
    } else if (m_drag == Drag::start) {
        m_previewStartMs =
            std::clamp<qint64>(snapped(span.data.startMs + delta), 0, span.data.endMs - kSnapMs);
    } else {
        m_previewEndMs =
            std::max<qint64>(snapped(span.data.endMs + delta), span.data.startMs + kSnapMs);
    }
    update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent*) {
    if (m_drag == Drag::none) return;
    const int row = m_dragRow;
    m_drag = Drag::none;
    m_dragRow = -1;
    if (m_document) m_document->setSpanTiming(row, m_previewStartMs, m_previewEndMs);
    update();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    if (!m_document || m_selected < 0 ||
        (event->key() != Qt::Key_Left && event->key() != Qt::Key_Right)) {
        QWidget::keyPressEvent(event);
        return;
    }
    const qint64 step = (event->modifiers() & Qt::ShiftModifier) ? 1000 : 100;
    const SpanRow& span = m_document->spans()->at(m_selected);
    const qint64 delta = event->key() == Qt::Key_Left ? -std::min(step, span.data.startMs) : step;
    m_document->setSpanTiming(m_selected, span.data.startMs + delta, span.data.endMs + delta);
}

}  // namespace nava::ui
