// SPDX-License-Identifier: GPL-3.0-or-later
// The descriptor table as the window shows it: a filter line, a toggle for the wake-up
// descriptor, and a sortable QTableView over a QSortFilterProxyModel of the DescriptorTableModel.
// Selecting a row reports its descriptor (the plots follow it).
#pragma once

#include <QWidget>

#include "core/trace/trace_types.h"

class DescriptorTableModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

class DescriptorView : public QWidget {
    Q_OBJECT

public:
    explicit DescriptorView(DescriptorTableModel* model, QWidget* parent = nullptr);

    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }

public slots:
    // The table shows that call (which sets each descriptor went in and came back ready in),
    // under a banner with the call's Python line, whole, and a Back to live button.
    void showCall(const ss::CallRecord& call);
    void showLive();

signals:
    // -1 when no row is selected.
    void fdSelected(int fd);
    // Back to live was pressed: the call trace should let go of its selection too.
    void liveRequested();

private:
    QWidget* createToolRow();
    QWidget* createBanner();
    void createTable();
    void onCurrentChanged();
    void revealWakeupToggle();

    DescriptorTableModel* m_model;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QCheckBox* m_showWakeup = nullptr;
    QWidget* m_banner = nullptr;
    QLabel* m_bannerText = nullptr;
    QTableView* m_table = nullptr;
};
