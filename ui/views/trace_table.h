// SPDX-License-Identifier: GPL-3.0-or-later
// The one factory for the live-trace tables (descriptors, wait calls, events), so that the three
// look and behave alike.
#pragma once

class ColumnFitter;
class QAbstractItemModel;
class QString;
class QTableView;

// A read-only table for a live trace: whole-row selection, no word wrap, no row numbers,
// interactive column widths kept by a ColumnFitter, the last column stretched.
QTableView* makeTraceTable(const QString& objectName, QAbstractItemModel* model);

// The ColumnFitter of a table made by makeTraceTable(), to cap its long columns.
ColumnFitter* traceTableFitter(const QTableView* table);
