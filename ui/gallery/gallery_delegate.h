// One clip as a card in the gallery grid: the thumbnail with its duration, the start of the
// prompt, the date; a missing file is dimmed and says so.
#pragma once

#include <QStyledItemDelegate>

namespace nava::ui {

class GalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr int kCardWidth = 228;
    static constexpr int kCardHeight = 206;

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace nava::ui
