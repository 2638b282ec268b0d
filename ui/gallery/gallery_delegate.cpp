#include "ui/gallery/gallery_delegate.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include "ui/gallery/gallery_model.h"
#include "ui/player/clip_export.h"

namespace nava::ui {
namespace {

// The first `lines` lines of `text` wrapped to `width`, the last one elided.
QStringList wrapped(const QString& text, const QFont& font, int width, int lines) {
    QStringList out;
    QTextLayout layout(text, font);
    layout.beginLayout();
    const QFontMetrics metrics(font);
    for (int i = 0; i < lines; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid()) break;
        line.setLineWidth(width);
        if (i == lines - 1) {
            out << metrics.elidedText(text.mid(line.textStart()), Qt::ElideRight, width);
            break;
        }
        out << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return out;
}

}  // namespace

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return {kCardWidth, kCardHeight};
}

void GalleryDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool exists = index.data(GalleryModel::ExistsRole).toBool();
    const QRect card = option.rect.adjusted(5, 5, -5, -5);

    // 1. The card.
    QPainterPath outline;
    outline.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    p->fillPath(outline, pal.color(QPalette::Base));
    if (selected) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(45);
        p->fillPath(outline, tint);
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
    } else {
        p->setPen(QPen(pal.color(QPalette::Mid), 1));
    }
    p->drawPath(outline);

    // 2. Thumbnail (16:9 box), with the duration in a corner.
    const QRect thumb(card.left() + 6, card.top() + 6, card.width() - 12,
                      (card.width() - 12) * 9 / 16);
    p->fillRect(thumb, QColor(30, 30, 34));
    const QImage image = index.data(GalleryModel::ThumbnailRole).value<QImage>();
    if (!image.isNull()) {
        const QSize size = image.size().scaled(thumb.size(), Qt::KeepAspectRatio);
        p->setRenderHint(QPainter::SmoothPixmapTransform);
        p->drawImage(QRect(thumb.center() - QPoint(size.width() / 2, size.height() / 2), size),
                     image);
    } else {
        QString text;
        if (!exists)
            text = GalleryModel::tr("file missing");
        else if (!index.data(GalleryModel::HasVideoRole).toBool())
            text = QStringLiteral("♪ ") + GalleryModel::tr("sound only");
        p->setPen(QColor(175, 175, 185));
        p->drawText(thumb, Qt::AlignCenter, text);
    }
    const QString duration = formatClipTime(index.data(GalleryModel::DurationRole).toLongLong());
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const QRect badge(thumb.right() - smallMetrics.horizontalAdvance(duration) - 12,
                      thumb.bottom() - smallMetrics.height() - 6,
                      smallMetrics.horizontalAdvance(duration) + 8, smallMetrics.height() + 2);
    p->setFont(small);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0, 0, 0, 170));
    p->drawRoundedRect(badge, 3, 3);
    p->setPen(Qt::white);
    p->drawText(badge, Qt::AlignCenter, duration);

    // 3. The prompt (two lines) and the date.
    const QRect text(thumb.left(), thumb.bottom() + 6, thumb.width(),
                     card.bottom() - thumb.bottom() - 8);
    p->setFont(option.font);
    p->setPen(exists ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
    const QString prompt = index.data(Qt::DisplayRole).toString();
    const QStringList lines = wrapped(prompt, option.font, text.width(), 2);
    const int lineHeight = option.fontMetrics.height();
    for (int i = 0; i < lines.size(); ++i)
        p->drawText(QRect(text.left(), text.top() + i * lineHeight, text.width(), lineHeight),
                    Qt::AlignLeft | Qt::AlignVCenter, lines[i]);
    const QDateTime created = index.data(GalleryModel::CreatedRole).toDateTime().toLocalTime();
    QString date = QLocale().toString(created, QLocale::ShortFormat);
    if (!exists) date += QStringLiteral(" · ") + GalleryModel::tr("file missing");
    p->setFont(small);
    p->setPen(exists ? pal.color(QPalette::PlaceholderText) : QColor(0xc6, 0x28, 0x28));
    p->drawText(QRect(text.left(), text.bottom() - smallMetrics.height(), text.width(),
                      smallMetrics.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                smallMetrics.elidedText(date, Qt::ElideRight, text.width()));
    p->restore();
}

}  // namespace nava::ui
