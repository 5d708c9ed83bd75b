// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/column_fitter.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>

ColumnFitter::ColumnFitter(QTableView* view) : QObject(view), m_view(view) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ColumnFitter::fit);
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &ColumnFitter::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ColumnFitter::schedule);
    QHeaderView* header = view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &ColumnFitter::onSectionResized);
    // Only rows in and near the viewport are measured, so a long table costs no more than a
    // short one.
    header->setResizeContentsPrecision(0);
    view->installEventFilter(this);
    m_headerViewport = header->viewport();
    m_headerViewport->installEventFilter(this);
    header->setFont(view->font());
    schedule();
}

void ColumnFitter::setMaxChars(int column, int chars) {
    m_maxChars.insert(column, chars);
}

int ColumnFitter::maxWidth(int column) const {
    const int share = std::max(80, int(m_view->viewport()->width() * kMaxShare));
    const auto chars = m_maxChars.constFind(column);
    if (chars == m_maxChars.cend())
        return share;
    // The delegate's margins around the text, as QStyledItemDelegate::sizeHint() counts them.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view);
    const int text = QFontMetrics(m_view->font()).averageCharWidth() * chars.value();
    return std::min(share, text + 2 * (margin + 1));
}

// The style may give headers a smaller font of their own; on a projector the titles need the
// table's size. A resize is the user's only while a mouse button is down on the header: the
// fitter's own resizes, the stretched last column and shown or hidden columns resize it too.
bool ColumnFitter::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::FontChange) {
        m_view->horizontalHeader()->setFont(m_view->font());
        schedule();
    } else if (watched == m_headerViewport) {
        if (event->type() == QEvent::MouseButtonPress ||
            event->type() == QEvent::MouseButtonDblClick)
            m_mouseDown = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_mouseDown = false;
    }
    return QObject::eventFilter(watched, event);
}

// Not restarted by later rows: under a steady stream the columns still get fitted.
void ColumnFitter::schedule() {
    if (m_timer.isActive())
        return;
    qint64 delay = kDelayMs;
    if (m_sinceFit.isValid())
        delay = std::max(delay, kMinIntervalMs - m_sinceFit.elapsed());
    m_timer.start(int(delay));
}

void ColumnFitter::fit() {
    m_sinceFit.start();
    QHeaderView* header = m_view->horizontalHeader();
    // QTableView hides sizeHintForColumn(); the base class's public one dispatches to it.
    const QAbstractItemView* asItemView = m_view;
    const int stretched = header->stretchLastSection() ? lastVisibleColumn() : -1;
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column) || column == stretched || isUserSized(column))
            continue;
        const int wanted =
            std::max(asItemView->sizeHintForColumn(column), header->sectionSizeHint(column));
        const int width = std::min(maxWidth(column), wanted);
        if (width > header->sectionSize(column))
            header->resizeSection(column, width);
    }
    emit fitted();
}

int ColumnFitter::lastVisibleColumn() const {
    const QHeaderView* header = m_view->horizontalHeader();
    for (int visual = header->count() - 1; visual >= 0; --visual) {
        const int column = header->logicalIndex(visual);
        if (!header->isSectionHidden(column))
            return column;
    }
    return -1;
}

// Dragging one edge also resizes the stretched last column, which the user did not touch.
void ColumnFitter::onSectionResized(int column) {
    if (m_mouseDown && column != lastVisibleColumn())
        m_userSized.insert(column);
}
