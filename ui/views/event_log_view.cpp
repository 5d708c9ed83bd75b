// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/event_log_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/event_filter_proxy.h"
#include "ui/models/event_log_model.h"
#include "ui/models/trace_format.h"
#include "ui/views/follow_tail.h"
#include "ui/views/trace_table.h"

namespace {
constexpr int kLastKind = static_cast<int>(ss::EventKind::Note);
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

    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("fd")));
    layout->addWidget(m_fd);
    layout->addWidget(new QLabel(tr("kind")));
    layout->addWidget(m_kind);
    layout->addWidget(m_text, 1);
    return row;
}

void EventLogView::createTable() {
    m_table = makeTraceTable(QStringLiteral("eventTable"), m_proxy);
    // Events stay in the order they happened until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    // The hex dump repeats the preview; it is there for whoever widens the window.
    m_table->setColumnHidden(EventLogModel::Hex, true);
    m_follow = new FollowTail(m_table);
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
