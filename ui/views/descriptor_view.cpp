// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/descriptor_view.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/models/descriptor_table_model.h"
#include "ui/views/trace_table.h"

DescriptorView::DescriptorView(DescriptorTableModel* model, QWidget* parent)
    : QWidget(parent), m_model(model) {
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("descriptorProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DescriptorTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);  // the filter text may be in any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    createTable();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(createToolRow());
    layout->addWidget(m_table, 1);
}

QWidget* DescriptorView::createToolRow() {
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("descriptorFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter: fd, role, address, state ..."));
    m_filter->setToolTip(tr("Shows only the rows that contain this text in any column."));
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_showWakeup = new QCheckBox(tr("Show wake-up descriptor"));
    m_showWakeup->setObjectName(QStringLiteral("showWakeup"));
    m_showWakeup->setToolTip(
        tr("The descriptor the window uses to wake the server's wait call "
           "(to pause it, for instance). It is watched like any other."));
    m_showWakeup->setChecked(m_model->showWakeup());
    connect(m_showWakeup, &QCheckBox::toggled, m_model, &DescriptorTableModel::setShowWakeup);
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_showWakeup);
    return row;
}

void DescriptorView::createTable() {
    m_table = makeTraceTable(QStringLiteral("descriptorTable"), m_proxy);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // Source order (by fd) until the user clicks a header.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    // The state (open, backpressured, half-closed ...) is what the class watches most: shown next
    // to the addresses instead of after the counters, where it would need scrolling to.
    m_table->horizontalHeader()->moveSection(DescriptorTableModel::State,
                                             DescriptorTableModel::Interest);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DescriptorView::onCurrentChanged);
}

void DescriptorView::onCurrentChanged() {
    const QModelIndex current = m_table->currentIndex();
    emit fdSelected(current.isValid() ? current.data(DescriptorTableModel::FdRole).toInt() : -1);
}
