// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/trace_table.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

#include "ui/views/column_fitter.h"

QTableView* makeTraceTable(const QString& objectName, QAbstractItemModel* model) {
    auto* table = new QTableView;
    table->setObjectName(objectName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    new ColumnFitter(table);
    return table;
}

ColumnFitter* traceTableFitter(const QTableView* table) {
    return table->findChild<ColumnFitter*>(QString(), Qt::FindDirectChildrenOnly);
}
