// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/column_fitter.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

ColumnFitter::ColumnFitter(QTableView* view) : QObject(view), m_view(view) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ColumnFitter::fit);
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::schedule);
    // Only rows in and near the viewport are measured, so a long table costs no more than a
    // short one.
    view->horizontalHeader()->setResizeContentsPrecision(0);
    view->installEventFilter(this);
    view->horizontalHeader()->setFont(view->font());
    schedule();
}

// The style may give headers a smaller font of their own; on a projector the titles need the
// table's size.
bool ColumnFitter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::FontChange) {
        m_view->horizontalHeader()->setFont(m_view->font());
        schedule();
    }
    return QObject::eventFilter(watched, event);
}

// Not restarted by later rows: under a steady stream the columns still get fitted.
void ColumnFitter::schedule() {
    if (!m_timer.isActive())
        m_timer.start();
}

void ColumnFitter::fit() {
    QHeaderView* header = m_view->horizontalHeader();
    // QTableView hides sizeHintForColumn(); the base class's public one dispatches to it.
    const QAbstractItemView* asItemView = m_view;
    const int count = header->count();
    const int cap = std::max(80, int(m_view->viewport()->width() * kMaxShare));
    for (int column = 0; column < count; ++column) {
        if (header->isSectionHidden(column))
            continue;
        if (header->stretchLastSection() && header->visualIndex(column) == count - 1)
            continue;
        const int wanted =
            std::max(asItemView->sizeHintForColumn(column), header->sectionSizeHint(column));
        const int width = std::min(cap, wanted);
        if (width > header->sectionSize(column))
            header->resizeSection(column, width);
    }
}
