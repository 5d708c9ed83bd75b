// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor table as the window shows it: a filter line, a toggle for the wake-up
// descriptor, and a sortable QTableView over a QSortFilterProxyModel of the DescriptorTableModel.
// Selecting a row reports its descriptor (the plots follow it).
#pragma once

#include <QWidget>

class DescriptorTableModel;
class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

class DescriptorView : public QWidget {
    Q_OBJECT

public:
    explicit DescriptorView(DescriptorTableModel* model, QWidget* parent = nullptr);

    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

signals:
    // -1 when no row is selected.
    void fdSelected(int fd);

private:
    QWidget* createToolRow();
    void createTable();
    void onCurrentChanged();

    DescriptorTableModel* m_model;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QCheckBox* m_showWakeup = nullptr;
    QTableView* m_table = nullptr;
};
