// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/follow_tail.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QScrollBar>

#include <algorithm>

namespace {
// A row's worth of slack: "at the bottom" also when the last row is only partly shown.
constexpr int kBottomSlackSteps = 1;
}  // namespace

FollowTail::FollowTail(QAbstractItemView* view) : QObject(view), m_view(view) {
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::rowsInserted, this, &FollowTail::onInserted);
    connect(model, &QAbstractItemModel::modelReset, this, &FollowTail::onInserted);
    connect(model, &QAbstractItemModel::layoutChanged, this, &FollowTail::onInserted);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &FollowTail::onAboutToRemove);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &FollowTail::onRemoved);
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FollowTail::update);
    // Only the user's own scrolling (wheel, scroll bar, drag) triggers actions; the scrolling
    // done here and by Qt's layout does not, so it cannot be mistaken for the user leaving.
    connect(view->verticalScrollBar(), &QAbstractSlider::actionTriggered, this,
            &FollowTail::onScrollAction);
    view->installEventFilter(this);
}

// End goes back to live: in a trace, the newest row is where "the end" is.
bool FollowTail::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_End) {
        jumpToLive();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void FollowTail::jumpToLive() {
    m_jumping = true;
    m_scrolledAway = false;
    m_view->selectionModel()->clear();
    m_view->scrollToBottom();
    update();
    m_jumping = false;
    emit jumpedToLive();
}

bool FollowTail::atBottom() const {
    const QScrollBar* bar = m_view->verticalScrollBar();
    return bar->sliderPosition() >= bar->maximum() - kBottomSlackSteps * bar->singleStep();
}

bool FollowTail::hasSelection() const {
    return m_view->selectionModel()->hasSelection();
}

void FollowTail::update() {
    const bool following = !m_scrolledAway && !hasSelection();
    if (following == m_following)
        return;
    m_following = following;
    emit followingChanged(following);
}

// Called before the slider's value moves; its position already says where it is going.
void FollowTail::onScrollAction() {
    m_scrolledAway = !atBottom();
    update();
}

// A held view keeps showing the same rows while the oldest leave the model above them: without
// this, a capped trace under load would slide the rows the user is reading up and away.
void FollowTail::onAboutToRemove(const QModelIndex& parent, int first, int last) {
    m_removedAbove = 0;
    if (m_following || parent.isValid())
        return;
    const QModelIndex top = m_view->indexAt(QPoint(0, 0));
    if (!top.isValid() || top.row() <= first)
        return;
    const int end = std::min(last, top.row() - 1);
    const QAbstractItemModel* model = m_view->model();
    m_removedAbove = end - first + 1;
    m_removedHeight = m_view->visualRect(model->index(end, top.column())).bottom() -
                      m_view->visualRect(model->index(first, top.column())).top() + 1;
}

void FollowTail::onRemoved() {
    if (m_removedAbove > 0) {
        QScrollBar* bar = m_view->verticalScrollBar();
        const bool perItem = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
        bar->setValue(bar->value() - (perItem ? m_removedAbove : m_removedHeight));
        m_removedAbove = 0;
    }
    // An emptied model is a new trace: there is nothing left to hold on to.
    if (m_view->model()->rowCount() == 0) {
        m_scrolledAway = false;
        update();
    }
}

void FollowTail::onInserted() {
    if (m_following)
        m_view->scrollToBottom();
}
