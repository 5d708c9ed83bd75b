// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/follow_tail.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QScrollBar>

namespace {
// A row's worth of slack: "at the bottom" also when the last row is only partly shown.
constexpr int kBottomSlackSteps = 1;
}  // namespace

FollowTail::FollowTail(QAbstractItemView* view) : QObject(view), m_view(view) {
    QAbstractItemModel* model = view->model();
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &FollowTail::onAboutToInsert);
    connect(model, &QAbstractItemModel::rowsInserted, this, &FollowTail::onInserted);
    connect(model, &QAbstractItemModel::modelReset, this, &FollowTail::onInserted);
}

// Decided before the rows arrive: afterwards the scroll bar's maximum has already grown.
void FollowTail::onAboutToInsert() {
    const QScrollBar* bar = m_view->verticalScrollBar();
    m_following = bar->value() >= bar->maximum() - kBottomSlackSteps * bar->singleStep();
}

void FollowTail::onInserted() {
    if (m_following)
        m_view->scrollToBottom();
}
