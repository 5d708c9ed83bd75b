// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/panels/flow_layout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget* parent, int spacing) : QLayout(parent) {
    if (parent == nullptr)
        setContentsMargins(0, 0, 0, 0);
    setSpacing(spacing);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

int FlowLayout::count() const {
    return static_cast<int>(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index) {
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

Qt::Orientations FlowLayout::expandingDirections() const {
    return {};
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

// Narrow enough for the widest item alone on a row.
QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(baseSize(item));
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

// Every item on one row.
QSize FlowLayout::sizeHint() const {
    int width = 0;
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        width += (width > 0 ? gap(Qt::Horizontal) : 0) + item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    Row row;
    int rowWidth = 0;
    int y = area.y();
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize size = baseSize(item).boundedTo(QSize(area.width(), QWIDGETSIZE_MAX));
        if (!row.isEmpty() && rowWidth + gap(Qt::Horizontal) + size.width() > area.width()) {
            y += placeRow(row, QRect(area.x(), y, area.width(), 0), apply) + gap(Qt::Vertical);
            row.clear();
            rowWidth = 0;
        }
        rowWidth += (row.isEmpty() ? 0 : gap(Qt::Horizontal)) + size.width();
        row.append({item, size});
    }
    y += placeRow(row, QRect(area.x(), y, area.width(), 0), apply);
    return y - rect.y() + contentsMargins().bottom();
}

// A widget that grows sideways (a line edit) starts from its minimum width and shares what the
// row has left; any other keeps its size hint.
QSize FlowLayout::baseSize(const QLayoutItem* item) {
    const QSize hint = item->sizeHint();
    if (!(item->expandingDirections() & Qt::Horizontal))
        return hint;
    return {std::min(hint.width(), item->minimumSize().width()), hint.height()};
}

// One row along the top of `line`, its items centred on the row's middle line, the row's spare
// width shared by the items that grow sideways; returns the row's height.
int FlowLayout::placeRow(const Row& row, const QRect& line, bool apply) const {
    int height = 0;
    int used = gap(Qt::Horizontal) * (static_cast<int>(row.size()) - 1);
    int growing = 0;
    for (const auto& [item, size] : row) {
        height = std::max(height, size.height());
        used += size.width();
        growing += (item->expandingDirections() & Qt::Horizontal) ? 1 : 0;
    }
    const int spare = growing > 0 ? std::max(0, line.width() - used) / growing : 0;
    int x = line.x();
    for (const auto& [item, size] : row) {
        const bool grows = (item->expandingDirections() & Qt::Horizontal) != 0;
        const int width = std::min(size.width() + (grows ? spare : 0), item->maximumSize().width());
        if (apply)
            item->setGeometry(
                QRect(x, line.y() + (height - size.height()) / 2, width, size.height()));
        x += width + gap(Qt::Horizontal);
    }
    return height;
}

// The layout's own spacing, or else what the style puts between two push buttons.
int FlowLayout::gap(Qt::Orientation orientation) const {
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    if (parent == nullptr)
        return 6;
    const QStyle* style = parent->style();
    return orientation == Qt::Horizontal
               ? style->layoutSpacing(QSizePolicy::PushButton, QSizePolicy::PushButton,
                                      Qt::Horizontal, nullptr, parent)
               : style->layoutSpacing(QSizePolicy::PushButton, QSizePolicy::PushButton,
                                      Qt::Vertical, nullptr, parent);
}
