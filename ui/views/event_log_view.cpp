// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/event_log_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/models/event_filter_proxy.h"
#include "ui/models/event_log_model.h"
#include "ui/models/trace_format.h"
#include "ui/views/column_fitter.h"
#include "ui/views/follow_tail.h"
#include "ui/views/trace_table.h"

namespace {
constexpr int kLastKind = static_cast<int>(ss::kLastEventKind);
constexpr int kMaxFd = 1 << 20;
}  // namespace

EventLogView::EventLogView(EventLogModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    m_proxy = new EventFilterProxy(this);
    m_proxy->setObjectName(QStringLiteral("eventProxy"));
    m_proxy->setSourceModel(m_model);
    createTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createFilterRow());
    layout->addWidget(m_table, 1);
    updateJumpButton();
}

bool EventLogView::isFollowing() const {
    return m_follow->isFollowing();
}

void EventLogView::jumpToLive() {
    m_follow->jumpToLive();
}

QWidget* EventLogView::createFilterRow() {
    m_fd = new QSpinBox;
    m_fd->setObjectName(QStringLiteral("eventFdFilter"));
    m_fd->setRange(EventFilterProxy::kAnyFd, kMaxFd);
    m_fd->setSpecialValueText(tr("all"));
    m_fd->setValue(EventFilterProxy::kAnyFd);
    m_fd->setToolTip(tr("Show only the events of this descriptor."));
    connect(m_fd, &QSpinBox::valueChanged, m_proxy, &EventFilterProxy::setFdFilter);

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("eventKindFilter"));
    m_kind->setToolTip(tr("Show only one kind of event."));
    m_kind->addItem(tr("all kinds"), -1);
    for (int kind = 0; kind <= kLastKind; ++kind)
        m_kind->addItem(trace_format::eventKind(static_cast<ss::EventKind>(kind)), kind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EventLogView::onKindPicked);

    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("eventTextFilter"));
    m_text->setClearButtonEnabled(true);
    m_text->setPlaceholderText(tr("Filter: text in the detail or the data"));
    connect(m_text, &QLineEdit::textChanged, m_proxy, &EventFilterProxy::setTextFilter);

    m_jump = new QPushButton(tr("Jump to live"));
    m_jump->setObjectName(QStringLiteral("jumpToLive"));
    m_jump->setToolTip(
        tr("Show the newest event again, in the order events happened, and follow the server "
           "(End)."));
    connect(m_jump, &QPushButton::clicked, this, &EventLogView::jumpToLive);

    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("fd")));
    layout->addWidget(m_fd);
    layout->addWidget(new QLabel(tr("kind")));
    layout->addWidget(m_kind);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_jump);
    return row;
}

void EventLogView::createTable() {
    m_table = makeTraceTable(QStringLiteral("eventTable"), m_proxy);
    // Events stay in the order they happened until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    // The hex dump repeats the preview; it is there for whoever widens the window.
    m_table->setColumnHidden(EventLogModel::Hex, true);
    traceTableFitter(m_table)->setMaxChars(EventLogModel::Detail, kDetailChars);
    m_follow = new FollowTail(m_table);
    // The newest events are at the bottom only in the order they happened.
    connect(m_follow, &FollowTail::jumpedToLive, this, [this] {
        if (m_proxy->sortColumn() >= 0) {
            m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
            m_table->scrollToBottom();
        }
    });
    connect(m_follow, &FollowTail::followingChanged, this, &EventLogView::updateJumpButton);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EventLogView::updateJumpButton);
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &EventLogView::updateJumpButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EventLogView::updateJumpButton);
}

void EventLogView::updateJumpButton() {
    m_jump->setVisible(!m_follow->isFollowing());
    if (m_follow->isFollowing())
        return;
    const quint64 behind = eventsBehind();
    // Two sentences rather than "event(s)": the window has no English catalogue to pick the
    // plural from, and the projector shows this text large.
    if (behind == 0)
        m_jump->setText(tr("Jump to live"));
    else if (behind == 1)
        m_jump->setText(tr("Jump to live (1 event behind)"));
    else
        m_jump->setText(tr("Jump to live (%L1 events behind)").arg(behind));
}

// From the selected event, or else the lowest one in view, to the newest event recorded (the
// filters hide some, but they happened): two lookups, no scan. Sorted by a column, the rows are
// in no order of time, and the button just says "Jump to live".
quint64 EventLogView::eventsBehind() const {
    const int rows = m_proxy->rowCount();
    if (rows == 0 || m_model->rowCount() == 0 || m_proxy->sortColumn() >= 0)
        return 0;
    int anchor = -1;
    for (const QItemSelectionRange& range : m_table->selectionModel()->selection())
        anchor = std::max(anchor, range.bottom());
    if (anchor < 0)
        anchor = m_table->rowAt(m_table->viewport()->height() - 1);
    if (anchor < 0 || anchor >= rows)
        anchor = rows - 1;
    const int source = m_proxy->mapToSource(m_proxy->index(anchor, 0)).row();
    const uint64_t newest = m_model->event(m_model->rowCount() - 1).number;
    const uint64_t shown = m_model->event(source).number;
    return newest > shown ? newest - shown : 0;
}

void EventLogView::onKindPicked(int index) {
    const int chosen = m_kind->itemData(index).toInt();
    if (chosen < 0) {
        m_proxy->showAllKinds();
        return;
    }
    for (int kind = 0; kind <= kLastKind; ++kind)
        m_proxy->setKindShown(static_cast<ss::EventKind>(kind), kind == chosen);
}
